import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { messageActivity, postActivity } from '../../support/connector-listener.js';
import { startTestAssistant, useAssistantWithConnector } from '../../support/assistant.js';
import { createSchema, dropSchema, newSchemaName, schemaUrl } from '../../support/database.js';
import { ActivityHandler } from 'botbuilder';
import { createBotAdapter } from '../../../adapters/http/bot-adapter.js';
import { createHttpServer } from '../../../adapters/http/server.js';
import { silentLogger } from '../../../bot/logger.js';

describe('the assistant over HTTP', () => {
  const world = useAssistantWithConnector('pglite');

  describe('when an emulator message "hej" is posted to /api/messages', () => {
    it('delivers the Danish welcome with suggested actions to the world.serviceUrl', async () => {
      const conversationId = 'conv-welcome';
      const response = await postActivity(world.assistant.url, messageActivity({ serviceUrl: world.serviceUrl, conversationId, text: 'hej' }));
      expect(response.status).toBeLessThan(300);
      await world.connector.waitFor(() => world.connector.for(conversationId).length >= 1);
      const [reply] = world.connector.for(conversationId);
      expect(reply?.text).toContain('oprette en sag');
      const actions = (reply?.suggestedActions as { actions: Array<{ title: string }> } | undefined)?.actions ?? [];
      expect(actions.map((a) => a.title)).toEqual(['Stil et spørgsmål', 'Opret en sag', 'Mine sager']);
    });
  });

  describe('when a user joins the conversation', () => {
    it('welcomes them', async () => {
      const conversationId = 'conv-join';
      const activity = {
        ...messageActivity({ serviceUrl: world.serviceUrl, conversationId }),
        type: 'conversationUpdate',
        membersAdded: [{ id: 'user-1' }, { id: 'bot' }],
      };
      await postActivity(world.assistant.url, activity);
      await world.connector.waitFor(() => world.connector.for(conversationId).length >= 1);
      expect(world.connector.for(conversationId)).toHaveLength(1);
      expect(world.connector.for(conversationId)[0]?.text).toMatch(/^Hej!/);
    });
  });

  describe('when the user writes English', () => {
    it('welcomes in English', async () => {
      const conversationId = 'conv-en';
      await postActivity(world.assistant.url, messageActivity({ serviceUrl: world.serviceUrl, conversationId, text: 'help', locale: 'en-US' }));
      await world.connector.waitFor(() => world.connector.for(conversationId).length >= 1);
      expect(world.connector.for(conversationId)[0]?.text).toContain('create a case');
    });
  });

  describe('when the body is not an activity', () => {
    it.each([
      ['invalid JSON', '{"type":'],
      ['an array', '[1,2]'],
      ['no type', '{"text":"hej"}'],
    ])('answers 400 for %s without internals', async (_name, body) => {
      const response = await fetch(`${world.assistant.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
    });
  });

  describe('GET /healthz', () => {
    it('answers 200 while the process serves', async () => {
      const response = await fetch(`${world.assistant.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('keeps an idle connection open for 65 s, longer than proxies and clients do', async () => {
      const response = await fetch(`${world.assistant.url}/healthz`);
      await response.body?.cancel();
      expect(response.headers.get('keep-alive')).toBe('timeout=65');
    });
  });
});

describe('GET /readyz', () => {
  it('answers 200 when the database answers and the knowledge base is loaded', async () => {
    const assistant = await startTestAssistant('pglite');
    try {
      const response = await fetch(`${assistant.url}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok', knowledge: 'ok' } });
    } finally {
      await assistant.stop();
    }
  });

  it('answers 503 with Retry-After without a database, while /healthz still answers 200', async () => {
    const assistant = await startTestAssistant('pglite');
    try {
      await assistant.world.db.close();
      const response = await fetch(`${assistant.url}/readyz`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).not.toBeNull();
      expect(await response.json()).toEqual({ status: 'unavailable', checks: { database: 'failing', knowledge: 'ok' } });
      expect((await fetch(`${assistant.url}/healthz`)).status).toBe(200);
    } finally {
      await assistant.stop();
    }
  });
});

describe('GET /readyz of the HTTP server alone', () => {
  const serve = async (readiness: () => Promise<Record<string, boolean>>) => {
    const adapter = createBotAdapter({ appType: 'MultiTenant', logger: silentLogger, onTurnError: async () => undefined });
    const http = createHttpServer({ adapter, bot: new ActivityHandler(), readiness, logger: silentLogger, maxBodyBytes: 65_536 });
    return { http, url: await http.listen(0, '127.0.0.1') };
  };

  it('answers 503 naming the knowledge base while it is not loaded', async () => {
    const { http, url } = await serve(async () => ({ database: true, knowledge: false }));
    try {
      const response = await fetch(`${url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', checks: { database: 'ok', knowledge: 'failing' } });
    } finally {
      await http.close(100);
    }
  });

  it('answers 503 without internals when a check throws', async () => {
    const { http, url } = await serve(async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.1:5432');
    });
    try {
      const response = await fetch(`${url}/readyz`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).not.toBeNull();
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ status: 'unavailable', checks: { readiness: 'failing' } });
      expect(text).not.toContain('ECONNREFUSED');
    } finally {
      await http.close(100);
    }
  });
});

describe('the assistant process', () => {
  describe('when it gets SIGTERM', () => {
    it('stops accepting, closes the database and exits 0', async () => {
      const schema = newSchemaName();
      await createSchema(schema);
      const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: schemaUrl(schema), DEMO_MODE: 'false', WEBCHAT_TOKEN_SECRET: 'sigterm-test-secret-0123456789abcdef', LOG_LEVEL: 'info', NODE_NO_WARNINGS: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        // A start, not its speed, is what this checks (bench:startup measures that): room for a loaded machine.
        const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 60_000);
        child.stdout.on('data', () => {
          const match = /kører: (http:\/\/\S+)/.exec(out);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('main: stopped');
      await dropSchema(schema);
    }, 90_000);
  });
});
