import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

describe.each(DATABASE_KINDS)('Database.connections() on %s', (kind) => {
  let world: TestDatabase;
  beforeAll(async () => {
    world = await createTestDatabase(kind, { migrated: false });
  });
  afterAll(() => world.dispose());

  it('reports nothing in use or waiting when idle, and the statements running and waiting while they run', async () => {
    const db = world.db;
    await db.query('SELECT 1');
    const idle = db.connections!();
    expect(idle).toMatchObject({ inUse: 0, waiting: 0 });
    // More statements than the pool has connections (the test pool: 5; PGlite: one).
    const running = Array.from({ length: 7 }, () => db.query('SELECT pg_sleep(0.2)'));
    // PGlite runs a statement on the event loop, so it is looked at before the first one starts.
    if (kind === 'postgres') await new Promise((resolve) => setTimeout(resolve, 50));
    const busy = db.connections!();
    await Promise.all(running);
    if (kind === 'pglite') {
      expect(busy).toEqual({ total: 1, inUse: 1, waiting: 6, max: 1 });
    } else {
      expect(busy).toEqual({ total: 5, inUse: 5, waiting: 2, max: 5 });
    }
    expect(db.connections!()).toMatchObject({ inUse: 0, waiting: 0 });
  });

  it('counts a running transaction as a connection in use', async () => {
    const db = world.db;
    let during: ReturnType<NonNullable<typeof db.connections>> | undefined;
    await db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      during = db.connections!();
    });
    expect(during?.inUse).toBe(1);
  });
});
