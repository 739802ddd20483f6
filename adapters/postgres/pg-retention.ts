/**
 * Retention of personal data: what users typed and what the bot remembers about them is kept
 * for `RETENTION_DAYS`, then deleted. Cases and their history are the authority's records and
 * are never touched here.
 */
import type { Logger } from '../../bot/logger.js';
import { LockTimeoutError, type Database } from './database.js';

export interface RetentionOptions {
  /** Days a transcript, state document, conversation reference or unanswered question is kept. */
  days: number;
  logger: Logger;
  /** Rows per statement. Default 500. */
  batchSize?: number;
  /** How often each process runs the job. Default 1 hour. */
  intervalMs?: number;
  /** The first run, after start. Default 1 minute (a restart loop must not run it each time). */
  firstRunMs?: number;
  /** Told the bot_state keys deleted, to drop them from a cache in front of the table. */
  onStateDeleted?: (keys: readonly string[]) => void;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

/** What one run deleted (feedback: made anonymous). */
export interface RetentionReport {
  cutoff: string;
  webchatActivities: number;
  webchatConversations: number;
  botState: number;
  conversationReferences: number;
  unansweredQuestions: number;
  feedbackAnonymised: number;
  /** Cases deflected at submit whose user was forgotten (the count stays for the desk page). */
  deflectionsAnonymised: number;
  /** One-time codes past their expiry and their send window (used codes are deleted at once). */
  verificationCodes: number;
  /** Files sent in the chat but never attached to a case (files on cases stay with the case). */
  stagedFiles: number;
}

/** The lock every process's job takes: one purge at a time across the deployment. */
export const RETENTION_LOCK = 'privacy:retention';

const DAY_MS = 86_400_000;

/**
 * Each purge: one statement per batch, repeated until a batch comes back short. Rows are picked
 * by the index on their timestamp (migration 080) and deleted by primary key.
 */
const PURGES: ReadonlyArray<{
  name: Exclude<keyof RetentionReport, 'cutoff'>;
  sql: string;
  /** What `$1` is: the retention cutoff (default), or an hour ago (one-time codes: their send window). */
  before?: 'retention' | 'hourAgo';
}> = [
  {
    name: 'webchatActivities',
    sql: `DELETE FROM webchat_activities WHERE (conversation_id, seq) IN (
            SELECT conversation_id, seq FROM webchat_activities WHERE created_at < $1 ORDER BY created_at LIMIT $2)
          RETURNING seq::text AS key`,
  },
  {
    // Old, and nothing said in it within the period (its activities are gone): the conversation,
    // with the name it was opened under, goes too.
    name: 'webchatConversations',
    sql: `DELETE FROM webchat_conversations WHERE id IN (
            SELECT c.id FROM webchat_conversations c
             WHERE c.created_at < $1 AND NOT EXISTS (SELECT 1 FROM webchat_activities a WHERE a.conversation_id = c.id)
             ORDER BY c.created_at LIMIT $2)
          RETURNING id AS key`,
  },
  {
    name: 'botState',
    sql: `DELETE FROM bot_state WHERE key IN (SELECT key FROM bot_state WHERE updated_at < $1 LIMIT $2) RETURNING key`,
  },
  {
    name: 'conversationReferences',
    sql: `DELETE FROM notification_reference WHERE (user_id, channel_id) IN (
            SELECT user_id, channel_id FROM notification_reference WHERE updated_at < $1 LIMIT $2)
          RETURNING channel_id AS key`,
  },
  {
    name: 'unansweredQuestions',
    sql: `DELETE FROM kb_unanswered WHERE id IN (SELECT id FROM kb_unanswered WHERE at < $1 ORDER BY at LIMIT $2) RETURNING id::text AS key`,
  },
  {
    // The verdict stays for the article statistics (kb:report); the text and the person go.
    name: 'feedbackAnonymised',
    sql: `UPDATE kb_feedback SET question = '', user_id = NULL WHERE id IN (
            SELECT id FROM kb_feedback WHERE at < $1 AND (question <> '' OR user_id IS NOT NULL) ORDER BY at LIMIT $2)
          RETURNING id::text AS key`,
  },
  {
    // The deflection stays for the desk page's figures (migration 090); the person goes.
    name: 'deflectionsAnonymised',
    sql: `UPDATE case_deflection SET user_id = NULL WHERE id IN (
            SELECT id FROM case_deflection WHERE at < $1 AND user_id IS NOT NULL ORDER BY at LIMIT $2)
          RETURNING id::text AS key`,
  },
  {
    // Expired, and the send throttle's window over: nothing left to keep (migration 110).
    name: 'verificationCodes',
    before: 'hourAgo',
    sql: `DELETE FROM address_verification WHERE subject IN (
            SELECT subject FROM address_verification WHERE expires_at < $1 AND window_started_at < $1 ORDER BY expires_at LIMIT $2)
          RETURNING subject AS key`,
  },
  {
    // A file sent in the chat and never attached to a case (migration 100); a case's files stay with it.
    name: 'stagedFiles',
    sql: `DELETE FROM case_attachment WHERE id IN (
            SELECT id FROM case_attachment WHERE case_number IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2)
          RETURNING id::text AS key`,
  },
];

/**
 * The retention job. Every process runs it on a timer; the runs take {@link RETENTION_LOCK}
 * without waiting, so when two processes' timers meet, one purges and the other skips.
 */
export class PgRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly batchSize: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Database,
    private readonly options: RetentionOptions,
  ) {
    if (!Number.isInteger(options.days) || options.days < 1) throw new RangeError('PgRetention: days must be a whole number ≥ 1');
    this.batchSize = options.batchSize ?? 500;
    this.now = options.now ?? Date.now;
  }

  /** Runs the job now; undefined when another process is running it. */
  async runOnce(): Promise<RetentionReport | undefined> {
    const cutoff = new Date(this.now() - this.options.days * DAY_MS);
    try {
      return await this.db.withLock(RETENTION_LOCK, 0, () => this.purge(cutoff));
    } catch (error: unknown) {
      if (error instanceof LockTimeoutError) return undefined;
      throw error;
    }
  }

  /** Every process: the first run after `firstRunMs`, then every `intervalMs`. */
  start(): void {
    const schedule = (ms: number) => {
      this.timer = setTimeout(() => {
        this.running = this.runOnce()
          .then((report) => {
            if (report && PURGES.some((p) => report[p.name] > 0)) this.options.logger.info({ ...report }, 'privacy: retention purge');
          })
          .catch((error: unknown) => this.options.logger.warn({ err: error }, 'privacy: retention purge failed; next run as scheduled'))
          .finally(() => {
            this.running = undefined;
            if (this.timer) schedule(this.options.intervalMs ?? 3_600_000);
          });
      }, ms);
      this.timer.unref?.();
    };
    schedule(this.options.firstRunMs ?? 60_000);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async purge(cutoff: Date): Promise<RetentionReport> {
    const report: RetentionReport = {
      cutoff: cutoff.toISOString(),
      webchatActivities: 0,
      webchatConversations: 0,
      botState: 0,
      conversationReferences: 0,
      unansweredQuestions: 0,
      feedbackAnonymised: 0,
      deflectionsAnonymised: 0,
      verificationCodes: 0,
      stagedFiles: 0,
    };
    const hourAgo = new Date(this.now() - 3_600_000);
    for (const purge of PURGES) {
      const before = purge.before === 'hourAgo' ? hourAgo : cutoff;
      for (;;) {
        const { rows } = await this.db.query<{ key: string }>(purge.sql, [before.toISOString(), this.batchSize]);
        report[purge.name] += rows.length;
        if (purge.name === 'botState' && rows.length > 0) this.options.onStateDeleted?.(rows.map((r) => r.key));
        if (rows.length < this.batchSize) break;
        // Between batches, the turns waiting for the database (one connection on PGlite) go first.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return report;
  }
}
