/**
 * What operations counts, as a port: the core reports events here and never imports a metrics
 * library (adapters/metrics implements it with prom-client, exposed at /metrics). Every method is
 * called from a place that already logs the event, so a metric and its log line cannot disagree.
 */
import type { FeedbackRecorder } from '../dialogs/ports.js';
import type { LimitKind } from './rate-limits.js';

/** How a turn ended: it ran to the end, or it threw (the turn-error handler answered). */
export type TurnOutcome = 'ok' | 'failed';

/**
 * The knowledge base's part of a turn: the router's answer (`answered`, `ambiguous` — "Mente du
 * …?", `unknown`) and the user's verdict on an answer ("Hjalp det?": `helpful`, `not_helpful`).
 */
export type KnowledgeOutcome = 'answered' | 'ambiguous' | 'unknown' | 'helpful' | 'not_helpful';

/**
 * What became of one notification delivery attempt: `sent`; `retried` (failed, tried again
 * later); `given_up` (failed for the last time, or interrupted mid-send); `skipped` (no
 * conversation to send it to, or the channel refused one).
 */
export type NotificationOutcome = 'sent' | 'retried' | 'given_up' | 'skipped';

export interface Metrics {
  /** A turn of `channel` (`msteams`, `webchat`, `emulator`, …) ended after `ms` milliseconds. */
  turnFinished(channel: string, outcome: TurnOutcome, ms: number): void;
  knowledgeOutcome(outcome: KnowledgeOutcome): void;
  /** A user created a case in `areaId` (not a retried confirmation of an existing one). */
  caseCreated(areaId: string): void;
  notification(outcome: NotificationOutcome, count?: number): void;
  /** A request or turn was refused by the rate limit of `kind`. */
  rateLimited(kind: LimitKind): void;
}

/** Counts nothing: the default where metrics are off. */
export const noMetrics: Metrics = {
  turnFinished: () => undefined,
  knowledgeOutcome: () => undefined,
  caseCreated: () => undefined,
  notification: () => undefined,
  rateLimited: () => undefined,
};

/** A {@link FeedbackRecorder} that also counts the verdicts ("Hjalp det?" Ja/Nej) once they are recorded. */
export function countingFeedback(inner: FeedbackRecorder, metrics: Metrics): FeedbackRecorder {
  return {
    async recordFeedback(feedback) {
      await inner.recordFeedback(feedback);
      metrics.knowledgeOutcome(feedback.helpful ? 'helpful' : 'not_helpful');
    },
    recordUnanswered: (question) => inner.recordUnanswered(question),
  };
}
