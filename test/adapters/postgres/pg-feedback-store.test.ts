import { afterAll, describe } from 'vitest';
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
