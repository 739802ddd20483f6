import { z } from 'zod';
import {
  DEFAULT_REPORT_LIMIT,
  questionKey,
  type AnswerFeedback,
  type FeedbackReport,
  type FeedbackReportOptions,
  type FeedbackStore,
  type UnansweredQuestion,
} from '../../knowledge/feedback-store.port.js';
import type { Queryable } from './database.js';
import { isUuid } from './pg-case-store.js';

/** Only a portal user's id is kept (anything else would be an identifier of unknown kind). */
const userIdOf = (userId: string | undefined): string | null => (userId !== undefined && isUuid(userId) ? userId : null);

// pg returns bigint/numeric as strings and PGlite as numbers: coerce both.
const UnansweredRow = z.object({
  question: z.string(),
  count: z.coerce.number().int(),
  last_at: z.coerce.date(),
});
const VotesRow = z.object({
  article_id: z.string(),
  helpful: z.coerce.number().int(),
  not_helpful: z.coerce.number().int(),
});

/** FeedbackStore on PostgreSQL (pg or PGlite); schema in migrations/020_knowledge_feedback.sql and 080_personal_data.sql. */
export class PgFeedbackStore implements FeedbackStore {
  constructor(private readonly db: Queryable) {}

  async recordFeedback(feedback: AnswerFeedback): Promise<void> {
    await this.db.query('INSERT INTO kb_feedback (question, article_id, helpful, locale, at, user_id) VALUES ($1, $2, $3, $4, $5, $6)', [
      feedback.question,
      feedback.articleId,
      feedback.helpful,
      feedback.locale,
      feedback.at.toISOString(),
      userIdOf(feedback.userId),
    ]);
  }

  async recordUnanswered(question: UnansweredQuestion): Promise<void> {
    await this.db.query(
      'INSERT INTO kb_unanswered (question, question_key, locale, at, user_id) VALUES ($1, $2, $3, COALESCE($4::timestamptz, now()), $5)',
      [question.question, questionKey(question.question), question.locale, question.at?.toISOString() ?? null, userIdOf(question.userId)],
      { prepareAs: 'kb_unanswered_insert' },
    );
  }

  async report(options: FeedbackReportOptions = {}): Promise<FeedbackReport> {
    const limit = options.limit ?? DEFAULT_REPORT_LIMIT;
    const since = options.since?.toISOString() ?? null;
    const unanswered = await this.db.query(
      `SELECT (array_agg(question ORDER BY at DESC))[1] AS question, count(*) AS count, max(at) AS last_at
         FROM kb_unanswered
        WHERE $1::timestamptz IS NULL OR at >= $1::timestamptz
        GROUP BY question_key
        ORDER BY count(*) DESC, max(at) DESC, 1
        LIMIT $2`,
      [since, limit],
    );
    const votes = await this.db.query(
      `SELECT article_id,
              count(*) FILTER (WHERE helpful) AS helpful,
              count(*) FILTER (WHERE NOT helpful) AS not_helpful
         FROM kb_feedback
        WHERE $1::timestamptz IS NULL OR at >= $1::timestamptz
        GROUP BY article_id
       HAVING count(*) FILTER (WHERE NOT helpful) > 0
        ORDER BY count(*) FILTER (WHERE NOT helpful)::float8 / count(*) DESC,
                 count(*) FILTER (WHERE NOT helpful) DESC, article_id
        LIMIT $2`,
      [since, limit],
    );
    return {
      unanswered: unanswered.rows.map((row) => {
        const parsed = UnansweredRow.parse(row);
        return { question: parsed.question, count: parsed.count, lastAt: parsed.last_at };
      }),
      leastHelpful: votes.rows.map((row) => {
        const parsed = VotesRow.parse(row);
        return {
          articleId: parsed.article_id,
          helpful: parsed.helpful,
          notHelpful: parsed.not_helpful,
          notHelpfulShare: parsed.not_helpful / (parsed.helpful + parsed.not_helpful),
        };
      }),
    };
  }
}
