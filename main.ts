import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configFromProcessEnv, type Config } from './config.js';
import { createBotAdapter, turnLoggingMiddleware } from './adapters/http/bot-adapter.js';
import { createHttpServer, type HttpServer } from './adapters/http/server.js';
import { createLogger } from './adapters/logging/pino-logger.js';
import type { Database } from './adapters/postgres/database.js';
import { migrate } from './adapters/postgres/migrate.js';
import { FileCache, cacheKey, sourceFingerprint } from './adapters/cache/file-cache.js';
import { fileAnalyzerCache, fileClassifierCache, fileIndexCache } from './adapters/cache/start-caches.js';
import { PgCaseStore } from './adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from './adapters/postgres/pg-directory-store.js';
import { PgFeedbackStore } from './adapters/postgres/pg-feedback-store.js';
import { PgDeskStore } from './adapters/postgres/pg-desk-store.js';
import { PgStorage } from './adapters/postgres/pg-storage.js';
import { PgRetention } from './adapters/postgres/pg-retention.js';
import { PgVerificationCodeStore } from './adapters/postgres/pg-verification-codes.js';
import { DemoCodeSender, UnconfiguredCodeSender } from './adapters/mail/demo-code-sender.js';
import { AddressVerification, type VerificationCodeSender } from './dialogs/address-verification.js';
import { PgWebChatStore } from './adapters/postgres/pg-webchat-store.js';
import { DirectLineBotAdapter, WEBCHAT_CHANNEL_ID, WEBCHAT_SERVICE_URL } from './adapters/webchat/direct-line-bot-adapter.js';
import { createDirectLine } from './adapters/webchat/direct-line.js';
import { UPLOAD_PATH } from './adapters/webchat/upload.js';
import { incomingFiles } from './adapters/files/incoming-files.js';
import { FileTypeSniffer } from './adapters/files/file-type-sniffer.js';
import { PgAttachmentStore } from './adapters/postgres/pg-attachment-store.js';
import { createWebChatPage } from './adapters/webchat/page.js';
import { WebChatTokens } from './adapters/webchat/tokens.js';
import { conversationLock } from './adapters/postgres/conversation-lock.js';
import { AssistantBot } from './bot/assistant-bot.js';
import { CoalescingStorage } from './bot/coalescing-storage.js';
import { JsonConversationState, JsonUserState } from './bot/json-state.js';
import type { Logger } from './bot/logger.js';
import { NaturalIntentRecognizer } from './bot/recognizer.js';
import { createTurnErrorHandler } from './bot/turn-error.js';
import { rejectOverlongText } from './bot/input-limits.js';
import { ChannelUserResolver } from './bot/user-resolver.js';
import { CachedKnowledgeBase } from './dialogs/knowledge-cache.js';
import { MainDialog } from './dialogs/main.dialog.js';
import type { FeedbackRecorder } from './dialogs/ports.js';
import { createKnowledgeBase, loadDanishWords, watchArticles, type AnalyzerCache, type IndexCache, type KnowledgeBase } from './knowledge/index.js';
import { ChannelIdentities, type ChannelIdentity } from './bot/channel-identity.js';
import { Notifier } from './bot/notifications/notifier.js';
import { conversationReferenceRecorder, recordConversationReferences } from './bot/notifications/reference-recorder.js';
import type { ProactiveSender } from './bot/notifications/ports.js';
import { BotConnectorSender } from './adapters/http/bot-connector-sender.js';
import { PgConversationReferenceStore, PgDeliveryLedger } from './adapters/postgres/pg-notifications.js';
import { OutboxNotifier, PgOutboxSubscriber } from './adapters/postgres/pg-outbox.js';
import { CardSubmissions } from './adapters/teams/card-submissions.js';
import { TeamsIdentity } from './adapters/teams/teams-identity.js';
import { TEAMS_CHANNEL, TeamsBot, teamsTyping } from './adapters/teams/teams-bot.js';
import { TeamsPrivateConversations } from './adapters/teams/teams-private-conversations.js';
import { TeamsProactiveSender } from './adapters/teams/teams-sender.js';
import { WebChatIdentity } from './adapters/webchat/webchat-identity.js';
import { WebChatSender } from './adapters/webchat/webchat-sender.js';
import { agentApiRoutes } from './adapters/http/agent-api.js';
import { deskPageRoutes } from './adapters/http/desk-insights.js';
import { HttpLimits } from './adapters/http/http-limits.js';
import { FlexibleRateLimits } from './adapters/limits/rate-limits.js';
import { RateLimitedCaseStore } from './adapters/limits/rate-limited-case-store.js';
import { limitTurns } from './bot/rate-limits.js';
import { countingFeedback, noMetrics, type Metrics } from './bot/metrics.js';
import type { PrometheusMetrics } from './adapters/metrics/prometheus-metrics.js';
import { AREA_IDS, DEMO_USERS, DEMO_WORLD_KEYS, PortalService, seedDemoData, type Subscription } from './portal/index.js';
import { demoWorldState } from './adapters/postgres/pg-demo-world.js';

