import type { Storage, StoreItems } from 'botbuilder';

/**
 * Bot state storage that merges the reads issued in the same tick into one `read` of the inner
 * storage: the conversation and the user state of a turn load with one query instead of two.
 * Writes and deletes pass through.
 */
export class CoalescingStorage implements Storage {
  private batch: { keys: Set<string>; done: Promise<StoreItems> } | undefined;

  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!this.batch) {
      const keySet = new Set<string>();
      const done = new Promise<StoreItems>((resolve, reject) => {
        setImmediate(() => {
          this.batch = undefined;
          this.inner.read([...keySet]).then(resolve, reject);
        });
      });
      this.batch = { keys: keySet, done };
    }
    for (const key of keys) this.batch.keys.add(key);
    const items = await this.batch.done;
    const mine: StoreItems = {};
    for (const key of keys) if (key in items) mine[key] = structuredClone(items[key]) as unknown;
    return mine;
  }

  write(changes: StoreItems): Promise<void> {
    return this.inner.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
