/**
 * Round 17: an English word in a Danish question that no article writes ("Lønoverblik public salary
 * statistics", "vores dashboard") is read as the glossary translates it, as in an English question, when there are two of them at least —
 * and a word Danish writes too ("job: [job, stilling]") stays the Danish word. Small articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { testArticle as article } from '../support/articles.js';

const kb = knowledgeBaseFromArticles([
  article({ id: 'statistik', title: 'Lønstatistik', body: 'Lønoverblik viser statistik over lønnen i staten.' }),
  article({ id: 'stilling', title: 'Stillingsopslag', body: 'Ledige stillinger i staten slås op på en fælles side.' }),
  article({ id: 'rejser', title: 'Rejser', body: 'Rejseafregningen godkendes af lederen.' }),
  article({ id: 'udstyr', title: 'Udstyr', body: 'Hardware bestilles gennem indkøb.' }),
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

  it('leaves one English word alone: as often a Danish loanword the articles lack ("min computer")', () => {
    const analyzer = new Analyzer();
    const vocabulary = Vocabulary.fromCounts(3, ['statistik', 'løn', 'udstyr', 'start'].map((word) => [analyzer.stemmers.stem(word, 'da'), 1]), ['statistik', 'løn', 'udstyr', 'start']);
    const glossaryTerms = (question: string): string[] => analyzer.analyzeQuery(question, vocabulary, 'da').terms.filter((term) => term.kind === 'glossary').map((term) => term.term);
    expect(glossaryTerms('min computer vil ikke starte')).toEqual([]);
    expect(glossaryTerms('public salary statistics')).toContain(stem('løn'));
  });

  it('is what it is in an English question too (the same article)', () => {
    expect(kb.rank('public salary statistics', 1)[0]?.articleId).toBe('statistik');
  });
});
