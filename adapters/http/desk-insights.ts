/**
 * The service desk's figures (issue 15): JSON routes under /api/agent/insights, behind the agent
 * API's bearer token, each with its chart drawn on the server as SVG; and the /desk page that shows
 * them (tables sortable, each view downloadable as CSV, in Danish). Without AGENT_API_TOKEN the
 * page says it is off and no insights route exists.
 */
import type restify from 'restify';
import { z } from 'zod';
import { catalogue as defaultCatalogue, getArea, getForm, type Catalogue } from '../../portal/index.js';
import { barChart } from './svg-charts.js';
import type { RouteRegistrar } from './server.js';

export const INSIGHTS_PREFIX = '/api/agent/insights';
export const DESK_PATH = '/desk';

/** The period of every view: the last `weeks` weeks, this one included. */
export interface InsightsPeriod {
  weeks: number;
  now?: Date;
}

/** Where the figures come from (PgDeskStore). */
export interface DeskInsightsSource {
  deflectionByWeek(period: InsightsPeriod): Promise<{ week: string; answeredHelpful: number; deflected: number; casesCreated: number }[]>;
  unanswered(period: InsightsPeriod, limit: number): Promise<{ question: string; count: number; lastAt: string }[]>;
  leastHelpful(period: InsightsPeriod, limit: number): Promise<{ articleId: string; helpful: number; notHelpful: number; notHelpfulShare: number }[]>;
  casesBy(period: InsightsPeriod): Promise<Record<'area' | 'form' | 'channel', { key: string; count: number }[]>>;
  failedDeliveries(
    period: InsightsPeriod,
    limit: number,
  ): Promise<{ total: number; items: { eventId: string; eventType: string | null; caseNumber: string | null; channelId: string | null; attempts: number; lastError: string | null; createdAt: string; finishedAt: string | null }[] }>;
}

export interface DeskInsightsOptions {
  source: DeskInsightsSource;
  /** The article that came closest to a question (the knowledge base's best ranked), if any. */
  closest(question: string): { articleId: string; title: string } | undefined;
  /** An article's title, when it is loaded. */
  articleTitle(articleId: string): string | undefined;
  /** Default: the Serviceportal catalogue. */
  catalogue?: Catalogue;
  /** Rows per list. Default 20. */
  limit?: number;
}

type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;

const periodQuery = z.object({ weeks: z.coerce.number().int().min(1).max(104).default(12) }).passthrough();

const CHANNELS: Record<string, string> = { msteams: 'Teams', webchat: 'Webchat', directline: 'Direct Line', portal: 'Uden for chatten', test: 'Test', emulator: 'Emulator' };

export function channelLabel(id: string): string {
  return CHANNELS[id] ?? id;
}

