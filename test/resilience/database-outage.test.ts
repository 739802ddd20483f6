import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDatabase } from '../../adapters/postgres/pg-database.js';
import { migrate } from '../../adapters/postgres/migrate.js';
import { startTestAssistant, type TestAssistant } from '../support/assistant.js';
import { ConnectorListener, messageActivity, postActivity } from '../support/connector-listener.js';
import { createSchema, dropSchema, newSchemaName, TEST_DATABASE_URL } from '../support/database.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import type { Database } from '../../adapters/postgres/database.js';
import { connectToSchema } from '../support/database.js';
import { ANNA, annaCaseTurns, caseNumberIn, Chat } from '../support/chat.js';
import { call, isWelcome, startConversation, StreamRecorder } from '../support/direct-line-client.js';

/** What no response body may show: an error's class, a stack, a driver's text. */
const INTERNALS = /[A-Z][A-Za-z]+Error\b|at .*\.(js|ts):\d+|node_modules|ECONNREFUSED|ECONNRESET|terminated/;

/**
 * The assistant's database seen through a port that can pull the plug right after the statement
 * that inserts a case has committed (the worst moment: the case exists, the turn's state does not).
 */
class CuttableDatabase implements Database {
  readonly kind = 'postgres' as const;
  cutAfterCaseInsert = false;

  constructor(private readonly inner: Database, private readonly cut: () => void) {}

  async query<R>(sql: string, params?: readonly unknown[]) {
    const result = await this.inner.query<R>(sql, params);
    if (this.cutAfterCaseInsert && sql.includes('INSERT INTO portal_case (')) {
      this.cutAfterCaseInsert = false;
      this.cut();
    }
    return result;
  }
  transaction: Database['transaction'] = (fn) => this.inner.transaction(fn);
  exec: Database['exec'] = (sql) => this.inner.exec(sql);
  listen: Database['listen'] = (channel, handler) => this.inner.listen(channel, handler);
  notify: Database['notify'] = (channel, payload) => this.inner.notify(channel, payload);
  withLock: Database['withLock'] = (key, timeoutMs, fn) => this.inner.withLock(key, timeoutMs, fn);
  ping: Database['ping'] = (timeoutMs) => this.inner.ping(timeoutMs);
  close: Database['close'] = () => this.inner.close();
}

