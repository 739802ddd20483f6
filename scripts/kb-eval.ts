/**
 * kb:eval — measures retrieval and the answer/unknown decision on a questions file.
 *
 *   npm run --silent kb:eval -- --kb <dir-or-jsonl> [--kb …] --questions <jsonl> [--json] [--verbose]
 *
 * Questions: one JSON object a line, {q, expected_ids, style?, lang?, category?}; `expected_ids: []`
 * means no article answers the question. With --json exactly one JSON object is printed.
 */
import { readFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { createKnowledgeBase } from '../knowledge/index.js';
import { loadArticles } from '../knowledge/loader.js';

const QuestionSchema = z.object({
  q: z.string().min(1),
  expected_ids: z.array(z.string()),
  style: z.string().optional(),
  lang: z.enum(['da', 'en']).default('da'),
  category: z.string().optional(),
});
type Question = z.infer<typeof QuestionSchema>;

interface Judged {
  readonly question: Question;
  readonly ranking: readonly string[];
  readonly unknown: boolean;
  readonly detail?: string;
}

interface Figures {
  questions: number;
  outOfScope: number;
  top1: number;
  top3: number;
  mrr: number;
  answered: number;
  outOfScopeDeclined: number | null;
}

function parseArgs(argv: readonly string[]): { kb: string[]; questions: string; json: boolean; verbose: boolean } {
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
    else throw new Error(`kb:eval: unknown argument ${arg ?? ''}`);
  }
  if (kb.length === 0 || kb.some((source) => source === '') || !questions) {
    throw new Error('kb:eval: usage: kb:eval --kb <dir-or-jsonl> --questions <jsonl> [--json]');
  }
  return { kb, questions, json, verbose };
}

async function readQuestions(file: string): Promise<Question[]> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
  const questions: Question[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = QuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`kb:eval: ${file}:${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    questions.push(parsed.data);
  });
  return questions;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

function figures(judged: readonly Judged[]): Figures {
  const inScope = judged.filter((j) => j.question.expected_ids.length > 0);
  const outOfScope = judged.filter((j) => j.question.expected_ids.length === 0);
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

function report(judged: readonly Judged[]): Figures & { en: Figures } {
  return { ...figures(judged), en: figures(judged.filter((j) => j.question.lang === 'en')) };
}

async function main(): Promise<void> {
  process.stdout.on('error', () => undefined);
  const args = parseArgs(process.argv.slice(2));
  const questions = await readQuestions(args.questions);

  const kb = await createKnowledgeBase({ sources: args.kb });
  const judged: Judged[] = questions.map((question) => {
    const ranked = kb.rank(question.q, 10);
    const result = kb.answer(question.q);
    const detail = ranked
      .slice(0, 3)
      .map((r) => `${r.articleId} s=${r.score.toFixed(1)} c=${r.coverage.toFixed(2)} t=${r.trust.toFixed(2)}`)
      .join(' | ');
    return { question, ranking: ranked.map((r) => r.articleId), unknown: result.kind === 'unknown', detail };
  });

  // Baseline: minisearch with its default options over whole articles.
  const articles = await loadArticles(args.kb);
  const baselineIndex = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ['title', 'body'] });
  baselineIndex.addAll(articles.map((a) => ({ id: a.id, title: a.title, body: a.body })));
  const baseline: Judged[] = questions.map((question) => {
    const results = baselineIndex.search(question.q);
    return { question, ranking: results.slice(0, 10).map((r) => String(r.id)), unknown: results.length === 0 };
  });

  const output = { ...report(judged), baseline: report(baseline) };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const row = (name: string, f: Figures): string =>
    `${name.padEnd(14)} ${String(f.questions).padStart(4)} ${[f.top1, f.top3, f.mrr, f.answered].map((v) => v.toFixed(3).padStart(7)).join('')} ${
      f.outOfScopeDeclined === null ? '      -' : f.outOfScopeDeclined.toFixed(3).padStart(7)
    }`;
  console.log(`${'run'.padEnd(14)} ${'n'.padStart(4)}${['top1', 'top3', 'mrr', 'answrd'].map((h) => h.padStart(7)).join('')} ${'oosDecl'.padStart(7)}`);
  console.log(row('knowledge', output));
  console.log(row('knowledge en', output.en));
  console.log(row('baseline', output.baseline));
  console.log(row('baseline en', output.baseline.en));
  console.log('\nmisses:');
  for (const j of judged) {
    const expected = j.question.expected_ids;
    const inScope = expected.length > 0;
    const top1Wrong = inScope && !expected.includes(j.ranking[0] ?? '');
    const decisionWrong = inScope ? j.unknown : !j.unknown;
    if (!top1Wrong && !decisionWrong && !args.verbose) continue;
    const marks = [top1Wrong ? 'RANK' : '', decisionWrong ? (inScope ? 'DECLINED' : 'ANSWERED') : ''].filter(Boolean).join('+') || 'ok';
    console.log(`- [${marks}] (${j.question.lang}/${j.question.style ?? '-'}) ${j.question.q}`);
    console.log(`    expected ${expected.join(', ') || '(none)'}; got ${j.detail ?? ''}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