/** The insights handlers by path (below {@link INSIGHTS_PREFIX}); the agent API registers them behind its guard. */
export function insightsHandlers(options: DeskInsightsOptions): Record<string, Handler> {
  const cat = options.catalogue ?? defaultCatalogue;
  const limit = options.limit ?? 20;
  const period = (req: restify.Request, res: restify.Response): InsightsPeriod | undefined => {
    const parsed = periodQuery.safeParse(req.query ?? {});
    if (parsed.success) return { weeks: parsed.data.weeks };
    res.send(400, { code: 'API.INVALID_QUERY', message: { da: 'Antal uger skal være 1–104.', en: 'weeks must be 1–104.' } });
    return undefined;
  };
  const withPeriod =
    (handler: (p: InsightsPeriod, res: restify.Response) => Promise<void>): Handler =>
    async (req, res) => {
      const p = period(req, res);
      if (p) await handler(p, res);
    };

  return {
    '/deflection': withPeriod(async (p, res) => {
      const weeks = await options.source.deflectionByWeek(p);
      const sum = (k: 'answeredHelpful' | 'deflected' | 'casesCreated'): number => weeks.reduce((n, w) => n + w[k], 0);
      const totals = { answeredHelpful: sum('answeredHelpful'), deflected: sum('deflected'), casesCreated: sum('casesCreated') };
      const svg = barChart({
        title: 'Afledning pr. uge',
        description: `Over ${p.weeks} uger: ${totals.answeredHelpful} svar markeret som hjælpsomme, ${totals.deflected} sager afledt ved indsendelse, ${totals.casesCreated} sager oprettet.`,
        labels: weeks.map((w) => `uge ${isoWeek(w.week)}`),
        series: [
          { name: 'Svar, der hjalp', colour: '#2e7d32', values: weeks.map((w) => w.answeredHelpful) },
          { name: 'Afledte sager', colour: '#1565c0', values: weeks.map((w) => w.deflected) },
          { name: 'Oprettede sager', colour: '#b23c17', values: weeks.map((w) => w.casesCreated) },
        ],
      });
      res.send(200, { weeks, totals, svg });
    }),
    '/unanswered': withPeriod(async (p, res) => {
      const rows = await options.source.unanswered(p, limit);
      const items = rows.map((r) => {
        const near = options.closest(r.question);
        return { ...r, closestArticleId: near?.articleId ?? null, closestTitle: near?.title ?? null };
      });
      res.send(200, { items });
    }),
    '/articles': withPeriod(async (p, res) => {
      const rows = await options.source.leastHelpful(p, limit);
      const items = rows.map((r) => ({ ...r, title: options.articleTitle(r.articleId) ?? r.articleId }));
      const svg = barChart({
        title: 'Mindst hjælpsomme artikler',
        description: `${items.length} artikler med mindst ét "Nej" til "Hjalp det?".`,
        labels: items.map((i) => i.title),
        series: [
          { name: 'Hjalp ikke', colour: '#b23c17', values: items.map((i) => i.notHelpful) },
          { name: 'Hjalp', colour: '#2e7d32', values: items.map((i) => i.helpful) },
        ],
      });
      res.send(200, { items, svg });
    }),
    '/cases': withPeriod(async (p, res) => {
      const by = await options.source.casesBy(p);
      const label = {
        area: (id: string) => getArea(id, cat)?.name.da ?? id,
        form: (id: string) => getForm(id, cat)?.title.da ?? id,
        channel: channelLabel,
      };
      const view = (kind: 'area' | 'form' | 'channel') => by[kind].map((r) => ({ key: r.key, label: label[kind](r.key), count: r.count }));
      const chart = (kind: 'area' | 'form' | 'channel', title: string) => {
        const rows = view(kind);
        return barChart({
          title,
          description: `${rows.reduce((n, r) => n + r.count, 0)} sager i alt over ${p.weeks} uger.`,
          labels: rows.map((r) => r.label),
          series: [{ name: 'Sager', colour: '#1565c0', values: rows.map((r) => r.count) }],
        });
      };
      res.send(200, {
        area: view('area'),
        form: view('form'),
        channel: view('channel'),
        svg: { area: chart('area', 'Oprettede sager pr. område'), form: chart('form', 'Oprettede sager pr. formular'), channel: chart('channel', 'Oprettede sager pr. kanal') },
      });
    }),
    '/notifications': withPeriod(async (p, res) => {
      const failed = await options.source.failedDeliveries(p, limit);
      res.send(200, { total: failed.total, items: failed.items.map((i) => ({ ...i, channel: i.channelId ? channelLabel(i.channelId) : null })) });
    }),
  };
}

