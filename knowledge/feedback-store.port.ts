import type { Language } from './article.js';

/** "Hjalp svaret?" — the user's verdict on an answer. */
export interface AnswerFeedback {
  readonly question: string;
  readonly articleId: string;
  readonly helpful: boolean;
  readonly locale: Language;
  readonly at: Date;
  /** The portal user who answered, when known: a person's data can then be exported and erased. */
  readonly userId?: string;
}

/** A question the knowledge base could not answer. */
export interface UnansweredQuestion {
  readonly question: string;
  readonly locale: Language;
  /** Default: now. */
  readonly at?: Date;
  /** The portal user who asked, when known: a person's data can then be exported and erased. */
  readonly userId?: string;
}

export interface FeedbackReportOptions {
  /** Rows per list. Default 10. */
  readonly limit?: number;
  /** Only count what happened at or after this time. Default: everything. */
  readonly since?: Date;
}

export interface FeedbackReport {
  /** Most frequent unanswered questions (grouped by `questionKey`), most frequent first. */
  readonly unanswered: readonly { readonly question: string; readonly count: number; readonly lastAt: Date }[];
  /** Articles with the largest share of "not helpful", then the most "not helpful" votes. */
  readonly leastHelpful: readonly {
    readonly articleId: string;
    readonly helpful: number;
    readonly notHelpful: number;
    readonly notHelpfulShare: number;
  }[];
}

/** Where answer feedback and knowledge gaps are kept (PostgreSQL in production). */
export interface FeedbackStore {
  recordFeedback(feedback: AnswerFeedback): Promise<void>;
  recordUnanswered(question: UnansweredQuestion): Promise<void>;
  report(options?: FeedbackReportOptions): Promise<FeedbackReport>;
}

export const DEFAULT_REPORT_LIMIT = 10;

/** The grouping key of a question: the same question typed differently counts as one. */
export function questionKey(question: string): string {
  return question
    .normalize('NFC')
    .toLocaleLowerCase('da-DK')
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}
