import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import SearchableMap from 'minisearch/SearchableMap';
import type { Language } from '../article.js';
import { contentLanguage, detectLanguage, type ContentWords } from './language.js';
import { defaultLexicon, lexiconData, lexiconFromData, parseLexicon, readLexiconTexts, useLexicon, type Lexicon, type LexiconData } from './lexicon.js';
import { Stemmers, type StemTable } from './stemmers.js';
import { clauseOfWords, symbolWords, tokenize, tokenizeWord, words, type RawToken } from './tokenizer.js';
import { isDanishWord } from './danish-words.js';

/** Subjects before a verb ("vi bruger", "som bruger", "hvem der bruger") and after it in a question ("bruger man"). */
const SUBJECT_BEFORE: ReadonlySet<string> = new Set(['jeg', 'du', 'han', 'hun', 'vi', 'de', 'man', 'der', 'som', 'hvem']);
const SUBJECT_AFTER: ReadonlySet<string> = new Set(['jeg', 'du', 'han', 'hun', 'vi', 'de', 'man']);
/** Adverbs that follow a finite verb in a main clause ("vi er et gymnasium og bruger ikke SLS"); a noun is not followed by them… */
const ADVERB_AFTER: ReadonlySet<string> = new Set(['ikke', 'også', 'kun', 'altid', 'aldrig', 'stadig', 'allerede', 'primært', 'typisk', 'normalt', 'fortsat']);
/** …unless a determiner makes it the noun, in a subordinate clause ("hvis en bruger ikke kan logge ind"). */
const DETERMINER_BEFORE: ReadonlySet<string> = new Set(['en', 'et', 'den', 'det', 'denne', 'dette', 'hver', 'enhver', 'ny', 'nye', 'anden', 'andet', 'min', 'mit', 'din', 'dit', 'sin', 'sit', 'vores', 'jeres', 'deres', 'hans', 'hendes', 'ingen', 'nogen', 'samme', 'eneste', 'ekstern', 'intern']);

/** After "som" the noun ("oprettet som bruger", "som bruger af portalen", "som bruger i RejsUd?"): the clause ends, or a preposition or conjunction follows. */
const AFTER_SOM_AS_NOUN: ReadonlySet<string> = new Set(['i', 'af', 'på', 'hos', 'til', 'for', 'ved', 'med', 'under', 'og', 'eller', 'men', 'så', 'hvis', 'når']);

/** How a query term came about; decides its weight in the search and its credit in coverage. */
export type TermKind = 'word' | 'name-part' | 'compound-part' | 'compound-head' | 'compound-modifier' | 'typo' | 'synonym' | 'glossary' | 'broader' | 'action';

/**
 * Weight (search boost) and credit (how much a match counts as matching the user's word, for
 * coverage) per kind. A user's own word counts fully; what we inferred from it counts less.
 */
export const TERM_KINDS: Record<TermKind, { readonly weight: number; readonly credit: number }> = {
  word: { weight: 1, credit: 1 },
  glossary: { weight: 1, credit: 1 },
  'name-part': { weight: 0.5, credit: 0.8 },
  'compound-part': { weight: 0.6, credit: 0.6 },
  'compound-head': { weight: 0.4, credit: 0.4 },
  // "studenter|medhjælpere", "møde|referater": the corpus knows the first part, not the rest.
  'compound-modifier': { weight: 0.5, credit: 0.5 },
  typo: { weight: 0.8, credit: 0.7 },
  synonym: { weight: 0.6, credit: 0.9 },
  // "Sverige" read as "udenlandsk": what the word is a kind of says less than the word itself.
  broader: { weight: 0.5, credit: 0.6 },
  // "standse" read as the articles' "standsning" (round 27, Analyzer.actionForms): the same act, as a synonym counts.
  action: { weight: 0.6, credit: 0.9 },
};

export interface QueryTerm {
  readonly term: string;
  readonly kind: TermKind;
  /** Index into `QueryAnalysis.concepts`: the user's word this term stands for. */
  readonly concept: number;
  /** For the parts of a compound or a joined name: the share of the word this part stands for. */
  readonly share: number;
  /**
   * The English word's own stem (or a correction or part of it) where the glossary translates the
   * word: it counts only in articles in the question's language (see `Answerer`), because in a
   * Danish article the same letters are another word ("time" is not "timer").
   */
  readonly ownLanguageOnly?: true;
}

export interface Concept {
  /** The user's word as written (lower-cased). */
  readonly surface: string;
  /** Informativeness of the word in this corpus (inverse document frequency); unknown words are rare. */
  readonly idf: number;
  /** Whether the word, or what it was read as (a typo correction, a translation, a synonym), occurs in the corpus. */
  readonly known: boolean;
  /** Written like a name (see `nameLikeWords`): a product, a system, a place, an organisation. */
  readonly name: boolean;
}

export interface QueryAnalysis {
  readonly language: Language;
  readonly concepts: readonly Concept[];
  readonly terms: readonly QueryTerm[];
}

const MIN_PART = 3;
const MIN_COMPOUND = 6;
const MIN_HEAD_COMPOUND = 10;
const MIN_MODIFIER = 4;
/** The letters that may join the parts of a Danish compound: "regnskab|s|opgaver", "syg|e|dagpenge". */
const LINKS = ['', 's', 'e'] as const;
/** No words (a language without a list). */
const NO_WORDS: ReadonlySet<string> = new Set();
/** An outside word begins a compound from this many letters ("fritid|sjob"; not "mor|gen", "far|ve"). */
const MIN_OUTSIDE_MODIFIER = 5;
// Unknown words are weighed like a term in one article out of (N+1)/UNKNOWN_DF: rare, but a
// little less than the rarest known word, since chatty words are unknown too.
const UNKNOWN_DF = 1.5;
/**
 * In an English question over Danish articles most everyday words are unknown to the corpus, so an
 * unknown plain English word weighs only this share of an unknown word. Names (capitalised inside
 * the sentence, with digits or mixed case: "MitID", "Outlook", "Canada") keep the full weight: a
 * question that hinges on a name the corpus lacks is about something else. 0.75 (was 0.5) since the
 * English stop words and the glossary cover the everyday words of questions better: on the tuning
 * questions it declined one unrelated question in 67 more (a question about paternity leave
 * answered through its one word "leave") and cost no in-scope answer.
 */
const ENGLISH_PLAIN_UNKNOWN_SHARE = 0.75;

/**
 * A thing named by what it handles and a word for a system ("fakturaprogrammet", "lønplatformen",
 * "bogføringsværktøjet"): users who do not know a system's name describe it so. Read with every other such
 * word ("fakturasystem", the lexicon's name for IndFak), so that one lexicon entry per system serves them all.
 */
const SYSTEM_WORD = /^(\p{L}{3,}?)(program(?:met|mer|merne)?|system(?:et|er|erne)?|platform(?:en|e|ene)?|værktøj(?:et|er|erne)?|løsning(?:en|er|erne)?|software(?:n)?|modul(?:et|er|erne)?|app(?:en|s)?|portal(?:en|er|erne)?)$/u;
const SYSTEM_HEADS = ['program', 'system', 'platform', 'værktøj', 'løsning', 'software', 'modul', 'app', 'portal'] as const;

/**
 * A Danish noun in unstressed -er loses the e when an ending follows: "centret", "filtret", "teatret" are "centeret",
 * "filteret", "teateret", which an article may write instead ("Epicenteret" asked as "epicentret"). The full form of such a
 * word: a consonant, r, and a definite or plural ending.
 */
const SYNCOPE = /^(\p{L}{3,}[bcdfghjklmnpqstvwxz])r(et|ets|ene|enes|e|es)$/u;
function unsyncopated(word: string): string | undefined {
  const match = SYNCOPE.exec(word);
  return match ? `${match[1]}er${match[2]}` : undefined;
}

/** A symbol standing alone between spaces or quotes ("et ! i", "a '#'"): not punctuation, a character spoken of. Not "?" or a dash. */
const LONE_SYMBOL = /(?<=^|[\s"'«(])[!@#$%&*+=§^~|\\/<>]{1,3}(?=$|[\s"'»),.])/gu;

/**
 * A light word (the lexicon's `light` lists: "bestemt", "kalder", "explain", "someone") says how a
 * question is put, not what it is about. It weighs at most like a word in this share of the
 * articles, known or not: an article that lacks it still covers the question, and a question made
 * of such words and one topic word is still about that topic.
 */
const LIGHT_SHARE = 0.25;
/** …and in more than this many: in a handful of articles no word is common (as decline.ts's COMMON_MIN_ARTICLES). */
const COMMON_MIN_ARTICLES = 5;

/** A word with a pair of letters that may stand for å, ø or æ, written without them. */
const ASCII_DANISH = /aa|oe|ae/;
const DANISH_LETTER = { aa: 'å', oe: 'ø', ae: 'æ' } as const;

/** How many words after a particle verb's verb its particle may stand ("slå [en bestemt kollegas løn] op"). */
const PARTICLE_REACH = 5;
/** An unknown number in a question weighs this share of an unknown word (see `analyzeQuery`). */
const UNKNOWN_NUMBER_SHARE = 0.25;
const NUMBER = /^\d+(?:[.,]\d+)*$/;
/** A number of one to three digits: a quantity the user supplies, not a year or an account. */
const SMALL_NUMBER = /^\d{1,3}$/;
/**
 * An English ordinal written with digits ("1st", "2nd", "13th"): the number, as Danish writes "1. lønkørsel".
 * Its letters made it look like a product's name ("F2", "365"), so that a question with only such a name
 * unknown was declined outright (round 26: "the difference between the 1st and 2nd payroll run").
 */
const ENGLISH_ORDINAL = /(?<![\p{L}\p{N}])(\d{1,3})(?:st|nd|rd|th)(?![\p{L}\p{N}])/giu;
/**
 * Small numbers as English writes them in words: a digit in an English question stands for the word where a
 * glossary phrase has it ("2 factor" is "two factor", "1st day of absence" is "first day of absence").
 */
const ENGLISH_NUMBER_WORDS: readonly (readonly [string, string])[] = [
  ['one', 'first'], ['two', 'second'], ['three', 'third'], ['four', 'fourth'], ['five', 'fifth'],
  ['six', 'sixth'], ['seven', 'seventh'], ['eight', 'eighth'], ['nine', 'ninth'], ['ten', 'tenth'],
];

/**
 * Words written like names: capitalised inside a sentence, with digits, or mixed case. A word that
 * begins a sentence (the text's first, or after . ! ? :) is capitalised by grammar, not as a name.
 */
export function nameLikeWords(question: string): Set<string> {
  const names = new Set<string>();
  for (const match of question.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const before = question.slice(0, match.index).trimEnd();
    const sentenceStart = before.length === 0 || /[.!?:]$/u.test(before);
    const mixed = /\p{Ll}\p{Lu}/u.test(word);
    const capitalised = !sentenceStart && /^\p{Lu}/u.test(word);
    const allCaps = word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word);
    if (mixed || capitalised || allCaps || /\p{N}/u.test(word)) names.add(word.toLowerCase());
  }
  return names;
}

/**
 * A capitalised word where a system is named: what one gets access to or logs in to ("access to
 * Jira", "adgang til Zendesk", "logge ind i Workday"). An agency in that place ("adgang til
 * Økonomistyrelsen") is an institution of the portal's communities, not a system.
 */
const SYSTEM_PLACE =
  /(?<![\p{L}\d])(?:access\s+to|adgang\s+til|log(?:ge)?\s*(?:ind|på|in|on)\s+(?:i|på|til|to)|login\s+(?:to|til))\s+(\p{Lu}[\p{L}\p{N}]*)/gu;
const AGENCY = /(?:styrelse|styrelsen|ministeriet|direktorat|direktoratet|universitet|instituttet|institut|rådet|nævnet|kontoret|centret|center|agency|ministry|university)$/iu;

/**
 * Words written like the name of a product, a system or an agency rather than of a person or a
 * place: with digits, mixed case or in capitals ("F2", "WorkZone", "SAP"), or capitalised where a
 * system is named ({@link SYSTEM_PLACE}). A word only capitalised elsewhere ("Aarhus", "Mette") may
 * be anyone or anywhere around a question the articles answer.
 */
export function productLikeWords(question: string): Set<string> {
  const names = new Set<string>();
  for (const match of question.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const mixed = /\p{Ll}\p{Lu}/u.test(word);
    const allCaps = word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word);
    if (mixed || allCaps || /\p{N}/u.test(word)) names.add(word.toLowerCase());
  }
  for (const match of question.matchAll(SYSTEM_PLACE)) {
    const word = match[1];
    if (word && !AGENCY.test(word)) names.add(word.toLowerCase());
  }
  return names;
}

