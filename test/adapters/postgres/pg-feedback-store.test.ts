import { afterAll, describe, expect, it } from 'vitest';
import { PgFeedbackStore } from '../../../adapters/postgres/pg-feedback-store.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';
import { feedbackStoreContract } from '../../knowledge/feedback-store.contract.js';

// The same contract as InMemoryFeedbackStore, on real PostgreSQL and on PGlite, each test in a
// fresh migrated database (migration 020_knowledge_feedback.sql).
for (const kind of DATABASE_KINDS) {
  describe(`PgFeedbackStore on ${kind}`, () => {
    const opened: TestDatabase[] = [];
    afterAll(async () => {
      await Promise.all(opened.map((database) => database.dispose()));
    });
    feedbackStoreContract(`PgFeedbackStore (${kind})`, async () => {
      const database = await createTestDatabase(kind);
      opened.push(database);
      return new PgFeedbackStore(database.db);
    });
  });
}

// Feedback and unanswered questions are kept with the portal user (migration 080), so a person's
// data can be exported and erased; an id that is not a portal user's is not kept.
describe.each(DATABASE_KINDS)('PgFeedbackStore with the user on %s', (kind) => {
  let database: TestDatabase;
  afterAll(async () => database?.dispose());

  it('stores the user id with feedback and unanswered questions', async () => {
    database = await createTestDatabase(kind);
    const store = new PgFeedbackStore(database.db);
    const userId = '5b0a3a3e-8d4c-4f7e-9a43-1c2b3d4e5f60';
    await store.recordFeedback({ question: 'q1', articleId: 'a', helpful: true, locale: 'da', at: new Date(), userId });
    await store.recordUnanswered({ question: 'q2', locale: 'da', userId });
    await store.recordUnanswered({ question: 'q3', locale: 'da', userId: 'anna@eksempelstyrelsen.dk' });
    await store.recordUnanswered({ question: 'q4', locale: 'da' });
    const rows = await database.db.query<{ q: string; u: string | null }>(
      `SELECT question AS q, user_id::text AS u FROM kb_feedback UNION ALL SELECT question, user_id::text FROM kb_unanswered ORDER BY 1`,
    );
    expect(rows.rows).toEqual([
      { q: 'q1', u: userId },
      { q: 'q2', u: userId },
      { q: 'q3', u: null },
      { q: 'q4', u: null },
    ]);
  });
});
