import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity, ActivityHandlerBase } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { RESUME_EVENT } from '../../bot/assistant-bot.js';
import type { Logger } from '../../bot/logger.js';
import { toLocale } from '../../bot/locale.js';
import { messages } from '../../bot/messages.js';
import { cleanStrings, cleanText, depthOf, MAX_JSON_DEPTH } from '../http/activity-schema.js';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../http/failures.js';
import type { HttpLimits } from '../http/http-limits.js';
import { WEBCHAT_CHANNEL_ID, type DirectLineBotAdapter } from './direct-line-bot-adapter.js';
import type { TokenClaims, WebChatTokens } from './tokens.js';
import type { StoredActivity, WebChatConversation, WebChatEvent, WebChatStore } from './webchat-store.js';
import { FILES_CHANNEL_DATA_KEY, parseUpload, readBody, safeThumbnail, type UploadedFileOutcome, type UploadOptions } from './upload.js';

/** Where the Direct Line 3.0 endpoint is served (Web Chat's `domain`). */
export const DIRECT_LINE_PATH = '/v3/directline';
/** Most activities one GET or one stream message carries; the client asks again from the watermark. */
const PAGE_SIZE = 500;
/** How often a stream checks the table anyway (a lost NOTIFY) and pings its client. */
const STREAM_CHECK_MS = 15_000;

/** The demo picker's value for a person the portal does not know (`GET /api/demo/token?user=anonymous`). */
export const DEMO_ANONYMOUS = 'anonymous';

export interface DemoUser {
  /** The portal user id (e-mail). */
  email: string;
  name: string;
}

export interface DirectLineOptions {
  store: WebChatStore;
  tokens: WebChatTokens;
  adapter: DirectLineBotAdapter;
  bot: ActivityHandlerBase;
  logger: Logger;
  /** The portal server's secret for `POST /api/webchat/token` and `tokens/generate`; unset: those answer 503. */
  portalApiSecret?: string;
  /**
   * Demo mode: `GET /api/demo/token?user=` hands out tokens for these users, and for
   * `user=anonymous` a token for a new person the portal does not know (not an e-mail: the
   * assistant registers them with a one-time code). Unset: no such route.
   */
  demoUsers?: readonly DemoUser[];
  /**
   * Demo mode without SMTP_URL: `GET /api/demo/code` shows the bearer of a web chat token the latest
   * one-time code sent for them (the demo page's panel), 204 when none was. Unset: no such route.
   */
  demoCodes?: { codeFor(subject: string): { code: string; sentAt: string } | undefined };
  /** Locale of a conversation whose client does not say. */
  defaultLocale: string;
  /**
   * Rate limits: every request but polling counts against its client address; posted messages and events
   * against the user's turns; starting, resuming and refreshing against the user's tokens; a token
   * from the portal's server against that user's tokens (not the portal server's address).
   */
  limits?: HttpLimits;
  /** File uploads (Web Chat's upload button). Unset: the upload route answers 501. */
  uploads?: UploadOptions;
}

export interface DirectLine {
  /** Registers the REST routes and the WebSocket upgrade on the server. */
  routes(server: Server): void;
  /** Closes every stream (clients reconnect elsewhere) and stops listening. */
  close(): Promise<void>;
}

const email = z.string().trim().toLowerCase().email('must be an e-mail address').max(254);
const displayName = z.string().trim().min(1).max(200);

const portalTokenBody = z.object({ user: email, name: displayName.optional() });
const generateBody = z.object({ user: z.object({ id: email, name: displayName.optional() }) });
const startBody = z
  .object({ locale: z.string().max(20).optional() })
  .passthrough()
  .optional();

const userActivityBody = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    text: z.string().max(10_000).optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    locale: z.string().max(20).optional(),
    value: z.unknown().optional(),
    name: z.string().max(200).optional(),
    channelData: z.record(z.unknown()).optional(),
    entities: z.array(z.record(z.unknown())).max(20).optional(),
    localTimestamp: z.string().max(64).optional(),
    localTimezone: z.string().max(64).optional(),
  })
  .refine((a) => a.type !== 'message' || a.text !== undefined || a.value !== undefined, {
    message: 'a message needs text or value',
  })
  .refine((a) => a.type !== 'event' || a.name !== undefined, { message: 'an event needs a name' });

