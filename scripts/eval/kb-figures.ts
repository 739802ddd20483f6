/**
 * kb:eval's measurement: each question asked of the knowledge base directly (no chat, no routing),
 * its ranking and the answer/unknown decision, and the figures over them (top1, top3, MRR,
 * answered, out-of-scope declined), for all questions and for English ones.
 */
import type { KnowledgeBase } from '../../knowledge/index.js';
import { isInScope, round, type Question } from './questions.js';

export interface Judged {
  readonly question: Question;
  /** Article ids, best first. */
  readonly ranking: readonly string[];
  /** The answerer said it has no answer. */
  readonly unknown: boolean;
  /** The article the answerer answers with, or the first it offers (close articles can be answered in another order than ranked). */
  readonly shown?: string;
  readonly detail?: string;
}

export interface Figures {
  questions: number;
  outOfScope: number;
  top1: number;
  top3: number;
  mrr: number;
  answered: number;
  outOfScopeDeclined: number | null;
}

export type KbReport = Figures & { en: Figures };

/** Asks the knowledge base each question as kb:eval does: `rank` for the ranking, `answer` for the decision. */
export function judgeWithKnowledge(kb: KnowledgeBase, questions: readonly Question[]): Judged[] {
  return questions.map((question) => {
    const ranked = kb.rank(question.q, 10);
    const result = kb.answer(question.q);
    const detail = ranked
      .slice(0, 3)
      .map((r) => `${r.articleId} s=${r.score.toFixed(1)} c=${r.coverage.toFixed(2)} t=${r.trust.toFixed(2)}`)
      .join(' | ');
    const shown = result.kind === 'answered' ? result.article.id : result.kind === 'ambiguous' ? result.candidates[0]?.article.id : undefined;
    return { question, ranking: ranked.map((r) => r.articleId), unknown: result.kind === 'unknown', ...(shown ? { shown } : {}), detail };
  });
}

export function figures(judged: readonly Judged[]): Figures {
  const inScope = judged.filter((j) => isInScope(j.question));
  const outOfScope = judged.filter((j) => !isInScope(j.question));
  let top1 = 0;
  let top3 = 0;
  let mrr = 0;
  let answered = 0;
  for (const j of inScope) {
    const expected = new Set(j.question.expected_ids);
    const rank = j.ranking.findIndex((id) => expected.has(id));
    if (rank === 0) top1 += 1;
    if (rank >= 0 && rank < 3) top3 += 1;
    if (rank >= 0) mrr += 1 / (rank + 1);
    if (!j.unknown) answered += 1;
  }
  const n = inScope.length || 1;
  return {
    questions: inScope.length,
    outOfScope: outOfScope.length,
    top1: round(top1 / n),
    top3: round(top3 / n),
    mrr: round(mrr / n),
    answered: round(answered / n),
    outOfScopeDeclined: outOfScope.length === 0 ? null : round(outOfScope.filter((j) => j.unknown).length / outOfScope.length),
  };
}

export function kbReport(judged: readonly Judged[]): KbReport {
  return { ...figures(judged), en: figures(judged.filter((j) => j.question.lang === 'en')) };
}

/** One line of kb:eval's table: name, n, top1, top3, mrr, answered, out-of-scope declined. */
export function figuresRow(name: string, f: Figures): string {
  return `${name.padEnd(14)} ${String(f.questions).padStart(4)} ${[f.top1, f.top3, f.mrr, f.answered].map((v) => v.toFixed(3).padStart(7)).join('')} ${
    f.outOfScopeDeclined === null ? '      -' : f.outOfScopeDeclined.toFixed(3).padStart(7)
  }`;
}

export const FIGURES_HEADER = `${'run'.padEnd(14)} ${'n'.padStart(4)}${['top1', 'top3', 'mrr', 'answrd'].map((h) => h.padStart(7)).join('')} ${'oosDecl'.padStart(7)}`;
