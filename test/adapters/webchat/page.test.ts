import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '../../../adapters/webchat/page.js';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { portalToken, startConversation, StreamRecorder, WEBCHAT_ENV } from '../../support/direct-line-client.js';

describe('the web chat page over HTTP', () => {
  let assistant: TestAssistant;

  beforeAll(async () => {
    assistant = await startTestAssistant('pglite', WEBCHAT_ENV);
  });
  afterAll(async () => {
    await assistant.dispose();
  });

  describe('GET /', () => {
    it('is Danish, loads only local scripts, and sends a content security policy', async () => {
      const response = await fetch(`${assistant.url}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toMatch(/<html lang="da">/);
      expect(html).toContain('<h1>Serviceportalens assistent</h1>');
      const sources = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(sources).toEqual(['data:,', '/webchat/app.css', '/webchat/webchat.js', '/webchat/app.js']);
      expect(html).toContain('"locale":"da-DK"');
      expect(html).toContain('value="kim@konsulenthuset.dk"');
    });
  });

  describe('GET /webchat/webchat.js', () => {
    it("serves Web Chat's bundle from node_modules, gzipped, and 304 when unchanged", async () => {
      const response = await fetch(`${assistant.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe('gzip');
      const body = await response.text();
      expect(body.length).toBeGreaterThan(1_000_000);
      expect(body).toContain('createDirectLine');
      const etag = response.headers.get('etag') ?? '';
      const again = await fetch(`${assistant.url}/webchat/webchat.js`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    });

    it('answers 404 for any other file', async () => {
      for (const name of ['nope.js', 'constructor', '..%2Fpage.ts']) {
        expect((await fetch(`${assistant.url}/webchat/${name}`)).status).toBe(404);
      }
    });
  });
});

describe('renderPage', () => {
  it('escapes demo user names', () => {
    const html = renderPage({ demoUsers: [{ email: 'x@y.dk', name: '<script>alert(1)</script>' }] });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps "</script>" out of the embedded configuration', () => {
    const html = renderPage({ demoUsers: [{ email: 'x@y.dk', name: '</script><b>' }] });
    const config = /<script type="application\/json" id="webchat-config">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(config).users[0].name).toBe('</script><b>');
  });
});

describe('stopping the assistant while a web chat stream is open', () => {
  it('closes the stream with 1001 and stops promptly', async () => {
    const assistant = await startTestAssistant('pglite', WEBCHAT_ENV);
    try {
      const conversation = await startConversation(assistant.url, await portalToken(assistant.url, 'anna@eksempelstyrelsen.dk'));
      const stream = await StreamRecorder.open(conversation.streamUrl);
      const closed = new Promise<number>((resolve) => stream.ws.once('close', (code: number) => resolve(code)));
      const started = Date.now();
      await assistant.stop();
      expect(await closed).toBe(1001);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await assistant.dispose();
    }
  });
});
