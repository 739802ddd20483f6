import { ConversationState, UserState, type BotState, type Storage, type TurnContext } from 'botbuilder';

/** A turn's copy of a state document and its JSON when it was loaded or last saved (without the eTag). */
interface Cached {
  state: Record<string, unknown>;
  json: string;
}

/** The document as stored, without the storage's eTag. Bot state is plain JSON (no classes, no cycles). */
function serialise(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...document } = state;
  return JSON.stringify(document);
}

/**
 * The stored JSON of a document handed between a storage and these states, so that neither side
 * stringifies the same document again: a storage that has a document's JSON when it reads it (PgStorage
 * keeps it in its cache) offers it with the object it returns, and the state takes it at load as the
 * change test's baseline; a state offers the JSON its change test just made with the object it
 * writes, and the storage takes it instead of stringifying the object. Each offer is taken once, by
 * the side it was made for (a state never takes a write's offer, a storage never a read's): an object
 * a turn changed after it was read is never written from its JSON at the time of the read. The JSON
 * is the document without its eTag, as JSON.stringify makes it.
 */
const offeredOnRead = new WeakMap<object, string>();
const offeredOnWrite = new WeakMap<object, string>();

export const storedJson = {
  /** A storage's read: `item`'s document (without the eTag) is `json`. */
  offerRead(item: object, json: string): void {
    offeredOnRead.set(item, json);
  },
  /** A state's write: `item`'s document (without the eTag) is `json`, unless changed before it is written. */
  offerWrite(item: object, json: string): void {
    offeredOnWrite.set(item, json);
  },
  /** The storage's JSON of an object it returned from a read, once. */
  takeRead(item: object): string | undefined {
    const json = offeredOnRead.get(item);
    if (json !== undefined) offeredOnRead.delete(item);
    return json;
  },
  /** The state's JSON of an object it gave to be written, once. */
  takeWrite(item: object): string | undefined {
    const json = offeredOnWrite.get(item);
    if (json !== undefined) offeredOnWrite.delete(item);
    return json;
  },
};

/**
 * What BotState does with its turn cache, with the change test done on the document's JSON instead
 * of botbuilder's change hash (a JSON.stringify with a replacer and a SHA-256 of it at load, again
 * at save, and once more after each write: about 0.1 ms a turn for the two states). Every read and
 * write still goes to the storage as before; a state that changed is written in the same turn.
 */
class JsonStateCache {
  private readonly key = Symbol('json-state');

  constructor(
    private readonly storage: Storage,
    private readonly storageKey: (context: TurnContext) => string | Promise<string>,
  ) {}

  async load(context: TurnContext, force: boolean): Promise<Record<string, unknown>> {
    const cached = context.turnState.get(this.key) as Cached | undefined;
    if (!force && cached) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] as Record<string, unknown> | undefined) ?? {};
    context.turnState.set(this.key, { state, json: storedJson.takeRead(state) ?? serialise(state) } satisfies Cached);
    return state;
  }

  async saveChanges(context: TurnContext, force: boolean): Promise<void> {
    let cached = context.turnState.get(this.key) as Cached | undefined;
    const json = cached ? serialise(cached.state) : undefined;
    if (!force && (!cached || json === cached.json)) return;
    cached ??= { state: {}, json: '' };
    const key = await this.storageKey(context);
    cached.state.eTag = '*';
    const written = json ?? serialise(cached.state);
    // Offered just before the write, after the last await of this turn's save: nothing changes it in between.
    storedJson.offerWrite(cached.state, written);
    await this.storage.write({ [key]: cached.state });
    cached.json = written;
    context.turnState.set(this.key, cached);
  }

  clear(context: TurnContext): void {
    // An empty JSON never matches: the cleared state is saved.
    context.turnState.set(this.key, { state: {}, json: '' } satisfies Cached);
  }

  async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.key);
    const key = await this.storageKey(context);
    await this.storage.delete([key]);
  }

  get(context: TurnContext): Record<string, unknown> | undefined {
    return (context.turnState.get(this.key) as Cached | undefined)?.state;
  }
}

/**
 * A botbuilder state class (same storage keys) with the change test on JSON: see {@link JsonStateCache}.
 * Every state method a turn uses goes to the cache; the storage key is still the class's own.
 */
// A mixin's base must be typed as constructible from any arguments (TypeScript's rule for mixins).
function withJsonChangeTest<TBase extends new (...args: any[]) => BotState>(Base: TBase) {
  return class extends Base {
    #cache: JsonStateCache | undefined;

    private get cache(): JsonStateCache {
      this.#cache ??= new JsonStateCache(this.storage, (context) => this.storageKey(context));
      return this.#cache;
    }

    override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
      return this.cache.load(context, force);
    }

    override saveChanges(context: TurnContext, force = false): Promise<void> {
      return this.cache.saveChanges(context, force);
    }

    override clear(context: TurnContext): Promise<void> {
      this.cache.clear(context);
      return Promise.resolve();
    }

    override delete(context: TurnContext): Promise<void> {
      return this.cache.delete(context);
    }

    override get(context: TurnContext): Record<string, unknown> | undefined {
      return this.cache.get(context);
    }
  };
}

/** ConversationState with the change test on JSON. */
export class JsonConversationState extends withJsonChangeTest(ConversationState) {}

/** UserState with the change test on JSON. */
export class JsonUserState extends withJsonChangeTest(UserState) {}
