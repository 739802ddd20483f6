import { createHash } from 'node:crypto';
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Logger } from '../../bot/logger.js';
import { noMetrics, type Metrics } from '../../bot/metrics.js';
import type { LimitDecision, LimitKind, RateLimits } from '../../bot/rate-limits.js';
import { DatabaseUnavailableError, type Database } from '../postgres/database.js';

/** The limits, per kind; 0 switches a kind off. */
export interface RateLimitSettings {
  /** Turns a user may take a minute, counted in 10-second windows of a sixth each. */
  turnsPerMinute: number;
  /** Turns a minute beyond the 10-second share (a burst). */
  burst: number;
  /** Requests a client address may make a minute. */
  addressPerMinute: number;
  /** Web chat tokens minted per user a minute. */
  tokensPerMinute: number;
  /** Cases created per user an hour. */
  casesPerHour: number;
  /** Agent API requests per agent a minute. */
  agentPerMinute: number;
  /** Files a user may upload an hour (web chat and Teams). Default 0: no limit. */
  uploadsPerHour?: number;
}

export interface RateLimitOptions {
  settings: RateLimitSettings;
  logger: Logger;
  /**
   * Where the counters live: a database (every process of the deployment shares them), or this
   * process's memory (the embedded database has one process anyway). Default memory.
   */
  db?: Database;
  /** Where refusals are counted. Default: nowhere. */
  metrics?: Metrics;
}

/** The table the counters live in (migration 070). */
export const RATE_LIMIT_TABLE = 'rate_limit';

/** The counters as the library stores them: the key, points used, and when the window ends (ms). */
interface Window {
  points: number;
  duration: number;
}

/** After the database failed to answer, how long the counters stay in memory without asking it. */
const DATABASE_PAUSE_MS = 5000;

/** The name rate-limiter-flexible gives its counting statement (see its RateLimiterPostgres._upsert). */
const UPSERT_NAME = `${RATE_LIMIT_TABLE}:rlflx-upsert`;

/**
 * The library's counting statement (a window that has ended starts again with these points) for
 * any number of keys: arrays rather than a VALUES row per key, so that it is one text, prepared
 * once per connection. The keys of one statement are distinct (ON CONFLICT touches a row once).
 */
const COUNT = `INSERT INTO ${RATE_LIMIT_TABLE} AS t (key, points, expire)
  SELECT * FROM unnest($2::varchar[], $3::integer[], $4::bigint[])
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN t.expire <= $1 THEN EXCLUDED.points ELSE t.points + EXCLUDED.points END,
    expire = CASE WHEN t.expire <= $1 THEN EXCLUDED.expire ELSE t.expire END
  RETURNING key, points, expire`;
const COUNT_NAME = 'rate_limit_count';

