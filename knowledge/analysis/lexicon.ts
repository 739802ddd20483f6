import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { KnowledgeError } from '../errors.js';

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

const SynonymsSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) }).strict();
const GlossarySchema = z.object({ terms: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)) }).strict();
const LemmasSchema = z
  .object({
    lemmas: z.record(z.string().min(1), z.string().min(1)),
    /** A noun whose form is also a verb's ("bruger": a user, or uses): the verb's form, read next to a subject. */
    verbs: z.record(z.string().min(1), z.string().min(1)).default({}),
  })
  .strict();
const StopwordAdjustment = z
  .object({
    add: z.array(z.string()),
    keep: z.array(z.string()),
    /** Words of how a question is put, not of what it is about: they weigh like a common word (see the analyser). */
    light: z.array(z.string()).default([]),
    /** Stop words that are nouns a compound may end in ("regnskabs|siden", "lønkørsels|dagen"): split there (see the analyser). */
    heads: z.array(z.string()).default([]),
  })
  .strict();
const HypernymsSchema = z.object({ terms: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)) }).strict();
const StopwordsSchema = z.object({ da: StopwordAdjustment, en: StopwordAdjustment }).strict();
const OutsideSchema = z
  .object({
    da: z.array(z.string().min(1)),
    en: z.array(z.string().min(1)),
    written: z.array(z.string().min(1)).optional(),
    /** An employee's own things in the systems ("min lønseddel", "mine dagpenge", "my payslip"): the systems' business, not private life. */
    mine: z.object({ da: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }).strict().optional(),
  })
  .strict();
const ParticleVerb = z
  .object({
    forms: z.array(z.string().min(1)).min(1),
    particle: z.string().min(1),
    means: z.array(z.string().min(1)).min(1),
    /** Words right before the verb that make the two something else ("hvad står PENSAB for": what the name stands for). */
    notAfter: z.array(z.string().min(1)).optional(),
  })
  .strict();
const ParticlesSchema = z.object({ verbs: z.array(ParticleVerb) }).strict();

/** A Danish particle verb ("sige op"): the verb's written forms, its particle, and the words it means. */
export type ParticleVerb = z.infer<typeof ParticleVerb>;

/** The language data the analyser uses, kept as YAML files in `knowledge/analysis/data/`. */
export interface Lexicon {
  /** Groups of Danish words/phrases meaning the same thing. */
  readonly synonyms: readonly (readonly string[])[];
  /** English word/phrase -> Danish words. */
  readonly glossary: ReadonlyMap<string, readonly string[]>;
  /** Danish surface form -> stem, where Snowball is wrong for the domain. */
  readonly lemmas: ReadonlyMap<string, string>;
  /**
   * English irregular form -> its base word, stemmed in its place ("sent" → send, "bought" → buy):
   * Porter strips endings, so an irregular verb's past form would otherwise be a word of its own that
   * neither the glossary nor an English article's index shares with the base.
   */
  readonly englishLemmas: ReadonlyMap<string, string>;
  /** A noun's form that is also a verb's -> the verb's form, read so next to a subject ("hvad bruger man …"). */
  readonly verbs: ReadonlyMap<string, string>;
  /** Specific word (lower-cased, Danish or English) -> broader Danish words it is also searched as. */
  readonly broader: ReadonlyMap<string, readonly string[]>;
  readonly stopwords: { readonly da: z.infer<typeof StopwordAdjustment>; readonly en: z.infer<typeof StopwordAdjustment> };
  /**
   * Words (lower-cased) per language that place a question outside the state's administration, in
   * private life ("privat", "derhjemme", "personal"): they weigh like a word the articles never use.
   */
  readonly outside: {
    readonly da: ReadonlySet<string>;
    readonly en: ReadonlySet<string>;
    /** Danish words matched as written, not on their stem, whose stem is an everyday word ("teams" → "team"). */
    readonly written: ReadonlySet<string>;
    /**
     * What an employee calls theirs in the systems the articles are about ("min lønseddel", "mine dagpenge", "mit lønnummer",
     * "my payslip"): asked of an article that speaks of it, the asker's own business with the systems, not private life.
     */
    readonly mine: { readonly da: ReadonlySet<string>; readonly en: ReadonlySet<string> };
  };
  /** Danish particle verbs ("sige op" = opsige, fratræde): searched as what they mean (see the analyser). */
  readonly particleVerbs: readonly ParticleVerb[];
}

