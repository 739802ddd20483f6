/**
 * Round 24 (decl): in-scope questions declined although an article answers them (docs/understanding.md, round 24).
 * Kinds, over the public articles (questions of heldout33):
 * - COLLOQUIAL: function words as they are said and typed in a hurry ("ka jeg ha", "hviken", "osse") are stop words
 *   like the list's kan, have, hvilken, også — before, no article wrote them, so each weighed like the corpus's
 *   rarest word and pulled the question's trust under every threshold;
 * - REAL_WORD: a Danish word the articles lack is not corrected into one they have ("snakke" is no "stakke", "formel"
 *   no "formål"; danish-words.ts) — which lets STRONG read a question from four held words (round 23 built five).
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_THRESHOLDS, Analyzer, createKnowledgeBase, type AnswerResult, type KnowledgeBase } from '../../knowledge/index.js';
import { isDanishWord } from '../../knowledge/analysis/danish-words.js';

const KB_PUBLIC = '../shared/data/kb-public/articles.jsonl';

const shown = (result: AnswerResult): string => (result.kind === 'answered' ? result.article.id : result.kind === 'unknown' ? `unknown:${result.reason}` : 'ambiguous');

describe('the analyser', () => {
  const analyzer = new Analyzer();

  it('reads colloquial function words as the stop words they stand for', () => {
    for (const word of ['ka', 'ku', 'sku', 'ska', 'ha', 'bli', 'hva', 'hviken', 'osse', 'ik', 'sån']) {
      expect(analyzer.stemmers.stopwords.da.has(word), word).toBe(true);
    }
  });
});

describe('Danish words (the spelling dictionary)', () => {
  it('knows everyday words and their regular forms', () => {
    for (const word of ['formel', 'snakke', 'snakker', 'lønninger', 'koster', 'morgen', 'halvdelen', 'pengene']) expect(isDanishWord(word), word).toBe(true);
  });

  it('does not know typos of the articles\' words, nor a name typed in lower case', () => {
    for (const word of ['indfka', 'lønseddle', 'naviosn', 'refusoin', 'ansøgnig']) expect(isDanishWord(word), word).toBe(false);
  });
});

describe.skipIf(!existsSync(KB_PUBLIC))('declines of in-scope questions, over kb-public (round 24)', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await createKnowledgeBase({ sources: [KB_PUBLIC] });
  });

  it('COLLOQUIAL: answers a question with "ka" and "ha" as it answers the one with "kan" and "have"', () => {
    const questions = [
      ['skal vi ha en ny licens hvis vi får nyt cvr', 'skal vi have en ny licens hvis vi får nyt cvr', 'oes-navision-ressortomlaegning'],
      ['hvor meget ram skal pc\'en ha for at køre indfak', 'hvor meget ram skal pc\'en have for at køre indfak', 'oes-indfak-tips'],
    ] as const;
    for (const [spoken, written, expected] of questions) {
      expect(shown(kb.answer(spoken)), spoken).toBe(expected);
      expect(kb.rank(spoken, 1)[0]?.trust, spoken).toBeCloseTo(kb.rank(written, 1)[0]?.trust ?? 0, 5);
    }
  });

  it('REAL_WORD: a Danish word the articles lack is not corrected into one they have; a typo still is', () => {
    const analysis = (question: string) => (kb as unknown as { answerer: { rankArticles(q: string, n: number): { analysis: { terms: readonly { term: string; kind: string }[] } } } }).answerer.rankArticles(question, 1).analysis;
    expect(analysis('hvem skal vi snakke med').terms.filter((term) => term.kind === 'typo')).toEqual([]);
    expect(analysis('hvordan laver jeg en formel i excel').terms.filter((term) => term.kind === 'typo')).toEqual([]);
    expect(analysis('hvor finder jeg min lønseddle').terms.some((term) => term.kind === 'typo')).toBe(true);
    // heldout33: "snakke" read as "stakke" made the tips page (its "stakke") the best and the price a thing it lacks.
    expect(shown(kb.answer('vi vil gerne i gang med navision, hvem skal vi snakke med og hvad koster det'))).toBe('modst-navision-implementering');
  });

  it('STRONG from four held words: answers the article that holds them, under offerTrust', () => {
    // heldout33: a situation in many words of its own ("hober sig op"); the best article holds four of its uncommon words.
    const question = 'min chef er gået på barsel uden at sætte en stedfortræder op i indfak og nu hober fakturaerne sig op, hvad gør vi';
    expect(shown(kb.answer(question))).toBe('oes-indfak-tips');
    // Round 27: that question's trust is at offerTrust now (0.402, the index's figures moved with "lønninger" read as
    // "løn"), so a question of another set (heldout3x) stands in under it: four held words, the best article answers.
    // Round 28: "få … tilbage" is one word now (PARTICLE_WORD), so that question is at 0.47; the asker's situation said in one
    // word more ("hos bageren") stands in under offerTrust.
    const under = 'kan jeg få penge tilbage for kaffe og wienerbrød til et møde jeg har lagt ud for hos bageren';
    const [best] = kb.rank(under, 1);
    expect(best?.trust ?? 1).toBeLessThan(ANSWER_THRESHOLDS.offerTrust);
    expect(shown(kb.answer(under))).toBe('sa-rejsud');
    // Round 23's unrelated question that four words answered while "formel" was read as "formål".
    expect(kb.answer('hvordan laver jeg en formel i excel der lægger to kolonner sammen').kind).toBe('unknown');
  });

  it('still declines unrelated questions in spoken Danish', () => {
    for (const question of ['ka du ha en god opskrift på kage til mødet', 'hva tjener statsministeren osse', 'hvor mange ugers barsel ka fædre få']) {
      expect(kb.answer(question).kind, question).toBe('unknown');
    }
  });
});
