import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, renderPage } from '../../../adapters/webchat/page.js';
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

  describe('GET / and framing', () => {
    it("may be framed by its own origin only (frame-ancestors 'self', X-Frame-Options SAMEORIGIN)", async () => {
      const response = await fetch(`${assistant.url}/`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'self'");
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });

    it('connects only to its own origin, the WebSocket to it and its own blob: URLs (files to upload), not any ws:/wss: host', async () => {
      const response = await fetch(`${assistant.url}/`);
      const connect = /connect-src ([^;]+)/.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? '';
      expect(connect.split(' ')).toEqual(["'self'", 'blob:', assistant.url.replace(/^http/, 'ws')]);
    });

    it('keeps a Host header that is not a plain host out of the policy', async () => {
      const { request } = await import('node:http');
      const csp = await new Promise<string>((resolve, reject) => {
        const url = new URL(assistant.url);
        request({ host: url.hostname, port: url.port, path: '/', headers: { host: "evil.example'; script-src *" } }, (res) => {
          res.resume();
          resolve(String(res.headers['content-security-policy'] ?? ''));
        })
          .on('error', reject)
          .end();
      });
      expect(csp).toContain("connect-src 'self' blob:;");
      expect(csp).not.toContain('evil');
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

describe('contentSecurityPolicy', () => {
  it('names the origins allowed to frame the page', () => {
    expect(contentSecurityPolicy(["'self'", 'https://serviceportal.statens-adm.dk'], 'wss://assistent.example')).toContain(
      "frame-ancestors 'self' https://serviceportal.statens-adm.dk",
    );
  });
});
});
