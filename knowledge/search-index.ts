import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { areaName } from './areas.js';
import type { Analyzer } from './analysis/analyzer.js';
import { Vocabulary, type VocabularyJSON } from './analysis/analyzer.js';
import { WordTable } from './analysis/word-table.js';
import type { Article, Language, Passage } from './article.js';
import { splitIntoPassages, type PassageOptions, DEFAULT_PASSAGE_OPTIONS } from './passages.js';
import { PostingStream } from './posting-stream.js';

/** What minisearch indexes per article: fields hold analysed terms separated by spaces. */
export interface ArticleDocument {
  readonly id: string;
  readonly title: string;
  /** The editors' keywords, the system and the area's name. */
  readonly keywords: string;
}

/** What minisearch indexes per passage. */
export interface PassageDocument {
  readonly id: string;
  readonly articleId: string;
  readonly body: string;
}

/**
 * Field boosts. The title and the editors' keywords say what an article is about; a body passage
 * only mentions things. Calibrated on the development questions (see scripts/kb-eval.ts).
 */
export const FIELD_BOOSTS = { title: 2, keywords: 1.5, body: 1 } as const;

/**
 * Options shared by both indexes. Analysis (stemming, compounds, synonyms) happens before
 * minisearch sees the text, so here tokens are just the analysed terms. No fuzzy and no prefix
 * search: typos and compounds are handled by the analyser against the corpus vocabulary, which
 * keeps a query to exact term lookups (fast on 50k articles).
 */
const ANALYSED_TERMS = {
  tokenize: (text: string) => text.split(' ').filter((term) => term.length > 0),
  processTerm: (term: string) => term,
  searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
} as const;

/**
 * THE options of the article index (title and keywords, one document per article), used both to
 * build it and to load it with `loadJSON` (minisearch requires the same options for both).
 * Titles and keywords are indexed once per article rather than once per passage: fewer postings
 * to build and to score, and a long article's title does not count once per passage.
 */
export const ARTICLE_SEARCH_OPTIONS: Options<ArticleDocument> = {
  idField: 'id',
  fields: ['title', 'keywords'],
  storeFields: [],
  ...ANALYSED_TERMS,
  searchOptions: { ...ANALYSED_TERMS.searchOptions, boost: { title: FIELD_BOOSTS.title, keywords: FIELD_BOOSTS.keywords } },
};

/** THE options of the passage index (body passages), for building and loading alike. */
export const PASSAGE_SEARCH_OPTIONS: Options<PassageDocument> = {
  idField: 'id',
  fields: ['body'],
  storeFields: ['articleId'],
  ...ANALYSED_TERMS,
  searchOptions: { ...ANALYSED_TERMS.searchOptions, boost: { body: FIELD_BOOSTS.body } },
};

/** One article's evidence for a query. */
export interface ArticleHit {
  readonly articleId: string;
  /** Aggregated passage scores (see `aggregate`). */
  readonly score: number;
  readonly bestPassageId: string;
  /** Search score of each of the article's passages that matched (its best one included). */
  readonly passageScores: ReadonlyMap<string, number>;
  /** Query terms found anywhere in the article. */
  readonly matchedTerms: ReadonlySet<string>;
}

/** Part of an article's other passages added to its best passage's score. */
const OTHER_PASSAGES_WEIGHT = 0.25;

export interface IndexSnapshot {
  readonly version: 3;
  readonly articles: readonly Article[];
  readonly vocabulary: VocabularyJSON;
  /** The article index (ARTICLE_SEARCH_OPTIONS) as minisearch serialises it. */
  readonly articleIndex: string;
  /** The passage index (PASSAGE_SEARCH_OPTIONS). */
  readonly passageIndex: string;
}

/** Titles and keywords per article and body passages in two minisearch indexes, with the corpus vocabulary. */
export class PassageIndex {
  readonly articles: ReadonlyMap<string, Article>;
  readonly passages: ReadonlyMap<string, Passage>;

  private constructor(
    articles: readonly Article[],
    readonly vocabulary: Vocabulary,
    private readonly articleSearch: MiniSearch<ArticleDocument>,
    private readonly passageSearch: MiniSearch<PassageDocument>,
    passages: readonly Passage[],
  ) {
    this.articles = new Map(articles.map((article) => [article.id, article]));
    this.passages = new Map(passages.map((passage) => [passage.id, passage]));
  }

