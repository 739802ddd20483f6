import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { areaName } from './areas.js';
import type { Analyzer } from './analysis/analyzer.js';
import { Vocabulary } from './analysis/analyzer.js';
import type { Article, Passage } from './article.js';
import { splitIntoPassages, type PassageOptions, DEFAULT_PASSAGE_OPTIONS } from './passages.js';

/** What minisearch indexes per passage: fields hold analysed terms separated by spaces. */
export interface PassageDocument {
  readonly id: string;
  readonly articleId: string;
  readonly title: string;
  readonly keywords: string;
  readonly body: string;
}

/**
 * Field boosts. The title and the editors' keywords say what an article is about; a body passage
 * only mentions things. Calibrated on the development questions (see scripts/kb-eval.ts).
 */
export const FIELD_BOOSTS = { title: 2, keywords: 1.5, body: 1 } as const;

/**
 * THE minisearch options, used both to build an index and to load one with `loadJSON` (minisearch
 * requires the same options for both). Analysis (stemming, compounds, synonyms) happens before
 * minisearch sees the text, so here tokens are just the analysed terms. No fuzzy and no prefix
 * search: typos and compounds are handled by the analyser against the corpus vocabulary, which
 * keeps a query to exact term lookups (fast on 50k articles).
 */
export const MINISEARCH_OPTIONS: Options<PassageDocument> = {
  idField: 'id',
  fields: ['title', 'keywords', 'body'],
  storeFields: ['articleId'],
  tokenize: (text: string) => text.split(' ').filter((term) => term.length > 0),
  processTerm: (term: string) => term,
  searchOptions: {
    boost: { ...FIELD_BOOSTS },
    combineWith: 'OR',
    prefix: false,
    fuzzy: false,
  },
};

/** One article's evidence for a query. */
export interface ArticleHit {
  readonly articleId: string;
  /** Aggregated passage scores (see `aggregate`). */
  readonly score: number;
  readonly bestPassageId: string;
  /** Query terms found anywhere in the article. */
  readonly matchedTerms: ReadonlySet<string>;
}

/** Part of an article's other passages added to its best passage's score. */
const OTHER_PASSAGES_WEIGHT = 0.25;

export interface IndexSnapshot {
  readonly version: 1;
  readonly articles: readonly Article[];
  readonly vocabulary: ReturnType<Vocabulary['toJSON']>;
  readonly minisearch: string;
}

/** Passages of all articles in one minisearch index, with the corpus vocabulary beside it. */
export class PassageIndex {
  readonly articles: ReadonlyMap<string, Article>;
  readonly passages: ReadonlyMap<string, Passage>;

  private constructor(
    articles: readonly Article[],
    readonly vocabulary: Vocabulary,
    private readonly search: MiniSearch<PassageDocument>,
    passageOptions: PassageOptions,
  ) {
    this.articles = new Map(articles.map((article) => [article.id, article]));
    const passages = new Map<string, Passage>();
    for (const article of articles) for (const passage of splitIntoPassages(article, passageOptions)) passages.set(passage.id, passage);
    this.passages = passages;
  }

  static build(articles: readonly Article[], analyzer: Analyzer, passageOptions: PassageOptions = DEFAULT_PASSAGE_OPTIONS): PassageIndex {
    const vocabulary = new Vocabulary();
    for (const article of articles) {
      const text = [article.title, article.keywords.join(' '), article.system ?? '', article.body].join('\n');
      vocabulary.addArticle(analyzer.words(text, article.language));
    }
    const search = new MiniSearch<PassageDocument>(MINISEARCH_OPTIONS);
    const documents: PassageDocument[] = [];
    const termsPerArticle: string[][] = [];
    for (const article of articles) {
      const articleTerms: string[] = [];
      const terms = (text: string): string => {
        const analysed = analyzer.documentTerms(text, article.language, vocabulary);
        articleTerms.push(...analysed);
        return analysed.join(' ');
      };
      const title = terms(article.title);
      const keywords = terms([...article.keywords, article.system ?? '', areaName(article.area)].join(' '));
      for (const passage of splitIntoPassages(article, passageOptions)) {
        documents.push({
          id: passage.id,
          articleId: article.id,
          title,
          keywords,
          body: terms([passage.heading ?? '', passage.text].join('\n')),
        });
      }
      termsPerArticle.push(articleTerms);
    }
    // Words that exist only inside compounds ("aconto" in "acontoudbetaling") become known words.
    vocabulary.addDerivedTerms(termsPerArticle);
    search.addAll(documents);
    return new PassageIndex(articles, vocabulary, search, passageOptions);
  }

  static fromSnapshot(snapshot: IndexSnapshot, passageOptions: PassageOptions = DEFAULT_PASSAGE_OPTIONS): PassageIndex {
    const search = MiniSearch.loadJSON<PassageDocument>(snapshot.minisearch, MINISEARCH_OPTIONS);
    return new PassageIndex(snapshot.articles, Vocabulary.fromJSON(snapshot.vocabulary), search, passageOptions);
  }

  snapshot(): IndexSnapshot {
    return {
      version: 1,
      articles: [...this.articles.values()],
      vocabulary: this.vocabulary.toJSON(),
      minisearch: JSON.stringify(this.search),
    };
  }

  get passageCount(): number {
    return this.search.documentCount;
  }

  /**
   * Ranks articles for weighted query terms. Passages are scored by minisearch (BM25 over the three
   * fields); an article scores its best passage plus a quarter of the rest, so that evidence spread
   * over an article counts without long articles winning by length alone.
   */
  searchArticles(weights: ReadonlyMap<string, number>, limit = 10): ArticleHit[] {
    if (weights.size === 0) return [];
    const query = [...weights.keys()].join(' ');
    const results = this.search.search(query, { boostTerm: (term) => weights.get(term) ?? 1 });
    return aggregate(results).slice(0, limit);
  }
}

function aggregate(results: readonly SearchResult[]): ArticleHit[] {
  const byArticle = new Map<string, { scores: number[]; best: SearchResult; bestScore: number; terms: Set<string> }>();
  for (const result of results) {
    const articleId = String(result['articleId']);
    let entry = byArticle.get(articleId);
    if (!entry) {
      entry = { scores: [], best: result, bestScore: -1, terms: new Set() };
      byArticle.set(articleId, entry);
    }
    // minisearch multiplies a document's score by the number of query terms it matched; with
    // synonyms and compound parts in the query that would count one user word several times.
    // Coverage (answerer.ts) counts the user's words instead, so the plain BM25 sum is kept here.
    const score = result.score / Math.max(1, result.queryTerms.length);
    entry.scores.push(score);
    if (score > entry.bestScore) {
      entry.best = result;
      entry.bestScore = score;
    }
    for (const term of result.queryTerms) entry.terms.add(term);
  }
  const hits: ArticleHit[] = [];
  for (const [articleId, entry] of byArticle) {
    const sorted = entry.scores.sort((a, b) => b - a);
    const rest = sorted.slice(1).reduce((sum, score) => sum + score, 0);
    hits.push({
      articleId,
      score: (sorted[0] ?? 0) + OTHER_PASSAGES_WEIGHT * rest,
      bestPassageId: String(entry.best.id),
      matchedTerms: entry.terms,
    });
  }
  return hits.sort((a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId));
}
