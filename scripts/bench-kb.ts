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
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../knowledge/analysis/analyzer.js';
import { tokenize } from '../knowledge/analysis/tokenizer.js';
import type { Article } from '../knowledge/article.js';
import { knowledgeBaseFromArticles } from '../knowledge/index.js';

const SAMPLE = fileURLToPath(new URL('../../shared/data/kb-public/articles.jsonl', import.meta.url));
const FALLBACK_WORDS =
  'løn regnskab bruger adgang sag formular område institution system faktura rejse refusion pension statistik rapport kursus integration medarbejder frist lønkørsel indberetning'.split(
    ' ',
  );

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

/** Deterministic PRNG (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleWords(): string[] {
  let text: string;
  try {
    text = readFileSync(SAMPLE, 'utf8');
  } catch {
    return FALLBACK_WORDS;
  }
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { title?: string; body?: string };
    for (const token of tokenize(`${row.title ?? ''} ${row.body ?? ''}`)) {
      if (token.isPart) continue;
      counts.set(token.text, (counts.get(token.text) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
}

function generator(words: readonly string[], rnd: () => number): { word: () => string; madeUp: () => string } {
  // Zipf(s≈1) over the frequency-ranked words via the inverse of the harmonic CDF approximation.
  const n = words.length;
  const word = (): string => {
    const rank = Math.min(n - 1, Math.floor(Math.exp(rnd() * Math.log(n + 1))) - 1);
    return words[Math.max(0, rank)] ?? 'løn';
  };
  const syllables = ['ka', 'lo', 'ren', 'sti', 'mø', 'dal', 'fær', 'vik', 'sen', 'tor', 'ab', 'ul', 'bæk', 'hø', 'ning'];
  const madeUp = (): string => {
    let result = '';
    const parts = 2 + Math.floor(rnd() * 3);
    for (let i = 0; i < parts; i += 1) result += syllables[Math.floor(rnd() * syllables.length)] ?? 'ka';
    return result;
  };
  return { word, madeUp };
}

function generateArticles(count: number, words: readonly string[], seed: number): Article[] {
  const rnd = random(seed);
  const { word, madeUp } = generator(words, rnd);
  const pick = (): string => (rnd() < 0.02 ? madeUp() : word());
  const sentence = (length: number): string => Array.from({ length }, pick).join(' ');
  const articles: Article[] = [];
  for (let i = 0; i < count; i += 1) {
    const paragraphs = Array.from({ length: 2 + Math.floor(rnd() * 4) }, () =>
      Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => `${sentence(8 + Math.floor(rnd() * 10))}.`).join(' '),
    );
    articles.push({
      id: `gen-${i}`,
      title: sentence(3 + Math.floor(rnd() * 5)),
      area: 'oekonomi',
      system: undefined,
      language: 'da',
      keywords: Array.from({ length: Math.floor(rnd() * 4) }, pick),
      relatedForm: undefined,
      url: undefined,
      updated: undefined,
      translationOf: undefined,
      body: paragraphs.join('\n\n'),
      source: `generated:${i}`,
    });
  }
  return articles;
}

function generateQueries(articles: readonly Article[], words: readonly string[], count: number, seed: number): string[] {
  const rnd = random(seed);
  const { word, madeUp } = generator(words, rnd);
  const queries: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const article = articles[Math.floor(rnd() * articles.length)];
    const own = tokenize(`${article?.title ?? ''} ${article?.body.slice(0, 400) ?? ''}`).map((t) => t.text);
    const length = 2 + Math.floor(rnd() * 6);
    const parts: string[] = [];
    for (let k = 0; k < length; k += 1) {
      const roll = rnd();
      if (roll < 0.55) parts.push(own[Math.floor(rnd() * own.length)] ?? word());
      else if (roll < 0.9) parts.push(word());
      else if (roll < 0.95) parts.push(madeUp());
      else {
        // a typo: drop one letter of a real word
        const w = word();
        const at = Math.floor(rnd() * w.length);
        parts.push(w.slice(0, at) + w.slice(at + 1));
      }
    }
    queries.push(parts.join(' '));
  }
  return queries;
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
