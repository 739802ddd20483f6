import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebChatTokens } from '../../../adapters/webchat/tokens.js';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { connectToSchema, createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';
import {
  call,
  getActivities,
  isWelcome,
  message,
  portalToken,
  postActivity,
  startConversation,
  StreamRecorder,
  TOKEN_SECRET,
  WEBCHAT_ENV,
  type ActivityGroup,
  type DlActivity,
  type DlConversation,
} from '../../support/direct-line-client.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
const METTE = 'mette@eksempelstyrelsen.dk';

describe.each(DATABASE_KINDS)('the Direct Line endpoint on %s', (kind) => {
  let assistant: TestAssistant;
  let url: string;
  let dl: string;

  beforeAll(async () => {
    assistant = await startTestAssistant(kind, { ...WEBCHAT_ENV, MAX_BODY_BYTES: '4096' });
    url = assistant.url;
    dl = `${url}/v3/directline`;
  });
  afterAll(async () => {
    await assistant.dispose();
  });

  async function conversationOf(user: string): Promise<DlConversation> {
    return startConversation(url, await portalToken(url, user));
  }

  describe('when no token is sent', () => {
    it('refuses every conversation route with 401', async () => {
      const conversation = await conversationOf(ANNA);
      const id = conversation.conversationId;
      const responses = await Promise.all([
        call(`${dl}/conversations`, { method: 'POST', raw: '{}' }),
        call(`${dl}/conversations/${id}`),
        call(`${dl}/conversations/${id}/activities`),
        call(`${dl}/conversations/${id}/activities`, { body: message('hej') }),
        call(`${dl}/tokens/refresh`, { method: 'POST', raw: '{}' }),
      ]);
      expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
      expect(responses[0]?.body).toMatchObject({ code: 'WEBCHAT.TOKEN_MISSING' });
    });
  });

  describe('when the token is not one of ours', () => {
    it.each([
      ['garbage', async () => 'not-a-token'],
      ['signed with another key', async () => (await new WebChatTokens({ secret: 'x'.repeat(40), ttlSeconds: 1800 }).issue({ userId: ANNA, userName: 'Anna', scope: 'user' })).token],
    ])('refuses a %s token with 401', async (_name, make) => {
      const response = await call(`${dl}/conversations`, { method: 'POST', raw: '{}', token: await make() });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'WEBCHAT.TOKEN_INVALID' });
    });
  });

  describe('when the token has expired', () => {
    it('refuses it with 403 everywhere, refresh included', async () => {
      const conversation = await conversationOf(ANNA);
      const past = new WebChatTokens({ secret: TOKEN_SECRET, ttlSeconds: 960, now: () => Math.floor(Date.now() / 1000) - 3600 });
      const expired = (await past.issue({ userId: ANNA, userName: 'Anna', scope: 'conversation', conversationId: conversation.conversationId })).token;
      const expiredUser = (await past.issue({ userId: ANNA, userName: 'Anna', scope: 'user' })).token;
      const stale = { conversationId: conversation.conversationId, token: expired };
      const responses = await Promise.all([
        getActivities(url, stale),
        postActivity(url, stale, message('hej')),
        call(`${dl}/tokens/refresh`, { method: 'POST', raw: '{}', token: expired }),
        call(`${dl}/conversations`, { method: 'POST', raw: '{}', token: expiredUser }),
      ]);
      expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403]);
      expect(responses[0]?.body).toMatchObject({ code: 'WEBCHAT.TOKEN_EXPIRED' });
    });
  });

  describe('when the portal asks for a token', () => {
    it('needs the portal secret', async () => {
      const missing = await call(`${url}/api/webchat/token`, { body: { user: ANNA } });
      const wrong = await call(`${url}/api/webchat/token`, { body: { user: ANNA }, token: 'wrong-secret-wrong-secret-wrong-secret' });
      expect([missing.status, wrong.status]).toEqual([401, 401]);
    });

    it('answers 400 with the reason for a bad body', async () => {
      const response = await call(`${url}/api/webchat/token`, { body: { user: 'not an e-mail' }, token: WEBCHAT_ENV.PORTAL_API_SECRET });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'WEBCHAT.BAD_REQUEST', message: expect.stringContaining('user') });
    });

    it('issues a user token whose subject is the e-mail, normalised', async () => {
      const response = await call(`${url}/api/webchat/token`, { body: { user: ' Anna@Eksempelstyrelsen.DK ' }, token: WEBCHAT_ENV.PORTAL_API_SECRET });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ userId: ANNA, expires_in: 1800, token: expect.any(String) });
    });
  });

  describe('when a conversation is started', () => {
    it('answers 201 with a conversation token and a WebSocket streamUrl, and the bot has welcomed the user', async () => {
      const started = await call(`${dl}/conversations`, { method: 'POST', raw: '{"locale":"da-DK"}', token: await portalToken(url, ANNA) });
      expect(started.status).toBe(201);
      const conversation = started.body as DlConversation;
      expect(conversation.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${conversation.conversationId}/stream\\?`));
      const { body } = await getActivities(url, conversation);
      const group = body as ActivityGroup;
      expect(group.activities).toHaveLength(1);
      expect(isWelcome(group.activities[0] ?? {})).toBe(true);
      expect(group.activities[0]).toMatchObject({ channelId: 'webchat', recipient: { id: ANNA }, conversation: { id: conversation.conversationId } });
    });
  });

  describe('when the client writes someone else in from.id', () => {
    it('stores and delivers the token subject instead', async () => {
      const conversation = await conversationOf(ANNA);
      const posted = await postActivity(url, conversation, message('hej', {
        from: { id: METTE, name: 'Mette', role: 'bot' },
        recipient: { id: 'someone' },
        conversation: { id: 'another' },
        channelData: { clientActivityID: 'client-1' },
      }));
      expect(posted.status).toBe(200);
      const id = (posted.body as { id: string }).id;
      const { body } = await getActivities(url, conversation);
      const mine = (body as ActivityGroup).activities.find((a) => a.id === id);
      expect(mine).toMatchObject({
        from: { id: ANNA, name: ANNA, role: 'user' },
        conversation: { id: conversation.conversationId },
        channelData: { clientActivityID: 'client-1' },
        text: 'hej',
      });
      const reply = (body as ActivityGroup).activities.find((a) => a.replyToId === id);
      expect(reply).toMatchObject({ from: { role: 'bot' }, recipient: { id: ANNA } });
    });
  });

  describe("when another conversation's token is used", () => {
    it('refuses reading and writing with 403', async () => {
      const annas = await conversationOf(ANNA);
      const annasOther = await conversationOf(ANNA);
      const mettes = await conversationOf(METTE);
      for (const intruder of [annasOther, mettes]) {
        const borrowed = { conversationId: annas.conversationId, token: intruder.token };
        const [read, write, resume] = await Promise.all([
          getActivities(url, borrowed),
          postActivity(url, borrowed, message('hej')),
          call(`${dl}/conversations/${annas.conversationId}`, { token: intruder.token }),
        ]);
        expect([read.status, write.status, resume.status]).toEqual([403, 403, 403]);
        expect(read.body).toMatchObject({ code: 'WEBCHAT.WRONG_CONVERSATION' });
      }
      const { body } = await getActivities(url, annas);
      expect((body as ActivityGroup).activities).toHaveLength(1); // only the welcome
    });

    it("refuses another user's user token, and lets the same user resume", async () => {
      const annas = await conversationOf(ANNA);
      const other = await call(`${dl}/conversations/${annas.conversationId}`, { token: await portalToken(url, METTE) });
      expect(other.status).toBe(403);
      const resumed = await call(`${dl}/conversations/${annas.conversationId}`, { token: await portalToken(url, ANNA) });
      expect(resumed.status).toBe(200);
      const bound = resumed.body as DlConversation;
      expect(bound.conversationId).toBe(annas.conversationId);
      expect((await getActivities(url, bound)).status).toBe(200);
    });

    it('refuses a user token on the activities routes', async () => {
      const annas = await conversationOf(ANNA);
      const userToken = { conversationId: annas.conversationId, token: await portalToken(url, ANNA) };
      expect((await getActivities(url, userToken)).status).toBe(403);
    });
  });

  describe('when the client polls with a watermark', () => {
    it('gets only what came after it, and the watermark of the last activity', async () => {
      const conversation = await conversationOf(ANNA);
      const first = (await getActivities(url, conversation, '')).body as ActivityGroup;
      expect(first.activities).toHaveLength(1);
      const w1 = first.watermark ?? '';
      await postActivity(url, conversation, message('hej'));
      const second = (await getActivities(url, conversation, w1)).body as ActivityGroup;
      expect(second.activities.map((a) => [a.from?.role, a.type])).toEqual([
        ['user', 'message'],
        ['bot', 'message'],
      ]);
      expect(Number(second.watermark)).toBe(Number(w1) + 2);
      const third = (await getActivities(url, conversation, second.watermark)).body as ActivityGroup;
      expect(third).toEqual({ activities: [], watermark: second.watermark });
      const all = (await getActivities(url, conversation)).body as ActivityGroup;
      expect(all.activities.map((a) => a.id)).toEqual([...first.activities, ...second.activities].map((a) => a.id));
    });

    it('answers 400 for a watermark that is not a number', async () => {
      const conversation = await conversationOf(ANNA);
      const response = await getActivities(url, conversation, 'abc');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ message: expect.stringContaining('watermark') });
    });
  });

  describe('when the client listens on the WebSocket stream', () => {
    it("receives the bot's welcome, then the echo of its own message and the reply", async () => {
      const conversation = await conversationOf(ANNA);
      const stream = await StreamRecorder.open(conversation.streamUrl);
      try {
        await stream.waitFor((all) => all.some(isWelcome));
        const posted = await postActivity(url, conversation, message('hvad kan du?', { channelData: { clientActivityID: 'c-42' } }));
        const id = (posted.body as { id: string }).id;
        await stream.waitFor((all) => all.some((a) => a.replyToId === id));
        const echo = stream.activities.find((a) => a.id === id);
        expect(echo).toMatchObject({ from: { id: ANNA, role: 'user' }, channelData: { clientActivityID: 'c-42' } });
        expect(stream.watermarks.map(Number)).toEqual([...stream.watermarks.map(Number)].sort((a, b) => a - b));
      } finally {
        await stream.close();
      }
    });

    it('resumes after the watermark it was given', async () => {
      const conversation = await conversationOf(ANNA);
      await postActivity(url, conversation, message('hej'));
      const all = ((await getActivities(url, conversation)).body as ActivityGroup).activities;
      const resumed = await call(`${dl}/conversations/${conversation.conversationId}?watermark=2`, { token: conversation.token });
      const stream = await StreamRecorder.open((resumed.body as DlConversation).streamUrl);
      try {
        await stream.waitFor((got) => got.length >= all.length - 2);
        await new Promise((r) => setTimeout(r, 200));
        expect(stream.activities.map((a) => a.id)).toEqual(all.slice(2).map((a) => a.id));
      } finally {
        await stream.close();
      }
    });

    it('refuses a stream URL without a token, or pointed at another conversation', async () => {
      const annas = await conversationOf(ANNA);
      const mettes = await conversationOf(METTE);
      const noToken = annas.streamUrl.replace(/&t=[^&]+/, '');
      const elsewhere = mettes.streamUrl.replace(mettes.conversationId, annas.conversationId);
      expect(await StreamRecorder.refusal(noToken)).toBe(401);
      expect(await StreamRecorder.refusal(elsewhere)).toBe(403);
      // A conversation token is not a stream token.
      const withConversationToken = annas.streamUrl.replace(/t=[^&]+/, `t=${annas.token}`);
      expect(await StreamRecorder.refusal(withConversationToken)).toBe(403);
    });
  });

  describe('when the portal generates a Direct Line token (tokens/generate)', () => {
    it('binds it to a new conversation that starts, with one welcome, on POST conversations', async () => {
      const generated = await call(`${dl}/tokens/generate`, { token: WEBCHAT_ENV.PORTAL_API_SECRET, body: { user: { id: METTE, name: 'Mette Madsen' } } });
      expect(generated.status).toBe(200);
      const bound = generated.body as DlConversation;
      const first = await call(`${dl}/conversations`, { method: 'POST', raw: '{}', token: bound.token });
      const again = await call(`${dl}/conversations`, { method: 'POST', raw: '{}', token: bound.token });
      expect([first.status, again.status]).toEqual([201, 200]);
      expect((first.body as DlConversation).conversationId).toBe(bound.conversationId);
      const { body } = await getActivities(url, bound);
      const activities = (body as ActivityGroup).activities;
      expect(activities.filter(isWelcome)).toHaveLength(1);
      expect(activities[0]).toMatchObject({ recipient: { id: METTE, name: 'Mette Madsen' } });
    });
  });

  describe('when the token is refreshed', () => {
    it('returns a new token for the same conversation that works', async () => {
      const conversation = await conversationOf(ANNA);
      const refreshed = await call(`${dl}/tokens/refresh`, { method: 'POST', raw: '{}', token: conversation.token });
      expect(refreshed.status).toBe(200);
      const body = refreshed.body as { token: string; conversationId: string };
      expect(body.conversationId).toBe(conversation.conversationId);
      expect((await getActivities(url, { conversationId: conversation.conversationId, token: body.token })).status).toBe(200);
    });
  });

  describe('when the activity body is bad', () => {
    it.each([
      ['invalid JSON', '{"type":', 400],
      ['a message with neither text nor value', '{"type":"message"}', 400],
      ['an unknown type', '{"type":"deleteUserData","text":"x"}', 400],
      ['a body over MAX_BODY_BYTES', JSON.stringify(message('x'.repeat(6000))), 413],
    ])('answers %s with the right status and a reason', async (_name, raw, status) => {
      const conversation = await conversationOf(ANNA);
      const response = await call(`${dl}/conversations/${conversation.conversationId}/activities`, { token: conversation.token, raw });
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ message: expect.any(String) });
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    });
  });

  describe('when the activity carries hostile input', () => {
    it('strips control characters (NUL included) and refuses deep nesting', async () => {
      const conversation = await conversationOf(ANNA);
      const posted = await postActivity(url, conversation, message('he\u0000j\u0007'));
      expect(posted.status).toBe(200);
      const id = (posted.body as { id: string }).id;
      const { body } = await getActivities(url, conversation);
      expect((body as ActivityGroup).activities.find((a) => a.id === id)?.text).toBe('hej');
      let deep: Record<string, unknown> = {};
      for (let i = 0; i < 40; i++) deep = { d: deep };
      const refused = await postActivity(url, conversation, message('hej', { value: deep }));
      expect(refused.status).toBe(400);
    });
  });

  describe('in demo mode', () => {
    it('hands out tokens for demo users only', async () => {
      const ok = await call(`${url}/api/demo/token?user=${encodeURIComponent(ANNA)}`);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ userId: ANNA, userName: 'Anna Andersen' });
      const conversation = await startConversation(url, (ok.body as { token: string }).token);
      const { body } = await getActivities(url, conversation);
      expect((body as ActivityGroup).activities[0]).toMatchObject({ recipient: { id: ANNA, name: 'Anna Andersen' } });
      expect((await call(`${url}/api/demo/token?user=mallory@example.com`)).status).toBe(400);
    });
  });
});

describe('the Direct Line endpoint outside demo mode', () => {
  it('has no demo token route and no picker', async () => {
    const assistant = await startTestAssistant('pglite', { ...WEBCHAT_ENV, DEMO_MODE: 'false' });
    try {
      expect((await call(`${assistant.url}/api/demo/token?user=anna@eksempelstyrelsen.dk`)).status).toBe(404);
      const page = await (await fetch(`${assistant.url}/`)).text();
      expect(page).not.toContain('demo-user');
    } finally {
      await assistant.dispose();
    }
  });

  it('answers 503 for portal tokens when PORTAL_API_SECRET is unset', async () => {
    const assistant = await startTestAssistant('pglite', { WEBCHAT_TOKEN_SECRET: TOKEN_SECRET, DEMO_MODE: 'false' });
    try {
      const response = await call(`${assistant.url}/api/webchat/token`, { body: { user: ANNA }, token: WEBCHAT_ENV.PORTAL_API_SECRET });
      expect(response.status).toBe(503);
    } finally {
      await assistant.dispose();
    }
  });
});

describe('two assistant processes on one PostgreSQL', () => {
  let world: TestDatabase;
  let a: TestAssistant;
  let b: TestAssistant;

  beforeAll(async () => {
    world = await createTestDatabase('postgres');
    const second = connectToSchema(world.schema ?? '');
    a = await startTestAssistant('postgres', WEBCHAT_ENV, world);
    b = await startTestAssistant('postgres', WEBCHAT_ENV, { db: second, dispose: () => second.close() });
  });
  afterAll(async () => {
    await a.dispose();
    await b.dispose();
    await world.dispose();
  });

  describe('when the user posts to one and listens on the other', () => {
    it("streams the other process's reply (LISTEN/NOTIFY) and serves the same history", async () => {
      const conversation = await startConversation(a.url, await portalToken(a.url, ANNA));
      const onB = (await call(`${b.url}/v3/directline/conversations/${conversation.conversationId}`, { token: conversation.token })).body as DlConversation;
      const stream = await StreamRecorder.open(onB.streamUrl);
      try {
        await stream.waitFor((all) => all.some(isWelcome));
        const posted = await postActivity(a.url, conversation, message('hej'));
        const id = (posted.body as { id: string }).id;
        const started = Date.now();
        await stream.waitFor((all) => all.some((x: DlActivity) => x.replyToId === id), 5000);
        // Woken by NOTIFY, not by the 15-second check.
        expect(Date.now() - started).toBeLessThan(3000);
        const fromA = ((await getActivities(a.url, conversation)).body as ActivityGroup).activities.map((x) => x.id);
        const fromB = ((await getActivities(b.url, onB)).body as ActivityGroup).activities.map((x) => x.id);
        expect(fromB).toEqual(fromA);
      } finally {
        await stream.close();
      }
    });
  });
});
