/**
 * A knowledge base loaded from its snapshot (the start-up cache) answers exactly as the one just
 * built. Compounds are split into the corpus's words of their own in both: once the index is built,
 * the terms found only inside compounds ("regn", "skab") must not make a question's compound split
 * differently ("årsregnskabet" → års + regn + skab instead of års + regnskab) when loaded than when
 * just built, nor a word of the corpus differently from a word first seen in a question.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, knowledgeBaseFromSnapshot, type KnowledgeBase } from '../../knowledge/index.js';
import { loadArticles } from '../../knowledge/loader.js';

// The shipped articles: enough compounds for the corpus to have terms found only inside them.
const CORPUS = 'knowledge/articles';
let built: KnowledgeBase;
let loaded: KnowledgeBase;
let longWords: string[];

beforeAll(async () => {
  built = await createKnowledgeBase({ sources: [CORPUS] });
  loaded = knowledgeBaseFromSnapshot(JSON.parse(JSON.stringify(built.snapshot())));
  const articles = await loadArticles([CORPUS]);
  const words = new Set<string>();
  for (const article of articles) {
    for (const word of `${article.title} ${article.body}`.toLowerCase().split(/[^\p{L}]+/u)) if (word.length >= 8) words.add(word);
  }
  longWords = [...words].sort();
});

describe('a knowledge base loaded from its snapshot', () => {
  it('ranks every long word of the corpus as the one just built', () => {
    expect(longWords.length).toBeGreaterThan(500);
    const differs = longWords.filter((word) => JSON.stringify(loaded.rank(word, 5)) !== JSON.stringify(built.rank(word, 5)));
    expect(differs).toEqual([]);
  });

  it('ranks compounds first seen in a question as the one just built', () => {
    // Compounds of the corpus's words that the corpus itself does not have.
    const novel = longWords.slice(0, 40).map((word, i) => `${longWords[(i * 7) % longWords.length]?.slice(0, 5) ?? ''}${word}`);
    const differs = novel.filter((word) => JSON.stringify(loaded.rank(word, 5)) !== JSON.stringify(built.rank(word, 5)));
    expect(differs).toEqual([]);
  });
});