  /**
   * Builds the indexes in two passes: the first analyses every title, keyword list and passage
   * once and counts the corpus vocabulary; the second adds compound parts (which need that
   * vocabulary) and fills minisearch.
   *
   * Analysis is memoised per distinct written word: a corpus of 50k articles has millions of
   * tokens but a few tens of thousands of distinct words. `WordTable` turns texts into word ids
   * without making a string per token, and each word is tokenised, stop-word filtered, stemmed and
   * split into compound parts once per language.
   *
   * Bulk loading: postings are counted per document and put into minisearch's maps directly (see
   * `CountedMiniSearch`), touching the radix tree once per distinct term. The indexes are the same
   * as `addAll` would build (test/knowledge/knowledge-base.test.ts compares them), with the same
   * options as `fromSnapshot` loads them with.
   */
  static build(articles: readonly Article[], analyzer: Analyzer, passageOptions: PassageOptions = DEFAULT_PASSAGE_OPTIONS): PassageIndex {
    const terms = new TermTable();
    const analysis = new DocumentAnalysis(analyzer, terms);

    // Pass 1: every segment becomes the ids of its indexed words; stems are counted per article.
    const pass1Df: number[] = [];
    const lastSeen: number[] = [];
    const analysed = articles.map((article, articleIndex) => {
      const language = article.language;
      const segment = (text: string): Segment => {
        const words = analysis.indexedWords(text, language);
        for (const word of words) {
          for (const stem of analysis.stemsOf(word, language)) {
            if (lastSeen[stem] !== articleIndex) {
              lastSeen[stem] = articleIndex;
              pass1Df[stem] = (pass1Df[stem] ?? 0) + 1;
            }
          }
        }
        return words;
      };
      const title = segment(article.title);
      const keywords = segment(articleKeywords(article));
      const passages = splitIntoPassages(article, passageOptions);
      const bodies = passages.map((passage) => segment(passageText(passage)));
      return { article, title, keywords, passages, bodies };
    });
    const vocabulary = Vocabulary.fromCounts(articles.length, terms.counted(pass1Df), analysis.surfaces());

    // Pass 2: add compound parts (they need the vocabulary) and count postings per field.
    const articleSearch = new CountedMiniSearch<ArticleDocument>(ARTICLE_SEARCH_OPTIONS);
    const passageSearch = new CountedMiniSearch<PassageDocument>(PASSAGE_SEARCH_OPTIONS);
    const pass2Df: number[] = [];
    lastSeen.length = 0;
    const allPassages: Passage[] = [];
    analysed.forEach(({ article, title, keywords, passages, bodies }, index) => {
      const language = article.language;
      const fieldTerms = (segment: Segment): TermFrequencies => {
        const frequencies = analysis.termFrequencies(segment, language, vocabulary);
        for (const term of frequencies.terms) {
          if (lastSeen[term] !== index) {
            lastSeen[term] = index;
            pass2Df[term] = (pass2Df[term] ?? 0) + 1;
          }
        }
        return frequencies;
      };
      articleSearch.addCounted(article.id, undefined, [fieldTerms(title), fieldTerms(keywords)]);
      passages.forEach((passage, at) => {
        allPassages.push(passage);
        passageSearch.addCounted(passage.id, { articleId: article.id }, [fieldTerms(bodies[at] ?? [])]);
      });
    });
    // Document frequencies as indexed, compound parts included: a word that exists only inside
    // compounds ("aconto" in "acontoudbetaling") becomes a known word, and IDF and the pruning of
    // common terms see how often a term is really in the index.
    vocabulary.setCounts(terms.counted(pass2Df));
    vocabulary.freeze();

    return new PassageIndex(articles, vocabulary, articleSearch.finish(terms.list), passageSearch.finish(terms.list), allPassages);
  }

  /** The same indexes built document by document with minisearch's own `addAll` (tests, reference). */
  static buildWithAddAll(
    articles: readonly Article[],
    analyzer: Analyzer,
    passageOptions: PassageOptions = DEFAULT_PASSAGE_OPTIONS,
  ): { articleSearch: MiniSearch<ArticleDocument>; passageSearch: MiniSearch<PassageDocument> } {
    const reference = PassageIndex.build(articles, analyzer, passageOptions);
    const articleSearch = new MiniSearch<ArticleDocument>(ARTICLE_SEARCH_OPTIONS);
    const passageSearch = new MiniSearch<PassageDocument>(PASSAGE_SEARCH_OPTIONS);
    for (const article of articles) {
      const terms = (text: string): string => analyzer.documentTerms(text, article.language, reference.vocabulary).join(' ');
      articleSearch.add({ id: article.id, title: terms(article.title), keywords: terms(articleKeywords(article)) });
      for (const passage of splitIntoPassages(article, passageOptions)) {
        passageSearch.add({ id: passage.id, articleId: article.id, body: terms(passageText(passage)) });
      }
    }
    return { articleSearch, passageSearch };
  }

