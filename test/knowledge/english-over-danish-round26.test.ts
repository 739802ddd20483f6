/**
 * Round 26 of issue 12 (en): English questions over Danish articles, as a state employee who reads no Danish types
 * them — naming the Danish products and terms ("HR-Løn", "refusion"), numbers as digits ("the 1st and 2nd payroll
 * run", "2 factor"), English typos with two letters swapped ("reciept"). Small articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { detectLanguage } from '../../knowledge/analysis/language.js';
import { knowledgeBaseFromArticles, type AnswerResult } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const analyzer = new Analyzer();

function outcome(result: AnswerResult): string | string[] {
  if (result.kind === 'answered') return result.article.id;
  if (result.kind === 'ambiguous') return result.candidates.map((candidate) => candidate.article.id);
  return result.reason;
}

const kb = knowledgeBaseFromArticles([
  article({
    id: 'hvad-er-sls',
    title: 'Hvad er Statens Lønløsning (SLS og HR-Løn)?',
    body: 'Der er flere veje til at indberette til lønsystemet: HR-Løn er en brugergrænseflade målrettet HR- og personalemedarbejdere, SLS en brugergrænseflade målrettet lønmedarbejdere.',
  }),
  article({
    id: 'begreber',
    title: 'System- og begrebsoversigt for lønkunder',
    body: 'Forskellen på 1. og 2. lønkørsel: hver måned er der to lønkørsler. 1. lønkørsel er primært til timelønnede og reguleringer bagud; 2. lønkørsel er primært til den faste månedsløn.',
  }),
  article({
    id: 'to-faktor',
    title: 'Brugervejledninger til RejsUd – to-faktorgodkendelse',
    body: 'Sådan opsætter man login med to-faktorgodkendelse i RejsUd til rejseafregninger: appen hentes på brugerens smartphone.',
  }),
  article({
    id: 'rejsud-tips',
    title: 'Tips og tricks til RejsUd',
    body: 'Fraværsassistent: man kan opsætte en fraværsassistent på sin egen bruger i RejsUd via Rediger min profil.',
  }),
  article({
    id: 'servicedesk',
    title: 'Servicebeskrivelse: Servicedesk',
    body: 'Henvendelser sendes via Serviceportalen, og kunden får en kvittering for modtagelsen. Kunden kan følge sagens status.',
  }),
  article({
    id: 'hr-sag',
    title: 'Statens HR og HR-sag',
    body: 'HR-sag er et elektronisk blanketsystem, hvor kunden opretter en serviceanmodning. Når SAM har sat sagen til løst, får kunden besked.',
  }),
  article({
    id: 'refusionsfrister',
    title: 'Ansøgningsfrister for refusion',
    body: 'Siden viser vigtige frister for at søge refusion ved sygdom, fleksjob og barsel. Sygdom anmeldes løbende inden for 4 uger til kommunen.',
  }),
  article({
    id: 'lønkalender',
    title: 'Lønkalender – afleveringsfrister',
    body: 'Lønkalenderen viser afleveringsfrister: blanketter skal indsendes senest 5 dage før lønkørslen. Afvist af adgangskontrollen betyder, at lønkørslen er i gang.',
  }),
]);

describe('the language of a question that names Danish products', () => {
  it('does not take a name\'s Danish letters for Danish ("HR-Løn", "Statens Indkøb", "ØDUP")', () => {
    expect(detectLanguage('difference between HR-Løn and SLS?')).toBe('en');
    expect(detectLanguage('what is the phone number of Statens Indkøb')).toBe('en');
    expect(detectLanguage('what replaced ØDUP')).toBe('en');
  });

  it('still counts the letters of a word written as words are', () => {
    expect(detectLanguage('lønseddel mangler')).toBe('da');
    expect(detectLanguage('Lønsedlen er forkert')).toBe('da');
    expect(detectLanguage('SLS løn')).toBe('da');
  });

  it('answers the English question with the Danish article on the two products', () => {
    expect(outcome(kb.answer('difference between HR-Løn and SLS?'))).toBe('hvad-er-sls');
  });
});

describe('numbers written as digits in English', () => {
  it('reads an ordinal ("1st", "2nd") as its number, not as the name of a product the articles lack', () => {
    const analysis = analyzer.analyzeQuery('whats the difference between the 1st and 2nd payroll run every month?', new Vocabulary(), 'en');
    expect(analysis.concepts.map((concept) => concept.surface)).not.toContain('1st');
    expect(outcome(kb.answer('whats the difference between the 1st and 2nd payroll run every month?'))).toBe('begreber');
  });

  it('reads a digit as the word a glossary phrase writes ("2 factor" is "two factor")', () => {
    const analysis = analyzer.analyzeQuery('how do i set up 2 factor login for my travel expenses', new Vocabulary(), 'en');
    const factor = analysis.concepts.findIndex((concept) => concept.surface === 'factor');
    expect(analysis.terms.filter((term) => term.concept === factor && term.kind === 'glossary').map((term) => term.term)).toContain('to-faktorgodkendelse');
    expect(outcome(kb.answer('how do i set up 2 factor login for my travel expenses'))).toBe('to-faktor');
  });
});

describe('English typos with two neighbouring letters swapped', () => {
  it('reads "reciept" as the glossary\'s "receipt"', () => {
    expect(analyzer.closestGlossaryWord('reciept')).toBe('receipt');
    expect(outcome(kb.answer('do i get a reciept when i send in a case?'))).toBe('servicedesk');
  });
});

describe('the articles\' Danish word in an English question', () => {
  it('is the Danish word, not the English word its stem meets in the glossary ("refusion" is no "refused")', () => {
    expect(outcome(kb.answer('deadlines for refusion'))).toBe('refusionsfrister');
  });

  it('leaves an English form of a glossary word English ("reporting", "handling", "fired", "management")', () => {
    const vocabulary = vocabularyOf(['refusion', 'reporting', 'handling', 'fired', 'management']);
    expect(analyzer.articlesWordByStem('refusion', vocabulary)).toBe(true);
    for (const word of ['reporting', 'handling', 'fired', 'management']) expect(analyzer.articlesWordByStem(word, vocabulary), word).toBe(false);
  });
});

function vocabularyOf(surfaces: readonly string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  vocabulary.addArticle(surfaces.map((word) => analyzer.stemmers.stem(word, 'da')), surfaces);
  return vocabulary;
}
