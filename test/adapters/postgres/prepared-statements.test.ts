import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

/**
 * `prepareAs` (a statement parsed and planned once per connection) must return exactly what the
 * same statement returns unprepared, on both adapters: same rows, same types, same row counts, the
 * same errors, and the same place in a transaction.
 */
describe.each(DATABASE_KINDS)('named statements (prepareAs) on %s', (kind) => {
  let world: TestDatabase;

  beforeAll(async () => {
    world = await createTestDatabase(kind, { migrated: false });
    await world.db.exec(`
      CREATE TABLE prep_t (id uuid PRIMARY KEY, name text NOT NULL, tags text[] NOT NULL DEFAULT '{}',
        doc jsonb, n bigint, ok boolean, at timestamptz, seq serial);
    `);
  });
  afterAll(() => world.dispose());

  const insert = `INSERT INTO prep_t (id, name, tags, doc, n, ok, at) VALUES ($1::uuid, $2, $3::text[], $4::jsonb, $5, $6, $7::timestamptz) RETURNING *`;
  const select = `SELECT id, name, tags, doc, n, ok, at, (SELECT json_agg(x) FROM (SELECT id, name FROM prep_t WHERE name = $2) x) AS same_name FROM prep_t WHERE id = $1::uuid`;

  it('returns the same rows, types and row counts as the unprepared statement', async () => {
    const db = world.db;
    const values = ['0b6a3f43-4cf0-4f3e-9a41-8a2b1c3d4e5f', 'Løn', ['a', 'b c', 'æ'], JSON.stringify({ x: [1, 'ø'] }), 9_007_199_254_740_993n, true, '2026-12-03T10:00:00.000Z'];
    const prepared = await db.query(insert, values, { prepareAs: 'prep_insert' });
    const again = { ...prepared.rows[0] };
    await db.query(`DELETE FROM prep_t`);
    const plain = await db.query(insert, values);
    expect(prepared.rowCount).toBe(1);
    expect(prepared.rowCount).toBe(plain.rowCount);
    expect({ ...again, seq: 0 }).toEqual({ ...plain.rows[0], seq: 0 });
    const second = ['1c6a3f43-4cf0-4f3e-9a41-8a2b1c3d4e5f', 'Løn', [], null, null, null, null];
    await db.query(insert, second, { prepareAs: 'prep_insert' });
    for (const id of [values[0], second[0], '2c6a3f43-4cf0-4f3e-9a41-8a2b1c3d4e5f']) {
      const a = await db.query(select, [id, 'Løn']);
      const b = await db.query(select, [id, 'Løn'], { prepareAs: 'prep_select' });
      expect(b.rows).toEqual(a.rows);
    }
    // A row's value types, not only their JSON: a Date, an array, parsed JSON.
    const [row] = (await db.query<{ at: unknown; tags: unknown; doc: unknown }>(select, [values[0], 'Løn'], { prepareAs: 'prep_select' })).rows;
    expect(row?.at).toBeInstanceOf(Date);
    expect(row?.tags).toEqual(['a', 'b c', 'æ']);
    expect(row?.doc).toEqual({ x: [1, 'ø'] });
    const updated = await db.query(`UPDATE prep_t SET ok = NOT coalesce(ok, false) WHERE name = $1`, ['Løn'], { prepareAs: 'prep_update' });
    expect(updated.rowCount).toBe(2);
    expect(updated.rows).toEqual([]);
  });

  it('fails as the unprepared statement does and leaves the connection usable', async () => {
    const db = world.db;
    const row = ['3c6a3f43-4cf0-4f3e-9a41-8a2b1c3d4e5f', 'x', [], null, 1, false, null];
    await db.query(insert, row, { prepareAs: 'prep_insert' });
    const error = await db.query(insert, row, { prepareAs: 'prep_insert' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '23505' });
    // The statement's parameters are not hung on the error (PostgreSQL's own detail names the key).
    expect(error).not.toHaveProperty('params');
    expect((await db.query(select, [row[0], 'x'], { prepareAs: 'prep_select' })).rows).toHaveLength(1);
  });

  it('runs inside a transaction and is rolled back with it', async () => {
    const db = world.db;
    const id = '4c6a3f43-4cf0-4f3e-9a41-8a2b1c3d4e5f';
    await expect(
      db.transaction(async (tx) => {
        await tx.query(insert, [id, 'tx', [], null, null, null, null], { prepareAs: 'prep_insert' });
        expect((await tx.query(select, [id, 'tx'], { prepareAs: 'prep_select' })).rows).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await db.query(select, [id, 'tx'], { prepareAs: 'prep_select' })).rows).toEqual([]);
    await db.transaction(async (tx) => {
      await tx.query(insert, [id, 'tx', [], null, null, null, null], { prepareAs: 'prep_insert' });
    });
    expect((await db.query(select, [id, 'tx'], { prepareAs: 'prep_select' })).rows).toHaveLength(1);
  });

  it('does not run inside another caller’s transaction', async () => {
    const db = world.db;
    const id = '5c6a3f43-4cf0-4f3e-9a41-8a2b1c3d4e5f';
    let outside: Promise<unknown> | undefined;
    await expect(
      db.transaction(async (tx) => {
        await tx.query(insert, [id, 'inner', [], null, null, null, null], { prepareAs: 'prep_insert' });
        // Started while the transaction is open: it must not see, nor be rolled back with, its rows.
        outside = db.query(insert, ['6c6a3f43-4cf0-4f3e-9a41-8a2b1c3d4e5f', 'outer', [], null, null, null, null], { prepareAs: 'prep_insert' });
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await outside;
    expect((await db.query(`SELECT name FROM prep_t WHERE name IN ('inner', 'outer') ORDER BY name`)).rows).toEqual([{ name: 'outer' }]);
  });

  it('refuses one name for two texts on PGlite, as node-postgres does', async () => {
    const db = world.db;
    await db.query(`SELECT 1 AS one`, [], { prepareAs: 'prep_two' });
    await expect(db.query(`SELECT 2 AS two`, [], { prepareAs: 'prep_two' })).rejects.toThrow();
  });

  it('can be prepared again after its first parse failed', async () => {
    const db = world.db;
    await expect(db.query(`SELECT nope FROM prep_t`, [], { prepareAs: 'prep_bad' })).rejects.toMatchObject({ code: '42703' });
    await db.exec(`ALTER TABLE prep_t ADD COLUMN nope int`);
    expect((await db.query(`SELECT nope FROM prep_t LIMIT 1`, [], { prepareAs: 'prep_bad' })).rows).toEqual([{ nope: null }]);
  });
});
