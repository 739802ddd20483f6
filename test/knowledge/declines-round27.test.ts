/**
 * Round 27 (decl): in-scope Danish questions declined although an article answers them, put in the user's own words
 * (docs/understanding.md, round 27). Kinds:
 * - SYNONYM_PART: a compound written with a synonym of the articles' word for one part ("bogholderi|opgaver" where the
 *   article writes "regnskabsopgaver", "løn|udbetalinger" for "lønanvisninger", "chef|gager" for "chefløn") is read as
 *   the articles' compound, or, where they write none and the part is a word they lack, as their words for the part;
 * - STOP_HEAD_PART: a compound ending in a stop word that is a noun ("løn|folkene") is about its first part, and the stop
 *   word is not searched ("folk" met "folke|pensionsalderen");
 * - EVERYDAY_VERB: "står for" and "sørger for" are the articles' "varetager"; "slå op" is to search (opslag), not to
 *   apply ("søge" is the lexicon's "ansøge"); where a thing "havner" or "ender" is how a question is put (light words);
 * - DOMAIN words: "bogholderi" is the accounts (regnskab), "lønninger" and "aflønning" are pay, the day the pay can be
 *   drawn ("hæve lønnen") is the disposal date, "kvinder og mænd" equal pay, "tyde" a print is to read it, "stoppe
 *   pengene" the stop of pay, a newborn ("nyfødt") leave; a payment's specification is a payslip.
 * Questions written for the test, over test articles and the public articles.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { answeredWith, publicAnswer } from '../support/public-knowledge.js';

const analyzer = new Analyzer();
const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');

/** A vocabulary of several articles, each of the given words (a word in one article of many is no common word). */
function vocabularyOf(articles: readonly (readonly string[])[]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const words of articles) vocabulary.addArticle(words.map(stem), words);
  return vocabulary;
}

/** The query terms of a kind for a Danish question. */
function termsOf(question: string, vocabulary: Vocabulary, kind?: string): string[] {
  return analyzer
    .analyzeQuery(question, vocabulary, 'da')
    .terms.filter((term) => kind === undefined || term.kind === kind)
    .map((term) => term.term);
}

describe('SYNONYM_PART: a compound written with a synonym of the articles\' word for a part', () => {
  const vocabulary = vocabularyOf([
    ['lønanvisninger', 'løn', 'anvisninger', 'standsede'],
    ['regnskabsområdet', 'regnskab', 'område', 'kunder'],
    ['direktør', 'kontor', 'løn'],
    ['kreditor', 'debitor', 'moms'],
    ['rejser', 'udlæg'],
    ['økonomi', 'system'],
    ['syg', 'dagpenge', 'penge', 'kommune'],
  ]);

  it('is read as the articles\' compound where they write it', () => {
    expect(termsOf('hvad sker der med standsede lønudbetalinger', vocabulary, 'synonym')).toContain(stem('lønanvisninger'));
    expect(termsOf('hvad gør I på bogholderiområdet', vocabulary, 'synonym')).toContain(stem('regnskabsområdet'));
  });

  it('is not read as a synonym of one part alone: "kontoret" (the office, split "konto|ret") is no account (merge of round 27)', () => {
    const offices = vocabularyOf([['kontor', 'konto', 'ret'], ['nemkonto', 'bankkonto', 'udbetaling'], ['scanning', 'faktura'], ['løn', 'ret']]);
    const synonyms = termsOf('skanneren på kontoret virker ikke', offices, 'synonym');
    expect(synonyms).not.toContain(stem('nemkonto'));
    expect(synonyms).not.toContain(stem('bankkonto'));
  });

  it('is read as the articles\' word for a part they lack, with the part\'s share, not making the word theirs', () => {
    const analysis = analyzer.analyzeQuery('hvordan ligger vores direktørgager', vocabulary, 'da');
    const pay = analysis.terms.find((term) => term.term === stem('løn'));
    expect(pay?.kind).toBe('compound-head');
    expect(pay?.share).toBe(0.5);
    // "firma|kreditkort": the synonym of a part the articles lack does not make the word known (it keeps its weight).
    expect(analysis.concepts.find((concept) => concept.surface === 'direktørgager')?.known).toBe(false);
  });

  it('adds nothing for a compound of words neither known nor synonyms', () => {
    expect(analyzer.synonymCompound('kaffemaskinen', vocabulary)).toEqual([]);
    expect(analyzer.synonymCompound('fitnesscenteret', vocabulary)).toEqual([]);
    // A compound of two of the articles' words ("syge|dagpenge") is theirs: not read anew as "sygedag|penge".
    expect(analyzer.synonymCompound('sygedagpenge', vocabulary)).toEqual([]);
  });
});

