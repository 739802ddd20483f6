/**
 * Round 5 of issue 12: questions whose words the articles do not use as such — a compound whose
 * head the corpus lacks, an everyday word for what the articles name formally, a system's name
 * written as two words — on a few small articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { coverage } from '../../knowledge/answerer.js';
import { knowledgeBaseFromArticles, type AnswerResult } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const kb = knowledgeBaseFromArticles([
  article({
    id: 'masseindberetning',
    title: 'Masseindberetning i HR-Løn',
    body: 'Masseindberetning bruges til ensartede lønændringer for mange medarbejdere, fx udbetaling af timer til studenter. Det sker via regneark.',
  }),
  article({
    id: 'kundeportal',
    title: 'Kundeportalen',
    body: 'Kundeportalen giver kunderne adgang til kundeaftaler, drejebøger og mødedokumenter.',
  }),
  article({
    id: 'regnskab',
    title: 'Servicebeskrivelse: Regnskab',
    body: 'Vi udfører regnskabsopgaver inden for kreditor, debitor, bank, anlæg og moms.',
  }),
  article({
    id: 'lønkalender',
    title: 'Lønkalender',
    body: 'Lønkalenderen viser afleveringsfrister, datoer for lønkørsler og dispositionsdatoer. Blanketter skal indsendes senest 5 dage før lønkørslen.',
  }),
  article({
    id: 'systemkrav',
    title: 'Systemkrav',
    body: 'Minimumskrav: mindst 4 logiske CPU\'er og 4 GB RAM, og en nyere browser.',
  }),
]);

const answeredWith = (result: AnswerResult): string | undefined => (result.kind === 'answered' ? result.article.id : undefined);

describe('a compound whose head the articles lack', () => {
  it('is searched by its known first part', () => {
    const analyzer = new Analyzer();
    const words = ['studenter', 'timer', 'møde'];
    const vocabulary = Vocabulary.fromCounts(2, words.map((word) => [analyzer.stemmers.stem(word, 'da'), 1]), words);
    const analysis = analyzer.analyzeQuery('timer til studenterassistenter', vocabulary);
    const student = analysis.terms.find((term) => term.kind === 'compound-modifier');
    expect(student?.term).toBe(analyzer.stemmers.stem('studenter', 'da'));
    // The first part alone does not make the word known: it stays as informative as an unknown word.
    expect(analysis.concepts[1]?.known).toBe(false);
  });

  it('finds the article about that first part', () => {
    expect(answeredWith(kb.answer('udbetaling af timer til studentermedhjælpere'))).toBe('masseindberetning');
    const [best] = kb.rank('tager I jer af momsen og anlægskartoteket');
    expect(best?.articleId).toBe('regnskab');
    expect(best?.coverage).toBeGreaterThan(0.7);
  });

  it('does not take a short first part for the word', () => {
    const analyzer = new Analyzer();
    const words = ['løn'];
    const vocabulary = Vocabulary.fromCounts(1, words.map((word) => [analyzer.stemmers.stem(word, 'da'), 1]), words);
    expect(analyzer.compoundModifier('lønxyzqvbn', 'da', vocabulary)).toBeUndefined();
  });
});

describe('an everyday word for what the articles name formally', () => {
  const analyzer = new Analyzer();
  const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');
  const vocabulary = Vocabulary.fromCounts(
    1,
    ['leverandør', 'dispositionsdato', 'ram', 'tjenestemand', 'medarbejder'].map((word) => [stem(word), 1]),
    [],
  );
  const searched = (question: string): string[] => analyzer.analyzeQuery(question, vocabulary).terms.map((term) => term.term);

  it('is searched with the domain word (synonyms and the glossary are data)', () => {
    expect(searched('hvem leverer systemet')).toContain(stem('leverandør'));
    expect(searched('hvornår er der lønningsdag')).toContain(stem('dispositionsdato'));
    expect(searched('hvor meget hukommelse skal pc-en have')).toContain(stem('ram'));
    expect(searched('how much memory does the computer need')).toContain(stem('ram'));
    // A colleague is, in the articles' words, another employee.
    expect(searched('kan min kollega godkende')).toContain(stem('medarbejder'));
  });

  it('reads an irregular plural as its singular ("tjenestemænd")', () => {
    expect(stem('tjenestemænd')).toBe(stem('tjenestemand'));
  });

  it('finds the article, covering the word', () => {
    for (const [question, id] of [
      ['hvornår er der lønningsdag', 'lønkalender'],
      ['hukommelse', 'systemkrav'],
    ] as const) {
      const [best] = kb.rank(question);
      expect(best?.articleId, question).toBe(id);
      expect(best?.coverage, question).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('an English filler verb', () => {
  it('is no concept of the question, so that its letters do not spell a Danish word ("made" is not "mad")', () => {
    const analyzer = new Analyzer();
    const vocabulary = Vocabulary.fromCounts(1, [[analyzer.stemmers.stem('mad', 'da'), 1], [analyzer.stemmers.stem('fejl', 'da'), 1]], []);
    const analysis = analyzer.analyzeQuery('Who do I contact if the agency made a mistake?', vocabulary);
    expect(analysis.concepts.map((concept) => concept.surface)).not.toContain('made');
  });
});

describe('a word that places the question in private life', () => {
  const privateKb = knowledgeBaseFromArticles([
    article({
      id: 'pension',
      title: 'Tjenestemandspension',
      body: 'Tjenestemandspensionen udbetales fra pensionsalderen. Pensionen beregnes ud fra skalatrin og pensionsalder.',
    }),
    article({
      id: 'rejse',
      title: 'Rejseafregning',
      body: 'Dagpenge beregnes ud fra rejsetid og evt. private dele af rejsen. Private udgifter afregnes ikke.',
    }),
    article({ id: 'skoler', body: 'Syv private gymnasier og skoler bruger lønsystemet.' }),
    article({ id: 'campus', body: 'Offentligt og privat ansatte kan tilmelde sig kurser.' }),
    article({ id: 'navision', body: 'Systemet bruges i private og offentlige virksomheder.' }),
  ]);

  it('weighs like a word the articles never use, although they use it about something else', () => {
    const analyzer = new Analyzer();
    const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');
    const vocabulary = Vocabulary.fromCounts(10, [[stem('privat'), 4], [stem('pension'), 4], [stem('rejse'), 2]], []);
    const [pension, privat] = ['pension', 'privat'].map((word) => analyzer.analyzeQuery(`min ${word}`, vocabulary).concepts[0]);
    expect(privat?.known).toBe(true);
    expect(privat?.idf).toBeCloseTo(vocabulary.unknownIdf());
    expect(pension?.idf).toBeLessThan(vocabulary.unknownIdf());
  });

  it('leaves little of the question covered by an article that does not speak of it, and is answered by one that does', () => {
    const [pension] = privateKb.rank('kan min private pension udbetales før tid');
    expect(pension?.articleId).toBe('pension');
    expect(pension?.coverage).toBeLessThan(0.55);
    const [travel] = privateKb.rank('skal private dele af rejsen med i afregningen');
    expect(travel?.articleId).toBe('rejse');
    expect(travel?.coverage).toBeGreaterThan(0.8);
  });
});

describe('an English word whose Danish stem is another word', () => {
  const analyzer = new Analyzer();
  const da = (word: string): string => analyzer.stemmers.stem(word, 'da');
  const vocabulary = Vocabulary.fromCounts(10, [[da('sum'), 2], [da('lønsedlen'), 2]], ['sum', 'lønsedlen']);

  it('is not read as Danish when the articles never write it ("summer" is not "sum")', () => {
    const terms = analyzer.analyzeQuery('When do schools start after the summer holiday?', vocabulary).terms.map((term) => term.term);
    expect(terms).not.toContain(da('summer'));
  });

  it('while a Danish word the articles write is ("lønsedlen" in an English question)', () => {
    const terms = analyzer.analyzeQuery('Where do I find lønsedlen?', vocabulary).terms.map((term) => term.term);
    expect(terms).toContain(da('lønsedlen'));
  });
});

describe('a misspelt English word', () => {
  const analyzer = new Analyzer();
  const da = (word: string): string => analyzer.stemmers.stem(word, 'da');
  const vocabulary = Vocabulary.fromCounts(10, [[da('lønseddel'), 2], [da('barsel'), 2]], ['lønseddel', 'barsel']);
  const searched = (question: string): string[] => analyzer.analyzeQuery(question, vocabulary, 'en').terms.map((term) => term.term);

  it('is read as the glossary word it misspells ("payslp")', () => {
    expect(searched('where can I see my payslp')).toContain(da('lønseddel'));
  });

  it('is not read as a glossary word with another first letter ("paternity" is not "maternity")', () => {
    expect(searched('what is paternity')).not.toContain(da('barsel'));
  });
});

describe('the abbreviations users write for the systems (round 13)', () => {
  // Written in capitals, an abbreviation the articles never use reads as the name of a product they
  // lack ("SAP", "F2") and was declined; the glossary knows the portal's own systems' short forms.
  const systems = knowledgeBaseFromArticles([
    article({ id: 'hrloen-kode', title: 'Adgangskode til HR-Løn', system: 'SLS / HR-Løn', body: 'Adgangskoden til HR-Løn skal have mindst 12 tegn og må indeholde specialtegn.' }),
    article({ id: 'navision-genveje', title: 'Genveje i Navision Stat', system: 'Navision Stat', body: 'Med genvejstaster i Navision Stat kommer man hurtigt til kontoplanen og finansjournalen.' }),
    article({ id: 'rejsud-roller', title: 'Roller i RejsUd', system: 'RejsUd', body: 'En administrator i RejsUd tildeler roller og kan trække en brugerrapport over rettigheder.' }),
  ]);
  it.each([
    ['HRL adgangskode mindste længde', 'hrloen-kode'],
    ['genvejstaster i NS', 'navision-genveje'],
    ['hvem tildeler roller i RU', 'rejsud-roller'],
  ])('"%s" → %s', (question, id) => {
    expect(answeredWith(systems.answer(question))).toBe(id);
  });
});

describe('everyday words for the articles\' key terms (round 13)', () => {
  // Each group of the glossary's round-13 batch ties a key term of the public articles to words the
  // articles never use; a word they do use is not added beside it, so ranking among articles is unchanged.
  const terms = knowledgeBaseFromArticles([
    article({ id: 'tjenestemandspension', title: 'Pension for tjenestemænd', body: 'Pensionen beregnes ud fra den optjente pensionsalder og det sidste løntrin.' }),
    article({ id: 'hr', title: 'HR og lønnen', body: 'HR registrerer ansættelsen, og lønnen beregnes derefter i lønsystemet.' }),
    article({ id: 'fejlindmelding', title: 'Fejl i lønnen', body: 'Er der fejl i lønnen, melder institutionen det med en fejlindmelding.' }),
  ]);
  it.each([
    ['pension til embedsmænd', 'tjenestemandspension'],
    ['hvad gør personaleafdelingen ved en ansættelse', 'hr'],
    ['en bommert i lønnen', 'fejlindmelding'],
  ])('"%s" → %s', (question, id) => {
    expect(answeredWith(terms.answer(question))).toBe(id);
  });
});

describe('a synonym of several words, and a first part common to the articles (round 14)', () => {
  const analyzer = new Analyzer();
  const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');

  it('counts a common word of a synonym of several words as a share of the user\'s word ("fælles" of "fælles postkasse" for "fællespostkasse")', () => {
    // As over the public articles: "fælles" in many of them, "postkasse" in none.
    const words = ['fælles', 'portal'];
    const vocabulary = Vocabulary.fromCounts(40, words.map((word) => [stem(word), 15]), words);
    const analysis = analyzer.analyzeQuery('fællespostkasse', vocabulary);
    const common = analysis.terms.filter((term) => term.kind === 'synonym' && term.term === stem('fælles'));
    const rare = analysis.terms.filter((term) => term.kind === 'synonym' && term.term === stem('postkasse'));
    expect(common.length).toBeGreaterThan(0);
    for (const term of common) expect(term.share).toBeCloseTo(0.5);
    // The rarer word says what the synonym is: it counts as the whole.
    expect(rare.length).toBeGreaterThan(0);
    for (const term of rare) expect(term.share).toBe(1);
    // The common word alone is half of it (the synonym's credit halved); with the rarer word, the whole.
    const only = coverage(analysis, new Set([stem('fælles')]));
    const both = coverage(analysis, new Set([stem('fælles'), stem('postkasse')]));
    expect(only).toBeLessThan(0.5);
    expect(both).toBeGreaterThan(0.85);
  });

  it('counts a stem reached twice as one part of the word (a compound\'s part and a synonym phrase\'s word)', () => {
    const words = ['fælles', 'postkasse', 'portal'];
    const vocabulary = Vocabulary.fromCounts(40, words.map((word) => [stem(word), word === 'fælles' ? 15 : 2]), words);
    const analysis = analyzer.analyzeQuery('fællespostkasse', vocabulary);
    // "fælles" is half of "fælles|postkasse" and half of the synonym "fælles postkasse": still half the word.
    expect(analysis.terms.filter((term) => term.term === stem('fælles')).length).toBeGreaterThan(1);
    expect(coverage(analysis, new Set([stem('fælles')]))).toBeCloseTo(0.45, 6);
  });

  it('does not search a compound the articles lack by a first part that a quarter of them have', () => {
    const words = ['møde', 'timer'];
    const rare = Vocabulary.fromCounts(40, words.map((word) => [stem(word), 2]), words);
    const common = Vocabulary.fromCounts(40, words.map((word) => [stem(word), 15]), words);
    const modifierIn = (vocabulary: Vocabulary): string | undefined =>
      analyzer.analyzeQuery('timer til mødeplanlægning', vocabulary).terms.find((term) => term.kind === 'compound-modifier')?.term;
    expect(modifierIn(rare)).toBe(stem('møde'));
    expect(modifierIn(common)).toBeUndefined();
  });
});

describe('a character named or typed in a question (round 15)', () => {
  const passwords = knowledgeBaseFromArticles([
    article({
      id: 'kode-regler',
      title: 'Regler for adgangskoden',
      body: 'Adgangskoden skal have mindst 12 tegn og mindst ét specialtegn blandt %()=+*. Specialtegn som @ og ! kan ikke bruges.',
    }),
    article({
      id: 'brugere',
      title: 'Brugere i lønsystemet',
      body: 'Brugeren får en adgangskode til lønsystemet af sin brugeradministrator og skifter den selv til en ny adgangskode.',
    }),
    article({ id: 'rejser', title: 'Rejser', body: 'Rejseafregning sker i RejsUd efter rejsen.' }),
    article({ id: 'fakturaer', title: 'Fakturaer', body: 'Fakturaer behandles i IndFak af bogholderen.' }),
  ]);

  it('reads a symbol standing alone as a special character, not as punctuation', () => {
    const analyzer = new Analyzer();
    const concepts = (question: string): string[] => analyzer.analyzeQuery(question, Vocabulary.fromCounts(4, [], [])).concepts.map((c) => c.surface);
    expect(concepts('min nye adgangskode har et ! i')).toContain('specialtegn');
    expect(concepts("my password has a '#' in it")).toContain('specialtegn');
    // Punctuation at a word stays punctuation; a question mark is never a character spoken of.
    expect(concepts('haster! adgangskoden virker ikke?')).not.toContain('specialtegn');
  });

  it('finds the rules of characters for a symbol typed or a punctuation mark named', () => {
    expect(answeredWith(passwords.answer('den vil ikke tage min nye adgangskode, den har et ! i'))).toBe('kode-regler');
    expect(answeredWith(passwords.answer('må der være et udråbstegn i min adgangskode'))).toBe('kode-regler');
    expect(answeredWith(passwords.answer('can my new password have an exclamation mark'))).toBe('kode-regler');
  });
});

describe('a system named by what it handles (round 15)', () => {
  const analyzer = new Analyzer();
  const vocabulary = Vocabulary.fromCounts(10, [], []);
  const synonymsOf = (question: string): string[] => analyzer.analyzeQuery(question, vocabulary).terms.filter((term) => term.kind === 'synonym').map((term) => term.term);
  const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');

  it('reads "<what it handles> + program/platform/værktøj" as the lexicon\'s "<what it handles> + system"', () => {
    // The lexicon has "fakturasystem" for IndFak and "lønsystemet" for SLS, not "…programmet".
    expect(synonymsOf('hvad betyder ikonet i fakturaprogrammet')).toContain(stem('indfak'));
    expect(synonymsOf('min kode til lønprogrammet virker ikke')).toContain(stem('sls'));
    expect(synonymsOf('kan jeg bruge lønværktøjet hjemmefra')).toContain(stem('sls'));
  });

  it('leaves a word the lexicon does not know in another form alone', () => {
    expect(synonymsOf('hvordan virker tegneprogrammet')).toEqual([]);
  });

  it('reads what such a word handles as the system when the lexicon names the system so ("dataudvekslingsplatformen": CIP)', () => {
    expect(synonymsOf('hvordan lukker vi adgangen til dataudvekslingsplatformen')).toContain(stem('cip'));
  });

  it('reads "jeres sagssystem" as the portal (its "sagsportal")', () => {
    expect(synonymsOf('jeg kan ikke huske mit login til jeres sagssystem')).toContain(stem('serviceportal'));
  });

  it('leaves a system of its own that the articles name alone ("Lønportalen" is not the payroll system)', () => {
    const known = Vocabulary.fromCounts(10, [[stem('lønportalen'), 2]], ['lønportalen']);
    const terms = analyzer.analyzeQuery('hvad er forskellen på lønportalen og HR-Løn', known).terms.filter((term) => term.kind === 'synonym').map((term) => term.term);
    expect(terms).not.toContain(stem('sls'));
  });
});

describe('everyday words for an icon and for pay (round 15)', () => {
  const analyzer = new Analyzer();
  const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');
  const termsOf = (question: string): string[] => analyzer.analyzeQuery(question, Vocabulary.fromCounts(10, [], [])).terms.map((term) => term.term);

  it('reads "symbol" as the articles\' "ikon", and what someone earns ("tjener") as pay', () => {
    expect(termsOf('hvad betyder symbolet ved brugerens navn')).toContain(stem('ikon'));
    expect(termsOf('hvad tjener en kontorchef i staten')).toContain(stem('løn'));
  });

  it('reads having a login as having access ("adgang")', () => {
    expect(termsOf('hvem har login til lønsystemet')).toContain(stem('adgang'));
  });

  it('reads a new hire ("nyansat") as an employment ("ansættelse")', () => {
    expect(termsOf('hvordan bliver en nyansat oprettet i HR')).toContain(stem('ansættelse'));
  });

  it('reads the level of pay as the pay statistics, and a street name as an address', () => {
    expect(termsOf('hvor kan jeg se lønniveauet i staten')).toContain(stem('lønstatistik'));
    expect(termsOf('gadenavnet er forkert på lønsedlen')).toContain(stem('adresse'));
  });
});
