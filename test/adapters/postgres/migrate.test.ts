import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationError, readMigrations, type Migration } from '../../../adapters/postgres/migrate.js';
import { connectToSchema, createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

const extra: Migration[] = [
  { version: 1, name: 'one', sql: 'CREATE TABLE m_one (id int);' },
  { version: 2, name: 'two', sql: 'CREATE TABLE m_two (id int); INSERT INTO m_two VALUES (1);' },
];

describe.each(DATABASE_KINDS)('migrate on %s', (kind) => {
  let world: TestDatabase | undefined;
  // The one-time PGlite initdb of the template belongs in a hook (60 s), not in the first test (30 s).
  beforeAll(async () => {
    await (await createTestDatabase(kind, { migrated: false })).dispose();
  });
  afterEach(async () => {
    await world?.dispose();
    world = undefined;
  });

  describe('when the database is fresh', () => {
    it('applies every migration in order and records them', async () => {
      world = await createTestDatabase(kind, { migrated: false });
      const files = readMigrations();
      const result = await migrate(world.db);
      expect(result.applied).toEqual(files.map((m) => m.version));
      const { rows } = await world.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r.version))).toEqual(files.map((m) => m.version));
    });
  });

  describe('when it runs again', () => {
    it('is a no-op', async () => {
      world = await createTestDatabase(kind, { migrated: false });
      await migrate(world.db, extra);
      const again = await migrate(world.db, extra);
      expect(again.applied).toEqual([]);
      expect(again.current).toBe(2);
      const { rows } = await world.db.query<{ n: number }>('SELECT count(*) AS n FROM m_two');
      expect(Number(rows[0]?.n)).toBe(1);
    });
  });

  describe('when every migration is applied already (every start of an existing database)', () => {
    it('finds it with one read and no transaction; a missing one still takes the locked path', async () => {
      world = await createTestDatabase(kind, { migrated: false });
      await migrate(world.db, extra);
      const db = world.db;
      const counts = { transactions: 0, statements: 0 };
      const counted = new Proxy(db, {
        get(target, key) {
          if (key === 'transaction') return (fn: Parameters<typeof db.transaction>[0]) => (counts.transactions++, target.transaction(fn));
          if (key === 'query') return (...args: Parameters<typeof db.query>) => (counts.statements++, target.query(...args));
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      expect(await migrate(counted, extra)).toEqual({ applied: [], current: 2 });
      expect(counts).toEqual({ transactions: 0, statements: 1 });
      const more = await migrate(counted, [...extra, { version: 3, name: 'three', sql: 'CREATE TABLE m_three (id int);' }]);
      expect(more).toEqual({ applied: [3], current: 3 });
      expect(counts.transactions).toBe(1);
    });
  });

  describe('when the database is newer than the code', () => {
    it('refuses with MIGRATION.SCHEMA_NEWER', async () => {
      world = await createTestDatabase(kind, { migrated: false });
      await migrate(world.db, extra);
      const older = extra.slice(0, 1);
      await expect(migrate(world.db, older)).rejects.toMatchObject({ code: 'MIGRATION.SCHEMA_NEWER' });
      await expect(migrate(world.db, older)).rejects.toBeInstanceOf(MigrationError);
    });
  });

  describe('when a migration fails', () => {
    it('applies nothing of the run', async () => {
      world = await createTestDatabase(kind, { migrated: false });
      const broken: Migration[] = [...extra, { version: 3, name: 'broken', sql: 'CREATE TABLE m_three (id int); SELECT nope FROM nowhere;' }];
      await expect(migrate(world.db, broken)).rejects.toMatchObject({ code: 'MIGRATION.FAILED' });
      const { rows } = await world.db.query<{ t: string | null }>(`SELECT to_regclass('m_one')::text AS t`);
      expect(rows[0]?.t).toBeNull();
    });
  });
});

describe('migrate with two processes starting at once', () => {
  it('applies each migration exactly once', async () => {
    const world = await createTestDatabase('postgres', { migrated: false });
    const second = connectToSchema(world.schema ?? '');
    try {
      const [a, b] = await Promise.all([migrate(world.db), migrate(second)]);
      const files = readMigrations().map((m) => m.version);
      expect([...a.applied, ...b.applied].sort((x, y) => x - y)).toEqual(files);
      const { rows } = await world.db.query<{ n: number }>('SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0]?.n)).toBe(files.length);
    } finally {
      await second.close();
      await world.dispose();
    }
  });
});
