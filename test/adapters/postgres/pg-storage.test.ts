import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStorage, StorageConflictError } from '../../../adapters/postgres/pg-storage.js';
import { PgliteDatabase } from '../../../adapters/postgres/pglite-database.js';
import { migrate } from '../../../adapters/postgres/migrate.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectToSchema, createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

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
