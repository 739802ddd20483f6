/**
 * Round 7 of issue 12 (kb7): forms of one Danish word that were stemmed apart — the neuter -t of
 * adjectives and the -t of participles ("digitalt", "betalt"), adjectives in -ern whose -e Snowball
 * reads as the plural ending -erne ("eksterne" → "ekst"), irregular past tenses ("skrev") — and
 * English words whose Danish translation lands on such a form ("external" → "ekstern").
 */
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../knowledge/analysis/lexicon.js';
import { Stemmers } from '../../knowledge/analysis/stemmers.js';
import { knowledgeBaseFromArticles, type AnswerResult } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const stemmers = new Stemmers(defaultLexicon());
const stem = (word: string): string => stemmers.stem(word, 'da');

describe('Danish inflection', () => {
  it('gives an adjective and its neuter -t one stem', () => {
    expect(stem('digitalt')).toBe(stem('digital'));
    expect(stem('lokalt')).toBe(stem('lokale'));
    expect(stem('generelt')).toBe(stem('generelle'));
    expect(stem('negativt')).toBe(stem('negativ'));
    expect(stem('internt')).toBe(stem('intern'));
  });

  it('gives a past participle in -t the stem of its verb and verbal noun', () => {
    expect(stem('betalt')).toBe(stem('betale'));
    expect(stem('udbetalt')).toBe(stem('udbetaling'));
  });

  it('reads "eksterne" and "interne" as forms of ekstern and intern, not as plurals in -erne', () => {
    expect(stem('eksterne')).toBe(stem('ekstern'));
    expect(stem('interne')).toBe(stem('intern'));
  });

  it('gives irregular past tenses the stem of the verb', () => {
    expect(stem('skrev')).toBe(stem('skrive'));
    expect(stem('solgte')).toBe(stem('sælge'));
  });

  it('leaves nouns that end in -t alone', () => {
    expect(stem('felt')).toBe(stem('feltet'));
    expect(stem('kort')).toBe('kort');
    expect(stem('dokument')).toBe('dokument');
    expect(stem('start')).toBe('start');
  });
});

const kb = knowledgeBaseFromArticles([
  article({
    id: 'campus-marked',
    title: 'Campus Marked',
    body: 'Offentligt og privat ansatte, der ikke er omfattet af Campus, er eksterne brugere, som kun kan tilmelde sig markedsbaserede kurser.',
  }),
  article({
    id: 'campus-tilslutning',
    title: 'Campus – tilslutning',
    body: 'Campus er den fællesoffentlige læringsløsning. Kundens tilsluttede brugere kan tilmelde sig kurser i Campus.',
  }),
  article({
    id: 'masseindberetning',
    title: 'Masseindberetning i HR-Løn',
    body: 'Masseindberetning bruges til ensartede lønændringer for mange medarbejdere, fx udbetaling af timer til studenter.',
  }),
  article({
    id: 'lønseddel',
    title: 'Din lønseddel',
    body: 'Lønsedlen viser det beløb, der overføres til banken, og datoen, hvor beløbet er til rådighed.',
  }),
]);

const answeredWith = (result: AnswerResult): string | undefined => (result.kind === 'answered' ? result.article.id : undefined);

describe('questions over the forms', () => {
  it('finds the article on external users for an English question about external participants', () => {
    const result = kb.answer('Can external users enrol in courses in Campus?');
    expect(result.kind === 'answered' ? result.article.id : result.kind === 'ambiguous' ? result.candidates.map((c) => c.article.id) : result.reason).toBe('campus-marked');
  });

  it('finds the article on payments for a question with a participle ("udbetalt")', () => {
    expect(answeredWith(kb.answer('skal have udbetalt timer til mange studenter på én gang'))).toBe('masseindberetning');
  });
});

describe('English for the key terms of the articles (round 13)', () => {
  // Each English word below is one the glossary's round-13 batch added: without it the word is unknown to the
  // Danish articles, and the question meets nothing or only a neighbour that shares its other words.
  const english = knowledgeBaseFromArticles([
    article({ id: 'kvittering', title: 'Kvittering på henvendelser', body: 'Når en henvendelse er modtaget, sender servicedesken en kvittering med sagens nummer.' }),
    article({ id: 'behandling', title: 'Behandling af henvendelser', body: 'En henvendelse behandles af servicedesken i den rækkefølge, den er modtaget.' }),
    article({ id: 'afstemning', title: 'Afstemning af bankkonti', body: 'Institutionen skal afstemme bankkonti hver måned, og afstemningen dokumenteres i regnskabet.' }),
    article({ id: 'bankkonti', title: 'Bankkonti', body: 'Institutionen opretter bankkonti i Navision Stat og registrerer dem i regnskabet.' }),
    article({ id: 'afvist', title: 'Afviste fakturaer', body: 'En faktura bliver afvist, når EAN-nummeret mangler; leverandøren skal sende den igen.' }),
    article({ id: 'fakturaer', title: 'Fakturaer', body: 'En faktura modtages i IndFak og godkendes af institutionen, før den betales.' }),
    article({ id: 'offentlige', title: 'Offentlige myndigheder', body: 'Offentlige myndigheder skal bruge de fællesstatslige systemer.' }),
  ]);
  it.each([
    ['must a public body use them', 'offentlige'],
    ['do we get an acknowledgement', 'kvittering'],
    ['we must reconcile the bank accounts', 'afstemning'],
    ['the invoice was refused', 'afvist'],
  ])('"%s" → %s', (question, id) => {
    expect(answeredWith(english.answer(question))).toBe(id);
  });

  it('weighs words of continuation and emphasis ("keeps", "actual") as nothing, like "actually"', () => {
    const filled = english.rank('the invoice keeps getting refused, what are the actual rules')[0];
    const plain = english.rank('the invoice getting refused, what are the rules')[0];
    expect(filled?.articleId).toBe('afvist');
    expect(filled?.coverage).toBeCloseTo(plain?.coverage ?? 0, 6);
  });
});
