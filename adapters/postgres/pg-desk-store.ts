/**
 * What the service desk's page (/desk) counts: cases the knowledge base solved at submit, the
 * channel of cases created in the chat (schema in migrations/090_desk.sql), and the figures read
 * back from those tables, the knowledge feedback tables, the cases and the notification deliveries.
 */
import { z } from 'zod';
import type { CaseDeflection, CaseFromChat, DeskEventRecorder } from '../../dialogs/ports.js';
import type { Queryable } from './database.js';
import { isUuid } from './pg-case-store.js';

/** The period every view covers: the last `weeks` ISO weeks (Monday 00:00 UTC), this one included. */
export interface InsightsPeriod {
  weeks: number;
  /** Default: now. */
  now?: Date;
}

export interface WeekFigures {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  /** Answers marked "Hjalp det? – Ja". */
  answeredHelpful: number;
  /** Cases not sent because the article offered at submit solved it. */
  deflected: number;
  /** Cases created (every channel, the portal's own included). */
  casesCreated: number;
}

export interface UnansweredFigure {
  question: string;
  count: number;
  lastAt: string;
}

export interface ArticleVotes {
  articleId: string;
  helpful: number;
  notHelpful: number;
  notHelpfulShare: number;
}

export interface CountBy {
  key: string;
  count: number;
}

export interface CasesBy {
  area: CountBy[];
  form: CountBy[];
  channel: CountBy[];
}

export interface FailedDelivery {
  eventId: string;
  eventType: string | null;
  caseNumber: string | null;
  channelId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A case created outside the chat (in the portal, or before channels were recorded). */
export const NO_CHAT_CHANNEL = 'portal';

const count = z.coerce.number().int();
const iso = z.coerce.date().transform((d) => d.toISOString());
const WeekRow = z.object({ week: z.coerce.date(), answered_helpful: count, deflected: count, cases_created: count });
const UnansweredRow = z.object({ question: z.string(), count, last_at: iso });
const VotesRow = z.object({ article_id: z.string(), helpful: count, not_helpful: count });
const CountRow = z.object({ key: z.string(), count });
const FailedRow = z.object({
  event_id: z.string(),
  event_type: z.string().nullable(),
  case_number: z.string().nullable(),
  channel_id: z.string().nullable(),
  attempts: count,
  last_error: z.string().nullable(),
  created_at: iso,
  finished_at: iso.nullable(),
});

/** The start of the period: Monday 00:00 UTC of the first of the `weeks` weeks. */
export function periodStart(period: InsightsPeriod): Date {
  const now = period.now ?? new Date();
  const day = (now.getUTCDay() + 6) % 7; // Monday 0
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day);
  return new Date(monday - (period.weeks - 1) * 7 * 86_400_000);
}

/** DeskEventRecorder and the desk page's figures on PostgreSQL (pg or PGlite). */
export class PgDeskStore implements DeskEventRecorder {
  constructor(private readonly db: Queryable) {}

  async recordDeflection(event: CaseDeflection): Promise<void> {
    await this.db.query(
      'INSERT INTO case_deflection (article_id, area_id, form_id, channel_id, locale, user_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [event.articleId, event.areaId ?? null, event.formId ?? null, event.channelId, event.locale, event.userId !== undefined && isUuid(event.userId) ? event.userId : null, event.at.toISOString()],
    );
  }

  async recordCaseFromChat(event: CaseFromChat): Promise<void> {
    await this.db.query('INSERT INTO case_channel (case_number, channel_id, offered_article_id, at) VALUES ($1, $2, $3, $4) ON CONFLICT (case_number) DO NOTHING', [
      event.caseNumber,
      event.channelId,
      event.offeredArticleId ?? null,
      event.at.toISOString(),
    ], { prepareAs: 'case_channel_insert' });
  }

  /** Per week of the period (weeks without any are there with zeros), oldest first. */
  async deflectionByWeek(period: InsightsPeriod): Promise<WeekFigures[]> {
    const start = periodStart(period).toISOString();
    const { rows } = await this.db.query(
      `WITH weeks AS (
         SELECT generate_series(0, $2::int - 1) AS n
       ), bounds AS (
         SELECT $1::timestamptz + n * interval '7 days' AS from_at, $1::timestamptz + (n + 1) * interval '7 days' AS to_at FROM weeks
       )
       SELECT b.from_at AS week,
              (SELECT count(*) FROM kb_feedback f WHERE f.helpful AND f.at >= b.from_at AND f.at < b.to_at) AS answered_helpful,
              (SELECT count(*) FROM case_deflection d WHERE d.at >= b.from_at AND d.at < b.to_at) AS deflected,
              (SELECT count(*) FROM portal_case c WHERE c.created_at >= b.from_at AND c.created_at < b.to_at) AS cases_created
         FROM bounds b
        ORDER BY b.from_at`,
      [start, period.weeks],
    );
    return rows.map((row) => {
      const r = WeekRow.parse(row);
      return { week: r.week.toISOString().slice(0, 10), answeredHelpful: r.answered_helpful, deflected: r.deflected, casesCreated: r.cases_created };
    });
  }

