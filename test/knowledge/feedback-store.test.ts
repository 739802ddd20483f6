import pg from 'pg';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgFeedbackStore } from '../../adapters/postgres/pg-feedback-store.js';
import type { Queryable, QueryResult } from '../../adapters/postgres/database.js';
import { questionKey, type FeedbackStore } from '../../knowledge/feedback-store.port.js';
import { InMemoryFeedbackStore } from '../fakes/in-memory-feedback-store.js';

const at = (minute: number): Date => new Date(Date.UTC(2026, 0, 15, 10, minute));

/** The contract every FeedbackStore keeps; run against each implementation. */
function contract(name: string, makeStore: () => Promise<FeedbackStore>): void {
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

describe('questionKey', () => {
  describe('when questions differ in case, punctuation and spacing', () => {
    it('gives one key', () => {
      expect(questionKey('  Hvor er  min SAG?! ')).toBe(questionKey('hvor er min sag'));
      expect(questionKey('Hvor er min sag')).not.toBe(questionKey('Hvor er min sagsmappe'));
    });
  });
});

contract('InMemoryFeedbackStore', async () => new InMemoryFeedbackStore());

// PgFeedbackStore against the real PostgreSQL of the project's machines (never a mock). The lead's
// Database adapters are not on main yet, so a pool stands in for the Queryable port here.
const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
const reachable = await pool.query('SELECT 1').then(
  () => true,
  () => false,
);
const schema = `kb_test_${process.pid}`;

describe.skipIf(!reachable)('PgFeedbackStore on PostgreSQL', () => {
  let counter = 0;
  const created: string[] = [];
  const queryable = (search: string): Queryable => ({
    async query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const client = await pool.connect();
      try {
        await client.query(`SET search_path TO ${search}`);
        const result = await client.query(sql, params ? [...params] : []);
        return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
      } finally {
        client.release();
      }
    },
  });

  beforeAll(async () => {
    await pool.query(`CREATE SCHEMA ${schema}`);
  });

  afterAll(async () => {
    for (const search of [...created, schema]) await pool.query(`DROP SCHEMA IF EXISTS ${search} CASCADE`);
    await pool.end();
  });

  contract('PgFeedbackStore', async () => {
    // A fresh schema per test, migrated with the real migration file.
    counter += 1;
    const search = `${schema}_${counter}`;
    await pool.query(`CREATE SCHEMA ${search}`);
    created.push(search);
    const client = await pool.connect();
    try {
      await client.query(`SET search_path TO ${search}`);
      await client.query(readFileSync('adapters/postgres/migrations/020_knowledge_feedback.sql', 'utf8'));
    } finally {
      client.release();
    }
    return new PgFeedbackStore(queryable(search));
  });
});
