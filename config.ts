import { z } from 'zod';
import { ATTACHMENT_KINDS } from './portal/attachment.js';

/**
 * Every setting of the assistant, read once from the environment. This is the only module that
 * reads `process.env`; everything else receives the frozen {@link Config}.
 */
const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

export const configSchema = z.object({
  /** HTTP port. Default 3978 (the Bot Framework convention). */
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  /** Host/interface to bind. Default 0.0.0.0. */
  HOST: z.preprocess(emptyToUndefined, z.string().min(1).default('0.0.0.0')),
  /** PostgreSQL connection string. When unset, the embedded PGlite database under DATA_DIR is used. */
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  /** Max connections in the pg pool of one process. Default 10. */
  DATABASE_POOL_SIZE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(10)),
  /** Folder of the embedded database (used only without DATABASE_URL). Default .data/pglite */
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().min(1).default('.data/pglite')),
  /**
   * Where start-up keeps what it can reuse: the trained intent classifier, the knowledge index and
   * a migrated empty embedded database to copy into a new DATA_DIR, each under a hash of what it
   * was made from. `off` disables it. Default node_modules/.cache/serviceportal-assistant (beside
   * the code). Not personal data; safe to delete.
   */
  CACHE_DIR: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  /** Seed demo institutions, users and cases at start. Default: on with the embedded database, off otherwise. */
  DEMO_MODE: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).optional()),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  MicrosoftAppTenantId: optionalString,
  /** pino level. Default info. */
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /**
   * Knowledge sources: comma-separated folders of Markdown articles and `.jsonl` files. Unset: the
   * shipped articles (knowledge/articles). Each is checked at start (a missing path or a bad article
   * stops start-up naming the path and field) and reloaded when it changes.
   */
  KNOWLEDGE_SOURCES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part.length > 0),
      )
      .refine((list) => list.length > 0, 'expected at least one folder or .jsonl file')
      .optional(),
  ),
  /** Language used when the user's language is not known. Default da. */
  DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(['da', 'en']).default('da')),
  /** Largest accepted request body in bytes. Default 262144 (256 KiB). */
  MAX_BODY_BYTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1024).max(10_485_760).default(262_144)),
  /** Send proactive notifications (case status changes, agent comments) from this process. Default true. */
  NOTIFICATIONS_ENABLED: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('true')),
  /** Attempts per notification before giving up. Default 6. */
  NOTIFY_MAX_ATTEMPTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(50).default(6)),
  /** First retry delay of a failed notification in ms; doubles per attempt (Retry-After wins when longer). Default 2000. */
  NOTIFY_RETRY_BASE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3_600_000).default(2000)),
  /** Longest retry delay in ms. Default 300000 (5 minutes). */
  NOTIFY_RETRY_MAX_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(86_400_000).default(300_000)),
  /** How often each process sweeps for due notifications (retries, other processes' work), in ms. Default 15000. */
  NOTIFY_SWEEP_INTERVAL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(3_600_000).default(15_000)),
  /** How often the portal event outbox is polled when no NOTIFY arrives, in ms. Default 1000. */
  NOTIFY_OUTBOX_POLL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(600_000).default(1000)),
  /** Teams: show "typing" when a turn has not answered within this many ms. Default 700. */
  TEAMS_TYPING_DELAY_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(60_000).default(700)),
  /** Teams: the action type on cards, Action.Submit (default, every client) or Action.Execute (universal actions). */
  TEAMS_CARD_ACTION: z.preprocess(emptyToUndefined, z.enum(['submit', 'execute']).default('submit')),
  /** Teams app package: the app version in manifest.json. Default: the version in package.json. */
  TEAMS_APP_VERSION: z.preprocess(emptyToUndefined, z.string().regex(/^\d+\.\d+\.\d+$/, 'must be like 1.0.0').optional()),
  /** Teams app package: the publisher's website. Default https://www.statens-adm.dk */
  TEAMS_DEVELOPER_URL: z.preprocess(emptyToUndefined, z.string().url().startsWith('https://').default('https://www.statens-adm.dk')),
  /** Teams app package: privacy statement URL. Default <TEAMS_DEVELOPER_URL>/privatlivspolitik */
  TEAMS_PRIVACY_URL: z.preprocess(emptyToUndefined, z.string().url().startsWith('https://').optional()),
  /** Teams app package: terms of use URL. Default <TEAMS_DEVELOPER_URL>/vilkaar */
  TEAMS_TERMS_URL: z.preprocess(emptyToUndefined, z.string().url().startsWith('https://').optional()),
  /** Seconds to wait for in-flight turns on shutdown. Default 10. */
  SHUTDOWN_GRACE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(300).default(10)),
  /**
   * HS256 key that signs web chat tokens (at least 32 characters). Required outside demo mode; in
   * demo mode, unset means a random key kept in the database (so tokens survive restarts).
   */
  WEBCHAT_TOKEN_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  /**
   * Lifetime of a web chat token in seconds. Default 1800. Web Chat refreshes its token every
   * 15 minutes, so the lifetime must be longer than that (minimum 960).
   */
  WEBCHAT_TOKEN_TTL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(960).max(86_400).default(1800)),
  /**
   * Shared secret the portal's server sends (`Authorization: Bearer …`) to get a web chat token
   * for a user (at least 32 characters). Unset: only demo tokens can be had (demo mode).
   */
  PORTAL_API_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  /**
   * Days that transcripts (web chat), bot state, conversation references and unanswered questions
   * are kept before the retention job deletes them (feedback loses its text and user). Cases and
   * their history are kept. Default 90.
   */
  RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  /**
   * The mail server that sends the one-time codes proving a typed e-mail address at registration:
   * smtp://user:password@host:587 (STARTTLS when the server offers it) or smtps://…:465. Unset: in demo
   * mode the code is written to the log and shown on the demo page; outside demo mode a person
   * whose channel does not vouch for their address cannot register in the chat.
   */
  SMTP_URL: z.preprocess(emptyToUndefined, z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL').optional()),
  /** The sender of those e-mails, e.g. "Serviceportalen <noreply@statens-adm.dk>". Required with SMTP_URL. */
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().trim().min(3).max(300).regex(/@/, 'must hold an e-mail address').optional()),
  /** Bearer token of the service desk's agent API (/api/agent/…). Unset: the agent API is off. */
  AGENT_API_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  /** Serve GET /metrics (Prometheus text format). Default false: /metrics answers 404. */
  METRICS_ENABLED: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
  /** Bearer token /metrics requires (compared in constant time; 401 without it). Unset: /metrics is open to whoever reaches it. */
  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  /**
   * Turns one user may take a minute (web chat, Teams, Emulator), counted in 10-second windows of a
   * sixth each; RATE_LIMIT_BURST more a minute are allowed for a burst. 0 = no limit. Default 60.
   */
  RATE_LIMIT_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000).default(60)),
  /** Turns a user may take beyond RATE_LIMIT_PER_MINUTE's 10-second share, per minute (a burst). Default 20. */
  RATE_LIMIT_BURST: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000).default(20)),
  /**
   * Requests one client address may make a minute (Direct Line, demo tokens, the agent API, and
   * /api/messages when Bot Framework authentication is off). A whole ministry may sit behind one
   * address, so far above the per-user limit. 0 = no limit. Default 1200.
   */
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(1_000_000).default(1200)),
  /** Web chat tokens minted (new conversation, refresh, resume) per user a minute. 0 = no limit. Default 20. */
  RATE_LIMIT_TOKENS_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000).default(20)),
  /** Cases one user may create an hour (chat and Teams cards). 0 = no limit. Default 20. */
  RATE_LIMIT_CASES_PER_HOUR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000).default(20)),
  /** Agent API requests per agent (X-Agent-Id) a minute. 0 = no limit. Default 600. */
  RATE_LIMIT_AGENT_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(1_000_000).default(600)),
  /** Files a user may upload an hour (web chat upload button, files sent in Teams). 0 = no limit. Default 60. */
  RATE_LIMIT_UPLOADS_PER_HOUR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000).default(60)),
  /** Largest file that can be attached to a case, in bytes. Default 10485760 (10 MB). */
  ATTACHMENT_MAX_BYTES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1024).max(52_428_800).default(10_485_760)),
  /** Most files on one case. 0 switches attachments off. Default 5. */
  ATTACHMENTS_PER_CASE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(50).default(5)),
  /**
   * The kinds of file that can be attached, judged by content: comma-separated of pdf, png, jpeg,
   * docx, xlsx, pptx, doc, xls, txt, csv. Default all of them.
   */
  ATTACHMENT_TYPES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(ATTACHMENT_KINDS.join(','))
      .transform((s) => s.split(',').map((k) => k.trim().toLowerCase()).filter((k) => k !== ''))
      .pipe(z.array(z.enum(ATTACHMENT_KINDS)).min(1, 'name at least one kind')),
  ),
  /**
   * Whether the client address comes from X-Forwarded-For: `false` (default: the TCP peer), `true`
   * (the left-most address: every proxy in front is trusted), or the number of trusted proxies in
   * front (1 = the address the nearest proxy saw).
   */
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z
      .union([z.enum(['true', 'false']), z.string().regex(/^\d{1,2}$/, 'must be true, false or a number of proxies')])
      .default('false')
      .transform((v): boolean | number => (v === 'true' ? true : v === 'false' ? false : Number(v))),
  ),
  /**
   * Origins that may embed the web chat page in a frame (the CSP's frame-ancestors), separated by
   * spaces, e.g. `https://serviceportal.statens-adm.dk`. Default 'self'.
   */
  WEBCHAT_FRAME_ANCESTORS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((v) => v.trim().split(/[\s,]+/).filter((o) => o !== ''))
      .pipe(
        z
          .array(z.string().regex(/^('self'|'none'|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?)$/i, "each must be 'self', 'none' or an http(s) origin"))
          .min(1),
      )
      .default("'self'"),
  ),
});

