import { describe, expect, it } from 'vitest';
import type { FeedbackStore } from '../../knowledge/feedback-store.port.js';

const at = (minute: number): Date => new Date(Date.UTC(2026, 0, 15, 10, minute));

/** The contract every FeedbackStore keeps; run against each implementation. */
export function feedbackStoreContract(name: string, makeStore: () => Promise<FeedbackStore>): void {
  describe(name, () => {
    describe('when questions went unanswered', () => {
      it('reports the most frequent first, the same question typed differently counted once', async () => {
        const store = await makeStore();
        await store.recordUnanswered({ question: 'Hvor finder jeg samtykkeerklæringen?', locale: 'da', at: at(1) });
        await store.recordUnanswered({ question: 'hvor finder jeg samtykkeerklæringen', locale: 'da', at: at(2) });
        await store.recordUnanswered({ question: 'Hvad er klokken?', locale: 'da', at: at(3) });
        const report = await store.report();
        expect(report.unanswered.map((row) => [row.question, row.count])).toEqual([
          ['hvor finder jeg samtykkeerklæringen', 2],
          ['Hvad er klokken?', 1],
        ]);
        expect(report.unanswered[0]?.lastAt.toISOString()).toBe(at(2).toISOString());
      });
    });

    describe('when answers were rated', () => {
      it('lists the least helpful articles, worst share first, and leaves out articles nobody disliked', async () => {
        const store = await makeStore();
        const rate = (articleId: string, helpful: boolean, minute: number) =>
          store.recordFeedback({ question: 'q', articleId, helpful, locale: 'da', at: at(minute) });
        await rate('opret-sag', true, 1);
        await rate('opret-sag', false, 2);
        await rate('glemt-adgangskode', false, 3);
        await rate('system-rejsud', true, 4);
        const report = await store.report();
        expect(report.leastHelpful).toEqual([
          { articleId: 'glemt-adgangskode', helpful: 0, notHelpful: 1, notHelpfulShare: 1 },
          { articleId: 'opret-sag', helpful: 1, notHelpful: 1, notHelpfulShare: 0.5 },
        ]);
      });
    });

    describe('when asked for a period and a limit', () => {
      it('counts only that period, up to the limit', async () => {
        const store = await makeStore();
        await store.recordUnanswered({ question: 'gammel', locale: 'da', at: at(1) });
        await store.recordUnanswered({ question: 'ny', locale: 'en', at: at(10) });
        await store.recordUnanswered({ question: 'nyere', locale: 'da', at: at(11) });
        const report = await store.report({ since: at(5), limit: 1 });
        expect(report.unanswered.map((row) => row.question)).toEqual(['nyere']);
      });
    });
  });
}

