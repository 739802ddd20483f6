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

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

/** The handle a transaction's callback gets. */
export interface Transaction extends Queryable {
  /** Runs a multi-statement SQL text inside the transaction. */
  exec(sql: string): Promise<void>;
}

export type NotificationHandler = (payload: string) => void;

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs a multi-statement SQL text (migrations). */
  exec(sql: string): Promise<void>;
  /** LISTEN on a channel; the returned function stops listening. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  /** True when a trivial query succeeds within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}
