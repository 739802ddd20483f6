import { createRequire } from 'node:module';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as naturalEnglishStopwords } from 'natural/lib/natural/util/stopwords.js';
import snowball from 'snowball-stemmers';
import type { Language } from '../article.js';
import type { Lexicon } from './lexicon.js';

// stopwords-iso is a bare JSON package; require keeps it out of ESM JSON-import rules.
const stopwordsIso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[] | undefined>;
const danishSnowball = snowball.newStemmer('danish');
const CACHE_LIMIT = 1_000_000;

// Danish drops the e of -el/-en/-er before an ending: seddel/sedlen, regel/regler, nøgle/nøglen.
// Snowball keeps "seddel" but gives "sedl" for "sedlen"; joining them here makes both one term.
const E_SYNCOPE = /([^aeiouyæøå])\1?e([lnr])$/u;
// Verbal nouns in -ing (nulstilling, afregning, betaling) share the verb's stem (nulstil, afregn).
const ING = /(.{5,}?)ing$/u;
// indberetning/indberette (ING takes -ing): only -tning needs its n dropped too.
const TNING = /(.{4,}t)ning$/u;
const DOUBLE_END = /([^aeiouyæøå])\1$/u;
// Past participles: ulønnet/ulønnede, oprettet/oprettede (Snowball leaves -et and -ed).
const PARTICIPLE = /(.{4,})e[td]$/u;
// The neuter -t of adjectives and the -t of past participles, which Snowball keeps after l, v and
// rn: digitalt/digital, generelt/generel, negativt/negativ, internt/intern, betalt/betale,
// udbetalt/udbetaling. Only after -al, -el, -iv, -ern, where Danish nouns rarely end in -t
// (-rt, -nt and -st end many nouns: kort, start, dokument, post), and in words of five letters
// or more ("felt" stays).
const NEUTER_T = /(.{2,}(?:al|el|iv|ern))t$/u;
// Nouns in -ering are verbs in -ere (implementering/implementere, opdatering/opdatere,
// periodisering/periodisere): ING leaves "implementer", which must lose its -er as the verb does.
const ERING = /(.{3,})ering$/u;

// Latin neuter nouns in -ium drop the -um before Danish endings: ministerium/ministeriet/ministerier,
// gymnasium/gymnasier, kriterium/kriterier. Snowball leaves the singular whole ("ministerium") and
// stems the other forms to "ministeri"; dropping the -um makes them one term.
const IUM = /(.{3,}i)um$/u;

function danishStep(word: string): string {
  let stem = danishSnowball.stem(word);
  const ium = IUM.exec(stem);
  if (ium?.[1]) return ium[1];
  const neuter = NEUTER_T.exec(stem);
  if (neuter?.[1]) stem = neuter[1];
  const ering = ERING.exec(stem);
  if (ering?.[1]) return ering[1];
  const tning = TNING.exec(stem);
  if (tning?.[1]) stem = tning[1];
  const ing = ING.exec(stem);
  if (ing?.[1]) stem = ing[1];
  const participle = PARTICIPLE.exec(stem);
  if (participle?.[1]) stem = participle[1];
  if (stem.length >= 4) stem = stem.replace(E_SYNCOPE, '$1$2');
  if (stem.length >= 4) stem = stem.replace(DOUBLE_END, '$1');
  return stem;
}

function englishStep(word: string): string {
  return PorterStemmer.stem(word);
}

/** Applies a stemming step until nothing changes, so that stem(stem(x)) = stem(x). */
function fixpoint(word: string, step: (word: string) => string): string {
  let current = word;
  for (let i = 0; i < 8; i += 1) {
    const next = step(current);
    if (next === current || next.length === 0) return current;
    current = next;
  }
  return current;
}

/** Words and their stems, per language: what {@link Stemmers} has worked out (see {@link Stemmers.table}). */
export type StemTable = Readonly<Record<Language, readonly (readonly [string, string])[]>>;

/** Stemmers and stop words for Danish and English, with per-process caches. */
export class Stemmers {
  private readonly cache: Record<Language, Map<string, string>>;
  readonly stopwords: Record<Language, ReadonlySet<string>>;

  /** `known`: stems worked out before with this lexicon and this code (a start-up cache), taken as they are. */
  constructor(
    private readonly lexicon: Lexicon,
    known?: StemTable,
  ) {
    this.cache = { da: new Map(known?.da), en: new Map(known?.en) };
    const da = new Set([...(stopwordsIso['da'] ?? []), ...lexicon.stopwords.da.add]);
    for (const word of lexicon.stopwords.da.keep) da.delete(word);
    const en = new Set([...naturalEnglishStopwords, ...lexicon.stopwords.en.add]);
    for (const word of lexicon.stopwords.en.keep) en.delete(word);
    this.stopwords = { da, en };
  }

  /** The stems worked out so far. */
  table(): StemTable {
    return { da: [...this.cache.da], en: [...this.cache.en] };
  }

  isStopword(word: string, language: Language): boolean {
    return this.stopwords[language].has(word);
  }

  /** A stop word that is a noun a compound may end in ("regnskabs|siden", "lønkørsels|dagen"; the lexicon's `heads`). */
  isCompoundHead(word: string, language: Language): boolean {
    return this.lexicon.stopwords[language].heads.includes(word);
  }

  /** Idempotent stem of a lower-cased word; words joined with - / . are names and kept whole. */
  stem(word: string, language: Language): string {
    const cache = this.cache[language];
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    if (word.length < 3 || /[-/.]/.test(word) || /^\p{N}+$/u.test(word)) {
      cache.set(word, word);
      return word;
    }
    let stem: string;
    if (language === 'da') {
      stem = this.lexicon.lemmas.get(word) ?? fixpoint(word, danishStep);
    } else {
      stem = fixpoint(this.lexicon.englishLemmas.get(word) ?? word, englishStep);
    }
    if (stem.length < 2) stem = word;
    if (cache.size > CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
    return stem;
  }
}