  static fromSnapshot(snapshot: IndexSnapshot, passageOptions: PassageOptions = DEFAULT_PASSAGE_OPTIONS): PassageIndex {
    const passages = snapshot.articles.flatMap((article) => splitIntoPassages(article, passageOptions));
    return new PassageIndex(
      snapshot.articles,
      Vocabulary.fromJSON(snapshot.vocabulary),
      MiniSearch.loadJSON<ArticleDocument>(snapshot.articleIndex, ARTICLE_SEARCH_OPTIONS),
      MiniSearch.loadJSON<PassageDocument>(snapshot.passageIndex, PASSAGE_SEARCH_OPTIONS),
      passages,
    );
  }

  snapshot(): IndexSnapshot {
    return {
      version: 3,
      articles: [...this.articles.values()],
      vocabulary: this.vocabulary.toJSON(),
      articleIndex: JSON.stringify(this.articleSearch),
      passageIndex: JSON.stringify(this.passageSearch),
    };
  }

  /** Whether some article has the term in its title or keywords (with its system and area): a subject of the articles. */
  isSubjectTerm(term: string): boolean {
    return this.articleSearch.search(term).length > 0;
  }

  get passageCount(): number {
    return this.passageSearch.documentCount;
  }

  /**
   * Ranks articles for weighted query terms. Minisearch scores (BM25) an article's title and
   * keywords and each of its passages; an article scores its title and keywords plus its best
   * passage plus a quarter of the rest, so that evidence spread over an article counts without long
   * articles winning by length alone.
   *
   * In a large corpus, terms found in very many articles are left out of the search: they barely
   * change the ranking (low IDF) but make minisearch score and sort most of the index, which is
   * what makes common-word queries slow. They are reported as `assumedTerms` so that coverage can
   * still count them. Small knowledge bases (under COMMON_TERM_MIN_ARTICLES per term) never prune.
   */
  searchArticles(weights: ReadonlyMap<string, number>, limit = 10): { hits: ArticleHit[]; assumedTerms: ReadonlySet<string> } {
    const assumed = new Set<string>();
    const threshold = Math.max(COMMON_TERM_MIN_ARTICLES, COMMON_TERM_SHARE * this.vocabulary.articleCount);
    const kept: string[] = [];
    for (const term of weights.keys()) {
      if (this.vocabulary.documentFrequency(term) > threshold) assumed.add(term);
      else kept.push(term);
    }
    // A question of common words only keeps its rarest word, unless even that is everywhere
    // (then nothing in it is distinctive, and "unknown" is the honest answer).
    if (kept.length === 0 && assumed.size > 0) {
      const rarest = [...assumed].sort((a, b) => this.vocabulary.documentFrequency(a) - this.vocabulary.documentFrequency(b))[0];
      if (rarest !== undefined && this.vocabulary.documentFrequency(rarest) <= 3 * threshold) {
        assumed.delete(rarest);
        kept.push(rarest);
      }
    }
    if (kept.length === 0) return { hits: [], assumedTerms: assumed };
    const query = kept.join(' ');
    const boostTerm = (term: string): number => weights.get(term) ?? 1;
    const articleResults = this.articleSearch.search(query, { boostTerm }).slice(0, RESULTS_TO_AGGREGATE);
    const passageResults = this.passageSearch.search(query, { boostTerm }).slice(0, RESULTS_TO_AGGREGATE);
    return { hits: aggregate(articleResults, passageResults).slice(0, limit), assumedTerms: assumed };
  }
}

/** A term in more articles than this (and than COMMON_TERM_SHARE of them) is not searched. */
const COMMON_TERM_MIN_ARTICLES = 200;
const COMMON_TERM_SHARE = 0.01;
/** Only the best articles and passages are grouped; the long tail cannot reach the top ten. */
const RESULTS_TO_AGGREGATE = 300;

/** A segment of a document as the ids of its indexed words (see WordTable, `DocumentAnalysis.indexedWords`). */
type Segment = readonly number[];

/** The text indexed in an article's keywords field. */
function articleKeywords(article: Article): string {
  return [...article.keywords, article.system ?? '', areaName(article.area)].join(' ');
}

