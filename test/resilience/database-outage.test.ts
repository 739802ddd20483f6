import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDatabase } from '../../adapters/postgres/pg-database.js';
import { migrate } from '../../adapters/postgres/migrate.js';
import { startTestAssistant, type TestAssistant } from '../support/assistant.js';
import { ConnectorListener, messageActivity, postActivity } from '../support/connector-listener.js';
import { createSchema, dropSchema, newSchemaName, TEST_DATABASE_URL } from '../support/database.js';
import { TcpProxy } from '../support/tcp-proxy.js';

describe('the assistant when PostgreSQL goes away', () => {
  let proxy: TcpProxy;
  let connector: ConnectorListener;
  let serviceUrl: string;
  let assistant: TestAssistant;
  let db: PgDatabase;
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
    connector = new ConnectorListener();
    serviceUrl = await connector.start();
    assistant = await startTestAssistant('postgres', {}, { db, schema, dispose: async () => undefined });
  });

  afterAll(async () => {
    await assistant.dispose();
    await db.close();
    await proxy.stop();
    await connector.stop();
    await dropSchema(schema);
  });

  describe('when the connection is cut', () => {
    it('tells the user in Danish to try again shortly, and /healthz says 503', async () => {
      proxy.cutAll();
      const conversationId = 'outage-1';
      const response = await postActivity(assistant.url, messageActivity({ serviceUrl, conversationId, text: 'hej' }));
      expect(response.status).toBeLessThan(600);
      await connector.waitFor(() => connector.for(conversationId).length >= 1);
      expect(connector.for(conversationId)[0]?.text).toMatch(/Prøv igen om lidt/);
      expect((await fetch(`${assistant.url}/healthz`)).status).toBe(503);
    });
  });

  describe('when the connection comes back', () => {
    it('answers the next turn normally and /healthz says 200', async () => {
      proxy.restore();
      const conversationId = 'outage-1';
      const before = connector.for(conversationId).length;
      await postActivity(assistant.url, messageActivity({ serviceUrl, conversationId, text: 'hej' }));
      await connector.waitFor(() => connector.for(conversationId).length > before);
      expect(connector.for(conversationId).at(-1)?.text).toMatch(/^Hej!/);
      expect((await fetch(`${assistant.url}/healthz`)).status).toBe(200);
    });
  });
});
