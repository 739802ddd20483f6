import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  DatabaseUnavailableError,
  KeyedMutex,
  LockTimeoutError,
  type ConnectionStats,
  type Database,
  type NotificationHandler,
  type QueryOptions,
  type QueryResult,
  type Transaction,
} from './database.js';

/** int8 (count(*), bigserial) as a JS number, like PGlite; our ids and counts stay far below 2^53. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** How long a lock lease lasts without renewal (a killed holder blocks others at most this long). */
export const LEASE_MS = 5000;

export interface PgDatabaseOptions {
  connectionString: string;
  /** Max pool connections. Default 10. */
  poolSize?: number;
  /** Schema to put first on search_path (tests use one schema each). */
  schema?: string;
  /** Give up connecting after this long. Default 5000 ms. */
  connectionTimeoutMillis?: number;
}

/** The production adapter: a node-postgres pool. */
export class PgDatabase implements Database {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  private listenClient: pg.PoolClient | undefined;
  private readonly listeners = new Map<string, Set<NotificationHandler>>();
  private readonly mutex = new KeyedMutex();

  constructor(private readonly options: PgDatabaseOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
      idleTimeoutMillis: 30_000,
      types,
      ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)},public` } : {}),
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  /** The pool now: the LISTEN connection, checked out for good, counts as in use. */
  connections(): ConnectionStats {
    const { totalCount, idleCount, waitingCount } = this.pool;
    return { total: totalCount, inUse: totalCount - idleCount, waiting: waitingCount, max: this.options.poolSize ?? 10 };
  }

  async query<R>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<R>> {
    try {
      const values = params as unknown[];
      const result = options.prepareAs ? await this.pool.query({ name: options.prepareAs, text: sql, values }) : await this.pool.query(sql, values);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    } catch (error: unknown) {
      throw classify(error);
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error: unknown) {
      throw classify(error);
    }
    // The pool listens for errors on idle clients only. A connection lost while checked out and
    // between two queries (a held conversation lock, an open transaction) would otherwise be an
    // uncaught 'error' that ends the process; its next query fails and the caller releases it as broken.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => {
      client.removeListener('error', ignore);
      release(error);
    };
    return client;
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      const tx: Transaction = {
        async query<R>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) {
          const values = params as unknown[];
          const result = options.prepareAs ? await client.query({ name: options.prepareAs, text: sql, values }) : await client.query(sql, values);
          return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
        },
        async exec(sql: string) {
          await client.query(sql);
        },
      };
      const value = await fn(tx);
      await client.query('COMMIT');
      client.release();
      return value;
    } catch (error: unknown) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A broken connection must not go back to the pool.
      client.release(error instanceof Error ? error : true);
      throw classify(error);
    }
  }

  /**
   * A lease row in `lock_lease` (migration 002) rather than an advisory lock: an advisory lock
   * pins a pool connection for the whole turn, and a turn needs further connections for its own
   * queries, so under load the pool ran dry and turns waited for the connection timeout. A lease
   * costs one statement to take and one to give back; it is renewed while `fn` runs, and the
   * lease of a killed process runs out after {@link LEASE_MS}.
   */
  async withLock<T>(key: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
    return this.mutex.run(key, async () => {
      const holder = randomUUID();
      const deadline = Date.now() + timeoutMs;
      let pause = 5;
      while (!(await this.tryLease(key, holder))) {
        if (Date.now() >= deadline) throw new LockTimeoutError(key);
        await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(1, deadline - Date.now()))));
        pause = Math.min(pause * 2, 100);
      }
      const renew = setInterval(() => {
        this.query('UPDATE lock_lease SET expires_at = clock_timestamp() + $3 * interval \'1 millisecond\' WHERE key = $1 AND holder = $2', [key, holder, LEASE_MS]).catch(() => undefined);
      }, LEASE_MS / 3);
      try {
        return await fn();
      } finally {
        clearInterval(renew);
        await this.query('DELETE FROM lock_lease WHERE key = $1 AND holder = $2', [key, holder]).catch(() => undefined);
      }
    });
  }

  private async tryLease(key: string, holder: string): Promise<boolean> {
    const { rows } = await this.query(
      `INSERT INTO lock_lease (key, holder, expires_at) VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE lock_lease.expires_at < clock_timestamp()
       RETURNING holder`,
      [key, holder, LEASE_MS],
    );
    return rows.length === 1;
  }

  async exec(sql: string): Promise<void> {
    try {
      await this.pool.query(sql);
    } catch (error: unknown) {
      throw classify(error);
    }
  }

  async listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
    if (!this.listenClient) {
      const client = await this.pool.connect();
      this.listenClient = client;
      client.on('notification', (message) => {
        for (const h of this.listeners.get(message.channel) ?? []) h(message.payload ?? '');
      });
      client.on('error', (error: Error) => {
        // A lost listening connection goes back to the pool as broken (else pool.end() waits for
        // it forever); the next listen() reconnects and listens on every channel again.
        if (this.listenClient === client) this.listenClient = undefined;
        client.release(error);
      });
      for (const known of this.listeners.keys()) await client.query(`LISTEN ${quoteIdent(known)}`);
    }
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.listenClient.query(`LISTEN ${quoteIdent(channel)}`);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
    };
  }

  async notify(channel: string, payload = ''): Promise<void> {
    await this.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async ping(timeoutMs = 2000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([this.pool.query('SELECT 1').then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.listenClient?.release();
    this.listenClient = undefined;
    await this.pool.end();
  }

  get schema(): string | undefined {
    return this.options.schema;
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03']);
const CONNECTION_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|server closed the connection/i;

/** Connection-level failures become {@link DatabaseUnavailableError}; SQL errors pass unchanged. */
export function classify(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || error instanceof LockTimeoutError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  if ((typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) || CONNECTION_MESSAGES.test(message)) {
    return new DatabaseUnavailableError({ cause: error });
  }
  return error;
}
