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

describe('everyday English of questions over the Danish articles', () => {
  const everyday = knowledgeBaseFromArticles([
    article({
      id: 'servicedesk',
      title: 'Servicebeskrivelse: Servicedesk',
      body: 'First level-systemsupport er den første, umiddelbare support til kunden i brugen af systemerne. Når man opretter en sag, skal man vedlægge relevante oplysninger, så sagen kan behandles.',
    }),
    article({
      id: 'hr-sag',
      title: 'Statens HR og HR-sag',
      body: 'Serviceanmodninger, der modtages før kl. 12.00 på en arbejdsdag, behandles samme dag. Kunden opretter en serviceanmodning med lønnummer.',
    }),
    article({
      id: 'rejsud-sikkerhed',
      title: 'Sikkerhedsinstrukser til RejsUd',
      body: 'Institutionen skal være forberedt på driftsstop, hvor rejser og udlæg ikke kan afregnes i RejsUd.',
    }),
    article({
      id: 'rejsud-generelt',
      title: 'Generelt om RejsUd',
      body: 'Rejseafregninger oprettes i RejsUd, og time- og dagpenge beregnes ud fra rejsetid og måltider.',
    }),
    article({
      id: 'kørselsplaner',
      title: 'Kørselsplaner for Statens Lønløsning',
      body: 'Økonomistyrelsen udarbejder kørselsplaner for et år ad gangen. Næste års kørselsplan lanceres typisk i begyndelsen af november.',
    }),
    article({
      id: 'lønkalender',
      title: 'Lønkalender',
      body: 'Lønkalenderen viser afleveringsfrister og datoer for lønkørsler, som skifter fra måned til måned.',
    }),
    article({
      id: 'statens-hr',
      title: 'FAQ om Statens HR',
      body: 'Økonomistyrelsen er systemejer. Statens HR bygger på et cloudbaseret HCM-system.',
    }),
    article({
      id: 'indfak-tips',
      title: 'Tips og tricks til IndFak',
      body: 'Bruger kommer ikke over i fakturadelen: ofte mangler BrugerId et @, som skal til for at blive synkroniseret til fakturadelen.',
    }),
    article({
      id: 'statens-it-faktura',
      title: 'Fakturering til Statens It via IndFak',
      body: 'Leverandører kan kun fakturere Statens It med elektronisk faktura i IndFak.',
    }),
  ]);

  it('reads the sense of a word the articles use: "include" information in a case is vedlægge, a request "handled" behandlet', () => {
    const glossaryTerms = (question: string, word: string): string[] => {
      const analysis = analyzer.analyzeQuery(question, new Vocabulary(), 'en');
      const concept = analysis.concepts.findIndex((candidate) => candidate.surface === word);
      return analysis.terms.filter((term) => term.concept === concept && term.kind === 'glossary').map((term) => term.term);
    };
    expect(glossaryTerms('what information should I include when I create a case?', 'include')).toContain(analyzer.stemmers.stem('vedlægge', 'da'));
    expect(glossaryTerms('is my request handled the same day?', 'handled')).toContain(analyzer.stemmers.stem('behandle', 'da'));
    expect(outcome(everyday.answer('what information should I include when I create a case?'))).toBe('servicedesk');
  });

  it('reads the service desk\'s own English term, a system that is down, and noon', () => {
    expect(outcome(everyday.answer('what is first level support'))).toBe('servicedesk');
    expect(outcome(everyday.answer('what do we do if RejsUd is down and people cannot submit travel claims'))).toBe('rejsud-sikkerhed');
    expect(outcome(everyday.answer('if I send a service request before noon, is it handled the same day?'))).toBe('hr-sag');
  });

  it('reads the run schedule, the owner of a system and the invoice part of IndFak', () => {
    expect(outcome(everyday.answer("when does next year's run schedule come out"))).toBe('kørselsplaner');
    expect(outcome(everyday.answer('who owns the Statens HR system'))).toBe('statens-hr');
    expect(outcome(everyday.answer('a new user doesnt show up in the invoice part of indfak'))).toBe('indfak-tips');
  });

  it('drops nobody and whole as Danish drops ingen and hele', () => {
    for (const word of ['nobody', 'whole']) expect(analyzer.stemmers.isStopword(word, 'en'), word).toBe(true);
  });
});
