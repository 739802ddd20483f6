/**
 * The one small database port: parameterised SQL (`$1`, `$2`, …) and transactions. Two adapters
 * implement it with the same SQL: {@link PgDatabase} (node-postgres pool, production) and
 * {@link PgliteDatabase} (embedded PostgreSQL in WASM, local use and demo mode).
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted (0 for a SELECT on PGlite). */
  rowCount: number;
}

export interface QueryOptions {
  /**
   * A name for a statement run very often under this one text: PostgreSQL then parses and plans it
   * once per connection (node-postgres' named statements; on PGlite the same through its wire
   * protocol, `pglite-database.ts`). One name, one text.
   */
  prepareAs?: string;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<R>>;
}

/** The handle a transaction's callback gets. */
export interface Transaction extends Queryable {
  /** Runs a multi-statement SQL text inside the transaction. */
  exec(sql: string): Promise<void>;
}

export type NotificationHandler = (payload: string) => void;

/** A process's database connections at one moment (for /metrics). */
export interface ConnectionStats {
  /** Connections open. */
  total: number;
  /** Of those, in use (the rest idle). */
  inUse: number;
  /** Statements waiting for a connection. */
  waiting: number;
  /** Most connections the process opens. */
  max: number;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs a multi-statement SQL text (migrations). */
  exec(sql: string): Promise<void>;
  /** LISTEN on a channel; the returned function stops listening. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  /**
   * NOTIFY a channel's listeners (outside any transaction): every process's on PostgreSQL; on the
   * embedded database, which one process owns, its own listeners without a statement.
   */
  notify(channel: string, payload?: string): Promise<void>;
  /**
   * Runs `fn` while holding an exclusive lock on `key` that every process on this database
   * respects (a renewed lease row in PostgreSQL; in-process for the single-process PGlite). Throws
   * {@link LockTimeoutError} when the lock is not had within `timeoutMs`.
   */
  withLock<T>(key: string, timeoutMs: number, fn: () => Promise<T>): Promise<T>;
  /** True when a trivial query succeeds within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  /** The connections now (both adapters have it; optional so that test doubles need not). */
  connections?(): ConnectionStats;
  close(): Promise<void>;
}

/** The lock of {@link Database.withLock} was held by someone else for too long. */
export class LockTimeoutError extends Error {
  readonly code = 'DB.LOCK_TIMEOUT';
  /** What the user is told: write it again. */
  readonly userMessageKey = 'busyRepeat';
  constructor(readonly key: string) {
    super(`database: lock "${key}" not acquired in time`);
    this.name = 'LockTimeoutError';
  }
}

/** The database cannot be reached (connection refused, reset, timed out, shutting down). */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DB.UNAVAILABLE';
  /** What the user is told: try again shortly. */
  readonly userMessageKey = 'tryAgainSoon';
  constructor(options?: { cause?: unknown }) {
    super('database: unavailable', options);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Serialises async work per key inside one process. Used in front of the database lock so that
 * one process never spends two connections waiting on the same conversation.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
