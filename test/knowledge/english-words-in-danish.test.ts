/**
 * Round 17: an English word in a Danish question that no article writes ("Lønoverblik public salary
 * statistics", "vores dashboard") is read as the glossary translates it, as in an English question —
 * and a word Danish writes too ("job: [job, stilling]") stays the Danish word. Small articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const kb = knowledgeBaseFromArticles([
  article({ id: 'statistik', title: 'Lønstatistik', body: 'Lønoverblik viser statistik over lønnen i staten.' }),
  article({ id: 'stilling', title: 'Stillingsopslag', body: 'Ledige stillinger i staten slås op på en fælles side.' }),
  article({ id: 'rejser', title: 'Rejser', body: 'Rejseafregningen godkendes af lederen.' }),
]);
const stem = (word: string): string => new Analyzer().stemmers.stem(word, 'da');

describe('an English word in a Danish question', () => {
  it('is searched as the glossary translates it ("salary statistics" in a Danish question)', () => {
    const [best] = kb.rank('Lønoverblik public salary statistics', 1);
    expect(best?.articleId).toBe('statistik');
    expect(best?.matchedTerms?.has(stem('statistik'))).toBe(true);
    expect(best?.matchedTerms?.has(stem('løn'))).toBe(true);
  });

  it('does not make a word that Danish writes too into its translation ("job" is not "stilling")', () => {
    const [best] = kb.rank('hvordan søger jeg et job i staten', 3).filter((r) => r.articleId === 'stilling');
    expect(best?.matchedTerms?.has(stem('stilling')) ?? false).toBe(false);
  });

  it('is what it is in an English question too (the same article)', () => {
    expect(kb.rank('public salary statistics', 1)[0]?.articleId).toBe('statistik');
  });
});
