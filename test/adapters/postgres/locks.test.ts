import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, KeyedMutex, LockTimeoutError } from '../../../adapters/postgres/database.js';
import { classify, PgDatabase } from '../../../adapters/postgres/pg-database.js';
import { connectToSchema, createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedMutex', () => {
  describe('when two tasks share a key', () => {
    it('runs them one after the other, in order', async () => {
      const mutex = new KeyedMutex();
      const log: string[] = [];
      await Promise.all([
        mutex.run('k', async () => {
          log.push('a-start');
          await sleep(30);
          log.push('a-end');
        }),
        mutex.run('k', async () => {
          log.push('b-start');
          log.push('b-end');
        }),
        mutex.run('other', async () => {
          log.push('c');
        }),
      ]);
      expect(log.indexOf('b-start')).toBeGreaterThan(log.indexOf('a-end'));
      expect(log.indexOf('c')).toBeLessThan(log.indexOf('a-end'));
    });
  });

  describe('when a task throws', () => {
    it('still lets the next one run', async () => {
      const mutex = new KeyedMutex();
      await expect(mutex.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      await expect(mutex.run('k', async () => 7)).resolves.toBe(7);
    });
  });
});

describe.each(DATABASE_KINDS)('Database.withLock on %s', (kind) => {
  let world: TestDatabase;
  beforeAll(async () => {
    world = await createTestDatabase(kind);
  });
  afterAll(async () => world.dispose());

  describe('when two holders want the same key', () => {
    it('serialises them', async () => {
      const other = kind === 'postgres' ? connectToSchema(world.schema ?? '') : world.db;
      const log: string[] = [];
      try {
        await Promise.all([
          world.db.withLock('conv:1', 5000, async () => {
            log.push('a-start');
            await sleep(150);
            log.push('a-end');
          }),
          (async () => {
            await sleep(20);
            await other.withLock('conv:1', 5000, async () => {
              log.push('b');
            });
          })(),
        ]);
      } finally {
        if (other !== world.db) await other.close();
      }
      expect(log).toEqual(['a-start', 'a-end', 'b']);
    });
  });
});

describe('PgDatabase.withLock across processes', () => {
  describe('when the lock is held longer than the timeout', () => {
    it('fails with LockTimeoutError', async () => {
      const world = await createTestDatabase('postgres');
      const other = connectToSchema(world.schema ?? '');
      try {
        const holding = world.db.withLock('conv:2', 5000, () => sleep(600));
        await sleep(50);
        await expect(other.withLock('conv:2', 100, async () => 'never')).rejects.toBeInstanceOf(LockTimeoutError);
        await holding;
        await expect(other.withLock('conv:2', 1000, async () => 'now')).resolves.toBe('now');
      } finally {
        await other.close();
        await world.dispose();
      }
    });
  });
});

describe('PgDatabase.withLock when the holder died', () => {
  it('takes over once the dead holder\'s lease has run out', async () => {
    const world = await createTestDatabase('postgres');
    try {
      await world.db.query(`INSERT INTO lock_lease (key, holder, expires_at) VALUES ('conv:dead', 'killed-process', clock_timestamp() + interval '300 milliseconds')`);
      const started = Date.now();
      await expect(world.db.withLock('conv:dead', 100, async () => 'early')).rejects.toBeInstanceOf(LockTimeoutError);
      await expect(world.db.withLock('conv:dead', 3000, async () => 'taken over')).resolves.toBe('taken over');
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      const { rows } = await world.db.query<{ n: number }>(`SELECT count(*) AS n FROM lock_lease WHERE key = 'conv:dead'`);
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await world.dispose();
    }
  });
});

describe('PgDatabase when PostgreSQL cannot be reached', () => {
  it('throws DatabaseUnavailableError and pings false', async () => {
    const db = new PgDatabase({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    try {
      await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(db.withLock('k', 100, async () => 1)).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(await db.ping(500)).toBe(false);
    } finally {
      await db.close();
    }
  });

  it('leaves SQL errors as they are', () => {
    const sqlError = Object.assign(new Error('syntax error'), { code: '42601' });
    expect(classify(sqlError)).toBe(sqlError);
  });
});
