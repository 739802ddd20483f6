/**
 * bench:kb — index build time, heap and answer latency for 1k, 10k and 50k generated articles.
 *
 *   npm run bench:kb [-- --sizes 1000,10000 --queries 500]
 *
 * Articles are generated from the words of the public test articles (../shared/data/kb-public),
 * drawn with a Zipf distribution, plus 2 % made-up words so that the vocabulary grows with the
 * corpus as real text does. Queries are 2–7 words: words of a random article's title and body,
 * common words, and now and then a misspelt or unknown word. Latency is that of `answer()`, the
 * call the conversation layer makes per turn. Targets: 10k p99 ≤ 5 ms; 50k build ≤ 10 s and heap
 * ≤ 500 MB.
 */
import os from 'node:os';
import { Analyzer } from '../knowledge/analysis/analyzer.js';
import { knowledgeBaseFromArticles } from '../knowledge/index.js';
import { generateArticles, generateQueries, sampleWords } from './bench/kb-corpus.js';

function args(): { sizes: number[]; queries: number } {
  const argv = process.argv.slice(2);
  let sizes = [1_000, 10_000, 50_000];
  let queries = 500;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--sizes') sizes = (argv[++i] ?? '').split(',').map(Number).filter((n) => n > 0);
    else if (argv[i] === '--queries') queries = Number(argv[++i] ?? queries);
  }
  return { sizes, queries };
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    collect();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const { sizes, queries: queryCount } = args();
const words = sampleWords();
console.log(`bench:kb  node ${process.version}  vocabulary sample ${words.length} words  gc ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'on' : 'off (heap is approximate)'}`);
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs (wall times suffer on a busy machine; cpu times less so)`);
console.log(`${'articles'.padStart(9)} ${'passages'.padStart(9)} ${'build s'.padStart(8)} ${'cpu s'.padStart(7)} ${'heap MB'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'cpu p50'.padStart(8)} ${'cpu p99'.padStart(8)}  answered/ambiguous/unknown`);
for (const size of sizes) {
  const articles = generateArticles(size, words, size);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const kb = knowledgeBaseFromArticles(articles, new Analyzer());
  const buildSeconds = (performance.now() - started) / 1000;
  const buildCpu = process.cpuUsage(cpuStarted);
  const buildCpuSeconds = (buildCpu.user + buildCpu.system) / 1e6;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const questions = generateQueries(articles, words, queryCount, size + 1);
  for (const question of questions.slice(0, 50)) kb.answer(question); // warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const outcomes = { answered: 0, ambiguous: 0, unknown: 0 };
  for (const question of questions) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = kb.answer(question);
    const c1 = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpuTimes.push((c1.user + c1.system) / 1000);
    outcomes[result.kind] += 1;
    if (process.env['KB_SLOW'] && (c1.user + c1.system) / 1000 > 20) console.error('slow', ((c1.user + c1.system) / 1000).toFixed(1), question);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const passages = kb.passageCount;
  console.log(
    `${String(size).padStart(9)} ${String(passages).padStart(9)} ${buildSeconds.toFixed(2).padStart(8)} ${buildCpuSeconds.toFixed(2).padStart(7)} ${heapMb
      .toFixed(0)
      .padStart(8)} ${percentile(times, 50).toFixed(2).padStart(7)} ${percentile(times, 99).toFixed(2).padStart(7)} ${percentile(cpuTimes, 50)
      .toFixed(2)
      .padStart(8)} ${percentile(cpuTimes, 99).toFixed(2).padStart(8)}  ${outcomes.answered}/${outcomes.ambiguous}/${outcomes.unknown}`,
  );
}