describe('the assistant when PostgreSQL goes away', () => {
  let proxy: TcpProxy;
  let connector: ConnectorListener;
  let serviceUrl: string;
  let assistant: TestAssistant;
  let db: PgDatabase;
  let cuttable: CuttableDatabase;
  /** Straight to PostgreSQL, not through the proxy: what is really stored. */
  let direct: PgDatabase;
  const chat = new Chat();
  const schema = newSchemaName();

  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const proxied = new URL(TEST_DATABASE_URL);
    proxied.port = String(proxy.port);
    await createSchema(schema);
    db = new PgDatabase({ connectionString: proxied.toString(), schema, poolSize: 4, connectionTimeoutMillis: 1000 });
    await migrate(db);
    direct = connectToSchema(schema);
    await chat.start();
    connector = new ConnectorListener();
    serviceUrl = await connector.start();
    cuttable = new CuttableDatabase(db, () => proxy.cutAll());
    assistant = await startTestAssistant('postgres', { DEMO_MODE: 'true' }, { db: cuttable, schema, dispose: async () => undefined });
  });

  afterAll(async () => {
    await assistant.dispose();
    await db.close();
    await proxy.stop();
    await connector.stop();
    await chat.stop();
    await direct.close();
    await dropSchema(schema);
  });

  describe('when the connection is cut', () => {
    it('tells the user in Danish to try again shortly, and /readyz says 503', async () => {
      proxy.cutAll();
      const conversationId = 'outage-1';
      const response = await postActivity(assistant.url, messageActivity({ serviceUrl, conversationId, text: 'hej' }));
      expect(response.status).toBeLessThan(600);
      await connector.waitFor(() => connector.for(conversationId).length >= 1);
      expect(connector.for(conversationId)[0]?.text).toMatch(/Prøv igen om lidt/);
      expect((await fetch(`${assistant.url}/readyz`)).status).toBe(503);
    });
  });

  describe('when the connection comes back', () => {
    it('answers the next turn normally and /readyz says 200', async () => {
      proxy.restore();
      const conversationId = 'outage-1';
      const before = connector.for(conversationId).length;
      await postActivity(assistant.url, messageActivity({ serviceUrl, conversationId, text: 'hej' }));
      await connector.waitFor(() => connector.for(conversationId).length > before);
      expect(connector.for(conversationId).at(-1)?.text).toMatch(/^Hej!/);
      expect((await fetch(`${assistant.url}/readyz`)).status).toBe(200);
    });
  });

  /** The bot state rows of a conversation, as stored. */
  async function stateOf(conversationId: string): Promise<Array<{ key: string; etag: string }>> {
    const { rows } = await direct.query<{ key: string; etag: string }>('SELECT key, etag FROM bot_state WHERE key LIKE $1 ORDER BY key', [`%${conversationId}%`]);
    return rows;
  }

  async function casesTagged(tag: string): Promise<string[]> {
    const { rows } = await direct.query<{ number: string }>(`SELECT number FROM portal_case WHERE field_values->>'beskrivelse' LIKE $1`, [`%${tag}%`]);
    return rows.map((r) => r.number);
  }

  describe('when the connection is cut in the middle of a case dialog', () => {
    const tag = `outage-mid-${Date.now()}`;
    const conv = 'outage-dialog';
    const turns = annaCaseTurns(`Lønnen udeblev (${tag}).`);

    it('says "Prøv igen om lidt", writes nothing, and the same answer is taken after the restore', async () => {
      for (const [say, want] of turns.slice(0, 6)) expect((await chat.say(assistant.url, ANNA, conv, say)).text).toContain(want);
      const before = await stateOf(conv);
      expect(before.length).toBeGreaterThan(0);

      proxy.cutAll();
      const [say, want] = turns[6] ?? ['', ''];
      const failed = await chat.say(assistant.url, ANNA, conv, say);
      expect(failed.text).toMatch(/Prøv igen om lidt/);
      expect(failed.text).not.toContain(want);
      expect((await fetch(`${assistant.url}/readyz`)).status).toBe(503);
      expect(await stateOf(conv)).toEqual(before);

      proxy.restore();
      expect((await chat.say(assistant.url, ANNA, conv, say)).text).toContain(want);
      expect((await fetch(`${assistant.url}/readyz`)).status).toBe(200);
    });

    it('a confirmation that failed during the cut may be sent again after the restore and gives one case', async () => {
      for (const [say, want] of turns.slice(7, -1)) expect((await chat.say(assistant.url, ANNA, conv, say)).text).toContain(want);
      const atSummary = await stateOf(conv);

      proxy.cutAll();
      expect((await chat.say(assistant.url, ANNA, conv, 'Bekræft')).text).toMatch(/Prøv igen om lidt/);
      expect(await stateOf(conv)).toEqual(atSummary);
      expect(await casesTagged(tag)).toEqual([]);

      proxy.restore();
      const created = await chat.say(assistant.url, ANNA, conv, 'Bekræft');
      expect(created.text).toContain('Din sag er oprettet med nummeret');
      expect(await casesTagged(tag)).toEqual([caseNumberIn(created.text)]);
    });
  });

  describe('when the connection is cut right after the case was inserted, before the turn is saved', () => {
    const tag = `outage-commit-${Date.now()}`;
    const conv = 'outage-after-insert';

    it('the retried confirmation names the same case and creates no second one', async () => {
      const turns = annaCaseTurns(`Ingen løn i marts (${tag}).`);
      for (const [say, want] of turns.slice(0, -1)) expect((await chat.say(assistant.url, ANNA, conv, say)).text).toContain(want);

      cuttable.cutAfterCaseInsert = true;
      const first = await chat.say(assistant.url, ANNA, conv, 'Bekræft');
      expect(first.text).toMatch(/Prøv igen om lidt/);
      const stored = await casesTagged(tag);
      expect(stored).toHaveLength(1);

      proxy.restore();
      const retried = await chat.say(assistant.url, ANNA, conv, 'Bekræft');
      expect(retried.text).toContain(`allerede oprettet med nummeret **${stored[0]}**`);
      expect(await casesTagged(tag)).toEqual(stored);
    });
  });

  describe('web chat (Direct Line) when the connection is cut', () => {
    it('answers 503 with Retry-After and "Prøv igen om lidt" (never 500 or internals), also in the open stream', async () => {
      proxy.restore();
      const { body } = await call(`${assistant.url}/api/demo/token?user=${encodeURIComponent(ANNA)}`);
      const conversation = await startConversation(assistant.url, (body as { token: string }).token);
      const stream = await StreamRecorder.open(conversation.streamUrl);
      try {
        await stream.waitFor((activities) => activities.some(isWelcome));

        proxy.cutAll();
        const dl = `${assistant.url}/v3/directline/conversations/${conversation.conversationId}`;
        const auth = { authorization: `Bearer ${conversation.token}` };
        const attempts = [
          () => fetch(`${dl}/activities`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hej', locale: 'da-DK' }) }),
          () => fetch(`${dl}/activities?watermark=0`, { headers: auth }),
          () => fetch(dl, { headers: auth }),
        ];
        for (const attempt of attempts) {
          const response = await attempt();
          const text = await response.text();
          expect(response.status, text).toBe(503);
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
          expect(text).not.toMatch(INTERNALS);
        }
        const posted = await attempts[0]!();
        expect(((await posted.json()) as { message: string }).message).toMatch(/Prøv igen om lidt/);
        await stream.waitFor((activities) => activities.some((a) => a.from?.role === 'bot' && /Prøv igen om lidt/.test(a.text ?? '')));
        expect((await fetch(`${assistant.url}/readyz`)).status).toBe(503);

        proxy.restore();
        const again = await fetch(`${dl}/activities`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hej' }) });
        expect(again.status).toBe(200);
      } finally {
        proxy.restore();
        await stream.close();
      }
    });
  });
});
