/**
 * Fact questions: one JSON object a line, {q, fact, expected_ids, lang?}. A question counts as
 * answered with its fact when the knowledge base answers it (not "did you mean", not unknown) and
 * the passage the chat shows contains the fact (case and spacing ignored; with a list the cut split made whole, `shownText`).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { KnowledgeBase } from '../../knowledge/index.js';
import { shownText } from '../../knowledge/passages.js';

export const FactQuestionSchema = z.object({
  q: z.string().min(1),
  fact: z.string().min(1),
  expected_ids: z.array(z.string()).min(1),
  lang: z.enum(['da', 'en']).default('da'),
});
export type FactQuestion = z.infer<typeof FactQuestionSchema>;

export async function readFactQuestions(file: string): Promise<FactQuestion[]> {
  const questions: FactQuestion[] = [];
  (await readFile(file, 'utf8')).split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = FactQuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    questions.push(parsed.data);
  });
  return questions;
}

export const normaliseFact = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

export interface FactOutcome {
  readonly question: FactQuestion;
  readonly shown: boolean;
  /** What the chat would do: the answered article and passage, or "did you mean"/unknown. */
  readonly got: string;
}

export function judgeFact(kb: KnowledgeBase, question: FactQuestion): FactOutcome {
  const result = kb.answer(question.q, { locale: question.lang });
  if (result.kind === 'answered') {
    return { question, shown: normaliseFact(shownText(result.passage)).includes(normaliseFact(question.fact)), got: result.passage.id };
  }
  if (result.kind === 'ambiguous') return { question, shown: false, got: `did you mean: ${result.candidates.map((c) => c.article.id).join(', ')}` };
  return { question, shown: false, got: `unknown (${result.reason})` };
}

export function factShare(outcomes: readonly FactOutcome[]): number {
  return outcomes.length === 0 ? 0 : outcomes.filter((outcome) => outcome.shown).length / outcomes.length;
}
