import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Logger } from '../../bot/logger.js';
import { checkIncomingActivity, cleanStrings, depthOf, MAX_JSON_DEPTH } from './activity-schema.js';

export type RouteRegistrar = (server: restify.Server) => void;

export interface HttpServerOptions {
  adapter: CloudAdapter;
  bot: ActivityHandlerBase;
  /** The health check: true when the database answers. */
  isHealthy: () => Promise<boolean>;
  logger: Logger;
  /** Largest accepted body in bytes. */
  maxBodyBytes: number;
  /** Extra routes (agent API, web chat, Direct Line). */
  routes?: RouteRegistrar[];
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

/** How long an idle keep-alive connection is kept open (announced as `Keep-Alive: timeout=65`). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** restify with the Bot Framework endpoint, the health check and any extra routes. */
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
  const bodyParsers = restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes, mapParams: false, rejectUnknown: true });
  for (const parse of bodyParsers) {
    server.use((req, res, next) => (hasBody(req) ? parse(req, res, next) : next()));
  }
  // Every JSON body, whatever the route: refused when nested absurdly deep, and cleaned of control
  // characters (PostgreSQL refuses NUL in text), so no handler has to remember it.
  server.use((req, res, next) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null) return next();
    if (depthOf(body) > MAX_JSON_DEPTH) {
      res.send(400, { code: 'HTTP.BODY_TOO_DEEP', message: `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.` });
      return next(false);
    }
    req.body = cleanStrings(body);
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
    const checked = checkIncomingActivity(req.body);
    if (!checked.ok) {
      res.send(400, checked.problem);
      return;
    }
    req.body = checked.activity;
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req, res) => {
    const ok = await options.isHealthy();
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', database: ok ? 'reachable' : 'unreachable' });
  });

  for (const register of options.routes ?? []) register(server);

  // Errors from restify itself (bad JSON, too large, 404, 405) get a JSON body without internals.
  server.on('restifyError', (req, res, err: { statusCode?: number; message?: string }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) logger.error({ err, url: req.url }, 'http: request failed');
    err.message = status >= 500 ? 'Internal error.' : (err.message ?? 'Bad request.');
    (err as { toJSON?: () => unknown }).toJSON = () => ({
      code: `HTTP.${status}`,
      message: status >= 500 ? 'Internal error.' : err.message,
    });
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
