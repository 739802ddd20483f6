/**
 * Which SQL statements a turn runs: `tsx scripts/bench/trace-statements.ts [pglite|postgres] [dialogs]`
 * starts the assistant in this process (demo data, notifications on) on a fresh PGlite or a fresh
 * schema of BENCH_DATABASE_URL (default the machine's PostgreSQL), with its database wrapped to count
 * every statement (plain, in transactions, the lease's), plays `dialogs` whole case dialogs (default
 * 20) and as many rounds of the knowledge questions, one turn at a time, and prints the statements
 * per turn of each kind by their SQL's first words. For finding statements a turn need not run;
 * not a timing.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database, Transaction } from '../../adapters/postgres/database.js';
import { PgDatabase, quoteIdent } from '../../adapters/postgres/pg-database.js';
import { PgliteDatabase } from '../../adapters/postgres/pglite-database.js';
import { silentLogger } from '../../bot/logger.js';
import { loadConfig } from '../../config.js';
import { startAssistant } from '../../main.js';
import { BENCH_LIMITS, ReplyListener, turn } from './load.js';
import { CASE_DIALOG_TURNS, KNOWLEDGE_QUESTIONS } from './scenarios.js';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const dialogs = Number(process.argv[3] ?? 20);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const counts = new Map<string, number>();
let counting = false;
const label = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 110);
const count = (sql: string) => {
  if (counting) counts.set(label(sql), (counts.get(label(sql)) ?? 0) + 1);
};

/** `db` with every statement counted (methods called through the proxy, so the lease's own queries are too). */
function traced(db: Database): Database {
  const tx = (inner: Transaction): Transaction => ({
    query: (sql, params) => (count(sql), inner.query(sql, params)),
    exec: (sql) => (count(sql), inner.exec(sql)),
  });
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'query') return (sql: string, params?: readonly unknown[]) => (count(sql), target.query.call(receiver, sql, params));
      if (prop === 'transaction') return <T>(fn: (t: Transaction) => Promise<T>) => (count('BEGIN … COMMIT'), target.transaction((t) => fn(tx(t))));
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(receiver) : value;
    },
  });
}

async function main(): Promise<void> {
  const schema = `trace_${randomBytes(4).toString('hex')}`;
  let inner: Database;
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    await admin.end();
    inner = new PgDatabase({ connectionString: url, schema, poolSize: 5 });
  } else inner = await PgliteDatabase.open();
  const listener = new ReplyListener();
  await listener.start();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO_MODE: 'true', CACHE_DIR: 'off', ...BENCH_LIMITS });
  const assistant = await startAssistant(config, { db: traced(inner), logger: silentLogger, watchArticles: false });
  try {
    const play = async (tag: string, texts: readonly string[], from: string) => {
      let turns = 0;
      for (let d = 0; d < dialogs; d++) {
        for (const text of texts) {
          const r = await turn(assistant.url, listener, { conversationId: `trace-${tag}-${d}`, from, text: text.replace('{tag}', `${tag}-${d}`) });
          if (r.error) throw new Error(`turn failed: ${r.error}`);
          turns++;
        }
      }
      // The outbox consumer's round after the last case runs after its turn.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return turns;
    };
    for (const [name, texts, from] of [
      ['caseDialog', CASE_DIALOG_TURNS, 'anna@eksempelstyrelsen.dk'],
      ['knowledge', KNOWLEDGE_QUESTIONS, 'bench-user@eksempel.invalid'],
    ] as const) {
      await play(`warm-${name}`, texts, from);
      counts.clear();
      counting = true;
      const turns = await play(name, texts, from);
      counting = false;
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const replies = [...listener.byConversation].filter(([id]) => id.startsWith(`trace-${name}-`)).reduce((sum, [, list]) => sum + list.length, 0);
      process.stdout.write(`\n${name} on ${kind}: ${turns} turns, ${(total / turns).toFixed(2)} statements and ${(replies / turns).toFixed(2)} replies a turn\n`);
      for (const [sql, n] of [...counts].sort((a, b) => b[1] - a[1])) process.stdout.write(`${(n / turns).toFixed(2).padStart(6)}  ${sql}\n`);
    }
  } finally {
    await assistant.stop();
    await listener.stop();
    await inner.close();
    if (kind === 'postgres') {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await admin.end();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`trace-statements: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
