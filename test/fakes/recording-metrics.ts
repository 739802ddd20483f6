import type { KnowledgeOutcome, Metrics, NotificationOutcome, TurnOutcome } from '../../bot/metrics.js';
import type { LimitKind } from '../../bot/rate-limits.js';

/** A {@link Metrics} that remembers every call, for tests that check what was counted. */
export class RecordingMetrics implements Metrics {
  readonly turns: Array<{ channel: string; outcome: TurnOutcome; ms: number }> = [];
  readonly knowledge: KnowledgeOutcome[] = [];
  readonly cases: string[] = [];
  readonly notifications: NotificationOutcome[] = [];
  readonly limited: LimitKind[] = [];

  turnFinished(channel: string, outcome: TurnOutcome, ms: number): void {
    this.turns.push({ channel, outcome, ms });
  }
  knowledgeOutcome(outcome: KnowledgeOutcome): void {
    this.knowledge.push(outcome);
  }
  caseCreated(areaId: string): void {
    this.cases.push(areaId);
  }
  notification(outcome: NotificationOutcome, count = 1): void {
    for (let i = 0; i < count; i++) this.notifications.push(outcome);
  }
  rateLimited(kind: LimitKind): void {
    this.limited.push(kind);
  }
}
