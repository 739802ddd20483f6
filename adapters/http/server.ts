import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { Activity, ActivityHandlerBase } from 'botbuilder';
import type { Logger } from '../../bot/logger.js';
import { checkIncomingActivity, cleanStrings, depthOf, MAX_JSON_DEPTH } from './activity-schema.js';
import type { AssistantCloudAdapter } from './bot-adapter.js';
import { isAuthenticationRefusal, isDatabaseUnavailable, isNetworkFailure, UNAVAILABLE_RETRY_AFTER_SECONDS } from './failures.js';
import type { HttpLimits } from './http-limits.js';

export type RouteRegistrar = (server: restify.Server) => void;

export interface HttpServerOptions {
  adapter: AssistantCloudAdapter;
  bot: ActivityHandlerBase;
  /**
   * What /readyz checks, by name (e.g. `database`, `knowledge`): ready when every check is true.
   * /healthz only says the process serves HTTP.
   */
  readiness: () => Promise<Readonly<Record<string, boolean>>>;
  logger: Logger;
  /** Largest accepted body in bytes. */
  maxBodyBytes: number;
  /**
   * Paths whose body the route reads itself (the web chat's file upload, multipart with its own
   * limit): the body parsers leave them alone. Default none.
   */
  rawBodyPaths?: readonly RegExp[];
  /** Extra routes (agent API, web chat, Direct Line). */
  routes?: RouteRegistrar[];
  /**
   * Rate limits. On /api/messages only the client address is counted here, and only while Bot
   * Framework authentication is off: with it on, the sender is the Bot Framework service, whose
   * addresses every Teams user shares; users are limited per turn (bot/rate-limits.ts). While it is
   * off, the user's turn is counted here too, in the same statement as the address.
   */
  limits?: HttpLimits;
  /** Bot Framework authentication is on (an app id is set). */
  authEnabled?: boolean;
  /** GET /metrics (the Prometheus text format). Absent: no such route (404). */
  metrics?: MetricsEndpoint;
}

export interface MetricsEndpoint {
  render(): Promise<{ contentType: string; body: string }>;
  /** A bearer token the scraper must send; absent: no token asked for. */
  token?: string;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time (digests: no length leaks). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] !== undefined && timingSafeEqual(sha256(match[1]), sha256(token));
}

export interface HttpServer {
  server: restify.Server;
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting, waits for in-flight requests up to `graceMs`, then resolves. */
  close(graceMs: number): Promise<void>;
  inFlight(): number;
}

/** Whether a request carries a body: chunked, or a Content-Length above 0. */
export function hasBody(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0' && Number(length) !== 0;
}

