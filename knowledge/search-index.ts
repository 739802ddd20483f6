import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { areaName } from './areas.js';
import type { Analyzer } from './analysis/analyzer.js';
import { Vocabulary } from './analysis/analyzer.js';
import { words } from './analysis/tokenizer.js';
import type { Article, Language, Passage } from './article.js';
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
/** Field ids in minisearch's order of `fields` (the bulk loader writes them). */
const FIELD_IDS = { title: 0, keywords: 1, body: 2 } as const;

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
    passages: readonly Passage[],
  ) {
    this.articles = new Map(articles.map((article) => [article.id, article]));
    this.passages = new Map(passages.map((passage) => [passage.id, passage]));
  }

  /**
   * Builds the index in two passes: the first analyses every title, keyword list and passage once
   * and counts the corpus vocabulary; the second adds compound parts (which need that vocabulary)
   * and bulk-loads minisearch.
   *
   * Analysis is memoised per distinct written word (a corpus of 50k articles has a few tens of
   * thousands of them against millions of tokens): a word is tokenised, stop-word filtered, stemmed
   * and split into compound parts once, and documents become arrays of small integer ids.
   *
   * Bulk loading: minisearch's `add()` inserts every token into its radix tree (about 3 µs a
   * token, 20 s and more for 50k articles). Here postings are counted in plain arrays and handed to
   * `MiniSearch.loadJS` in minisearch's own serialisation format (`AsPlainObject`, version 2), which
   * touches the radix tree once per distinct term. The index is the same as `addAll` would build
   * (test/knowledge/search-index.test.ts compares them), loaded with the same MINISEARCH_OPTIONS.
   */
  static build(articles: readonly Article[], analyzer: Analyzer, passageOptions: PassageOptions = DEFAULT_PASSAGE_OPTIONS): PassageIndex {
    const terms = new TermTable();
    const surfaces = new SurfaceTable(analyzer, terms);

    // Pass 1: every segment becomes surface ids; stems are counted per article.
    const pass1Df: number[] = [];
    const lastSeen: number[] = [];
    const analysed = articles.map((article, articleIndex) => {
      const language = article.language;
      const countStems = (ids: readonly number[]): readonly number[] => {
        for (const id of ids) {
          const stem = surfaces.stemOf(id);
          if (lastSeen[stem] !== articleIndex) {
            lastSeen[stem] = articleIndex;
            pass1Df[stem] = (pass1Df[stem] ?? 0) + 1;
          }
        }
        return ids;
      };
      const title = countStems(surfaces.analyse(article.title, language));
      const keywords = countStems(surfaces.analyse([...article.keywords, article.system ?? '', areaName(article.area)].join(' '), language));
      const passages = splitIntoPassages(article, passageOptions);
      const bodies = passages.map((passage) => countStems(surfaces.analyse(passage.heading ? `${passage.heading}\n${passage.text}` : passage.text, language)));
      return { article, title, keywords, passages, bodies };
    });
    const vocabulary = Vocabulary.fromCounts(articles.length, terms.counted(pass1Df), surfaces.strings());

    // Pass 2: add compound parts (they need the vocabulary) and count postings per field.
    const postings = new Postings(3);
    const pass2Df: number[] = [];
    lastSeen.length = 0;
    const documentIds: Record<number, string> = {};
    const storedFields: Record<number, { articleId: string }> = {};
    const fieldLength: Record<number, number[]> = {};
    const lengthSums = [0, 0, 0];
    const allPassages: Passage[] = [];
    let shortId = 0;
    analysed.forEach(({ article, title, keywords, passages, bodies }, articleIndex) => {
      const countTerms = (frequencies: TermFrequencies): TermFrequencies => {
        for (const term of frequencies.terms) {
          if (lastSeen[term] !== articleIndex) {
            lastSeen[term] = articleIndex;
            pass2Df[term] = (pass2Df[term] ?? 0) + 1;
          }
        }
        return frequencies;
      };
      const titleTerms = countTerms(surfaces.termFrequencies(title, vocabulary));
      const keywordTerms = countTerms(surfaces.termFrequencies(keywords, vocabulary));
      passages.forEach((passage, index) => {
        allPassages.push(passage);
        const bodyTerms = countTerms(surfaces.termFrequencies(bodies[index] ?? [], vocabulary));
        const docId = shortId;
        shortId += 1;
        documentIds[docId] = passage.id;
        storedFields[docId] = { articleId: article.id };
        postings.add(FIELD_IDS.title, docId, titleTerms);
        postings.add(FIELD_IDS.keywords, docId, keywordTerms);
        postings.add(FIELD_IDS.body, docId, bodyTerms);
        const lengths = [titleTerms.terms.length, keywordTerms.terms.length, bodyTerms.terms.length];
        fieldLength[docId] = lengths;
        lengths.forEach((length, field) => {
          lengthSums[field] = (lengthSums[field] ?? 0) + length;
        });
      });
    });
    // Document frequencies as indexed, compound parts included: a word that exists only inside
    // compounds ("aconto" in "acontoudbetaling") becomes a known word, and IDF and the pruning of
    // common terms see how often a term is really in the index.
    vocabulary.setCounts(terms.counted(pass2Df));
    vocabulary.freeze();

    const documentCount = shortId;
    const plain: AsPlainObject = {
      documentCount,
      nextId: documentCount,
      documentIds,
      fieldIds: { ...FIELD_IDS },
      fieldLength,
      averageFieldLength: lengthSums.map((sum) => (documentCount === 0 ? 0 : sum / documentCount)),
      storedFields,
      dirtCount: 0,
      index: postings.serialise(terms.list),
      serializationVersion: 2,
    };
    const search = MiniSearch.loadJS<PassageDocument>(plain, MINISEARCH_OPTIONS);
    return new PassageIndex(articles, vocabulary, search, allPassages);
  }

  /** The same index built document by document with minisearch's own `addAll` (tests, reference). */
  static buildWithAddAll(articles: readonly Article[], analyzer: Analyzer, passageOptions: PassageOptions = DEFAULT_PASSAGE_OPTIONS): MiniSearch<PassageDocument> {
    const reference = PassageIndex.build(articles, analyzer, passageOptions);
    const search = new MiniSearch<PassageDocument>(MINISEARCH_OPTIONS);
    for (const article of articles) {
      const terms = (text: string): string => analyzer.documentTerms(text, article.language, reference.vocabulary).join(' ');
      const title = terms(article.title);
      const keywords = terms([...article.keywords, article.system ?? '', areaName(article.area)].join(' '));
      for (const passage of splitIntoPassages(article, passageOptions)) {
        search.add({
          id: passage.id,
          articleId: article.id,
          title,
          keywords,
          body: terms(passage.heading ? `${passage.heading}\n${passage.text}` : passage.text),
        });
      }
    }
    return search;
  }

  static fromSnapshot(snapshot: IndexSnapshot, passageOptions: PassageOptions = DEFAULT_PASSAGE_OPTIONS): PassageIndex {
    const search = MiniSearch.loadJSON<PassageDocument>(snapshot.minisearch, MINISEARCH_OPTIONS);
    const passages = snapshot.articles.flatMap((article) => splitIntoPassages(article, passageOptions));
    return new PassageIndex(snapshot.articles, Vocabulary.fromJSON(snapshot.vocabulary), search, passages);
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
    const results = this.search.search(kept.join(' '), { boostTerm: (term) => weights.get(term) ?? 1 });
    return { hits: aggregate(results.slice(0, PASSAGES_TO_AGGREGATE)).slice(0, limit), assumedTerms: assumed };
  }
}