/**
 * The composition root: config → adapters → ports → dialogs → bot → server. The only module
 * that constructs concrete classes and imports adapters/.
 */
export interface Assistant {
  url: string;
  db: Database;
  http: HttpServer;
  logger: Logger;
  /** Delivers to web chat conversations (proactive messages: `appendBotActivity`, `continueConversationAsync`). */
  webChat: DirectLineBotAdapter;
  portal: PortalService;
  /** The notification sender of this process (absent when NOTIFICATIONS_ENABLED=false). */
  notifier?: Notifier;
  /** What /metrics serves (absent when METRICS_ENABLED=false). */
  metrics?: PrometheusMetrics;
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
  /**
   * PGlite's WebAssembly compiled ahead, for the embedded database (`npm start` compiles it on a
   * worker thread while this code loads). Default: PGlite compiles its own when it opens.
   */
  pgliteWasmModule?: Promise<WebAssembly.Module | undefined>;
}

/** The assistant's own articles. */
export const ARTICLES_DIR = fileURLToPath(new URL('./knowledge/articles/', import.meta.url));

/** The folder of main.ts: the project. */
const PROJECT_DIR = fileURLToPath(new URL('./', import.meta.url));

/**
 * The start-up cache of a configuration (CACHE_DIR; `off`: none). What each entry is made by, for
 * its key: the classifier by bot/nlu (with its training data) and the knowledge analysis it uses;
 * the knowledge index by knowledge/ apart from the articles (their text is in the key itself), and so
 * the analyser's parsed lexicon (its files' text is in the key); the embedded database template by
 * the migrations and the PGlite adapter; all by the locked package versions.
 */
export interface StartCaches {
  modelCache?: ReturnType<typeof fileClassifierCache>;
  indexCache?: IndexCache;
  analyzerCache?: AnalyzerCache;
  files: FileCache;
}

export function startCaches(config: Pick<Config, 'CACHE_DIR'>): StartCaches {
  if (config.CACHE_DIR === 'off') return { files: new FileCache(undefined) };
  const files = new FileCache(resolve(PROJECT_DIR, config.CACHE_DIR ?? 'node_modules/.cache/serviceportal-assistant'));
  const knowledgeCode = readdirSync(resolve(PROJECT_DIR, 'knowledge'))
    .filter((entry) => entry !== 'articles')
    .map((entry) => `knowledge/${entry}`);
  const knowledgeFingerprint = sourceFingerprint(PROJECT_DIR, [...knowledgeCode, 'package-lock.json']);
  return {
    files,
    modelCache: fileClassifierCache(files, sourceFingerprint(PROJECT_DIR, ['bot/nlu', 'bot/recognizer.ts', 'knowledge/analysis', 'package-lock.json'])),
    indexCache: fileIndexCache(files, knowledgeFingerprint),
    analyzerCache: fileAnalyzerCache(files, knowledgeFingerprint),
  };
}

/**
 * The notification consumers' first rounds (events and deliveries left from before this process
 * started) wait this long after start-up: they are not needed to answer, and run at once they put
 * five statements on a cold database (0.1–0.3 s) ahead of the first /readyz and turn. New events
 * and deliveries start a round at once as before.
 */
const NOTIFY_FIRST_ROUND_DELAY_MS = 1_000;

/**
 * The article watcher is begun this long after listening: setting up a recursive watch walks the
 * articles' folder on the main thread (≈ 10–25 ms), which nothing before the first /readyz needs.
 * An article changed meanwhile is reloaded when it begins (`changedSince`).
 */
