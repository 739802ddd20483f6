import { randomBytes, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { StoredActivity, WebChatConversation, WebChatEvent, WebChatStore } from '../webchat/webchat-store.js';
import type { Database } from './database.js';

/** The LISTEN/NOTIFY channel that wakes web chat streams in every process. */
export const WEBCHAT_CHANNEL = 'webchat_events';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_NOTIFY_BYTES = 7900;

const timestamp = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString()));

const conversationRow = z.object({
  id: z.string(),
  user_id: z.string(),
  user_name: z.string(),
  locale: z.string().nullable(),
  last_seq: z.coerce.number().int(),
  started_at: timestamp.nullable(),
});

const activityRow = z.object({
  seq: z.coerce.number().int(),
  activity: z.record(z.unknown()),
});

const eventSchema = z.object({
  origin: z.string(),
  event: z.discriminatedUnion('kind', [
    z.object({ conversationId: z.string(), kind: z.literal('appended'), seq: z.number().int() }),
    z.object({ conversationId: z.string(), kind: z.literal('ephemeral'), activity: z.record(z.unknown()) }),
  ]),
});

function toConversation(row: unknown): WebChatConversation {
  const r = conversationRow.parse(row);
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    locale: r.locale ?? undefined,
    lastSeq: r.last_seq,
    startedAt: r.started_at ?? undefined,
  };
}

function toStored(row: unknown): StoredActivity {
  const r = activityRow.parse(row);
  return { seq: r.seq, activity: r.activity as Partial<Activity> };
}

/** {@link WebChatStore} on PostgreSQL or PGlite (the same SQL). */
export class PgWebChatStore implements WebChatStore {
  /** Events this process sent are delivered locally at once and skipped when NOTIFY echoes them. */
  private readonly origin = randomUUID();
  private readonly handlers = new Set<(event: WebChatEvent) => void>();
  private unlisten: Promise<() => Promise<void>> | undefined;

  constructor(private readonly db: Database) {}

  async createConversation(c: { id: string; userId: string; userName: string; locale?: string }): Promise<WebChatConversation> {
    const { rows } = await this.db.query(
      `INSERT INTO webchat_conversations (id, user_id, user_name, locale) VALUES ($1, $2, $3, $4)
       RETURNING id, user_id, user_name, locale, last_seq, started_at`,
      [c.id, c.userId, c.userName, c.locale ?? null],
    );
    return toConversation(rows[0]);
  }

  async getConversation(id: string): Promise<WebChatConversation | undefined> {
    const { rows } = await this.db.query(
      'SELECT id, user_id, user_name, locale, last_seq, started_at FROM webchat_conversations WHERE id = $1',
      [id],
    );
    return rows[0] === undefined ? undefined : toConversation(rows[0]);
  }

  async markStarted(id: string, locale: string | undefined): Promise<boolean> {
    const { rows } = await this.db.query(
      `UPDATE webchat_conversations SET started_at = now(), locale = COALESCE($2, locale)
       WHERE id = $1 AND started_at IS NULL RETURNING id`,
      [id, locale ?? null],
    );
    return rows.length === 1;
  }

  async append(conversationId: string, activity: Partial<Activity>, activityId?: string): Promise<StoredActivity | undefined> {
    // The UPDATE takes the conversation's row lock until the INSERT commits with it, so sequence
    // numbers are gap-free and become visible in order.
    const { rows } = await this.db.query(
      `WITH next AS (
         UPDATE webchat_conversations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq
       ), ided AS (
         SELECT last_seq, COALESCE($3::text, $1 || '|' || lpad(last_seq::text, 7, '0')) AS activity_id FROM next
       )
       INSERT INTO webchat_activities (conversation_id, seq, activity_id, activity)
       SELECT $1, last_seq, activity_id, jsonb_set($2::jsonb, '{id}', to_jsonb(activity_id)) FROM ided
       RETURNING seq, activity`,
      [conversationId, JSON.stringify(activity), activityId ?? null],
    );
    return rows[0] === undefined ? undefined : toStored(rows[0]);
  }

  async activitiesAfter(conversationId: string, afterSeq: number, limit: number): Promise<StoredActivity[]> {
    const { rows } = await this.db.query(
      `SELECT seq, activity FROM webchat_activities WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [conversationId, afterSeq, limit],
    );
    return rows.map(toStored);
  }

  async deleteActivity(conversationId: string, activityId: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'DELETE FROM webchat_activities WHERE conversation_id = $1 AND activity_id = $2 RETURNING seq',
      [conversationId, activityId],
    );
    return rows.length > 0;
  }

  async notify(event: WebChatEvent): Promise<void> {
    for (const handler of this.handlers) handler(event);
    const payload = JSON.stringify({ origin: this.origin, event });
    // An oversized ephemeral activity is only delivered in this process; stored ones are also
    // found by the streams' periodic check.
    if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) return;
    await this.db.notify(WEBCHAT_CHANNEL, payload);
  }

  async subscribe(handler: (event: WebChatEvent) => void): Promise<() => Promise<void>> {
    this.handlers.add(handler);
    this.unlisten ??= this.db.listen(WEBCHAT_CHANNEL, (payload) => this.onNotification(payload)).catch((error: unknown) => {
      this.unlisten = undefined; // the next subscriber tries again
      throw error;
    });
    try {
      await this.unlisten;
    } catch (error: unknown) {
      this.handlers.delete(handler);
      throw error;
    }
    return async () => {
      this.handlers.delete(handler);
    };
  }

  /** Stops listening (on shutdown, before the database closes). */
  async close(): Promise<void> {
    this.handlers.clear();
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    if (unlisten) await (await unlisten)().catch(() => undefined);
  }

  async sharedSecret(name: string): Promise<string> {
    await this.db.query('INSERT INTO webchat_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      name,
      randomBytes(32).toString('base64url'),
    ]);
    const { rows } = await this.db.query<{ value: string }>('SELECT value FROM webchat_settings WHERE name = $1', [name]);
    const value = rows[0]?.value;
    if (!value) throw new Error(`PgWebChatStore: setting "${name}" vanished`);
    return value;
  }

  private onNotification(payload: string): void {
    let parsed: z.infer<typeof eventSchema>;
    try {
      parsed = eventSchema.parse(JSON.parse(payload));
    } catch {
      return; // not ours to understand; the streams' periodic check covers a lost wake-up
    }
    if (parsed.origin === this.origin) return;
    const event = parsed.event as WebChatEvent;
    for (const handler of this.handlers) handler(event);
  }
}
