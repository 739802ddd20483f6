import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanStrings, cleanText } from '../../../adapters/http/activity-schema.js';
import { startTestAssistant, useAssistantWithConnector, type TestAssistant } from '../../support/assistant.js';
import { messageActivity } from '../../support/connector-listener.js';
import { DATABASE_KINDS } from '../../support/database.js';
import { getActivities, portalToken, postActivity, PORTAL_SECRET, startConversation, WEBCHAT_ENV, type DlConversation } from '../../support/direct-line-client.js';

/** Internals that must never reach a response body. */
const INTERNALS = /at .*\.(js|ts):\d+|node_modules|[A-Z][A-Za-z]+Error\b|ENOTFOUND|ECONNREFUSED|fetch failed|syntax error/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Any UTF-16 code unit (lone surrogates included), with the troublesome ones made likely. */
const hostileUnit = fc.oneof(
  fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u202E', '\uFEFF', '\u0007', '%', '%00', '\\', '"', "'", '/', '?', '#', '&', '=', '..', 'ø'),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const hostile = fc.string({ unit: hostileUnit, maxLength: 30 });
const RUNS = 25;

/**
 * Percent-encodes every code unit as (generalised) UTF-8, lone surrogates included (ED A0 80 for
 * U+D800): what a client that does not check its strings puts on the wire. encodeURIComponent
 * refuses such strings.
 */
function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (cp >= 0xd800 && cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

describe('cleanText', () => {
  it('leaves no NUL, control character or lone surrogate, and keeps every well-formed character else', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const cleaned = cleanText(text);
        expect(cleaned).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
        expect(cleaned).not.toMatch(LONE_SURROGATE);
        // Only removals: the cleaned text of a well-formed text without controls is the text.
        if (!LONE_SURROGATE.test(text) && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) expect(cleaned).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a surrogate pair (an emoji) whole', () => {
    expect(cleanText('hej 👋🏽 \uD800der\uDC00')).toBe('hej 👋🏽 der');
    expect(cleanStrings({ ['k\u0000\uD800']: ['\uDFFFa'] })).toEqual({ k: ['a'] });
  });
});

describe('every route with arbitrary strings (lone surrogates, NUL, percent signs)', () => {
  const AGENT_TOKEN = 'agent-token-for-property-tests-0123456789';
  const world = useAssistantWithConnector('pglite', { ...WEBCHAT_ENV, AGENT_API_TOKEN: AGENT_TOKEN, DEMO_MODE: 'true' });
  let conversation: DlConversation;
  let caseNumber: string;

  const url = () => world.assistant.url;
  const agentHeaders = { authorization: `Bearer ${AGENT_TOKEN}` };

  async function expectClean(response: Response): Promise<void> {
    const text = await response.text();
    expect(response.status, text).toBeLessThan(500);
    expect(text).not.toMatch(INTERNALS);
  }

  beforeAll(async () => {
    conversation = await startConversation(url(), await portalToken(url(), 'anna@eksempelstyrelsen.dk'));
    const list = await fetch(`${url()}/api/agent/cases?limit=1`, { headers: agentHeaders });
    caseNumber = ((await list.json()) as { items: Array<{ number: string }> }).items[0]?.number ?? '';
    expect(caseNumber).toMatch(/^SA-/);
  });

  it('POST /api/messages: text, name and conversation id', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        const activity = { ...messageActivity({ serviceUrl: world.serviceUrl, conversationId: `prop-${s}`, text: s }), from: { id: `u-${s}`, name: s } };
        await expectClean(await fetch(`${url()}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }));
      }),
      { numRuns: RUNS },
    );
  });

  it('Direct Line: a posted message, the conversation id in the path, the watermark in the query', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        const posted = await postActivity(url(), conversation, { type: 'message', text: s, locale: s, from: { id: s, name: s } });
        expect(posted.status).toBeLessThan(500);
        const path = `${url()}/v3/directline/conversations/${percentEncode(s)}`;
        await expectClean(await fetch(path, { headers: { authorization: `Bearer ${conversation.token}` } }));
        await expectClean(await fetch(`${path}/activities?watermark=${percentEncode(s)}`, { headers: { authorization: `Bearer ${conversation.token}` } }));
      }),
      { numRuns: RUNS },
    );
  });

  it('web chat tokens: the user and name in the body, the demo user in the query', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        await expectClean(
          await fetch(`${url()}/api/webchat/token`, {
            method: 'POST',
            headers: { authorization: `Bearer ${PORTAL_SECRET}`, 'content-type': 'application/json' },
            body: JSON.stringify({ user: `${s}@eksempelstyrelsen.dk`, name: s }),
          }),
        );
        await expectClean(await fetch(`${url()}/api/demo/token?user=${percentEncode(s)}`));
      }),
      { numRuns: RUNS },
    );
  });

  it('the agent API: query filters, path parameters, comment and institution bodies, X-Agent-Id', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (s) => {
        const q = percentEncode(s);
        await expectClean(await fetch(`${url()}/api/agent/cases?institution=${q}&requester=${q}&sentFrom=${q}&area=${q}&form=${q}`, { headers: agentHeaders }));
        await expectClean(await fetch(`${url()}/api/agent/cases?status=${q}&after=${q}&createdFrom=${q}`, { headers: agentHeaders }));
        await expectClean(await fetch(`${url()}/api/agent/community-requests?user=${q}&institution=${q}`, { headers: agentHeaders }));
        await expectClean(await fetch(`${url()}/api/agent/cases/${q}`, { headers: agentHeaders }));
        await expectClean(await fetch(`${url()}/api/agent/institutions/${q}`, { headers: agentHeaders }));
        await expectClean(await fetch(`${url()}/api/agent/institutions/${q}/domains/${q}`, { method: 'DELETE', headers: agentHeaders }));
        await expectClean(await fetch(`${url()}/api/agent/community-requests/${q}/approve`, { method: 'POST', headers: agentHeaders }));
        const comment = await fetch(`${url()}/api/agent/cases/${caseNumber}/comments`, {
          method: 'POST',
          headers: { ...agentHeaders, 'content-type': 'application/json', 'x-agent-id': 'prop' },
          body: JSON.stringify({ text: `kommentar ${s}` }),
        });
        const body = await comment.text();
        expect(comment.status, body).toBeLessThan(500);
        if (comment.status === 201) expect(JSON.parse(body).events.at(-1).text).toBe(cleanText(`kommentar ${s}`).replace(/\r\n?/g, '\n').trim()); // a comment's line breaks are kept as \n
        await expectClean(
          await fetch(`${url()}/api/agent/institutions`, {
            method: 'POST',
            headers: { ...agentHeaders, 'content-type': 'application/json' },
            body: JSON.stringify({ id: s, name: s, domains: [s] }),
          }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  describe('the cases named in the issue', () => {
    it('stores an agent comment with a lone surrogate without it (201, not 500)', async () => {
      const response = await fetch(`${url()}/api/agent/cases/${caseNumber}/comments`, {
        method: 'POST',
        headers: { ...agentHeaders, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hej \uD800 der' }),
      });
      expect(response.status).toBe(201);
      const { events } = (await response.json()) as { events: Array<{ text?: string }> };
      expect(events.at(-1)?.text).toBe('hej  der');
    });

    it('answers ?institution=%00 as an empty filter: 400 with the field, not 500', async () => {
      const response = await fetch(`${url()}/api/agent/cases?institution=%00`, { headers: agentHeaders });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { code: string; fields: Array<{ field: string }> };
      expect(body.code).toBe('API.INVALID_QUERY');
      expect(body.fields.map((f) => f.field)).toEqual(['institution']);
    });
  });
});

describe.each(DATABASE_KINDS)('the first web chat message on a fresh process, with a lone surrogate (%s)', (kind) => {
  let assistant: TestAssistant;
  beforeAll(async () => {
    assistant = await startTestAssistant(kind, WEBCHAT_ENV);
  });
  afterAll(async () => assistant.dispose());

  it('is answered', async () => {
    const conversation = await startConversation(assistant.url, await portalToken(assistant.url, 'anna@eksempelstyrelsen.dk'));
    const posted = await postActivity(assistant.url, conversation, { type: 'message', text: 'hej \uD800 der' });
    expect(posted.status).toBe(200);
    const { activities } = (await getActivities(assistant.url, conversation)).body as { activities: Array<{ text?: string; from?: { role?: string } }> };
    const mine = activities.findIndex((a) => a.from?.role === 'user');
    expect(activities[mine]?.text).toBe('hej  der');
    expect(activities.slice(mine + 1).some((a) => a.from?.role === 'bot' && typeof a.text === 'string' && a.text.length > 0)).toBe(true);
  });
});
