import { TERM_KINDS, termWeights, type Analyzer, type QueryAnalysis } from './analysis/analyzer.js';
import type { Article, Language, Passage } from './article.js';
import type { ArticleHit, PassageIndex } from './search-index.js';

/** An article offered as an answer or as one of several candidates. */
export interface AnswerCandidate {
  readonly article: Article;
  /** The passage that best answers the question. */
  readonly passage: Passage;
  readonly url: string | undefined;
  /** Confidence in [0, 1]: the share of the question's informative words the article covers. */
  readonly score: number;
}

export type AnswerResult =
  | ({ readonly kind: 'answered' } & AnswerCandidate)
  | { readonly kind: 'ambiguous'; readonly candidates: readonly AnswerCandidate[] }
  | { readonly kind: 'unknown'; readonly reason: 'no-content-words' | 'no-match' | 'low-confidence' };

/** A ranked article with the figures the decision is based on (for evaluation and tuning). */
export interface RankedArticle {
  readonly articleId: string;
  /** Search score (BM25 from minisearch, aggregated over passages). */
  readonly score: number;
  /** IDF-weighted share of the question's words that the article matches, in [0, 1]. */
  readonly coverage: number;
  readonly bestPassageId: string;
}

/**
 * The thresholds, calibrated with `npm run kb:eval` on the development questions
 * (../shared/data/kb-public/questions.dev.jsonl) and checked on our own held-out questions
 * (test/fixtures/knowledge/questions.heldout.jsonl).
 *
 * - Coverage is the IDF-weighted share of the user's words that the best article matches (a word
 *   matched through a synonym, compound part or typo correction counts partly). Questions the KB
 *   answers cover most of their informative words; unrelated ones (currency rates, passports, MitID)
 *   match a word or two of the domain at best, and the words they hinge on are unknown to the corpus,
 *   which weighs like a rare word. On the development questions in-scope questions cover 0.45 and
 *   more with few exceptions, out-of-scope ones 0.40 and less: MIN_COVERAGE sits in that gap.
 * - MIN_SCORE rejects hits made of one common word only (BM25 well under a single rare-term match).
 * - Two articles whose combined confidence is within AMBIGUITY_RATIO of each other are offered to
 *   choose from (2–3 of them) instead of guessing.
 */
export const ANSWER_THRESHOLDS = {
  minCoverage: 0.45,
  minScore: 3,
  ambiguityRatio: 0.92,
  maxCandidates: 3,
} as const;

/** Coverage of the question's concepts by the terms an article matched. */
export function coverage(analysis: QueryAnalysis, matched: ReadonlySet<string>): number {
  const credit = analysis.concepts.map(() => 0);
  for (const term of analysis.terms) {
    if (!matched.has(term.term)) continue;
    credit[term.concept] = Math.max(credit[term.concept] ?? 0, TERM_KINDS[term.kind].credit);
  }
  let total = 0;
  let covered = 0;
  analysis.concepts.forEach((concept, index) => {
    total += concept.idf;
    covered += concept.idf * (credit[index] ?? 0);
  });
  return total === 0 ? 0 : covered / total;
}

/** Ranking with coverage: the score decides the order, coverage breaks near-ties and decides trust. */
export function rank(analysis: QueryAnalysis, hits: readonly ArticleHit[]): RankedArticle[] {
  return hits.map((hit) => ({
    articleId: hit.articleId,
    score: hit.score,
    coverage: coverage(analysis, hit.matchedTerms),
    bestPassageId: hit.bestPassageId,
  }));
}

/** Confidence used to compare candidates: search score damped by how much of the question is covered. */
function confidence(ranked: RankedArticle): number {
  return ranked.score * (0.5 + ranked.coverage);
}

export interface AnswerOptions {
  /** The user's language; an article's translation in that language is preferred. Default: the question's language. */
  readonly locale?: Language;
}

/** Turns a question into answered / ambiguous / unknown against one index. */
export class Answerer {
  constructor(
    private readonly analyzer: Analyzer,
    private readonly index: PassageIndex,
  ) {}

  analyze(question: string): QueryAnalysis {
    return this.analyzer.analyzeQuery(question, this.index.vocabulary);
  }

  /** Articles ranked for a question, best first, with the figures behind the decision. */
  rankArticles(question: string, limit = 10): { analysis: QueryAnalysis; ranked: RankedArticle[] } {
    const analysis = this.analyze(question);
    const hits = this.index.searchArticles(termWeights(analysis), Math.max(limit, 10));
    const ranked = rank(analysis, hits)
      .sort((a, b) => confidence(b) - confidence(a) || a.articleId.localeCompare(b.articleId))
      .slice(0, limit);
    return { analysis, ranked };
  }

  answer(question: string, options: AnswerOptions = {}): AnswerResult {
    const { analysis, ranked } = this.rankArticles(question, 10);
    if (analysis.concepts.length === 0) return { kind: 'unknown', reason: 'no-content-words' };
    const best = ranked[0];
    if (!best) return { kind: 'unknown', reason: 'no-match' };
    if (best.coverage < ANSWER_THRESHOLDS.minCoverage || best.score < ANSWER_THRESHOLDS.minScore) {
      return { kind: 'unknown', reason: 'low-confidence' };
    }
    const locale = options.locale ?? analysis.language;
    const top = confidence(best);
    const close = ranked
      .filter((candidate) => candidate.coverage >= ANSWER_THRESHOLDS.minCoverage && confidence(candidate) >= top * ANSWER_THRESHOLDS.ambiguityRatio)
      .slice(0, ANSWER_THRESHOLDS.maxCandidates)
      .map((candidate) => this.candidate(candidate, locale));
    const unique = dedupeTranslations(close);
    const first = unique[0];
    if (!first) return { kind: 'unknown', reason: 'no-match' };
    if (unique.length >= 2) return { kind: 'ambiguous', candidates: unique };
    return { kind: 'answered', ...first };
  }

  private candidate(ranked: RankedArticle, locale: Language): AnswerCandidate {
    const found = this.index.articles.get(ranked.articleId);
    const passage = this.index.passages.get(ranked.bestPassageId);
    if (!found || !passage) throw new Error(`KB.BAD_INDEX: ${ranked.articleId} is ranked but not in the index`);
    const article = this.inLocale(found, locale);
    // The translation's passage with the same position, if it has one.
    const translatedPassage =
      article === found ? passage : (this.index.passages.get(`${article.id}#${passage.index}`) ?? this.index.passages.get(`${article.id}#0`) ?? passage);
    return { article, passage: translatedPassage, url: article.url, score: Math.min(1, ranked.coverage) };
  }

  /** The article itself, or its translation into the user's language when one exists. */
  private inLocale(article: Article, locale: Language): Article {
    if (article.language === locale) return article;
    for (const other of this.index.articles.values()) {
      if (other.language !== locale) continue;
      if (other.translationOf === article.id || (article.translationOf !== undefined && other.id === article.translationOf)) return other;
    }
    return article;
  }
}

function dedupeTranslations(candidates: readonly AnswerCandidate[]): AnswerCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    if (seen.has(candidate.article.id)) return false;
    seen.add(candidate.article.id);
    return true;
  });
}
