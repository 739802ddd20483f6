/**
 * `npm run bench:statements`: what one SQL statement costs the assistant's process, on the
 * embedded PGlite (the statement runs on the event loop) and on PostgreSQL (node-postgres; the
 * server's own CPU is another process's and not counted). The statements are the ones a turn
 * runs: a trivial SELECT, reading a conversation's state, writing it. Printed per statement as
 * wall time and this process's CPU time, one statement at a time, after a warm-up.
 *
 * Settings: BENCH_STATEMENTS (per kind, default 3000), BENCH_DATABASE_URL (default the machine's
 * postgres://postgres@127.0.0.1:5432/test; the benchmark works in a schema of its own and drops it).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../adapters/postgres/database.js';
import { migrate } from '../adapters/postgres/migrate.js';
import { PgDatabase, quoteIdent } from '../adapters/postgres/pg-database.js';
import { PgliteDatabase } from '../adapters/postgres/pglite-database.js';

const count = Number(process.env.BENCH_STATEMENTS ?? 3000);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// A case dialog's conversation state as main.ts stores it (about 760 characters of JSON).
const document = JSON.stringify({
  dialogState: {
    dialogStack: [
      {
        id: 'main',
        state: {
          dialogs: {
            dialogStack: [
              { id: 'router', state: {} },
              {
                id: 'createCase',
                state: {
                  engine: { draft: { areaId: 'bi', formId: 'bi.rapport', values: { problem: 'manglende-data', rapportNavn: 'Lønrapport pr. måned' }, skipped: [], systemId: 'ldv', institutionId: 'eksempelstyrelsen', sentFromMailboxId: null }, status: 'collecting', attempts: {} },
                  options: { userId: 'a30f1fac-1576-46c0-a549-50ac6870447f', prefill: {}, mailboxes: [{ id: '8978da35-60df-4061-bfd5-b74f79c925a8', email: 'loen@eksempelstyrelsen.dk' }], userEmail: 'anna@eksempelstyrelsen.dk', institutions: [{ id: 'eksempelstyrelsen', name: 'Eksempelstyrelsen' }] },
                },
              },
            ],
          },
        },
        version: '-511394637',
      },
    ],
  },
  eTag: '1',
});

const STATEMENTS: { name: string; run: (db: Database, i: number) => Promise<unknown> }[] = [
  { name: 'SELECT 1', run: (db) => db.query('SELECT 1') },
  { name: 'read a state document', run: (db, i) => db.query('SELECT key, document, etag FROM bot_state WHERE key IN ($1)', [`bench/${i % 100}`]) },
  {
    name: 'write a state document',
    run: (db, i) =>
      db.query('INSERT INTO bot_state (key, document, etag) VALUES ($1, $2::jsonb, $3) ON CONFLICT (key) DO UPDATE SET document = EXCLUDED.document, etag = EXCLUDED.etag', [
        `bench/${i % 100}`,
        document,
        String(i),
      ]),
  },
];

interface Figure {
  wallUs: number;
  cpuUs: number;
}

async function measure(db: Database, run: (db: Database, i: number) => Promise<unknown>): Promise<Figure> {
  for (let i = 0; i < Math.min(500, count); i++) await run(db, i);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) await run(db, i);
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallUs: Math.round((wall * 1000) / count), cpuUs: Math.round((used.user + used.system) / count) };
}

async function withPostgres<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  const db = new PgDatabase({ connectionString: url, schema, poolSize: 2 });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
    await admin.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  process.stdout.write(`bench:statements: ${count} of each, one at a time; µs per statement (wall / this process's CPU)\n\n`);
  const pglite = await PgliteDatabase.open();
  const results: { name: string; pglite: Figure; postgres: Figure }[] = [];
  try {
    await migrate(pglite);
    await withPostgres(async (postgres) => {
      for (const statement of STATEMENTS) {
        results.push({ name: statement.name, pglite: await measure(pglite, statement.run), postgres: await measure(postgres, statement.run) });
      }
    });
  } finally {
    await pglite.close();
  }
  process.stdout.write(`${'statement'.padEnd(24)} ${'PGlite (embedded)'.padStart(20)} ${'PostgreSQL (pg)'.padStart(20)}\n`);
  for (const r of results) {
    const cell = (f: Figure) => `${f.wallUs} / ${f.cpuUs}`.padStart(20);
    process.stdout.write(`${r.name.padEnd(24)} ${cell(r.pglite)} ${cell(r.postgres)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:statements: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
