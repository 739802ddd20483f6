import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApiRoutes } from '../../../adapters/http/agent-api.js';
import { createBotAdapter } from '../../../adapters/http/bot-adapter.js';
import { createHttpServer, type HttpServer } from '../../../adapters/http/server.js';
import { PgCaseStore } from '../../../adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from '../../../adapters/postgres/pg-directory-store.js';
import { PgOutboxSubscriber } from '../../../adapters/postgres/pg-outbox.js';
import { AssistantBot } from '../../../bot/assistant-bot.js';
import { silentLogger } from '../../../bot/logger.js';
import { seedDemoData, type Case, type PublishedEvent, type Subscription } from '../../../portal/index.js';
import { eventually, steppingClock } from '../../portal/store-contract.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

const TOKEN = 'test-token-0123456789abcdef';

/**
 * One HTTP/1.1 request written by hand: no body, and no Content-Length, Content-Type or
 * Transfer-Encoding header (what curl -X DELETE sends; fetch adds Content-Length: 0 to a POST).
 */
function bodyless(base: string, method: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${method} ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`);
    });
    let raw = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (raw += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
      resolve({ status, body: raw.slice(raw.indexOf('\r\n\r\n') + 4) });
    });
  });
}

describe.each(DATABASE_KINDS)('agent API over HTTP on %s', (kind) => {
  let world: TestDatabase;
  let http: HttpServer;
  let base: string;
  let cases: PgCaseStore;
  let directory: PgDirectoryStore;
  let subscription: Subscription;
  const published: PublishedEvent[] = [];

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> => {
    const response = await fetch(`${base}/api/agent${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: response.headers };
  };

  const demoCase = async (subject: string): Promise<Case> => {
    const page = await cases.search({}, { limit: 100 });
    const found = page.items.find((c) => c.subject === subject);
    if (!found) throw new Error(`no demo case ${subject}`);
    return found;
  };

  beforeAll(async () => {
    world = await createTestDatabase(kind);
    const clock = steppingClock();
    cases = new PgCaseStore(world.db, { clock });
    directory = new PgDirectoryStore(world.db, { clock });
    await seedDemoData(directory, cases, clock);
    subscription = await new PgOutboxSubscriber(world.db, { pollIntervalMs: 50 }).subscribe('api-test', (p) => {
      published.push(p);
    });
    const adapter = createBotAdapter({ appType: 'MultiTenant', logger: silentLogger, onTurnError: async () => undefined });
    http = createHttpServer({
      adapter,
      bot: new AssistantBot(),
      readiness: async () => ({ database: await world.db.ping() }),
      logger: silentLogger,
      maxBodyBytes: 65_536,
      routes: [agentApiRoutes({ token: TOKEN, cases, directory, logger: silentLogger })],
    });
    base = await http.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await subscription.close();
    await http.close(1000);
    await world.dispose();
  });

  describe('when the token is missing or wrong', () => {
    it.each([
      ['no header', {}],
      ['a wrong token', { authorization: 'Bearer wrong-token-0123456789' }],
      ['another scheme', { authorization: `Basic ${TOKEN}` }],
    ])('answers 401 for %s, before looking at anything else', async (_what, headers) => {
      const response = await fetch(`${base}/api/agent/cases/SA-2026-000001`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      expect(((await response.json()) as { code: string }).code).toBe('API.UNAUTHORIZED');
    });
  });

  describe('GET /cases', () => {
    it('lists cases newest first with labels and allowed statuses, paged', async () => {
      const first = await call('GET', '/cases?limit=4');
      expect(first.status).toBe(200);
      const items = first.body.items as Array<Case & { statusLabel: { da: string }; allowedStatuses: string[] }>;
      expect(items).toHaveLength(4);
      expect(items[0]?.subject).toBe('Faktura ikke betalt');
      expect(items[0]?.statusLabel.da).toBe('Modtaget');
      expect(items[0]?.allowedStatuses).toEqual(['under_behandling', 'afventer_kunde', 'loest', 'lukket']);
      const second = await call('GET', `/cases?limit=4&after=${String(first.body.next)}`);
      expect((second.body.items as unknown[]).length).toBe(2);
      expect(second.body.next).toBeNull();
    });

    it('filters by status, institution, requester e-mail and sender', async () => {
      const open = await call('GET', '/cases?status=modtaget,under_behandling');
      expect((open.body.items as Case[]).every((c) => ['modtaget', 'under_behandling'].includes(c.status))).toBe(true);
      const lars = await call('GET', '/cases?requester=lars@testministeriet.dk&institution=demo-instituttet');
      expect((lars.body.items as Case[]).map((c) => c.subject)).toEqual(['Manglende data i LDV']);
      const mailbox = await call('GET', '/cases?sentFrom=loen@eksempelstyrelsen.dk');
      expect((mailbox.body.items as Case[]).map((c) => c.subject)).toEqual(['Fejl i lønkørsel']);
      const nobody = await call('GET', '/cases?requester=nobody@example.dk');
      expect(nobody.body).toEqual({ items: [], next: null });
    });

    it('answers 400 with the fields for a bad query', async () => {
      const r = await call('GET', '/cases?status=open&limit=1000&color=red');
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('API.INVALID_QUERY');
      expect((r.body.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['', 'limit', 'status.0']);
    });
  });

  describe('GET /cases/:number', () => {
    it('answers the case with its history', async () => {
      const c = await demoCase('Manglende data i LDV');
      const r = await call('GET', `/cases/${c.number}`);
      expect(r.status).toBe(200);
      expect((r.body.case as Case).number).toBe(c.number);
      expect((r.body.events as Array<{ type: string }>).map((e) => e.type)).toEqual(['created', 'status_changed', 'comment', 'status_changed']);
    });
    it('answers 404 for an unknown or malformed number', async () => {
      expect((await call('GET', '/cases/SA-2026-999999')).status).toBe(404);
      expect((await call('GET', '/cases/banana')).body.code).toBe('CASE.NOT_FOUND');
    });
  });

  describe('POST /cases/:number/status', () => {
    it('changes the status as the agent named in X-Agent-Id, records and publishes it', async () => {
      const c = await demoCase('Rejseafregning afvist');
      const r = await call('POST', `/cases/${c.number}/status`, { status: 'under_behandling', note: 'Vi kigger på det' }, { 'x-agent-id': 'sd-anne' });
      expect(r.status).toBe(200);
      expect((r.body.case as Case).status).toBe('under_behandling');
      expect(r.body.events).toEqual([expect.objectContaining({ type: 'status_changed', from: 'modtaget', to: 'under_behandling', actor: { kind: 'agent', agentId: 'sd-anne' } })]);
      const event = await eventually(() => published.find((p) => p.event.type === 'case.status_changed' && p.event.caseNumber === c.number));
      expect(event.event).toMatchObject({ to: 'under_behandling', note: 'Vi kigger på det' });
    });
    it('answers 409 with the reason for an invalid transition', async () => {
      const c = await demoCase('Kursustilmelding i Campus');
      const r = await call('POST', `/cases/${c.number}/status`, { status: 'under_behandling' });
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ code: 'CASE.INVALID_TRANSITION', message: { da: expect.stringContaining('lukket') } });
    });
    it('answers 400 with field errors for a bad body', async () => {
      const c = await demoCase('Faktura ikke betalt');
      const r = await call('POST', `/cases/${c.number}/status`, { status: 'done', extra: 1 });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('API.INVALID_BODY');
      expect((r.body.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['status', '']);
    });
    it('answers 400 for a malformed agent id', async () => {
      const c = await demoCase('Faktura ikke betalt');
      expect((await call('POST', `/cases/${c.number}/status`, { status: 'loest' }, { 'x-agent-id': 'no spaces please' })).status).toBe(400);
    });
    it('answers 400 for a body that is not JSON', async () => {
      const c = await demoCase('Faktura ikke betalt');
      expect((await call('POST', `/cases/${c.number}/status`, '{not json')).status).toBe(400);
    });
    it('answers 404 for an unknown case', async () => {
      expect((await call('POST', '/cases/SA-2026-999999/status', { status: 'loest' })).status).toBe(404);
    });
  });

  describe('POST /cases/:number/comments', () => {
    it('adds an agent comment, 201, and publishes it', async () => {
      const c = await demoCase('Fejl i lønkørsel');
      const r = await call('POST', `/cases/${c.number}/comments`, { text: 'Rettelsen kører med næste lønkørsel.' });
      expect(r.status).toBe(201);
      expect(r.body.events).toEqual([expect.objectContaining({ type: 'comment', author: 'agent', text: 'Rettelsen kører med næste lønkørsel.' })]);
      const event = await eventually(() => published.find((p) => p.event.type === 'case.commented' && p.event.caseNumber === c.number));
      expect(event.event).toMatchObject({ author: 'agent', sentFromId: c.sentFromId });
    });
    it('answers 409 on a closed case, 400 for an empty text, 404 for an unknown case', async () => {
      const closed = await demoCase('Kursustilmelding i Campus');
      expect((await call('POST', `/cases/${closed.number}/comments`, { text: 'Hej' })).body.code).toBe('CASE.CLOSED');
      expect((await call('POST', `/cases/${closed.number}/comments`, { text: 'Hej' })).status).toBe(409);
      expect((await call('POST', `/cases/${closed.number}/comments`, { text: '   ' })).status).toBe(400);
      expect((await call('POST', '/cases/SA-2026-999999/comments', { text: 'Hej' })).status).toBe(404);
    });
    it.each(['Medarbejderen 010190-1234 er rettet.', 'CPR 0101901234', 'cpr 010190 1234 ok'])('refuses a comment holding a CPR number (%j): 400 naming the field and why, nothing recorded', async (text) => {
      const c = await demoCase('Fejl i lønkørsel');
      const before = (await cases.events(c.number))?.length;
      const r = await call('POST', `/cases/${c.number}/comments`, { text });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('API.INVALID_BODY');
      expect(r.body.fields).toEqual([{ field: 'text', message: expect.stringContaining('CPR numbers do not belong in a case') }]);
      expect((await cases.events(c.number))?.length).toBe(before);
    });
    it('refuses a status note holding a CPR number, and takes a comment with a ten-digit number that is no date', async () => {
      const c = await demoCase('Fejl i lønkørsel');
      const note = await call('POST', `/cases/${c.number}/status`, { status: 'under_behandling', note: 'Gælder 311299-1234' });
      expect(note.status).toBe(400);
      expect(note.body.fields).toEqual([{ field: 'note', message: expect.stringContaining('CPR') }]);
      expect((await call('POST', `/cases/${c.number}/comments`, { text: 'Faktura 3213991234 er betalt.' })).status).toBe(201);
    });
  });

  describe('community access requests', () => {
    it('lists pending requests with the user, approves one (200) and refuses deciding it again (409)', async () => {
      const ole = await directory.getUserByEmail('ole@demo-institut.dk');
      if (!ole) throw new Error('no ole');
      const requested = await directory.createCommunityRequest({ userId: ole.id, institutionId: 'eksempelstyrelsen' });
      if (!requested.ok) throw new Error(requested.error.code);
      const list = await call('GET', '/community-requests?status=pending');
      expect(list.body.items).toEqual([expect.objectContaining({ id: requested.value.id, user: expect.objectContaining({ email: 'ole@demo-institut.dk' }) })]);
      const approved = await call('POST', `/community-requests/${requested.value.id}/approve`, { note: 'Bekræftet af Eksempelstyrelsen' }, { 'x-agent-id': 'sd-bo' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'agent:sd-bo', decisionNote: 'Bekræftet af Eksempelstyrelsen' });
      const again = await call('POST', `/community-requests/${requested.value.id}/reject`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('COMMUNITY.NOT_PENDING');
      await eventually(() => published.find((p) => p.event.type === 'community.decided' && p.event.requestId === requested.value.id));
    });
    it('rejects with a note', async () => {
      const ole = await directory.getUserByEmail('ole@demo-institut.dk');
      if (!ole) throw new Error('no ole');
      const requested = await directory.createCommunityRequest({ userId: ole.id, institutionId: 'testministeriet' });
      if (!requested.ok) throw new Error(requested.error.code);
      const rejected = await call('POST', `/community-requests/${requested.value.id}/reject`, { note: 'Ikke i lønfællesskab' });
      expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: 'Ikke i lønfællesskab' });
    });
    it('answers 404 for an unknown request and filters by user', async () => {
      expect((await call('POST', '/community-requests/00000000-0000-0000-0000-000000000000/approve')).status).toBe(404);
      expect((await call('POST', '/community-requests/nope/approve')).status).toBe(404);
      const lars = await call('GET', '/community-requests?user=lars@testministeriet.dk');
      expect((lars.body.items as Array<{ status: string }>).map((r) => r.status)).toEqual(['approved', 'approved']);
    });
  });

  describe('institutions and domains', () => {
    it('creates an institution (201), refuses a duplicate id or a taken domain (409)', async () => {
      const created = await call('POST', '/institutions', { id: 'nyt-institut', name: 'Nyt Institut', domains: ['Nyt-Institut.dk'] }, { 'x-agent-id': 'sd-admin' });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe('/api/agent/institutions/nyt-institut');
      expect(created.body).toEqual({ id: 'nyt-institut', name: 'Nyt Institut', domains: ['nyt-institut.dk'], allowSubdomains: false });
      expect((await call('POST', '/institutions', { id: 'nyt-institut', name: 'Igen' })).body.code).toBe('INSTITUTION.ALREADY_EXISTS');
      const taken = await call('POST', '/institutions', { id: 'andet', name: 'Andet', domains: ['eksempelstyrelsen.dk'] });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('INSTITUTION.DOMAIN_TAKEN');
      const event = await eventually(() => published.find((p) => p.event.type === 'institution.changed' && p.event.institutionId === 'nyt-institut'));
      expect(event.event).toMatchObject({ change: 'created', actor: { kind: 'agent', agentId: 'sd-admin' } });
    });
    it('answers 400 with the fields for a bad institution', async () => {
      const r = await call('POST', '/institutions', { id: 'Has Spaces', name: 'X', domains: ['not a domain'] });
      expect(r.status).toBe(400);
      expect((r.body.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['domains.0', 'id', 'name']);
    });
    it('updates name and subdomains, adds and removes a domain', async () => {
      const patched = await call('PATCH', '/institutions/nyt-institut', { allowSubdomains: true });
      expect(patched.body).toMatchObject({ allowSubdomains: true, name: 'Nyt Institut' });
      expect((await call('PATCH', '/institutions/nyt-institut', {})).status).toBe(400);
      const added = await call('POST', '/institutions/nyt-institut/domains', { domain: 'ni.dk' });
      expect(added.body).toMatchObject({ domains: ['nyt-institut.dk', 'ni.dk'] });
      expect((await call('POST', '/institutions/testministeriet/domains', { domain: 'ni.dk' })).status).toBe(409);
      const removed = await call('DELETE', '/institutions/nyt-institut/domains/ni.dk');
      expect(removed.body).toMatchObject({ domains: ['nyt-institut.dk'] });
      const one = await call('GET', '/institutions/nyt-institut');
      expect(one.body).toMatchObject({ id: 'nyt-institut', allowSubdomains: true });
      const all = await call('GET', '/institutions');
      expect((all.body.items as Array<{ id: string }>).map((i) => i.id)).toContain('nyt-institut');
    });
    it('accepts a DELETE and a POST with no body and no Content-Length or Content-Type (not 415)', async () => {
      expect((await call('POST', '/institutions/nyt-institut/domains', { domain: 'uden-krop.dk' })).status).toBe(200);
      const removed = await bodyless(base, 'DELETE', '/api/agent/institutions/nyt-institut/domains/uden-krop.dk');
      expect(removed.status).toBe(200);
      expect(removed.body).toContain('"domains":["nyt-institut.dk"]');

      const ole = await directory.getUserByEmail('ole@demo-institut.dk');
      if (!ole) throw new Error('no ole');
      const requested = await directory.createCommunityRequest({ userId: ole.id, institutionId: 'nyt-institut' });
      if (!requested.ok) throw new Error(requested.error.code);
      const approved = await bodyless(base, 'POST', `/api/agent/community-requests/${requested.value.id}/approve`);
      expect(approved.status).toBe(200);
      expect(JSON.parse(approved.body)).toMatchObject({ id: requested.value.id, status: 'approved' });
    });
    it('answers 404 for an unknown institution', async () => {
      expect((await call('GET', '/institutions/nope')).status).toBe(404);
      expect((await call('PATCH', '/institutions/nope', { name: 'Nope' })).status).toBe(404);
      expect((await call('POST', '/institutions/nope/domains', { domain: 'nope.dk' })).status).toBe(404);
      expect((await call('DELETE', '/institutions/nope/domains/nope.dk')).status).toBe(404);
      expect((await call('GET', '/institutions/NOT VALID')).status).toBe(404);
    });
  });
});