  /** The most frequent unanswered questions (the same question typed differently counts once), newest wording shown. */
  async unanswered(period: InsightsPeriod, limit: number): Promise<UnansweredFigure[]> {
    const { rows } = await this.db.query(
      `SELECT (array_agg(question ORDER BY at DESC))[1] AS question, count(*) AS count, max(at) AS last_at
         FROM kb_unanswered
        WHERE at >= $1::timestamptz AND question <> ''
        GROUP BY question_key
        ORDER BY count(*) DESC, max(at) DESC, 1
        LIMIT $2`,
      [periodStart(period).toISOString(), limit],
    );
    return rows.map((row) => {
      const r = UnansweredRow.parse(row);
      return { question: r.question, count: r.count, lastAt: r.last_at };
    });
  }

  /** Articles with at least one "not helpful", largest share of them first. */
  async leastHelpful(period: InsightsPeriod, limit: number): Promise<ArticleVotes[]> {
    const { rows } = await this.db.query(
      `SELECT article_id,
              count(*) FILTER (WHERE helpful) AS helpful,
              count(*) FILTER (WHERE NOT helpful) AS not_helpful
         FROM kb_feedback
        WHERE at >= $1::timestamptz
        GROUP BY article_id
       HAVING count(*) FILTER (WHERE NOT helpful) > 0
        ORDER BY count(*) FILTER (WHERE NOT helpful)::float8 / count(*) DESC, count(*) FILTER (WHERE NOT helpful) DESC, article_id
        LIMIT $2`,
      [periodStart(period).toISOString(), limit],
    );
    return rows.map((row) => {
      const r = VotesRow.parse(row);
      return { articleId: r.article_id, helpful: r.helpful, notHelpful: r.not_helpful, notHelpfulShare: r.not_helpful / (r.helpful + r.not_helpful) };
    });
  }

  /** Cases created in the period by area, form and channel (a case not created in the chat counts as {@link NO_CHAT_CHANNEL}). */
  async casesBy(period: InsightsPeriod): Promise<CasesBy> {
    const start = periodStart(period).toISOString();
    const by = async (key: string, join = ''): Promise<CountBy[]> => {
      const { rows } = await this.db.query(
        `SELECT ${key} AS key, count(*) AS count FROM portal_case c ${join} WHERE c.created_at >= $1::timestamptz GROUP BY 1 ORDER BY 2 DESC, 1`,
        [start],
      );
      return rows.map((row) => CountRow.parse(row));
    };
    return {
      area: await by('c.area_id'),
      form: await by('c.form_id'),
      channel: await by(`COALESCE(ch.channel_id, '${NO_CHAT_CHANNEL}')`, 'LEFT JOIN case_channel ch ON ch.case_number = c.number'),
    };
  }

  /** Notification deliveries that failed for good in the period, newest first. */
  async failedDeliveries(period: InsightsPeriod, limit: number): Promise<{ total: number; items: FailedDelivery[] }> {
    const start = periodStart(period).toISOString();
    const total = await this.db.query(`SELECT count(*) AS count FROM notification_delivery WHERE status = 'failed' AND created_at >= $1::timestamptz`, [start]);
    const { rows } = await this.db.query(
      `SELECT event_id, event->>'type' AS event_type, event->>'caseNumber' AS case_number, channel_id, attempts, last_error, created_at, finished_at
         FROM notification_delivery
        WHERE status = 'failed' AND created_at >= $1::timestamptz
        ORDER BY created_at DESC, event_id
        LIMIT $2`,
      [start, limit],
    );
    return {
      total: z.object({ count }).parse(total.rows[0]).count,
      items: rows.map((row) => {
        const r = FailedRow.parse(row);
        return { eventId: r.event_id, eventType: r.event_type, caseNumber: r.case_number, channelId: r.channel_id, attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at, finishedAt: r.finished_at };
      }),
    };
  }
}
