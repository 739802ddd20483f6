/**
 * Round 29 (words): in-scope questions in the asker's own words declined or answered from another page although an article
 * answers them (kb-public.heldout46; docs/understanding.md, round 29). Kinds:
 * - everyday verbs and adverbs of how a question is put ("huske at", "mener", "nå at", "ordentligt", "små"): light words, not a
 *   word the articles lack weighed like the rarest one;
 * - particle verbs of a situation: "holde fri" is being off (ferie, fravær), "holde øje med" following a thing, "give videre"
 *   handing over (overdragelse), "gå i luften" the start of operation (driftsstart), a unit "splittes op"/"deles op";
 * - everyday words: data "blandet" are combined ("kombinere"), a "sidemand" a colleague;
 * - what an employee calls theirs in the systems ("mit lønnr", "min pensionsalder", "mine dagpenge", "min startside"): asked of
 *   an article that speaks of it, the asker's own business with the systems, not private life (the lexicon's `outside.mine`).
 * Questions written for the test, over a test vocabulary and the public articles.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, Vocabulary } from '../../knowledge/analysis/analyzer.js';
import { words } from '../../knowledge/analysis/tokenizer.js';
import { answeredWith, publicAnswer, reasonOf } from '../support/public-knowledge.js';

const analyzer = new Analyzer();
const stem = (word: string): string => analyzer.stemmers.stem(word, 'da');

/** A vocabulary of several articles, each of the given words (a word in one article of many is no common word). */
function vocabularyOf(articles: readonly (readonly string[])[]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const texts of articles) {
    const written = texts.flatMap((text) => words(text));
    vocabulary.addArticle(written.map(stem), written);
  }
  return vocabulary;
}

const vocabulary = vocabularyOf([
  ['fraværsassistent før ferie/orlov', 'stedfortræder'],
  ['overdragelse af brugeradministration for lønsystemer'],
  ['efter driftsstart', 'sammenlægning og lukning af bogføringskredse', 'opsplitning'],
  ['kunden kan følge sagens status', 'overblik over sagerne'],
  ['fakturaer', 'lønseddel', 'lønnummer'],
  ['rejser', 'udlæg', 'kørsel'],
]);

/** The stems searched for the words of a question. */
function termsOf(question: string): string[] {
  return analyzer.analyzeQuery(question, vocabulary, 'da').terms.map((term) => term.term);
}

describe('everyday words of how a question is put', () => {
  it('weighs "huske", "mener", "nå", "ordentligt" and "små" as light words', () => {
    for (const word of ['huske', 'mener', 'nå', 'ordentligt', 'små']) expect(analyzer.lightWords.da.has(word)).toBe(true);
  });
});

describe('particle verbs of a situation', () => {
  it('reads each as the word the articles use for it', () => {
    expect(termsOf('hvem godkender når jeg holder fri')).toEqual(expect.arrayContaining([stem('ferie'), stem('fraværsassistent')]));
    expect(termsOf('hvor kan jeg holde øje med mine henvendelser')).toContain(stem('følge'));
    expect(termsOf('hvordan giver vi opgaven videre')).toContain(stem('overdragelse'));
    expect(termsOf('lige efter vi er gået i luften med systemet')).toContain(stem('driftsstart'));
    expect(termsOf('vi skal splittes op i to')).toContain(stem('opsplitning'));
  });

  it('keeps the verb alone as what it says ("holder" is no absence, "giver" no hand-over)', () => {
    expect(termsOf('hvem holder styr på fakturaerne')).not.toContain(stem('ferie'));
    expect(termsOf('hvad giver det af rettigheder')).not.toContain(stem('overdragelse'));
  });
});

describe('over the public articles', () => {
  it('answers a question put with these words from the article that holds the answer', async () => {
    expect(answeredWith(await publicAnswer('hvad skal man huske at vedhæfte til en sag'))).toBe('sa-servicedesk');
    expect(answeredWith(await publicAnswer('vi skal deles op i to institutioner, hvad sker der med regnskaberne i navision'))).toBe('oes-navision-ressortomlaegning');
    expect(answeredWith(await publicAnswer('hvor tit skal vi give vores brugeradministrator opgaven videre'))).toBe('sa-brugeradm-loen');
    // Data "blandet" are combined.
    expect(answeredWith(await publicAnswer('må man blande tal fra egne fagsystemer med lønnen i ldv'))).toBe('oes-ldv-om');
  });

  it("answers the asker's own thing in the systems from the article that speaks of it", async () => {
    expect(answeredWith(await publicAnswer('hvad står de sidste cifre i mit lønnr for'))).toBe('oes-loenseddel');
    expect(answeredWith(await publicAnswer('hvem skal registrere min pensionsalder når jeg bliver ansat som tjenestemand'))).toBe('medst-tjenestemandspension');
    expect(answeredWith(await publicAnswer('jeg var på tjenesterejse i sidste uge, hvordan regnes mine dagpenge ud'))).toBe('sa-rejsud');
    expect(answeredWith(await publicAnswer('kan jeg selv bestemme hvad der står på min startside i navision'))).toBe('oes-navision-tips');
  });

  it("still declines the asker's own economy and private things", async () => {
    expect(reasonOf(await publicAnswer('hvad er min egen nettoløn denne måned?'))).toBe('private-life');
    expect(reasonOf(await publicAnswer('kan jeg få min kode til netbank nulstillet'))).toBe('private-life');
    expect(reasonOf(await publicAnswer('min egen pension, hvor meget får jeg'))).toBe('private-life');
  });
});