/** The lexicon's files, each with the schema its YAML must satisfy. */
const FILES = {
  synonyms: { file: 'synonyms.da.yaml', schema: SynonymsSchema },
  glossary: { file: 'glossary.en-da.yaml', schema: GlossarySchema },
  lemmas: { file: 'lemmas.da.yaml', schema: LemmasSchema },
  englishLemmas: { file: 'lemmas.en.yaml', schema: LemmasSchema },
  stopwords: { file: 'stopwords.yaml', schema: StopwordsSchema },
  hypernyms: { file: 'hypernyms.yaml', schema: HypernymsSchema },
  outside: { file: 'outside.yaml', schema: OutsideSchema },
  particles: { file: 'particles.da.yaml', schema: ParticlesSchema },
} as const;
type LexiconFile = keyof typeof FILES;

/** The text of each lexicon file, by file name: everything a lexicon is made from. */
export type LexiconTexts = Readonly<Record<string, string>>;

/** Reads the lexicon files' text (no parsing): what {@link parseLexicon} reads and a cached lexicon is keyed on. */
export function readLexiconTexts(): LexiconTexts {
  const texts: Record<string, string> = {};
  for (const { file } of Object.values(FILES)) {
    const path = `${DATA_DIR}${file}`;
    try {
      texts[file] = readFileSync(path, 'utf8');
    } catch (error: unknown) {
      throw new KnowledgeError('KB.BAD_LEXICON', `${path}: cannot read: ${String(error)}`, { file: path, cause: error });
    }
  }
  return texts;
}

function parseFile<K extends LexiconFile>(texts: LexiconTexts, name: K): z.infer<(typeof FILES)[K]['schema']> {
  const { file, schema } = FILES[name];
  const path = `${DATA_DIR}${file}`;
  let data: unknown;
  try {
    data = parseYaml(texts[file] ?? '');
  } catch (error: unknown) {
    throw new KnowledgeError('KB.BAD_LEXICON', `${path}: cannot read: ${String(error)}`, { file: path, cause: error });
  }
  const parsed = (schema as z.ZodType<z.infer<(typeof FILES)[K]['schema']>, z.ZodTypeDef, unknown>).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KnowledgeError(
      'KB.BAD_LEXICON',
      `${path}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`,
      { file: path, cause: parsed.error },
    );
  }
  return parsed.data;
}

