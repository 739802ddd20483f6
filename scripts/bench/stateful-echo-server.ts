import { createBotAdapter } from '../../adapters/http/bot-adapter.js';
import { createHttpServer } from '../../adapters/http/server.js';
import { PgDatabase } from '../../adapters/postgres/pg-database.js';
import { PgliteDatabase } from '../../adapters/postgres/pglite-database.js';
import { silentLogger } from '../../bot/logger.js';
import { createTurnErrorHandler } from '../../bot/turn-error.js';
import { createStatefulEcho } from './stateful-echo.js';

/**
 * The stateful floor as a process: the echo bot of echo-server.ts plus state and the per-turn
 * lease on the assistant's database (DATABASE_URL with DATABASE_POOL_SIZE, else the embedded
 * database in DATA_DIR). Prints its address like main.ts.
 */
const db = process.env.DATABASE_URL
  ? new PgDatabase({ connectionString: process.env.DATABASE_URL, poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
  : await PgliteDatabase.open(process.env.DATA_DIR);
const { bot, lease } = await createStatefulEcho(db);
const adapter = createBotAdapter({ appType: 'MultiTenant', logger: silentLogger, onTurnError: createTurnErrorHandler(silentLogger) });
adapter.use(lease);
const http = createHttpServer({ adapter, bot, readiness: async () => ({ database: await db.ping(2000) }), logger: silentLogger, maxBodyBytes: 262_144 });
const url = await http.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
process.stdout.write(`kører: ${url}\n`);
process.once('SIGTERM', () => void http.close(1000).then(() => db.close()).then(() => process.exit(0)));
