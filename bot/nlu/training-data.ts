/**
 * The classifier's training utterances, kept as data (`bot/nlu/data/*.jsonl`, one
 * `{u, intent, area?, system?, form?}` per line), and the typo variants made from them at
 * training time with a generator seeded by each line's own text: the same data always gives the
 * same model, and a line added or removed leaves every other line's variants as they were.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The labels the classifier learns (the names nlu:eval uses, plus the project's own kinds). */
export const NLU_LABELS = [
  'create_case',
  'status',
  'my_cases',
  'kb_question',
  'human',
  'greeting',
  'thanks',
  'help',
  'cancel',
  'add_comment',
  'attach_file',
  'community_access',
  'register',
] as const;
export type NluLabel = (typeof NLU_LABELS)[number];

export const utteranceSchema = z
  .object({
    u: z.string().min(1),
    intent: z.enum(NLU_LABELS),
    area: z.string().min(1).optional(),
    system: z.string().min(1).optional(),
    form: z.string().min(1).optional(),
  })
  .strict();
export type Utterance = z.infer<typeof utteranceSchema>;

export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** Parses JSONL utterances; throws `NLU.BAD_UTTERANCE` with the file, line and field at fault. */
export function parseUtterances(text: string, file: string, schema: z.ZodType<Utterance, z.ZodTypeDef, unknown> = utteranceSchema): Utterance[] {
  const out: Utterance[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause: unknown) {
      throw new Error(`NLU.BAD_UTTERANCE: ${file}:${i + 1}: not JSON`, { cause });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`NLU.BAD_UTTERANCE: ${file}:${i + 1}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`, { cause: parsed.error });
    }
    out.push(parsed.data);
  });
  return out;
}

/** The text of every `.jsonl` file in a folder (default: the shipped training data), by name, not parsed. */
export function readUtteranceFiles(dir: string = DATA_DIR): { file: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((file) => ({ file, text: readFileSync(`${dir}${dir.endsWith('/') ? '' : '/'}${file}`, 'utf8') }));
}

/** The utterances of files {@link readUtteranceFiles} read. */
export function parseUtteranceFiles(files: readonly { file: string; text: string }[]): Utterance[] {
  return files.flatMap(({ file, text }) => parseUtterances(text, file));
}

/** Every `.jsonl` file in a folder (default: the shipped training data). */
export function loadUtterances(dir: string = DATA_DIR): Utterance[] {
  return parseUtteranceFiles(readUtteranceFiles(dir));
}

/**
 * A stable 32-bit number for a text (FNV-1a, then mixed), from a seed: the same text and seed always
 * give the same number, whatever else is in the data.
 */
export function textHash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return h >>> 0;
}

/** mulberry32: a small seeded generator, so augmentation is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One typo as people make them: two neighbouring letters swapped, a letter dropped or doubled,
 * in one word of at least three letters ("tka", "hje", "sga": short words are typed in a hurry too,
 * and with four letters at least the classifier never saw "mange tka for hjælpen" as thanks). The
 * text unchanged when it has no such word.
 */
export function withTypo(text: string, random: () => number): string {
  const spans = [...text.matchAll(/\p{L}{3,}/gu)];
  if (spans.length === 0) return text;
  const span = spans[Math.floor(random() * spans.length)];
  if (!span || span.index === undefined) return text;
  const word = span[0];
  // Not the first letter: people rarely get that wrong.
  const at = 1 + Math.floor(random() * (word.length - 1));
  const kind = Math.floor(random() * 3);
  let typo: string;
  if (kind === 0 && at < word.length - 1) typo = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  else if (kind === 1) typo = word.slice(0, at) + word.slice(at + 1);
  else typo = word.slice(0, at) + word[at] + word.slice(at);
  return text.slice(0, span.index) + typo + text.slice(span.index + word.length);
}

export interface AugmentOptions {
  /** Typo variants per utterance. Default 2. */
  variants?: number;
  /** Seed of the generator. Default 12. */
  seed?: number;
}

/**
 * The utterances and, per utterance, `variants` copies with one or two typos. Each utterance's typos
 * come from a generator seeded by its label and text, so they do not depend on the lines before it:
 * with one generator for the whole data, a line added near the top gave every later line other typos
 * and moved the model's answers on texts that had nothing to do with it (round 22).
 */
export function augment(utterances: readonly Utterance[], options: AugmentOptions = {}): Utterance[] {
  const variants = options.variants ?? 2;
  const seed = options.seed ?? 12;
  const out: Utterance[] = [...utterances];
  for (const utterance of utterances) {
    const random = seededRandom(textHash(`${utterance.intent}|${utterance.u}`, seed));
    for (let v = 0; v < variants; v++) {
      let u = withTypo(utterance.u, random);
      if (random() < 0.3) u = withTypo(u, random);
      if (u !== utterance.u) out.push({ ...utterance, u });
    }
  }
  return out;
}