/** The text indexed for a passage: its heading and its text. */
export function passageText(passage: Passage): string {
  return passage.heading ? `${passage.heading}\n${passage.text}` : passage.text;
}

/** Index terms and their small integer ids. */
class TermTable {
  private readonly ids = new Map<string, number>();
  readonly list: string[] = [];

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(term, id);
      this.list.push(term);
    }
    return id;
  }

  /** [term, count] for the terms with a count. */
  counted(counts: readonly (number | undefined)[]): [string, number][] {
    const result: [string, number][] = [];
    counts.forEach((count, id) => {
      const term = this.list[id];
      if (count && term !== undefined) result.push([term, count]);
    });
    return result;
  }
}

/** The distinct terms of one field of one document with their frequencies (parallel arrays). */
interface TermFrequencies {
  readonly terms: readonly number[];
  readonly counts: readonly number[];
}

/**
 * Memoised document analysis: each distinct written word is analysed once per language into
 * its stems (for the first pass) and its index terms (stems plus compound parts, see
 * `Analyzer.termsOf`, once the vocabulary is known).
 */
class DocumentAnalysis {
  private readonly table = new WordTable();
  private readonly stems: Record<Language, (readonly number[] | undefined)[]> = { da: [], en: [] };
  private readonly surfacesOf: Record<Language, (readonly string[] | undefined)[]> = { da: [], en: [] };
  private readonly indexTerms: Record<Language, (readonly number[] | undefined)[]> = { da: [], en: [] };
  private readonly surfaceSet = new Set<string>();
  // Scratch for counting term frequencies; reset after each segment.
  private readonly frequency: number[] = [];

  constructor(
    private readonly analyzer: Analyzer,
    private readonly terms: TermTable,
  ) {}

  /**
   * The ids of a text's words that have index terms: stop words (a large share of any text) are
   * left out here, so that the second pass and the memory between the passes do not carry them.
   */
  indexedWords(text: string, language: Language): number[] {
    const words: number[] = [];
    this.table.scan(text, (word) => {
      if (this.stemsOf(word, language).length > 0) words.push(word);
    });
    return words;
  }

  /** Stem ids of a word's surfaces (stop words dropped, names whole and in parts). */
  stemsOf(word: number, language: Language): readonly number[] {
    let stems = this.stems[language][word];
    if (stems === undefined) {
      const surfaces = this.analyzer.wordSurfaces(this.table.word(word), language);
      for (const surface of surfaces) this.surfaceSet.add(surface);
      this.surfacesOf[language][word] = surfaces;
      stems = surfaces.map((surface) => this.terms.idOf(this.analyzer.stemmers.stem(surface, language)));
      this.stems[language][word] = stems;
    }
    return stems;
  }

  /** The distinct surfaces seen so far (for typo correction). */
  surfaces(): ReadonlySet<string> {
    return this.surfaceSet;
  }

  /** Index terms of a segment with their frequencies. */
  termFrequencies(segment: Segment, language: Language, vocabulary: Vocabulary): TermFrequencies {
    const frequency = this.frequency;
    const terms: number[] = [];
    for (const word of segment) {
      for (const term of this.indexTermsOf(word, language, vocabulary)) {
        const seen = frequency[term] ?? 0;
        if (seen === 0) terms.push(term);
        frequency[term] = seen + 1;
      }
    }
    const counts = terms.map((term) => {
      const count = frequency[term] ?? 0;
      frequency[term] = 0;
      return count;
    });
    return { terms, counts };
  }

  private indexTermsOf(word: number, language: Language, vocabulary: Vocabulary): readonly number[] {
    let ids = this.indexTerms[language][word];
    if (ids === undefined) {
      const stems = this.stemsOf(word, language).map((stem) => this.terms.list[stem] ?? '');
      const surfaces = this.surfacesOf[language][word] ?? [];
      ids = this.analyzer.termsOf(surfaces, language, vocabulary, stems).map((term) => this.terms.idOf(term));
      this.indexTerms[language][word] = ids;
    }
    return ids;
  }
}

/**
 * A minisearch index filled with counted postings instead of document by document.
 *
 * `add()` inserts every token into minisearch's radix tree (about 3 µs a token, 20 s and more for
 * 50k articles), and `loadJS` wants every posting as a property of a plain object keyed by the
 * document's number as a string, which it parses back into maps (3 s and a lot of garbage for 50k
 * articles). Here each document's distinct terms and frequencies are collected as they come and
 * become, in `finish`, the maps that `add()` fills, set through the state minisearch keeps
 * `protected` for subclasses; each term reaches the radix tree once. The result is the index
 * `addAll` builds (test/knowledge/knowledge-base.test.ts compares them).
 */
