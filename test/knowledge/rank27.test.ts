/**
 * Round 27 (rank): the page of one system that holds the answer, over its neighbours. Small articles written for the test after
 * the public pages they stand for; each rule was kept for what it gained over every question set (docs/understanding.md, round 27).
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { knowledgeBaseFromArticles } from '../../knowledge/index.js';
import { answeredId as answered, NEIGHBOUR_PAGES, testArticle as article } from '../support/articles.js';

/** Pages of other systems, so that the words of the test's pages weigh as they do among many. */
const others = [NEIGHBOUR_PAGES.rejser, NEIGHBOUR_PAGES.navision, NEIGHBOUR_PAGES.campus, NEIGHBOUR_PAGES.loen];

describe('AGENT: who does it, asked as which doer and named by the noun of the act (round 27)', () => {
  const kb = knowledgeBaseFromArticles([
    ...others,
    article({
      id: 'tid-om',
      title: 'Om Statens Tidsregistrering',
      system: 'Statens Tidsregistrering',
      body: 'Statens Tidsregistrering bruges af statens institutioner til arbejdstid og fravær. Systemet leverer fraværsdata til lønsystemet hver nat.',
    }),
    article({
      id: 'tid-faq',
      title: 'Spørgsmål og svar om Statens Tidsregistrering',
      system: 'Statens Tidsregistrering',
      body: [
        'Formålet er at gøre registreringen af arbejdstid ensartet i staten.',
        'Statens Tidsregistrering bygger på en standardløsning, og Nordtid A/S er leverandør.',
        'Statens Tidsregistrering videreudvikles løbende efter ønsker fra brugerne.',
        'Systemejer er Økonomistyrelsen.',
      ].join('\n'),
    }),
    article({
      id: 'flekssaldo',
      title: 'Forsiden i Statens Tidsregistrering',
      system: 'Statens Tidsregistrering',
      body: 'Flekssaldoen vises på forsiden og beregnes ud fra de registrerede timer og normtiden.',
    }),
    article({
      id: 'tid-beregning',
      title: 'Månedens opgørelse i Statens Tidsregistrering',
      system: 'Statens Tidsregistrering',
      body: 'Opgørelsen laves hver måned. Flekssaldoen beregnes af lønkontoret og overføres til lønsedlen.',
    }),
    article({
      id: 'faktura',
      title: 'Fakturering til staten',
      system: 'IndFak',
      body: 'Leverandører kan kun fakturere Statens It med elektronisk faktura. Virksomheden skal angive EAN-nummer. Statens It bruger IndFak til fakturering af tidsregistrering.',
    }),
  ]);

  it('answers "hvem leverer X" by the page whose sentence names X and its "leverandør"', () => {
    expect(answered(kb.answer('hvem leverer statens tidsregistrering'))).toBe('tid-faq');
  });

  it('reads "hvilket firma leverer X" as "hvem leverer X", the firm no word to lack', () => {
    expect(answered(kb.answer('hvilket firma leverer statens tidsregistrering'))).toBe('tid-faq');
  });

  it('reads "hvilken enhed beregner X" as "hvem beregner X" (the doer after "af")', () => {
    expect(answered(kb.answer('hvilken enhed beregner flekssaldoen i statens tidsregistrering'))).toBe('tid-beregning');
  });
});

describe('the act as the articles name it: a verb asked, its noun written (round 27)', () => {
  const kb = knowledgeBaseFromArticles([
    ...others,
    article({
      id: 'kontrol',
      title: 'Kontrol fra bestilling til betaling',
      system: 'Tværgående',
      body: [
        'Ledelsen har ansvaret for, at brugerne kun har de adgange, de skal bruge i jobbet.',
        'Systemnær kontrol: Danske Bank – udsøgning og spærring af betalinger. NemKonto – rolleprofiler.',
      ].join('\n'),
    }),
    article({
      id: 'betalinger',
      title: 'Betalinger fra lønsystemet',
      system: 'SLS',
      body: 'Betalinger fra lønsystemet sendes til NemKonto. Afviste betalinger overføres til institutionens konto, og betalinger kan ses i kontrollisten.',
    }),
    article({
      id: 'brugere',
      title: 'Brugere i lønsystemet',
      system: 'SLS',
      body: 'Oprettelse, ændring og sletning af brugeradgange sker i brugerstyringen. Brugerens e-mailadresse skal høre til institutionen.',
    }),
    article({
      id: 'portal',
      title: 'Serviceportalen',
      system: 'Serviceportalen',
      body: 'Man opretter sig som bruger på Serviceportalen med sin e-mailadresse. Har man glemt sin adgangskode, kan den nulstilles.',
    }),
  ]);

  it('answers "udsøge og spærre betalinger" by the page that writes "udsøgning og spærring af betalinger"', () => {
    expect(answered(kb.answer('hvor kan man udsøge og spærre betalinger'))).toBe('kontrol');
  });

  it('does not read a verb of change as its noun: how the asker changes a thing is no "ændring" others make', () => {
    expect(answered(kb.answer('hvordan ændrer jeg e-mailadressen på min bruger i serviceportalen'))).not.toBe('brugere');
  });
});