/** Activity times as the Bot Framework SDK keeps them: Date objects, the sent text in `raw…`. */
function withDates(activity: Record<string, unknown>): Record<string, unknown> {
  const fixed = { ...activity };
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = fixed[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed;
}

function unavailable(res: restify.Response): void {
  res.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  res.send(503, { code: 'SERVICE.UNAVAILABLE', message: 'A service the assistant needs is unreachable; try again shortly.' });
}

/** How long an idle keep-alive connection is kept open (announced as `Keep-Alive: timeout=65`). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** restify with the Bot Framework endpoint, the health and readiness checks and any extra routes. */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { adapter, bot, logger } = options;
  const server = restify.createServer({ name: 'serviceportal-assistant', handleUncaughtExceptions: false });
  // Idle keep-alive connections stay open longer than the usual 60 s idle timeout of proxies and
  // HTTP clients, so the other side closes first. With Node's default (5 s) a client that reuses a
  // connection just as the server closes it gets ECONNRESET; under load a client's own timer can
  // fire late enough for that (the likely cause of 12 reset turns in one bench:load run).
  server.server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  let inFlight = 0;
  let closing = false;

  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Unknown content types are refused (415), but only when there is a body to refuse: a DELETE or
  // POST with no body (no Content-Length, or 0, and no Transfer-Encoding: RFC 9112 6.3) skips the
  // body parser, which would otherwise treat it as application/octet-stream and answer 415.
  const rawBodyPaths = options.rawBodyPaths ?? [];
  const bodyParsers = restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes, mapParams: false, rejectUnknown: true });
  for (const parse of bodyParsers) {
    server.use((req, res, next) => (hasBody(req) && !rawBodyPaths.some((p) => p.test(req.path())) ? parse(req, res, next) : next()));
  }
  // Every input, whatever the route, cleaned once here: control characters (PostgreSQL refuses NUL
  // in text) and lone UTF-16 surrogates (no character; refused in jsonb) out of JSON bodies, query
  // strings and path parameters; a JSON body nested absurdly deep is refused. No handler, store or
  // dialog has to remember it. (The router has matched the route, so the path parameters are known.)
  server.use((req, res, next) => {
    const body: unknown = req.body;
    if (typeof body === 'object' && body !== null) {
      if (depthOf(body) > MAX_JSON_DEPTH) {
        res.send(400, { code: 'HTTP.BODY_TOO_DEEP', message: `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.` });
        return next(false);
      }
      req.body = cleanStrings(body);
    } else if (typeof body === 'string') {
      req.body = cleanStrings(body);
    }
    if (req.query && typeof req.query === 'object') req.query = cleanStrings(req.query);
    if (req.params && typeof req.params === 'object') req.params = cleanStrings(req.params) as typeof req.params;
    return next();
  });
  server.use((req, res, next) => {
    if (closing) {
      res.header('Connection', 'close');
      res.send(503, { code: 'SERVER.SHUTTING_DOWN', message: 'The assistant is restarting; try again.' });
      return next(false);
    }
    inFlight++;
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    res.once('finish', finish);
    res.once('close', finish);
    return next();
  });

  server.post('/api/messages', async (req, res) => {
    const limits = options.authEnabled ? undefined : options.limits;
    const checked = checkIncomingActivity(req.body);
    if (!checked.ok) {
      if (limits && !(await limits.admitAddress(req, res))) return;
      res.send(400, checked.problem);
      return;
    }
    const activity = withDates(checked.activity) as unknown as Activity;
    // The address and the user's turn counted together: one statement, not one each.
    if (limits && !(await limits.admitActivity(req, res, activity))) return;
    try {
      const invoke = await adapter.runActivity(req.header('authorization') ?? '', activity, (context) => bot.run(context));
      if (invoke?.body !== undefined) {
        res.send(invoke.status, invoke.body);
      } else {
        res.status(invoke?.status ?? 200);
        res.end();
      }
    } catch (error: unknown) {
      // What the Bot Framework SDK would have put in the body (a fetch error, a token's complaint)
      // goes to the log only.
      if (isAuthenticationRefusal(error)) {
        logger.info({ reason: (error as Error).message }, 'http: Bot Framework request not authenticated');
        res.header('WWW-Authenticate', 'Bearer');
        res.send(401, { code: 'AUTH.UNAUTHORIZED', message: 'The request is not authenticated.' });
      } else if (isNetworkFailure(error) || isDatabaseUnavailable(error)) {
        logger.error({ err: error }, 'http: a service the request needs is unreachable');
        unavailable(res);
      } else {
        logger.error({ err: error }, 'http: Bot Framework request failed');
        res.send(500, { code: 'HTTP.500', message: 'Internal error.' });
      }
    }
  });

  // Liveness: the process answers HTTP (a restart would not help with anything else).
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  // Readiness: the database answers and the knowledge base is loaded; a load balancer sends turns
  // only to a ready process.
  server.get('/readyz', async (_req, res) => {
    const checks = await options.readiness().catch(() => ({ readiness: false }));
    const ready = Object.values(checks).every(Boolean);
    if (!ready) res.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    res.send(ready ? 200 : 503, {
      status: ready ? 'ready' : 'unavailable',
      checks: Object.fromEntries(Object.entries(checks).map(([name, ok]) => [name, ok ? 'ok' : 'failing'])),
    });
  });

  // Metrics for Prometheus: on only when configured, and then, with a token, only for its bearer.
  const metrics = options.metrics;
  if (metrics) {
    server.get('/metrics', async (req, res) => {
      if (metrics.token !== undefined && !bearerMatches(req.header('authorization'), metrics.token)) {
        res.header('WWW-Authenticate', 'Bearer');
        res.send(401, { code: 'AUTH.UNAUTHORIZED', message: 'The metrics need a bearer token.' });
        return;
      }
      const { contentType, body } = await metrics.render();
      res.sendRaw(200, body, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
    });
  }

  for (const register of options.routes ?? []) register(server);

  // Errors from restify itself (bad JSON, too large, 404, 405) and errors a handler let through get
  // a JSON body without internals: no class name, text or stack. The database unreachable is 503
  // with Retry-After (a client tries again), not 500.
  server.on('restifyError', (req, res, err: Error & { statusCode?: number; body?: unknown }, callback: () => void) => {
    const down = isDatabaseUnavailable(err);
    const status = down ? 503 : (err.statusCode ?? 500);
    if (down) logger.warn({ err, url: req.url }, 'http: database unavailable');
    else if (status >= 500) logger.error({ err, url: req.url }, 'http: request failed');
    const message = down ? 'The assistant cannot reach its database; try again shortly.' : status >= 500 ? 'Internal error.' : (err.message || 'Bad request.');
    const body = { code: down ? 'SERVICE.UNAVAILABLE' : `HTTP.${status}`, message };
    if (down) res.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    // restify sends `statusCode` and `toJSON()` (JSON) or `toString()` (text; "Name: message" by default).
    err.statusCode = status;
    err.message = message;
    Object.assign(err, { toJSON: () => body, toString: () => message, body });
    return callback();
  });

  return {
    server,
    inFlight: () => inFlight,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.server.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    async close(graceMs) {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      server.server.closeAllConnections?.();
      await stopped;
    },
  };
}
