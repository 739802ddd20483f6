import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgWebChatStore } from '../../../adapters/postgres/pg-webchat-store.js';
import type { WebChatEvent } from '../../../adapters/webchat/webchat-store.js';
import { connectToSchema, createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

let counter = 0;
const newId = () => `conv-${process.pid}-${++counter}`;

describe.each(DATABASE_KINDS)('PgWebChatStore on %s', (kind) => {
  let world: TestDatabase;
  let store: PgWebChatStore;

  beforeAll(async () => {
    world = await createTestDatabase(kind);
    store = new PgWebChatStore(world.db);
  });
  afterAll(async () => {
    await store.close();
    await world.dispose();
  });

  describe('when activities are appended', () => {
    it('numbers them 1, 2, 3 … per conversation and ids them "<conversation>|<seq>"', async () => {
      const a = await store.createConversation({ id: newId(), userId: 'anna@x.dk', userName: 'Anna' });
      const b = await store.createConversation({ id: newId(), userId: 'anna@x.dk', userName: 'Anna' });
      const a1 = await store.append(a.id, { type: 'message', text: 'a1' });
      const b1 = await store.append(b.id, { type: 'message', text: 'b1' });
      const a2 = await store.append(a.id, { type: 'message', text: 'a2' });
      expect([a1?.seq, b1?.seq, a2?.seq]).toEqual([1, 1, 2]);
      expect(a2?.activity.id).toBe(`${a.id}|0000002`);
      expect((await store.getConversation(a.id))?.lastSeq).toBe(2);
    });

    it('keeps the sequence gap-free when many are appended at once', async () => {
      const c = await store.createConversation({ id: newId(), userId: 'anna@x.dk', userName: 'Anna' });
      await Promise.all(Array.from({ length: 25 }, (_, i) => store.append(c.id, { type: 'message', text: `m${i}` })));
      const all = await store.activitiesAfter(c.id, 0, 100);
      expect(all.map((x) => x.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    });

    it('returns undefined for a conversation that does not exist', async () => {
      expect(await store.append('no-such-conversation', { type: 'message', text: 'x' })).toBeUndefined();
    });
  });

  describe('when activities are read after a watermark', () => {
    it('returns those after it, in order, at most limit', async () => {
      const c = await store.createConversation({ id: newId(), userId: 'anna@x.dk', userName: 'Anna' });
      for (const text of ['1', '2', '3', '4']) await store.append(c.id, { type: 'message', text });
      expect((await store.activitiesAfter(c.id, 1, 2)).map((x) => x.activity.text)).toEqual(['2', '3']);
      expect(await store.activitiesAfter(c.id, 4, 10)).toEqual([]);
    });
  });

  describe('when an activity is updated and deleted', () => {
    it('appends the new version under the same id, and deletes every version', async () => {
      const c = await store.createConversation({ id: newId(), userId: 'anna@x.dk', userName: 'Anna' });
      const first = await store.append(c.id, { type: 'message', text: 'v1' });
      const id = String(first?.activity.id);
      const second = await store.append(c.id, { type: 'message', text: 'v2' }, id);
      expect(second).toMatchObject({ seq: 2, activity: { id, text: 'v2' } });
      expect(await store.deleteActivity(c.id, id)).toBe(true);
      expect(await store.activitiesAfter(c.id, 0, 10)).toEqual([]);
    });
  });

  describe('when a conversation is started twice', () => {
    it('reports the start once', async () => {
      const c = await store.createConversation({ id: newId(), userId: 'anna@x.dk', userName: 'Anna' });
      expect(await store.markStarted(c.id, 'da-DK')).toBe(true);
      expect(await store.markStarted(c.id, 'da-DK')).toBe(false);
      expect(await store.getConversation(c.id)).toMatchObject({ locale: 'da-DK', startedAt: expect.any(String) });
    });
  });

  describe('when a shared secret is asked for again', () => {
    it('is the same every time', async () => {
      const first = await store.sharedSecret('s');
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(await new PgWebChatStore(world.db).sharedSecret('s')).toBe(first);
    });
  });

  describe('when an event is notified', () => {
    it('reaches a subscriber of another store on the same database once', async () => {
      const second = kind === 'postgres' ? connectToSchema(world.schema ?? '') : undefined;
      const other = new PgWebChatStore(second ?? world.db);
      const seen: WebChatEvent[] = [];
      const own: WebChatEvent[] = [];
      await other.subscribe((e) => seen.push(e));
      await store.subscribe((e) => own.push(e));
      const event: WebChatEvent = { conversationId: 'c', kind: 'appended', seq: 7 };
      await store.notify(event);
      const deadline = Date.now() + 5000;
      while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toEqual([event]);
      expect(own).toEqual([event]);
      await other.close();
      await second?.close();
    });
  });
});
