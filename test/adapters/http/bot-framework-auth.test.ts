import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { messageActivity } from '../../support/connector-listener.js';

/** What no response body may show: an error's class, a stack, the key fetch's text. */
const INTERNALS = /[A-Z][A-Za-z]+Error\b|at .*\.(js|ts):\d+|node_modules|request to https?:|getaddrinfo|ENOTFOUND|fetch failed|openid/i;

/** A token of the right shape whose signature nobody made: it must never be accepted. */
const FORGED =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyIsInR5cCI6IkpXVCJ9.' +
  Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: '00000000-0000-0000-0000-000000000001', exp: 9_999_999_999 })).toString('base64url') +
  '.c2lnbmF0dXJl';

describe('/api/messages with Bot Framework authentication on', () => {
  let assistant: TestAssistant;
  beforeAll(async () => {
    assistant = await startTestAssistant('pglite', { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-used-in-this-test' });
  });
  afterAll(async () => assistant.dispose());

  const post = (authorization?: string) =>
    fetch(`${assistant.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(messageActivity({ serviceUrl: 'https://smba.trafficmanager.net/emea/', conversationId: 'forged', text: 'hej' })),
    });

  it('answers a request without a token 401, without internals', async () => {
    const response = await post();
    const text = await response.text();
    expect(response.status).toBe(401);
    expect(text).not.toMatch(INTERNALS);
  });

  it('answers a forged token 401, or 503 with Retry-After when the signing keys cannot be fetched; never 500 or the fetch error', async () => {
    const response = await post(`Bearer ${FORGED}`);
    const text = await response.text();
    expect([401, 503], text).toContain(response.status);
    if (response.status === 503) expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(INTERNALS);
  });
});
