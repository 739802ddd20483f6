import {
  DEFAULT_REPORT_LIMIT,
  questionKey,
  type AnswerFeedback,
  type FeedbackReport,
  type FeedbackReportOptions,
  type FeedbackStore,
  type UnansweredQuestion,
} from '../../knowledge/feedback-store.port.js';

/** FeedbackStore in memory, with the same report rules as PgFeedbackStore. */
export class InMemoryFeedbackStore implements FeedbackStore {
  readonly feedback: AnswerFeedback[] = [];
  readonly unanswered: (UnansweredQuestion & { at: Date })[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  async recordFeedback(feedback: AnswerFeedback): Promise<void> {
    this.feedback.push(feedback);
  }

  async recordUnanswered(question: UnansweredQuestion): Promise<void> {
    this.unanswered.push({ ...question, at: question.at ?? this.now() });
  }

  async report(options: FeedbackReportOptions = {}): Promise<FeedbackReport> {
    const limit = options.limit ?? DEFAULT_REPORT_LIMIT;
    const since = options.since?.getTime() ?? -Infinity;
    const groups = new Map<string, { question: string; count: number; lastAt: Date }>();
    for (const row of this.unanswered) {
      if (row.at.getTime() < since) continue;
      const key = questionKey(row.question);
      const group = groups.get(key);
      if (!group) groups.set(key, { question: row.question, count: 1, lastAt: row.at });
      else {
        group.count += 1;
        if (row.at > group.lastAt) {
          group.lastAt = row.at;
          group.question = row.question;
        }
      }
    }
    const unanswered = [...groups.values()]
      .sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime() || a.question.localeCompare(b.question))
      .slice(0, limit);
    const votes = new Map<string, { helpful: number; notHelpful: number }>();
    for (const row of this.feedback) {
      if (row.at.getTime() < since) continue;
      const entry = votes.get(row.articleId) ?? { helpful: 0, notHelpful: 0 };
      if (row.helpful) entry.helpful += 1;
      else entry.notHelpful += 1;
      votes.set(row.articleId, entry);
    }
    const leastHelpful = [...votes.entries()]
      .filter(([, v]) => v.notHelpful > 0)
      .map(([articleId, v]) => ({ articleId, ...v, notHelpfulShare: v.notHelpful / (v.helpful + v.notHelpful) }))
      .sort((a, b) => b.notHelpfulShare - a.notHelpfulShare || b.notHelpful - a.notHelpful || a.articleId.localeCompare(b.articleId))
      .slice(0, limit);
    return { unanswered, leastHelpful };
  }
}
