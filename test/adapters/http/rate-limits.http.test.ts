import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, useAssistantWithConnector, type TestAssistant } from '../../support/assistant.js';
import { ANNA, annaCaseTurns, Chat } from '../../support/chat.js';
import { messageActivity, postActivity as postToBot } from '../../support/connector-listener.js';
import { DATABASE_KINDS } from '../../support/database.js';
import {
  call,
  getActivities,
  message,
  PORTAL_SECRET,
  portalToken,
  postActivity,
  startConversation,
  WEBCHAT_ENV,
} from '../../support/direct-line-client.js';

const STACK = /at .*\.(js|ts):\d+|node_modules|Error\b/;

describe.each(DATABASE_KINDS)('rate limits on web chat turns (%s)', (kind) => {
  let assistant: TestAssistant;

  beforeAll(async () => {
    // 12 turns a minute: 2 per 10 s, and a burst of 3 more: 5 at once.
    assistant = await startTestAssistant(kind, { ...WEBCHAT_ENV, RATE_LIMIT_PER_MINUTE: '12', RATE_LIMIT_BURST: '3' });
  });
  afterAll(async () => assistant.dispose());

  describe('when one user floods the conversation', () => {
    it('answers the noisy user 429 with Retry-After beyond the burst, while a second user is not slowed down', async () => {
      const noisy = await startConversation(assistant.url, await portalToken(assistant.url, `noisy-${kind}@eksempelstyrelsen.dk`));
      const calm = await startConversation(assistant.url, await portalToken(assistant.url, `calm-${kind}@eksempelstyrelsen.dk`));

      const flood = Promise.all(Array.from({ length: 15 }, () => postActivity(assistant.url, noisy, message('hej'))));
      const calmTurns: number[] = [];
      for (let i = 0; i < 4; i++) calmTurns.push((await postActivity(assistant.url, calm, message('hvordan nulstiller jeg min adgangskode'))).status);
      const results = await flood;

      expect(calmTurns).toEqual([200, 200, 200, 200]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      const refused = results.find((r) => r.status === 429)?.body as { code: string; retryAfterSeconds: number };
      expect(refused.code).toBe('RATE.LIMITED');
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(10);

      // Refused turns were not stored: the noisy conversation holds 5 of the user's messages.
      const history = (await getActivities(assistant.url, noisy)).body as { activities: Array<{ from?: { role?: string } }> };
      expect(history.activities.filter((a) => a.from?.role === 'user')).toHaveLength(5);
      // And the calm user got an answer to each turn.
      const calmHistory = (await getActivities(assistant.url, calm)).body as { activities: Array<{ from?: { role?: string } }> };
      expect(calmHistory.activities.filter((a) => a.from?.role === 'bot').length).toBeGreaterThanOrEqual(5);
    });

    it('sends Retry-After on the refusal', async () => {
      const conversation = await startConversation(assistant.url, await portalToken(assistant.url, `header-${kind}@eksempelstyrelsen.dk`));
      let refusal: Response | undefined;
      for (let i = 0; i < 8 && !refusal; i++) {
        const response = await fetch(`${assistant.url}/v3/directline/conversations/${conversation.conversationId}/activities`, {
          method: 'POST',
          headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'hej' }),
        });
        if (response.status === 429) refusal = response;
        else await response.arrayBuffer();
      }
      expect(refusal).toBeDefined();
      expect(Number(refusal?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await refusal?.text()).not.toMatch(STACK);
    });
  });
});

describe('rate limits in a Bot Framework channel (/api/messages)', () => {
  // 6 a minute and no burst: one turn per 10 s.
  const world = useAssistantWithConnector('pglite', { RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '0' });

  async function say(conversationId: string, from: string, text: string, locale = 'da-DK') {
    const activity = messageActivity({ serviceUrl: world.serviceUrl, conversationId, text, from, locale });
    const response = await postToBot(world.assistant.url, activity);
    await response.arrayBuffer();
    return { status: response.status, replies: world.connector.received.filter((a) => a.replyToId === activity.id).map((a) => a.text ?? '') };
  }

  it('answers the first message over the limit once, politely in Danish, and runs no turn; later ones get nothing', async () => {
    const first = await say('bf-flood', 'flood-user', 'hej');
    expect(first.replies.join(' ')).toMatch(/^Hej!/);
    const second = await say('bf-flood', 'flood-user', 'glemt kode');
    expect(second.status).toBe(200);
    expect(second.replies).toHaveLength(1);
    expect(second.replies[0]).toMatch(/^Du skriver hurtigere, end jeg kan følge med\. Vent venligst \d+ sekunder?/);
    const third = await say('bf-flood', 'flood-user', 'glemt kode');
    expect(third.replies).toEqual([]);
  });

  it('says it in English when the activity is English', async () => {
    await say('bf-flood-en', 'flood-user-en', 'hello', 'en-US');
    const over = await say('bf-flood-en', 'flood-user-en', 'I forgot my password', 'en-US');
    expect(over.replies[0]).toMatch(/^You are writing faster than I can keep up with/);
  });

  it('does not slow down another user', async () => {
    const other = await say('bf-other', 'other-user', 'hej');
    expect(other.replies.join(' ')).toMatch(/^Hej!/);
  });
});