describe('a thing and what is done to it said as a clause, one compound in the articles (round 27)', () => {
  const kb = knowledgeBaseFromArticles([
    ...others,
    article({
      id: 'kalender',
      title: 'Kalender for udbetalinger',
      system: 'SLS',
      body: 'Kalenderen viser datoerne for hver lønkørsel og udbetaling i året. Ved lønkørsel lukker systemet kl. 16.00.',
    }),
    article({
      id: 'tips',
      title: 'Tips til lønsystemet',
      system: 'SLS',
      body: 'Man kan ikke registrere noget, mens lønnen beregnes. Lønnen vises på lønsedlen, og lønsedlen kan hentes i e-Boks.',
    }),
  ]);

  it('answers "den dag lønnen bliver kørt" by the page of the "lønkørsel"', () => {
    expect(answered(kb.answer('hvor ser jeg datoerne for hvornår lønnen bliver kørt'))).toBe('kalender');
  });
});

describe('everyday words for what the articles say (round 27)', () => {
  const kb = knowledgeBaseFromArticles([
    ...others,
    article({
      id: 'rapporter',
      title: 'Standardrapporter til kontrol',
      system: 'LDV',
      body: 'Der findes standardrapporter til intern kontrol af udbetalinger og brugerrettigheder. Overblikket over rapporterne opdateres årligt.',
    }),
    article({
      id: 'rettigheder',
      title: 'Kontrol af brugerrettigheder i RejsUd',
      system: 'RejsUd',
      body: 'Institutionen bør mindst hver 6. måned gennemgå administratorrettighederne i RejsUd. En brugerrapport viser de tildelte rettigheder.',
    }),
    article({
      id: 'roller',
      title: 'Roller og rettigheder i RejsUd',
      system: 'RejsUd',
      body: 'I RejsUd giver roller rettigheder: administratorrettigheder, sekretærrettigheder og godkenderrettigheder. Rettighederne i RejsUd tildeles af administratoren, og en vejledning om rettigheder beskriver rollerne.',
    }),
    article({
      id: 'frister',
      title: 'Frister for serviceanmodninger',
      system: 'HR-sag',
      body: 'Serviceanmodninger om ansættelser, der modtages før kl. 12.00, behandles samme dag. Modtages de senere, behandles de dagen efter.',
    }),
    article({
      id: 'ansaettelse',
      title: 'Ansættelse af nye medarbejdere',
      system: 'Statens HR',
      body: 'En HR-medarbejder opretter den nye medarbejder i Statens HR. Ansættelsesbrevet sendes til medarbejderen.',
    }),
  ]);

  it('reads "holdt ajour" as the articles\' "opdateres"', () => {
    expect(answered(kb.answer('hvor tit bliver overblikket over standardrapporterne holdt ajour'))).toBe('rapporter');
  });
});

describe('the analyser: everyday words for what the articles say (round 27)', () => {
  const analyzer = new Analyzer();
  const words = ['gennemgå', 'gennemgang', 'rettigheder', 'lukker', 'systemet', 'behandles'];
  const vocabulary = Vocabulary.fromCounts(1, words.map((word) => [analyzer.stemmers.stem(word, 'da'), 1]), words);

  it('reads "ses igennem" and "kigges igennem" as "gennemgå"', () => {
    for (const question of ['skal rettighederne ses igennem', 'skal rettighederne kigges igennem']) {
      expect(analyzer.analyzeQuery(question, vocabulary, 'da').terms.map((term) => term.term)).toContain(analyzer.stemmers.stem('gennemgå', 'da'));
    }
  });

  it('reads "klokken" as the articles\' "kl.": a stop word, no word of substance the articles lack', () => {
    expect(analyzer.analyzeQuery('hvad klokken lukker systemet', vocabulary, 'da').concepts.map((concept) => concept.surface)).not.toContain('klokken');
  });
});
