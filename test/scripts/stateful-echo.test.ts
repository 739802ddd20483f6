import { afterEach, describe, expect, it } from 'vitest';
import { TestAdapter, type Activity } from 'botbuilder';
import { createStatefulEcho } from '../../scripts/bench/stateful-echo.js';
import { connectToSchema, createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/database.js';

/** The benchmarks' stateful floor must do the work it claims: state in the database, the lease per turn. */
async function adapterOn(db: TestDatabase['db']): Promise<TestAdapter> {
  const { bot, lease } = await createStatefulEcho(db);
  const adapter = new TestAdapter(async (context) => bot.run(context), { conversation: { id: 'c1', isGroup: false, conversationType: '', name: '' } } as Partial<Activity>);
  adapter.use(lease);
  return adapter;
}

async function say(adapter: TestAdapter, text: string): Promise<string> {
  let reply = '';
  await adapter.send(text).assertReply((activity) => {
    reply = String(activity.text);
  });
  return reply;
}

describe.each(DATABASE_KINDS)('stateful echo floor (%s)', (kind) => {
  let world: TestDatabase | undefined;
  afterEach(async () => {
    await world?.dispose();
    world = undefined;
  });

  it('counts the turns in conversation state, saved to the bot_state table', async () => {
    world = await createTestDatabase(kind);
    const adapter = await adapterOn(world.db);
    expect(await say(adapter, 'hej')).toBe('echo 1: hej');
    expect(await say(adapter, 'igen')).toBe('echo 2: igen');
    const { rows } = await world.db.query<{ key: string; document: unknown }>(`SELECT key, document FROM bot_state WHERE key = 'test/conversations/c1/'`);
    expect(JSON.stringify(rows)).toContain('"turns":2');
  });

  it('waits for the conversation lease before it reads the state', async () => {
    world = await createTestDatabase(kind);
    const adapter = await adapterOn(world.db);
    let released = false;
    let releaseLock: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (releaseLock = resolve));
    const lockTaken = new Promise<void>((taken) => {
      void world?.db.withLock('conversation:test:c1', 5000, async () => {
        taken();
        await held;
        released = true;
      });
    });
    await lockTaken;
    let releasedAtReply: boolean | undefined;
    const turn = adapter.send('hej').assertReply((activity) => {
      releasedAtReply = released;
      expect(activity.text).toBe('echo 1: hej');
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(releasedAtReply).toBeUndefined();
    releaseLock();
    await turn;
    expect(releasedAtReply).toBe(true);
  });
});

describe('stateful echo floor on two processes (postgres)', () => {
  it('continues the count a turn served by the other process saved', async () => {
    const world = await createTestDatabase('postgres');
    const second = connectToSchema(world.schema ?? '');
    try {
      const a = await adapterOn(world.db);
      const b = await adapterOn(second);
      expect(await say(a, 'en')).toBe('echo 1: en');
      expect(await say(b, 'to')).toBe('echo 2: to');
      expect(await say(a, 'tre')).toBe('echo 3: tre');
    } finally {
      await second.close();
      await world.dispose();
    }
  });
});
