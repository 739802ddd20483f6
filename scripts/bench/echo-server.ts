import { ActivityHandler } from 'botbuilder';
import { createBotAdapter } from '../../adapters/http/bot-adapter.js';
import { createHttpServer } from '../../adapters/http/server.js';
import type { Database } from '../../adapters/postgres/database.js';
import { silentLogger } from '../../bot/logger.js';
import { createTurnErrorHandler } from '../../bot/turn-error.js';

/**
 * The floor for the benchmarks: an echo bot on the same stack (restify, CloudAdapter, the same
 * middleware) with no database, knowledge or dialogs. Prints its address like main.ts.
 */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const noDatabase: Database = {
  kind: 'pglite',
  query: async () => ({ rows: [], rowCount: 0 }),
  transaction: async (fn) => fn({ query: async () => ({ rows: [], rowCount: 0 }), exec: async () => undefined }),
  exec: async () => undefined,
  listen: async () => async () => undefined,
  ping: async () => true,
  close: async () => undefined,
};

const adapter = createBotAdapter({ appType: 'MultiTenant', logger: silentLogger, onTurnError: createTurnErrorHandler(silentLogger) });
const http = createHttpServer({ adapter, bot: new EchoBot(), db: noDatabase, logger: silentLogger, maxBodyBytes: 262_144 });
const url = await http.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
process.stdout.write(`kører: ${url}\n`);
process.once('SIGTERM', () => void http.close(1000).then(() => process.exit(0)));