/**
 * Statistics of one corpus that the analyser splits compounds and corrects typos against: which
 * stems occur as words of their own, in how many articles, and the surface forms for typos.
 */
/** A {@link Vocabulary} as a snapshot keeps it. */
export interface VocabularyJSON {
  articles: number;
  df: [string, number][];
  surfaces: [string, number][];
  /** The stems that are words of their own, when some terms of `df` are only parts of compounds. */
  words?: string[];
}

export class Vocabulary {
  private readonly df = new Map<string, number>();
  private readonly surfaceCounts = new Map<string, number>();
  private surfaceTree: SearchableMap<number> | undefined;
  private prefixes: Set<string> | undefined;
  private articles = 0;
  /**
   * The stems the corpus has as words of their own, which compounds are split into — kept when
   * {@link setCounts} adds the terms found only inside compounds, so that a compound is split the
   * same way whether the index was just built or loaded from a snapshot, and for a word of the
   * corpus and a word first seen in a question alike. Undefined: every stem of `df` is one.
   */
  private words: Set<string> | undefined;

  /** Adds one article's words: the stems for document frequency, the surfaces for typo correction. */
  addArticle(stems: Iterable<string>, surfaces: Iterable<string>): void {
    this.articles += 1;
    for (const stem of new Set(stems)) this.df.set(stem, (this.df.get(stem) ?? 0) + 1);
    for (const surface of surfaces) this.surfaceCounts.set(surface, (this.surfaceCounts.get(surface) ?? 0) + 1);
    this.surfaceTree = undefined;
    this.prefixes = undefined;
  }

  /**
   * Cheap test before stemming a piece of a compound: stemming changes the end of a word (Snowball
   * strips endings; syncope and undoubling touch the last letters), never its first three letters.
   * A piece whose first three letters begin no known stem cannot stem to a known word. Splitting
   * tries every cut of every long word; this keeps the stemmer off most pieces that are no word.
   */
  mayKnow(word: string): boolean {
    if (!this.prefixes) {
      const prefixes = new Set<string>();
      for (const stem of this.words ?? this.df.keys()) prefixes.add(stem.slice(0, 3));
      this.prefixes = prefixes;
    }
    return this.prefixes.has(word.slice(0, 3));
  }

  /** A vocabulary from counts made elsewhere (the index builder counts with term ids). */
  static fromCounts(articles: number, df: Iterable<[string, number]>, surfaces: Iterable<string>): Vocabulary {
    const vocabulary = new Vocabulary();
    vocabulary.articles = articles;
    for (const [stem, count] of df) vocabulary.df.set(stem, count);
    for (const surface of surfaces) vocabulary.surfaceCounts.set(surface, 1);
    return vocabulary;
  }

  /** Replaces the document frequencies with those of the finished index. */
  setCounts(df: Iterable<[string, number]>): void {
    this.words ??= new Set(this.df.keys());
    this.df.clear();
    for (const [term, count] of df) this.df.set(term, count);
    this.prefixes = undefined;
  }

  /** Builds the typo-correction tree now rather than on the first question (the dictionary that guards it is read on its first use). */
  freeze(): void {
    this.tree();
  }

  private tree(): SearchableMap<number> {
    if (!this.surfaceTree) {
      const tree = new SearchableMap<number>();
      for (const [surface, count] of this.surfaceCounts) {
        if (surface.length >= 4 && /^\p{L}+$/u.test(surface)) tree.set(surface, count);
      }
      this.surfaceTree = tree;
    }
    return this.surfaceTree;
  }

  toJSON(): VocabularyJSON {
    return { articles: this.articles, df: [...this.df], surfaces: [...this.tree()], ...(this.words ? { words: [...this.words] } : {}) };
  }

  static fromJSON(json: VocabularyJSON): Vocabulary {
    const vocabulary = new Vocabulary();
    vocabulary.articles = json.articles;
    if (json.words) vocabulary.words = new Set(json.words);
    for (const [stem, df] of json.df) vocabulary.df.set(stem, df);
    for (const [surface, count] of json.surfaces) vocabulary.surfaceCounts.set(surface, count);
    return vocabulary;
  }

  get articleCount(): number {
    return this.articles;
  }

  /**
   * Whether the corpus has the written word (four letters or more, letters only: what a snapshot
   * keeps); undefined for a word too short or with other characters to tell.
   */
  hasSurface(word: string): boolean | undefined {
    if (word.length < 4 || !/^\p{L}+$/u.test(word)) return undefined;
    return this.surfaceCounts.has(word);
  }

  /** Whether the stem is a term of the index (a word of its own or a part of a compound). */
  has(stem: string): boolean {
    return this.df.has(stem);
  }

  /** Whether the corpus has the stem as a word of its own: what compounds are split into. */
  isWord(stem: string): boolean {
    return this.words ? this.words.has(stem) : this.df.has(stem);
  }

  documentFrequency(stem: string): number {
    return this.df.get(stem) ?? 0;
  }

  /** Whether a quarter of the articles have the term (LIGHT_SHARE; in a handful of articles none is common): it says little of what a word is. */
  isCommon(stem: string): boolean {
    return this.documentFrequency(stem) > Math.max(this.articleCount * LIGHT_SHARE, COMMON_MIN_ARTICLES);
  }

  idf(stem: string): number {
    const df = this.df.get(stem);
    return Math.log((this.articles + 1) / (df === undefined ? UNKNOWN_DF : df + 0.5));
  }

  unknownIdf(): number {
    return Math.log((this.articles + 1) / UNKNOWN_DF);
  }

  /**
   * The corpus word closest to a misspelt one: Levenshtein distance 1 (2 for long words) through
   * the radix tree, or two neighbouring letters swapped ("indfka" → "indfak", "lønseddle"), which
   * Levenshtein counts as two; ties broken by Jaro-Winkler similarity (natural) and then by frequency.
   */
  closestSurface(word: string): string | undefined {
    if (word.length < 5 || !/^\p{L}+$/u.test(word)) return undefined;
    const maxDistance = word.length >= 9 ? 2 : 1;
    const tree = this.tree();
    const found = new Map(tree.fuzzyGet(word, maxDistance));
    for (const swapped of adjacentSwaps(word)) {
      const count = tree.get(swapped);
      if (count !== undefined && !found.has(swapped)) found.set(swapped, [count, 1]);
    }
    let best: { word: string; distance: number; similarity: number; count: number } | undefined;
    for (const [candidate, [count, distance]] of found) {
      if (candidate === word) continue;
      // A word of five letters is corrected only for a letter left out ("guidn" → "guiden"): among short
      // words a changed letter makes another word as often as a typo.
      if (word.length === 5 && candidate.length !== 6) continue;
      const similarity = JaroWinklerDistance(word, candidate);
      const better =
        best === undefined ||
        distance < best.distance ||
        (distance === best.distance &&
          (similarity > best.similarity || (similarity === best.similarity && (count > best.count || (count === best.count && candidate < best.word)))));
      if (better) best = { word: candidate, distance, similarity, count };
    }
    return best?.word;
  }
}

interface PhraseEntry {
  readonly stems: readonly string[];
  readonly expansions: readonly (readonly string[])[];
  /**
   * Glossary entries whose keys stem alike ("customer" and "customise" are both "custom"): the
   * expansions of the key written exactly as in the question, by its words joined with a space.
   */
  readonly bySurface?: ReadonlyMap<string, readonly (readonly string[])[]>;
}

/** Danish and English text analysis: the same code makes index terms and query terms. */
/** Nouns that are not the act of the verb they look made from ("regning" is an invoice, "retning" a direction, "løsning" a system): see actionForms. */
const ACTION_FALSE_FRIENDS: ReadonlySet<string> = new Set(['regning', 'retning', 'løsning', 'holdning', 'ordning', 'ledning', 'bygning', 'tegning', 'slægtning', 'lysning', 'kending', 'ting', 'ring', 'ling']);

/** A thing and the verb done to it within this many words of the question ("lønnen bliver kørt"): see addClauseCompounds. */
const CLAUSE_REACH = 3;

/**
 * The infinitive of a Danish verb as written ("standser", "standsede", "standset", "kørt", "køres" → "standse", "køre"),
 * or undefined for a word that is no verb form these endings tell.
 */
function infinitiveOf(word: string): string | undefined {
  if (word.length < 4 || !/^\p{L}+$/u.test(word)) return undefined;
  if (word.endsWith('ede')) return word.slice(0, -2);
  if (word.endsWith('er') || word.endsWith('et')) return `${word.slice(0, -2)}e`;
  if (word.endsWith('es')) return word.slice(0, -1);
  if (word.endsWith('te')) return `${word.slice(0, -2)}e`;
  if (word.endsWith('t')) return `${word.slice(0, -1)}e`;
  if (word.endsWith('e')) return word;
  return undefined;
}

/** The nouns of the act a verb names, as Danish makes them: "standsning", "registrering", "godkendelse", "kørsel". */
function actionNouns(verb: string): string[] {
  const infinitive = infinitiveOf(verb);
  if (infinitive === undefined) return [];
  const root = infinitive.slice(0, -1);
  return [`${root}ning`, `${root}ing`, `${infinitive}lse`, `${root}sel`].filter((noun) => !ACTION_FALSE_FRIENDS.has(noun));
}