interface PendingUpsert {
  key: string;
  points: number;
  expire: number | null;
  resolve: (row: Record<string, unknown> | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * The counting statements of one tick (every request and limit that counts at the same moment,
 * e.g. a turn's address and the turns of other users arriving together) as one statement: the
 * library's upsert with one row per key, the points of a key's callers added up. Each caller gets
 * the row as if the callers had counted one after another in the order they asked: its points are
 * the key's total less what the later callers added. A key being counted waits for that
 * statement to end (its callers then go together in the next one).
 */
class UpsertBatches {
  private waiting: PendingUpsert[] = [];
  private readonly counting = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  add(key: string, points: number, expire: number | null): Promise<Record<string, unknown> | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ key, points, expire, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const byKey = new Map<string, PendingUpsert[]>();
    const later: PendingUpsert[] = [];
    for (const u of this.waiting) {
      if (this.counting.has(u.key)) later.push(u);
      else byKey.set(u.key, [...(byKey.get(u.key) ?? []), u]);
    }
    this.waiting = later;
    if (byKey.size === 0) return;
    const groups = [...byKey.values()];
    for (const key of byKey.keys()) this.counting.add(key);
    const params = [this.now(), groups.map((g) => g[0]!.key), groups.map((g) => g.reduce((sum, u) => sum + u.points, 0)), groups.map((g) => g[0]!.expire)];
    try {
      const { rows } = await this.db.query<{ key: string; points: number | string; expire: number | string | null }>(COUNT, params, { prepareAs: COUNT_NAME });
      const rowOf = new Map(rows.map((row) => [row.key, row]));
      for (const group of groups) {
        const row = rowOf.get(group[0]!.key);
        let after = 0;
        for (let i = group.length - 1; i >= 0; i--) {
          const u = group[i]!;
          u.resolve(row ? { ...row, points: Number(row.points) - after } : undefined);
          after += u.points;
        }
      }
    } catch (error: unknown) {
      for (const group of groups) for (const u of group) u.reject(error);
    } finally {
      for (const key of byKey.keys()) this.counting.delete(key);
      if (this.waiting.length > 0) this.schedule();
    }
  }
}

/**
 * The library's PostgreSQL store talks to a node-postgres client: `query({ text, values })`. This
 * gives it one on the project's Database port, so it runs on the pool (PostgreSQL) and on PGlite
 * alike, with the table from the migrations. PGlite reports no row count for a SELECT: the rows do.
 * Its counting statements are batched per tick ({@link UpsertBatches}); the others run as they come.
 * Once the database is unreachable, it is not asked again for a few seconds (the library counts in
 * memory meanwhile): otherwise every request of an outage would first wait out a connection timeout
 * for its rate limit.
 */
function storeClientOn(db: Database, now: () => number = Date.now) {
  let pausedUntil = 0;
  const upserts = new UpsertBatches(db, now);
  return {
    async query(q: { name?: string; text: string; values?: unknown[] }) {
      if (now() < pausedUntil) throw new DatabaseUnavailableError();
      try {
        const [key, points, expire] = q.values ?? [];
        if (q.name === UPSERT_NAME && typeof key === 'string' && typeof points === 'number' && (typeof expire === 'number' || expire === null)) {
          const row = await upserts.add(key, points, expire);
          return { rows: row ? [row] : [], rowCount: row ? 1 : 0 };
        }
        const result = await db.query(q.text, q.values ?? []);
        return { rows: result.rows, rowCount: result.rows.length > 0 ? result.rows.length : result.rowCount };
      } catch (error: unknown) {
        if (error instanceof DatabaseUnavailableError) pausedUntil = now() + DATABASE_PAUSE_MS;
        throw error;
      }
    },
  };
}

/**
 * Limiter keys are digests: the counters table and the logs hold no e-mail or address, and any
 * key fits the table's varchar(255).
 */
export function limiterKey(kind: LimitKind, key: string): string {
  const input = `${kind}\u0000${key}`;
  const known = digests.get(input);
  if (known !== undefined) return known;
  const digest = createHash('sha256').update(input).digest('base64url').slice(0, 22);
  // The same users and addresses come back turn after turn: their digests are kept (a bounded
  // number; emptied when full), not hashed again for every request.
  if (digests.size >= DIGESTS_KEPT) digests.clear();
  digests.set(input, digest);
  return digest;
}

const DIGESTS_KEPT = 10_000;
const digests = new Map<string, string>();

/** rate-limiter-flexible behind the {@link RateLimits} port. */
export class FlexibleRateLimits implements RateLimits {
  private readonly limiters = new Map<LimitKind, RateLimiterAbstract | BurstyRateLimiter>();
  private readonly logger: Logger;
  private readonly metrics: Metrics;
  /**
   * Until when an over-limit key is refused (the end of the window it was refused in): one log
   * line per key and window, not per request, and {@link refusing} without a statement.
   */
  private readonly refused = new Map<string, number>();

  constructor(options: RateLimitOptions) {
    this.logger = options.logger;
    this.metrics = options.metrics ?? noMetrics;
    const { settings, db } = options;
    const storeClient = db ? storeClientOn(db) : undefined;
    const limiter = (prefix: string, window: Window): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix: prefix, ...window });
      if (!storeClient) return memory;
      return new RateLimiterPostgres({
        storeClient,
        storeType: 'client',
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        keyPrefix: prefix,
        ...window,
        // A key over its limit is refused from memory until its window ends: a flood costs no statements.
        inMemoryBlockOnConsumed: window.points + 1,
        // The database unreachable: counting goes on in this process's memory.
        insuranceLimiter: memory,
      });
    };
    if (settings.turnsPerMinute > 0) {
      const steady = limiter('turn', { points: Math.ceil(settings.turnsPerMinute / 6), duration: 10 });
      this.limiters.set('turn', settings.burst > 0 ? new BurstyRateLimiter(steady, limiter('turnburst', { points: settings.burst, duration: 60 })) : steady);
    }
    if (settings.addressPerMinute > 0) this.limiters.set('address', limiter('address', { points: settings.addressPerMinute, duration: 60 }));
    if (settings.tokensPerMinute > 0) this.limiters.set('token', limiter('token', { points: settings.tokensPerMinute, duration: 60 }));
    if (settings.casesPerHour > 0) this.limiters.set('case', limiter('case', { points: settings.casesPerHour, duration: 3600 }));
    if (settings.agentPerMinute > 0) this.limiters.set('agent', limiter('agent', { points: settings.agentPerMinute, duration: 60 }));
    if ((settings.uploadsPerHour ?? 0) > 0) this.limiters.set('upload', limiter('upload', { points: settings.uploadsPerHour ?? 0, duration: 3600 }));
  }

  async take(kind: LimitKind, key: string): Promise<LimitDecision> {
    const limiter = this.limiters.get(kind);
    if (!limiter) return { ok: true };
    const digest = limiterKey(kind, key);
    try {
      await limiter.consume(digest);
      return { ok: true };
    } catch (rejection: unknown) {
      if (!(rejection instanceof RateLimiterRes)) {
        // Neither the store nor the insurance could count: let the request through rather than fail it.
        this.logger.warn({ err: rejection, kind }, 'limits: could not count');
        return { ok: true };
      }
      const retryAfterMs = Math.max(rejection.msBeforeNext, 1000);
      // Every refusal is counted; the log has one line per key and window.
      this.metrics.rateLimited(kind);
      this.logOnce(kind, digest, retryAfterMs);
      return { ok: false, retryAfterMs };
    }
  }

  async giveBack(kind: LimitKind, key: string): Promise<void> {
    const limiter = this.limiters.get(kind);
    if (!limiter || limiter instanceof BurstyRateLimiter) return;
    await limiter.reward(limiterKey(kind, key)).catch((error: unknown) => this.logger.warn({ err: error, kind }, 'limits: could not give back'));
  }

  refusing(kind: LimitKind, key: string): boolean {
    if (!this.limiters.has(kind)) return false;
    return (this.refused.get(limiterKey(kind, key)) ?? 0) > Date.now();
  }

  private logOnce(kind: LimitKind, digest: string, retryAfterMs: number): void {
    const now = Date.now();
    if ((this.refused.get(digest) ?? 0) > now) return;
    if (this.refused.size > 10_000) for (const [k, until] of this.refused) if (until <= now) this.refused.delete(k);
    this.refused.set(digest, now + retryAfterMs);
    // The digest, never the user id or address: enough to see one subject hammering.
    this.logger.warn({ kind, subject: digest, retryAfterMs }, 'limits: over the limit');
  }
}