const watermarkParam = z
  .string()
  .regex(/^\d{0,15}$/, 'must be a non-negative integer')
  .optional()
  .transform((w) => (w ? Number(w) : 0));

type Failure = { status: number; code: string; message: string };

const fail = (status: number, code: string, message: string): Failure => ({ status, code, message });
const isFailure = (value: unknown): value is Failure =>
  typeof value === 'object' && value !== null && 'status' in value && 'code' in value;

function send(res: Response, failure: Failure): void {
  res.send(failure.status, { code: failure.code, message: failure.message });
}

function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function sameSecret(given: string, expected: string): boolean {
  // Hash both so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The origin the client used, for the absolute `streamUrl` (behind a proxy: X-Forwarded-*). */
export function publicOrigin(req: IncomingMessage, secure: boolean): { http: string; ws: string } {
  const forwardedProto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim();
  const forwardedHost = String(req.headers['x-forwarded-host'] ?? '').split(',')[0]?.trim();
  const https = forwardedProto ? forwardedProto === 'https' : secure;
  const host = forwardedHost || req.headers.host || 'localhost';
  return { http: `${https ? 'https' : 'http'}://${host}`, ws: `${https ? 'wss' : 'ws'}://${host}` };
}

/**
 * A Direct Line 3.0 compatible endpoint, so the official Web Chat widget talks to the assistant
 * with no cloud service. Identity comes only from the signed token: its subject is `from.id` of
 * every activity the client posts, whatever the client writes there.
 */
export function createDirectLine(options: DirectLineOptions): DirectLine {
  const { store, tokens, adapter, bot, logger } = options;
  const streams = new Map<string, Set<ConversationStream>>();
  let subscription: Promise<() => Promise<void>> | undefined;
  let checkTimer: NodeJS.Timeout | undefined;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  const onEvent = (event: WebChatEvent) => {
    for (const stream of streams.get(event.conversationId) ?? []) {
      if (event.kind === 'appended') stream.pump();
      else stream.sendEphemeral(event.activity);
    }
  };

  async function authenticate(req: Request): Promise<TokenClaims | Failure> {
    const token = bearer(req.header('authorization'));
    if (!token) return fail(401, 'WEBCHAT.TOKEN_MISSING', 'An Authorization: Bearer token is required.');
    const result = await tokens.verify(token);
    if (!result.ok) {
      return result.reason === 'expired'
        ? fail(403, 'WEBCHAT.TOKEN_EXPIRED', 'The token has expired; get a new one.')
        : fail(401, 'WEBCHAT.TOKEN_INVALID', 'The token is not valid.');
    }
    if (result.claims.scope === 'stream') return fail(401, 'WEBCHAT.TOKEN_INVALID', 'The token is not valid here.');
    return result.claims;
  }

  /** The conversation the token may use: its own, or (a user token) any of the same user's. */
  async function conversationFor(
    claims: TokenClaims,
    conversationId: string,
    allowUserToken: boolean,
  ): Promise<WebChatConversation | Failure> {
    if (claims.scope === 'conversation' && claims.conversationId !== conversationId) {
      return fail(403, 'WEBCHAT.WRONG_CONVERSATION', 'The token belongs to another conversation.');
    }
    if (claims.scope === 'user' && !allowUserToken) {
      return fail(403, 'WEBCHAT.WRONG_CONVERSATION', 'Start or resume the conversation first.');
    }
    const conversation = await store.getConversation(conversationId);
    if (!conversation) return fail(404, 'WEBCHAT.NO_CONVERSATION', 'No such conversation.');
    if (conversation.userId !== claims.userId) {
      return fail(403, 'WEBCHAT.WRONG_CONVERSATION', 'The token belongs to another conversation.');
    }
    return conversation;
  }

  function requirePortalSecret(req: Request): Failure | undefined {
    if (!options.portalApiSecret) {
      return fail(503, 'WEBCHAT.NOT_CONFIGURED', 'Web chat tokens are not enabled (PORTAL_API_SECRET is not set).');
    }
    const given = bearer(req.header('authorization'));
    if (!given || !sameSecret(given, options.portalApiSecret)) {
      return fail(401, 'WEBCHAT.BAD_SECRET', 'The portal secret is missing or wrong.');
    }
    return undefined;
  }

  async function conversationResponse(req: Request, conversation: WebChatConversation, watermark: number | undefined) {
    const claims = { userId: conversation.userId, userName: conversation.userName, conversationId: conversation.id };
    const issued = await tokens.issue({ ...claims, scope: 'conversation' });
    const stream = await tokens.issue({ ...claims, scope: 'stream' });
    const origin = publicOrigin(req, req.isSecure());
    const query = new URLSearchParams({ watermark: watermark === undefined ? '' : String(watermark), t: stream.token });
    return {
      conversationId: conversation.id,
      token: issued.token,
      expires_in: issued.expiresIn,
      streamUrl: `${origin.ws}${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(conversation.id)}/stream?${query}`,
    };
  }

  /** When the conversation last had an activity (ISO), or undefined when it has none. */
  async function lastActivityAt(conversation: WebChatConversation): Promise<string | undefined> {
    if (conversation.lastSeq <= 0) return undefined;
    const [last] = await store.activitiesAfter(conversation.id, conversation.lastSeq - 1, 1);
    const at = last?.activity.timestamp;
    const time = at === undefined ? Number.NaN : new Date(at).getTime();
    return Number.isNaN(time) ? undefined : new Date(time).toISOString();
  }

  /** What the server sets on every activity from the user: channel, time, locale, conversation, the token's identity. */
  function serverSet(conversation: WebChatConversation, locale: string | undefined): Partial<Activity> {
    return {
      channelId: WEBCHAT_CHANNEL_ID,
      serviceUrl: adapter.serviceUrl,
      timestamp: new Date(),
      locale: locale ?? conversation.locale ?? options.defaultLocale,
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: conversation.userId, name: conversation.userName, role: 'user' },
      recipient: adapter.bot,
    };
  }

  /**
   * Stores the user's activity, wakes the conversation's streams and runs the turn, then answers with
   * the activity's id: the turn runs before the response, so a client sees the reply no later than the answer.
   */
  async function appendAndRun(conversation: WebChatConversation, activity: Partial<Activity>, res: Response): Promise<void> {
    const stored = await store.append(conversation.id, activity);
    if (!stored) return send(res, fail(404, 'WEBCHAT.NO_CONVERSATION', 'No such conversation.'));
    await store.notify({ conversationId: conversation.id, kind: 'appended', seq: stored.seq }).catch((error: unknown) => {
      logger.warn({ err: error, conversationId: conversation.id }, 'webchat: could not wake the streams');
    });
    await adapter.processActivity(stored.activity, (context) => bot.run(context));
    res.send(200, { id: stored.activity.id });
  }

  /** Runs the welcome turn once, when the client first starts the conversation. */
  async function start(conversation: WebChatConversation, locale: string | undefined): Promise<void> {
    if (!(await store.markStarted(conversation.id, locale))) return;
    const fields = serverSet(conversation, locale);
    const activity: Partial<Activity> = { type: 'conversationUpdate', id: randomUUID(), ...fields, membersAdded: [adapter.bot, fields.from!] };
    await adapter.processActivity(activity, (context) => bot.run(context));
  }

  /** Counts the request against its client address (before anything else is done for it). */
  const admitAddress = (req: Request, res: Response): Promise<boolean> =>
    options.limits ? options.limits.admitAddress(req, res) : Promise.resolve(true);
  const admit = (res: Response, kind: 'turn' | 'token' | 'upload', userId: string): Promise<boolean> =>
    options.limits ? options.limits.admit(res, [[kind, userId]]) : Promise.resolve(true);

  /**
   * The database unreachable: 503 with Retry-After and the bot's "try again shortly" in the body,
   * also shown in the conversation's open streams on this process (the activity log cannot take it).
   * Anything else goes on to the server's error handler (500 without internals).
   */
  const failingCleanly =
    (handler: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await handler(req, res);
      } catch (error: unknown) {
        if (!isDatabaseUnavailable(error) || res.headersSent) throw error;
        const locale = typeof (req.body as { locale?: unknown } | undefined)?.locale === 'string' ? String((req.body as { locale: string }).locale) : options.defaultLocale;
        const text = messages(toLocale(locale, 'da')).tryAgainSoon;
        logger.warn({ err: error, url: req.url }, 'webchat: database unavailable');
        const conversationId = typeof req.params?.conversationId === 'string' ? req.params.conversationId : undefined;
        for (const stream of conversationId ? (streams.get(conversationId) ?? []) : []) {
          stream.sendEphemeral({ type: 'message', id: `${conversationId}|e-${randomUUID()}`, text, from: { ...adapter.bot, role: 'bot' }, timestamp: new Date() } as Partial<Activity>);
        }
        res.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        res.send(503, { code: 'SERVICE.UNAVAILABLE', message: text });
      }
    };

  function routes(server: Server): void {
    server.post('/api/webchat/token', async (req: Request, res: Response) => {
      const denied = requirePortalSecret(req);
      if (denied) return send(res, denied);
      const body = portalTokenBody.safeParse(req.body);
      if (!body.success) return send(res, fail(400, 'WEBCHAT.BAD_REQUEST', reasonOf(body.error)));
      const { user, name } = body.data;
      if (!(await admit(res, 'token', user))) return;
      const issued = await tokens.issue({ userId: user, userName: name ?? user, scope: 'user' });
      res.send(200, { token: issued.token, expires_in: issued.expiresIn, userId: user });
    });

    if (options.demoUsers) {
      const demoUsers = options.demoUsers;
      server.get('/api/demo/token', async (req: Request, res: Response) => {
        if (!(await admitAddress(req, res))) return;
        const wanted = typeof req.query?.user === 'string' ? req.query.user.trim().toLowerCase() : '';
        if (wanted === DEMO_ANONYMOUS) {
          // Someone the portal does not vouch for: the id is no e-mail, so the chat knows nobody.
          const id = `anonym-${randomUUID()}`;
          if (!(await admit(res, 'token', id))) return;
          // No name either (the name is the id): registration asks for it.
          const issued = await tokens.issue({ userId: id, userName: id, scope: 'user' });
          res.send(200, { token: issued.token, expires_in: issued.expiresIn, userId: id, userName: 'Ny bruger' });
          return;
        }
        const user = demoUsers.find((u) => u.email.toLowerCase() === wanted);
        if (!user) return send(res, fail(400, 'DEMO.UNKNOWN_USER', 'user must be one of the demo users.'));
        if (!(await admit(res, 'token', user.email))) return;
        const issued = await tokens.issue({ userId: user.email, userName: user.name, scope: 'user' });
        res.send(200, { token: issued.token, expires_in: issued.expiresIn, userId: user.email, userName: user.name });
      });
    }

    if (options.demoUsers && options.demoCodes) {
      const demoCodes = options.demoCodes;
      server.get('/api/demo/code', async (req: Request, res: Response) => {
        if (!(await admitAddress(req, res))) return;
        const claims = await authenticate(req);
        if (isFailure(claims)) return send(res, claims);
        const found = demoCodes.codeFor(`${WEBCHAT_CHANNEL_ID}:${claims.userId}`);
        res.header('Cache-Control', 'no-store');
        // No code (yet) is the usual answer while the page asks: not an error.
        if (!found) {
          res.send(204);
          return;
        }
        res.send(200, { code: found.code, sentAt: found.sentAt });
      });
    }

    // Direct Line: with the portal secret (like a Direct Line secret), a token bound to a new conversation.
    server.post(`${DIRECT_LINE_PATH}/tokens/generate`, failingCleanly(async (req: Request, res: Response) => {
      const denied = requirePortalSecret(req);
      if (denied) return send(res, denied);
      const body = generateBody.safeParse(req.body);
      if (!body.success) return send(res, fail(400, 'WEBCHAT.BAD_REQUEST', reasonOf(body.error)));
      const { id, name } = body.data.user;
      if (!(await admit(res, 'token', id))) return;
      const conversation = await store.createConversation({ id: randomUUID(), userId: id, userName: name ?? id });
      const issued = await tokens.issue({ userId: id, userName: conversation.userName, scope: 'conversation', conversationId: conversation.id });
      res.send(200, { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn });
    }));

    server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
      if (!(await admitAddress(req, res))) return;
      const claims = await authenticate(req);
      if (isFailure(claims)) return send(res, claims);
      if (!(await admit(res, 'token', claims.userId))) return;
      const issued = await tokens.issue(claims);
      res.send(200, { ...(claims.conversationId ? { conversationId: claims.conversationId } : {}), token: issued.token, expires_in: issued.expiresIn });
    });

    server.post(`${DIRECT_LINE_PATH}/conversations`, failingCleanly(async (req: Request, res: Response) => {
      if (!(await admitAddress(req, res))) return;
      const claims = await authenticate(req);
      if (isFailure(claims)) return send(res, claims);
      if (!(await admit(res, 'token', claims.userId))) return;
      const body = startBody.safeParse(req.body ?? undefined);
      if (!body.success) return send(res, fail(400, 'WEBCHAT.BAD_REQUEST', reasonOf(body.error)));
      const locale = body.data?.locale;
      let conversation: WebChatConversation | Failure;
      let created = false;
      if (claims.scope === 'user') {
        conversation = await store.createConversation({ id: randomUUID(), userId: claims.userId, userName: claims.userName, ...(locale ? { locale } : {}) });
        created = true;
      } else {
        conversation = await conversationFor(claims, claims.conversationId ?? '', false);
        if (isFailure(conversation)) return send(res, conversation);
        created = conversation.startedAt === undefined;
      }
      await start(conversation, locale);
      res.send(created ? 201 : 200, await conversationResponse(req, conversation, undefined));
    }));

    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, failingCleanly(async (req: Request, res: Response) => {
      if (!(await admitAddress(req, res))) return;
      const claims = await authenticate(req);
      if (isFailure(claims)) return send(res, claims);
      if (!(await admit(res, 'token', claims.userId))) return;
      const watermark = watermarkParam.safeParse(req.query?.watermark);
      if (!watermark.success) return send(res, fail(400, 'WEBCHAT.BAD_REQUEST', `watermark: ${reasonOf(watermark.error)}`));
      const conversation = await conversationFor(claims, String(req.params.conversationId), true);
      if (isFailure(conversation)) return send(res, conversation);
      await start(conversation, undefined);
      res.send(200, await conversationResponse(req, conversation, watermark.data || undefined));
    }));

    server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, failingCleanly(async (req: Request, res: Response) => {
      if (!(await admitAddress(req, res))) return;
      const claims = await authenticate(req);
      if (isFailure(claims)) return send(res, claims);
      // A turn costs the most: counted before the conversation is even looked up. Typing runs none.
      const type = (req.body as { type?: unknown } | undefined)?.type;
      if (type !== 'typing' && !(await admit(res, 'turn', `${WEBCHAT_CHANNEL_ID}:${claims.userId}`))) return;
      const conversation = await conversationFor(claims, String(req.params.conversationId), false);
      if (isFailure(conversation)) return send(res, conversation);
      if (depthOf(req.body) > MAX_JSON_DEPTH) {
        return send(res, fail(400, 'WEBCHAT.BAD_REQUEST', `The activity nests deeper than ${MAX_JSON_DEPTH} levels.`));
      }
      // Control characters out (PostgreSQL refuses NUL), as on /api/messages.
      const body = userActivityBody.safeParse(cleanStrings(req.body));
      if (!body.success) return send(res, fail(400, 'WEBCHAT.BAD_REQUEST', reasonOf(body.error)));
      const activity: Partial<Activity> = {
        ...body.data,
        ...(body.data.channelData ? { channelData: withoutFiles(body.data.channelData) } : {}),
        // Identity from the token only; the client's from is ignored.
        ...serverSet(conversation, body.data.locale),
      } as Partial<Activity>;
      if (activity.type === 'typing') {
        // Not stored and no turn: the assistant does not act on the user's typing.
        res.send(200, { id: `${conversation.id}|typing` });
        return;
      }
      if (activity.type === 'event' && activity.name === RESUME_EVENT) {
        // What the page shows already (its history) is not told again: the bot gets when the conversation last had an activity.
        activity.value = { lastActivityAt: await lastActivityAt(conversation) };
      }
      return appendAndRun(conversation, activity, res);
    }));

    // Polling (a proxy that drops WebSockets) reads once a second per client, a ministry behind one
    // address would soon use up its limit: a read of one's own conversation is not counted.
    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, failingCleanly(async (req: Request, res: Response) => {
      const claims = await authenticate(req);
      if (isFailure(claims)) return send(res, claims);
      const conversation = await conversationFor(claims, String(req.params.conversationId), false);
      if (isFailure(conversation)) return send(res, conversation);
      const watermark = watermarkParam.safeParse(req.query?.watermark);
      if (!watermark.success) return send(res, fail(400, 'WEBCHAT.BAD_REQUEST', `watermark: ${reasonOf(watermark.error)}`));
      const page = await store.activitiesAfter(conversation.id, watermark.data, PAGE_SIZE);
      res.send(200, activityGroup(page, watermark.data));
    }));

    server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/upload`, failingCleanly(async (req: Request, res: Response) => {
      const uploads = options.uploads;
      if (!uploads) {
        req.resume();
        return send(res, fail(501, 'WEBCHAT.NO_UPLOADS', 'File uploads are not supported.'));
      }
      if (!(await admitAddress(req, res))) return void req.resume();
      const claims = await authenticate(req);
      if (isFailure(claims)) {
        req.resume();
        return send(res, claims);
      }
      if (!(await admit(res, 'turn', `${WEBCHAT_CHANNEL_ID}:${claims.userId}`))) return void req.resume();
      const conversation = await conversationFor(claims, String(req.params.conversationId), false);
      if (isFailure(conversation)) {
        req.resume();
        return send(res, conversation);
      }
      const body = await readBody(req, uploads.maxRequestBytes);
      if (!Buffer.isBuffer(body)) return send(res, fail(body.status, body.code, body.message));
      const parsed = await parseUpload(body, req.header('content-type') ?? '', uploads.maxFiles);
      if ('status' in parsed) return send(res, fail(parsed.status, parsed.code, parsed.message));
      // Each file counts against the user's uploads.
      for (const _file of parsed.files) if (!(await admit(res, 'upload', claims.userId))) return;
      const template = userActivityBody.safeParse({ type: 'message', ...(parsed.activity ?? {}), text: typeof parsed.activity?.text === 'string' ? parsed.activity.text : '' });
      if (!template.success || template.data.type !== 'message') {
        return send(res, fail(400, 'WEBCHAT.BAD_REQUEST', template.success ? 'an upload carries a message' : `activity: ${reasonOf(template.error)}`));
      }
      const thumbnails = Array.isArray(parsed.activity?.attachments) ? (parsed.activity.attachments as unknown[]) : [];
      const outcomes: UploadedFileOutcome[] = [];
      const attachments: Record<string, unknown>[] = [];
      for (const [i, file] of parsed.files.entries()) {
        const staged = await uploads.stage({ name: file.name, bytes: file.bytes });
        if (!staged.ok) {
          outcomes.push({ name: file.name, refused: staged.error.message });
          continue;
        }
        outcomes.push(staged.value);
        const thumbnail = staged.value.contentType.startsWith('image/') ? safeThumbnail((thumbnails[i] as { thumbnailUrl?: unknown } | undefined)?.thumbnailUrl) : undefined;
        attachments.push({ contentType: staged.value.contentType, name: staged.value.name, ...(thumbnail ? { thumbnailUrl: thumbnail } : {}) });
      }
      const { channelData, ...rest } = template.data;
      const activity: Partial<Activity> = {
        ...rest,
        ...(attachments.length > 0 ? { attachments } : {}),
        channelData: { ...withoutFiles(channelData), [FILES_CHANNEL_DATA_KEY]: outcomes },
        ...serverSet(conversation, template.data.locale),
      } as Partial<Activity>;
      return appendAndRun(conversation, activity, res);
    }));

    const http = server.server;
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      upgrade(req, socket, head).catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) {
          logger.warn({ err: error }, 'webchat: WebSocket upgrade failed: database unavailable');
          return refuse(socket, 503, 'Service Unavailable', UNAVAILABLE_RETRY_AFTER_SECONDS);
        }
        logger.error({ err: error }, 'webchat: WebSocket upgrade failed');
        refuse(socket, 500, 'Internal Server Error');
      });
    });
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([^/]+)/stream$`).exec(url.pathname);
    if (!match?.[1]) return refuse(socket, 404, 'Not Found');
    let conversationId: string;
    try {
      conversationId = cleanText(decodeURIComponent(match[1]));
    } catch {
      return refuse(socket, 404, 'Not Found');
    }
    const result = await tokens.verify(url.searchParams.get('t') ?? '');
    if (!result.ok) return refuse(socket, result.reason === 'expired' ? 403 : 401, result.reason === 'expired' ? 'Forbidden' : 'Unauthorized');
    const claims = result.claims;
    if (claims.scope !== 'stream' || claims.conversationId !== conversationId) return refuse(socket, 403, 'Forbidden');
    const watermark = watermarkParam.safeParse(url.searchParams.get('watermark') ?? undefined);
    if (!watermark.success) return refuse(socket, 400, 'Bad Request');
    const conversation = await store.getConversation(conversationId);
    if (!conversation || conversation.userId !== claims.userId) return refuse(socket, 404, 'Not Found');
    subscription ??= store.subscribe(onEvent).catch((error: unknown) => {
      subscription = undefined;
      throw error;
    });
    await subscription;
    checkTimer ??= setInterval(() => {
      for (const set of streams.values()) for (const stream of set) stream.check();
    }, STREAM_CHECK_MS).unref();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const stream = new ConversationStream(ws, conversationId, watermark.data, store, logger);
      let set = streams.get(conversationId);
      if (!set) {
        set = new Set();
        streams.set(conversationId, set);
      }
      set.add(stream);
      ws.on('close', () => {
        set.delete(stream);
        if (set.size === 0 && streams.get(conversationId) === set) streams.delete(conversationId);
      });
      stream.pump();
    });
  }

  async function close(): Promise<void> {
    if (checkTimer) clearInterval(checkTimer);
    checkTimer = undefined;
    const sockets = [...wss.clients];
    for (const ws of sockets) ws.close(1001, 'server restarting');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        for (const ws of sockets) ws.terminate();
        resolve();
      }, 1000);
      const waitAll = () => {
        if (sockets.every((ws) => ws.readyState === WebSocket.CLOSED)) {
          clearTimeout(timer);
          resolve();
        }
      };
      for (const ws of sockets) ws.once('close', waitAll);
      waitAll();
    });
    streams.clear();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    const unsubscribe = await subscription?.catch(() => undefined);
    subscription = undefined;
    await unsubscribe?.();
  }

  return { routes, close };
}