describe('rate limits on token minting, the agent API and client addresses', () => {
  const AGENT_TOKEN = 'agent-token-for-limit-tests-0123456789';
  let assistant: TestAssistant;

  beforeAll(async () => {
    assistant = await startTestAssistant('pglite', {
      ...WEBCHAT_ENV,
      AGENT_API_TOKEN: AGENT_TOKEN,
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '5',
      RATE_LIMIT_AGENT_PER_MINUTE: '2',
      RATE_LIMIT_TOKENS_PER_MINUTE: '2',
    });
  });
  afterAll(async () => assistant.dispose());

  const agent = (forwardedFor: string, agentId: string) =>
    fetch(`${assistant.url}/api/agent/institutions`, { headers: { authorization: `Bearer ${AGENT_TOKEN}`, 'x-agent-id': agentId, 'x-forwarded-for': forwardedFor } });

  it("limits each agent's requests, not the other agents'", async () => {
    const ida = [await agent('192.0.2.1', 'ida'), await agent('192.0.2.1', 'ida'), await agent('192.0.2.1', 'ida')];
    expect(ida.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(Number(ida[2]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await agent('192.0.2.1', 'bo')).status).toBe(200);
  });

  it('limits each client address (from X-Forwarded-For, one proxy trusted), not the other addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await agent('198.51.100.7', `agent-${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await agent('198.51.100.8', 'agent-x')).status).toBe(200);
  });

  it("limits the tokens minted for each user, also when the portal's server asks", async () => {
    const mint = (user: string) => call(`${assistant.url}/api/webchat/token`, { token: PORTAL_SECRET, body: { user } });
    const anna = [await mint('anna@eksempelstyrelsen.dk'), await mint('anna@eksempelstyrelsen.dk'), await mint('anna@eksempelstyrelsen.dk')];
    expect(anna.map((r) => r.status)).toEqual([200, 200, 429]);
    expect((await mint('ole@eksempelstyrelsen.dk')).status).toBe(200);
  });
});

describe('rate limits on case creation', () => {
  let assistant: TestAssistant;
  const chat = new Chat();

  beforeAll(async () => {
    await chat.start();
    assistant = await startTestAssistant('pglite', { DEMO_MODE: 'true', RATE_LIMIT_CASES_PER_HOUR: '1' });
  });
  afterAll(async () => {
    await assistant.dispose();
    await chat.stop();
  });

  it('creates the first case, refuses the second politely with the answers kept, and creates nothing', async () => {
    const first = annaCaseTurns('Første sag (grænse).');
    for (const [say, want] of first) expect((await chat.say(assistant.url, ANNA, 'limit-1', say)).text).toContain(want);

    const second = annaCaseTurns('Anden sag (grænse).');
    for (const [say, want] of second.slice(0, -1)) expect((await chat.say(assistant.url, ANNA, 'limit-2', say)).text).toContain(want);
    const refused = await chat.say(assistant.url, ANNA, 'limit-2', 'Bekræft');
    expect(refused.text).toMatch(/Du har oprettet mange sager på kort tid/);
    const { rows } = await assistant.db.query<{ n: string }>(`SELECT count(*) AS n FROM portal_case WHERE field_values->>'beskrivelse' LIKE '%(grænse)%'`);
    expect(Number(rows[0]?.n)).toBe(1);
    // The form still waits at its summary: the answers were not lost.
    expect((await chat.say(assistant.url, ANNA, 'limit-2', 'Bekræft')).text).toMatch(/Du har oprettet mange sager på kort tid/);
  });
});