/** The ISO week number of a Monday (YYYY-MM-DD). */
export function isoWeek(monday: string): number {
  const date = new Date(`${monday}T00:00:00Z`);
  const thursday = new Date(date.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
}

// --- the page ------------------------------------------------------------------------------------

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

function pageHtml(enabled: boolean): string {
  const body = enabled
    ? `<form id="login" class="login">
    <label for="token">Adgangsnøgle til agent-API'et</label>
    <input id="token" name="token" type="password" autocomplete="off" required>
    <button type="submit">Vis tallene</button>
    <p class="hint">Nøglen gemmes kun i denne fane (sessionStorage) og sendes til serverens /api/agent/insights.</p>
  </form>
  <p id="status" role="status" aria-live="polite"></p>
  <div id="views" hidden>
    <p class="period"><label for="weeks">Periode</label>
      <select id="weeks"><option value="4">4 uger</option><option value="12" selected>12 uger</option><option value="26">26 uger</option><option value="52">52 uger</option></select>
      <button type="button" id="logout">Glem nøglen</button></p>
    <section id="deflection" aria-labelledby="h-deflection"><h2 id="h-deflection">Afledning pr. uge</h2>
      <p class="lead">Spørgsmål besvaret og markeret som hjælpsomme, og sager afledt ved indsendelse ("Det løste det"), mod oprettede sager.</p>
      <div class="chart-box"></div><div class="table-box"></div></section>
    <section id="unanswered" aria-labelledby="h-unanswered"><h2 id="h-unanswered">Hyppigste ubesvarede spørgsmål</h2>
      <p class="lead">Med den artikel, der kom nærmest.</p><div class="table-box"></div></section>
    <section id="articles" aria-labelledby="h-articles"><h2 id="h-articles">Mindst hjælpsomme artikler</h2>
      <div class="chart-box"></div><div class="table-box"></div></section>
    <section id="cases-area" aria-labelledby="h-cases-area"><h2 id="h-cases-area">Oprettede sager pr. område</h2><div class="chart-box"></div><div class="table-box"></div></section>
    <section id="cases-form" aria-labelledby="h-cases-form"><h2 id="h-cases-form">Oprettede sager pr. formular</h2><div class="chart-box"></div><div class="table-box"></div></section>
    <section id="cases-channel" aria-labelledby="h-cases-channel"><h2 id="h-cases-channel">Oprettede sager pr. kanal</h2><div class="chart-box"></div><div class="table-box"></div></section>
    <section id="notifications" aria-labelledby="h-notifications"><h2 id="h-notifications">Notifikationer, der ikke kunne leveres</h2>
      <p class="lead total"></p><div class="table-box"></div></section>
  </div>
  <script src="/desk/desk.js"></script>`
    : `<p class="off">Servicedeskens side er slået fra. Den slås til, når serveren har en adgangsnøgle til agent-API'et (indstillingen <code>AGENT_API_TOKEN</code>).</p>`;
  return `<!doctype html>
<html lang="da">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Servicedesk – hvad brugerne spørger om</title>
  <link rel="stylesheet" href="/desk/desk.css">
</head>
<body>
  <header><h1>Servicedesk – hvad brugerne spørger om</h1></header>
  <main>
  ${body}
  </main>
</body>
</html>`;
}

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
header{background:#14305a;color:#fff;padding:12px 24px}header h1{font-size:1.4rem;margin:0}
main{max-width:1000px;margin:0 auto;padding:16px 24px}
section{background:#fff;border:1px solid #d0d4d9;border-radius:6px;padding:12px 16px;margin:16px 0}
h2{font-size:1.15rem;margin:4px 0 8px}.lead,.hint{color:#444;margin:4px 0 8px}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e1e4e8;vertical-align:top}
td.num,th.num{text-align:right}th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:#14305a;text-decoration:underline}
.login{display:flex;flex-wrap:wrap;gap:8px;align-items:center}.login .hint{flex-basis:100%}
input,select,button{font:inherit}button{padding:4px 10px}.csv{margin-top:8px}.off{font-size:1.1rem}
.chart{max-width:100%;height:auto}`;

const SCRIPT = String.raw`(() => {
  const KEY = 'desk.agentToken';
  const $ = (s, root = document) => root.querySelector(s);
  const status = $('#status');
  const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toLocaleString('da-DK', { maximumFractionDigits: 2 })) : v == null ? '' : String(v));
  const when = (iso) => (iso ? new Date(iso).toLocaleString('da-DK', { dateStyle: 'short', timeStyle: 'short' }) : '');

  async function get(path) {
    const weeks = $('#weeks').value;
    const res = await fetch('/api/agent/insights' + path + '?weeks=' + encodeURIComponent(weeks), { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(KEY) } });
    if (res.status === 401) { sessionStorage.removeItem(KEY); throw new Error('Adgangsnøglen blev ikke godkendt. Skriv den igen.'); }
    if (!res.ok) throw new Error('Serveren svarede ' + res.status + '. Prøv igen om lidt.');
    return res.json();
  }

  function csvCell(v) { const s = fmt(v); return /[";\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }

  /** A sortable table with a CSV download of the same rows. */
  function table(section, name, columns, rows) {
    const box = $('.table-box', section);
    box.textContent = '';
    const t = document.createElement('table');
    t.setAttribute('aria-labelledby', $('h2', section).id);
    const thead = t.createTHead().insertRow();
    const tbody = t.createTBody();
    let sortBy = -1, dir = 1;
    const render = () => {
      tbody.textContent = '';
      const sorted = sortBy < 0 ? rows : [...rows].sort((a, b) => {
        const x = a[columns[sortBy].key], y = b[columns[sortBy].key];
        return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''), 'da')) * dir;
      });
      if (sorted.length === 0) { const td = tbody.insertRow().insertCell(); td.colSpan = columns.length; td.textContent = 'Ingen data i perioden.'; }
      for (const row of sorted) {
        const tr = tbody.insertRow();
        for (const c of columns) { const td = tr.insertCell(); td.textContent = c.show ? c.show(row[c.key], row) : fmt(row[c.key]); if (c.num) td.className = 'num'; }
      }
      columns.forEach((c, i) => thead.cells[i].setAttribute('aria-sort', i === sortBy ? (dir > 0 ? 'ascending' : 'descending') : 'none'));
    };
    columns.forEach((c, i) => {
      const th = document.createElement('th');
      th.scope = 'col';
      if (c.num) th.className = 'num';
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = c.label;
      b.addEventListener('click', () => { dir = sortBy === i ? -dir : (c.num ? -1 : 1); sortBy = i; render(); });
      th.appendChild(b);
      thead.appendChild(th);
    });
    render();
    box.appendChild(t);
    const dl = document.createElement('button');
    dl.type = 'button';
    dl.className = 'csv';
    dl.textContent = 'Hent som CSV';
    dl.setAttribute('aria-label', 'Hent som CSV: ' + $('h2', section).textContent);
    dl.addEventListener('click', () => {
      const lines = [columns.map((c) => csvCell(c.label)).join(';'), ...rows.map((r) => columns.map((c) => csvCell(c.csv ? c.csv(r[c.key], r) : r[c.key])).join(';'))];
      const blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name + '.csv';
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    });
    box.appendChild(dl);
  }

  function chart(section, svg) { $('.chart-box', section).innerHTML = svg; }

  async function load() {
    status.textContent = 'Henter tallene …';
    try {
      const [d, u, a, c, n] = await Promise.all([get('/deflection'), get('/unanswered'), get('/articles'), get('/cases'), get('/notifications')]);
      $('#login').hidden = true;
      $('#views').hidden = false;
      const s = (id) => $('#' + id);
      chart(s('deflection'), d.svg);
      table(s('deflection'), 'afledning-pr-uge', [
        { key: 'week', label: 'Uge (mandag)' },
        { key: 'answeredHelpful', label: 'Svar, der hjalp', num: true },
        { key: 'deflected', label: 'Afledte sager', num: true },
        { key: 'casesCreated', label: 'Oprettede sager', num: true },
      ], d.weeks);
      table(s('unanswered'), 'ubesvarede-spoergsmaal', [
        { key: 'question', label: 'Spørgsmål' },
        { key: 'count', label: 'Antal', num: true },
        { key: 'lastAt', label: 'Senest', show: when },
        { key: 'closestTitle', label: 'Nærmeste artikel', show: (v) => v ?? '(ingen)' },
      ], u.items);
      chart(s('articles'), a.svg);
      table(s('articles'), 'mindst-hjaelpsomme-artikler', [
        { key: 'title', label: 'Artikel' },
        { key: 'notHelpful', label: 'Hjalp ikke', num: true },
        { key: 'helpful', label: 'Hjalp', num: true },
        { key: 'notHelpfulShare', label: 'Andel "hjalp ikke"', num: true, show: (v) => Math.round(v * 100) + ' %', csv: (v) => Math.round(v * 100) },
      ], a.items);
      for (const kind of ['area', 'form', 'channel']) {
        chart(s('cases-' + kind), c.svg[kind]);
        table(s('cases-' + kind), 'sager-pr-' + ({ area: 'omraade', form: 'formular', channel: 'kanal' })[kind], [
          { key: 'label', label: ({ area: 'Område', form: 'Formular', channel: 'Kanal' })[kind] },
          { key: 'count', label: 'Sager', num: true },
        ], c[kind]);
      }
      $('#notifications .total').textContent = n.total + ' leveringer fejlede i perioden' + (n.total > n.items.length ? ' (de nyeste ' + n.items.length + ' vises).' : '.');
      table(s('notifications'), 'fejlede-notifikationer', [
        { key: 'createdAt', label: 'Oprettet', show: when },
        { key: 'eventType', label: 'Hændelse' },
        { key: 'caseNumber', label: 'Sag' },
        { key: 'channel', label: 'Kanal' },
        { key: 'attempts', label: 'Forsøg', num: true },
        { key: 'lastError', label: 'Sidste fejl' },
      ], n.items);
      status.textContent = 'Tallene er hentet.';
    } catch (e) {
      status.textContent = e.message;
      if (!sessionStorage.getItem(KEY)) { $('#login').hidden = false; $('#views').hidden = true; }
    }
  }

  $('#login').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY, $('#token').value.trim());
    $('#token').value = '';
    load();
  });
  $('#weeks').addEventListener('change', load);
  $('#logout').addEventListener('click', () => { sessionStorage.removeItem(KEY); $('#views').hidden = true; $('#login').hidden = false; status.textContent = 'Nøglen er glemt.'; });
  if (sessionStorage.getItem(KEY)) load();
})();
`;

/** The /desk page and its script and style (always registered: without a token it says it is off). */
export function deskPageRoutes(options: { enabled: boolean }): RouteRegistrar {
  const html = pageHtml(options.enabled);
  const send = (res: restify.Response, type: string, body: string): void => {
    res.header('Content-Type', type);
    res.header('Content-Security-Policy', CSP);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('Cache-Control', 'no-store');
    res.sendRaw(200, body);
  };
  return (server) => {
    server.get(DESK_PATH, (_req: restify.Request, res: restify.Response, next: (err?: false) => void) => {
      send(res, 'text/html; charset=utf-8', html);
      next(false);
    });
    server.get(`${DESK_PATH}/desk.js`, (_req: restify.Request, res: restify.Response, next: (err?: false) => void) => {
      send(res, 'text/javascript; charset=utf-8', SCRIPT);
      next(false);
    });
    server.get(`${DESK_PATH}/desk.css`, (_req: restify.Request, res: restify.Response, next: (err?: false) => void) => {
      send(res, 'text/css; charset=utf-8', CSS);
      next(false);
    });
  };
}
