// Diagnostics: the analysed terms of a question.  tsx scripts/kb-analyze.ts --kb <src> "question" …
import { Analyzer, Vocabulary } from '../knowledge/analysis/analyzer.js';
import { loadArticles } from '../knowledge/loader.js';
import { PassageIndex } from '../knowledge/search-index.js';

const args = process.argv.slice(2);
const sources: string[] = [];
const questions: string[] = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--kb') sources.push(args[++i] ?? '');
  else questions.push(args[i] ?? '');
}
const analyzer = new Analyzer();
const index = PassageIndex.build(await loadArticles(sources), analyzer);
const vocabulary: Vocabulary = index.vocabulary;
for (const question of questions) {
  const analysis = analyzer.analyzeQuery(question, vocabulary);
  console.log(`\n# ${question} [${analysis.language}]`);
  analysis.concepts.forEach((concept, i) => {
    const terms = analysis.terms.filter((t) => t.concept === i).map((t) => `${t.term}:${t.kind}${vocabulary.has(t.term) ? `(${vocabulary.documentFrequency(t.term)})` : '(-)'}`);
    console.log(`  ${concept.surface.padEnd(22)} idf=${concept.idf.toFixed(2)}  ${terms.join(' ')}`);
  });
}
