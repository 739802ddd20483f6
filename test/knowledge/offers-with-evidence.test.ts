/**
 * Round 9 of issue 12 (rank9): a question under `minTrust` whose best article holds enough of it is
 * offered its best articles ("Mente du…?") instead of declined (OFFER in knowledge/answerer.ts,
 * `evidence` in knowledge/decline.ts). Trust falls with the square of coverage, so a question put in
 * many words of its own stays under `minTrust` even when its article has three of its rare words;
 * a question about something else meets the articles in one or two words.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_THRESHOLDS, createKnowledgeBase, knowledgeBaseFromArticles, type AnswerResult, type KnowledgeBase } from '../../knowledge/index.js';
import { confidence } from '../../knowledge/answerer.js';
import { testArticle as article } from '../support/articles.js';

const shown = (result: AnswerResult): string[] =>
  result.kind === 'answered' ? [result.article.id] : result.kind === 'ambiguous' ? result.candidates.map((c) => c.article.id) : [];

describe('an offer under minTrust, on the evidence the best article holds', () => {
  const kb = knowledgeBaseFromArticles([
    article({
      id: 'refusion-frister',
      title: 'Frister for refusion ved sygdom',
      system: 'Refusionssystemet',
      body: 'Sygdom anmeldes til kommunen senest fire uger efter første fraværsdag. Refusion for delvis sygemelding kræver, at timerne indsendes hver måned på blanketten.',
    }),
    article({
      id: 'rejseafregning',
      title: 'Rejseafregning i RejsUd',
      system: 'RejsUd',
      body: 'En rejseafregning oprettes i RejsUd efter rejsen. Udlæg for hotel og transport vedhæftes som bilag, og lederen godkender afregningen.',
    }),
    article({
      id: 'faktura-godkendelse',
      title: 'Godkendelse af fakturaer i IndFak',
      system: 'IndFak',
      body: 'Fakturaer godkendes i IndFak af den, der har rollen som godkender. En fraværsassistent kan godkende i stedet under ferie.',
    }),
  ]);
  // The band forced wide open, so that the decision rests on the evidence alone (trust in a corpus of
  // three articles says little); the shipped band is checked on the public articles below. A long
  // question's lower trust (LONG) is closed too: these questions are long.
  const band = { thresholds: { minTrust: 1000, longMinTrust: 1000, offerTrust: 0 } };

  it('offers the article that holds three of the question\'s words (answers it when no other article matches)', () => {
    const result = kb.answer('en ansat har en delvis sygemelding, hvornår skal timerne indsendes', band);
    expect(result.kind).not.toBe('unknown');
    expect(shown(result)[0]).toBe('refusion-frister');
  });

  it('declines when the best article holds only two of them and none names its system', () => {
    const result = kb.answer('hvornår skal timerne til skakklubben indsendes', band);
    expect(result).toEqual({ kind: 'unknown', reason: 'low-confidence', coverage: expect.any(Number) });
  });

  it('offers on two words when one of them is the article\'s system', () => {
    const result = kb.answer('hvordan vedhæfter jeg noget i RejsUd fra min telefon', band);
    expect(result.kind).not.toBe('unknown');
    expect(shown(result)[0]).toBe('rejseafregning');
  });

  it('declines under offerTrust, whatever the evidence', () => {
    const result = kb.answer('en ansat har en delvis sygemelding, hvornår skal timerne indsendes', { thresholds: { minTrust: 1000, longMinTrust: 1000, offerTrust: 999, strongOfferTrust: 999 } });
    expect(result).toEqual({ kind: 'unknown', reason: 'low-confidence', coverage: expect.any(Number) });
  });

  it('still declines a question about private life in the band', () => {
    const result = kb.answer('min private delvise sygemelding derhjemme, hvornår skal timerne indsendes', band);
    expect(result.kind).toBe('unknown');
  });
});

const KB_PUBLIC = '../shared/data/kb-public/articles.jsonl';

/** Questions of the tuning and development sets (tuned on), over the public articles, with the shipped thresholds. */
describe.skipIf(!existsSync(KB_PUBLIC))('offers under minTrust over kb-public', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await createKnowledgeBase({ sources: [KB_PUBLIC] });
  });

  it('offers the article a long question in its own words is about, below minTrust', () => {
    for (const [question, expected] of [
      ['hvem har ansvaret for at pengene bliver brugt forsvarligt hele vejen fra køb til betaling', 'oes-systemmaessig-kontrol'],
      ['hvor kan jeg se vores aftaler og mødereferater med SAM og give kollegaer adgang til vores cvr-nr?', 'sa-kundeportalen'],
    ] as const) {
      const [best] = kb.rank(question, 1);
      expect(best?.trust ?? 1).toBeLessThan(ANSWER_THRESHOLDS.minTrust);
      const result = kb.answer(question);
      expect(result.kind, question).not.toBe('unknown');
      expect(shown(result), question).toContain(expected);
      expect(shown(result).length).toBeLessThanOrEqual(ANSWER_THRESHOLDS.maxCandidates);
    }
  });

  it('answers the one article far ahead of the others, offers close ones', () => {
    // The tuning question above: its runner-up has an eighth of its confidence.
    expect(kb.answer('hvem har ansvaret for at pengene bliver brugt forsvarligt hele vejen fra køb til betaling').kind).toBe('answered');
    // The development question: two articles nearly as close.
    expect(kb.answer('hvor kan jeg se vores aftaler og mødereferater med SAM og give kollegaer adgang til vores cvr-nr?').kind).toBe('ambiguous');
  });

  it('answers the best one with the others under it when no other has offerLead of its confidence (round 11)', () => {
    // A question of our tuning set (rank9): its runner-up has under half of the best one's confidence.
    const question = 'hvilken app skal man hente for at lave rejseafregning på telefonen';
    const [best, next] = kb.rank(question, 2);
    expect(best?.trust ?? 1).toBeLessThan(ANSWER_THRESHOLDS.minTrust);
    expect(next && best ? confidence(next) / confidence(best) : 1).toBeLessThan(ANSWER_THRESHOLDS.offerLead);
    // Long questions are answered from longMinTrust since round 13 (LONG); here the offer's own rule, without it.
    const result = kb.answer(question, { thresholds: { longQuestion: 99 } });
    expect(result.kind === 'answered' ? result.article.id : result.kind).toBe('oes-rejsud-vejledning');
    expect(result.kind === 'answered' ? (result.seeAlso ?? []).map((other) => other.article.id) : []).toContain(next?.articleId);
  });

  it('answers the best one with the others under it when all offered are about its system (round 12)', () => {
    // A question of our held-out set heldout10 (read): close offers, every one about Statens Refusion.
    // Round 28: "procent" is the articles' "%" now (SYMBOL_WORDS) and that question is answered at once; "andel", a word
    // the articles lack, stands in for it.
    const question = 'vi har en medarbejder i fleksjob der blev ansat i 2010 – hvor stor en andel får vi dækket?';
    const [best, next] = kb.rank(question, 2);
    expect(best?.trust ?? 1).toBeLessThan(ANSWER_THRESHOLDS.minTrust);
    expect(next && best ? confidence(next) / confidence(best) : 0).toBeGreaterThanOrEqual(ANSWER_THRESHOLDS.offerLead);
    const result = kb.answer(question, { thresholds: { longQuestion: 99 } });
    expect(result.kind === 'answered' ? result.article.id : result.kind).toBe('sa-fleksrefusion');
    expect(result.kind === 'answered' ? (result.seeAlso ?? []).map((other) => other.article.id) : []).toContain(next?.articleId);
  });

  it('still declines unrelated questions that meet an article in a word or two', () => {
    for (const question of ['hvordan melder jeg flytning', 'hvor mange feriedage har man i en privat virksomhed', 'hvordan bestiller jeg et firmakreditkort til en ny medarbejder', 'How do I get access to Silkeborg Data?']) {
      expect(kb.answer(question).kind, question).toBe('unknown');
    }
  });
});

