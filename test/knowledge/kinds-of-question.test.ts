/**
 * Kinds of question the knowledge base must tell apart (issue 12, items 7–8), on a few small
 * articles written for the test: what a question names that the articles never mention, a
 * country for "udenlandsk", and English words whose letters spell another Danish word.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { knowledgeBaseFromArticles, type AnswerResult } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const kb = knowledgeBaseFromArticles([
  article({
    id: 'opret-sag',
    title: 'Opret en sag i Serviceportalen',
    body: 'Du opretter en sag i Serviceportalen ved at vælge området og udfylde formularen. Sagen får et sagsnummer, og du kan følge dens status.',
  }),
  article({
    id: 'udenlandsk-konto',
    title: 'Løn til en udenlandsk bankkonto',
    body: 'Lønnen kan udbetales til en udenlandsk bankkonto, når medarbejderen har registreret en udenlandsk adresse. Beløbet omregnes til udenlandsk valuta i banken.',
  }),
  article({
    id: 'timeloen',
    title: 'Timelønnede',
    body: 'Timer til timelønnede indberettes senest den 12. i måneden. Timerne udbetales ved næste lønkørsel.',
  }),
  article({
    id: 'kundeportal',
    title: 'Kundeportalen',
    body: 'Kundeportalen giver kunderne adgang til kundeaftaler og mødedokumenter. En kunde kan få administratoradgang ved at skrive til os.',
  }),
  article({
    id: 'startside',
    title: 'Startsiden',
    body: 'Du kan tilpasse startsiden og vælge, hvilke køer der vises.',
  }),
  article({
    id: 'arbejdstid',
    title: 'Årsværk i fleksjobordningen',
    body: 'Arbejdstidsbrøken beregnes ved at dividere det ugentlige timetal med 37. Et årsværk er 1924 timer.',
  }),
  article({
    id: 'arbejdsgiveradresse',
    title: 'Arbejdsgiverens adresse på lønsedlen',
    body: 'Arbejdsgiverens navn og adresse hentes fra Virk.dk før lønkørslen. Se også lønstatistikken på www.loenoverblik.dk.',
  }),
]);

const answeredWith = (result: AnswerResult): string | undefined => (result.kind === 'answered' ? result.article.id : undefined);

describe('a question that names something the articles never mention', () => {
  it('is declined, however well its other words match', () => {
    for (const question of ['hvordan opretter jeg en sag i WorkZone', 'hvordan opretter jeg en sag i F2', 'How do I create a case in ServiceNow?', 'kan jeg oprette en sag i SAP']) {
      const result = kb.answer(question);
      expect(result.kind, question).toBe('unknown');
      expect(result.kind === 'unknown' ? result.reason : undefined, question).toBe('unknown-name');
    }
  });

  it('is answered when the name is one the articles use', () => {
    expect(answeredWith(kb.answer('hvordan opretter jeg en sag i Serviceportalen'))).toBe('opret-sag');
  });

  it('is not declined for a person or a place (only capitalised), or beside a name the articles use', () => {
    for (const question of [
      'hvordan opretter jeg en sag til Mette Hansen i Serviceportalen',
      'Jeg sidder i Aarhus, hvordan opretter jeg en sag i Serviceportalen?',
      'Vi i Odense vil gerne oprette en sag',
      'Mette skal oprette en sag, hvordan',
    ]) {
      expect(answeredWith(kb.answer(question)), question).toBe('opret-sag');
    }
  });

  it('does not take the capital that begins a sentence for a name', () => {
    expect(answeredWith(kb.answer('Hej. Hvordan opretter jeg en sag?'))).toBe('opret-sag');
  });
});

describe('a web address in an article', () => {
  it('is a name: a short label of it is not the stem of an everyday word ("virker" is not Virk.dk)', () => {
    for (const question of ['det virker ikke', 'virker lønsedlen?']) {
      expect(answeredWith(kb.answer(question)), question).not.toBe('arbejdsgiveradresse');
    }
  });

  it('is found by its name, with or without "www.", and by a long label', () => {
    expect(answeredWith(kb.answer('virk.dk'))).toBe('arbejdsgiveradresse');
    expect(answeredWith(kb.answer('loenoverblik.dk'))).toBe('arbejdsgiveradresse');
    expect(answeredWith(kb.answer('hvor henter I adressen fra virk.dk'))).toBe('arbejdsgiveradresse');
  });
});

describe('a country or a nationality', () => {
  it('is read as "udenlandsk" beside what else the question asks', () => {
    for (const question of ['løn til en tysk bank', 'kan vi udbetale til en svensk konto', 'lønnen skal ind på en konto i Spanien']) {
      expect(answeredWith(kb.answer(question)), question).toBe('udenlandsk-konto');
    }
  });

  it('does not make a question about the country itself one about foreign accounts', () => {
    expect(kb.answer('hvad er hovedstaden i Tyskland').kind).toBe('unknown');
    expect(kb.answer('What is the capital of Norway?').kind).toBe('unknown');
  });
});

describe('an English word whose letters spell another Danish word', () => {
  it('counts in a Danish article only through its translation ("time" is not "timer")', () => {
    expect(kb.answer('what time is it').kind).toBe('unknown');
    expect(answeredWith(kb.answer('When are the hours of hourly paid staff reported?'))).toBe('timeloen');
  });

  it('keeps apart glossary words that stem alike ("customer", "customise")', () => {
    expect(answeredWith(kb.answer('How does a customer become administrator of the customer portal?'))).toBe('kundeportal');
    expect(answeredWith(kb.answer('Can I customise my start page?'))).toBe('startside');
  });

  it('weighs a translated phrase once ("working time fraction" is one Danish word)', () => {
    const analyzer = new Analyzer();
    const words = ['arbejdstidsbrøken', 'beregnes', 'timer'];
    const vocabulary = Vocabulary.fromCounts(1, words.map((word) => [analyzer.stemmers.stem(word, 'da'), 1]), words);
    const analysis = analyzer.analyzeQuery('How is the working time fraction calculated?', vocabulary);
    expect(analysis.concepts.map((concept) => concept.surface)).toEqual(['working time fraction', 'calculated']);
  });
});
