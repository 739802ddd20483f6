/**
 * Domain events through PostgreSQL: the stores write them to `portal_outbox` in the transaction
 * of the change (and NOTIFY on commit); {@link PgOutboxSubscriber} lets any process consume them,
 * one queue per consumer name, at least once and in order.
 */
import { randomUUID } from 'node:crypto';
// Rows only (the domain schemas they hand over to are zod 3): zod 4 parses them several times faster.
import { z } from 'zod/v4';
import { portalEventSchema, type PortalEvent, type PortalEventHandler, type PortalEventSubscriber, type PublishedEvent, type Subscription } from '../../portal/index.js';
import type { Database, Queryable } from './database.js';

export const OUTBOX_CHANNEL = 'portal_outbox';

/**
 * Appends events to the outbox inside the caller's transaction. Wake the consumers with
 * {@link OutboxNotifier.poke} after the commit.
 */
export async function writeOutbox(tx: Queryable, events: readonly PortalEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(`INSERT INTO portal_outbox (type, payload) SELECT e->>'type', e FROM jsonb_array_elements($1::jsonb) AS e`, [JSON.stringify(events)]);
}

/**
 * Wakes outbox consumers with NOTIFY, outside the writing transactions and coalesced: a NOTIFY
 * inside a transaction takes PostgreSQL's database-wide notify lock until its commit is flushed,
 * which serialises every writer (about 260 cases/s on the test machine). Here a burst of pokes
 * becomes one NOTIFY after the other. A lost notification only delays delivery until the
 * consumers' next poll.
 */
export class OutboxNotifier {
  private running = false;
  private pending = false;

  constructor(private readonly db: Database) {}

  poke(): void {
    this.pending = true;
    if (this.running) return;
    this.running = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    while (this.pending) {
      this.pending = false;
      try {
        await this.db.notify(OUTBOX_CHANNEL);
      } catch {
        // The consumers poll as well.
      }
    }
    this.running = false;
  }
}

const int = z.union([z.number(), z.string(), z.bigint()]).transform((v) => Number(v));
const outboxRowSchema = z.object({ id: int, txid: int, payload: z.unknown() });
const claimSchema = z.object({ last_txid: int, last_id: int, horizon: int });

export interface PgOutboxSubscriberOptions {
  /** How often to look for events when no notification came. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Events per round. Default 100. */
  batchSize?: number;
  /** How long a process holds a consumer's lease before another may take over. Default 30 s. */
  leaseMs?: number;
  /** Wait before retrying after a handler failed. Default 5000 ms. */
  retryDelayMs?: number;
  /**
   * The first round after subscribing waits this long (default 0: at once); a notification of a new
   * event starts it sooner. The cursor is placed when subscribing either way.
   */
  firstRoundDelayMs?: number;
  /** Where a new consumer starts: events from now on (default), or every event in the outbox. */
  startFrom?: 'now' | 'beginning';
  /** Told about handler failures and database errors; the default ignores them. */
  onError?: (error: unknown, context: { consumer: string; eventId?: string }) => void;
}

/**
 * Consumes the outbox. Each consumer name has a cursor row; the process holding its lease reads
 * events after the cursor, calls the handler one event at a time, and moves the cursor after each
 * success. A failing handler stops the round; the event comes again after `retryDelayMs`.
 * Processes that subscribe with the same name share one queue (one holds the lease at a time).
 */
export class PgOutboxSubscriber implements PortalEventSubscriber {
  private readonly options: Required<Omit<PgOutboxSubscriberOptions, 'onError'>> & Pick<PgOutboxSubscriberOptions, 'onError'>;
  private readonly processId = randomUUID();

  constructor(
    private readonly db: Database,
    options: PgOutboxSubscriberOptions = {},
  ) {
    this.options = { pollIntervalMs: 1000, batchSize: 100, leaseMs: 30_000, retryDelayMs: 5000, startFrom: 'now', firstRoundDelayMs: 0, ...options };
  }

  async subscribe(consumer: string, handler: PortalEventHandler): Promise<Subscription> {
    await this.ensureCursor(consumer);
    let closed = false;
    let running: Promise<void> | undefined;
    let again = false;
    let timer: NodeJS.Timeout | undefined;
    let retryAt = 0;

    const schedule = (ms: number): void => {
      if (closed) return;
      clearTimeout(timer);
      timer = setTimeout(() => kick(), ms);
    };
    const kick = (): void => {
      if (closed) return;
      if (running) {
        again = true;
        return;
      }
      if (Date.now() < retryAt) {
        schedule(retryAt - Date.now());
        return;
      }
      running = this.drain(consumer, handler, () => closed)
        .then((outcome) => {
          if (outcome === 'failed') retryAt = Date.now() + this.options.retryDelayMs;
          if (outcome === 'more') again = true;
        })
        .catch((error: unknown) => {
          this.options.onError?.(error, { consumer });
          retryAt = Date.now() + this.options.retryDelayMs;
        })
        .finally(() => {
          running = undefined;
          if (again) {
            again = false;
            kick();
          } else {
            schedule(this.options.pollIntervalMs);
          }
        });
    };

    const unlisten = await this.db.listen(OUTBOX_CHANNEL, () => kick());
    if (this.options.firstRoundDelayMs > 0) schedule(this.options.firstRoundDelayMs);
    else kick();
    return {
      close: async () => {
        closed = true;
        clearTimeout(timer);
        await unlisten();
        await running;
        await this.release(consumer).catch(() => undefined);
      },
    };
  }