/** A term in more articles than this (and than COMMON_TERM_SHARE of them) is not searched. */
const COMMON_TERM_MIN_ARTICLES = 200;
const COMMON_TERM_SHARE = 0.01;
/** Only the best passages are grouped into articles; the long tail cannot reach the top ten. */
const PASSAGES_TO_AGGREGATE = 300;

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
 * surface ids (a surface is a word to index: stop words dropped, names whole and in parts), each
 * surface is stemmed once and, once the vocabulary is known, split into compound parts once.
 */
class SurfaceTable {
  private readonly byWord: Record<Language, Map<string, readonly number[]>> = { da: new Map(), en: new Map() };
  private readonly byKey: Record<Language, Map<string, number>> = { da: new Map(), en: new Map() };
  private readonly surfaces: string[] = [];
  private readonly languages: Language[] = [];
  private readonly stems: number[] = [];
  private readonly indexTerms: (readonly number[] | undefined)[] = [];
  // Scratch for counting term frequencies without sorting; reset after each document.
  private readonly frequency: number[] = [];

  constructor(
    private readonly analyzer: Analyzer,
    private readonly terms: TermTable,
  ) {}

  /** Surface ids of a text's words, in order. */
  analyse(text: string, language: Language): number[] {
    const memo = this.byWord[language];
    const ids: number[] = [];
    for (const word of words(text)) {
      let known = memo.get(word);
      if (known === undefined) {
        known = this.analyzer.wordSurfaces(word, language).map((surface) => this.surfaceId(surface, language));
        memo.set(word, known);
      }
      for (const id of known) ids.push(id);
    }
    return ids;
  }