const ARTICLES_WATCH_DELAY_MS = 1_000;
/** After the process serves, when the Danish spelling dictionary is read (knowledge/analysis/danish-words.ts). */
const DICTIONARY_WARM_UP_MS = 2_000;

const knowledgeBases = new Map<string, Promise<KnowledgeBase>>();

/** The knowledge sources of a configuration: KNOWLEDGE_SOURCES, or the shipped articles. */
export function knowledgeSources(config: Pick<Config, 'KNOWLEDGE_SOURCES'>): readonly string[] {
  return config.KNOWLEDGE_SOURCES ?? [ARTICLES_DIR];
}

/**
 * One knowledge base per list of sources and process: the index is built once, not per start (tests
 * start many assistants). Rejects with KB.BAD_SOURCE / KB.BAD_ARTICLE naming the path and field.
 */
export function knowledgeBaseFor(sources: string | readonly string[] = [ARTICLES_DIR], caches: Pick<StartCaches, 'indexCache' | 'analyzerCache'> = {}): Promise<KnowledgeBase> {
  const list = typeof sources === 'string' ? [sources] : [...sources];
  const key = list.join('\u0000');
  let kb = knowledgeBases.get(key);
  if (!kb) {
    kb = createKnowledgeBase({
      sources: list,
      ...(caches.indexCache ? { indexCache: caches.indexCache } : {}),
      ...(caches.analyzerCache ? { analyzerCache: caches.analyzerCache } : {}),
    });
    knowledgeBases.set(key, kb);
    kb.catch(() => knowledgeBases.delete(key));
  }
  return kb;
}

/**
 * PostgreSQL at DATABASE_URL, or the embedded database in DATA_DIR. A new DATA_DIR is a copy of a
 * migrated empty database kept in the cache (made once, by initdb and the migrations, when the
 * cache has none for these migrations).
 */
