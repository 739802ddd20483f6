/**
 * The answered-versus-declined decision on questions written for the public test articles
 * (../shared/data/kb-public), measured on the held-out part of our own questions
 * (test/fixtures/knowledge/kb-public.heldout.jsonl), which the thresholds were not tuned on.
 * The floors are the figures measured when ANSWER_THRESHOLDS were set; a change that makes the
 * decision worse fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type AnswerResult, type KnowledgeBase } from '../../knowledge/index.js';

const KB_PUBLIC = '../shared/data/kb-public/articles.jsonl';
const HELDOUT = 'test/fixtures/knowledge/kb-public.heldout.jsonl';

interface Question {
  q: string;
  expected_ids: string[];
  lang: 'da' | 'en';
}

const questions = (file: string): Question[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Question);

function outcome(result: AnswerResult, expected: readonly string[]): 'expected' | 'other' | 'offered' | 'declined' {
  if (result.kind === 'unknown') return 'declined';
  if (result.kind === 'ambiguous') return 'offered';
  return expected.includes(result.article.id) ? 'expected' : 'other';
}

describe.skipIf(!existsSync(KB_PUBLIC))('Answerer on the held-out questions over kb-public', () => {
  let kb: KnowledgeBase;
  let inScope: Question[];
  let outOfScope: Question[];

  beforeAll(async () => {
    kb = await createKnowledgeBase({ sources: [KB_PUBLIC] });
    const all = questions(HELDOUT);
    inScope = all.filter((q) => q.expected_ids.length > 0);
    outOfScope = all.filter((q) => q.expected_ids.length === 0);
  });

  const share = (list: readonly Question[], wanted: (q: Question) => boolean): number => list.filter(wanted).length / list.length;

  it('has enough questions of each kind to measure', () => {
    expect(inScope.length).toBeGreaterThanOrEqual(80);
    expect(outOfScope.length).toBeGreaterThanOrEqual(40);
    expect(inScope.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(20);
  });

  it('answers or offers choices for in-scope questions (≥ 0.91)', () => {
    expect(share(inScope, (q) => outcome(kb.answer(q.q), q.expected_ids) !== 'declined')).toBeGreaterThanOrEqual(0.91);
  });

  it('answers most in-scope questions with an expected article (≥ 0.79)', () => {
    expect(share(inScope, (q) => outcome(kb.answer(q.q), q.expected_ids) === 'expected')).toBeGreaterThanOrEqual(0.79);
  });

  it('answers English questions over Danish articles with an expected article (≥ 0.85)', () => {
    const english = inScope.filter((q) => q.lang === 'en');
    expect(share(english, (q) => outcome(kb.answer(q.q, { locale: 'en' }), q.expected_ids) === 'expected')).toBeGreaterThanOrEqual(0.85);
  });

  it('declines unrelated and near-domain questions (≥ 0.93)', () => {
    expect(share(outOfScope, (q) => kb.answer(q.q).kind === 'unknown')).toBeGreaterThanOrEqual(0.93);
  });

  describe('when the question shares only an everyday word with an article', () => {
    it('declines it', () => {
      for (const question of ['Where can I park my car at the office?', 'hvordan skifter jeg min cykellygte', 'Do I need a visa to travel to Canada?']) {
        expect(kb.answer(question).kind, question).toBe('unknown');
      }
    });
  });

  describe('when one article clearly answers', () => {
    it('answers it alone, without "Mente du…?"', () => {
      const result = kb.answer('hvad er timetaksten fra barselsfonden i 2021');
      expect(result.kind).toBe('answered');
    });
  });
});

/**
 * The second held-out set (kb-public.heldout2.jsonl: 84 in scope, 16 of them English, 25 out of
 * scope), written from the articles alone before the round of 2026-12-03 that changed the analysis,
 * and never tuned on. The floors are what that round measured (kb:eval's decision; the chat ends the
 * same way on all but one question).
 */
describe.skipIf(!existsSync(KB_PUBLIC))('Answerer on the second held-out questions over kb-public', () => {
  let kb: KnowledgeBase;
  let inScope: Question[];
  let outOfScope: Question[];

  beforeAll(async () => {
    kb = await createKnowledgeBase({ sources: [KB_PUBLIC] });
    const all = questions('test/fixtures/knowledge/kb-public.heldout2.jsonl');
    inScope = all.filter((q) => q.expected_ids.length > 0);
    outOfScope = all.filter((q) => q.expected_ids.length === 0);
  });

  const share = (list: readonly Question[], wanted: (q: Question) => boolean): number => list.filter(wanted).length / list.length;

  it('answers or offers choices for in-scope questions (≥ 0.95)', () => {
    expect(share(inScope, (q) => outcome(kb.answer(q.q), q.expected_ids) !== 'declined')).toBeGreaterThanOrEqual(0.95);
  });

  it('answers most in-scope questions with an expected article (≥ 0.85)', () => {
    expect(share(inScope, (q) => outcome(kb.answer(q.q), q.expected_ids) === 'expected')).toBeGreaterThanOrEqual(0.85);
  });

  it('answers English questions with an expected article (≥ 0.81)', () => {
    const english = inScope.filter((q) => q.lang === 'en');
    expect(share(english, (q) => outcome(kb.answer(q.q, { locale: 'en' }), q.expected_ids) === 'expected')).toBeGreaterThanOrEqual(0.81);
  });

  it('declines unrelated questions (≥ 0.88)', () => {
    expect(share(outOfScope, (q) => kb.answer(q.q).kind === 'unknown')).toBeGreaterThanOrEqual(0.88);
  });
});
