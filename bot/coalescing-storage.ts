import type { Storage, StoreItems } from 'botbuilder';

interface Batch<T> {
  items: T;
  done: Promise<StoreItems | void>;
}

/**
 * Bot state storage that merges the calls issued in the same tick into one call of the inner
 * storage: a turn's conversation and user state load with one query and save with one, and turns
 * of different conversations that arrive together share them too. A write of a key that is
 * already waiting in the current batch waits for that batch and goes in the next, so writes of
 * one key land in the order they were made.
 * Deletes pass through.
 */
export class CoalescingStorage implements Storage {
  private reads: Batch<Set<string>> | undefined;
  private writes: Batch<StoreItems> | undefined;

  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!this.reads) {
      const batch: Batch<Set<string>> = { items: new Set(), done: Promise.resolve() };
      batch.done = new Promise<StoreItems>((resolve, reject) => {
        setImmediate(() => {
          this.reads = undefined;
          this.inner.read([...batch.items]).then(resolve, reject);
        });
      });
      this.reads = batch;
    }
    for (const key of keys) this.reads.items.add(key);
    const items = (await this.reads.done) as StoreItems;
    const mine: StoreItems = {};
    for (const key of keys) if (key in items) mine[key] = structuredClone(items[key]) as unknown;
    return mine;
  }

  async write(changes: StoreItems): Promise<void> {
    const keys = Object.keys(changes);
    const pending = this.writes;
    if (pending && keys.some((key) => key in pending.items)) {
      // The same key twice in one tick: after the waiting batch, in order, so the later change wins.
      await pending.done.catch(() => undefined);
      return this.write(changes);
    }
    if (!this.writes) {
      const batch: Batch<StoreItems> = { items: {}, done: Promise.resolve() };
      batch.done = new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          this.writes = undefined;
          this.inner.write(batch.items).then(resolve, reject);
        });
      });
      this.writes = batch;
    }
    // The caller may change its objects after this returns a promise: the batch keeps a copy.
    for (const key of keys) this.writes.items[key] = structuredClone(changes[key]) as unknown;
    await this.writes.done;
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
