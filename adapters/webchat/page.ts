import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { DEMO_ANONYMOUS, DIRECT_LINE_PATH, publicOrigin, type DemoUser } from './direct-line.js';

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'public');

export interface WebChatPageOptions {
  /** Demo mode: the page shows a picker of these users and fetches demo tokens for them. */
  demoUsers?: readonly DemoUser[];
  /**
   * Demo mode without SMTP_URL: a panel shows the one-time code sent in the conversation (from
   * `GET /api/demo/code`). Only with `demoUsers`. Default false.
   */
  demoCodes?: boolean;
  /** Web Chat's `locale`. Default da-DK. */
  locale?: string;
  /**
   * Who may show the page in a frame: the CSP's `frame-ancestors` sources ('self', 'none' or
   * origins such as https://serviceportal.statens-adm.dk). Default ['\'self\''].
   */
  frameAncestors?: readonly string[];
}

/** Web Chat's bundle (React included) from the project's own node_modules: no CDN. */
function webChatBundlePath(): string {
  const require = createRequire(import.meta.url);
  // The package's exports hide dist/; its CommonJS entry is lib/index.js beside it.
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

interface StaticFile {
  body: Buffer;
  gzipped: Buffer;
  type: string;
  etag: string;
}

function staticFile(path: string, type: string): () => StaticFile {
  let file: StaticFile | undefined;
  return () => {
    if (!file) {
      const body = readFileSync(path);
      file = { body, gzipped: gzipSync(body), type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    }
    return file;
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** A Host header fit to be written into a policy: a name or address and an optional port. */
const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The page's policy. `connect-src` is the page's own origin, the WebSocket to it (not any
 * `ws:`/`wss:` host) and the page's own blob: URLs (files chosen for upload); `frame-ancestors`
 * says who may embed the page.
 */
export function contentSecurityPolicy(frameAncestors: readonly string[], streamOrigin: string | undefined): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Web Chat styles itself with inline <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // blob:: Web Chat reads a chosen file back through its blob: URL before it uploads it.
    `connect-src 'self' blob:${streamOrigin ? ` ${streamOrigin}` : ''}`,
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

/** X-Frame-Options for browsers without frame-ancestors, where it can say the same thing. */
function frameOptions(frameAncestors: readonly string[]): string | undefined {
  if (frameAncestors.length === 1 && frameAncestors[0] === "'none'") return 'DENY';
  if (frameAncestors.length === 1 && frameAncestors[0] === "'self'") return 'SAMEORIGIN';
  return undefined;
}

export function renderPage(options: WebChatPageOptions): string {
  const demo = options.demoUsers !== undefined;
  const demoCodes = demo && options.demoCodes === true;
  const config = {
    demo,
    demoCodes,
    anonymous: DEMO_ANONYMOUS,
    users: options.demoUsers ?? [],
    directLine: DIRECT_LINE_PATH,
    locale: options.locale ?? 'da-DK',
  };
  const picker = demo
    ? `
      <section class="demo" aria-labelledby="demo-heading">
        <h2 id="demo-heading">Demo: vælg hvem du er</h2>
        <p>Demo-tilstand. I Serviceportalen kender assistenten dig fra dit login; her vælger du en af demobrugerne.</p>
        <form id="demo-form" class="demo-form">
          <label for="demo-user">Bruger</label>
          <select id="demo-user" name="user">
            ${(options.demoUsers ?? [])
              .map((u) => `<option value="${escapeHtml(u.email)}">${escapeHtml(u.name)} (${escapeHtml(u.email)})</option>`)
              .join('\n            ')}
            <option value="${DEMO_ANONYMOUS}">Ny bruger uden login (e-mailadressen bekræftes med en engangskode)</option>
          </select>
          <button type="submit">Start samtalen</button>
        </form>
      </section>`
    : '';
  // Demo only: no mail server, so the one-time code is shown here (and written to the log).
  const codePanel = demoCodes
    ? `
      <section class="demo demo-codes" id="demo-codes" aria-labelledby="demo-codes-heading" hidden>
        <h2 id="demo-codes-heading">Demo: engangskode</h2>
        <p>Demo-tilstand uden mailserver (SMTP_URL): koden, assistenten ville have sendt til e-mailadressen, står her.</p>
        <p>Seneste kode: <output id="demo-code" aria-live="polite">ingen endnu</output></p>
      </section>`
    : '';
  return `<!doctype html>
<html lang="da">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Serviceportalens assistent – Statens Administration</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/webchat/app.css">
</head>
<body>
  <a class="skip-link" href="#chat-heading">Gå til chatten</a>
  <header class="site-header">
    <div class="wrap">
      <p class="agency">Statens Administration</p>
      <p class="portal">Serviceportal</p>
    </div>
  </header>
  <main id="main" class="wrap">
    <h1>Serviceportalens assistent</h1>
    <p class="lead">Få svar fra vidensbasen, opret en sag til Statens Administration, eller se status på dine sager.</p>${picker}
    <section class="chat-section" aria-labelledby="chat-heading">
      <div class="chat-bar">
        <h2 id="chat-heading" tabindex="-1">Samtale</h2>
        <p id="chat-user" class="chat-user"></p>
        <button type="button" id="new-conversation" class="secondary" hidden>Ny samtale</button>
      </div>
      <p id="chat-status" class="chat-status" role="status" aria-live="polite">${demo ? 'Vælg en bruger for at starte.' : 'Forbinder …'}</p>
      <div id="webchat" class="webchat"></div>
    </section>${codePanel}
  </main>
  <footer class="site-footer">
    <div class="wrap">
      <p>Assistenten kan tage fejl. Svarer den ikke på dit spørgsmål, kan du altid oprette en sag.</p>
    </div>
  </footer>
  <script type="application/json" id="webchat-config">${scriptJson(config)}</script>
  <script src="/webchat/webchat.js"></script>
  <script src="/webchat/app.js"></script>
</body>
</html>
`;
}

/**
 * The web chat page at `/` and its assets. Outside demo mode the page expects the embedding portal
 * to pass a user token in the URL fragment: `/#token=<token from POST /api/webchat/token>`.
 */
export function createWebChatPage(options: WebChatPageOptions): (server: Server) => void {
  const html = renderPage(options);
  const files: Record<string, () => StaticFile> = {
    'webchat.js': staticFile(webChatBundlePath(), 'application/javascript; charset=utf-8'),
    'app.js': staticFile(join(PUBLIC_DIR, 'app.js'), 'application/javascript; charset=utf-8'),
    'app.css': staticFile(join(PUBLIC_DIR, 'app.css'), 'text/css; charset=utf-8'),
  };

  const securityHeaders = (res: Response) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
  };

  return (server: Server) => {
    const frameAncestors = options.frameAncestors ?? ["'self'"];
    const xfo = frameOptions(frameAncestors);
    server.get('/', (req: Request, res: Response, next: (err?: false) => void) => {
      securityHeaders(res);
      // The stream's origin as Direct Line writes it into streamUrl; a Host header that is not a
      // plain host is not written into the policy ('self' alone then).
      const origin = publicOrigin(req, req.isSecure()).ws;
      const host = origin.replace(/^wss?:\/\//, '');
      res.header('Content-Security-Policy', contentSecurityPolicy(frameAncestors, PLAIN_HOST.test(host) ? origin : undefined));
      if (xfo) res.header('X-Frame-Options', xfo);
      res.header('Cache-Control', 'no-store');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html);
      next(false);
    });

    server.get('/webchat/:file', (req: Request, res: Response, next: (err?: false) => void) => {
      const name = String(req.params.file);
      const load = Object.hasOwn(files, name) ? files[name] : undefined;
      if (!load) {
        res.send(404, { code: 'HTTP.404', message: 'Not found.' });
        return next(false);
      }
      const file = load();
      securityHeaders(res);
      // Revalidated on every load (no-cache), so a new version shows at once; unchanged is a 304.
      if (req.header('if-none-match') === file.etag) {
        res.writeHead(304, { ETag: file.etag, 'Cache-Control': 'no-cache' });
        res.end();
        return next(false);
      }
      const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
      res.writeHead(200, {
        ETag: file.etag,
        'Content-Type': file.type,
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(gzip ? file.gzipped : file.body);
      next(false);
    });
  };
}
