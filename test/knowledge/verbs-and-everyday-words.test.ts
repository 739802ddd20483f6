/**
 * Round 8 of issue 12 (kb8): questions put in other words than the articles' — a verb where the
 * article has its noun in -ering ("omorganiseret" for omorganisering), a compound written as two
 * words ("aconto udbetaling"), and everyday words for terms the articles use (slå sammen for
 * ressortomlægning, stoppe lønnen for lønstandsning, kommentar for bemærkning, slippe for for
 * dispensation, bor for primæradresse) — on small articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { knowledgeBaseFromArticles, type AnswerResult } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const analyzer = new Analyzer();
const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');

describe('verbs in -ere and their nouns in -ering', () => {
  it('gives the noun the stem of the verb', () => {
    expect(stem('implementering')).toBe(stem('implementere'));
    expect(stem('opdatering')).toBe(stem('opdateret'));
    expect(stem('periodisering')).toBe(stem('periodisere'));
    expect(stem('omorganisering')).toBe(stem('omorganiseret'));
    expect(stem('levering')).toBe(stem('levere'));
  });

  it('leaves nouns in -ring that are no -ere verb alone', () => {
    expect(stem('ordning')).toBe('ordning');
    expect(stem('regning')).not.toBe(stem('regne'));
  });

  it('does not split a word into itself without its ending and a short word ("indrapporte|ring")', () => {
    const words = ['indrapportere', 'ringe', 'løn'];
    const vocabulary = Vocabulary.fromCounts(3, words.map((word) => [stem(word), 1]), words);
    expect(analyzer.compoundParts('indrapportering', 'da', vocabulary)).toBeUndefined();
    expect(analyzer.compoundParts('lønindrapportering', 'da', vocabulary)).toEqual([stem('løn'), stem('indrapportere')]);
  });
});

const kb = knowledgeBaseFromArticles([
  article({
    id: 'ressortomlaegning',
    title: 'Opsæt Navision ved ressortomlægning',
    body: 'Ved ressortomlægning skal regnskaberne tilpasses. Regnskaber kan typisk først lukkes efter årsafslutningen året efter.',
  }),
  article({
    id: 'fejl',
    title: 'Fejl i sagsbehandlingen',
    body: 'Statens Administration foretager selv lønstandsning og acontoudbetaling ved fejl i egen sagsbehandling.',
  }),
  article({
    id: 'hr-sag',
    title: 'HR-sag',
    body: "Bemærkninger i 'Detaljer i serviceanmodning' bliver ikke behandlet, fordi de ikke kommer med på rapporten.",
  }),
  article({
    id: 'rejsud-krav',
    title: 'RejsUd – krav til anvendelse',
    body: 'Statsinstitutioner skal bruge RejsUd. Økonomistyrelsen kan dispensere fra en myndigheds anvendelse af RejsUd.',
  }),
  article({
    id: 'udenlandsk-bank',
    title: 'Udenlandske bankoplysninger',
    body: 'Udbetaling af løn til udenlandske bankkonti: udenlandske bankoplysninger kræver, at medarbejderen har registreret en udenlandsk primæradresse.',
  }),
  article({
    id: 'lønseddel',
    title: 'Din lønseddel',
    body: 'Lønsedlen viser lønoplysninger, skatteoplysninger og pensionsoplysninger for måneden.',
  }),
]);

const answeredWith = (result: AnswerResult): string | undefined => (result.kind === 'answered' ? result.article.id : undefined);

describe('questions in other words than the articles', () => {
  it('finds the noun in -ering from its verb', () => {
    expect(answeredWith(kb.answer('hvornår kan et regnskab lukkes når vi er blevet omorganiseret'))).toBe('ressortomlaegning');
  });

  it('reads a compound written as two words as the compound', () => {
    const words = ['acontoudbetaling', 'feriegodtgørelse', 'fejl'];
    const vocabulary = Vocabulary.fromCounts(3, words.map((word) => [stem(word), 1]), words);
    const terms = (question: string): string[] => analyzer.analyzeQuery(question, vocabulary, 'da').terms.map((term) => term.term);
    expect(terms('hvornår kommer der en aconto udbetaling ved fejl')).toContain(stem('acontoudbetaling'));
    expect(terms('hvornår udbetales ferie godtgørelse')).toContain(stem('feriegodtgørelse'));
    expect(terms('fejl udbetaling')).not.toContain(stem('fejludbetaling'));
  });

  it.each([
    ['to styrelser bliver slået sammen, hvad sker der med navision regnskaberne', 'ressortomlaegning'],
    ['hvornår stopper I selv lønnen ved fejl', 'fejl'],
    ['hvorfor blev vores kommentar i serviceanmodningen ikke behandlet', 'hr-sag'],
    ['kan vi slippe for rejsud', 'rejsud-krav'],
    ['kan en medarbejder der bor i Sverige få lønnen på en svensk bankkonto', 'udenlandsk-bank'],
  ])('knows the everyday words of "%s"', (question, id) => {
    expect(answeredWith(kb.answer(question))).toBe(id);
  });
});

describe('a noun whose form is also a verb (round 9): "bruger"', () => {
  const vocabulary = Vocabulary.fromCounts(3, ['bruger', 'brug', 'epicenter'].map((word) => [word, 1]), ['bruger', 'bruge', 'epicenteret']);
  const termsOf = (question: string): string[] => analyzer.analyzeQuery(question, vocabulary, 'da').terms.filter((t) => t.kind === 'word').map((t) => t.term);

  // The verb "bruge" is a stop word: read as the verb, it no longer searches for users.
  it('is the verb next to a subject', () => {
    expect(termsOf('hvad bruger man epicenteret til')).toEqual([stem('epicenteret')]);
    expect(termsOf('vi bruger ikke navision')).not.toContain('bruger');
    expect(termsOf('de institutioner som bruger indfak')).not.toContain('bruger');
  });

  it('is the noun elsewhere', () => {
    expect(termsOf('opret en ny bruger i rejsud')).toContain('bruger');
    expect(termsOf('min bruger er spærret')).toContain('bruger');
    expect(termsOf('bruger i indfak')).toContain('bruger');
  });

  it('is the verb before an adverb, unless a determiner makes it the noun (round 10)', () => {
    expect(termsOf('vi er et gymnasium og bruger ikke navision')).not.toContain('bruger');
    expect(termsOf('en styrelse der kun har rejser og bruger også indfak')).not.toContain('bruger');
    expect(termsOf('hvis en bruger ikke kan logge ind')).toContain('bruger');
    expect(termsOf('hvad gør jeg når min bruger stadig er spærret')).toContain('bruger');
  });

  const usesKb = knowledgeBaseFromArticles([
    article({ id: 'epicenter', title: 'Epicenteret', body: 'Epicenteret bruges til at samle og fordele opgaver i regnskabet.' }),
    article({ id: 'brugere', title: 'Oprettelse af brugere', body: 'En ny bruger oprettes af brugeradministratoren. Brugeren får besked, når brugeren er oprettet i systemet.' }),
    article({ id: 'filler', title: 'Lønkalender', body: 'Lønkalenderen viser frister for lønindberetning.' }),
  ]);

  it('finds what something is used for, not the users', () => {
    const found = usesKb.answer('hvad bruger man epicenteret til');
    expect(found.kind === 'answered' ? found.article.id : found.kind).toBe('epicenter');
  });
});
