/**
 * Round 28 (rank): the page of one system that holds the answer, over its neighbours. Small articles written for the test after
 * the public pages they stand for; each rule was kept for what it gained over every question set (docs/understanding.md, round 28).
 */
import { describe, expect, it } from 'vitest';
import { countedWords } from '../../knowledge/fact-kinds.js';
import { knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { answeredId as answered, NEIGHBOUR_PAGES, testArticle as article } from '../support/articles.js';

/** Pages of other systems, so that the words of the test's pages weigh as they do among many. */
const others = [NEIGHBOUR_PAGES.faktura, NEIGHBOUR_PAGES.campus, NEIGHBOUR_PAGES.loen];

describe('COUNTED: a period said as every so many of a unit (round 28)', () => {
  it('counts the unit of "hver 89. dag" and "every 90th day" as "89 dage" is counted', () => {
    expect(countedWords('Adgangskoden skal ændres mindst hver 89. dag.', 'da')).toContain('dag');
    expect(countedWords('Rights are reviewed every 6th month.', 'en')).toContain('month');
    expect(countedWords('Kom hver dag.', 'da')).toEqual([]);
  });

  const kb = knowledgeBaseFromArticles([
    ...others,
    article({
      id: 'kode-regler',
      title: 'Ny version af Statens Tidsregistrering: adgangskoderegler',
      system: 'Statens Tidsregistrering',
      body: 'Adgangskoden til tidsregistreringen skal have mindst 12 tegn. Den eksisterende adgangskode gælder, til den udløber; ved glemt adgangskode gælder de nye regler for koden.',
    }),
    article({
      id: 'tid-om',
      title: 'Om Statens Tidsregistrering',
      system: 'Statens Tidsregistrering',
      body: 'Statens Tidsregistrering er systemet til arbejdstid. Koden til systemet gælder for alle moduler, og tidsregistreringen gælder alle ansatte.',
    }),
    article({
      id: 'tid-print',
      title: 'Print fra Statens Tidsregistrering',
      system: 'Statens Tidsregistrering',
      body: 'Printet af tidsregistreringen viser hvilken kode der har udskrevet det, og hvad der gælder for perioden.',
    }),
    article({
      id: 'tid-brugere',
      title: 'Brugerstyring i Statens Tidsregistrering',
      system: 'Statens Tidsregistrering',
      body: 'Brugeradministratoren opretter brugere. Medarbejderen skifter førstegangskoden til sin egen adgangskode, som skal ændres mindst hver 89. dag. Det gælder alle brugere.',
    }),
  ]);

  it('answers "hvor mange dage gælder koden" from the page that counts the days, ranked behind pages that only say the words', () => {
    expect(answered(kb.answer('hvor mange dage gælder min kode til tidsregistreringen'))).toBe('tid-brugere');
  });
});

describe('WITHOUT: another system than the one named, asked in English (round 28)', () => {
  const kb = knowledgeBaseFromArticles([
    ...others,
    article({
      id: 'dvh-om',
      title: 'Business Intelligence med datavarehuset',
      system: 'Datavarehuset',
      body: 'Datavarehuset er et system, der samler data fra løn og økonomi. Som udgangspunkt er det sat op med data fra SLS og Navision Stat, og økonomidata fra Navision opdateres hver nat. Datavarehuset kan bruges af alle institutioner til rapportering med Navision-data.',
    }),
    article({
      id: 'dvh-maalgruppe',
      title: 'Datavarehuset – målgruppe',
      system: 'Datavarehuset',
      body: 'Institutioner med et andet økonomisystem end Navision Stat kan kun bruge datavarehuset til rapportering på lønnen og skal selv anskaffe server og licenser.',
    }),
  ]);

  it('reads "another finance system than Navision" as being without Navision', () => {
    expect(answered(kb.answer('we have another finance system than Navision, can we use the data warehouse'))).toBe('dvh-maalgruppe');
  });
});

describe('ACQUIRED: how the institution gets a system (round 28)', () => {
  const kb = knowledgeBaseFromArticles([
    ...others,
    article({
      id: 'tid-generelt',
      title: 'Generelt om Statens Tidsregistrering',
      system: 'Statens Tidsregistrering',
      body: 'Statens Tidsregistrering samler institutionens arbejdstid og fravær i ét system. Statens Tidsregistrering blev rullet ud til institutionerne i 2017, og Statens Tidsregistrering bruges nu af de fleste institutioner.',
    }),
    article({
      id: 'tid-krav',
      title: 'Statens Tidsregistrering – krav til anvendelse',
      system: 'Statens Tidsregistrering',
      body: 'Statens Tidsregistrering skal bruges af statsinstitutioner, mens det er frivilligt for selvejende institutioner.',
    }),
    article({
      id: 'tid-sam',
      title: 'Statens Tidsregistrering (Statens Administration)',
      system: 'Statens Tidsregistrering',
      body: 'Statens Tidsregistrering standardiserer opgaverne for statslige institutioner, og registreringerne godkendes af nærmeste leder. Hvordan får man Statens Tidsregistrering? Kontakt implementeringsteamet via Serviceportalen.',
    }),
  ]);

  it('answers "hvordan kommer vi i gang med X" where a sentence says how one gets X', () => {
    expect(answered(kb.answer('hvordan kommer vi i gang med statens tidsregistrering som institution'))).toBe('tid-sam');
  });

  it('answers "how does our institution get X" the same way', () => {
    expect(answered(kb.answer('how does our institution get Statens Tidsregistrering'))).toBe('tid-sam');
  });
});

describe('English words for the articles\' own (round 28)', () => {
  const kb = knowledgeBaseFromArticles([
    ...others,
    article({
      id: 'systemkrav',
      title: 'Statsinstitutioners systemanvendelse',
      system: 'Navision Stat',
      body: 'Statslige institutioner skal bruge de økonomisystemer, som styrelsen stiller til rådighed. Statslige institutioner skal også bruge de lønsystemer, styrelsen stiller til rådighed.',
    }),
    article({
      id: 'implementering',
      title: 'Implementering af økonomisystemet',
      system: 'Navision Stat',
      body: 'Vil en statslig institution have økonomisystemet, kontakter den styrelsens implementeringsteam. Systemet udbydes til en fordelagtig pris.',
    }),
    article({
      id: 'seddel-faq',
      title: 'Lønseddel – ofte stillede spørgsmål',
      system: 'SLS',
      body: 'Efterreguleringer (udbetalinger for en tidligere periode) står under Lønoplysninger på lønsedlen.',
    }),
    article({
      id: 'seddel-guide',
      title: 'Løndele på lønsedlen',
      system: 'SLS',
      body: 'Løndele vises på lønsedlen med kode og tekst. Ydelsesløndele udbetaler ydelsen automatisk.',
    }),
  ]);

  it('reads "provide" as the articles\' "stille til rådighed"', () => {
    expect(answered(kb.answer('does a state institution have to use the financial systems the agency provides'))).toBe('systemkrav');
  });

  it('reads "back payments" as "back pay" is read: efterreguleringer', () => {
    expect(answered(kb.answer('where do back payments appear on the payslip'))).toBe('seddel-faq');
  });
});
