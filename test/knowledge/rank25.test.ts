/**
 * Round 25 (rank): one system's page that holds the answer, over its neighbour. Small articles written for the test after the
 * public pages they stand for; each rule was kept for what it gained over every question set (docs/understanding.md, round 25).
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, knowledgeBaseFromArticles, type AnswerResult, type KnowledgeBase } from '../../knowledge/index.js';
import { askedOrdinal, ordinalSubjects } from '../../knowledge/fact-kinds.js';
import { testArticle as article } from '../support/articles.js';

const answered = (result: AnswerResult): string => (result.kind === 'answered' ? result.article.id : result.kind);

/** Pages of other systems, so that the words of the test's pages weigh as they do among many. */
const others = [
  article({ id: 'rejser', title: 'RejsUd – rejseafregning', system: 'RejsUd', body: 'RejsUd samler den rejsendes afregninger og udlæg. Afregningen sendes til Navision til bogføring.' }),
  article({ id: 'faktura', title: 'Kom godt i gang med IndFak', system: 'IndFak', body: 'IndFak bruges til fakturahåndtering. Implementeringen tager 4 uger.' }),
  article({ id: 'navision', title: 'Om Navision Stat', system: 'Navision Stat', body: 'Navision Stat er statens økonomisystem. En institution kan have flere regnskaber i databasen.' }),
  article({ id: 'campus', title: 'Campus', system: 'Campus', body: 'Campus er statens læringsplatform med e-læring for medarbejderne.' }),
];

describe('the ordinal a question asks by', () => {
  it('is an ordinal word or a digit with its period before the thing it numbers', () => {
    expect(askedOrdinal('hvad bruges første lønkørsel til')).toEqual({ numbers: [1], word: 'lønkørsel' });
    expect(askedOrdinal('hvad er forskellen på 1. og 2. lønkørsel')).toEqual({ numbers: [1, 2], word: 'lønkørsel' });
    expect(askedOrdinal('what is the second payroll run used for')).toEqual({ numbers: [2], word: 'payroll' });
    expect(askedOrdinal('hvor mange lønkørsler er der')).toBeUndefined();
  });

  it('is no ordinal where "anden"/"andet" means another', () => {
    expect(askedOrdinal('vi flytter til et andet ministerium, hvad sker der med LDV')).toBeUndefined();
    expect(askedOrdinal('kan en anden bruger godkende mine fakturaer')).toBeUndefined();
  });

  it('is held by a text where a sentence or a line begins with it, not where it is named in passing or with another', () => {
    expect(ordinalSubjects('Hver måned er der to lønkørsler. 1. lønkørsel er primært til timelønnede; 2. lønkørsel er til månedslønnen.')).toEqual([
      { number: 1, word: 'lønkørsel' },
      { number: 2, word: 'lønkørsel' },
    ]);
    expect(ordinalSubjects('- 1./2. lønkørsel: HR-Løn lukker kl. 16.00.\nUddata kan hentes dagen efter ved 2. lønkørsel.')).toEqual([]);
  });
});

describe('ORDINAL: "første lønkørsel" is answered by the page with a sentence about that one run (round 25)', () => {
  const kb = knowledgeBaseFromArticles([
    ...others,
    article({
      id: 'loenkalender',
      title: 'Lønkalender – afleveringsfrister og dispositionsdatoer',
      system: 'SLS/HR-Løn',
      body: [
        'Lønkalenderen viser afleveringsfrister og datoer for lønkørsler. Datoerne for lønkørsler skifter fra måned til måned.',
        '- 1./2. lønkørsel: HR-Løn og SLS lukker kl. 16.00, og lønkørslen går i gang.',
        '- 1./2. lønkørsel til disposition: lønudbetalingsdatoen.',
      ].join('\n'),
    }),
    article({
      id: 'koerselsplaner',
      title: 'Kørselsplaner for Statens Lønløsning',
      system: 'SLS/HR-Løn',
      body: 'Kalenderne viser deadlines for årets kørsler. Uddata kan hentes anden dag efter kørselsdato ved 1. lønkørsel og dagen efter ved 2. lønkørsel.',
    }),
    article({
      id: 'begreber',
      title: 'System- og begrebsoversigt for lønkunder',
      system: 'Løn (SLS/HR-Løn, Lønportal)',
      body: [
        'Som lønkunde møder man en række systemer og begreber, som siden kort forklarer.',
        '- 1. og 2. lønkørsel: hver måned er der to lønkørsler. 1. lønkørsel er primært til timelønnede; 2. lønkørsel er primært til den faste månedsløn.',
      ].join('\n'),
    }),
  ]);

  it('ranks a page first that names the runs together or in passing', () => {
    expect(kb.rank('hvad bruges første lønkørsel til', 1)[0]?.articleId).not.toBe('begreber');
  });

  it('answers with the page whose sentence begins "1. lønkørsel …"', () => {
    expect(answered(kb.answer('hvad bruges første lønkørsel til'))).toBe('begreber');
    expect(answered(kb.answer('hvad bruges 2. lønkørsel til'))).toBe('begreber');
  });

  it('leaves a question that names the best page by its title to it', () => {
    expect(answered(kb.answer('lønkalender afleveringsfrist 2. lønkørsel'))).toBe('loenkalender');
  });
});

const KB_PUBLIC = '../shared/data/kb-public/articles.jsonl';

/** The public articles, with questions of the read sets the rules were measured on. */
describe.skipIf(!existsSync(KB_PUBLIC))('round 25 over kb-public', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await createKnowledgeBase({ sources: [KB_PUBLIC] });
  });

  it.each([
    // ORDINAL: the list of terms' "1. lønkørsel er primært til …" over the calendar's "1./2. lønkørsel".
    ['hvad bruges første lønkørsel til', 'sa-system-begrebsoversigt'],
    ['hvad er forskellen på 1. og 2. lønkørsel', 'sa-system-begrebsoversigt'],
    ['what is the second payroll run of the month used for', 'sa-system-begrebsoversigt'],
    ['lønkalnder afleveringsfirst 2. lønkørsel', 'sa-loenkalender'],
  ])('%s → %s', (question, expected) => {
    expect(answered(kb.answer(question))).toBe(expected);
  });
});