describe('a long question is answered from a lower trust (LONG, round 13)', () => {
  const kb = knowledgeBaseFromArticles([
    article({ id: 'udland', title: 'Løn til en udenlandsk bankkonto', body: 'En medarbejder kan få lønnen udbetalt til en udenlandsk bankkonto; institutionen indberetter IBAN og SWIFT i lønsystemet.' }),
    article({ id: 'lønseddel', title: 'Lønsedlen', body: 'Lønsedlen viser udbetalingen og fradragene for måneden.' }),
  ]);
  const long = 'en kollega flytter til Sverige efter sommerferien og vil have lønnen udbetalt til sin nye bankkonto derovre';
  const short = 'lønnen til en udenlandsk bankkonto';
  // Thresholds around the question's own trust, so that the test is about the rule, not about the figures.
  const around = (question: string) => {
    const trust = kb.rank(question, 1)[0]?.trust ?? 0;
    return { minTrust: trust + 0.01, offerTrust: trust + 0.01, strongOfferTrust: trust + 0.01, longMinTrust: trust - 0.01 };
  };

  it('answers a question of many words whose trust is under minTrust but over longMinTrust', () => {
    const answer = kb.answer(long, { thresholds: around(long) });
    expect(answer.kind === 'answered' ? answer.article.id : answer.kind).toBe('udland');
    expect(kb.answer(long, { thresholds: { ...around(long), longQuestion: 99 } }).kind).toBe('unknown');
  });

  it('keeps minTrust for a short question', () => {
    expect(kb.answer(short, { thresholds: around(short) }).kind).toBe('unknown');
  });
});
