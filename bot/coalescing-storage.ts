import type { Storage, StoreItems } from 'botbuilder';

interface ReadBatch {
  /** Each key, with how many callers asked for it. */
  items: Map<string, number>;
  done: Promise<StoreItems>;
}

interface WriteBatch {
  items: StoreItems;
  callers: number;
  done: Promise<void>;
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
  private reads: ReadBatch | undefined;
  private writes: WriteBatch | undefined;

  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!this.reads) {
      const batch: ReadBatch = { items: new Map(), done: Promise.resolve({}) };
      batch.done = new Promise<StoreItems>((resolve, reject) => {
        setImmediate(() => {
          this.reads = undefined;
          this.inner.read([...batch.items.keys()]).then(resolve, reject);
        });
      });
      this.reads = batch;
    }
    const batch = this.reads;
    for (const key of keys) batch.items.set(key, (batch.items.get(key) ?? 0) + 1);
    const items = await batch.done;
    const mine: StoreItems = {};
    // A key that several callers asked for gets a copy each; BotState changes what it reads.
    for (const key of keys) if (key in items) mine[key] = (batch.items.get(key) ?? 0) > 1 ? (structuredClone(items[key]) as unknown) : items[key];
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
      const batch: WriteBatch = { items: {}, callers: 0, done: Promise.resolve() };
      batch.done = new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          this.writes = undefined;
          this.inner.write(batch.items).then(resolve, reject);
        });
      });
      this.writes = batch;
    }
    const batch = this.writes;
    // The batch holds the caller's objects until they are written; BotState leaves them alone meanwhile.
    for (const key of keys) batch.items[key] = changes[key];
    batch.callers += 1;
    try {
      await batch.done;
    } catch (error: unknown) {
      // The database may have refused one caller's change: the others must not fail with it, so
      // each caller of a failed batch tries again alone (when the database is down, each fails).
      if (batch.callers === 1) throw error;
      await this.inner.write(changes);
    }
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