  stemOf(surface: number): number {
    return this.stems[surface] ?? 0;
  }

  /** The distinct surface strings (for typo correction). */
  strings(): Set<string> {
    return new Set(this.surfaces);
  }

  /** Index terms of a segment (stems plus compound parts, see `Analyzer.termsOf`) with frequencies. */
  termFrequencies(surfaceIds: readonly number[], vocabulary: Vocabulary): TermFrequencies {
    const frequency = this.frequency;
    const terms: number[] = [];
    for (const surface of surfaceIds) {
      for (const term of this.termsOf(surface, vocabulary)) {
        const seen = frequency[term] ?? 0;
        if (seen === 0) terms.push(term);
        frequency[term] = seen + 1;
      }
    }
    terms.sort((a, b) => a - b);
    const counts = terms.map((term) => {
      const count = frequency[term] ?? 0;
      frequency[term] = 0;
      return count;
    });
    return { terms, counts };
  }

  private termsOf(surface: number, vocabulary: Vocabulary): readonly number[] {
    let ids = this.indexTerms[surface];
    if (ids === undefined) {
      const text = this.surfaces[surface] ?? '';
      const language = this.languages[surface] ?? 'da';
      const stem = this.terms.list[this.stemOf(surface)] ?? text;
      ids = this.analyzer.termsOf([text], language, vocabulary, [stem]).map((term) => this.terms.idOf(term));
      this.indexTerms[surface] = ids;
    }
    return ids;
  }

  private surfaceId(surface: string, language: Language): number {
    const table = this.byKey[language];
    let id = table.get(surface);
    if (id === undefined) {
      id = this.surfaces.length;
      table.set(surface, id);
      this.surfaces.push(surface);
      this.languages.push(language);
      this.stems.push(this.terms.idOf(this.analyzer.stemmers.stem(surface, language)));
    }
    return id;
  }
}

/** Postings per field and term: flat [docId, frequency, docId, frequency, …] arrays. */
class Postings {
  private readonly fields: number[][][];

  constructor(fieldCount: number) {
    this.fields = Array.from({ length: fieldCount }, () => []);
  }

  add(fieldId: number, docId: number, frequencies: TermFrequencies): void {
    const field = this.fields[fieldId] ?? [];
    const { terms, counts } = frequencies;
    for (let i = 0; i < terms.length; i += 1) {
      const term = terms[i] ?? 0;
      (field[term] ??= []).push(docId, counts[i] ?? 0);
    }
  }

  /** minisearch's serialised index: per term, per field id, document short id -> occurrences. */
  serialise(terms: readonly string[]): AsPlainObject['index'] {
    const index: AsPlainObject['index'] = [];
    terms.forEach((term, id) => {
      const data: Record<string, Record<number, number>> = {};
      let hasPostings = false;
      this.fields.forEach((field, fieldId) => {
        const pairs = field[id];
        if (!pairs) return;
        const entry: Record<number, number> = {};
        for (let i = 0; i < pairs.length; i += 2) entry[pairs[i] ?? 0] = pairs[i + 1] ?? 0;
        data[fieldId] = entry;
        hasPostings = true;
      });
      if (hasPostings) index.push([term, data]);
    });
    return index;
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
