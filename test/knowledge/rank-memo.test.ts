import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../knowledge/analysis/analyzer.js';
import { Answerer } from '../../knowledge/answerer.js';
import { loadArticles } from '../../knowledge/loader.js';
import { PassageIndex } from '../../knowledge/search-index.js';

const CORPUS = 'test/fixtures/knowledge/corpus';
let analyzer: Analyzer;
let index: PassageIndex;

beforeAll(async () => {
  analyzer = new Analyzer();
  index = PassageIndex.build(await loadArticles([CORPUS]), analyzer);
});

/** An answerer on the shared index whose article searches are counted. */
function countingAnswerer(): { answerer: Answerer; searches: () => number } {
  let searches = 0;
  const counted = Object.create(index) as PassageIndex;
  counted.searchArticles = (weights, limit) => {
    searches++;
    return index.searchArticles(weights, limit);
  };
  return { answerer: new Answerer(analyzer, counted), searches: () => searches };
}

const QUESTION = 'Rapporten i ØS Indsigt viser ingen data for marts';

describe('Answerer.rankArticles after an answer to the same question (a case description: answered, then ranked for the deflection rule)', () => {
  it('searches once, and ranks as a fresh answerer does', () => {
    const { answerer, searches } = countingAnswerer();
    answerer.answer(QUESTION, { locale: 'da' });
    const ranked = answerer.rankArticles(QUESTION, 2).ranked;
    expect(searches()).toBe(1);
    expect(ranked).toEqual(new Answerer(analyzer, index).rankArticles(QUESTION, 2).ranked);
    expect(ranked.length).toBeLessThanOrEqual(2);
    expect(answerer.rankArticles(QUESTION, 10).ranked).toEqual(new Answerer(analyzer, index).rankArticles(QUESTION, 10).ranked);
    expect(searches()).toBe(1);
  });

  it("keeps the ranking while other turns rank their own questions in between (turns in flight at once)", () => {
    const { answerer, searches } = countingAnswerer();
    answerer.answer(QUESTION, { locale: 'da' });
    for (let i = 0; i < 20; i++) answerer.answer(`${QUESTION} ${i}`, { locale: 'da' });
    expect(searches()).toBe(21);
    expect(answerer.rankArticles(QUESTION, 2).ranked).toEqual(new Answerer(analyzer, index).rankArticles(QUESTION, 2).ranked);
    expect(searches()).toBe(21);
  });

  it('searches again for more articles than a search returns, and for a question ranked long ago', () => {
    const { answerer, searches } = countingAnswerer();
    answerer.rankArticles(QUESTION, 2);
    const many = answerer.rankArticles(QUESTION, 50).ranked;
    expect(searches()).toBe(2);
    expect(many).toEqual(new Answerer(analyzer, index).rankArticles(QUESTION, 50).ranked);
    for (let i = 0; i < 100; i++) answerer.rankArticles(`${QUESTION} ${i}`, 2);
    expect(searches()).toBe(102);
    answerer.rankArticles(QUESTION, 2);
    expect(searches()).toBe(103);
  });

  it('gives each caller its own copies: changing one ranking leaves the next alone', () => {
    const { answerer } = countingAnswerer();
    const first = answerer.rankArticles(QUESTION, 2).ranked;
    expect(first.length).toBeGreaterThan(0);
    const top = first[0]!;
    const original = { ...top };
    (top as { score: number }).score = -1;
    first.pop();
    expect(answerer.rankArticles(QUESTION, 2).ranked[0]).toEqual(original);
  });
});
