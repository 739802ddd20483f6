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
  /** After a failed batch: its callers' writes alone, one after another in the order they came. */
  retries: Promise<void>;
}

/** A change written whatever is stored (BotState's eTag '*', or none): a later one may replace it unseen. */
function unconditional(item: unknown): boolean {
  const eTag = (item as { eTag?: unknown } | undefined)?.eTag;
  return eTag === undefined || eTag === '*';
}

/**
 * Bot state storage that merges the calls issued in the same tick into one call of the inner
 * storage: a turn's conversation and user state load with one query and save with one, and turns
 * of different conversations that arrive together share them too. An unconditional write of a key
 * already waiting in the current batch replaces it there (the later change wins); a conditional
 * one (an eTag) waits for that batch and goes in the next, so writes of one key land in the order
 * they were made.
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
    const again = pending ? keys.filter((key) => key in pending.items) : [];
    if (pending && again.some((key) => !unconditional(pending.items[key]) || !unconditional(changes[key]))) {
      // A conditional change of a key already waiting: after that batch, in order.
      await pending.done.catch(() => undefined);
      return this.write(changes);
    }
    // An unconditional change of a key already waiting replaces it in the batch: the later change
    // wins, as it would one batch later, and both callers have their write when the batch has.
    // (Waiting for the batch instead made the turns of one user in many conversations at once, each
    // writing the user's state, a queue of one round trip each.)
    if (!this.writes) {
      const batch: WriteBatch = { items: {}, callers: 0, done: Promise.resolve(), retries: Promise.resolve() };
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
      // each caller of a failed batch tries again alone (when the database is down, each fails),
      // in the order they wrote, so that the later change of a key still wins.
      if (batch.callers === 1) throw error;
      const alone = batch.retries.then(() => this.inner.write(changes));
      batch.retries = alone.catch(() => undefined);
      await alone;
    }
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
