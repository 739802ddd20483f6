import { Analyzer, analyzerFromCache, type AnalyzerCache } from './analysis/analyzer.js';
import { detectLanguage } from './analysis/language.js';
import { Answerer, type AnswerCandidate, type AnswerOptions, type AnswerResult, type RankedArticle } from './answerer.js';
import type { Article, Language } from './article.js';
import { loadArticles, parseSources, readSources, type KnowledgeSource } from './loader.js';
import { PassageIndex, type IndexSnapshot } from './search-index.js';

/** The knowledge base the conversation layer asks, one question per user turn. */
export interface KnowledgeBase {
  /** Best passage of the best article, 2–3 candidates to choose from, or unknown. */
  answer(question: string, options?: AnswerOptions): AnswerResult;
  /** Articles ranked for a question with their scores (evaluation, diagnostics). */
  rank(question: string, limit?: number): RankedArticle[];
  article(id: string): Article | undefined;
  /** English when a text's words are English keywords that no article writes ("maternity fund refund rate"), else undefined. */
  keywordLanguage(text: string): Language | undefined;
  /**
   * The service desk's contact details and opening hours ("talk to a person"), from the loaded
   * articles: the article marked `topic: contact` (its translation in `locale` when there is one),
   * else the article that best answers a generic question about contacting the service desk.
   * Undefined when no article says anything about it.
   */
  contact(locale?: Language): AnswerCandidate | undefined;
  /**
   * A passage shown before, to be shown again in `locale` ("and in English?"): the same position in the
   * article's translation into `locale` when it has one, else the passage itself. Undefined when the
   * article or the passage is no longer loaded.
   */
  passageIn(articleId: string, passageId: string, locale: Language): AnswerCandidate | undefined;
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
  /** The clock that decides whether an article is stale (see `AnswerCandidate.stale`). Default: now. */
  readonly now?: () => Date;
  /** Where the index of the same source files is kept between starts. Default: none (built at every start). */
  readonly indexCache?: IndexCache;
  /** Where the default analyser's parsed lexicon is kept between starts (unless `analyzer` is given). Default: none. */
  readonly analyzerCache?: AnalyzerCache;
}

/**
 * Keeps built indexes between starts. `sources` describes everything the index is built from
 * (each source file's path and text, as JSON): the cache must answer a snapshot only for the same
 * `sources` and the same analysis and indexing code (an adapter hashes both; see adapters/cache).
 */
export interface IndexCache {
  load(sources: string): IndexSnapshot | undefined;
  save(sources: string, snapshot: IndexSnapshot): void;
}

/**
 * What a user asking for a person wants to know, as a question to the articles when none is marked
 * `topic: contact`: how to reach the service desk, by phone or e-mail, and when it is open.
 */
const CONTACT_QUESTION: Record<Language, string> = {
  da: 'kontakt servicedesk telefon mail åbningstid henvendelser',
  en: 'contact service desk phone e-mail opening hours',
};
/** A contact article found by the generic question must cover at least half of it (its informative words, IDF-weighted). */
const CONTACT_MIN_COVERAGE = 0.5;

class IndexedKnowledgeBase implements KnowledgeBase {
  private index: PassageIndex;
  private answerer: Answerer;

  constructor(
    private readonly analyzer: Analyzer,
    private readonly sources: readonly KnowledgeSource[],
    index: PassageIndex,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.index = index;
    this.answerer = new Answerer(analyzer, index, now);
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

  keywordLanguage(text: string): Language | undefined {
    return this.analyzer.keywordLanguage(text, this.index.vocabulary);
  }

  contact(locale: Language = 'da'): AnswerCandidate | undefined {
    const marked = [...this.index.articles.values()].filter((article) => article.topic === 'contact');
    // An original rather than a translation: the candidate picks the translation for the locale.
    const chosen = marked.find((article) => article.translationOf === undefined) ?? marked[0];
    if (chosen) {
      const original = chosen.translationOf ?? chosen.id;
      const passage = this.contactPassage(original);
      return this.answerer.candidateFor(original, passage, locale);
    }
    let best: RankedArticle | undefined;
    for (const language of ['da', 'en'] as const) {
      const top = this.answerer.rankArticles(CONTACT_QUESTION[language], 1).ranked[0];
      if (top && top.coverage >= CONTACT_MIN_COVERAGE && (best === undefined || top.trust > best.trust)) best = top;
    }
    if (!best) return undefined;
    const found = this.index.articles.get(best.articleId);
    const original = found?.translationOf ?? best.articleId;
    return this.answerer.candidateFor(original, original === best.articleId ? best.bestPassageId : this.contactPassage(original), locale, Math.min(1, best.trust));
  }

  passageIn(articleId: string, passageId: string, locale: Language): AnswerCandidate | undefined {
    if (!this.index.passages.has(passageId) || this.index.passages.get(passageId)?.articleId !== articleId) return undefined;
    return this.answerer.candidateFor(articleId, passageId, locale);
  }

  /** The passage of an article that says most about contacting the desk. */
  private contactPassage(articleId: string): string | undefined {
    for (const language of ['da', 'en'] as const) {
      const hit = this.answerer.rankArticles(CONTACT_QUESTION[language], 50).ranked.find((ranked) => ranked.articleId === articleId);
      if (hit) return hit.bestPassageId;
    }
    return undefined;
  }

  replaceArticles(articles: readonly Article[]): void {
    const index = PassageIndex.build(articles, this.analyzer);
    this.index = index;
    this.answerer = new Answerer(this.analyzer, index, this.now);
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
  const analyzer = options.analyzer ?? (options.analyzerCache ? analyzerFromCache(options.analyzerCache) : new Analyzer());
  const cache = options.indexCache;
  if (!cache) return new IndexedKnowledgeBase(analyzer, options.sources, PassageIndex.build(await loadArticles(options.sources), analyzer), options.now);
  const files = await readSources(options.sources);
  const sources = JSON.stringify(files);
  const snapshot = cache.load(sources);
  if (snapshot?.version === 3) {
    try {
      return new IndexedKnowledgeBase(analyzer, options.sources, PassageIndex.fromSnapshot(snapshot), options.now);
    } catch {
      // a damaged entry: build instead
    }
  }
  const index = PassageIndex.build(parseSources(files), analyzer);
  cache.save(sources, index.snapshot());
  return new IndexedKnowledgeBase(analyzer, options.sources, index, options.now);
}

/** A knowledge base over articles already in memory (tests, benchmarks). */
export function knowledgeBaseFromArticles(articles: readonly Article[], analyzer: Analyzer = new Analyzer(), now?: () => Date): KnowledgeBase {
  return new IndexedKnowledgeBase(analyzer, [], PassageIndex.build(articles, analyzer), now);
}

/** A knowledge base from a saved snapshot, without re-analysing the articles (it cannot reload: no sources). */
export function knowledgeBaseFromSnapshot(snapshot: IndexSnapshot, analyzer: Analyzer = new Analyzer()): KnowledgeBase {
  return new IndexedKnowledgeBase(analyzer, [], PassageIndex.fromSnapshot(snapshot));
}

export { detectLanguage };
