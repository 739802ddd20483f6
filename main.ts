import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConversationState, UserState } from 'botbuilder';
import { configFromProcessEnv, type Config } from './config.js';
import { createBotAdapter } from './adapters/http/bot-adapter.js';
import { createHttpServer, type HttpServer } from './adapters/http/server.js';
import { createLogger } from './adapters/logging/pino-logger.js';
import type { Database } from './adapters/postgres/database.js';
import { migrate } from './adapters/postgres/migrate.js';
import { PgDatabase } from './adapters/postgres/pg-database.js';
import { PgliteDatabase } from './adapters/postgres/pglite-database.js';
import { PgCaseStore } from './adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from './adapters/postgres/pg-directory-store.js';
import { PgFeedbackStore } from './adapters/postgres/pg-feedback-store.js';
import { PgStorage } from './adapters/postgres/pg-storage.js';
import { conversationLock } from './adapters/postgres/conversation-lock.js';
import { AssistantBot } from './bot/assistant-bot.js';
import { CoalescingStorage } from './bot/coalescing-storage.js';
import type { Logger } from './bot/logger.js';
import { NaturalIntentRecognizer } from './bot/recognizer.js';
import { createTurnErrorHandler } from './bot/turn-error.js';
import { rejectOverlongText } from './bot/input-limits.js';
import { ChannelUserResolver } from './bot/user-resolver.js';
import { CachedKnowledgeBase } from './dialogs/knowledge-cache.js';
import { MainDialog } from './dialogs/main.dialog.js';
import type { FeedbackRecorder } from './dialogs/ports.js';
import { createKnowledgeBase, watchArticles, type KnowledgeBase } from './knowledge/index.js';
import { PortalService, seedDemoData } from './portal/index.js';

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
  /** Where answer feedback and unanswered questions go. Default: the PostgreSQL feedback store. */
  feedback?: FeedbackRecorder;
  /** Re-index the articles when a file changes. Default true. */
  watchArticles?: boolean;
}

/** The assistant's own articles. */
export const ARTICLES_DIR = fileURLToPath(new URL('./knowledge/articles/', import.meta.url));

const knowledgeBases = new Map<string, Promise<KnowledgeBase>>();

/** One knowledge base per source folder and process: the index is built once, not per start (tests start many assistants). */
export function knowledgeBaseFor(dir: string = ARTICLES_DIR): Promise<KnowledgeBase> {
  let kb = knowledgeBases.get(dir);
  if (!kb) {
    kb = createKnowledgeBase({ sources: [dir] });
    knowledgeBases.set(dir, kb);
    kb.catch(() => knowledgeBases.delete(dir));
  }
  return kb;
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

    // The conversation and user state of a turn are read with one query.
    const storage = new CoalescingStorage(new PgStorage(db));
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);

    const directory = new PgDirectoryStore(db);
    const cases = new PgCaseStore(db);
    const portal = new PortalService({ cases, directory });
    if (config.DEMO_MODE) {
      const seeded = await seedDemoData(directory, cases);
      logger.info({ ...seeded }, 'main: demo data seeded');
    }
    const knowledge = new CachedKnowledgeBase(await knowledgeBaseFor());
    logger.info({ articles: knowledge.articles.length }, 'main: knowledge base ready');
    // Hot reload: the watcher reloads the shared index; the answers' cache is emptied after each reload.
    const watcher =
      options.watchArticles === false
        ? undefined
        : watchArticles(knowledge, [ARTICLES_DIR], {
            onReload: (outcome) => {
              if (outcome.ok) logger.info({ articles: outcome.articles }, 'main: articles reloaded');
              else logger.error({ err: outcome.error }, 'main: articles not reloaded (the previous content stays)');
            },
          });
    const feedback = options.feedback ?? new PgFeedbackStore(db);

    const bot = new AssistantBot({ defaultLocale: config.DEFAULT_LOCALE });
    const mainDialog = new MainDialog({
      portal,
      directory,
      knowledge,
      feedback,
      welcome: (lang) => bot.welcomeActivity(lang),
    });
    bot.useConversations({
      conversationState,
      userState,
      mainDialog,
      recognizer: new NaturalIntentRecognizer(),
      resolver: new ChannelUserResolver({ directory, authEnabled: config.authEnabled }),
      directory,
      authEnabled: config.authEnabled,
    });
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
        watcher?.close();
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
