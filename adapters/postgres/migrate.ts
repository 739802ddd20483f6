import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** Migrations live beside this file as `NNN_name.sql` and are applied in ascending NNN. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  constructor(
    readonly code: 'MIGRATION.SCHEMA_NEWER' | 'MIGRATION.BAD_FILE' | 'MIGRATION.FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = /^(\d+)_([\w-]+)\.sql$/.exec(file);
      if (!match) throw new MigrationError('MIGRATION.BAD_FILE', `migrate: ${join(dir, file)}: name must be NNN_name.sql`);
      return { version: Number(match[1]), name: match[2] ?? file, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]?.version === migrations[i - 1]?.version) {
      throw new MigrationError('MIGRATION.BAD_FILE', `migrate: two migrations have version ${migrations[i]?.version}`);
    }
  }
  return migrations;
}

/** The versions recorded in schema_migrations, or undefined when there is no such table yet (undefined_table). */
async function appliedVersions(db: Database): Promise<Set<number> | undefined> {
  try {
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
    return new Set(rows.map((r) => Number(r.version)));
  } catch (error: unknown) {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42P01') return undefined;
    throw error;
  }
}

export interface MigrateResult {
  applied: number[];
  current: number;
}

/**
 * Applies the pending migrations in one transaction under an advisory lock, so two processes
 * starting at once apply each migration exactly once. Refuses to run when the database has a
 * migration newer than this code knows (an older process must not write to a newer schema).
 */
export async function migrate(db: Database, migrations: readonly Migration[] = readMigrations()): Promise<MigrateResult> {
  const latestKnown = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  // Every start of an existing database finds nothing to do: one read says so, without the
  // transaction, the lock and the CREATE TABLE (a start-up's first statements, on a cold database
  // 20–60 ms). Anything else — no table yet, a version missing or newer — takes the locked path.
  const applied = await appliedVersions(db);
  if (applied && migrations.every((m) => applied.has(m.version)) && [...applied].every((v) => v <= latestKnown)) {
    return { applied: [], current: Math.max(0, ...applied) };
  }
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('serviceportal.migrations:' || current_schema()))`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const done = new Set(rows.map((r) => Number(r.version)));
    const newest = Math.max(0, ...done);
    if (newest > latestKnown) {
      throw new MigrationError(
        'MIGRATION.SCHEMA_NEWER',
        `migrate: the database schema is at version ${newest}, newer than this code (${latestKnown}); upgrade the assistant before starting it`,
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      try {
        await tx.exec(migration.sql);
      } catch (cause: unknown) {
        throw new MigrationError('MIGRATION.FAILED', `migrate: ${migration.version}_${migration.name}.sql failed`, { cause });
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return { applied, current: Math.max(newest, ...applied) };
  });
}
