import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../bot/messages.js';
import { texts } from '../../dialogs/texts.js';
import { loadArticles } from '../../knowledge/index.js';
import type { SeenReply } from '../../scripts/eval/chat-client.js';
import { ArticleTitles, chatEnd, whatTheUserSaw, type ChatEnd } from '../../scripts/eval/chat-ends.js';
import { evaluateChat, type ChatEvalReport, type QuestionOutcome } from '../../scripts/eval/chat-report.js';
import { QuestionSchema, type Question } from '../../scripts/eval/questions.js';

const root = resolve(import.meta.dirname, '../..');
const CORPUS = join(root, 'test/fixtures/knowledge/corpus');

const question = (q: string, expected: string[], lang: 'da' | 'en' = 'da', before?: string[]): Question =>
  QuestionSchema.parse({ q, expected_ids: expected, lang, ...(before ? { before } : {}) });

describe('chat:eval', () => {
  describe('when it judges what the user saw (fixture corpus titles, the texts of dialogs/texts.ts)', () => {
    let titles: ArticleTitles;
    beforeAll(async () => {
      titles = new ArticleTitles(await loadArticles([CORPUS]));
    });
    const da = texts('da');
    const en = texts('en');
    const r = (text: string, actions: string[] = []): SeenReply => ({ text, actions });
    const rows: Array<[what: string, replies: SeenReply[], expected: string[], end: ChatEnd]> = [
      ['an answer naming its source with a link', [r(`Brug "Glemt adgangskode".\n\n${da.source}: [Nulstil din adgangskode til HR-Løn](https://example.org/a)\n\n**${da.helped}**`, [da.yes, da.no])], ['adgangskode'], 'expectedAnswered'],
      ['an answer from the English translation of the expected article', [r(`Choose an area.\n\n${en.source}: *How to create a case*`, [en.yes, en.no])], ['opret-sag'], 'expectedAnswered'],
      ['an answer naming another article (the longer title wins over "RejsUd")', [r(`Tekst.\n\n${da.source}: *Fraværsassistent i RejsUd*`)], ['indfak-stedfortraeder'], 'otherAnswered'],
      ['"did you mean" with the expected article among the buttons', [r(`**${da.didYouMean}**\n\n- Fraværsassistent i IndFak\n- Fraværsassistent i RejsUd`, ['Fraværsassistent i IndFak', 'Fraværsassistent i RejsUd', da.noneOfThem])], ['rejsud-stedfortraeder'], 'choicesWithExpected'],
      ['"did you mean" without it', [r(`**${en.didYouMean}**`, ['Fraværsassistent i IndFak', 'Fraværsassistent i RejsUd', en.noneOfThem])], ['loenseddel'], 'choicesWithout'],
      ['the unknown-answer reply in English', [r(en.unknownAnswer, [en.createCase, en.rephrase])], [], 'declined'],
      ['a choice whose buttons happen to be titles, without "did you mean" (a case dialog)', [r('**Hvilket system?**', ['Rejseafregning i RejsUd', 'Fakturagodkendelse i IndFak'])], ['rejseafregning'], 'otherDialog'],
      ['the welcome text (small talk answered without an article)', [r(messages('da').welcome, ['Stil et spørgsmål', da.createCase, da.myCases])], [], 'declined'],
      ['thanks answered in English', [r(en.thanks)], [], 'declined'],
      ['a language asked for, confirmed (round 20)', [r(en.languageChosen)], [], 'declined'],
      ['a complaint answered with an apology and the desk\'s contact, not the contact article as an answer (round 20)', [r(da.complaint), r(`Ring 3392 9800.\n\n${da.source}: *Kontakt servicedesken*`), r(da.offerCaseInstead, [da.createCase, da.no])], [], 'declined'],
      ['the welcome for a question an article answers (a wrong turn, not a decline)', [r(messages('da').welcome, ['Stil et spørgsmål', da.createCase, da.myCases])], ['loenseddel'], 'otherDialog'],
      ['the case dialog', [r('**Hvilket område drejer din henvendelse sig om?**', ['Økonomi og Regnskab', 'Statens Løn og HR'])], [], 'otherDialog'],
    ];
    it.each(rows)('%s', (_what, replies, expected, end) => {
      const q = question('et spørgsmål', expected);
      expect(chatEnd(whatTheUserSaw(replies, titles), q, titles)).toBe(end);
    });
  });

  describe('when a question line carries earlier messages (`before`)', () => {
    it('accepts a list of earlier messages and refuses an empty one or an empty message', () => {
      expect(QuestionSchema.parse({ q: 'og hvad med RejsUd?', expected_ids: [], before: ['fraværsassistent i IndFak'] }).before).toEqual(['fraværsassistent i IndFak']);
      expect(QuestionSchema.safeParse({ q: 'x', expected_ids: [], before: [] }).success).toBe(false);
      expect(QuestionSchema.safeParse({ q: 'x', expected_ids: [], before: [''] }).success).toBe(false);
      expect(QuestionSchema.parse({ q: 'x', expected_ids: [] })).not.toHaveProperty('before');
    });

    it('sends them first in the same conversation and measures the end of the last message only', async () => {
      const followUp = question('hvordan gør jeg det?', ['indfak-stedfortraeder'], 'da', ['hvad er en fraværsassistent i IndFak?']);
      const alone = question('hvordan gør jeg det?', ['indfak-stedfortraeder']);
      const { outcomes } = await evaluateChat([CORPUS], [followUp, alone]);
      expect(outcomes[0]?.end).toBe('expectedAnswered');
      expect(outcomes[0]?.seen).toEqual({ kind: 'answered', articleIds: ['indfak-stedfortraeder'] });
      // Alone the same words have nothing to refer to: the earlier message made the difference.
      expect(outcomes[1]?.end).toBe('declined');
      // Only the follow-up's replies are kept: one answer, not the first message's as well.
      expect(outcomes[0]?.replies.filter((r) => /Kilde/.test(r.text))).toHaveLength(1);
    }, 120_000);
  });

  describe('when questions go through the real bot over the fixture corpus', () => {
    const questions = [
      question('hvordan nulstiller jeg min adgangskode til HR-Løn?', ['adgangskode']),
      question('How do I create a case in the portal?', ['opret-sag'], 'en'),
      question('fraværsassistent', ['indfak-stedfortraeder']),
      question('hvad bliver vejret i morgen?', []),
      question('opret en sag', []),
    ];
    let report: ChatEvalReport;
    let outcomes: QuestionOutcome[];
    beforeAll(async () => {
      ({ report, outcomes } = await evaluateChat([CORPUS], questions));
    });

    it('each question ends as the user saw it: answered, answered in English, choices, declined, another dialog', () => {
      expect(outcomes.map((o) => o.end)).toEqual(['expectedAnswered', 'expectedAnswered', 'choicesWithExpected', 'declined', 'otherDialog']);
      expect(outcomes[1]?.seen).toEqual({ kind: 'answered', articleIds: ['opret-sag.en'] });
      expect(outcomes[4]?.replies[0]?.text).toMatch(/område/i);
    });

    it('counts the shares per group and where kb:eval decided otherwise ("opret en sag": kb:eval answers it)', () => {
      expect(report.questions).toBe(5);
      expect(report.chat.all).toMatchObject({ n: 5, expectedAnswered: 0.4, choicesWithExpected: 0.2, declined: 0.2, otherDialog: 0.2 });
      expect(report.chat.inScope).toMatchObject({ n: 3, expectedAnswered: 0.667, answeredOrOffered: 1 });
      expect(report.chat.outOfScope).toMatchObject({ n: 2, declined: 0.5, otherDialog: 0.5 });
      expect(report.chat.en).toMatchObject({ n: 1, expectedAnswered: 1 });
      expect(report.kb).toMatchObject({ questions: 3, outOfScope: 2 });
      expect(outcomes.filter((o) => o.disagrees).map((o) => o.question.q)).toEqual(['opret en sag']);
      expect(report.disagreements).toBe(1);
    });

    it('reports the figures as one object: questions, kb, chat, disagreements (what --json prints)', () => {
      expect(Object.keys(report).sort()).toEqual(['chat', 'disagreements', 'kb', 'questions']);
      expect(Object.keys(report.chat).sort()).toEqual(['all', 'en', 'enOutOfScope', 'inScope', 'outOfScope']);
    });
  });
});
