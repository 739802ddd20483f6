import { pathToFileURL } from 'node:url';
import { ConversationState, UserState } from 'botbuilder';
import { configFromProcessEnv, type Config } from './config.js';
import { createBotAdapter } from './adapters/http/bot-adapter.js';
import { createHttpServer, type HttpServer } from './adapters/http/server.js';
import { createLogger } from './adapters/logging/pino-logger.js';
import type { Database } from './adapters/postgres/database.js';
import { migrate } from './adapters/postgres/migrate.js';
import { PgDatabase } from './adapters/postgres/pg-database.js';
import { PgliteDatabase } from './adapters/postgres/pglite-database.js';
import { PgStorage } from './adapters/postgres/pg-storage.js';
import { conversationLock } from './adapters/postgres/conversation-lock.js';
import { AssistantBot } from './bot/assistant-bot.js';
import type { Logger } from './bot/logger.js';
import { createTurnErrorHandler } from './bot/turn-error.js';
import { rejectOverlongText } from './bot/input-limits.js';

/**
 * The composition root: config → adapters → ports → dialogs → bot → server. The only module
 * that constructs concrete classes and imports adapters/.
 */
export interface Assistant {
  url: string;
  db: Database;
  http: HttpServer;
  logger: Logger;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Use this database instead of opening one from config (tests). It is not closed by stop(). */
  db?: Database;
}

export async function openDatabase(config: Config): Promise<Database> {
  return config.DATABASE_URL
    ? new PgDatabase({ connectionString: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE })
    : PgliteDatabase.open(config.DATA_DIR);
}

export async function startAssistant(config: Config, options: StartOptions = {}): Promise<Assistant> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const db = options.db ?? (await openDatabase(config));
  const ownsDb = options.db === undefined;
  try {
    const { applied, current } = await migrate(db);
    logger.info({ applied, schemaVersion: current, database: db.kind }, 'main: database ready');

    const storage = new PgStorage(db);
    // State accessors are wired in by the dialogs; the states live in PostgreSQL from the start.
    void new ConversationState(storage);
    void new UserState(storage);

    const bot = new AssistantBot({ defaultLocale: config.DEFAULT_LOCALE });
    const adapter = createBotAdapter({
      appId: config.MicrosoftAppId,
      appPassword: config.MicrosoftAppPassword,
      appType: config.MicrosoftAppType,
      tenantId: config.MicrosoftAppTenantId,
      logger,
      onTurnError: createTurnErrorHandler(logger, config.DEFAULT_LOCALE),
    });
    adapter.use(rejectOverlongText(undefined, config.DEFAULT_LOCALE));
    adapter.use(conversationLock(db));
    const http = createHttpServer({ adapter, bot, isHealthy: () => db.ping(2000), logger, maxBodyBytes: config.MAX_BODY_BYTES });
    const url = await http.listen(config.PORT, config.HOST);
    logger.info({ url, auth: config.authEnabled, demo: config.DEMO_MODE }, 'main: listening');

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await http.close(config.SHUTDOWN_GRACE_SECONDS * 1000);
        if (ownsDb) await db.close();
        logger.info('main: stopped');
      })());
    return { url, db, http, logger, stop };
  } catch (error: unknown) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw error;
  }
}

async function runFromCommandLine(): Promise<void> {
  const config = configFromProcessEnv();
  const assistant = await startAssistant(config);
  process.stdout.write(
    `\nServiceportal-assistenten kører: ${assistant.url}\n` +
      `Bot Framework endpoint: ${assistant.url}/api/messages\n\n`,
  );
  const shutdown = (signal: string) => {
    assistant.logger.info({ signal }, 'main: shutting down');
    assistant.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        assistant.logger.error({ err: error }, 'main: shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runFromCommandLine().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`main: could not start: ${message}\n`);
    process.exit(1);
  });
}
