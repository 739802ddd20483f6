// Diagnostics: how a question is analysed and ranked.  tsx scripts/kb-debug.ts --kb <src> "question" …
import { Analyzer } from '../knowledge/analysis/analyzer.js';
import { createKnowledgeBase } from '../knowledge/index.js';

const args = process.argv.slice(2);
const sources: string[] = [];
const questions: string[] = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--kb') sources.push(args[++i] ?? '');
  else questions.push(args[i] ?? '');
}
const analyzer = new Analyzer();
const kb = await createKnowledgeBase({ sources, analyzer });
for (const question of questions) {
  const ranked = kb.rank(question, 5);
  console.log(`\n# ${question}`);
  const result = kb.answer(question);
  console.log(`  -> ${result.kind}${result.kind === 'answered' ? ` ${result.article.id} (${result.score.toFixed(2)})` : result.kind === 'ambiguous' ? ` ${result.candidates.map((c) => c.article.id).join(', ')}` : ` ${result.reason}`}`);
  for (const r of ranked) console.log(`  ${r.articleId.padEnd(40)} s=${r.score.toFixed(1).padStart(6)} c=${r.coverage.toFixed(2)} ${r.bestPassageId}`);
}
