import type { IncomingMessage } from 'node:http';
import type { Activity } from 'botbuilder';
import type { Response } from 'restify';
import { countTurnAhead, type LimitKind, type RateLimits } from '../../bot/rate-limits.js';
import { clientAddress, type TrustProxy } from './client-address.js';

/** The rate limits as HTTP routes use them: over a limit, 429 with `Retry-After`. */
export class HttpLimits {
  constructor(
    readonly limits: RateLimits,
    private readonly trustProxy: TrustProxy,
  ) {}

  addressOf(req: Pick<IncomingMessage, 'headers' | 'socket'>): string {
    return clientAddress(req, this.trustProxy);
  }

  /**
   * Counts the request against each limit in turn and answers 429 at the first one it is over.
   * True when the request may go on.
   */
  async admit(res: Response, checks: ReadonlyArray<readonly [LimitKind, string]>): Promise<boolean> {
    for (const [kind, key] of checks) {
      const decision = await this.limits.take(kind, key);
      if (!decision.ok) {
        tooManyRequests(res, decision.retryAfterMs);
        return false;
      }
    }
    return true;
  }

  /**
   * A Bot Framework activity while authentication is off: counts its client address and, at the
   * same moment, its user's turn (one statement on PostgreSQL; the turn middleware takes that
   * count, see countTurnAhead). An address this process has just refused is refused again without
   * counting either. When the address is over its limit the turn has been counted all the same.
   */
  async admitActivity(req: Pick<IncomingMessage, 'headers' | 'socket'>, res: Response, activity: Partial<Activity>): Promise<boolean> {
    const address = this.addressOf(req);
    if (this.limits.refusing?.('address', address)) return this.admit(res, [['address', address]]);
    const decision = this.limits.take('address', address);
    void countTurnAhead(this.limits, activity);
    const counted = await decision;
    if (!counted.ok) tooManyRequests(res, counted.retryAfterMs);
    return counted.ok;
  }

  /** Counts the request against its client address's limit. */
  admitAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, res: Response): Promise<boolean> {
    return this.admit(res, [['address', this.addressOf(req)]]);
  }
}

export function tooManyRequests(res: Response, retryAfterMs: number): void {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  res.header('Retry-After', String(seconds));
  res.send(429, {
    code: 'RATE.LIMITED',
    message: { da: `For mange forespørgsler. Prøv igen om ${seconds} sekunder.`, en: `Too many requests. Try again in ${seconds} seconds.` },
    retryAfterSeconds: seconds,
  });
}