  private async ensureCursor(consumer: string): Promise<void> {
    if (this.options.startFrom === 'beginning') {
      await this.db.query(`INSERT INTO portal_outbox_consumer (consumer, last_txid, last_id) VALUES ($1, 0, 0) ON CONFLICT (consumer) DO NOTHING`, [consumer]);
      return;
    }
    // From now: after the newest event written so far. (Events of transactions still running
    // with an older transaction id are treated as written before the subscription.)
    await this.db.query(
      `INSERT INTO portal_outbox_consumer (consumer, last_txid, last_id)
       SELECT $1, coalesce(newest.txid, 0), coalesce(newest.id, 0)
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT txid, id FROM portal_outbox ORDER BY txid DESC, id DESC LIMIT 1) AS newest ON true
       ON CONFLICT (consumer) DO NOTHING`,
      [consumer],
    );
  }

  /**
   * One round: take the lease and read a batch, deliver it, move the cursor, give the lease back.
   * Two statements for a round of one event: the claim, which also reads the horizon and the
   * batch after the cursor, and the release, which also moves the cursor past the round's last event.
   */
  private async drain(consumer: string, handler: PortalEventHandler, isClosed: () => boolean): Promise<'idle' | 'more' | 'failed' | 'busy'> {
    // The horizon comes from the claim statement's snapshot, taken before the statement gives this
    // session a transaction id of its own: every transaction below it has ended, so no event with
    // a smaller txid can still appear, and all of theirs are visible to the same statement's read.
    const claimed = await this.db.query<unknown>(
      `WITH claim AS (
         UPDATE portal_outbox_consumer
            SET locked_by = $2, locked_until = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
          WHERE consumer = $1 AND (locked_by IS NULL OR locked_by = $2 OR locked_until < now())
          RETURNING last_txid, last_id, pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon)
       SELECT claim.last_txid, claim.last_id, claim.horizon, e.id, e.txid, e.payload
         FROM claim
         LEFT JOIN LATERAL (
           SELECT id, txid, payload FROM portal_outbox
            WHERE (txid, id) > (claim.last_txid, claim.last_id) AND txid < claim.horizon
            ORDER BY txid, id
            LIMIT $4) AS e ON true
        ORDER BY e.txid, e.id`,
      [consumer, this.processId, this.options.leaseMs, this.options.batchSize],
      { prepareAs: 'outbox_claim' },
    );
    const claimedRow = claimed.rows[0];
    if (claimedRow === undefined) return 'busy';
    const { horizon: _horizon, ...start } = claimSchema.parse(claimedRow);
    let cursor = start;
    /** The cursor after the last delivered event, not yet written (the release writes it). */
    let unsaved: typeof cursor | undefined;
    let outcome: 'idle' | 'more' | 'failed' = 'idle';
    try {
      // No event after the cursor: one row with the claim and no event.
      const rows = claimed.rows.filter((row) => (row as { id: unknown }).id !== null);
      for (const raw of rows) {
        if (isClosed()) break;
        const row = outboxRowSchema.parse(raw);
        const event = portalEventSchema.safeParse(row.payload);
        if (!event.success) {
          // A malformed event would fail forever: report it and move on rather than block the queue.
          this.options.onError?.(new Error(`pg-outbox: event ${row.id} is malformed: ${event.error.message}`), { consumer, eventId: String(row.id) });
        }
        const published: PublishedEvent | undefined = event.success ? { id: String(row.id), event: event.data } : undefined;
        // The previous event's cursor is written before the next event is handled, so a crash
        // repeats at most the event in hand.
        if (unsaved) {
          await this.advance(consumer, unsaved);
          unsaved = undefined;
        }
        try {
          if (published) await handler(published);
        } catch (error: unknown) {
          this.options.onError?.(error, { consumer, eventId: String(row.id) });
          outcome = 'failed';
          break;
        }
        cursor = { last_txid: row.txid, last_id: row.id };
        unsaved = cursor;
      }
      if (outcome === 'idle' && rows.length === this.options.batchSize) outcome = 'more';
    } finally {
      await this.release(consumer, unsaved);
    }
    return outcome;
  }

  private async advance(consumer: string, cursor: { last_txid: number; last_id: number }): Promise<void> {
    await this.db.query(`UPDATE portal_outbox_consumer SET last_txid = $2, last_id = $3, updated_at = now() WHERE consumer = $1 AND locked_by = $4`, [
      consumer,
      cursor.last_txid,
      cursor.last_id,
      this.processId,
    ], { prepareAs: 'outbox_advance' });
  }

  /** Gives the lease back, moving the cursor first when a delivered event's is not yet written. */
  private async release(consumer: string, cursor?: { last_txid: number; last_id: number }): Promise<void> {
    if (cursor) {
      await this.db.query(
        `UPDATE portal_outbox_consumer SET last_txid = $3, last_id = $4, updated_at = now(), locked_by = NULL, locked_until = NULL WHERE consumer = $1 AND locked_by = $2`,
        [consumer, this.processId, cursor.last_txid, cursor.last_id],
        { prepareAs: 'outbox_release_moved' },
      );
      return;
    }
    await this.db.query(`UPDATE portal_outbox_consumer SET locked_by = NULL, locked_until = NULL WHERE consumer = $1 AND locked_by = $2`, [consumer, this.processId], {
      prepareAs: 'outbox_release',
    });
  }
}
