/**
 * kb:eval — measures retrieval and the answer/unknown decision on a questions file.
 *
 *   npm run --silent kb:eval -- --kb <dir-or-jsonl> [--kb …] --questions <jsonl> [--json] [--verbose]
 *
 * Questions: one JSON object a line, {q, expected_ids, style?, lang?, category?}; `expected_ids: []`
 * means no article answers the question. With --json exactly one JSON object is printed.
 */
import MiniSearch from 'minisearch';
import { createKnowledgeBase } from '../knowledge/index.js';
import { loadArticles } from '../knowledge/loader.js';
import { FIGURES_HEADER, figuresRow, judgeWithKnowledge, kbReport, type Judged } from './eval/kb-figures.js';
import { parseEvalArgs, readQuestions } from './eval/questions.js';

async function main(): Promise<void> {
  process.stdout.on('error', () => undefined);
  const args = parseEvalArgs(process.argv.slice(2), 'kb:eval');
  const questions = await readQuestions(args.questions, 'kb:eval');

  const kb = await createKnowledgeBase({ sources: args.kb });
  const judged = judgeWithKnowledge(kb, questions);

  // Baseline: minisearch with its default options over whole articles.
  const articles = await loadArticles(args.kb);
  const baselineIndex = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ['title', 'body'] });
  baselineIndex.addAll(articles.map((a) => ({ id: a.id, title: a.title, body: a.body })));
  const baseline: Judged[] = questions.map((question) => {
    const results = baselineIndex.search(question.q);
    return { question, ranking: results.slice(0, 10).map((r) => String(r.id)), unknown: results.length === 0 };
  });

  const output = { ...kbReport(judged), baseline: kbReport(baseline) };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  console.log(FIGURES_HEADER);
  console.log(figuresRow('knowledge', output));
  console.log(figuresRow('knowledge en', output.en));
  console.log(figuresRow('baseline', output.baseline));
  console.log(figuresRow('baseline en', output.baseline.en));
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