export class Analyzer {
  readonly stemmers: Stemmers;
  private readonly synonymPhrases: PhraseEntry[];
  /** The stems of the lexicon's one-word synonyms (see SYSTEM_WORD). */
  private readonly oneWordSynonymStems = new Set<string>();
  /** Stem of a one-word synonym -> the other one-word members of its groups, as written (see {@link synonymCompound}). */
  private readonly oneWordSynonyms = new Map<string, Set<string>>();
  private readonly glossaryPhrases: PhraseEntry[];
  /** Stem of a specific word (Danish or English stemming) -> stems of the broader Danish words (lexicon `broader`). */
  private readonly broaderStems = new Map<string, string[]>();
  /** The glossary's one-word English keys, for correcting a misspelt English word, and their stems. */
  private readonly glossaryWords = new SearchableMap<number>();
  private readonly glossaryStems = new Set<string>();
  /** The glossary's one-word English keys by their English stem (see {@link articlesWordByStem}). */
  private readonly glossaryKeysByStem = new Map<string, string[]>();
  /**
   * The glossary's one-word English keys (as written, and by English stem) -> the Danish stems they
   * translate to: an English word in a Danish question ("dashboard", "salary") that no article writes.
   */
  private readonly englishWordInDanish = new Map<string, string[]>();
  /**
   * The glossary's English phrases made only of stop words ("last day", "someone else") that mean
   * something in Danish: their words are kept as words of the question, so that the phrase is
   * translated like any other (as stems; longest first).
   */
  private readonly stopPhrases: (readonly string[])[] = [];
  /** Danish stems of the lexicon's Danish `outside` words (see {@link isOutsideWord}). */
  private readonly outsideDanishStems = new Set<string>();
  /** Stems of the lexicon's `outside.mine` Danish words (see {@link isMineWord}). */
  private readonly mineDanishStems = new Set<string>();
  /** The lexicon's English `outside` words as written. */
  private readonly outsideEnglishWords: ReadonlySet<string>;
  /** The lexicon's particle verbs with the stems of what they mean (see `addParticleVerbs`). */
  private readonly particleVerbs: { forms: ReadonlySet<string>; particle: string; means: string[]; notAfter: ReadonlySet<string> }[];
  /** The lexicon's light words per language, as written (lower-cased; also read by decline.ts). */
  readonly lightWords: Readonly<Record<Language, ReadonlySet<string>>>;
  private readonly compoundCache = new WeakMap<Vocabulary, Map<string, string[] | null>[]>();
  private readonly headCache = new WeakMap<Vocabulary, Map<string, { modifier: string; head: string } | null>>();

  /** `stems`: the stems of the lexicon's words worked out before (see {@link analyzerFromCache}). */
  constructor(
    readonly lexicon: Lexicon = defaultLexicon(),
    stems?: StemTable,
  ) {
    this.stemmers = new Stemmers(lexicon, stems);
    this.synonymPhrases = [];
    for (const group of lexicon.synonyms) {
      const members = group.map((member) => this.contentStems(member, 'da')).filter((stems) => stems.length > 0);
      for (const member of members) {
        this.synonymPhrases.push({ stems: member, expansions: members.filter((other) => other.join(' ') !== member.join(' ')) });
      }
    }
    this.glossaryPhrases = [];
    const glossaryByStems = new Map<string, { stems: string[]; expansions: string[][]; bySurface: Map<string, string[][]> }>();
    for (const [english, danish] of lexicon.glossary) {
      const stems = this.contentStems(english, 'en', true);
      if (stems.length === 0) continue;
      const expansions = danish.map((word) => this.contentStems(word, 'da')).filter((s) => s.length > 0);
      const key = stems.join(' ');
      const entry = glossaryByStems.get(key) ?? { stems, expansions: [], bySurface: new Map<string, string[][]>() };
      entry.expansions.push(...expansions);
      entry.bySurface.set(words(english).join(' '), expansions);
      glossaryByStems.set(key, entry);
    }
    for (const entry of glossaryByStems.values()) {
      this.glossaryPhrases.push(entry.bySurface.size > 1 ? entry : { stems: entry.stems, expansions: entry.expansions });
    }
    for (const [specific, general] of lexicon.broader) {
      const stems = general.map((word) => this.stemmers.stem(word, 'da'));
      for (const language of ['da', 'en'] as const) {
        const key = this.stemmers.stem(specific, language);
        this.broaderStems.set(key, [...new Set([...(this.broaderStems.get(key) ?? []), ...stems])]);
      }
    }
    for (const english of lexicon.glossary.keys()) {
      if (!/^\p{L}+$/u.test(english)) continue;
      this.glossaryWords.set(english, english.length);
      const stem = this.stemmers.stem(english, 'en');
      this.glossaryStems.add(stem);
      this.glossaryKeysByStem.set(stem, [...(this.glossaryKeysByStem.get(stem) ?? []), english]);
    }
    for (const [english, danish] of lexicon.glossary) {
      // A word Danish writes too ("job: [job, stilling]", "jobs: [job, stillinger]") is the Danish word in a Danish question.
      const same = (word: string): boolean => word.toLowerCase() === english.toLowerCase() || this.stemmers.stem(word, 'da') === this.stemmers.stem(english, 'en');
      if (!/^\p{L}+$/u.test(english) || danish.some(same)) continue;
      const translations = danish.flatMap((word) => this.contentStems(word, 'da'));
      for (const key of [english, `en:${this.stemmers.stem(english, 'en')}`]) {
        this.englishWordInDanish.set(key, [...new Set([...(this.englishWordInDanish.get(key) ?? []), ...translations])]);
      }
    }
    this.lightWords = {
      da: new Set(lexicon.stopwords.da.light.map((word) => word.toLowerCase())),
      en: new Set(lexicon.stopwords.en.light.map((word) => word.toLowerCase())),
    };
    for (const word of lexicon.outside.da) this.outsideDanishStems.add(this.stemmers.stem(word, 'da'));
    this.outsideEnglishWords = lexicon.outside.en;
    for (const word of lexicon.outside.mine.da) this.mineDanishStems.add(this.stemmers.stem(word, 'da'));
    // Longest phrases first, so "bulk upload" wins over "upload".
    this.glossaryPhrases.sort((a, b) => b.stems.length - a.stems.length);
    for (const [english, danish] of lexicon.glossary) {
      const written = tokenize(english).filter((token) => !token.isPart);
      if (written.length < 2 || !written.every((token) => !token.isJoined && this.stemmers.isStopword(token.text, 'en'))) continue;
      if (danish.some((word) => this.contentStems(word, 'da').length > 0)) this.stopPhrases.push(written.map((token) => this.stemmers.stem(token.text, 'en')));
    }
    this.stopPhrases.sort((a, b) => b.length - a.length);
    this.synonymPhrases.sort((a, b) => b.stems.length - a.stems.length);
    for (const phrase of this.synonymPhrases) if (phrase.stems.length === 1 && phrase.stems[0] !== undefined) this.oneWordSynonymStems.add(phrase.stems[0]);
    for (const group of lexicon.synonyms) {
      const words = group.map((member) => member.toLowerCase()).filter((member) => /^\p{L}+$/u.test(member));
      for (const word of words) {
        const key = this.stemmers.stem(word, 'da');
        const members = this.oneWordSynonyms.get(key) ?? new Set<string>();
        for (const other of words) if (this.stemmers.stem(other, 'da') !== key) members.add(other);
        this.oneWordSynonyms.set(key, members);
      }
    }
    this.particleVerbs = lexicon.particleVerbs.map((verb) => ({
      forms: new Set(verb.forms),
      particle: verb.particle,
      means: [...new Set(verb.means.flatMap((word) => this.contentStems(word, 'da')))],
      notAfter: new Set(verb.notAfter ?? []),
    }));
  }

  private contentStems(text: string, language: Language, keepStopwords = false): string[] {
    return tokenize(text)
      .filter((token) => !token.isPart && (keepStopwords || !this.stemmers.isStopword(token.text, language)))
      .map((token) => this.stemmers.stem(token.text, language));
  }

  /**
   * The words of a text to index, lower-cased, stop words dropped; joined names whole and in parts.
   * The fast path for documents: no token objects, just strings.
   */
  surfaces(text: string, language: Language): string[] {
    const result: string[] = [];
    for (const word of words(text)) this.wordSurfaces(word, language, result);
    return result;
  }

  /** `surfaces` of one written word (an element of `words(text)`); the index builder memoises these. */
  wordSurfaces(word: string, language: Language, result: string[] = []): string[] {
    for (const token of tokenizeWord(word)) {
      if (!token.isJoined && this.stemmers.isStopword(token.text, language)) continue;
      result.push(token.text);
    }
    return result;
  }

  /** Index terms of surfaces: their stems plus the known parts of compounds. */
  termsOf(surfaces: readonly string[], language: Language, vocabulary: Vocabulary | undefined, stems?: readonly string[]): string[] {
    const terms: string[] = [];
    for (let i = 0; i < surfaces.length; i += 1) {
      const surface = surfaces[i] ?? '';
      terms.push(stems?.[i] ?? this.stemmers.stem(surface, language));
      if (vocabulary && surface.length >= MIN_COMPOUND * 1.25 && !/[-/.]/.test(surface)) {
        const parts = this.compoundParts(surface, language, vocabulary);
        if (parts) {
          for (const part of parts) terms.push(part);
        } else {
          const split = this.compoundHead(surface, language, vocabulary);
          if (split) terms.push(split.modifier, split.head);
        }
      }
    }
    return terms;
  }

