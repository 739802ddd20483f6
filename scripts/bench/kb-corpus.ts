/**
 * The generated corpus of bench:kb: articles from the words of the public test articles
 * (../shared/data/kb-public), drawn with a Zipf distribution plus 2 % made-up words, and queries
 * of 2–7 words. Deterministic for a given seed, so runs are comparable.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../../knowledge/analysis/tokenizer.js';
import type { Article } from '../../knowledge/article.js';

const SAMPLE = fileURLToPath(new URL('../../../shared/data/kb-public/articles.jsonl', import.meta.url));
const FALLBACK_WORDS =
  'løn regnskab bruger adgang sag formular område institution system faktura rejse refusion pension statistik rapport kursus integration medarbejder frist lønkørsel indberetning'.split(
    ' ',
  );

/** Deterministic PRNG (mulberry32), so runs are comparable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleWords(): string[] {
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

export function generateArticles(count: number, words: readonly string[], seed: number): Article[] {
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

export function generateQueries(articles: readonly Article[], words: readonly string[], count: number, seed: number): string[] {
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