/** The client's channelData without the server's account of uploaded files (only the upload route writes it). */
function withoutFiles(channelData: Record<string, unknown> | undefined): Record<string, unknown> {
  const { [FILES_CHANNEL_DATA_KEY]: _dropped, ...rest } = channelData ?? {};
  return rest;
}

function activityGroup(page: readonly StoredActivity[], after: number): { activities: Partial<Activity>[]; watermark: string } {
  const last = page[page.length - 1];
  return { activities: page.map((a) => a.activity), watermark: String(last ? last.seq : after) };
}

function refuse(socket: Duplex, status: number, text: string, retryAfterSeconds?: number): void {
  const retry = retryAfterSeconds === undefined ? '' : `Retry-After: ${retryAfterSeconds}\r\n`;
  socket.write(`HTTP/1.1 ${status} ${text}\r\n${retry}Connection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** One client's WebSocket on one conversation: sends what is stored after its watermark, in order. */
class ConversationStream {
  private busy = false;
  private dirty = false;
  private alive = true;

  constructor(
    private readonly ws: WebSocket,
    private readonly conversationId: string,
    private lastSeq: number,
    private readonly store: WebChatStore,
    private readonly logger: Logger,
  ) {
    // Web Chat sends empty keep-alive messages; nothing else is expected.
    ws.on('message', () => undefined);
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('error', () => undefined);
  }

  /** Periodic: a lost wake-up is caught here, and a dead client is dropped. */
  check(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
    this.pump();
  }

  pump(): void {
    if (this.busy) {
      this.dirty = true;
      return;
    }
    this.busy = true;
    void this.drain().finally(() => {
      this.busy = false;
    });
  }

  sendEphemeral(activity: Partial<Activity>): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ activities: [activity] }));
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.dirty = false;
        const page = await this.store.activitiesAfter(this.conversationId, this.lastSeq, PAGE_SIZE);
        if (page.length === 0 || this.ws.readyState !== WebSocket.OPEN) continue;
        const group = activityGroup(page, this.lastSeq);
        this.lastSeq = Number(group.watermark);
        this.ws.send(JSON.stringify(group));
        if (page.length === PAGE_SIZE) this.dirty = true;
      } while (this.dirty);
    } catch (error: unknown) {
      this.logger.warn({ err: error, conversationId: this.conversationId }, 'webchat: stream could not read activities');
    }
  }
}
