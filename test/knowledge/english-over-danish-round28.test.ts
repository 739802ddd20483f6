/**
 * Round 28 of issue 12 (en): English questions over Danish articles — a system named keeps the choice among its pages,
 * and everyday English words the glossary lacked. Small articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { knowledgeBaseFromArticles, type AnswerResult } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

function outcome(result: AnswerResult): string | string[] {
  if (result.kind === 'answered') return result.article.id;
  if (result.kind === 'ambiguous') return result.candidates.map((candidate) => candidate.article.id);
  return result.reason;
}

describe('a system named keeps the choice among its pages (NAMED_SYSTEM)', () => {
  const kb = knowledgeBaseFromArticles([
    article({
      id: 'sls-adgangskode',
      title: 'Ny version af SLS/HR-Løn: adgangskoderegler',
      system: 'SLS/HR-Løn/BSL',
      body: 'Har man glemt sin adgangskode til SLS/HR-Løn, nulstilles den, og de nye regler gælder: mindst 12 tegn.',
    }),
    article({
      id: 'navision-password',
      title: 'Nulstilling af systembruger-password i Navision Stat',
      system: 'Navision Stat',
      body: 'Moderniseringsstyrelsen nulstillede alle passwords i Navision Stat for alle almindelige brugere og alle systembrugere.',
    }),
    article({
      id: 'loenkalender',
      title: 'Lønkalender',
      system: 'Løn og Refusion',
      body: 'Lønkalenderen viser afleveringsfrister og lønkørsler.',
    }),
  ]);

  it('answers from the named system\'s page, in English and in Danish', () => {
    expect(outcome(kb.answer('how do I reset my password in SLS?'))).toBe('sls-adgangskode');
    expect(outcome(kb.answer('how do I reset my password in Navision Stat?'))).toBe('navision-password');
  });
});

describe('everyday English of questions over the Danish articles (round 28)', () => {
  const analyzer = new Analyzer();
  const glossaryTerms = (question: string, word: string): string[] => {
    const analysis = analyzer.analyzeQuery(question, new Vocabulary(), 'en');
    const concept = analysis.concepts.findIndex((candidate) => candidate.surface === word);
    return analysis.terms.filter((term) => term.concept === concept && term.kind === 'glossary').map((term) => term.term);
  };
  const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');

  it('reads a goal as formål, flex and mass as the first word of the Danish compound, and the help menu', () => {
    expect(glossaryTerms('what is the goal of Statens HR', 'goal')).toContain(stem('formål'));
    expect(glossaryTerms('where is the flex reimbursement paid to', 'flex reimbursement')).toContain(stem('fleksrefusion'));
    expect(glossaryTerms('can I make my own spreadsheet for mass reporting', 'mass reporting')).toContain(stem('masseindberetning'));
    expect(glossaryTerms('how do I open the help menu in IndFak', 'help menu')).toContain(stem('hjælpemenu'));
  });

  it('reads getting into a system as access, A-income and the Faroese', () => {
    expect(glossaryTerms('why cant I get into HR-Løn', 'get into')).toContain(stem('adgang'));
    expect(glossaryTerms('is A-income counted when it is paid', 'a-income')).toContain(stem('a-indkomst'));
    expect(glossaryTerms('faroese tax who to contact', 'faroese')).toContain(stem('færøsk'));
  });

  it('reads what an abbreviation stands for as what it means, a light word, and drops inside', () => {
    expect(glossaryTerms('what does FLP stand for', 'stand')).toContain(stem('betyde'));
    expect(analyzer.lightWords.en.has('stand')).toBe(true);
    expect(analyzer.stemmers.isStopword('inside', 'en')).toBe(true);
  });
});
