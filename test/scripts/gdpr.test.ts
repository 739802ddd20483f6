import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../adapters/postgres/database.js';
import { migrate } from '../../adapters/postgres/migrate.js';
import { PgCaseStore } from '../../adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from '../../adapters/postgres/pg-directory-store.js';
import { PgFeedbackStore } from '../../adapters/postgres/pg-feedback-store.js';
import { PgliteDatabase } from '../../adapters/postgres/pglite-database.js';
import { PgWebChatStore } from '../../adapters/postgres/pg-webchat-store.js';
import { seedDemoData } from '../../portal/index.js';
import { createTestDatabase, schemaUrl, type TestDatabase } from '../support/database.js';

const run = promisify(execFile);
const ANNA = 'anna@eksempelstyrelsen.dk';

/** What the scripts need in the database: anna's cases, one web chat conversation and an unanswered question. */
async function fill(db: Database): Promise<void> {
  const directory = new PgDirectoryStore(db);
  await seedDemoData(directory, new PgCaseStore(db));
  const anna = await directory.getUserByEmail(ANNA);
  const webchat = new PgWebChatStore(db);
  await webchat.createConversation({ id: 'conv-anna', userId: ANNA, userName: 'Anna Andersen' });
  await webchat.append('conv-anna', { type: 'message', text: 'Hvor er min rejseafregning?' });
  await new PgFeedbackStore(db).recordUnanswered({ question: 'zebrafinker', locale: 'da', ...(anna ? { userId: anna.id } : {}) });
}

/** `npm run --silent gdpr:<command> -- --user <e-mail>` as an operator types it; its stdout parsed. */
async function gdpr(command: 'export' | 'erase', env: Record<string, string>, user = ANNA): Promise<Record<string, unknown>> {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...inherited } = process.env;
  const { stdout } = await run('npm', ['run', '--silent', `gdpr:${command}`, '--', '--user', user], {
    env: { ...inherited, ...env },
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    timeout: 60_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('npm run gdpr:export / gdpr:erase', () => {
  describe('on the embedded database in DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdpr-'));
    beforeAll(async () => {
      const db = await PgliteDatabase.open(dir);
      await migrate(db);
      await fill(db);
      await db.close();
    }, 60_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('exports one JSON document, erases, and the next export has only the cases left', async () => {
      const env = { DATA_DIR: dir };
      const exported = await gdpr('export', env);
      expect(exported).toMatchObject({ email: ANNA, user: { name: 'Anna Andersen' } });
      expect((exported.transcripts as unknown[]).length).toBe(1);
      expect((exported.cases as unknown[]).length).toBe(2);
      expect(JSON.stringify(exported)).toContain('Hvor er min rejseafregning?');

      const erased = await gdpr('erase', env);
      expect(erased).toMatchObject({ email: ANNA, deleted: { webchatConversations: 1, webchatActivities: 1, unansweredQuestions: 1 }, kept: { cases: 2 } });

      const after = await gdpr('export', env);
      expect(after.transcripts).toEqual([]);
      expect(after.unansweredQuestions).toEqual([]);
      expect((after.cases as unknown[]).length).toBe(2);
    }, 120_000);

    it('refuses an argument that is not an e-mail address, with a non-zero exit', async () => {
      await expect(gdpr('export', { DATA_DIR: dir }, 'not-an-address')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--user needs an e-mail address') });
    }, 60_000);
  });

  describe('on PostgreSQL (DATABASE_URL)', () => {
    let world: TestDatabase;
    beforeAll(async () => {
      world = await createTestDatabase('postgres');
      await fill(world.db);
    }, 60_000);
    afterAll(async () => world?.dispose());

    it('exports and erases the same way, without any of the assistant\'s secrets set', async () => {
      const env = { DATABASE_URL: schemaUrl(world.schema ?? '') };
      expect((await gdpr('export', env)).transcripts).toHaveLength(1);
      expect(await gdpr('erase', env)).toMatchObject({ deleted: { webchatConversations: 1, unansweredQuestions: 1 } });
      const { rows } = await world.db.query<{ n: unknown }>('SELECT count(*) AS n FROM webchat_activities');
      expect(Number(rows[0]?.n)).toBe(0);
    }, 120_000);
  });
});
