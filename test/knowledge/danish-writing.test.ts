/**
 * Round 10: how Danish is written in questions — particle verbs ("sige op", "skrive ud", "lægge ud",
 * "regne ud") searched as what they mean (knowledge/analysis/data/particles.da.yaml; the verb and its
 * particle are often stop words on their own: "sagt", "op", "lagt", "ud"), and å, ø, æ written as aa,
 * oe, ae — on small articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { knowledgeBaseFromArticles, type AnswerResult } from '../../knowledge/index.js';
import { testArticle as article } from '../support/articles.js';

const kb = knowledgeBaseFromArticles([
  article({ id: 'fratraedelse', title: 'Fratrædelse i lønsystemet', body: 'Når en medarbejder fratræder, indberetter institutionen opsigelsen og sidste arbejdsdag i lønsystemet.' }),
  article({ id: 'ansaettelse', title: 'Ansættelse i lønsystemet', body: 'Når en medarbejder ansættes, indberetter institutionen ansættelsen og første arbejdsdag i lønsystemet.' }),
  article({ id: 'udlaeg', title: 'Udlæg uden rejse', body: 'En medarbejder, der har haft et udlæg til forplejning ved et møde, får det godtgjort som en udgiftsafregning.' }),
  article({ id: 'rejse', title: 'Rejseafregning', body: 'En tjenesterejse afregnes med dagpenge og transport, når medarbejderen er hjemme igen.' }),
  article({ id: 'udskrift', title: 'Print fra lønsystemet', body: 'Man kan printe lister og lønsedler fra lønsystemet på sin egen printer som PDF.' }),
  article({ id: 'sammenlaegning', title: 'Sammenlægning af styrelser', body: 'Ved en sammenlægning flyttes regnskaberne til den nye styrelse, og de gamle lukkes.' }),
  article({ id: 'regnskab', title: 'Regnskaber i styrelsen', body: 'Hver styrelse har sine regnskaber, og de gamle regnskaber arkiveres efter fem år.' }),
  article({ id: 'pension', title: 'Pension for tjenestemænd', body: 'Pensionen for tjenestemænd beregnes ud fra pensionsalder og løntrin.' }),
]);

const answeredWith = (result: AnswerResult): string | undefined => (result.kind === 'answered' ? result.article.id : result.kind === 'ambiguous' ? `choice:${result.candidates[0]?.article.id ?? ''}` : undefined);

describe('particle verbs (round 10)', () => {
  it.each([
    ['en medarbejder har sagt op, hvad skal vi gøre i lønsystemet', 'fratraedelse'],
    ['hvordan skriver jeg en liste ud fra lønsystemet', 'udskrift'],
    ['vi bliver lagt sammen med en anden styrelse, hvad sker der med de gamle regnskaber', 'sammenlaegning'],
  ])('"%s" → %s', (question, id) => {
    expect(answeredWith(kb.answer(question))).toBe(id);
  });

  const analyzer = new Analyzer();
  const vocabulary = (kb as unknown as { answerer: { index: { vocabulary: Parameters<Analyzer['analyzeQuery']>[1] } } }).answerer.index.vocabulary;
  const meanings = (question: string): string[] => analyzer.analyzeQuery(question, vocabulary, 'da').terms.filter((t) => t.kind === 'synonym').map((t) => t.term);

  it('reaches over the verb\'s object in the same clause, not into the next', () => {
    expect(meanings('hun sagde sit job op i går')).toContain(analyzer.stemmers.stem('opsige', 'da'));
    expect(meanings('hun sagde det til chefen, op til jul er der travlt')).not.toContain(analyzer.stemmers.stem('opsige', 'da'));
  });

  it('reads "læse … ind" as reading in (round 15: "HR-Løn vil ikke læse mit regneark ind")', () => {
    const general = new Analyzer();
    const terms = general.analyzeQuery('HR-Løn vil ikke læse mit eget regneark ind', Vocabulary.fromCounts(10, [[general.stemmers.stem('indlæse', 'da'), 2]], ['indlæse']), 'da').terms;
    expect(terms.filter((t) => t.kind === 'synonym').map((t) => t.term)).toContain(general.stemmers.stem('indlæse', 'da'));
  });

  it('adds nothing when the corpus has none of the meanings', () => {
    const before = analyzer.analyzeQuery('de trak det fra', vocabulary, 'da');
    expect(before.concepts.map((c) => c.surface)).not.toContain('trak fra');
  });
});

describe('Danish letters written as aa, oe, ae (round 10)', () => {
  const kb = knowledgeBaseFromArticles([
    article({ id: 'aarsvaerk', title: 'Årsværk i fleksjob', body: 'Et årsværk er 1.924 timer, når refusionen for fleksjob opgøres.' }),
    article({ id: 'loenseddel', title: 'Lønsedlen', body: 'Lønsedlen viser udbetalingen og fradragene for måneden.' }),
    article({ id: 'rejser', title: 'Rejser', body: 'Rejseafregning sker i RejsUd efter rejsen.' }),
  ]);
  it.each([
    ['hvor mange timer er et aarsvaerk', 'aarsvaerk'],
    ['hvornaar kommer loensedlen', 'loenseddel'],
  ])('"%s" → %s', (question, id) => {
    expect(answeredWith(kb.answer(question))).toBe(id);
  });

  it('reads a word too short for the corpus to tell ("paa", "saa") as the stop word it is, not as a word the articles lack', () => {
    const written = kb.rank('hvad viser loensedlen paa maaneden')[0];
    const proper = kb.rank('hvad viser lønsedlen på måneden')[0];
    expect(written?.articleId).toBe('loenseddel');
    expect(written?.coverage).toBeCloseTo(proper?.coverage ?? 0, 6);
    expect(written?.coverage).toBeCloseTo(1, 6);
  });
});

describe('numbers in a question (round 13)', () => {
  const numbers = knowledgeBaseFromArticles([
    article({ id: 'brøk', title: 'Arbejdstidsbrøk i fleksjob', body: 'Arbejdstidsbrøken er de ugentlige timer delt med 37.' }),
    article({ id: 'frister', title: 'Frister', body: 'Fristen er 20 dage efter første fraværsdag.' }),
  ]);
  it('weighs a small number an article happens to mention like one none mentions: a value the user supplies', () => {
    const mentioned = numbers.rank('arbejdstidsbrøk for en på 20 timer', 1)[0];
    const unmentioned = numbers.rank('arbejdstidsbrøk for en på 21 timer', 1)[0];
    expect(mentioned?.articleId).toBe('brøk');
    expect(mentioned?.coverage).toBeCloseTo(unmentioned?.coverage ?? 0, 6);
  });
  it('keeps a year\'s weight ("ansat før 2010")', () => {
    const years = knowledgeBaseFromArticles([article({ id: 'fleks', title: 'Fleksjob før 2010', body: 'For fleksjob visiteret før 2010 gælder den gamle refusion.' })]);
    expect(years.rank('fleksjob før 2010', 1)[0]?.coverage).toBeGreaterThan(years.rank('fleksjob før 2011', 1)[0]?.coverage ?? 1);
  });
});

describe('a five-letter word with a letter left out (round 13)', () => {
  const short = knowledgeBaseFromArticles([
    article({ id: 'guiden', title: 'Om guiden', body: 'Guiden viser løndelene og deres numre.' }),
    article({ id: 'lister', title: 'Lister', body: 'Listerne viser brugerne og deres roller.' }),
  ]);
  it('is corrected to the six-letter word it misses a letter of ("guidn" → "guiden")', () => {
    expect(short.rank('hvor er guidn', 1)[0]?.articleId).toBe('guiden');
    expect(short.answer('hvor er guidn').kind).toBe('answered');
  });
  it('is not corrected to another word of five letters: among short words a changed letter is as often another word', () => {
    // "nomre" is one letter from the articles' "numre", but not a letter left out of it.
    expect(short.rank('nomre', 1)[0]).toBeUndefined();
  });
});

describe('two neighbouring letters swapped (round 14)', () => {
  const swapped = knowledgeBaseFromArticles([
    article({ id: 'indfak', title: 'Tips til IndFak', body: 'I IndFak kan du ændre tidspunktet for dine varslinger.' }),
    article({ id: 'rejser', title: 'Rejser', body: 'Rejseafregningen godkendes af lederen.' }),
  ]);
  it('reads a word with two letters swapped as the corpus word ("indfka" → "indfak"), which Levenshtein counts as two edits', () => {
    const typed = swapped.rank('ændre varslinger indfka', 1)[0];
    const proper = swapped.rank('ændre varslinger indfak', 1)[0];
    expect(typed?.articleId).toBe('indfak');
    expect(typed?.matchedTerms?.has('indfak')).toBe(true);
    expect(swapped.answer('ændre varslinger indfka').kind).toBe('answered');
    expect(proper?.coverage).toBeGreaterThan(0);
  });
  it('swaps only neighbours: letters moved further are not a swap ("idnfka")', () => {
    expect(swapped.rank('idnfka', 1)[0]).toBeUndefined();
  });
});

describe('a stop word with two neighbouring letters swapped (round 16)', () => {
  const guides = knowledgeBaseFromArticles([
    article({ id: 'guiden', title: 'SLS-guiden', body: 'SLS-guiden forklarer lønbegreberne i SLS.' }),
    article({ id: 'rejser', title: 'Rejser', body: 'Rejseafregningen godkendes af lederen.' }),
  ]);
  it('is read as the stop word ("ikek" → "ikke"): it does not weigh like a word the articles lack', () => {
    const typed = guides.rank('slsguiden lønbegreber ikek', 1)[0];
    const proper = guides.rank('slsguiden lønbegreber ikke', 1)[0];
    expect(typed?.articleId).toBe('guiden');
    expect(typed?.coverage).toBeCloseTo(proper?.coverage ?? 0, 6);
  });
  it('not a word of three letters: "far" is not "fra"', () => {
    const analyzer = new Analyzer();
    const vocabulary = Vocabulary.fromCounts(10, [[analyzer.stemmers.stem('barsel', 'da'), 2]], ['barsel']);
    expect(analyzer.analyzeQuery('barsel som far', vocabulary, 'da').concepts.map((c) => c.surface)).toContain('far');
  });
});

describe('a misspelt part of a hyphenated word (round 14)', () => {
  const hyphenated = knowledgeBaseFromArticles([
    article({ id: 'sikkerhed', title: 'Sikkerhed i RejsUd', body: 'RejsUd kræver to-faktorgodkendelse med en app på telefonen.' }),
    article({ id: 'rejser', title: 'Rejser', body: 'Rejseafregningen godkendes af lederen.' }),
  ]);
  it('is corrected, and the whole word with it ("to-faktorgodkendlse" → "to-faktorgodkendelse")', () => {
    const [best] = hyphenated.rank('to-faktorgodkendlse', 1);
    expect(best?.articleId).toBe('sikkerhed');
    expect(best?.matchedTerms?.has('to-faktorgodkendelse')).toBe(true);
    expect(best?.coverage).toBeGreaterThan(0.6);
  });
});