  /**
   * Splits a compound into stems that the corpus knows as words of their own: "adgangskode" →
   * adgang + kode, "sygedagpengerefusion" → syge + dagpenge + refusion. Linking -s- and -e- are
   * allowed. Returns undefined when no split into known words exists.
   */
  compoundParts(surface: string, language: Language, vocabulary: Vocabulary, depth = 2): string[] | undefined {
    if (surface.length < MIN_COMPOUND || !/^\p{L}+$/u.test(surface)) return undefined;
    let caches = this.compoundCache.get(vocabulary);
    if (!caches) {
      caches = [];
      this.compoundCache.set(vocabulary, caches);
    }
    const slot = depth * 2 + (language === 'da' ? 0 : 1);
    let cache = caches[slot];
    if (!cache) {
      cache = new Map();
      caches[slot] = cache;
    }
    const key = surface;
    const hit = cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    let best: { parts: string[]; score: number } | undefined;
    // A first part that stems like the whole word is the word with its ending cut off, not a
    // compound's first word: "indrapporte|ring" (indrapportering = indrapportere) is one word.
    const whole = this.stemmers.stem(surface, language);
    for (let i = MIN_PART; i <= surface.length - MIN_PART; i += 1) {
      const right = surface.slice(i);
      // A stop word that is a noun ends a compound as any noun does ("regnskabs|siden", "lønkørsels|dagen"), though the
      // index, which drops stop words, may not hold it: the first part is what the word is about.
      const head = this.stemmers.isCompoundHead(right, language);
      if (!head && (!vocabulary.mayKnow(right) || this.stemmers.isStopword(right, language))) continue;
      const rightStem = this.stemmers.stem(right, language);
      if (rightStem.length < MIN_PART || (!head && !vocabulary.isWord(rightStem))) continue;
      const left = surface.slice(0, i);
      const lefts = [left];
      if (left.length > MIN_PART && (left.endsWith('s') || left.endsWith('e'))) lefts.push(left.slice(0, -1));
      for (const candidate of lefts) {
        if (candidate.length < MIN_PART || !vocabulary.mayKnow(candidate) || this.stemmers.isStopword(candidate, language)) continue;
        const leftStem = this.stemmers.stem(candidate, language);
        if (leftStem === whole) continue;
        let leftParts: string[] | undefined;
        if (leftStem.length >= MIN_PART && vocabulary.isWord(leftStem)) leftParts = [leftStem];
        else if (depth > 1) leftParts = this.compoundParts(candidate, language, vocabulary, depth - 1);
        if (!leftParts) continue;
        // Prefer balanced splits into few parts: "løn|seddel" over "lønse|ddel".
        const score = Math.min(candidate.length, right.length) - leftParts.length;
        if (!best || score > best.score) best = { parts: [...leftParts, rightStem], score };
      }
    }
    const parts = best?.parts;
    cache.set(key, parts ?? null);
    return parts;
  }

  /**
   * SYNONYM_PART (round 27): a compound the user writes with a synonym of the articles' word for one of its parts. Read
   * as the articles' compound where they write one ("bogholderi|opgaver" → "regnskabsopgaver", as bogholderi is the
   * lexicon's "regnskab"; "løn|udbetalinger" → "lønanvisninger"). Where they write none and the part is a word they lack,
   * as the articles' words for that part, each with the part's share ("direktør|gager"), but not a word a quarter of the
   * articles have ("økonomi" in every "Økonomistyrelsen"), which says little of what the word is. Each part must be a
   * word of the articles or a one-word synonym of theirs; empty when no such split exists.
   */
  synonymCompound(surface: string, vocabulary: Vocabulary): { stem: string; kind: 'synonym' | 'compound-head' | 'compound-modifier'; share: number }[] {
    if (surface.length < MIN_COMPOUND || !/^\p{L}+$/u.test(surface)) return [];
    const whole = this.stemmers.stem(surface, 'da');
    // A side of the split: whether the articles write it, and its one-word synonyms (as written) that they write.
    const read = (text: string): { text: string; known: boolean; synonyms: string[] } | undefined => {
      if (text.length < MIN_PART || this.stemmers.isStopword(text, 'da')) return undefined;
      const stem = this.stemmers.stem(text, 'da');
      if (stem.length < MIN_PART || stem === whole) return undefined;
      const known = vocabulary.isWord(stem);
      const synonyms = [...(this.oneWordSynonyms.get(stem) ?? [])].filter((member) => vocabulary.isWord(this.stemmers.stem(member, 'da')));
      return known || synonyms.length > 0 ? { text, known, synonyms } : undefined;
    };
    for (let i = MIN_PART; i <= surface.length - MIN_PART; i += 1) {
      const right = read(surface.slice(i));
      if (!right) continue;
      const left = surface.slice(0, i);
      const lefts = left.length > MIN_PART && (left.endsWith('s') || left.endsWith('e')) ? [left.slice(0, -1), left] : [left];
      for (const candidate of lefts) {
        const first = read(candidate);
        if (!first) continue;
        // A compound of two of the articles' words is theirs ("syge|dagpenge"): no other split reads it anew ("sygedag|penge").
        if (first.known && right.known && first.synonyms.length + right.synonyms.length === 0) return [];
        if (first.synonyms.length + right.synonyms.length === 0) continue;
        // The articles' own compound: a synonym in a part's place, with or without a linking letter.
        const written = [
          ...first.synonyms.flatMap((member) => LINKS.map((link) => `${member}${link}${right.text}`)),
          ...right.synonyms.map((member) => `${left}${member}`),
        ];
        // A compound, not the synonym alone: "konto|ret" written "nemkonto|ret" stems back to "nemkonto", which says nothing of
        // "kontoret" (the office) — a split that is no compound of theirs.
        const alone = new Set([...first.synonyms, ...right.synonyms].map((member) => this.stemmers.stem(member, 'da')));
        const compounds = [...new Set(written.map((word) => this.stemmers.stem(word, 'da')))].filter((stem) => stem !== whole && !alone.has(stem) && vocabulary.has(stem));
        if (compounds.length > 0) return compounds.map((stem) => ({ stem, kind: 'synonym' as const, share: 1 }));
        // Else the articles' words for the one part they lack — as a compound's head or first part alone, which does
        // not make the word known: "firma|kreditkort" (firma is "virksomhed") is no more the articles' than before.
        // …nor when a synonym of its part makes no compound of theirs.
        const unknown = [first, right].filter((side) => !side.known);
        if (unknown.length === 0) return [];
        const [lacking] = unknown;
        if (unknown.length !== 1 || lacking === undefined) continue;
        const kind = lacking === first ? ('compound-modifier' as const) : ('compound-head' as const);
        return lacking.synonyms
          .map((member) => this.stemmers.stem(member, 'da'))
          .filter((stem) => !vocabulary.isCommon(stem))
          .map((stem) => ({ stem, kind, share: 0.5 }));
      }
    }
    return [];
  }

