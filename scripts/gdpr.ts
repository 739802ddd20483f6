/**
 * gdpr:export / gdpr:erase — one person's data, found by their e-mail address.
 *
 *   npm run --silent gdpr:export -- --user anna@eksempelstyrelsen.dk   > anna.json
 *   npm run --silent gdpr:erase -- --user anna@eksempelstyrelsen.dk
 *
 * export prints one JSON document with everything stored about the person; erase deletes their
 * transcripts, bot state, conversation references, feedback and unanswered questions (cases and
 * their history stay: the authority's records) and prints what it deleted, as JSON.
 * The database is the assistant's (config.ts): DATABASE_URL, else the embedded PGlite database
 * in DATA_DIR — which one process owns: stop the assistant before using it on DATA_DIR. Nothing
 * is migrated: run the assistant (this version) once first.
 */
import { databaseConfigFromProcessEnv } from '../config.js';
import type { Database } from '../adapters/postgres/database.js';
import { PgDatabase } from '../adapters/postgres/pg-database.js';
import { PgliteDatabase } from '../adapters/postgres/pglite-database.js';
import { PgPersonalData } from '../adapters/postgres/pg-personal-data.js';
import { normaliseEmail } from '../portal/index.js';

const USAGE = 'usage: gdpr.ts export|erase --user <e-mail>';

function parseArgs(argv: readonly string[]): { command: 'export' | 'erase'; email: string } {
  const [command, ...rest] = argv;
  if (command !== 'export' && command !== 'erase') throw new Error(USAGE);
  let user: string | undefined;
  for (let i = 0; i < rest.length; i += 1) {
    if (rest[i] === '--user') user = rest[++i];
    else throw new Error(`unknown argument ${rest[i] ?? ''}; ${USAGE}`);
  }
  const email = normaliseEmail(user ?? '');
  if (!email) throw new Error(`--user needs an e-mail address; ${USAGE}`);
  return { command, email };
}

// As main.ts opens it, without importing main.ts (which loads restify and the bot).
async function openDatabase(): Promise<Database> {
  const config = databaseConfigFromProcessEnv();
  return config.DATABASE_URL ? new PgDatabase({ connectionString: config.DATABASE_URL, poolSize: 1 }) : PgliteDatabase.open(config.DATA_DIR);
}

async function main(): Promise<void> {
  const { command, email } = parseArgs(process.argv.slice(2));
  const db = await openDatabase();
  try {
    const data = new PgPersonalData(db);
    const result = command === 'export' ? await data.export(email) : await data.erase(email);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /column "user_id" does not exist|relation "\w+" does not exist/.test(message) ? ' (start the assistant of this version once to apply the migrations)' : '';
  process.stderr.write(`gdpr: ${message}${hint}\n`);
  process.exitCode = 1;
});
