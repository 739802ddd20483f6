/**
 * kb:report — the most frequent unanswered questions and the least helpful articles.
 *
 *   npm run --silent kb:report -- [--since 2026-01-01] [--limit 10] [--json]
 *
 * Reads the tables of adapters/postgres/migrations/020_knowledge_feedback.sql from the assistant's
 * database (config.ts): DATABASE_URL, else the embedded PGlite database under DATA_DIR,
 * exactly as the assistant opens it. It does not migrate: run the assistant once first.
 */
import { PgFeedbackStore } from '../adapters/postgres/pg-feedback-store.js';
import { configFromProcessEnv } from '../config.js';
import type { Database } from '../adapters/postgres/database.js';
import { PgDatabase } from '../adapters/postgres/pg-database.js';
import { PgliteDatabase } from '../adapters/postgres/pglite-database.js';

function parseArgs(argv: readonly string[]): { since: Date | undefined; limit: number; json: boolean } {
  let since: Date | undefined;
  let limit = 10;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--since') since = new Date(argv[++i] ?? '');
    else if (arg === '--limit') limit = Number(argv[++i] ?? limit);
    else if (arg === '--json') json = true;
    else throw new Error(`kb:report: unknown argument ${arg ?? ''}`);
  }
  if (since && Number.isNaN(since.getTime())) throw new Error('kb:report: --since expects a date (YYYY-MM-DD)');
  return { since, limit, json };
}

// As main.ts opens it, without importing main.ts (which loads restify and the bot).
async function openDatabase(): Promise<Database> {
  const config = configFromProcessEnv();
  return config.DATABASE_URL
    ? new PgDatabase({ connectionString: config.DATABASE_URL, poolSize: 1 })
    : PgliteDatabase.open(config.DATA_DIR);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const db = await openDatabase();
  try {
    const report = await new PgFeedbackStore(db).report({ limit: args.limit, ...(args.since ? { since: args.since } : {}) });
    if (args.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return;
    }
    console.log('Most frequent unanswered questions');
    if (report.unanswered.length === 0) console.log('  (none)');
    for (const row of report.unanswered) console.log(`  ${String(row.count).padStart(4)}  ${row.question}  (last ${row.lastAt.toISOString().slice(0, 10)})`);
    console.log('\nLeast helpful articles (not helpful / votes)');
    if (report.leastHelpful.length === 0) console.log('  (none)');
    for (const row of report.leastHelpful) {
      console.log(`  ${(row.notHelpfulShare * 100).toFixed(0).padStart(3)} %  ${row.notHelpful}/${row.helpful + row.notHelpful}  ${row.articleId}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /kb_(unanswered|feedback)" does not exist/.test(message) ? ' (start the assistant once to apply migration 020)' : '';
  console.error(`kb:report: ${message}${hint}`);
  process.exitCode = 1;
});
