import { Analyzer } from './analysis/analyzer.js';
import { detectLanguage } from './analysis/language.js';
import { Answerer, type AnswerOptions, type AnswerResult, type RankedArticle } from './answerer.js';
import type { Article } from './article.js';
import { loadArticles, type KnowledgeSource } from './loader.js';
import { PassageIndex, type IndexSnapshot } from './search-index.js';

/** The knowledge base the conversation layer asks, one question per user turn. */
export interface KnowledgeBase {
  /** Best passage of the best article, 2–3 candidates to choose from, or unknown. */
  answer(question: string, options?: AnswerOptions): AnswerResult;
  /** Articles ranked for a question with their scores (evaluation, diagnostics). */
  rank(question: string, limit?: number): RankedArticle[];
  article(id: string): Article | undefined;
  readonly articles: readonly Article[];
  /** Number of indexed passages. */
  readonly passageCount: number;
  /** Replaces the content (hot reload): the new index is built first, then swapped in. */
  replaceArticles(articles: readonly Article[]): void;
  /** Reloads the sources it was created from; on a bad article the old content stays. */
  reload(): Promise<void>;
  snapshot(): IndexSnapshot;
}

export interface KnowledgeBaseOptions {
  /** Directories of `.md` articles and/or `.jsonl` exports. */
  readonly sources: readonly KnowledgeSource[];
  /** Shared analyser (its caches survive reloads). Default: a new one over the default lexicon. */
  readonly analyzer?: Analyzer;
}

class IndexedKnowledgeBase implements KnowledgeBase {
  private index: PassageIndex;
  private answerer: Answerer;

  constructor(
    private readonly analyzer: Analyzer,
    private readonly sources: readonly KnowledgeSource[],
    index: PassageIndex,
  ) {
    this.index = index;
    this.answerer = new Answerer(analyzer, index);
  }

  get articles(): readonly Article[] {
    return [...this.index.articles.values()];
  }

  get passageCount(): number {
    return this.index.passageCount;
  }

  answer(question: string, options?: AnswerOptions): AnswerResult {
    return this.answerer.answer(question, options);
  }

  rank(question: string, limit = 10): RankedArticle[] {
    return this.answerer.rankArticles(question, limit).ranked;
  }

  article(id: string): Article | undefined {
    return this.index.articles.get(id);
  }

  replaceArticles(articles: readonly Article[]): void {
    const index = PassageIndex.build(articles, this.analyzer);
    this.index = index;
    this.answerer = new Answerer(this.analyzer, index);
  }

  async reload(): Promise<void> {
    this.replaceArticles(await loadArticles(this.sources));
  }

  snapshot(): IndexSnapshot {
    return this.index.snapshot();
  }
}

/** Loads the sources and builds the index. Throws KB.BAD_ARTICLE naming the file and field at fault. */
export async function createKnowledgeBase(options: KnowledgeBaseOptions): Promise<KnowledgeBase> {
  const analyzer = options.analyzer ?? new Analyzer();
  const articles = await loadArticles(options.sources);
  return new IndexedKnowledgeBase(analyzer, options.sources, PassageIndex.build(articles, analyzer));
}

/** A knowledge base over articles already in memory (tests, benchmarks). */
export function knowledgeBaseFromArticles(articles: readonly Article[], analyzer: Analyzer = new Analyzer()): KnowledgeBase {
  return new IndexedKnowledgeBase(analyzer, [], PassageIndex.build(articles, analyzer));
}

/** A knowledge base from a saved snapshot, without re-analysing the articles. */
export function knowledgeBaseFromSnapshot(snapshot: IndexSnapshot, analyzer: Analyzer = new Analyzer()): KnowledgeBase {
  return new IndexedKnowledgeBase(analyzer, [], PassageIndex.fromSnapshot(snapshot));
}

export { detectLanguage };
