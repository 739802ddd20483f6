import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
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

/**
 * Bot Framework `Storage` on PostgreSQL (or PGlite) with eTag optimistic concurrency: a write
 * whose eTag is neither missing nor `*` succeeds only if it matches the stored one. State
 * therefore survives restarts and is shared by every process on the same database.
 */
export class PgStorage implements Storage {
  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const { rows } = await this.db.query<{ key: string; document: Record<string, unknown>; etag: string }>(
      'SELECT key, document, etag FROM bot_state WHERE key = ANY($1::text[])',
      [keys],
    );
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...row.document, eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...document } = (item ?? {}) as Record<string, unknown>;
      const next = randomUUID();
      const json = JSON.stringify(document);
      if (eTag === undefined || eTag === '*' || eTag === '') {
        await this.db.query(
          `INSERT INTO bot_state (key, document, etag) VALUES ($1, $2::jsonb, $3)
           ON CONFLICT (key) DO UPDATE SET document = EXCLUDED.document, etag = EXCLUDED.etag, updated_at = now()`,
          [key, json, next],
        );
        continue;
      }
      const { rows } = await this.db.query<{ key: string }>(
        `INSERT INTO bot_state (key, document, etag) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (key) DO UPDATE SET document = EXCLUDED.document, etag = EXCLUDED.etag, updated_at = now()
         WHERE bot_state.etag = $4
         RETURNING key`,
        [key, json, next, String(eTag)],
      );
      if (rows.length === 0) throw new StorageConflictError(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }
}
