import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../adapters/postgres/database.js';
import { migrate } from '../../adapters/postgres/migrate.js';
import { PgDatabase, quoteIdent } from '../../adapters/postgres/pg-database.js';
import { PgliteDatabase } from '../../adapters/postgres/pglite-database.js';

/**
 * Test databases. Every call gets its own world: a fresh schema on the real PostgreSQL
 * (TEST_DATABASE_URL, default the machine's postgres://postgres@127.0.0.1:5432/test) or a fresh
 * in-memory PGlite. Parallel test files and repeated runs never see each other's rows.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type DatabaseKind = 'postgres' | 'pglite';
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

export interface TestDatabase {
  db: Database;
  /** For postgres: the schema name, so a second process can connect to the same world. */
  schema?: string;
  /** Closes the connection and drops the schema. */
  dispose(): Promise<void>;
}

export function newSchemaName(): string {
  return `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function createSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  } finally {
    await admin.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await admin.end();
  }
}

const templates = new Map<boolean, Promise<Blob>>();

/** One initdb per test process; every PGlite test database starts from a copy of it. */
function pgliteTemplate(migrated: boolean): Promise<Blob> {
  let template = templates.get(migrated);
  if (!template) {
    template = (async () => {
      const db = await PgliteDatabase.open();
      if (migrated) await migrate(db);
      const dump = await db.dump();
      await db.close();
      return dump;
    })();
    templates.set(migrated, template);
  }
  return template;
}

/** A new empty database of the given kind; `migrated: true` (default) applies all migrations. */
export async function createTestDatabase(kind: DatabaseKind, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  if (kind === 'pglite') {
    const db = await PgliteDatabase.fromDump(await pgliteTemplate(migrated));
    return { db, dispose: () => db.close() };
  }
  const schema = newSchemaName();
  await createSchema(schema);
  const db = new PgDatabase({ connectionString: TEST_DATABASE_URL, schema, poolSize: 5 });
  if (migrated) await migrate(db);
  return {
    db,
    schema,
    async dispose() {
      await db.close();
      await dropSchema(schema);
    },
  };
}

/** A DATABASE_URL that puts `schema` first on the search path (for child processes). */
export function schemaUrl(schema: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return url.toString();
}

/** A second connection to the same postgres schema (stands in for a second process). */
export function connectToSchema(schema: string): PgDatabase {
  return new PgDatabase({ connectionString: TEST_DATABASE_URL, schema, poolSize: 5 });
}
