import { describe, expect, it } from 'vitest';
import { messageActivity, postActivity } from '../../support/connector-listener.js';
import { useAssistantWithConnector } from '../../support/assistant.js';

const STACK = /at .*\.(js|ts):\d+|node_modules|TypeError|ReferenceError/;

describe('/api/messages with hostile input', () => {
  const world = useAssistantWithConnector('pglite');

  async function raw(body: string, contentType = 'application/json'): Promise<{ status: number; text: string }> {
    const response = await fetch(`${world.assistant.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, text: await response.text() };
  }

  const base = () => messageActivity({ serviceUrl: 'http://127.0.0.1:9', conversationId: 'hostile' });

  describe('when the body is refused', () => {
    it.each([
      ['invalid JSON', '{"type":"message",', 400],
      ['a JSON string', '"hej"', 400],
      ['null', 'null', 400],
      ['text of the wrong type', JSON.stringify({ ...base(), text: 5 }), 400],
      ['no conversation', JSON.stringify({ ...base(), conversation: undefined }), 400],
      ['conversation as a string', JSON.stringify({ ...base(), conversation: 'x' }), 400],
      ['no serviceUrl', JSON.stringify({ ...base(), serviceUrl: undefined }), 400],
      ['a non-http serviceUrl', JSON.stringify({ ...base(), serviceUrl: 'file:///etc/passwd' }), 400],
      ['no from', JSON.stringify({ ...base(), from: undefined }), 400],
      ['an unknown activity type', JSON.stringify({ ...base(), type: 'surprise' }), 400],
      ['a 1 MB text', JSON.stringify({ ...base(), text: 'ø'.repeat(1_000_000) }), 413],
    ])('answers %s with a 4xx and no internals', async (_name, body, status) => {
      const response = await raw(body);
      expect(response.status).toBe(status);
      expect(response.text).not.toMatch(STACK);
    });

    it('answers a deeply nested value with 400', async () => {
      const nested = '{"a":'.repeat(20_000) + '"bund"' + '}'.repeat(20_000);
      const response = await raw(JSON.stringify({ ...base(), value: 0 }).replace('"value":0', `"value":${nested}`));
      expect(response.status).toBe(400);
      expect(response.text).toContain('nests deeper');
    });

    it('answers the wrong content type with 415', async () => {
      const response = await raw('hej', 'text/plain');
      expect(response.status).toBe(415);
    });

    it('answers the wrong content type with 415 also when the body is chunked (no Content-Length)', async () => {
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('hej'));
          controller.close();
        },
      });
      const response = await fetch(`${world.assistant.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: chunks, duplex: 'half' } as RequestInit);
      expect(response.status).toBe(415);
    });

    it('answers a POST with no body and no content type with 400 (not an activity), not 415', async () => {
      const response = await fetch(`${world.assistant.url}/api/messages`, { method: 'POST' });
      expect(response.status).toBe(400);
      expect(await response.text()).not.toMatch(STACK);
    });
  });

  describe('when the text is odd but valid', () => {
    it.each([
      ['RTL text', 'مرحبا \u202Eolleh'],
      ['zero-width characters', 'h\u200Be\u200Cj\u200D\uFEFF'],
      ['emoji', '👋🏽 hej 🇩🇰'],
      ['NUL and control characters', 'hej\u0000\u0001\u0007 med dig'],
      ['lone surrogates', 'a\uD800b'],
    ])('gives a polite reply to %s', async (name, text) => {
      const conversationId = `odd-${name.replace(/\W+/g, '-')}`;
      const response = await postActivity(world.assistant.url, messageActivity({ serviceUrl: world.serviceUrl, conversationId, text }));
      expect(response.status).toBeLessThan(300);
      await world.connector.waitFor(() => world.connector.for(conversationId).length >= 1);
      const reply = world.connector.for(conversationId)[0];
      expect(typeof reply?.text).toBe('string');
      expect(reply?.text).not.toMatch(STACK);
      expect(reply?.text).not.toMatch(/gik noget galt/);
    });

    it('answers an over-long (but allowed-size) text politely without storing it', async () => {
      const conversationId = 'odd-long';
      await postActivity(world.assistant.url, messageActivity({ serviceUrl: world.serviceUrl, conversationId, text: 'løn '.repeat(2000) }));
      await world.connector.waitFor(() => world.connector.for(conversationId).length >= 1);
      expect(world.connector.for(conversationId)[0]?.text).toMatch(/for lang/);
      const { rows } = await world.assistant.db.query<{ n: number }>(`SELECT count(*) AS n FROM bot_state WHERE key LIKE '%odd-long%'`);
      expect(Number(rows[0]?.n)).toBe(0);
    });
  });

  describe('after all of that', () => {
    it('is still ready', async () => {
      expect((await fetch(`${world.assistant.url}/readyz`)).status).toBe(200);
    });
  });
});
