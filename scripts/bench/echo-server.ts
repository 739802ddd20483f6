import { ActivityHandler } from 'botbuilder';
import { createBotAdapter } from '../../adapters/http/bot-adapter.js';
import { createHttpServer } from '../../adapters/http/server.js';
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

const adapter = createBotAdapter({ appType: 'MultiTenant', logger: silentLogger, onTurnError: createTurnErrorHandler(silentLogger) });
const http = createHttpServer({ adapter, bot: new EchoBot(), readiness: async () => ({}), logger: silentLogger, maxBodyBytes: 262_144 });
const url = await http.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
process.stdout.write(`kører: ${url}\n`);
process.once('SIGTERM', () => void http.close(1000).then(() => process.exit(0)));
