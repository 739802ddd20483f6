/**
 * Notification state in PostgreSQL (pg or PGlite, same SQL): the users' latest conversation
 * references and the delivery ledger every process shares.
 */
import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { ConversationReferenceStore, Delivery, DeliveryLedger, StoredReference } from '../../bot/notifications/ports.js';
import type { Locale } from '../../bot/locale.js';
import { portalEventSchema, type CaseDomainEvent } from '../../portal/index.js';
import type { Database } from './database.js';
import { isUuid } from './pg-case-store.js';

const timestamp = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());
const int = z.union([z.number(), z.string(), z.bigint()]).transform((v) => Number(v));
const json = z.unknown().transform((v) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v));

const referenceRowSchema = z.object({
  user_id: z.string(),
  channel_id: z.string(),
  reference: json.pipe(z.record(z.string(), z.unknown())),
  locale: z.enum(['da', 'en']),
  updated_at: timestamp,
});

export interface PgConversationReferenceStoreOptions {
  /** An unchanged reference is written again only after this long (keeps "latest channel" fresh). Default 60 s. */
  refreshMs?: number;
}

export class PgConversationReferenceStore implements ConversationReferenceStore {
  /** What this process last wrote per user and channel: most turns change nothing and write nothing. */
  private readonly written = new Map<string, { json: string; at: number }>();
  private readonly refreshMs: number;

  constructor(
    private readonly db: Database,
    options: PgConversationReferenceStoreOptions = {},
  ) {
    this.refreshMs = options.refreshMs ?? 60_000;
  }

  async save(userId: string, reference: Partial<ConversationReference>, locale: Locale, options: { keepExisting?: boolean } = {}): Promise<void> {
    const channelId = reference.channelId;
    if (!channelId || !isUuid(userId)) return;
    const { activityId: _activityId, ...stable } = reference;
    const body = JSON.stringify(stable);
    const keep = options.keepExisting === true;
    const key = `${userId}\u0000${channelId}${keep ? '\u0000keep' : ''}`;
    const last = this.written.get(key);
    const payload = `${locale}\u0000${body}`;
    if (last && (keep || (last.json === payload && Date.now() - last.at < this.refreshMs))) return;
    await this.db.query(
      `INSERT INTO notification_reference (user_id, channel_id, reference, locale, updated_at)
       VALUES ($1::uuid, $2, $3::jsonb, $4, now())
       ON CONFLICT (user_id, channel_id) DO ${keep ? 'NOTHING' : 'UPDATE SET reference = EXCLUDED.reference, locale = EXCLUDED.locale, updated_at = now()'}`,
      [userId, channelId, body, locale],
    );
    this.written.set(key, { json: payload, at: Date.now() });
    if (this.written.size > 10_000) this.written.clear();
  }

  async latest(userId: string): Promise<StoredReference | undefined> {
    if (!isUuid(userId)) return undefined;
    const { rows } = await this.db.query<unknown>(
      `SELECT user_id, channel_id, reference, locale, updated_at FROM notification_reference WHERE user_id = $1::uuid ORDER BY updated_at DESC, channel_id LIMIT 1`,
      [userId],
    );
    if (rows[0] === undefined) return undefined;
    const row = referenceRowSchema.parse(rows[0]);
    return { userId: row.user_id, channelId: row.channel_id, reference: row.reference as Partial<ConversationReference>, locale: row.locale, updatedAt: row.updated_at };
  }
}

const deliveryRowSchema = z.object({ event_id: z.string(), user_id: z.string(), event: json, attempts: int });

function parseDelivery(raw: unknown): Delivery {
  const row = deliveryRowSchema.parse(raw);
  const event = portalEventSchema.parse(row.event);
  if (!event.type.startsWith('case.')) throw new Error(`pg-notifications: delivery ${row.event_id} holds a ${event.type} event`);
  return { eventId: row.event_id, userId: row.user_id, event: event as CaseDomainEvent, attempts: row.attempts };
}

export class PgDeliveryLedger implements DeliveryLedger {
  /** This process, as the holder of a lease. */
  readonly processId = randomUUID();

  constructor(private readonly db: Database) {}

  async enqueue(eventId: string, userIds: readonly string[], event: CaseDomainEvent): Promise<number> {
    const ids = [...new Set(userIds)].filter(isUuid);
    if (ids.length === 0) return 0;
    const result = await this.db.query(
      `INSERT INTO notification_delivery (event_id, user_id, event, status)
       SELECT $1, u::uuid, $3::jsonb, 'pending' FROM unnest($2::text[]) AS u
       ON CONFLICT (event_id, user_id) DO NOTHING`,
      [eventId, ids, JSON.stringify(event)],
    );
    return result.rowCount;
  }

  async claimDue(limit: number, leaseMs: number): Promise<Delivery[]> {
    const { rows } = await this.db.query<unknown>(
      `UPDATE notification_delivery d
          SET status = 'sending', attempts = d.attempts + 1, locked_by = $3,
              locked_until = now() + make_interval(secs => $2::double precision / 1000)
        WHERE (d.event_id, d.user_id) IN (
                SELECT event_id, user_id FROM notification_delivery
                 WHERE status = 'pending' AND next_attempt_at <= now()
                 ORDER BY next_attempt_at
                 LIMIT $1
                 FOR UPDATE SKIP LOCKED)
          AND d.status = 'pending'
        RETURNING d.event_id, d.user_id, d.event, d.attempts`,
      [limit, leaseMs, this.processId],
    );
    return rows.map(parseDelivery);
  }

  async markSent(delivery: Delivery, channelId: string): Promise<void> {
    await this.finish(delivery, `status = 'sent', channel_id = $4, last_error = NULL, finished_at = now()`, [channelId]);
  }

  async markRetry(delivery: Delivery, at: Date, error: string): Promise<void> {
    await this.finish(delivery, `status = 'pending', next_attempt_at = $4::timestamptz, last_error = $5`, [at.toISOString(), error.slice(0, 1000)]);
  }

  async markFinal(delivery: Delivery, status: 'failed' | 'skipped', reason: string): Promise<void> {
    await this.finish(delivery, `status = $4, last_error = $5, finished_at = now()`, [status, reason.slice(0, 1000)]);
  }

  async expireInterrupted(): Promise<number> {
    const result = await this.db.query(
      `UPDATE notification_delivery SET status = 'failed', last_error = 'interrupted while sending; not resent', finished_at = now(), locked_by = NULL, locked_until = NULL
        WHERE status = 'sending' AND locked_until < now()`,
    );
    return result.rowCount;
  }

  async nextDue(): Promise<Date | undefined> {
    const { rows } = await this.db.query<{ at: unknown }>(`SELECT min(next_attempt_at) AS at FROM notification_delivery WHERE status = 'pending'`);
    const at = rows[0]?.at;
    return at === null || at === undefined ? undefined : new Date(at as string | Date);
  }

  /** Only while this process holds the lease: a delivery another process took over is not touched. */
  private async finish(delivery: Delivery, set: string, params: unknown[]): Promise<void> {
    await this.db.query(
      `UPDATE notification_delivery SET ${set}, locked_by = NULL, locked_until = NULL
        WHERE event_id = $1 AND user_id = $2::uuid AND status = 'sending' AND locked_by = $3`,
      [delivery.eventId, delivery.userId, this.processId, ...params],
    );
  }
}
