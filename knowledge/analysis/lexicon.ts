import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { KnowledgeError } from '../errors.js';

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

const SynonymsSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) }).strict();
const GlossarySchema = z.object({ terms: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)) }).strict();
const LemmasSchema = z.object({ lemmas: z.record(z.string().min(1), z.string().min(1)) }).strict();
const StopwordAdjustment = z.object({ add: z.array(z.string()), keep: z.array(z.string()) }).strict();
const HypernymsSchema = z.object({ terms: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)) }).strict();
const StopwordsSchema = z.object({ da: StopwordAdjustment, en: StopwordAdjustment }).strict();

/** The language data the analyser uses, kept as YAML files in `knowledge/analysis/data/`. */
export interface Lexicon {
  /** Groups of Danish words/phrases meaning the same thing. */
  readonly synonyms: readonly (readonly string[])[];
  /** English word/phrase -> Danish words. */
  readonly glossary: ReadonlyMap<string, readonly string[]>;
  /** Danish surface form -> stem, where Snowball is wrong for the domain. */
  readonly lemmas: ReadonlyMap<string, string>;
  /** Specific word (lower-cased, Danish or English) -> broader Danish words it is also searched as. */
  readonly broader: ReadonlyMap<string, readonly string[]>;
  readonly stopwords: { readonly da: z.infer<typeof StopwordAdjustment>; readonly en: z.infer<typeof StopwordAdjustment> };
}

function readData<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
  const path = `${DATA_DIR}${file}`;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error: unknown) {
    throw new KnowledgeError('KB.BAD_LEXICON', `${path}: cannot read: ${String(error)}`, { file: path, cause: error });
  }
  const parsed = schema.safeParse(data);
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

let cached: Lexicon | undefined;

/** Reads the lexicon files once per process. */
export function defaultLexicon(): Lexicon {
  if (cached) return cached;
  const synonyms = readData('synonyms.da.yaml', SynonymsSchema);
  const glossary = readData('glossary.en-da.yaml', GlossarySchema);
  const lemmas = readData('lemmas.da.yaml', LemmasSchema);
  const stopwords = readData('stopwords.yaml', StopwordsSchema);
  const hypernyms = readData('hypernyms.yaml', HypernymsSchema);
  const broader = new Map<string, string[]>();
  for (const [general, specifics] of Object.entries(hypernyms.terms)) {
    for (const specific of specifics) broader.set(specific.toLowerCase(), [...(broader.get(specific.toLowerCase()) ?? []), general]);
  }
  cached = {
    synonyms: synonyms.groups,
    glossary: new Map(Object.entries(glossary.terms).map(([key, value]) => [key.toLowerCase(), value])),
    lemmas: new Map(Object.entries(lemmas.lemmas)),
    broader,
    stopwords,
  };
  return cached;
}
