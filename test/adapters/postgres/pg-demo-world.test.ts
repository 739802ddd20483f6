import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PgCaseStore } from '../../../adapters/postgres/pg-case-store.js';
import { demoWorldComplete, demoWorldState } from '../../../adapters/postgres/pg-demo-world.js';
import { PgDirectoryStore } from '../../../adapters/postgres/pg-directory-store.js';
import { DEMO_WORLD_KEYS, seedDemoData } from '../../../portal/index.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

// A start skips seeding when this says complete: it must say so only when seeding would add nothing.
describe.each(DATABASE_KINDS)('demoWorldComplete on %s', (kind) => {
  let database: TestDatabase;
  let seed: () => ReturnType<typeof seedDemoData>;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
    seed = () => seedDemoData(new PgDirectoryStore(database.db), new PgCaseStore(database.db));
  });
  afterEach(() => database.dispose());
  // What seeding a database without any of the demo world adds, the ordinary way.
  const expectedReport = async () => {
    const other = await createTestDatabase(kind);
    try {
      return await seedDemoData(new PgDirectoryStore(other.db), new PgCaseStore(other.db));
    } finally {
      await other.dispose();
    }
  };

  it('is false on an empty database and true once seeded', async () => {
    expect(await demoWorldComplete(database.db, DEMO_WORLD_KEYS)).toBe(false);
    await seed();
    expect(await demoWorldComplete(database.db, DEMO_WORLD_KEYS)).toBe(true);
  });

  it('tells an empty database from a partly seeded one, and seeding an empty one without lookups makes the same world', async () => {
    expect(await demoWorldState(database.db, DEMO_WORLD_KEYS)).toBe('empty');
    const directory = new PgDirectoryStore(database.db);
    const counted = { lookups: 0 };
    const looking = new Proxy(directory, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (key === 'getInstitution' || key === 'getUserByEmail' || key === 'listCommunityRequests') counted.lookups++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    expect(await seedDemoData(looking, new PgCaseStore(database.db), undefined, { empty: true })).toEqual(await expectedReport());
    expect(counted.lookups).toBe(0);
    expect(await demoWorldState(database.db, DEMO_WORLD_KEYS)).toBe('complete');
    expect(await seed()).toEqual({ institutions: 0, users: 0, cases: 0 });
    await database.db.query(`DELETE FROM portal_case WHERE idempotency_key = 'demo-case-1'`);
    expect(await demoWorldState(database.db, DEMO_WORLD_KEYS)).toBe('partial');
  });

  const losses: [string, string][] = [
    ['a user', `DELETE FROM portal_user WHERE email = 'kim@konsulenthuset.dk'`],
    ['a shared mailbox member', `DELETE FROM portal_mailbox_member WHERE member_id = (SELECT id FROM portal_user WHERE email = 'anna@eksempelstyrelsen.dk')`],
    ['an approved community access', `UPDATE portal_community_request SET status = 'rejected' WHERE institution_id = 'demo-instituttet'`],
    ['a case', `DELETE FROM portal_case WHERE idempotency_key = 'demo-case-1'`],
  ];
  for (const [what, sql] of losses) {
    it(`is false when ${what} is missing, and seeding puts it back`, async () => {
      await seed();
      await database.db.query(sql);
      expect(await demoWorldComplete(database.db, DEMO_WORLD_KEYS)).toBe(false);
      await seed();
      expect(await demoWorldComplete(database.db, DEMO_WORLD_KEYS)).toBe(true);
    });
  }
});
