import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../bot/logger.js';
import { silentLogger } from '../../../bot/logger.js';
import { PgCaseStore } from '../../../adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from '../../../adapters/postgres/pg-directory-store.js';
import { PgAttachmentStore } from '../../../adapters/postgres/pg-attachment-store.js';
import { PgDeskStore } from '../../../adapters/postgres/pg-desk-store.js';
import { PgFeedbackStore } from '../../../adapters/postgres/pg-feedback-store.js';
import { PgConversationReferenceStore } from '../../../adapters/postgres/pg-notifications.js';
import { PgRetention, RETENTION_LOCK } from '../../../adapters/postgres/pg-retention.js';
import { PgStorage } from '../../../adapters/postgres/pg-storage.js';
import { PgWebChatStore } from '../../../adapters/postgres/pg-webchat-store.js';
import { seedDemoData } from '../../../portal/index.js';
import { connectToSchema, createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

const OLD = "now() - interval '91 days'";
const RECENT = "now() - interval '89 days'";

describe.each(DATABASE_KINDS)('the retention job on %s', (kind) => {
  let world: TestDatabase;
  let annaId = '';
  let cases: { cases: number; events: number };

  const count = async (sql: string, params: unknown[] = []) => Number((await world.db.query<{ n: unknown }>(sql, params)).rows[0]?.n ?? -1);
  const casesNow = async () => ({
    cases: await count('SELECT count(*) AS n FROM portal_case'),
    events: await count('SELECT count(*) AS n FROM portal_case_event'),
  });

  beforeAll(async () => {
    world = await createTestDatabase(kind);
    const directory = new PgDirectoryStore(world.db);
    await seedDemoData(directory, new PgCaseStore(world.db));
    annaId = (await directory.getUserByEmail('anna@eksempelstyrelsen.dk'))?.id ?? '';
    // Cases and their history are years old: the authority's records, never purged.
    await world.db.exec(`UPDATE portal_case SET created_at = now() - interval '3 years', updated_at = now() - interval '3 years';
                         UPDATE portal_case_event SET at = now() - interval '3 years'`);
    cases = await casesNow();

    // Transcripts: an old conversation (all old), one old but still in use, one recent.
    const webchat = new PgWebChatStore(world.db);
    for (const id of ['conv-old', 'conv-in-use', 'conv-new']) {
      await webchat.createConversation({ id, userId: 'anna@eksempelstyrelsen.dk', userName: 'Anna Andersen' });
    }
    for (let i = 0; i < 5; i++) await webchat.append('conv-old', { type: 'message', text: `gammel ${i}` });
    await webchat.append('conv-in-use', { type: 'message', text: 'gammel' });
    await webchat.append('conv-in-use', { type: 'message', text: 'ny' });
    await webchat.append('conv-new', { type: 'message', text: 'ny' });
    await world.db.exec(`UPDATE webchat_conversations SET created_at = ${OLD} WHERE id IN ('conv-old', 'conv-in-use');
                         UPDATE webchat_activities SET created_at = ${OLD} WHERE conversation_id = 'conv-old' OR activity->>'text' = 'gammel';
                         UPDATE webchat_activities SET created_at = ${RECENT} WHERE activity->>'text' = 'ny'`);

    // Bot state.
    const state = new PgStorage(world.db);
    await state.write({ 'webchat/users/old@x.dk/': { profile: { language: 'da' } }, 'webchat/users/new@x.dk/': { profile: { language: 'en' } } });
    await world.db.exec(`UPDATE bot_state SET updated_at = ${OLD} WHERE key = 'webchat/users/old@x.dk/'`);

    // Conversation references: anna's Teams one is old, her web chat one recent.
    const references = new PgConversationReferenceStore(world.db);
    await references.save(annaId, { channelId: 'msteams', conversation: { id: 't', isGroup: false, conversationType: 'personal', name: '' } }, 'da');
    await references.save(annaId, { channelId: 'webchat', conversation: { id: 'w', isGroup: false, conversationType: 'personal', name: '' } }, 'da');
    await world.db.exec(`UPDATE notification_reference SET updated_at = ${OLD} WHERE channel_id = 'msteams'`);

    // Unanswered questions and feedback.
    const feedback = new PgFeedbackStore(world.db);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await feedback.recordUnanswered({ question: 'gammelt spørgsmål', locale: 'da', at: daysAgo(91), userId: annaId });
    await feedback.recordUnanswered({ question: 'nyt spørgsmål', locale: 'da', at: daysAgo(89), userId: annaId });
    await feedback.recordFeedback({ question: 'gammel vurdering', articleId: 'a', helpful: false, locale: 'da', at: daysAgo(91), userId: annaId });
    await feedback.recordFeedback({ question: 'ny vurdering', articleId: 'a', helpful: true, locale: 'da', at: daysAgo(89), userId: annaId });
    // Cases deflected at submit: the old one loses its user, the count stays.
    const desk = new PgDeskStore(world.db);
    await desk.recordDeflection({ articleId: 'gammel', channelId: 'webchat', locale: 'da', userId: annaId, at: daysAgo(91) });
    await desk.recordDeflection({ articleId: 'ny', channelId: 'webchat', locale: 'da', userId: annaId, at: daysAgo(89) });
    // Files: one sent long ago and never attached goes; a recent one and one on a case stay.
    const files = new PgAttachmentStore(world.db);
    const file = (name: string) => files.stage({ name, kind: 'txt', contentType: 'text/plain; charset=utf-8', size: 1, bytes: new TextEncoder().encode('x') });
    const old = await file('gammel.txt');
    await file('ny.txt');
    const onCase = await file('paa-sagen.txt');
    const { rows: caseRows } = await world.db.query<{ number: string }>('SELECT number FROM portal_case ORDER BY seq LIMIT 1');
    await files.attach(caseRows[0]?.number ?? '', [onCase.id], annaId, 5);
    await world.db.query(`UPDATE case_attachment SET created_at = ${OLD} WHERE id = ANY($1::uuid[])`, [[old.id, onCase.id]]);
  });
  afterAll(async () => world?.dispose());

  describe('when it runs with RETENTION_DAYS 90', () => {
    it('deletes, in batches, exactly what is older than that, and keeps the cases', async () => {
      const report = await new PgRetention(world.db, { days: 90, logger: silentLogger, batchSize: 2 }).runOnce();
      expect(report).toMatchObject({
        webchatActivities: 6,
        webchatConversations: 1,
        botState: 1,
        conversationReferences: 1,
        unansweredQuestions: 1,
        feedbackAnonymised: 1,
        deflectionsAnonymised: 1,
        stagedFiles: 1,
      });
      expect((await world.db.query<{ name: string }>('SELECT name FROM case_attachment ORDER BY name')).rows.map((r) => r.name)).toEqual(['ny.txt', 'paa-sagen.txt']);
      const texts = (await world.db.query<{ t: string }>(`SELECT conversation_id || ':' || (activity->>'text') AS t FROM webchat_activities ORDER BY 1`)).rows.map((r) => r.t);
      expect(texts).toEqual(['conv-in-use:ny', 'conv-new:ny']);
      const conversations = (await world.db.query<{ id: string }>('SELECT id FROM webchat_conversations ORDER BY id')).rows.map((r) => r.id);
      expect(conversations).toEqual(['conv-in-use', 'conv-new']);
      expect((await world.db.query<{ key: string }>('SELECT key FROM bot_state')).rows.map((r) => r.key)).toEqual(['webchat/users/new@x.dk/']);
      expect((await world.db.query<{ c: string }>('SELECT channel_id AS c FROM notification_reference')).rows.map((r) => r.c)).toEqual(['webchat']);
      expect((await world.db.query<{ q: string }>('SELECT question AS q FROM kb_unanswered')).rows.map((r) => r.q)).toEqual(['nyt spørgsmål']);
      const votes = (await world.db.query<{ q: string; u: string | null; helpful: boolean }>('SELECT question AS q, user_id::text AS u, helpful FROM kb_feedback ORDER BY at')).rows;
      expect(votes).toEqual([
        { q: '', u: null, helpful: false },
        { q: 'ny vurdering', u: annaId, helpful: true },
      ]);
      const deflections = (await world.db.query<{ a: string; u: string | null }>('SELECT article_id AS a, user_id::text AS u FROM case_deflection ORDER BY at')).rows;
      expect(deflections).toEqual([
        { a: 'gammel', u: null },
        { a: 'ny', u: annaId },
      ]);
      expect(await casesNow()).toEqual(cases);
    });

    it('finds nothing more on a second run', async () => {
      const report = await new PgRetention(world.db, { days: 90, logger: silentLogger }).runOnce();
      expect(report).toMatchObject({ webchatActivities: 0, webchatConversations: 0, botState: 0, conversationReferences: 0, unansweredQuestions: 0, feedbackAnonymised: 0, deflectionsAnonymised: 0 });
    });
  });

  describe('when the state is cached in front of the table (the embedded database)', () => {
    it('the purged documents leave the cache too', async () => {
      const storage = new PgStorage(world.db, { exclusiveCacheSize: 100 });
      await storage.write({ 'webchat/users/cached@x.dk/': { profile: { language: 'da' } } });
      await world.db.query(`UPDATE bot_state SET updated_at = ${OLD} WHERE key = $1`, ['webchat/users/cached@x.dk/']);
      expect(Object.keys(await storage.read(['webchat/users/cached@x.dk/']))).toHaveLength(1); // from the cache
      await new PgRetention(world.db, { days: 90, logger: silentLogger, onStateDeleted: (keys) => storage.forget(keys) }).runOnce();
      expect(await storage.read(['webchat/users/cached@x.dk/'])).toEqual({});
    });
  });

  describe('when started as every process starts it', () => {
    it('runs on its timer and logs what it purged, without message text', async () => {
      await world.db.exec(`INSERT INTO kb_unanswered (question, question_key, locale, at) VALUES ('timer-spørgsmål', 'timer-spørgsmål', 'da', ${OLD})`);
      const lines: Array<{ fields: Record<string, unknown>; message: string | undefined }> = [];
      const logger: Logger = {
        ...silentLogger,
        info: ((fields: Record<string, unknown> | string, message?: string) => {
          if (typeof fields === 'object') lines.push({ fields, message });
        }) as Logger['info'],
      };
      const job = new PgRetention(world.db, { days: 90, logger, firstRunMs: 5, intervalMs: 60_000 });
      job.start();
      const deadline = Date.now() + 5000;
      while (lines.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await job.stop();
      expect(lines).toHaveLength(1);
      expect(lines[0]?.message).toBe('privacy: retention purge');
      expect(lines[0]?.fields).toMatchObject({ unansweredQuestions: 1 });
      expect(JSON.stringify(lines)).not.toContain('timer-spørgsmål');
    });
  });

  describe.runIf(kind === 'postgres')('when another process is running it', () => {
    it('skips (the lock is not waited for) and leaves the rows to that process', async () => {
      await world.db.exec(`INSERT INTO kb_unanswered (question, question_key, locale, at) VALUES ('låst', 'låst', 'da', ${OLD})`);
      const other = connectToSchema(world.schema ?? '');
      try {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let entered!: () => void;
        const inside = new Promise<void>((resolve) => (entered = resolve));
        const holder = other.withLock(RETENTION_LOCK, 1000, async () => {
          entered();
          await held;
        });
        await inside;
        expect(await new PgRetention(world.db, { days: 90, logger: silentLogger }).runOnce()).toBeUndefined();
        expect(await count(`SELECT count(*) AS n FROM kb_unanswered WHERE question = 'låst'`)).toBe(1);
        release();
        await holder;
        expect(await new PgRetention(world.db, { days: 90, logger: silentLogger }).runOnce()).toMatchObject({ unansweredQuestions: 1 });
      } finally {
        await other.close();
      }
    });
  });
});

describe('PgRetention settings', () => {
  it('refuses a retention shorter than a day', async () => {
    const world = await createTestDatabase('pglite');
    try {
      expect(() => new PgRetention(world.db, { days: 0, logger: silentLogger })).toThrow(RangeError);
    } finally {
      await world.dispose();
    }
  });
});
