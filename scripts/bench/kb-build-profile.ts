/**
 * Builds the passage index over generated articles, for profiling and before/after comparisons:
 *
 *   node --cpu-prof --import tsx scripts/bench/kb-build-profile.ts [size] [repeats]
 *
 * Prints wall and CPU seconds per build. The first build has cold analyser caches (a new Analyzer
 * each time, as bench:kb does).
 */
import { Analyzer } from '../../knowledge/analysis/analyzer.js';
import { PassageIndex } from '../../knowledge/search-index.js';
import { generateArticles, sampleWords } from './kb-corpus.js';

const size = Number(process.argv[2] ?? 50_000);
const repeats = Number(process.argv[3] ?? 1);
const articles = generateArticles(size, sampleWords(), size);
for (let i = 0; i < repeats; i += 1) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const index = PassageIndex.build(articles, new Analyzer());
  const used = process.cpuUsage(cpu);
  console.log(
    `build ${size} articles, ${index.passageCount} passages: wall ${((performance.now() - started) / 1000).toFixed(2)} s, cpu ${((used.user + used.system) / 1e6).toFixed(2)} s`,
  );
}