/** Parses and checks the lexicon files' text. Throws KB.BAD_LEXICON naming the file and field. */
export function parseLexicon(texts: LexiconTexts): Lexicon {
  const synonyms = parseFile(texts, 'synonyms');
  const glossary = parseFile(texts, 'glossary');
  const lemmas = parseFile(texts, 'lemmas');
  const englishLemmas = parseFile(texts, 'englishLemmas');
  const stopwords = parseFile(texts, 'stopwords');
  const hypernyms = parseFile(texts, 'hypernyms');
  const outside = parseFile(texts, 'outside');
  const particles = parseFile(texts, 'particles');
  const broader = new Map<string, string[]>();
  for (const [general, specifics] of Object.entries(hypernyms.terms)) {
    for (const specific of specifics) broader.set(specific.toLowerCase(), [...(broader.get(specific.toLowerCase()) ?? []), general]);
  }
  return {
    synonyms: synonyms.groups,
    glossary: new Map(Object.entries(glossary.terms).map(([key, value]) => [key.toLowerCase(), value])),
    lemmas: new Map(Object.entries(lemmas.lemmas)),
    englishLemmas: new Map(Object.entries(englishLemmas.lemmas).map(([form, base]) => [form.toLowerCase(), base.toLowerCase()])),
    verbs: new Map(Object.entries(lemmas.verbs)),
    broader,
    stopwords,
    outside: {
      da: new Set(outside.da.map((word) => word.toLowerCase())),
      en: new Set(outside.en.map((word) => word.toLowerCase())),
      written: new Set((outside.written ?? []).map((word) => word.toLowerCase())),
      mine: { da: new Set((outside.mine?.da ?? []).map((word) => word.toLowerCase())), en: new Set((outside.mine?.en ?? []).map((word) => word.toLowerCase())) },
    },
    particleVerbs: particles.verbs.map((verb) => ({ forms: verb.forms.map((f) => f.toLowerCase()), particle: verb.particle.toLowerCase(), means: verb.means, ...(verb.notAfter ? { notAfter: verb.notAfter.map((w) => w.toLowerCase()) } : {}) })),
  };
}

/** A lexicon as plain JSON (for a cache of the parsed files). */
export interface LexiconData {
  readonly synonyms: readonly (readonly string[])[];
  readonly glossary: readonly (readonly [string, readonly string[]])[];
  readonly lemmas: readonly (readonly [string, string])[];
  readonly englishLemmas?: readonly (readonly [string, string])[];
  readonly verbs?: readonly (readonly [string, string])[];
  readonly broader: readonly (readonly [string, readonly string[]])[];
  readonly stopwords: Lexicon['stopwords'];
  readonly outside?: {
    readonly da: readonly string[];
    readonly en: readonly string[];
    readonly written?: readonly string[];
    readonly mine?: { readonly da: readonly string[]; readonly en: readonly string[] };
  };
  readonly particleVerbs?: readonly ParticleVerb[];
}

export function lexiconData(lexicon: Lexicon): LexiconData {
  return {
    synonyms: lexicon.synonyms,
    glossary: [...lexicon.glossary],
    lemmas: [...lexicon.lemmas],
    englishLemmas: [...lexicon.englishLemmas],
    verbs: [...lexicon.verbs],
    broader: [...lexicon.broader],
    stopwords: lexicon.stopwords,
    outside: {
      da: [...lexicon.outside.da],
      en: [...lexicon.outside.en],
      written: [...lexicon.outside.written],
      mine: { da: [...lexicon.outside.mine.da], en: [...lexicon.outside.mine.en] },
    },
    particleVerbs: lexicon.particleVerbs,
  };
}

export function lexiconFromData(data: LexiconData): Lexicon {
  return {
    synonyms: data.synonyms,
    glossary: new Map(data.glossary),
    lemmas: new Map(data.lemmas),
    englishLemmas: new Map(data.englishLemmas ?? []),
    verbs: new Map(data.verbs ?? []),
    broader: new Map(data.broader),
    stopwords: data.stopwords,
    outside: {
      da: new Set(data.outside?.da ?? []),
      en: new Set(data.outside?.en ?? []),
      written: new Set(data.outside?.written ?? []),
      mine: { da: new Set(data.outside?.mine?.da ?? []), en: new Set(data.outside?.mine?.en ?? []) },
    },
    particleVerbs: data.particleVerbs ?? [],
  };
}

let cached: Lexicon | undefined;

/** Reads the lexicon files once per process (or takes the one {@link useLexicon} was given). */
export function defaultLexicon(): Lexicon {
  cached ??= parseLexicon(readLexiconTexts());
  return cached;
}

/**
 * Makes `lexicon` (parsed from the files as they are now, e.g. taken from a start-up cache keyed on
 * their text) the one {@link defaultLexicon} answers, unless it has read the files already.
 */
export function useLexicon(lexicon: Lexicon): Lexicon {
  cached ??= lexicon;
  return cached;
}