describe('STOP_HEAD_PART: a compound ending in a stop word that is a noun', () => {
  it('is about its first part, without the stop word ("løn|folkene")', () => {
    const vocabulary = vocabularyOf([['løn', 'folkepension'], ['rejser'], ['moms']]);
    const terms = termsOf('hvad siger lønfolkene', vocabulary, 'compound-part');
    expect(terms).toContain(stem('løn'));
    expect(terms).not.toContain(stem('folk'));
  });
});

describe('EVERYDAY_VERB and DOMAIN words', () => {
  const vocabulary = vocabularyOf([
    ['varetager', 'ansvarlig', 'sikre', 'opslag', 'ansøge', 'søgning'],
    ['regnskab', 'dispositionsdato', 'ligeløn', 'læse', 'lønstandsning', 'barsel', 'lønseddel', 'løn'],
    ['rejser'],
    ['moms'],
  ]);

  it('reads "står for" and "sørger for" as carrying out a task', () => {
    expect(termsOf('hvem står for momsen', vocabulary)).toContain(stem('varetager'));
    expect(termsOf('hvad sørger teamet for', vocabulary)).toContain(stem('varetager'));
  });

  it('does not read "hvad står X for" as carrying out: it asks what a name stands for (merge of round 27)', () => {
    expect(termsOf('hvad står BSL for', vocabulary)).not.toContain(stem('varetager'));
    expect(termsOf('hvad står forkortelsen for', vocabulary)).not.toContain(stem('ansvarlig'));
  });

  it('reads "slå op" as searching, not as applying', () => {
    const terms = termsOf('hvor slår jeg koden op', vocabulary);
    expect(terms).toContain(stem('opslag'));
    expect(terms).not.toContain(stem('ansøge'));
  });

  it('weighs where a thing ends up ("havner", "ender") as a light word', () => {
    for (const word of ['havne', 'havner', 'havnet', 'ender', 'endte']) expect(analyzer.lightWords.da.has(word), word).toBe(true);
  });

  it('reads the everyday words of the domain as the articles\' words', () => {
    const reads: [string, string][] = [
      ['hvem tager sig af bogholderiet', 'regnskab'],
      ['hvornår kan man hæve lønnen', 'dispositionsdato'],
      ['tjener kvinder og mænd det samme', 'ligeløn'],
      ['hvordan tyder jeg printet', 'læse'],
      ['hvem skal stoppe pengene', 'lønstandsning'],
      ['hun er hjemme med en nyfødt', 'barsel'],
      ['hvor står udbetalingsspecifikationen', 'lønseddel'],
      ['hvordan er aflønningen', 'løn'],
    ];
    for (const [question, word] of reads) expect(termsOf(question, vocabulary), question).toContain(stem(word));
    expect(stem('lønninger')).toBe(stem('løn'));
  });
});

describe('over the public articles', () => {
  it('answers questions put in these words with the article that holds the answer', async () => {
    expect(answeredWith(await publicAnswer('hvornår kan folk hæve lønnen i næste måned'))).toBe('sa-loenkalender');
    expect(answeredWith(await publicAnswer('hvad sker der med standsede lønudbetalinger'))).toBe('modst-sls-faq-generelt');
    expect(answeredWith(await publicAnswer('hvem står for driften af datavarehuset hos os'))).toBe('oes-ldv-om');
    expect(answeredWith(await publicAnswer('hvordan tyder jeg mit registerprint'))).toBe('sa-registerprint');
  });

  it('still declines an unrelated question put in the same everyday words', async () => {
    expect(answeredWith(await publicAnswer('hvor havner min pakke fra postnord'))).toBeUndefined();
    expect(answeredWith(await publicAnswer('hvem står for julefrokosten i år'))).toBeUndefined();
  });
});
