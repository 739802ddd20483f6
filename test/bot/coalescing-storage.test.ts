import { MemoryStorage, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { CoalescingStorage } from '../../bot/coalescing-storage.js';

/** A MemoryStorage that records each call it gets. */
class CountingStorage extends MemoryStorage {
  readonly calls: { op: 'read' | 'write'; keys: string[] }[] = [];

  override read(keys: string[]): Promise<StoreItems> {
    this.calls.push({ op: 'read', keys: [...keys] });
    return super.read(keys);
  }

  override write(changes: StoreItems): Promise<void> {
    this.calls.push({ op: 'write', keys: Object.keys(changes) });
    return super.write(changes);
  }
}

describe('CoalescingStorage', () => {
  describe('when two reads are issued in the same tick', () => {
    it('asks the inner storage once and gives each caller its own keys', async () => {
      const inner = new CountingStorage();
      await inner.write({ a: { v: 1 }, b: { v: 2 } });
      inner.calls.length = 0;
      const storage = new CoalescingStorage(inner);
      const [left, right] = await Promise.all([storage.read(['a']), storage.read(['b', 'missing'])]);
      expect(inner.calls).toEqual([{ op: 'read', keys: ['a', 'b', 'missing'] }]);
      expect(Object.keys(left)).toEqual(['a']);
      expect(right.b).toMatchObject({ v: 2 });
    });

    it('gives callers that ask for the same key a copy each', async () => {
      const inner = new CountingStorage();
      await inner.write({ a: { v: 1 } });
      const storage = new CoalescingStorage(inner);
      const [left, right] = await Promise.all([storage.read(['a']), storage.read(['a'])]);
      (left.a as { v: number }).v = 7;
      expect(right.a).toMatchObject({ v: 1 });
    });
  });

  describe('when two writes are issued in the same tick', () => {
    it('writes both with one call of the inner storage', async () => {
      const inner = new CountingStorage();
      const storage = new CoalescingStorage(inner);
      await Promise.all([storage.write({ conv: { v: 1 } }), storage.write({ user: { lang: 'da' } })]);
      expect(inner.calls).toEqual([{ op: 'write', keys: ['conv', 'user'] }]);
      expect(await inner.read(['conv', 'user'])).toMatchObject({ conv: { v: 1 }, user: { lang: 'da' } });
    });

    it('writes a conditional change of a key already waiting in the batch after that batch, so the later change wins', async () => {
      const inner = new CountingStorage();
      const storage = new CoalescingStorage(inner);
      await Promise.all([storage.write({ k: { v: 1, eTag: '*' } }), storage.write({ k: { v: 2, eTag: '*' } })]);
      inner.calls.length = 0;
      const stored = (await inner.read(['k'])).k as { eTag: string };
      inner.calls.length = 0;
      await Promise.all([storage.write({ k: { v: 3, eTag: stored.eTag } }), storage.write({ k: { v: 4, eTag: '*' } })]);
      expect(inner.calls).toHaveLength(2);
      expect((await inner.read(['k'])).k).toMatchObject({ v: 4 });
    });
  });

  describe("when many turns write the same key unconditionally at once (one user's state from many conversations)", () => {
    it('writes it once, the latest change, and every caller has its write when that batch has', async () => {
      const inner = new CountingStorage();
      const storage = new CoalescingStorage(inner);
      await Promise.all(Array.from({ length: 100 }, (_, i) => storage.write({ user: { v: i, eTag: '*' }, [`conv${i}`]: { n: i, eTag: '*' } })));
      expect(inner.calls).toHaveLength(1);
      expect(inner.calls[0]?.keys).toHaveLength(101);
      expect((await inner.read(['user'])).user).toMatchObject({ v: 99 });
    });

    it('after a failed batch, writes each caller alone in the order they wrote: the later change still wins', async () => {
      const inner = new CountingStorage();
      const write = inner.write.bind(inner);
      inner.write = (changes: StoreItems) =>
        'bad' in changes ? Promise.reject(new Error('refused')) : new Promise<void>((resolve, reject) => setTimeout(() => write(changes).then(resolve, reject), 'first' in changes ? 20 : 0));
      const storage = new CoalescingStorage(inner);
      const results = await Promise.allSettled([
        storage.write({ user: { v: 1 }, first: {} }),
        storage.write({ user: { v: 2 } }),
        storage.write({ bad: {} }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect((await inner.read(['user'])).user).toMatchObject({ v: 2 });
    });
  });

  describe('when the inner write fails', () => {
    it('rejects every caller of the batch when the storage is down', async () => {
      const inner = new CountingStorage();
      inner.write = () => Promise.reject(new Error('database gone'));
      const storage = new CoalescingStorage(inner);
      const results = await Promise.allSettled([storage.write({ a: {} }), storage.write({ b: {} })]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    });

    it('fails only the caller whose change the storage refuses; the others are written', async () => {
      const inner = new CountingStorage();
      const write = inner.write.bind(inner);
      inner.write = (changes: StoreItems) => ('bad' in changes ? Promise.reject(new Error('refused')) : write(changes));
      const storage = new CoalescingStorage(inner);
      const results = await Promise.allSettled([storage.write({ good: { v: 1 } }), storage.write({ bad: { v: 2 } }), storage.write({ fine: { v: 3 } })]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await inner.read(['good', 'bad', 'fine'])).toMatchObject({ good: { v: 1 }, fine: { v: 3 } });
      expect(Object.keys(await inner.read(['bad']))).toEqual([]);
    });
  });
});
