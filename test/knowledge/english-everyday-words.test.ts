/**
 * Round 9 of issue 12 (en9): English questions over Danish articles in the words people use —
 * "money back", "mistake", "someone else … while she is away", "the last day", "coffee and cake" —
 * rather than the portal's terms. The English side of the analyser now mirrors the Danish one: what
 * Danish drops as a stop word English drops too (not, every, several, day, people, and what is left
 * of "didn't"), an irregular form is read as its base ("sent" is send, "paid" is pay), an adverb in
 * -ly as the adjective the glossary has, and a glossary phrase made of stop words ("last day",
 * "someone else") is translated like any other. Small articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { createKnowledgeBase, knowledgeBaseFromArticles, type AnswerResult } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const analyzer = new Analyzer();
const english = (word: string): string => analyzer.stemmers.stem(word, 'en');

describe('English words as their Danish twins', () => {
  it('drops the words the Danish stop list drops (ikke, hver, flere, dag, folk) and what is left of a contraction', () => {
    for (const word of ['not', 'every', 'several', 'day', 'days', 'people', 'even', 'though', 'didn', 'wasn', 'won']) {
      expect(analyzer.stemmers.isStopword(word, 'en'), word).toBe(true);
    }
  });

  it('reads an irregular form as its base word', () => {
    expect(english('sent')).toBe(english('send'));
    expect(english('paid')).toBe(english('pay'));
    expect(english('bought')).toBe(english('buy'));
    expect(english('stolen')).toBe(english('steal'));
  });

  it('reads an adverb in -ly as the adjective the glossary translates, and nothing else as an adverb', () => {
    expect(analyzer.adjectiveOfAdverb('correctly')).toBe('correct');
    expect(analyzer.adjectiveOfAdverb('incorrectly')).toBe('incorrect');
    expect(analyzer.adjectiveOfAdverb('family')).toBeUndefined();
    expect(analyzer.adjectiveOfAdverb('early')).toBeUndefined();
  });
});

const kb = knowledgeBaseFromArticles([
  article({
    id: 'fejlindmelding',
    title: 'Indmelding af fejl til Statens Administration',
    body: 'Opdager kunden en fejl i lønnen, som Statens Administration har begået i sagsbehandlingen, meldes fejlen til Kundebetjening på telefon eller pr. mail.',
  }),
  article({
    id: 'fejl-og-advis',
    title: 'Fejl og advis i SLS',
    body: 'Ved online indrapportering i SLS får man straks en fejl, hvis løndelen allerede findes. Et advis er en advarsel om en følgeændring af lønnen.',
  }),
  article({
    id: 'lønkalender',
    title: 'Lønkalender',
    body: 'Lønkalenderen viser afleveringsfristen: blanketter skal være Statens Administration i hænde senest 5 dage før lønkørslen, for at lønnen kan udbetales korrekt.',
  }),
  article({
    id: 'lønkørsel',
    title: 'Under lønkørsler',
    body: 'Mens lønkørslen kører, kan man ikke indrapportere i SLS, og HR-Løn er lukket. Lønsedler dannes efter kørslen.',
  }),
  article({
    id: 'fraværsassistent',
    title: 'Tips til IndFak',
    body: 'Fraværsassistent: man kan opsætte en fraværsassistent (tidligere stedfortræder) på sin egen bruger i IndFak, så en anden kan behandle ens fakturaer. Har en bruger glemt det før ferie eller orlov, kan den lokale systemadministrator gøre det.',
  }),
  article({
    id: 'indfak-vejledning',
    title: 'Vejledning til IndFak',
    body: 'IndFak bruges til fakturahåndtering: modtagelse, kontering og godkendelse af fakturaer fra leverandører.',
  }),
  article({
    id: 'refusionsfrister',
    title: 'Ansøgningsfrister for refusion',
    body: 'Refusion ved en medarbejders sygdom anmeldes løbende inden for 4 uger til kommunen. Refusion ved barsel søges senest 8 uger efter orloven.',
  }),
  article({
    id: 'rejsud',
    title: 'RejsUd – rejseafregning og udlæg',
    body: 'I RejsUd opretter man rejseafregninger og udgiftsafregninger for udlæg uden forbindelse til en rejse, fx mødeforplejning og repræsentation.',
  }),
]);

function outcome(result: AnswerResult): string | string[] {
  if (result.kind === 'answered') return result.article.id;
  if (result.kind === 'ambiguous') return result.candidates.map((candidate) => candidate.article.id);
  return result.reason;
}

describe('English for the articles\' own words (round 11)', () => {
  // The glossary now has English for every Danish word that two articles or more use (single words).
  const kb = knowledgeBaseFromArticles([
    article({ id: 'driftsstatus', title: 'Driftsstatus', body: 'Ved driftsforstyrrelser i lønsystemet vises en besked på forsiden, indtil vedligeholdelsen er slut.' }),
    article({ id: 'kontrol', title: 'Kontrol af rejser', body: 'Brug kontrollisten, når rejseafregninger gennemgås, og tjek at årsagen til rejsen er angivet.' }),
  ]);
  it('finds a Danish article through the English of its words', () => {
    const id = (result: AnswerResult): string | undefined => (result.kind === 'answered' ? result.article.id : undefined);
    expect(id(kb.answer('which checklist do we use when travel claims are reviewed?'))).toBe('kontrol');
    const vocabulary = new Vocabulary();
    vocabulary.addArticle([analyzer.stemmers.stem('driftsforstyrrelser', 'da')], ['driftsforstyrrelser']);
    const analysis = analyzer.analyzeQuery('is there a disruption in the payroll system right now?', vocabulary, 'en');
    expect(analysis.terms.filter((term) => term.kind === 'glossary').map((term) => term.term)).toContain(analyzer.stemmers.stem('driftsforstyrrelser', 'da'));
  });
});

describe('English questions in everyday words', () => {
  it('answers "report a mistake you made" with how to report the administration\'s errors', () => {
    expect(outcome(kb.answer('How do I report a mistake you made on an employee\'s pay?'))).toBe('fejlindmelding');
  });

  it('reads "the last day" as a deadline, with the words around it dropped as Danish would drop them', () => {
    expect(outcome(kb.answer("What's the last day forms can be sent so people get paid correctly?"))).toBe('lønkalender');
  });

  it('reads "someone else" approving while the user is away as a stand-in', () => {
    expect(outcome(kb.answer('My manager is away, can someone else approve invoices for her in IndFak?'))).toBe('fraværsassistent');
  });

  it('reads "money back" as a refund and "ill" as sick', () => {
    expect(outcome(kb.answer('How long do we have to get money back when an employee is ill?'))).toBe('refusionsfrister');
  });

  it('reads coffee and cake at a meeting as the meeting catering the articles name', () => {
    expect(outcome(kb.answer("Can I claim the coffee and cake for a meeting in RejsUd even though I didn't travel?"))).toBe('rejsud');
  });

  it('still declines a broken phone and a father\'s own paternity leave', () => {
    expect(kb.answer('My phone screen is broken').kind).toBe('unknown');
    expect(kb.answer('How much paternity leave do fathers get?').kind).toBe('unknown');
  });
});

describe('travel expenses are what RejsUd is for', () => {
  const travel = knowledgeBaseFromArticles([
    article({
      id: 'rejsud-app',
      title: 'Brugervejledninger til RejsUd – app og e-learning',
      body: 'RejsUd kan bruges via app eller pc. Appen hentes på brugerens smartphone, og der findes en video om at oprette en afregning i appen.',
    }),
    article({
      id: 'rejseafregning',
      title: 'Rejseafregning',
      body: 'Rejseafregninger oprettes ved manuel indtastning eller ud fra en importeret rejseplan; dagpenge og godtgørelser beregnes ud fra rejsetid og måltider.',
    }),
    article({
      id: 'telefontid',
      title: 'Kontakt',
      body: 'Servicedesken kan kontaktes på telefon alle hverdage.',
    }),
  ]);

  it('answers travel expenses from a phone with the page on the RejsUd app', () => {
    expect(outcome(travel.answer('Can I file my travel expenses from my phone?'))).toBe('rejsud-app');
  });
});

describe('English names and family the articles never speak of', () => {
  const named = knowledgeBaseFromArticles([
    article({
      id: 'lønkalender',
      title: 'Lønkalender',
      body: 'Lønkalenderen viser afleveringsfrister og lønkørsler; kalenderen kan deles med kolleger og hentes for det aktuelle år.',
    }),
    article({
      id: 'refusionsfrister',
      title: 'Ansøgningsfrister for refusion ved barsel',
      body: 'Refusion ved barselsorlov anmeldes senest 4 uger efter påbegyndt orlov. Fristerne gælder også fravær i marts og april.',
    }),
  ]);

  it('declines a question about a product only English capitals mark as a name ("Outlook")', () => {
    expect(outcome(named.answer('How do I share my calendar with colleagues in Outlook?'))).toBe('unknown-name');
  });

  it('still answers a question that names a month, which the glossary translates', () => {
    expect(outcome(named.answer('What is the deadline for reporting leave taken in March?'))).toBe('refusionsfrister');
  });

  it("declines a question about the asker's family", () => {
    expect(outcome(named.answer('My wife is due in March, how much leave can I take as the father?'))).toBe('private-life');
  });

  it('does not offer an article for a private-life word it happens to use ("private companies")', async () => {
    // Over the public articles: "Om Navision Stat" says "private og offentlige virksomheder".
    const kb2 = await createKnowledgeBase({ sources: ['../shared/data/kb-public/articles.jsonl'] });
    expect(outcome(kb2.answer('How many vacation days do employees in private companies get?'))).toBe('low-confidence');
  });
});

describe('the everyday English of international staff (round 15)', () => {
  const glossaryOf = (question: string): string[] =>
    analyzer.analyzeQuery(question, Vocabulary.fromCounts(10, [], [])).terms.filter((term) => term.kind === 'glossary').map((term) => term.term);
  const danish = (word: string): string => analyzer.stemmers.stem(word, 'da');

  it('reads money spent out of one\'s own pocket as an outlay ("udlæg")', () => {
    expect(glossaryOf('I paid for dinner out of my own pocket')).toContain(danish('udlæg'));
  });

  it('reads the digital mailbox as e-Boks, the learning platform and the expense system as the systems\' Danish names', () => {
    expect(glossaryOf('when does my payslip show up in my digital mailbox')).toContain(danish('e-boks'));
    expect(glossaryOf('how do we join the state learning platform')).toContain(danish('læringsplatform'));
    expect(glossaryOf('the expense system asks me for a code')).toContain(danish('rejseafregningssystem'));
  });

  it('does not read "pay for" as an outlay (the stems of "paid" and "pay" are one)', () => {
    expect(glossaryOf('what hourly rate does the maternity fund pay for managers')).not.toContain(danish('udlæg'));
  });
});
