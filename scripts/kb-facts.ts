/**
 * kb:facts — how often the answer shows the fact a question asks for.
 *
 *   npm run --silent kb:facts -- --kb <dir-or-jsonl> [--kb …] --questions <jsonl> [--questions …] [--json]
 *
 * Questions: one JSON object a line, {q, fact, expected_ids, lang?} (scripts/eval/fact-questions.ts).
 */
import { createKnowledgeBase } from '../knowledge/index.js';
import { factShare, judgeFact, readFactQuestions } from './eval/fact-questions.js';

async function main(): Promise<void> {
  process.stdout.on('error', () => undefined);
  const argv = process.argv.slice(2);
  const kbs: string[] = [];
  const files: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--kb' && argv[i + 1]) kbs.push(argv[(i += 1)] as string);
    else if (argv[i] === '--questions' && argv[i + 1]) files.push(argv[(i += 1)] as string);
    else if (argv[i] === '--json') json = true;
    else throw new Error(`kb:facts: unknown argument "${argv[i] ?? ''}"; usage: kb:facts --kb <dir-or-jsonl> --questions <jsonl> [--json]`);
  }
  if (kbs.length === 0 || files.length === 0) throw new Error('kb:facts: give --kb and --questions');
  const kb = await createKnowledgeBase({ sources: kbs });
  const report = [];
  for (const file of files) {
    const outcomes = (await readFactQuestions(file)).map((question) => judgeFact(kb, question));
    const shown = outcomes.filter((outcome) => outcome.shown).length;
    report.push({ file, questions: outcomes.length, shown, share: Number(factShare(outcomes).toFixed(3)), misses: outcomes.filter((o) => !o.shown).map((o) => ({ q: o.question.q, fact: o.question.fact, expected: o.question.expected_ids, got: o.got })) });
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  for (const entry of report) {
    console.log(`${entry.file}: fact shown in ${entry.shown} of ${entry.questions} (${entry.share.toFixed(3)})`);
    for (const miss of entry.misses) console.log(`  - ${miss.q}\n      fact "${miss.fact}", expected ${miss.expected.join(', ')}; got ${miss.got}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
