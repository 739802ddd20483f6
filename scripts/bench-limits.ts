/**
 * `npm run bench:limits`: what counting one request against a rate limit costs the assistant's
 * process, per store: memory (the embedded database's choice), the rate_limit table on PGlite,
 * and on PostgreSQL (shared by every process). Wall and this process's CPU time per `take()`, one
 * at a time after a warm-up, over 200 users (keys), as a turn takes it (the per-user turn limit,
 * which is the bursty pair of limiters).
 *
 * Settings: BENCH_TAKES (per store, default 3000), BENCH_DATABASE_URL (default the machine's
 * postgres://postgres@127.0.0.1:5432/test; the benchmark works in a schema of its own and drops it).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { FlexibleRateLimits } from '../adapters/limits/rate-limits.js';
import type { Database } from '../adapters/postgres/database.js';
import { migrate } from '../adapters/postgres/migrate.js';
import { PgDatabase, quoteIdent } from '../adapters/postgres/pg-database.js';
import { PgliteDatabase } from '../adapters/postgres/pglite-database.js';
import { silentLogger } from '../bot/logger.js';

const count = Number(process.env.BENCH_TAKES ?? 3000);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const settings = { turnsPerMinute: 1_000_000, burst: 20, addressPerMinute: 0, tokensPerMinute: 0, casesPerHour: 0, agentPerMinute: 0 };

async function measure(name: string, db: Database | undefined): Promise<void> {
  const limits = new FlexibleRateLimits({ logger: silentLogger, settings, ...(db ? { db } : {}) });
  for (let i = 0; i < 200; i++) await limits.take('turn', `user-${i}`);
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const decision = await limits.take('turn', `user-${i % 200}`);
    if (!decision.ok) throw new Error('bench:limits: refused; the limit is meant to be out of reach');
  }
  const used = process.cpuUsage(cpu);
  const wallUs = ((performance.now() - started) * 1000) / count;
  const cpuUs = (used.user + used.system) / count;
  process.stdout.write(`${name.padEnd(28)} ${wallUs.toFixed(0).padStart(6)} µs wall   ${cpuUs.toFixed(0).padStart(6)} µs CPU per take\n`);
}

async function main(): Promise<void> {
  process.stdout.write(`bench:limits: ${count} takes per store\n`);
  await measure('memory', undefined);
  const lite = await PgliteDatabase.open();
  await migrate(lite);
  await measure('PGlite (rate_limit table)', lite);
  await lite.close();
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  const db = new PgDatabase({ connectionString: url, schema, poolSize: 4 });
  try {
    await migrate(db);
    await measure('PostgreSQL (rate_limit table)', db);
  } finally {
    await db.close();
    await admin.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:limits: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