  /**
   * A compound whose head the corpus knows as a word but whose modifier it does not:
   * "acontoudbetaling" → aconto + udbetaling. The modifier is indexed too, so that a question
   * naming it alone ("aconto") finds the compound.
   */
  compoundHead(surface: string, language: Language, vocabulary: Vocabulary): { modifier: string; head: string } | undefined {
    if (surface.length < MIN_HEAD_COMPOUND || !/^\p{L}+$/u.test(surface)) return undefined;
    let cache = this.headCache.get(vocabulary);
    if (!cache) {
      cache = new Map();
      this.headCache.set(vocabulary, cache);
    }
    // Per language: the stems differ ("prise" is a Danish word's end, not an English one's).
    const key = `${language}:${surface}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    let found: { modifier: string; head: string } | undefined;
    for (let i = 4; i <= surface.length - 5 && !found; i += 1) {
      const right = surface.slice(i);
      if (!vocabulary.mayKnow(right)) continue;
      const head = this.stemmers.stem(right, language);
      if (head.length < 4 || !vocabulary.isWord(head) || this.stemmers.isStopword(right, language)) continue;
      const left = surface.slice(0, i);
      const bare = left.length > 4 && left.endsWith('s') ? left.slice(0, -1) : left;
      if (this.stemmers.isStopword(bare, language) || this.stemmers.stem(bare, language) === this.stemmers.stem(surface, language)) continue;
      found = { modifier: this.stemmers.stem(bare, language), head };
    }
    cache.set(key, found ?? null);
    return found;
  }

  /**
   * Whether a word of an English question is the articles' Danish word that the glossary meets only
   * through Porter's stem: "refusion" (Statens Refusion, written so in English too) stems like
   * "refused" and was translated as "afvist", its own word then counting only in English articles
   * (round 26). A word the articles write, which is no glossary key and no English form of one (the
   * key with an English ending, see `englishForms`; nor an irregular form `lemmas.en.yaml` knows):
   * "reporting", "handling", "management" and "fired" are still English.
   */
  articlesWordByStem(word: string, vocabulary: Vocabulary): boolean {
    if (vocabulary.hasSurface(word) !== true || this.glossaryWords.has(word) || this.lexicon.englishLemmas.has(word)) return false;
    const keys = this.glossaryKeysByStem.get(this.stemmers.stem(word, 'en'));
    return keys !== undefined && !keys.some((key) => englishForms(key).has(word));
  }

  /**
   * The word an English adverb in -ly is made from, when the glossary translates that word:
   * "correctly" → correct, "automatically" → automatic, "easily" → easy, "possibly" → possible.
   * Porter leaves -ly on ("correctli"), so the adverb would otherwise be an unknown word. Only
   * words the glossary has: "apply", "family" or "July" are not adverbs of anything.
   */
  adjectiveOfAdverb(word: string): string | undefined {
    if (word.length < 6 || !word.endsWith('ly')) return undefined;
    const stem = word.slice(0, -2);
    const candidates = [stem];
    if (word.endsWith('ally')) candidates.push(word.slice(0, -4));
    if (word.endsWith('ily')) candidates.push(`${word.slice(0, -3)}y`);
    if (word.endsWith('bly')) candidates.push(`${word.slice(0, -1)}e`);
    return candidates.find((candidate) => candidate.length >= 3 && this.glossaryStems.has(this.stemmers.stem(candidate, 'en')));
  }

  /**
   * The glossary's English word closest to a misspelt one (five letters or more) with the same first
   * letter: Levenshtein distance 1 (2 from ten letters), or two neighbouring letters swapped
   * ("reciept", "recieve"), which Levenshtein counts as two — as `Vocabulary.closestSurface` reads
   * the articles' words (round 26); ties broken by Jaro-Winkler similarity; undefined when none.
   */
  closestGlossaryWord(word: string): string | undefined {
    if (word.length < 5 || !/^\p{L}+$/u.test(word)) return undefined;
    let best: { word: string; distance: number; similarity: number } | undefined;
    const found = new Map(this.glossaryWords.fuzzyGet(word, word.length >= 10 ? 2 : 1));
    for (const swapped of adjacentSwaps(word)) {
      const length = this.glossaryWords.get(swapped);
      if (length !== undefined && !found.has(swapped)) found.set(swapped, [length, 1]);
    }
    for (const [candidate, [, distance]] of found) {
      // A slip of the finger rarely hits the first letter, and another first letter is often
      // another word ("paternity" is not "maternity").
      if (candidate === word || candidate[0] !== word[0]) continue;
      const similarity = JaroWinklerDistance(word, candidate);
      // Ties go to the first in the alphabet: never to the order the words were put in the tree.
      if (best === undefined || distance < best.distance || (distance === best.distance && (similarity > best.similarity || (similarity === best.similarity && candidate < best.word)))) {
        best = { word: candidate, distance, similarity };
      }
    }
    return best?.word;
  }

  /**
   * The first part of a Danish compound whose last part is a stop word, which compoundParts does not split into: "lønkørsel" of
   * "lønkørselsdagen" ("dagen" is a stop word, round 22). The first part is a word of its own in the corpus and no stop word; a
   * linking -s- or -e- is dropped. Undefined when the word is no such compound.
   */
  stopwordHeadModifier(surface: string, vocabulary: Vocabulary): string | undefined {
    if (surface.length < MIN_HEAD_COMPOUND || !/^\p{L}+$/u.test(surface) || this.stemmers.isStopword(surface, 'da')) return undefined;
    for (let i = MIN_PART; i <= surface.length - 3; i += 1) {
      const right = surface.slice(i);
      if (!this.stemmers.isStopword(right, 'da')) continue;
      const left = surface.slice(0, i);
      const candidates = left.length > MIN_PART && (left.endsWith('s') || left.endsWith('e')) ? [left.slice(0, -1), left] : [left];
      for (const candidate of candidates) {
        if (this.stemmers.isStopword(candidate, 'da')) continue;
        const stem = this.stemmers.stem(candidate, 'da');
        if (stem.length >= MIN_PART && vocabulary.isWord(stem)) return stem;
      }
    }
    return undefined;
  }

  /**
   * The longest known first part of a compound the corpus does not know as a whole: "studenter" of
   * "studentermedhjælpere", "møde" of "mødereferater" (a linking -s- or -e- dropped). At least
   * MIN_MODIFIER letters, and at least MIN_PART letters left for the rest; undefined when none.
   */
  compoundModifier(surface: string, language: Language, vocabulary: Vocabulary): string | undefined {
    if (surface.length < MIN_HEAD_COMPOUND || !/^\p{L}+$/u.test(surface)) return undefined;
    for (let i = surface.length - MIN_PART - 1; i >= MIN_MODIFIER; i -= 1) {
      const left = surface.slice(0, i);
      const candidates = left.length > MIN_MODIFIER && (left.endsWith('s') || left.endsWith('e')) ? [left, left.slice(0, -1)] : [left];
      for (const candidate of candidates) {
        if (!vocabulary.mayKnow(candidate) || this.stemmers.isStopword(candidate, language)) continue;
        const stem = this.stemmers.stem(candidate, language);
        if (stem.length >= MIN_MODIFIER - 1 && vocabulary.isWord(stem)) return stem;
      }
    }
    return undefined;
  }

  /** The Danish stems of an English word the glossary translates (see `englishWordInDanish`); undefined for any other word. */
  private englishInDanish(word: string): string[] | undefined {
    const found = this.englishWordInDanish.get(word) ?? this.englishWordInDanish.get(`en:${this.stemmers.stem(word, 'en')}`);
    return found !== undefined && found.length > 0 ? found : undefined;
  }

  /** Index terms of a text: stems, whole names and their parts, and known parts of compounds. */
  documentTerms(text: string, language: Language, vocabulary: Vocabulary | undefined): string[] {
    return this.termsOf(this.surfaces(text, language), language, vocabulary);
  }

  /**
   * A noun's form that is also a verb's (lexicon `verbs`: "bruger") read as the verb where a subject
   * stands before it ("vi bruger ikke Navision", "som bruger IndFak") or after it ("hvad bruger man
   * epicenteret til"), or an adverb after it with no determiner before it ("vi er et gymnasium og
   * bruger ikke SLS"; "hvis en bruger ikke kan logge ind" keeps the noun); elsewhere it is the noun
   * ("en ny bruger i RejsUd"). "i" is left out: it is far more often the preposition ("bruger i IndFak").
   */
  private verbsRead(tokens: RawToken[]): RawToken[] {
    if (this.lexicon.verbs.size === 0) return tokens;
    const wholes = new Map<number, string>();
    for (const token of tokens) if (!token.isPart) wholes.set(token.position, token.text);
    return tokens.map((token) => {
      const verb = token.isPart ? undefined : this.lexicon.verbs.get(token.text);
      if (verb === undefined) return token;
      const before = wholes.get(token.position - 1);
      const after = wholes.get(token.position + 1);
      // "som" is the subject of a relative clause ("som bruger IndFak") or "as" ("opretter mig som bruger"): "as" when nothing follows or a preposition or conjunction does.
      const asNoun = before === 'som' && (after === undefined || AFTER_SOM_AS_NOUN.has(after));
      const subject = (before !== undefined && SUBJECT_BEFORE.has(before) && !asNoun) || (after !== undefined && SUBJECT_AFTER.has(after));
      const adverb = after !== undefined && ADVERB_AFTER.has(after) && !(before !== undefined && DETERMINER_BEFORE.has(before));
      return subject || adverb ? { ...token, text: verb } : token;
    });
  }

  /**
   * The language of a question: its function words, or, where they say nothing (English keywords:
   * "standard control reports credit card usage"), its content words — the glossary's English words
   * that no article writes, against the articles' own words.
   */
  languageOf(question: string, vocabulary: Vocabulary): Language {
    return detectLanguage(question, this.contentWords(vocabulary));
  }

  /** English when a text's content words are English keywords (see `contentLanguage`), else undefined. */
  keywordLanguage(text: string, vocabulary: Vocabulary): Language | undefined {
    return contentLanguage(text, this.contentWords(vocabulary));
  }

  /**
   * English content words are the glossary's (whatever articles write them: an English article
   * writes "payslip" too); Danish ones are the articles' words the glossary does not translate.
   */
  private contentWords(vocabulary: Vocabulary): ContentWords {
    const english = (word: string): boolean => this.glossaryWords.has(word) || this.glossaryStems.has(this.stemmers.stem(word, 'en'));
    return { english, danish: (word) => vocabulary.hasSurface(word) === true && !english(word) };
  }

  /**
   * A word written without Danish letters ("aarsværk", "loenseddel", "faellespostkasse"): when the
   * corpus lacks the word as written but has it with å, ø and æ for aa, oe and ae (as a word, as a
   * compound of its words, or as a stop word: "hvornaar", "paa"), it is read so — all three at once,
   * else each pair alone.
   */
  private transliterated(tokens: RawToken[], vocabulary: Vocabulary): RawToken[] {
    return tokens.map((token) => {
      if (token.isJoined || !ASCII_DANISH.test(token.text)) return token;
      // A word too short for the corpus to tell ("paa", "saa", "aar") is read so only as a stop word.
      const written = vocabulary.hasSurface(token.text);
      if (written === true || (written === undefined && token.text.length >= 4)) return token;
      const all = token.text.replace(/aa/g, 'å').replace(/oe/g, 'ø').replace(/ae/g, 'æ');
      const candidates = [all, ...(['aa', 'oe', 'ae'] as const).map((pair) => token.text.replaceAll(pair, DANISH_LETTER[pair]))];
      for (const candidate of candidates) {
        if (candidate === token.text) continue;
        if (this.stemmers.isStopword(candidate, 'da')) return { ...token, text: candidate };
        if (written === undefined) continue;
        if (vocabulary.hasSurface(candidate) === true || this.compoundParts(candidate, 'da', vocabulary)) return { ...token, text: candidate };
      }
      return token;
    });
  }

  /**
   * A filler word with two neighbouring letters swapped ("virker ikek", "hvordna", "waht"): a word
   * the articles never write, whose swap is a stop word of the question's language, is read as that
   * stop word — else it weighs like the rarest word of the question. Four letters or more ("far" is
   * not "fra"), and not an English word the glossary translates ("form" is not "from").
   */
  private swappedStopwords(tokens: RawToken[], vocabulary: Vocabulary, language: Language): RawToken[] {
    return tokens.map((token) => {
      const text = token.text;
      if (token.isJoined || token.isPart || text.length < 4 || !/^\p{L}+$/u.test(text)) return token;
      if (this.stemmers.isStopword(text, language) || vocabulary.hasSurface(text) === true) return token;
      const stem = this.stemmers.stem(text, language);
      if (vocabulary.has(stem) || (language === 'en' && this.glossaryStems.has(stem))) return token;
      const swapped = adjacentSwaps(text).find((candidate) => this.stemmers.isStopword(candidate, language));
      return swapped === undefined ? token : { ...token, text: swapped };
    });
  }

  /**
   * Whether a word of a question in `language` places it in private life (the lexicon's `outside` list,
   * also read by decline.ts): a Danish word by its Danish stem ("faren", "mors"), an English word as
   * written — an English stem meets everyday words ("personal" stems to "person").
   */
  isOutsideWord(surface: string, language: Language): boolean {
    const word = surface.toLowerCase();
    // A word whose stem is an everyday word is matched as written (the list's `written`): "Teams", not "det team der …".
    const written = language === 'da' ? this.lexicon.outside.written : NO_WORDS;
    if (written.has(word)) return true;
    if (language === 'en' ? this.outsideEnglishWords.has(word) : this.outsideDanishStems.has(this.stemmers.stem(word, 'da'))) return true;
    // "DSB-billet", "MitID-app", "Netflix-konto": a thing of the private world joined to a noun is that world's thing.
    // A part is taken as written, not stemmed: "HR-teamet" is a team at work, whatever "Teams" stems to.
    if (word.includes('-')) return word.split('-').some((part) => this.lexicon.outside[language].has(part) || written.has(part));
    // "Fritidsjob", "tandlægeregning", "sygesikringskort": in Danish the first part of a compound says whose thing the
    // rest is. Not "privat-", which names a sector there ("privatansat", "privatiseret"), not the asker's own life.
    if (language !== 'da') return false;
    for (const first of [...this.lexicon.outside.da, ...written]) {
      if (first.length >= MIN_OUTSIDE_MODIFIER && !first.startsWith('privat') && word.length - first.length >= MIN_PART && word.startsWith(first)) return true;
    }
    return false;
  }

  /**
   * Whether a word is what an employee calls theirs in the systems (the lexicon's `outside.mine`: "lønsedlen", "dagpengene",
   * "payslip"), read by decline.ts: a Danish word by its stem, an English one as written.
   */
  isMineWord(surface: string, language: Language): boolean {
    const word = surface.toLowerCase();
    return language === 'en' ? this.lexicon.outside.mine.en.has(word) : this.mineDanishStems.has(this.stemmers.stem(word, 'da'));
  }

  /** The concepts of a query that place it in private life (see {@link isOutsideWord}). */
  outsideConcepts(analysis: Pick<QueryAnalysis, 'concepts' | 'language'>): ReadonlySet<number> {
    const outside = new Set<number>();
    analysis.concepts.forEach((concept, index) => {
      if (this.isOutsideWord(concept.surface, analysis.language)) outside.add(index);
    });
    return outside;
  }

  /** Analyses a question into weighted query terms grouped by the user's words (concepts). */
  analyzeQuery(asked: string, vocabulary: Vocabulary, language: Language = this.languageOf(asked, vocabulary)): QueryAnalysis {
    // "den har et ! i", "with a # in it": a symbol standing alone is spoken of as a character, not punctuation.
    // "§ 56", "30 %": a sign before or after a number is its word (SYMBOL_WORDS), not a character spoken of.
    const symbolsRead = symbolWords(asked).replace(LONE_SYMBOL, ' specialtegn ');
    // Where an ordinal was written with digits, by position of its word: its number word in English.
    const ordinals = new Set<number>();
    const question =
      language === 'en'
        ? symbolsRead.replace(ENGLISH_ORDINAL, (_ordinal, digits: string, offset: number) => {
            ordinals.add(words(symbolsRead.slice(0, offset)).length);
            return digits;
          })
        : symbolsRead;
    const concepts: Concept[] = [];
    const terms: QueryTerm[] = [];
    const add = (term: string, kind: TermKind, concept: number, share = 1): void => {
      if (term.length > 0) terms.push({ term, kind, concept, share });
    };
    const addParts = (parts: readonly string[], kind: TermKind, concept: number): void => {
      for (const part of parts) add(part, kind, concept, 1 / parts.length);
    };
    const written = this.swappedStopwords(this.transliterated(tokenize(question), vocabulary), vocabulary, language);
    const tokens = language === 'da' ? this.verbsRead(written) : written;
    const keptStopwords = language === 'en' ? this.stopPhrasePositions(tokens) : new Set<number>();
    // Concept per word of the question; the parts of a joined name belong to the name's concept.
    const conceptOfPosition = new Map<number, number>();
    // The words of a phrase the glossary translates as one ("working time fraction" →
    // "arbejdstidsbrøk") are one concept: one term in the articles, weighed once.
    const mergedInto: number[] = [];
    const danishSequence: { stem: string; concept: number }[] = [];
    const englishSequence: { stem: string; concept: number; surface?: string }[] = [];
    const mixedEnglish =
      language === 'da' &&
      tokens.filter((token) => !token.isPart && !token.isJoined && !vocabulary.has(this.stemmers.stem(token.text, 'da')) && this.englishInDanish(token.text) !== undefined).length >= 2;
    for (const token of tokens) {
      if (token.isPart) {
        const concept = conceptOfPosition.get(token.position);
        if (concept === undefined || token.isJoined) continue;
        const parts = tokens.filter((other) => other.isPart && !other.isJoined && other.position === token.position).length;
        const share = 1 / Math.max(1, parts);
        const stem = this.stemmers.stem(token.text, 'da');
        add(stem, 'name-part', concept, share);
        // A misspelt part of a hyphenated word ("to-faktorgodkendlse"): the part corrected, and the whole
        // with it when the articles write that ("to-faktorgodkendelse").
        const corrected = vocabulary.has(stem) ? undefined : vocabulary.closestSurface(token.text);
        if (corrected !== undefined) {
          add(this.stemmers.stem(corrected, 'da'), 'typo', concept, share);
          const whole = tokens.find((other) => !other.isPart && other.position === token.position)?.text;
          const fixed = whole?.split('-').map((part) => (part === token.text ? corrected : part)).join('-');
          const fixedStem = fixed === undefined || fixed === whole ? undefined : this.stemmers.stem(fixed, 'da');
          if (fixedStem !== undefined && vocabulary.has(fixedStem)) add(fixedStem, 'typo', concept);
        }
        continue;
      }
      const englishStop = this.stemmers.isStopword(token.text, 'en');
      const danishStop = this.stemmers.isStopword(token.text, 'da');
      const stop = language === 'en' ? englishStop : danishStop;
      if (stop && !token.isJoined && !keptStopwords.has(token.position)) {
        if (language === 'en') {
          const word = this.spelledNumber(token, ordinals) ?? token.text;
          englishSequence.push({ stem: this.stemmers.stem(word, 'en'), concept: -1, surface: word });
        }
        continue;
      }
      const concept = concepts.length;
      conceptOfPosition.set(token.position, concept);
      const daStem = this.stemmers.stem(token.text, 'da');
      const enStem = language === 'en' ? this.stemmers.stem(token.text, 'en') : daStem;
      // An English word the articles never write, whose Danish stem differs from its English one,
      // is not read as Danish: "summer" is not "sum", "made" is not "mad". A Danish word in an
      // English question ("lønsedlen", "e-Boks") is one the articles write.
      const foreign = language === 'en' && daStem !== enStem && vocabulary.hasSurface(token.text) === false;
      if (!foreign) danishSequence.push({ stem: daStem, concept });
      const stems = foreign ? [] : [daStem];
      if (language === 'en') stems.push(enStem);
      // SYNCOPE (round 28): "epicentret" is the articles' "epicenteret" — a noun in unstressed -er drops its e when inflected.
      if (language === 'da' && !token.isJoined && !vocabulary.has(daStem)) {
        const full = unsyncopated(token.text);
        const fullStem = full === undefined ? undefined : this.stemmers.stem(full, 'da');
        if (fullStem !== undefined && vocabulary.has(fullStem)) stems.push(fullStem);
      }
      for (const stem of new Set(stems)) add(stem, 'word', concept);
      // The act as the articles name it ("standse" → "standsning", "udsøge" → "udsøgning"), or the verb of the act named.
      if (language === 'da' && !token.isJoined) for (const stem of this.actionForms(token.text, vocabulary)) if (stem !== daStem) add(stem, 'action', concept);
      // What the word is a kind of ("Sverige" → udenlandsk), searched like a synonym.
      for (const stem of new Set(stems)) {
        for (const general of this.broaderStems.get(stem) ?? []) {
          add(general, 'broader', concept);
          danishSequence.push({ stem: general, concept });
        }
      }
      // Not a word the articles write ("Lønportalen" is a system of its own).
      if (!foreign && !vocabulary.has(daStem)) for (const stem of this.systemWordsFor(token.text)) danishSequence.push({ stem, concept });
      const known = stems.some((stem) => vocabulary.has(stem));
      if (language === 'en') {
        // An adverb of a word the glossary translates ("correctly", "automatically") is read as that
        // word; else a misspelt English word the glossary would translate ("payslp") as the glossary's word.
        const base = known || this.glossaryStems.has(enStem) ? undefined : this.adjectiveOfAdverb(token.text);
        const fixed = known || base !== undefined || this.glossaryStems.has(enStem) ? undefined : this.closestGlossaryWord(token.text);
        const read = base ?? fixed ?? this.spelledNumber(token, ordinals);
        // The articles' Danish word ("refusion") is searched as written, not as the glossary's English word its stem meets.
        if (!read && this.articlesWordByStem(token.text, vocabulary)) englishSequence.push({ stem: `da:${daStem}`, concept, surface: token.text });
        else englishSequence.push(read ? { stem: this.stemmers.stem(read, 'en'), concept, surface: read } : { stem: enStem, concept, surface: token.text });
      }
      // English words in a Danish question that no article writes ("Lønoverblik public salary statistics"): what
      // the glossary says they are in Danish, as in an English question — not a Danish word one letter away. Two
      // of them at least: one alone is as often a Danish loanword the articles lack ("min computer").
      const english = language === 'da' && !known && !token.isJoined && mixedEnglish ? this.englishInDanish(token.text) : undefined;
      if (english !== undefined) {
        for (const stem of english) {
          add(stem, 'glossary', concept);
          danishSequence.push({ stem, concept });
        }
      } else if (!token.isJoined) {
        // Parts of a compound are searched even when the whole word is known: an article may say
        // "refusion fra Barselsfonden" where the question says "barselsrefusion".
        const parts = this.compoundParts(token.text, 'da', vocabulary);
        const stopHead = parts === undefined && known ? this.stopwordHeadModifier(token.text, vocabulary) : undefined;
        if (parts) {
          // STOP_HEAD_PART (round 27): a stop word that ends the compound ("løn|folkene", "regnskabs|siden") is not searched:
          // the first part is what the word is about, and "folk" would meet "folke|pension".
          const last = parts.length - 1;
          parts.forEach((part, index) => {
            if (index < last || parts.length === 1 || !this.stemmers.isStopword(part, 'da')) add(part, 'compound-part', concept, 1 / parts.length);
          });
        } else if (stopHead !== undefined) {
          // "lønkørselsdagen": a compound whose head is a stop word ("dagen") is about its first part (round 25).
          add(stopHead, 'compound-modifier', concept);
        } else if (!known) {
          // A Danish word the articles lack is that word, not a typo of one they have ("formel" is no "formål").
          const corrected = isDanishWord(token.text) ? undefined : vocabulary.closestSurface(token.text);
          if (corrected) {
            add(this.stemmers.stem(corrected, 'da'), 'typo', concept);
            const correctedParts = this.compoundParts(corrected, 'da', vocabulary);
            if (correctedParts) addParts(correctedParts, 'compound-part', concept);
          } else {
            const split = this.compoundHead(token.text, 'da', vocabulary);
            if (split) {
              add(split.head, 'compound-head', concept);
              add(split.modifier, 'compound-part', concept, 0.5);
            }
            // A compound whose head the corpus lacks but whose first part it knows: the first part
            // says what the word is about ("studentermedhjælpere" is about students).
            // Not a first part that a quarter of the articles have ("fælles|postkasse"): it says little of what the word is.
            const modifier = language === 'da' && !(split && vocabulary.has(split.modifier)) ? this.compoundModifier(token.text, 'da', vocabulary) : undefined;
            if (modifier && !vocabulary.isCommon(modifier)) add(modifier, 'compound-modifier', concept);
          }
        }
      }
      // SYNONYM_PART: a compound written with a synonym of the articles' word for a part ("bogholderi|opgaver" for their
      // "regnskabsopgaver", "løn|udbetalinger" for "lønanvisninger"): read as theirs.
      if (language === 'da' && english === undefined && !token.isJoined && !(known && vocabulary.isCommon(daStem))) {
        for (const part of this.synonymCompound(token.text, vocabulary)) add(part.stem, part.kind, concept, part.share);
      }
      concepts.push({ surface: token.text, idf: 0, known: false, name: false });
    }
    if (language === 'da') {
      this.addParticleVerbs(
        question,
        tokens,
        conceptOfPosition,
        concepts,
        vocabulary,
        (stem, concept) => {
          add(stem, 'synonym', concept);
          danishSequence.push({ stem, concept });
        },
        (particle, verb) => {
          mergedInto[particle] = verb;
        },
      );
      this.addOpenCompounds(tokens, conceptOfPosition, vocabulary, add);
      this.addClauseCompounds(tokens, conceptOfPosition, vocabulary, add);
    }
    if (language === 'en') {
      const translated = new Set<number>();
      const before = terms.length;
      const danishBefore = danishSequence.length;
      this.expandPhrases(
        englishSequence,
        this.glossaryPhrases,
        (stem, concept) => {
          add(stem, 'glossary', concept);
          translated.add(concept);
          danishSequence.push({ stem, concept });
        },
        (covered) => {
          const [first, ...rest] = [...covered];
          if (first !== undefined) for (const other of rest) mergedInto[other] = first;
        },
      );
      // An English word the glossary translates means what the glossary says in a Danish article,
      // not what its letters spell in Danish: "time" is not "timer", "leave" not "lav". Its own
      // stems, typo corrections and compound parts count only in English articles.
      if (translated.size > 0) {
        for (let i = 0; i < before; i += 1) {
          const term = terms[i];
          if (term !== undefined && translated.has(term.concept)) terms[i] = { ...term, ownLanguageOnly: true };
        }
        const kept = danishSequence.splice(0, danishBefore).filter((entry) => !translated.has(entry.concept));
        danishSequence.unshift(...kept);
      }
    }
    // A synonym of several words stands for the user's word only as a whole: a word of it that a quarter of
    // the articles have is only a share of it ("fælles postkasse" for "fællespostkasse": "fælles" alone is
    // not the mailbox); its rarer words say what it is.
    this.expandPhrases(danishSequence, this.synonymPhrases, (stem, concept, words) => add(stem, 'synonym', concept, words > 1 && vocabulary.isCommon(stem) ? 1 / words : 1));
    if (mergedInto.length > 0) mergeConcepts(concepts, terms, mergedInto);
    // Informativeness per concept: its rarest known term, or "unknown" when nothing is known.
    const idfs = concepts.map(() => -1);
    // A word that places the question in private life ("privat", "derhjemme") weighs like a word
    // the articles never use, however often they use it about something else ("private dele af
    // rejsen"): an article that does not speak of it covers little of such a question.
    const outside = this.outsideConcepts({ concepts, language });
    for (const term of terms) {
      // A compound head or first part alone does not make the word known ("samtykke|erklæring"
      // with only "erklæring" in the corpus): the word stays as informative as an unknown word.
      if (term.kind === 'compound-head' || term.kind === 'compound-modifier' || !vocabulary.has(term.term)) continue;
      const idf = vocabulary.idf(term.term);
      idfs[term.concept] = Math.max(idfs[term.concept] ?? -1, idf);
    }
    const names = nameLikeWords(question);
    const lightIdf = Math.log((vocabulary.articleCount + 1) / (vocabulary.articleCount * LIGHT_SHARE + 0.5));
    const resolved = concepts.map((concept, index) => {
      const idf = idfs[index] ?? -1;
      // Unknown words count as rare ones in both languages: an unrelated English question ("renew
      // my driving licence") must not pass on its one known word. Plain English words weigh less
      // (see ENGLISH_PLAIN_UNKNOWN_SHARE).
      // A number the articles never mention is mostly a value the user supplies ("20 timer om ugen",
      // "kl 11"), not what the question is about: it weighs like a common word.
      const unknown = NUMBER.test(concept.surface)
        ? vocabulary.unknownIdf() * UNKNOWN_NUMBER_SHARE
        : language === 'en' && !names.has(concept.surface)
          ? vocabulary.unknownIdf() * ENGLISH_PLAIN_UNKNOWN_SHARE
          : vocabulary.unknownIdf();
      const name = !NUMBER.test(concept.surface) && concept.surface.split(' ').some((word) => names.has(word));
      let weight = idf >= 0 ? (outside.has(index) ? Math.max(idf, vocabulary.unknownIdf()) : idf) : unknown;
      // …and so is a small number an article happens to mention too ("20 timer", "10 tegn"); a year is not ("ansat før 2010").
      if (idf >= 0 && SMALL_NUMBER.test(concept.surface)) weight = Math.min(weight, vocabulary.unknownIdf() * UNKNOWN_NUMBER_SHARE);
      if (!name && this.lightWords[language].has(concept.surface)) weight = Math.min(weight, lightIdf);
      return { surface: concept.surface, idf: weight, known: idf >= 0, name };
    });
    return { language, concepts: resolved, terms };
  }

  /** A small number's English word ("two"; "second" where "2nd" was written): how a glossary phrase writes it. */
  private spelledNumber(token: RawToken, ordinals: ReadonlySet<number>): string | undefined {
    if (!/^\d+$/u.test(token.text)) return undefined;
    return ENGLISH_NUMBER_WORDS[Number(token.text) - 1]?.[ordinals.has(token.position) ? 1 : 0];
  }

  /** Positions of the words of a question that make one of the glossary's stop-word phrases ("last day"). */
  private stopPhrasePositions(tokens: readonly RawToken[]): Set<number> {
    const kept = new Set<number>();
    if (this.stopPhrases.length === 0) return kept;
    const plain = tokens.filter((token) => !token.isPart);
    const stems = plain.map((token) => (token.isJoined || !this.stemmers.isStopword(token.text, 'en') ? undefined : this.stemmers.stem(token.text, 'en')));
    for (const phrase of this.stopPhrases) {
      for (let start = 0; start + phrase.length <= plain.length; start += 1) {
        if (!phrase.every((stem, k) => stems[start + k] === stem && !kept.has(plain[start + k]?.position ?? -1))) continue;
        for (let k = 0; k < phrase.length; k += 1) kept.add(plain[start + k]?.position ?? -1);
      }
    }
    return kept;
  }

  /**
   * The noun of the act a Danish verb names, or the verb of an act's noun, as the articles write it (round 27): "standse
   * betalinger" is what "standsning af betalinger" says, "udsøge" "udsøgning", "registrere" "registrering", "godkende"
   * "godkendelse" — and back. Snowball stems the two apart ("stand" and "standsn"). Only forms the corpus writes, and
   * never where the noun is another word than the act (ACTION_FALSE_FRIENDS: "regne" is no "regning", an invoice).
   */
  actionForms(word: string, vocabulary: Vocabulary): string[] {
    if (word.length < 5 || !/^\p{L}+$/u.test(word)) return [];
    const forms = new Set<string>();
    const noun = /^(.{3,}?)(?:ning|ing|else)(?:en|er|erne|ens)?$/u.exec(word);
    if (noun?.[1] !== undefined) {
      const stem = noun[1];
      for (const verb of [`${stem}e`, `${stem}ere`.replace(/ereere$/u, 'ere'), stem.endsWith('e') ? stem : `${stem}e`]) forms.add(verb);
    } else {
      // The infinitive of a verb's written form: "standser", "standsede", "standset", "standse".
      const infinitive = word.endsWith('ede') ? word.slice(0, -2) : word.endsWith('er') || word.endsWith('et') ? `${word.slice(0, -2)}e` : word.endsWith('e') ? word : undefined;
      if (infinitive !== undefined) {
        const root = infinitive.slice(0, -1);
        for (const form of [`${root}ning`, `${root}ing`, `${infinitive}lse`]) forms.add(form);
      }
    }
    const found: string[] = [];
    for (const form of forms) {
      if (form === word || ACTION_FALSE_FRIENDS.has(form) || vocabulary.hasSurface(form) !== true) continue;
      found.push(this.stemmers.stem(form, 'da'));
    }
    return found;
  }

  /**
   * Danish particle verbs (the lexicon's particles.da.yaml): a verb's form followed, in the same clause and
   * within PARTICLE_REACH words, by its particle ("sagt op", "slå en kollegas løn op", "lagt ud for") is
   * searched as what the two mean, like a synonym — for the verb's concept, or for a concept of their own
   * when the verb is a stop word ("sagt", "lagt"). Only when the corpus has one of the meanings: a phrase
   * that meets nothing adds no weight that the articles cannot cover.
   */
  private addParticleVerbs(
    question: string,
    tokens: readonly RawToken[],
    conceptOfPosition: ReadonlyMap<number, number>,
    concepts: Concept[],
    vocabulary: Vocabulary,
    add: (stem: string, concept: number) => void,
    merge: (particle: number, verb: number) => void,
  ): void {
    if (this.particleVerbs.length === 0) return;
    const plain = tokens.filter((token) => !token.isPart);
    let clauses: number[] | undefined;
    for (let i = 0; i < plain.length; i += 1) {
      const verb = plain[i];
      if (!verb || verb.isJoined) continue;
      for (const entry of this.particleVerbs) {
        if (!entry.forms.has(verb.text)) continue;
        // "hvad står PENSAB for": the word before the verb makes the two mean something else (what a name stands for).
        if (i > 0 && entry.notAfter.has(plain[i - 1]?.text ?? '')) continue;
        clauses ??= clauseOfWords(question);
        for (let j = i + 1; j < plain.length && j <= i + PARTICLE_REACH; j += 1) {
          const particle = plain[j];
          if (!particle || clauses[particle.position] !== clauses[verb.position]) break;
          if (particle.text !== entry.particle) continue;
          if (!entry.means.some((stem) => vocabulary.has(stem))) break;
          // PARTICLE_WORD (round 28): a particle that is a word of its own ("få fat i", "gå glip af") is one word with its
          // verb, not a second one the articles lack: it is the verb's concept, or the pair's when the verb is a stop word.
          const own = conceptOfPosition.get(particle.position);
          let concept = conceptOfPosition.get(verb.position) ?? own;
          if (concept === undefined) {
            concept = concepts.length;
            concepts.push({ surface: `${verb.text} ${particle.text}`, idf: 0, known: false, name: false });
          } else if (own !== undefined && own !== concept) merge(own, concept);
          for (const stem of entry.means) add(stem, concept);
          break;
        }
      }
    }
  }

  /**
   * A compound written as two words ("aconto udbetaling", "ferie penge"): two neighbouring words
   * that together, or joined by a linking -s-, make a word of the corpus are searched as that word
   * too, for both words, like a typo correction (Danish writes compounds as one word; users often
   * do not).
   */
  private addOpenCompounds(
    tokens: readonly RawToken[],
    conceptOfPosition: ReadonlyMap<number, number>,
    vocabulary: Vocabulary,
    add: (term: string, kind: TermKind, concept: number) => void,
  ): void {
    const plain = tokens.filter((token) => !token.isPart);
    for (let i = 0; i + 1 < plain.length; i += 1) {
      const first = plain[i];
      const second = plain[i + 1];
      if (!first || !second || first.isJoined || second.isJoined) continue;
      const a = conceptOfPosition.get(first.position);
      const b = conceptOfPosition.get(second.position);
      if (a === undefined || b === undefined || !/^\p{L}{3,}$/u.test(first.text) || !/^\p{L}{3,}$/u.test(second.text)) continue;
      for (const joined of [first.text + second.text, `${first.text}s${second.text}`]) {
        const stem = this.stemmers.stem(joined, 'da');
        if (!vocabulary.isWord(stem)) continue;
        add(stem, 'typo', a);
        add(stem, 'typo', b);
        break;
      }
    }
  }

  /**
   * A thing and what is done to it said as a clause, where the articles join the two in one compound (round 27): "lønnen
   * bliver kørt", "den dag lønnen køres" is the articles' "lønkørsel"; "fakturaen bliver betalt" their "fakturabetaling". A
   * word followed within CLAUSE_REACH words by a verb whose act (Analyzer.actionNouns: "kørsel", "betaling") makes a word of
   * the corpus with it — searched for the thing, and for the verb when the articles lack its form, as the act's noun is (`action`).
   */
  private addClauseCompounds(
    tokens: readonly RawToken[],
    conceptOfPosition: ReadonlyMap<number, number>,
    vocabulary: Vocabulary,
    add: (term: string, kind: TermKind, concept: number) => void,
  ): void {
    const plain = tokens.filter((token) => !token.isPart && !token.isJoined);
    for (const [i, first] of plain.entries()) {
      const a = conceptOfPosition.get(first.position);
      if (a === undefined || !/^\p{L}{3,}$/u.test(first.text)) continue;
      const thing = new Set([first.text, this.stemmers.stem(first.text, 'da')].filter((word) => word.length >= 3));
      for (const second of plain.slice(i + 1, i + 1 + CLAUSE_REACH)) {
        const b = conceptOfPosition.get(second.position);
        if (b === undefined || b === a) continue;
        const joined = this.clauseCompound(thing, second.text, vocabulary);
        if (joined === undefined) continue;
        add(joined, 'action', a);
        // The verb is covered by the compound only where the articles lack its form ("kørt"): a page that writes "kører"
        // beside "lønkørsel" holds the question's verb itself, one with only "lønkørslen" does not ("mens lønnen kører").
        if (!vocabulary.has(this.stemmers.stem(second.text, 'da'))) add(joined, 'action', b);
        break;
      }
    }
  }

  /** The corpus's compound of a thing and the act of a verb as written ("løn" + "kørt" → "lønkørsel"), if any. */
  private clauseCompound(thing: ReadonlySet<string>, verb: string, vocabulary: Vocabulary): string | undefined {
    for (const act of actionNouns(verb)) {
      for (const left of thing) {
        // As the articles write it, not by stem: Snowball would cut a made-up "statsinstitutionning" back to a real word.
        for (const joined of [left + act, `${left}s${act}`]) if (vocabulary.hasSurface(joined) === true) return this.stemmers.stem(joined, 'da');
      }
    }
    return undefined;
  }

  /**
   * "fakturaprogrammet" → the stem of "fakturasystem" (SYSTEM_WORD): the same thing with another word for a
   * system, where the lexicon has that as a one-word synonym. Not the word's own stem.
   */
  private systemWordsFor(word: string): string[] {
    const match = SYSTEM_WORD.exec(word);
    if (!match?.[1] || !match[2]) return [];
    const modifier = match[1];
    const bare = modifier.length > 4 && modifier.endsWith('s') ? modifier.slice(0, -1) : modifier;
    const own = this.stemmers.stem(word, 'da');
    const found = new Set<string>();
    for (const head of SYSTEM_HEADS) {
      for (const left of new Set([modifier, bare, `${bare}s`])) {
        const stem = this.stemmers.stem(`${left}${head}`, 'da');
        if (stem !== own && this.oneWordSynonymStems.has(stem)) found.add(stem);
      }
    }
    // "dataudvekslingsplatformen": what it handles is itself a name of the system ("dataudveksling" for CIP).
    if (found.size === 0) {
      const what = this.stemmers.stem(bare, 'da');
      if (this.oneWordSynonymStems.has(what)) found.add(what);
    }
    return [...found];
  }

  /** Finds phrase matches (longest first, no overlaps) and reports their expansions per concept. */
  private expandPhrases(
    sequence: readonly { stem: string; concept: number; surface?: string }[],
    phrases: readonly PhraseEntry[],
    /** A stem of an expansion, the concept it stands for, and how many words the expansion has. */
    emit: (stem: string, concept: number, words: number) => void,
    matched?: (concepts: ReadonlySet<number>) => void,
  ): void {
    const used = new Set<number>();
    for (const phrase of phrases) {
      const n = phrase.stems.length;
      for (let start = 0; start + n <= sequence.length; start += 1) {
        let matches = true;
        for (let k = 0; k < n; k += 1) {
          if (used.has(start + k) || sequence[start + k]?.stem !== phrase.stems[k]) {
            matches = false;
            break;
          }
        }
        if (!matches) continue;
        const concepts = new Set(sequence.slice(start, start + n).map((entry) => entry.concept).filter((concept) => concept >= 0));
        if (concepts.size === 0) continue;
        for (let k = 0; k < n; k += 1) used.add(start + k);
        matched?.(concepts);
        // Every word of the phrase is covered by what the phrase means; of keys that stem alike, the
        // one written as in the question.
        const written = sequence.slice(start, start + n).map((entry) => entry.surface ?? '').join(' ');
        const expansions = phrase.bySurface?.get(written) ?? phrase.expansions;
        for (const concept of concepts) for (const expansion of expansions) for (const stem of expansion) emit(stem, concept, expansion.length);
      }
    }
  }
}

/** Merges concepts in place: `mergedInto[c]` is the concept that concept c becomes part of. */
function mergeConcepts(concepts: Concept[], terms: QueryTerm[], mergedInto: readonly (number | undefined)[]): void {
  const root = (concept: number): number => {
    let at = concept;
    for (let next = mergedInto[at]; next !== undefined && next !== at; next = mergedInto[at]) at = next;
    return at;
  };
  const renumber = new Map<number, number>();
  const merged: Concept[] = [];
  concepts.forEach((concept, index) => {
    const target = root(index);
    const existing = renumber.get(target);
    if (existing === undefined) {
      renumber.set(target, merged.length);
      merged.push({ ...concept });
    } else {
      const into = merged[existing];
      if (into) merged[existing] = { ...into, surface: `${into.surface} ${concept.surface}` };
    }
    if (target !== index) renumber.set(index, renumber.get(target) ?? 0);
  });
  terms.forEach((term, index) => {
    terms[index] = { ...term, concept: renumber.get(term.concept) ?? term.concept };
  });
  concepts.splice(0, concepts.length, ...merged);
}

/** Search weight per distinct term: the strongest kind wins (a user's own word beats an inferred one). */
export function termWeights(analysis: QueryAnalysis): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of analysis.terms) {
    const weight = TERM_KINDS[term.kind].weight;
    if (weight > (weights.get(term.term) ?? 0)) weights.set(term.term, weight);
  }
  return weights;
}

/** What {@link analyzerFromCache} keeps: the parsed lexicon and the stems of its words. */
export interface AnalyzerSnapshot {
  readonly version: 1;
  readonly lexicon: LexiconData;
  readonly stems: StemTable;
}

/**
 * Keeps the default analyser's lexicon (parsed and checked) and the stems of its words between
 * starts. `texts` is the lexicon files' text (JSON): the cache must answer a snapshot only for the
 * same text and the same analysis code (an adapter hashes both; see adapters/cache).
 */
export interface AnalyzerCache {
  load(texts: string): AnalyzerSnapshot | undefined;
  save(texts: string, snapshot: AnalyzerSnapshot): void;
}

/**
 * The default analyser (the lexicon files as they are now), made from `cache` when it holds the
 * same files: no YAML to parse and no lexicon word to stem (≈0.3–0.4 s of a start). The lexicon
 * becomes the process's {@link defaultLexicon}.
 */
export function analyzerFromCache(cache: AnalyzerCache): Analyzer {
  const texts = readLexiconTexts();
  const key = JSON.stringify(texts);
  const snapshot = cache.load(key);
  if (snapshot?.version === 1) {
    try {
      return new Analyzer(useLexicon(lexiconFromData(snapshot.lexicon)), snapshot.stems);
    } catch {
      // a damaged entry: parse instead
    }
  }
  const analyzer = new Analyzer(useLexicon(parseLexicon(texts)));
  cache.save(key, { version: 1, lexicon: lexiconData(analyzer.lexicon), stems: analyzer.stemmers.table() });
  return analyzer;
}

/**
 * How much each of the question's concepts is matched by the terms `matched` accepts, in [0, 1]: a
 * whole word by its kind's credit (a synonym less than the word itself), the parts of a compound by
 * their share ("barsel|refusion" with only "refusion" matched is half). What coverage, the choice
 * between close articles and the decline rules all weigh.
 */
export function conceptCredits(analysis: QueryAnalysis, matched: (term: QueryTerm) => boolean): number[] {
  const credit = analysis.concepts.map(() => 0);
  // A part's credit once per concept and term: the same stem reached twice (a compound's part and a
  // synonym phrase's word, or two phrases with it) is still one part of the word.
  const parts = new Map<string, { concept: number; credit: number }>();
  for (const term of analysis.terms) {
    if (!matched(term)) continue;
    const kind = TERM_KINDS[term.kind];
    if (term.share < 1) {
      const key = `${term.concept}\u0000${term.term}`;
      const part = kind.credit * term.share;
      if (part > (parts.get(key)?.credit ?? 0)) parts.set(key, { concept: term.concept, credit: part });
    } else credit[term.concept] = Math.max(credit[term.concept] ?? 0, kind.credit);
  }
  const partCredit = analysis.concepts.map(() => 0);
  for (const part of parts.values()) partCredit[part.concept] = (partCredit[part.concept] ?? 0) + part.credit;
  return credit.map((value, index) => Math.max(value, Math.min(1, partCredit[index] ?? 0)));
}

/** The words made by swapping two neighbouring, different letters of a word. */
/** The base words an English word may be a form of ("refused" → refuse, refus; "administration" → administrat), itself included. */
function englishBases(word: string): string[] {
  const bases = [word];
  for (const ending of ['ment', 'ing', 'ion', 'ed', 'es', 'er', 'or', 'd', 's']) if (word.length > ending.length + 2 && word.endsWith(ending)) bases.push(word.slice(0, -ending.length));
  return bases;
}

/** English endings of a word's forms and of the words made from it ("manage|ment", "govern|ance", "administrat|ive"), not -ion: "refusion" is no English word. */
const ENGLISH_ENDINGS = ['', 's', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ly', 'ment', 'ments', 'ance', 'ence', 'ation', 'ations', 'ive', 'al', 'als', 'ial', 'ials', 'ness'] as const;

/** The regular English forms of a word's bases (see {@link englishBases}) with ENGLISH_ENDINGS, a final e dropped, y made i or a consonant doubled. */
function englishForms(word: string): Set<string> {
  const forms = new Set<string>();
  for (const base of englishBases(word)) {
    const stems = [base];
    if (base.endsWith('e')) stems.push(base.slice(0, -1));
    else stems.push(`${base}e`);
    if (base.endsWith('y')) stems.push(`${base.slice(0, -1)}i`);
    const last = base.at(-1);
    if (last !== undefined && /[bcdfgklmnprstvz]/u.test(last)) stems.push(base + last);
    for (const stem of stems) for (const ending of ENGLISH_ENDINGS) forms.add(stem + ending);
  }
  return forms;
}

function adjacentSwaps(word: string): string[] {
  const letters = [...word];
  const swaps: string[] = [];
  for (let i = 0; i + 1 < letters.length; i += 1) {
    if (letters[i] === letters[i + 1]) continue;
    swaps.push([...letters.slice(0, i), letters[i + 1], letters[i], ...letters.slice(i + 2)].join(''));
  }
  return swaps;
}
