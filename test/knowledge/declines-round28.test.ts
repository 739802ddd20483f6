/**
 * Round 28 (decl): in-scope questions declined although an article answers them, put in words the articles do not use
 * (kb-public.heldout43; docs/understanding.md, round 28). Kinds:
 * - PARTICLE_WORD: a particle verb whose particle is a word of its own ("få fat i", "gå glip af") is one word with its verb —
 *   the articles' "hente", "miste" — not a second word the articles lack, weighed like the rarest word;
 * - SYMBOL_WORDS: the articles' "%" and "§" by a number are the words a user writes for them ("procent", "paragraf");
 * - SYNCOPE: "epicentret" is the articles' "Epicenteret" (an -er noun drops its e when an ending follows);
 * - the desk named in the third person ("SAM skriver …", "Statens Administration har bedt om …"): the asker's request is one
 *   to the desk, as "min henvendelse til jer" is, not their private life;
 * - everyday words: "kludder" is an error, "omvej" a work-around, "obs" aware, "rejsepenge" the travel allowance, systems
 *   that "snakker med" each other are integrated, "komme op at køre" is getting started, "størrelse" in "hvad er X for en
 *   størrelse" is how the question is put (and not "større"); English "code generator", "below zero".
 * Questions written for the test, over test vocabularies and the public articles.
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
  ['kalenderen kan hentes for det aktuelle og forrige år', 'lønkalender'],
  ['mistet refusion', 'tab af refusion', 'kunderapporterne'],
  ['Epicenteret indeholder alle procesbeskrivelser'],
  ['Ansat før 1. april 2002: 100 % af beregningsgrundlaget', 'fleksjob'],
  ['jf. § 11 i regnskabsbekendtgørelsen', 'Navision'],
  ['integrere til et fællesstatsligt system', 'udveksle data', 'integrationsplatform'],
  ['rejser', 'udlæg', 'kørsel'],
  ['moms', 'kreditor', 'debitor'],
]);

/** The words of a question as the analyser reads it, each with the stems searched for it. */
function conceptsOf(question: string): { surface: string; known: boolean; terms: string[] }[] {
  const analysis = analyzer.analyzeQuery(question, vocabulary, 'da');
  return analysis.concepts.map((concept, index) => ({
    surface: concept.surface,
    known: concept.known,
    terms: analysis.terms.filter((term) => term.concept === index).map((term) => term.term),
  }));
}

describe('PARTICLE_WORD: a particle that is a word of its own', () => {
  it('is one word with its verb, searched as what the two mean ("få fat i" → hente, "gå glip af" → miste)', () => {
    const fetched = conceptsOf('kan jeg få fat i lønkalenderen');
    expect(fetched.find((concept) => concept.terms.includes('fat'))?.terms).toContain(stem('hente'));
    expect(fetched.every((concept) => concept.known)).toBe(true);
    const missed = conceptsOf('vi er gået glip af refusion');
    const verb = missed.find((concept) => concept.terms.includes('glip'));
    expect(verb?.terms).toContain(stem('miste'));
    expect(verb?.surface).toContain('gået');
    expect(missed.every((concept) => concept.known)).toBe(true);
  });
});

describe('SYMBOL_WORDS: a sign by a number is its word', () => {
  it('reads "%" after a number and "§" before one as "procent" and "paragraf", and no other sign', () => {
    expect(words('100 % af grundlaget, 0,3 % for 2020, jf. § 11 og §56')).toEqual(['100', 'procent', 'af', 'grundlaget', '0', '3', 'procent', 'for', '2020', 'jf', 'paragraf', '11', 'og', 'paragraf', '56']);
    expect(words('tegnene %()=+*,;.:-_ og en adresse med %20')).not.toContain('procent');
  });

  it('meets the articles\' signs with the words of a question', () => {
    expect(conceptsOf('hvor mange procent dækkes').find((concept) => concept.surface === 'procent')?.known).toBe(true);
    expect(conceptsOf('hvilken paragraf kræver det').find((concept) => concept.surface === 'paragraf')?.known).toBe(true);
  });
});

describe('SYNCOPE and everyday words', () => {
  it('reads "epicentret" as the articles\' "Epicenteret"', () => {
    // As the word itself, not as a part of the compound "epicent|ret" it is not.
    const read = analyzer.analyzeQuery('hvad indeholder epicentret', vocabulary, 'da').terms.filter((term) => term.kind === 'word').map((term) => term.term);
    expect(read).toContain(stem('epicenteret'));
  });

  it('reads systems that "snakker med" each other as integrated, and not a person one talks to', () => {
    expect(conceptsOf('vores fagsystem skal snakke med et fællesstatsligt system').flatMap((concept) => concept.terms)).toContain(stem('integrere'));
    expect(conceptsOf('hvem skal jeg snakke med om min løn').flatMap((concept) => concept.terms)).not.toContain(stem('integrere'));
  });

  it('reads the everyday words as the articles\' words', () => {
    const terms = (question: string): string[] => conceptsOf(question).flatMap((concept) => concept.terms);
    expect(terms('der er kludder i lønnen')).toContain(stem('fejl'));
    expect(terms('findes der en omvej')).toContain(stem('workaround'));
    expect(terms('hvad skal vi være obs på')).toContain(stem('opmærksom'));
    expect(terms('hvornår får jeg mine rejsepenge')).toContain(stem('dagpenge'));
    expect(terms('hvad er epicentret for en størrelse')).not.toContain(stem('større'));
  });
});

describe('over the public articles', () => {
  it('answers questions put in these words with the article that holds the answer', async () => {
    expect(answeredWith(await publicAnswer('hvad bruger man epicentret til'))).toBe('sa-system-begrebsoversigt');
    expect(answeredWith(await publicAnswer('SAM beder om flere oplysninger til min anmodning, skal jeg oprette en ny'))).toBe('sa-statens-hr-hr-sag');
    expect(answeredWith(await publicAnswer('hvor hurtigt kan vi komme op og køre med indfak'))).toBe('oes-indfak-kom-godt-i-gang');
    expect(answeredWith(await publicAnswer('der er kludder i refusionen fra jeres side, hvordan melder jeg det'))).toBe('sa-fejlindmelding-2024');
  });

  it('still declines the asker\'s own matters put in the same words', async () => {
    expect(reasonOf(await publicAnswer('hvem skal jeg snakke med om min ferie'))).toBeDefined();
    expect(answeredWith(await publicAnswer('hvordan går jeg ikke glip af tilbud i netto'))).toBeUndefined();
  });
});
