import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { storedJson } from '../../bot/json-state.js';
import type { Database } from './database.js';

export class StorageConflictError extends Error {
  readonly code = 'STATE.ETAG_CONFLICT';
  /** The turn's changes were not saved: the user is asked to write it again. */
  readonly userMessageKey = 'busyRepeat';
  constructor(readonly key: string) {
    super(`PgStorage: eTag conflict writing "${key}"`);
    this.name = 'StorageConflictError';
  }
}

export interface PgStorageOptions {
  /**
   * This storage is the only writer of `bot_state` (the embedded database, which one process
   * owns): keep up to this many documents in memory and read them from there. Never set it on a
   * PostgreSQL shared by several processes — another process's writes would not be seen.
   */
  exclusiveCacheSize?: number;
}

interface Cached {
  json: string;
  etag: string;
}

/** `$1, …, $count`: `IN (…)` plans and binds faster than `= ANY($1::text[])` (PGlite serialises arrays slowly). */
function placeholders(count: number): string {
  return Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ');
}

function withoutETag(item: Record<string, unknown>): string {
  const { eTag: _eTag, ...document } = item;
  return JSON.stringify(document);
}

/** Rows per statement: far below PostgreSQL's 65,535 parameters (a batch may hold every turn of a busy tick). */
export const ROWS_PER_STATEMENT = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

const UPSERT = `INSERT INTO bot_state (key, document, etag) VALUES`;
const ON_CONFLICT = `ON CONFLICT (key) DO UPDATE SET document = EXCLUDED.document, etag = EXCLUDED.etag, updated_at = now()`;

/**
 * Bot Framework `Storage` on PostgreSQL (or PGlite) with eTag optimistic concurrency: a write
 * whose eTag is neither missing nor `*` succeeds only if it matches the stored one. State
 * therefore survives restarts and is shared by every process on the same database. The
 * unconditional writes of one call (botbuilder's BotState always writes with `*`) go to the
 * database as one statement.
 */
export class PgStorage implements Storage {
  private readonly cache: Map<string, Cached> | undefined;
  private readonly cacheSize: number;

  constructor(
    private readonly db: Database,
    options: PgStorageOptions = {},
  ) {
    this.cacheSize = options.exclusiveCacheSize ?? 0;
    this.cache = this.cacheSize > 0 ? new Map() : undefined;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const missing: string[] = [];
    for (const key of keys) {
      const hit = this.cache?.get(key);
      if (hit) {
        // Most recently used last: the Map's first key is the one to evict.
        this.cache?.delete(key);
        this.cache?.set(key, hit);
        const item = { ...(JSON.parse(hit.json) as Record<string, unknown>), eTag: hit.etag };
        // Its JSON is the cached one (a JSON.stringify output parsed and stringified again is the same text).
        storedJson.offerRead(item, hit.json);
        items[key] = item;
      } else missing.push(key);
    }
    for (const chunk of chunks(missing)) {
      const { rows } = await this.db.query<{ key: string; document: Record<string, unknown>; etag: string }>(
        `SELECT key, document, etag FROM bot_state WHERE key IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) {
        const item = { ...row.document, eTag: row.etag };
        items[row.key] = item;
        if (this.cache) {
          const json = JSON.stringify(row.document);
          storedJson.offerRead(item, json);
          this.remember(row.key, json, row.etag);
        }
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const unconditional: { key: string; json: string; etag: string }[] = [];
    for (const [key, item] of Object.entries(changes)) {
      const record = (item ?? {}) as Record<string, unknown>;
      const eTag = record.eTag;
      // The JSON the state's change test made of this object just before, else the object's own.
      const json = storedJson.takeWrite(record) ?? withoutETag(record);
      if (eTag === undefined || eTag === '*' || eTag === '') {
        unconditional.push({ key, json, etag: randomUUID() });
        continue;
      }
      const etag = randomUUID();
      const { rows } = await this.db.query<{ key: string }>(
        `${UPSERT} ($1, $2::jsonb, $3) ${ON_CONFLICT} WHERE bot_state.etag = $4 RETURNING key`,
        [key, json, etag, String(eTag)],
      );
      if (rows.length === 0) {
        this.cache?.delete(key);
        throw new StorageConflictError(key);
      }
      this.remember(key, json, etag);
    }
    for (const chunk of chunks(unconditional)) {
      const values = chunk.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}::jsonb, $${3 * i + 3})`).join(', ');
      try {
        await this.db.query(`${UPSERT} ${values} ${ON_CONFLICT}`, chunk.flatMap((u) => [u.key, u.json, u.etag]));
      } catch (error: unknown) {
        for (const u of unconditional) this.cache?.delete(u.key);
        throw error;
      }
      for (const u of chunk) this.remember(u.key, u.json, u.etag);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.cache?.delete(key);
    for (const chunk of chunks(keys)) await this.db.query(`DELETE FROM bot_state WHERE key IN (${placeholders(chunk.length)})`, chunk);
  }

  /** Drops documents deleted behind this storage's back (the retention job) from its cache. */
  forget(keys: readonly string[]): void {
    for (const key of keys) this.cache?.delete(key);
  }

  private remember(key: string, json: string, etag: string): void {
    if (!this.cache) return;
    this.cache.delete(key);
    this.cache.set(key, { json, etag });
    if (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}