export async function openDatabase(
  config: Config,
  cache: FileCache = new FileCache(undefined),
  pglite: { wasmModule?: Promise<WebAssembly.Module | undefined> } = {},
): Promise<Database> {
  // Each adapter (and pg or PGlite under it) is loaded only by the deployment that uses it.
  if (config.DATABASE_URL) {
    const { PgDatabase } = await import('./adapters/postgres/pg-database.js');
    return new PgDatabase({ connectionString: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  }
  const { PgliteDatabase } = await import('./adapters/postgres/pglite-database.js');
  const wasmModule = pglite.wasmModule ? { wasmModule: pglite.wasmModule } : {};
  if (!PgliteDatabase.isNew(config.DATA_DIR) || !cache.dir) return PgliteDatabase.open(config.DATA_DIR, wasmModule);
  const key = cacheKey(sourceFingerprint(PROJECT_DIR, ['adapters/postgres/migrations', 'adapters/postgres/pglite-database.ts', 'package-lock.json']));
  const template = await cache.directory('pglite-template', key, (folder) => PgliteDatabase.makeTemplate(folder, async (db) => void (await migrate(db))));
  return PgliteDatabase.open(config.DATA_DIR, { ...(template ? { template } : {}), ...wasmModule });
}

export async function startAssistant(config: Config, options: StartOptions = {}): Promise<Assistant> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  // The knowledge index is built while the database opens and migrates (and the demo data is
  // seeded, below): neither waits for the other. A missing path or a bad article still stops
  // start-up, and closes the database it opened. The database's open is begun first: its file
  // reads and WebAssembly compilation run while the knowledge base loads (synchronous work on
  // this thread) between its steps.
  const caches = startCaches(config);
  const ownsDb = options.db === undefined;
  const opening = options.db ? Promise.resolve(options.db) : openDatabase(config, caches.files, options.pgliteWasmModule ? { wasmModule: options.pgliteWasmModule } : {});
  const sources = knowledgeSources(config);
  // Whatever changes in the sources after this is reloaded once the watcher runs (after listening).
  const sourcesReadFrom = Date.now();
  const knowledgeLoading = knowledgeBaseFor(sources, caches);
  knowledgeLoading.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  // The intent classifier is read from the start-up cache (synchronous, 50–100 ms) in a gap of
  // the database's open (while its files are read and its WebAssembly compiled), not after it.
  const recognizerLoading = new Promise<NaturalIntentRecognizer>((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(new NaturalIntentRecognizer(caches.modelCache ? { modelCache: caches.modelCache } : {}));
      } catch (error: unknown) {
        reject(error);
      }
    }),
  );
  recognizerLoading.catch(() => undefined); // awaited below
  const db = await opening;
  try {
    const { applied, current } = await migrate(db);
    logger.info({ applied, schemaVersion: current, database: db.kind }, 'main: database ready');

    // Counted where the events are logged already (turns, routing, feedback, cases, notifications,
    // rate limits); served at /metrics only when METRICS_ENABLED.
    // prom-client is loaded only then: 0.1–0.2 s of start-up otherwise spent for nothing.
    const prometheus = config.METRICS_ENABLED
      ? new (await import('./adapters/metrics/prometheus-metrics.js')).PrometheusMetrics({ areas: AREA_IDS, ...(db.connections ? { connections: () => db.connections!() } : {}) })
      : undefined;
    const metrics: Metrics = prometheus ?? noMetrics;

    // The conversation and user state of a turn are read with one query and saved with one. The
    // embedded database belongs to this process alone, so its state documents are also kept in
    // memory (the most recent 10,000) and read from there.
    const stateStorage = new PgStorage(db, db.kind === 'pglite' ? { exclusiveCacheSize: 10_000 } : {});
    const storage = new CoalescingStorage(stateStorage);
    // BotState's turn cache with the change test on the document's JSON (no SHA-256 of it).
    const conversationState = new JsonConversationState(storage);
    const userState = new JsonUserState(storage);

    // NOTIFY after each commit wakes every process's outbox consumers (polling is the fallback).
    const outboxNotifier = new OutboxNotifier(db);
    const directory = new PgDirectoryStore(db, { notifier: outboxNotifier });
    const cases = new PgCaseStore(db, { notifier: outboxNotifier });
    if (config.DEMO_MODE) {
      // Several processes may start at once on one database: one seeds, the others find it done.
      // One query finds an existing folder complete; seeding a new one adds without looking first.
      const seeded = await db.withLock('demo-seed', 60_000, async () => {
        const state = await demoWorldState(db, DEMO_WORLD_KEYS);
        return state === 'complete' ? { institutions: 0, users: 0, cases: 0 } : seedDemoData(directory, cases, undefined, { empty: state === 'empty' });
      });
      logger.info({ ...seeded }, 'main: demo data ready');
    }
    const sharedKnowledge = await knowledgeLoading;
    // Rate limits: counted in PostgreSQL, so every process of a deployment shares them; on the
    // embedded database (one process) in memory.
    const limits = new FlexibleRateLimits({
      logger,
      settings: {
        turnsPerMinute: config.RATE_LIMIT_PER_MINUTE,
        burst: config.RATE_LIMIT_BURST,
        addressPerMinute: config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
        tokensPerMinute: config.RATE_LIMIT_TOKENS_PER_MINUTE,
        casesPerHour: config.RATE_LIMIT_CASES_PER_HOUR,
        agentPerMinute: config.RATE_LIMIT_AGENT_PER_MINUTE,
        uploadsPerHour: config.RATE_LIMIT_UPLOADS_PER_HOUR,
      },
      ...(db.kind === 'postgres' ? { db } : {}),
      metrics,
    });
    const httpLimits = new HttpLimits(limits, config.TRUST_PROXY);
    // Cases are created in dialogs and from Teams cards: each user's creations are counted at the store.
    const attachmentStore = new PgAttachmentStore(db);
    const attachmentPolicy = { maxBytes: config.ATTACHMENT_MAX_BYTES, perCase: config.ATTACHMENTS_PER_CASE, kinds: config.ATTACHMENT_TYPES };
    const portal = new PortalService({
      cases: new RateLimitedCaseStore(cases, limits, metrics),
      directory,
      ...(config.ATTACHMENTS_PER_CASE > 0 ? { attachments: { store: attachmentStore, sniffer: new FileTypeSniffer(), policy: attachmentPolicy } } : {}),
    });
    const stageFile = (file: { name: string; bytes: Uint8Array }) => portal.stageFile(file);
    const knowledge = new CachedKnowledgeBase(sharedKnowledge);
    logger.info({ articles: knowledge.articles.length }, 'main: knowledge base ready');
    const feedback = countingFeedback(options.feedback ?? new PgFeedbackStore(db), metrics);
    const desk = new PgDeskStore(db);

    const webChatStore = new PgWebChatStore(db);
    const onTurnError = createTurnErrorHandler(logger, config.DEFAULT_LOCALE);
    // Who is talking, per channel: Teams from the member, web chat from the signed token.
    const identity = new ChannelIdentities(
      new Map<string, ChannelIdentity>([
        [TEAMS_CHANNEL, new TeamsIdentity({ directory, logger })],
        [WEBCHAT_CHANNEL_ID, new WebChatIdentity(directory)],
      ]),
    );
    const adapter = createBotAdapter({
      appId: config.MicrosoftAppId,
      appPassword: config.MicrosoftAppPassword,
      appType: config.MicrosoftAppType,
      tenantId: config.MicrosoftAppTenantId,
      logger,
      onTurnError,
      metrics,
    });
    const references = new PgConversationReferenceStore(db);
    // Teams channels and group chats: personal turns continue in the member's 1:1 chat, whose reference is recorded.
    const privates = new TeamsPrivateConversations({
      adapter,
      appId: config.MicrosoftAppId ?? '',
      logger,
      onPrivateTurn: conversationReferenceRecorder(identity, references, logger, config.DEFAULT_LOCALE),
    });
    // Proof of a typed address at registration: a one-time code by SMTP; in demo mode without
    // SMTP_URL, to the log and the demo page; otherwise none can be sent (the user is told so).
    // nodemailer is loaded only when there is a mail server to send through.
    const smtp = config.SMTP_URL
      ? new (await import('./adapters/mail/smtp-code-sender.js')).SmtpCodeSender({ url: config.SMTP_URL, from: config.MAIL_FROM ?? '', logger })
      : undefined;
    const demoCodes = !smtp && config.DEMO_MODE ? new DemoCodeSender(logger) : undefined;
    const codeSender: VerificationCodeSender = smtp ?? demoCodes ?? new UnconfiguredCodeSender();
    if (!smtp && !config.DEMO_MODE) logger.warn('main: SMTP_URL is not set, so a person whose channel does not vouch for their e-mail cannot register in the chat');
    const addressVerification = new AddressVerification({
      store: new PgVerificationCodeStore(db),
      sender: codeSender,
      onSendFailed: (error, reference) => logger.warn({ err: error, codeRef: reference }, 'mail: the one-time code could not be sent'),
    });
    const assistantBot = new AssistantBot({ defaultLocale: config.DEFAULT_LOCALE });
    const bot = assistantBot;
    const mainDialog = new MainDialog({
      portal,
      directory,
      knowledge,
      feedback,
      desk,
      contact: (lang) => knowledge.contact(lang),
      welcome: (lang) => assistantBot.welcomeActivity(lang),
      addressVerification,
    });
    assistantBot.useConversations({
      conversationState,
      userState,
      mainDialog,
      recognizer: await recognizerLoading,
      resolver: new ChannelUserResolver({ directory, authEnabled: config.authEnabled }),
      directory,
      authEnabled: config.authEnabled,
      privateConversations: privates,
      // Teams: the roster's e-mail of a member not yet registered (registration then needs no code).
      channelIdentity: identity,
      // One line per routing decision: what was decided and why, never the text; a knowledge
      // answer's outcome is counted.
      onRoute: (decision, context) => {
        const { route, ...figures } = decision;
        if (route.kind === 'knowledge') metrics.knowledgeOutcome(route.answer.kind);
        logger.info(
          { conversationId: context.activity.conversation?.id, activityId: context.activity.id, route: route.kind === 'intent' ? `intent:${route.intent.kind}` : route.kind, ...figures },
          'route',
        );
      },
    });
    const cardSubmissions = new CardSubmissions({ portal, identity, logger, action: config.TEAMS_CARD_ACTION });
    const teamsBot = new TeamsBot({ inner: assistantBot, cards: cardSubmissions, logger, defaultLocale: config.DEFAULT_LOCALE, privates, news: (context) => assistantBot.tellNews(context) });
    // The same turn middleware on every channel's adapter (the CloudAdapter logs turns itself).
    const turnMiddleware = [
      rejectOverlongText(undefined, config.DEFAULT_LOCALE),
      conversationLock(db),
      recordConversationReferences(identity, references, logger, config.DEFAULT_LOCALE),
      ...(config.ATTACHMENTS_PER_CASE > 0
        ? [incomingFiles({ stage: stageFile, maxBytes: config.ATTACHMENT_MAX_BYTES, maxFiles: config.ATTACHMENTS_PER_CASE, logger, limits })]
        : []),
    ];
    // Bot Framework channels: a user over the turn limit gets one polite message and no turn (web
    // chat is limited at its HTTP endpoint instead: 429).
    adapter.use(limitTurns({ limits, defaultLocale: config.DEFAULT_LOCALE }));
    for (const handler of turnMiddleware) adapter.use(handler);
    adapter.use(teamsTyping(config.TEAMS_TYPING_DELAY_MS));

    // Outside demo mode config requires the secret; in demo mode one is kept in the database.
    const tokenSecret = config.WEBCHAT_TOKEN_SECRET ?? (await webChatStore.sharedSecret('demo_token_secret'));
    const webChat = new DirectLineBotAdapter({
      store: webChatStore,
      bot: { id: config.MicrosoftAppId ?? 'serviceportal-assistant', name: 'Serviceportalens assistent' },
      serviceUrl: WEBCHAT_SERVICE_URL,
      logger,
      onTurnError,
      middleware: [turnLoggingMiddleware(logger, metrics), ...turnMiddleware],
    });
    const demoUsers = config.DEMO_MODE ? DEMO_USERS : undefined;
    const directLine = createDirectLine({
      store: webChatStore,
      tokens: new WebChatTokens({ secret: tokenSecret, ttlSeconds: config.WEBCHAT_TOKEN_TTL_SECONDS }),
      adapter: webChat,
      bot,
      logger,
      ...(config.PORTAL_API_SECRET ? { portalApiSecret: config.PORTAL_API_SECRET } : {}),
      ...(demoUsers ? { demoUsers } : {}),
      ...(demoUsers && demoCodes ? { demoCodes } : {}),
      defaultLocale: config.DEFAULT_LOCALE === 'en' ? 'en-US' : 'da-DK',
      limits: httpLimits,
      ...(config.ATTACHMENTS_PER_CASE > 0
        ? {
            uploads: {
              stage: stageFile,
              maxFiles: config.ATTACHMENTS_PER_CASE,
              // Every file at its largest, plus room for the multipart framing and the activity part.
              maxRequestBytes: config.ATTACHMENT_MAX_BYTES * config.ATTACHMENTS_PER_CASE + 1_048_576,
            },
          }
        : {}),
    });
    if (!config.DEMO_MODE && !config.PORTAL_API_SECRET) {
      logger.warn('main: PORTAL_API_SECRET is not set, so the portal cannot get web chat tokens');
    }



    // Notifications: any process with NOTIFICATIONS_ENABLED consumes the portal's events and sends.
    let notifier: Notifier | undefined;
    let subscription: Subscription | undefined;
    if (config.NOTIFICATIONS_ENABLED) {
      const connector = new BotConnectorSender(adapter, config.MicrosoftAppId ?? '');
      const senders = new Map<string, ProactiveSender>([
        [TEAMS_CHANNEL, new TeamsProactiveSender({ adapter, appId: config.MicrosoftAppId ?? '', references, logger, action: config.TEAMS_CARD_ACTION })],
        ['emulator', connector],
        [WEBCHAT_CHANNEL_ID, new WebChatSender(webChat)],
      ]);
      notifier = new Notifier({
        ledger: new PgDeliveryLedger(db),
        references,
        directory,
        senders,
        logger,
        metrics,
        maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
        retryBaseMs: config.NOTIFY_RETRY_BASE_MS,
        retryMaxMs: config.NOTIFY_RETRY_MAX_MS,
        sweepIntervalMs: config.NOTIFY_SWEEP_INTERVAL_MS,
      });
      const subscriber = new PgOutboxSubscriber(db, {
        pollIntervalMs: config.NOTIFY_OUTBOX_POLL_MS,
        firstRoundDelayMs: NOTIFY_FIRST_ROUND_DELAY_MS,
        onError: (error, where) => logger.warn({ err: error, ...where }, 'notify: outbox consumer error'),
      });
      const running = notifier;
      subscription = await subscriber.subscribe('notifications', (published) => running.handle(published));
      notifier.start(NOTIFY_FIRST_ROUND_DELAY_MS);
    }

    const http = createHttpServer({
      adapter,
      bot: teamsBot,
      readiness: async () => ({ database: await db.ping(2000), knowledge: knowledge.articles.length > 0 }),
      logger,
      maxBodyBytes: config.MAX_BODY_BYTES,
      rawBodyPaths: [UPLOAD_PATH],
      limits: httpLimits,
      authEnabled: config.authEnabled,
      ...(prometheus ? { metrics: { render: () => prometheus.render(), ...(config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {}) } } : {}),
      routes: [
        directLine.routes,
        createWebChatPage({ ...(demoUsers ? { demoUsers, demoCodes: demoCodes !== undefined } : {}), frameAncestors: config.WEBCHAT_FRAME_ANCESTORS }),
        ...(config.AGENT_API_TOKEN
          ? [
              agentApiRoutes({
                token: config.AGENT_API_TOKEN,
                cases,
                directory,
                attachments: attachmentStore,
                logger,
                limits: httpLimits,
                insights: {
                  source: desk,
                  closest: (question) => {
                    const best = knowledge.rank(question, 1)[0];
                    const article = best ? knowledge.article(best.articleId) : undefined;
                    return article ? { articleId: article.id, title: article.title } : undefined;
                  },
                  articleTitle: (id) => knowledge.article(id)?.title,
                },
              }),
            ]
          : []),
        deskPageRoutes({ enabled: config.AGENT_API_TOKEN !== undefined }),
      ],
    });
    // Personal data is kept RETENTION_DAYS: every process runs the job, one at a time (a lock).
    const retention = new PgRetention(db, { days: config.RETENTION_DAYS, logger, onStateDeleted: (keys) => stateStorage.forget(keys) });

    const url = await http.listen(config.PORT, config.HOST);
    retention.start();
    // The Danish spelling dictionary (a third of a second to read) is read once the process serves, not on the start's
    // path nor by the first question that needs it.
    setTimeout(loadDanishWords, DICTIONARY_WARM_UP_MS).unref();
    // Hot reload: the watcher reloads the shared index; the answers' cache is emptied after each
    // reload. It is begun after start-up (a recursive watch is a walk of the folder on this
    // thread), and reloads at once what changed since the sources were read.
    let watcher: ReturnType<typeof watchArticles> | undefined;
    const watching =
      options.watchArticles === false
        ? undefined
        : setTimeout(() => {
            watcher = watchArticles(knowledge, sources, {
              changedSince: sourcesReadFrom,
              onReload: (outcome) => {
                if (outcome.ok) logger.info({ articles: outcome.articles }, 'main: articles reloaded');
                else logger.error({ err: outcome.error }, 'main: articles not reloaded (the previous content stays)');
              },
            });
          }, ARTICLES_WATCH_DELAY_MS);
    watching?.unref();
    logger.info({ url, auth: config.authEnabled, demo: config.DEMO_MODE, notifications: config.NOTIFICATIONS_ENABLED }, 'main: listening');

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        // Streams first: an open WebSocket would hold the HTTP server open; clients reconnect elsewhere.
        await directLine.close();
        await http.close(config.SHUTDOWN_GRACE_SECONDS * 1000);
        await subscription?.close().catch((error: unknown) => logger.warn({ err: error }, 'main: closing the outbox subscription failed'));
        await notifier?.stop();
        await retention.stop();
        await webChatStore.close();
        smtp?.close();
        clearTimeout(watching);
        watcher?.close();
        if (ownsDb) await db.close();
        logger.info('main: stopped');
      })());
    return { url, db, http, logger, webChat, portal, ...(notifier ? { notifier } : {}), ...(prometheus ? { metrics: prometheus } : {}), stop };
  } catch (error: unknown) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw error;
  }
}

/** `npm start` (scripts/start.mjs runs it from the bundle, with PGlite's WebAssembly compiling meanwhile) and `tsx main.ts`. */
export async function runFromCommandLine(options: Pick<StartOptions, 'pgliteWasmModule'> = {}): Promise<void> {
  const config = configFromProcessEnv();
  const assistant = await startAssistant(config, options.pgliteWasmModule ? { pgliteWasmModule: options.pgliteWasmModule } : {});
  process.stdout.write(
    `\nServiceportal-assistenten kører: ${assistant.url}\n` +
      `Web chat: ${assistant.url}/\n` +
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
