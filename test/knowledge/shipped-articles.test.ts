import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type KnowledgeBase } from '../../knowledge/index.js';
import { FactQuestionSchema, judgeFact, normaliseFact, type FactQuestion } from '../../scripts/eval/fact-questions.js';

// The knowledge base the assistant ships with, asked the way a state employee asks: each question
// has the fact (a number, date, phone number, menu path, name) the answer must show. The shown
// passage is what the chat prints (`result.passage.text`); a "did you mean" with several articles
// shows no passage and counts as a miss. facts.jsonl was used to improve the articles' structure;
// facts.heldout.jsonl was written at the same time and not tuned on at first, and its misses were
// then used to find kinds of failure (see knowledge/fact-kinds.ts); facts.heldout2.jsonl was written
// afterwards from the public pages alone (not from the articles) and is kept apart for measuring.
const root = resolve(import.meta.dirname, '../..');
const ARTICLES = join(root, 'knowledge/articles');
const FIXTURES = join(root, 'test/fixtures/knowledge');

function read(file: string): FactQuestion[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => FactQuestionSchema.parse(JSON.parse(line)));
}

const normalise = normaliseFact;
const showsFact = (kb: KnowledgeBase, question: FactQuestion): boolean => judgeFact(kb, question).shown;

const tuned = read('facts.jsonl');
const heldOut = read('facts.heldout.jsonl');
const heldOut2 = read('facts.heldout2.jsonl');
let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await createKnowledgeBase({ sources: [ARTICLES] });
});

describe('the shipped knowledge base', () => {
  describe('when the fact questions are checked against the articles', () => {
    it('has at least 60 of them, each fact written in one of its expected articles', () => {
      const all = [...tuned, ...heldOut];
      expect(all.length).toBeGreaterThanOrEqual(60);
      const missing = all.filter((question) => {
        const bodies = question.expected_ids.map((id) => kb.article(id)?.body ?? '');
        return !bodies.some((body) => normalise(body).includes(normalise(question.fact)));
      });
      expect(missing.map((question) => `${question.q} → ${question.fact}`)).toEqual([]);
    });
  });

  describe('when asked the fact questions', () => {
    it('shows the fact in the answered passage for at least 4 in 5 of all of them', () => {
      const all = [...tuned, ...heldOut, ...heldOut2];
      const shown = all.filter((question) => showsFact(kb, question)).length;
      expect(shown / all.length).toBeGreaterThanOrEqual(0.8);
    });

    it('shows it for at least 4 in 5 of the questions the articles were improved on', () => {
      const shown = tuned.filter((question) => showsFact(kb, question)).length;
      expect(shown / tuned.length).toBeGreaterThanOrEqual(0.8);
    });

    it('shows it for at least 4 in 5 of the first held-out questions (measured: 24 of 25)', () => {
      const shown = heldOut.filter((question) => showsFact(kb, question)).length;
      expect(shown / heldOut.length).toBeGreaterThanOrEqual(0.8);
    });

    it('shows it for at least 4 in 5 of the questions written from the public pages alone (measured: 40 of 45)', () => {
      const shown = heldOut2.filter((question) => showsFact(kb, question)).length;
      expect(heldOut2.length).toBeGreaterThanOrEqual(30);
      expect(shown / heldOut2.length).toBeGreaterThanOrEqual(0.8);
    });
  });

  describe('when the questions are in English', () => {
    it('answers from an English article', () => {
      const english = [...tuned, ...heldOut].filter((question) => question.lang === 'en');
      expect(english.length).toBeGreaterThanOrEqual(5);
      const languages = english.map((question) => {
        const result = kb.answer(question.q, { locale: 'en' });
        return result.kind === 'answered' ? result.article.language : result.kind;
      });
      expect(languages.filter((language) => language === 'en').length).toBeGreaterThanOrEqual(english.length - 1);
    });
  });
});
