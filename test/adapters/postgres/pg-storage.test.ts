import { TestAdapter, TurnContext } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JsonConversationState } from '../../../bot/json-state.js';
import { PgStorage, ROWS_PER_STATEMENT, StorageConflictError } from '../../../adapters/postgres/pg-storage.js';
import { PgliteDatabase } from '../../../adapters/postgres/pglite-database.js';
import { migrate } from '../../../adapters/postgres/migrate.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectToSchema, createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

function stateTurn(): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    conversation: { id: 'c-json', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'u-json', name: 'u' },
    recipient: { id: 'bot', name: 'bot' },
    text: 'hej',
  });
}

describe.each(DATABASE_KINDS)('PgStorage on %s', (kind) => {
  let world: TestDatabase;
  let storage: PgStorage;

  beforeAll(async () => {
    world = await createTestDatabase(kind);
    storage = new PgStorage(world.db);
  });
  afterAll(async () => world.dispose());

  describe('when an item is written and read back', () => {
    it('returns the document with a fresh eTag', async () => {
      await storage.write({ 'a/1': { count: 1, name: 'Løn' } });
      const items = await storage.read(['a/1', 'missing']);
      expect(items['a/1']).toMatchObject({ count: 1, name: 'Løn' });
      expect(typeof items['a/1']?.eTag).toBe('string');
      expect(items.missing).toBeUndefined();
    });
  });

  describe('when an item is deleted', () => {
    it('is gone', async () => {
      await storage.write({ 'a/del': { x: 1 } });
      await storage.delete(['a/del']);
      expect(await storage.read(['a/del'])).toEqual({});
    });
  });

  describe('when a write carries a stale eTag', () => {
    it('fails with a conflict and keeps the newer document', async () => {
      await storage.write({ 'a/2': { v: 1 } });
      const first = (await storage.read(['a/2']))['a/2'];
      await storage.write({ 'a/2': { ...first, v: 2 } });
      await expect(storage.write({ 'a/2': { ...first, v: 3 } })).rejects.toBeInstanceOf(StorageConflictError);
      expect((await storage.read(['a/2']))['a/2']).toMatchObject({ v: 2 });
    });
  });

  describe('when the eTag is "*"', () => {
    it('overwrites unconditionally', async () => {
      await storage.write({ 'a/3': { v: 1 } });
      await storage.write({ 'a/3': { v: 9, eTag: '*' } });
      expect((await storage.read(['a/3']))['a/3']).toMatchObject({ v: 9 });
    });
  });

  describe('when one call writes several items', () => {
    it('stores them all, each with its own eTag', async () => {
      await storage.write({ 'm/1': { v: 1 }, 'm/2': { v: 2, eTag: '*' }, 'm/3': { v: 3 } });
      const items = await storage.read(['m/1', 'm/2', 'm/3']);
      expect([items['m/1']?.v, items['m/2']?.v, items['m/3']?.v]).toEqual([1, 2, 3]);
      expect(new Set([items['m/1']?.eTag, items['m/2']?.eTag, items['m/3']?.eTag]).size).toBe(3);
    });
  });

  describe('when one call reads, writes and deletes more items than fit in one statement', () => {
    it('splits them and loses none', async () => {
      const many = Array.from({ length: ROWS_PER_STATEMENT * 2 + 7 }, (_, i) => `bulk/${i}`);
      await storage.write(Object.fromEntries(many.map((key, i) => [key, { i }])));
      const items = await storage.read(many);
      expect(many.every((key, i) => items[key]?.i === i)).toBe(true);
      await storage.delete(many);
      expect(await storage.read(many)).toEqual({});
    });
  });

  describe('when a key holds quotes, commas and parentheses', () => {
    it('is a parameter, not SQL', async () => {
      const key = "x/'); DROP TABLE bot_state; --,(y)";
      await storage.write({ [key]: { v: 'ok' } });
      expect((await storage.read([key, 'a/1']))[key]).toMatchObject({ v: 'ok' });
      await storage.delete([key]);
      expect(await storage.read([key])).toEqual({});
    });
  });

  describe('with an exclusive cache', () => {
    it('reads from memory what it wrote, hands out copies, and evicts the least recently used', async () => {
      const cached = new PgStorage(world.db, { exclusiveCacheSize: 2 });
      await cached.write({ 'c/1': { v: 1 }, 'c/2': { v: 2 } });
      // Behind the cache's back: only a read that goes to the database sees this.
      await world.db.query(`UPDATE bot_state SET document = '{"v": 99}'::jsonb WHERE key IN ('c/1', 'c/2')`);
      const first = await cached.read(['c/1', 'c/2']);
      expect([first['c/1']?.v, first['c/2']?.v]).toEqual([1, 2]);
      (first['c/1'] as { v: number }).v = 5;
      expect((await cached.read(['c/1']))['c/1']?.v).toBe(1);
      // c/1 was used last; a third document evicts c/2, whose next read comes from the database.
      await cached.write({ 'c/3': { v: 3 } });
      expect((await cached.read(['c/1']))['c/1']?.v).toBe(1);
      expect((await cached.read(['c/2']))['c/2']?.v).toBe(99);
    });

    it('keeps eTag conflicts: a stale eTag fails and the cache keeps the newer document', async () => {
      const cached = new PgStorage(world.db, { exclusiveCacheSize: 10 });
      await cached.write({ 'c/e': { v: 1 } });
      const seen = (await cached.read(['c/e']))['c/e'];
      await cached.write({ 'c/e': { ...seen, v: 2 } });
      await expect(cached.write({ 'c/e': { ...seen, v: 3 } })).rejects.toBeInstanceOf(StorageConflictError);
      expect((await cached.read(['c/e']))['c/e']).toMatchObject({ v: 2 });
    });

    it('forgets a deleted document', async () => {
      const cached = new PgStorage(world.db, { exclusiveCacheSize: 10 });
      await cached.write({ 'c/d': { v: 1 } });
      await cached.delete(['c/d']);
      expect(await cached.read(['c/d'])).toEqual({});
    });

    it('hands a state its cached JSON at load and takes the JSON of its save: one JSON.stringify a changed document a turn', async () => {
      const cached = new PgStorage(world.db, { exclusiveCacheSize: 10 });
      const state = new JsonConversationState(cached);
      const steps = state.createProperty<{ step: number; answers: Record<string, string> }>('form');
      const first = stateTurn();
      await steps.set(first, { step: 1, answers: { area: 'Løn' } });
      await state.saveChanges(first);
      const second = stateTurn();
      const stringify = vi.spyOn(JSON, 'stringify');
      try {
        await state.load(second);
        const form = await steps.get(second);
        if (!form) throw new Error('not loaded');
        form.step = 2;
        form.answers.system = 'SLS';
        await state.saveChanges(second);
        // The change test of the save; neither the load's baseline nor the storage's write stringified it again.
        expect(stringify).toHaveBeenCalledTimes(1);
      } finally {
        stringify.mockRestore();
      }
      expect(await steps.get(stateTurn())).toEqual({ step: 2, answers: { area: 'Løn', system: 'SLS' } });
      await world.db.query(`DELETE FROM bot_state WHERE key = 'test/conversations/c-json/'`);
    });

    it('never writes an object from the JSON it was read with: a document changed after the read is written as changed', async () => {
      const cached = new PgStorage(world.db, { exclusiveCacheSize: 10 });
      await cached.write({ 'c/j': { v: 1, list: [1] } });
      const read = (await cached.read(['c/j']))['c/j'] as { v: number; list: number[]; eTag?: string };
      read.v = 2;
      read.list.push(2);
      read.eTag = '*';
      // botbuilder's own BotState (the stateful floor's) writes what it read, changed, with no JSON of its own.
      await cached.write({ 'c/j': read });
      expect((await cached.read(['c/j']))['c/j']).toMatchObject({ v: 2, list: [1, 2] });
      const fresh = new PgStorage(world.db, { exclusiveCacheSize: 10 });
      expect((await fresh.read(['c/j']))['c/j']).toMatchObject({ v: 2, list: [1, 2] });
    });
  });

  describe('when two writers race with the same eTag', () => {
    it('lets exactly one win and gives the other a conflict', async () => {
      await storage.write({ 'a/race': { v: 0 } });
      const seen = (await storage.read(['a/race']))['a/race'];
      const other = kind === 'postgres' && world.schema ? new PgStorage(connectToSchema(world.schema)) : storage;
      const results = await Promise.allSettled([
        storage.write({ 'a/race': { ...seen, v: 'left' } }),
        other.write({ 'a/race': { ...seen, v: 'right' } }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StorageConflictError);
    });
  });
});

describe('PgStorage across a restart', () => {
  describe('when the embedded database is closed and reopened', () => {
    it('still has the state', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sp-state-'));
      try {
        const first = await PgliteDatabase.open(dir);
        await migrate(first);
        await new PgStorage(first).write({ 'conv/1': { dialogStack: ['main'] } });
        await first.close();
        const second = await PgliteDatabase.open(dir);
        const items = await new PgStorage(second).read(['conv/1']);
        await second.close();
        expect(items['conv/1']).toMatchObject({ dialogStack: ['main'] });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // Two on-disk PGlite opens (one with initdb): slow on a busy 2-core machine.
    }, 90_000);
  });

  describe('when a new PostgreSQL pool connects to the same schema', () => {
    it('reads what the old pool wrote', async () => {
      const world = await createTestDatabase('postgres');
      try {
        await new PgStorage(world.db).write({ 'user/9': { locale: 'en' } });
        const again = connectToSchema(world.schema ?? '');
        const items = await new PgStorage(again).read(['user/9']);
        await again.close();
        expect(items['user/9']).toMatchObject({ locale: 'en' });
      } finally {
        await world.dispose();
      }
    });
  });
});
