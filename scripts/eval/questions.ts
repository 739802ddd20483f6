/**
 * The questions files of kb:eval and chat:eval: one JSON object a line, {q, expected_ids, style?,
 * lang?, category?, before?}; `expected_ids: []` means no article answers the question. `before`
 * (chat:eval only) holds the user's earlier messages of the same conversation, sent first; the end of
 * `q` is what is measured (kb:eval asks `q` alone). And the command line both scripts share.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const QuestionSchema = z.object({
  q: z.string().min(1),
  expected_ids: z.array(z.string()),
  style: z.string().optional(),
  lang: z.enum(['da', 'en']).default('da'),
  category: z.string().optional(),
  /** Earlier user messages of the same conversation, in order: a follow-up's context. */
  before: z.array(z.string().min(1)).min(1).optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const isInScope = (question: Question): boolean => question.expected_ids.length > 0;

/** Reads a questions file; a bad line stops with the file and line at fault. */
export async function readQuestions(file: string, tool: string): Promise<Question[]> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
  const questions: Question[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = QuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${tool}: ${file}:${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    questions.push(parsed.data);
  });
  return questions;
}

export interface EvalArgs {
  kb: string[];
  questions: string;
  json: boolean;
  verbose: boolean;
}

/** `--kb <dir-or-jsonl> [--kb …] --questions <jsonl> [--json] [--verbose]` */
export function parseEvalArgs(argv: readonly string[], tool: string): EvalArgs {
  const kb: string[] = [];
  let questions: string | undefined;
  let json = false;
  let verbose = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--kb') kb.push(argv[++i] ?? '');
    else if (arg === '--questions') questions = argv[++i];
    else if (arg === '--json') json = true;
    else if (arg === '--verbose') verbose = true;
    else throw new Error(`${tool}: unknown argument ${arg ?? ''}`);
  }
  if (kb.length === 0 || kb.some((source) => source === '') || !questions) {
    throw new Error(`${tool}: usage: ${tool} --kb <dir-or-jsonl> [--kb …] --questions <jsonl> [--json] [--verbose]`);
  }
  return { kb, questions, json, verbose };
}

export const round = (value: number): number => Math.round(value * 1000) / 1000;
