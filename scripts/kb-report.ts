/**
 * kb:report — the most frequent unanswered questions and the least helpful articles.
 *
 *   npm run --silent kb:report -- [--database-url postgres://…] [--since 2026-01-01] [--limit 10] [--json]
 *
 * Reads the tables of adapters/postgres/migrations/020_knowledge_feedback.sql. Until the project's
 * Database adapters land on main this connects with a plain pg pool (DATABASE_URL or --database-url).
 */
import pg from 'pg';
import { PgFeedbackStore } from '../adapters/postgres/pg-feedback-store.js';
import type { Queryable, QueryResult } from '../adapters/postgres/database.js';

function parseArgs(argv: readonly string[]): { url: string; since: Date | undefined; limit: number; json: boolean } {
  let url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  let since: Date | undefined;
  let limit = 10;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--database-url') url = argv[++i] ?? url;
    else if (arg === '--since') since = new Date(argv[++i] ?? '');
    else if (arg === '--limit') limit = Number(argv[++i] ?? limit);
    else if (arg === '--json') json = true;
    else throw new Error(`kb:report: unknown argument ${arg ?? ''}`);
  }
  if (since && Number.isNaN(since.getTime())) throw new Error('kb:report: --since expects a date (YYYY-MM-DD)');
  return { url, since, limit, json };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const pool = new pg.Pool({ connectionString: args.url, max: 1 });
  const db: Queryable = {
    async query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const result = await pool.query(sql, params ? [...params] : []);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
  };
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
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(`kb:report: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
