/**
 * Round 21: fixed phrases staff use for an article's term, read through the particle verbs
 * (knowledge/analysis/data/particles.da.yaml): "komme i gang" (get started) is the articles'
 * implementation. Small articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const kb = knowledgeBaseFromArticles([
  article({
    id: 'start',
    title: 'Kom godt i gang med fakturasystemet',
    body: 'Implementeringen for den enkelte institution forløber typisk over 4 uger med et opstartsmøde og to workshops.',
  }),
  article({
    id: 'tips',
    title: 'Tips til fakturasystemet',
    body: 'Vælg gerne et andet tidspunkt for varsling end kl. 8. En ny bruger ses i fakturadelen dagen efter.',
  }),
]);
const stem = (word: string): string => new Analyzer().stemmers.stem(word, 'da');

describe('getting started ("komme i gang") read as implementation (round 21)', () => {
  it('answers how long it takes to get started with the article on implementation', () => {
    const [first, second] = kb.rank('hvor lang tid tager det at komme i gang med fakturasystemet?', 2);
    expect(first?.articleId).toBe('start');
    expect(first?.matchedTerms?.has(stem('implementering'))).toBe(true);
    expect(second?.articleId).toBe('tips');
    expect(first?.coverage ?? 0).toBeGreaterThan(second?.coverage ?? 1);
  });

  it('reads the phrase written as one word ("igang") too', () => {
    const [first] = kb.rank('hvordan kommer vi igang med fakturasystemet', 1);
    expect(first?.articleId).toBe('start');
    expect(first?.matchedTerms?.has(stem('implementering'))).toBe(true);
  });

  it('does not read "komme" without the phrase as implementation', () => {
    const ranked = kb.rank('hvornår kommer en ny bruger over i fakturadelen', 2);
    expect(ranked.find((r) => r.articleId === 'start')?.matchedTerms?.has(stem('implementering')) ?? false).toBe(false);
  });
});