type RawConfig = z.infer<typeof configSchema>;

export type Config = Readonly<
  Omit<RawConfig, 'DEMO_MODE' | 'NOTIFICATIONS_ENABLED' | 'METRICS_ENABLED'> & {
    /** Resolved: true/false from DEMO_MODE, else true exactly when running embedded. */
    DEMO_MODE: boolean;
    NOTIFICATIONS_ENABLED: boolean;
    METRICS_ENABLED: boolean;
    /** Bot Framework authentication is enforced exactly when an app id is set. */
    authEnabled: boolean;
  }
>;

export class ConfigError extends Error {
  readonly code = 'CONFIG.INVALID';
  constructor(readonly variable: string, readonly reason: string) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws {@link ConfigError} naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'invalid value');
  }
  const raw = parsed.data;
  // The Bot Framework SDK needs the tenant for both (it asserts it when the adapter is made).
  if ((raw.MicrosoftAppType === 'SingleTenant' || raw.MicrosoftAppType === 'UserAssignedMSI') && raw.MicrosoftAppId && !raw.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId', `is required when MicrosoftAppType is ${raw.MicrosoftAppType}`);
  }
  if (raw.MicrosoftAppId && raw.MicrosoftAppType !== 'UserAssignedMSI' && !raw.MicrosoftAppPassword) {
    throw new ConfigError('MicrosoftAppPassword', 'is required when MicrosoftAppId is set');
  }
  if (raw.SMTP_URL && !raw.MAIL_FROM) {
    throw new ConfigError('MAIL_FROM', 'is required when SMTP_URL is set');
  }
  const demoMode = raw.DEMO_MODE === undefined ? raw.DATABASE_URL === undefined : raw.DEMO_MODE === 'true';
  if (!demoMode && !raw.WEBCHAT_TOKEN_SECRET) {
    throw new ConfigError('WEBCHAT_TOKEN_SECRET', 'is required outside demo mode (at least 32 characters)');
  }
  return Object.freeze({
    ...raw,
    DEMO_MODE: demoMode,
    NOTIFICATIONS_ENABLED: raw.NOTIFICATIONS_ENABLED === 'true',
    METRICS_ENABLED: raw.METRICS_ENABLED === 'true',
    authEnabled: Boolean(raw.MicrosoftAppId),
  });
}

/** Reads `process.env`, or prints one line naming the bad variable and exits with code 1. */
export function configFromProcessEnv(): Config {
  try {
    return loadConfig(process.env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) {
      process.stderr.write(`config: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Where the database is, for scripts that only open it (`gdpr:*`, `kb:report`): the secrets the
 * assistant itself needs are not required.
 */
export function databaseConfigFromProcessEnv(): Pick<Config, 'DATABASE_URL' | 'DATA_DIR'> {
  const parsed = configSchema.pick({ DATABASE_URL: true, DATA_DIR: true }).safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    process.stderr.write(`config: ${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'invalid value'}\n`);
    process.exit(1);
  }
  return parsed.data;
}

/**
 * The settings for tooling that only reads them (e.g. `npm run teams:package`): the app password,
 * required to run the bot with an app id, is not required here.
 */
export function toolingConfigFromProcessEnv(): Config {
  return loadConfig({ ...process.env, MicrosoftAppPassword: process.env.MicrosoftAppPassword || 'unused-by-tooling' });
}