class CountedMiniSearch<T> extends MiniSearch<T> {
  private readonly fieldCount: number;
  /** Keyed by term id × field count + field id. */
  private readonly postings = new PostingStream();
  private readonly lengthSums: number[];

  constructor(options: Options<T>) {
    super(options);
    this.fieldCount = options.fields.length;
    this.lengthSums = options.fields.map(() => 0);
  }

  /** Adds a document: its `fields` in the order of the options' `fields`, its stored fields if the options store any. */
  addCounted(id: string, stored: Record<string, unknown> | undefined, fields: readonly TermFrequencies[]): void {
    const shortId = this._nextId;
    this._nextId += 1;
    this._documentCount += 1;
    this._documentIds.set(shortId, id);
    this._idToShortId.set(id, shortId);
    if (stored) this._storedFields.set(shortId, stored);
    const lengths: number[] = [];
    fields.forEach(({ terms, counts }, fieldId) => {
      for (let i = 0; i < terms.length; i += 1) this.postings.append((terms[i] ?? 0) * this.fieldCount + fieldId, shortId, counts[i] ?? 0);
      // minisearch's field length is the number of distinct terms.
      lengths.push(terms.length);
      this.lengthSums[fieldId] = (this.lengthSums[fieldId] ?? 0) + terms.length;
    });
    this._fieldLength.set(shortId, lengths);
  }

  /**
   * Puts the postings into the radix tree under the terms' strings; call once, after the last
   * document. Each term's maps are built in one go here rather than a posting at a time while
   * adding: filling one map at a time is several times faster than spreading inserts over all.
   */
  finish(terms: readonly string[]): this {
    const { starts, pairs } = this.postings.drain(terms.length * this.fieldCount);
    terms.forEach((term, id) => {
      const data = new Map<number, Map<number, number>>();
      for (let fieldId = 0; fieldId < this.fieldCount; fieldId += 1) {
        const key = id * this.fieldCount + fieldId;
        const end = starts[key + 1] ?? 0;
        let pair = starts[key] ?? 0;
        if (pair === end) continue;
        const documents = new Map<number, number>();
        for (; pair < end; pair += 1) documents.set(pairs[2 * pair] ?? 0, pairs[2 * pair + 1] ?? 0);
        data.set(fieldId, documents);
      }
      if (data.size > 0) this._index.set(term, data);
    });
    this._avgFieldLength = this.lengthSums.map((sum) => (this._documentCount === 0 ? 0 : sum / this._documentCount));
    return this;
  }
}

function aggregate(articleResults: readonly SearchResult[], passageResults: readonly SearchResult[]): ArticleHit[] {
  interface Entry {
    about: number;
    scores: number[];
    byPassage: Map<string, number>;
    best: string | undefined;
    bestScore: number;
    terms: Set<string>;
  }
  const byArticle = new Map<string, Entry>();
  const entryOf = (articleId: string): Entry => {
    let entry = byArticle.get(articleId);
    if (!entry) {
      entry = { about: 0, scores: [], byPassage: new Map(), best: undefined, bestScore: -1, terms: new Set() };
      byArticle.set(articleId, entry);
    }
    return entry;
  };
  // minisearch multiplies a document's score by the number of query terms it matched; with
  // synonyms and compound parts in the query that would count one user word several times.
  // Coverage (answerer.ts) counts the user's words instead, so the plain BM25 sum is kept here.
  const plainScore = (result: SearchResult): number => result.score / Math.max(1, result.queryTerms.length);
  for (const result of articleResults) {
    const entry = entryOf(String(result.id));
    entry.about = plainScore(result);
    for (const term of result.queryTerms) entry.terms.add(term);
  }
  for (const result of passageResults) {
    const entry = entryOf(String(result['articleId']));
    const score = plainScore(result);
    entry.scores.push(score);
    entry.byPassage.set(String(result.id), score);
    if (score > entry.bestScore) {
      entry.best = String(result.id);
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
      score: entry.about + (sorted[0] ?? 0) + OTHER_PASSAGES_WEIGHT * rest,
      // An article found by its title alone is answered with its first passage.
      bestPassageId: entry.best ?? `${articleId}#0`,
      passageScores: entry.byPassage,
      matchedTerms: entry.terms,
    });
  }
  return hits.sort((a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId));
}
