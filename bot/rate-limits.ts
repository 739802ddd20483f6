import type { Activity, MiddlewareHandler, TurnContext } from 'botbuilder';
import { toLocale, type Locale } from './locale.js';
import { messages } from './messages.js';

/**
 * What is counted: a user's turns, a client address's requests, a user's web chat tokens, a user's
 * case creations, an agent's API requests, a user's uploaded files.
 */
export type LimitKind = 'turn' | 'address' | 'token' | 'case' | 'agent' | 'upload';

export type LimitDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** The rate limits, shared by every process of a deployment (the port; adapters/limits implements it). */
export interface RateLimits {
  /** Counts one request of `kind` by `key` (a user id, an address, an agent id). */
  take(kind: LimitKind, key: string): Promise<LimitDecision>;
  /** Gives one back, e.g. for a case creation that turned out to be a retry of an existing case. */
  giveBack(kind: LimitKind, key: string): Promise<void>;
  /**
   * True when this process refused `key` for `kind` so recently that counting it now would be
   * refused too (no statement needed to know). Optional: false when absent.
   */
  refusing?(kind: LimitKind, key: string): boolean;
}

/**
 * Thrown when a user's case creations are over the limit, in the middle of a turn: the turn is not
 * saved (the form stays at its summary) and the turn-error handler tells the user to confirm later.
 */
export class TooManyCasesError extends Error {
  readonly code = 'RATE.TOO_MANY_CASES';
  readonly userMessageKey = 'tooManyCases';
  constructor(readonly retryAfterMs: number) {
    super('rate limit: too many cases');
    this.name = 'TooManyCasesError';
  }
}

/** The user a Bot Framework activity comes from, as a limiter key: Entra object id when there is one. */
export function turnSubject(activity: Partial<Activity>): string {
  const from = activity.from as { id?: string; aadObjectId?: string } | undefined;
  return `${activity.channelId ?? ''}:${from?.aadObjectId || from?.id || ''}`;
}

/** Turn counts started before their turn reached the middleware, by activity (see {@link countTurnAhead}). */
const countedAhead = new WeakMap<object, { limits: RateLimits; decision: Promise<LimitDecision> }>();

/**
 * Starts counting `activity`'s turn now, so that it goes to the database in one statement with
 * what the caller counts at the same moment (the HTTP endpoint: the client address);
 * {@link limitTurns} then waits for this count instead of counting the turn a second time.
 */
export function countTurnAhead(limits: RateLimits, activity: Partial<Activity>): Promise<LimitDecision> {
  const decision = limits.take('turn', turnSubject(activity));
  countedAhead.set(activity, { limits, decision });
  return decision;
}

export interface TurnLimitOptions {
  limits: RateLimits;
  defaultLocale?: Locale;
  /** Test clock. */
  now?: () => number;
}

/**
 * For Bot Framework channels (Teams, Emulator): a user over the turn limit gets one polite message
 * per window (in the activity's language, Danish by default) and the turn is not run. Web chat is
 * limited before this, at its HTTP endpoint (429).
 */
export function limitTurns(options: TurnLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now;
  /** Until when a user has been told, so a flood gets one answer, not one per message. */
  const told = new Map<string, number>();
  return async (context: TurnContext, next) => {
    const activity = context.activity;
    const subject = turnSubject(activity);
    const ahead = countedAhead.get(activity);
    if (ahead) countedAhead.delete(activity);
    const decision = await (ahead?.limits === options.limits ? ahead.decision : options.limits.take('turn', subject));
    if (decision.ok) return next();
    const t = now();
    if (told.size > 10_000) for (const [key, until] of told) if (until <= t) told.delete(key);
    const text = messages(toLocale(activity.locale, options.defaultLocale ?? 'da')).tooManyTurns(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    if (activity.type === 'invoke') {
      // An invoke waits for its response: a card action shows the text, anything else gets 429.
      const isCardAction = activity.name === 'adaptiveCard/action';
      await context.sendActivity({
        type: 'invokeResponse',
        value: isCardAction
          ? { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } }
          : { status: 429 },
      });
      return;
    }
    if (activity.type !== 'message') return;
    if ((told.get(subject) ?? 0) > t) return;
    told.set(subject, t + decision.retryAfterMs);
    await context.sendActivity(text);
  };
}
