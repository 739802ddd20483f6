import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { turnLoggingMiddleware } from '../../../adapters/http/bot-adapter.js';
import { PgWebChatStore } from '../../../adapters/postgres/pg-webchat-store.js';
import { DirectLineBotAdapter, WEBCHAT_SERVICE_URL, type TurnLogic } from '../../../adapters/webchat/direct-line-bot-adapter.js';
import type { Logger } from '../../../bot/logger.js';
import { createTurnErrorHandler } from '../../../bot/turn-error.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

const BOT = { id: 'serviceportal-assistant', name: 'Serviceportalens assistent' };
const ANNA = { id: 'anna@eksempelstyrelsen.dk', name: 'Anna Andersen' };

function capturingLogger(lines: Array<{ level: string; object: Record<string, unknown>; message?: string }>): Logger {
  const at = (level: string) => (objectOrMessage: Record<string, unknown> | string, message?: string) => {
    if (typeof objectOrMessage === 'string') lines.push({ level, object: {}, message: objectOrMessage });
    else lines.push({ level, object: objectOrMessage, ...(message === undefined ? {} : { message }) });
  };
  const logger: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), child: () => logger };
  return logger;
}

let counter = 0;

describe('DirectLineBotAdapter', () => {
  let world: TestDatabase;
  let store: PgWebChatStore;
  let adapter: DirectLineBotAdapter;
  const lines: Array<{ level: string; object: Record<string, unknown>; message?: string }> = [];

  beforeAll(async () => {
    world = await createTestDatabase('pglite');
    store = new PgWebChatStore(world.db);
    const logger = capturingLogger(lines);
    adapter = new DirectLineBotAdapter({
      store,
      bot: BOT,
      serviceUrl: WEBCHAT_SERVICE_URL,
      logger,
      onTurnError: createTurnErrorHandler(logger, 'da'),
      middleware: [turnLoggingMiddleware(logger)],
    });
  });
  afterAll(async () => {
    await store.close();
    await world.dispose();
  });

  async function conversation(): Promise<string> {
    const id = `c-${++counter}`;
    await store.createConversation({ id, userId: ANNA.id, userName: ANNA.name });
    return id;
  }

  function incoming(conversationId: string, text: string): Partial<Activity> {
    return {
      type: 'message',
      id: `${conversationId}|in-${text}`,
      text,
      channelId: 'webchat',
      serviceUrl: WEBCHAT_SERVICE_URL,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { ...ANNA, role: 'user' },
      recipient: { ...BOT, role: 'bot' },
      locale: 'da-DK',
    };
  }

  const texts = async (conversationId: string) => (await store.activitiesAfter(conversationId, 0, 100)).map((a) => a.activity.text);

  describe('when a turn runs', () => {
    it('runs the shared turn-logging middleware and stores the replies as the bot', async () => {
      const id = await conversation();
      await adapter.processActivity(incoming(id, 'hej'), async (context) => {
        await context.sendActivities([{ type: 'message', text: 'svar 1' }, { type: 'trace', name: 'x' }, { type: 'message', text: 'svar 2' }]);
      });
      const stored = await store.activitiesAfter(id, 0, 100);
      expect(stored.map((a) => a.activity.text)).toEqual(['svar 1', 'svar 2']);
      expect(stored[0]?.activity).toMatchObject({ from: { id: BOT.id, role: 'bot' }, recipient: { id: ANNA.id }, replyToId: `${id}|in-hej`, channelId: 'webchat' });
      expect(lines.some((l) => l.message === 'turn' && l.object.conversationId === id && l.object.channelId === 'webchat')).toBe(true);
    });

    it('runs the turns of one conversation one after another', async () => {
      const id = await conversation();
      const slow: TurnLogic = async (context) => {
        await new Promise((r) => setTimeout(r, 150));
        await context.sendActivity('først');
      };
      const fast: TurnLogic = async (context) => {
        await context.sendActivity('bagefter');
      };
      await Promise.all([adapter.processActivity(incoming(id, 'a'), slow), adapter.processActivity(incoming(id, 'b'), fast)]);
      expect(await texts(id)).toEqual(['først', 'bagefter']);
    });
  });

  describe('when the bot throws', () => {
    it('goes through the one turn-error handler: logged, and the user told in Danish', async () => {
      const id = await conversation();
      await adapter.processActivity(incoming(id, 'hej'), async () => {
        throw Object.assign(new Error('boom'), { code: 'TEST.BOOM' });
      });
      expect(lines.some((l) => l.message === 'turn: unhandled error' && l.object.conversationId === id && l.object.code === 'TEST.BOOM')).toBe(true);
      expect((await texts(id))[0]).toMatch(/^Beklager, der gik noget galt/);
    });
  });

  describe('when the bot updates an activity', () => {
    it('appends the new version under the same id', async () => {
      const id = await conversation();
      await adapter.processActivity(incoming(id, 'hej'), async (context) => {
        const sent = await context.sendActivity('kort');
        await context.updateActivity({ type: 'message', id: sent?.id, text: 'kort (indsendt)' });
      });
      const stored = await store.activitiesAfter(id, 0, 100);
      expect(stored.map((a) => [a.activity.id, a.activity.text])).toEqual([
        [`${id}|0000001`, 'kort'],
        [`${id}|0000001`, 'kort (indsendt)'],
      ]);
    });
  });

  describe('when a proactive message is sent from a stored conversation reference', () => {
    it('appends it with appendBotActivity, and with continueConversationAsync', async () => {
      const id = await conversation();
      const reference = TurnContext.getConversationReference(incoming(id, 'hej')) as Partial<ConversationReference>;
      const events: unknown[] = [];
      const unsubscribe = await store.subscribe((e) => events.push(e));
      const response = await adapter.appendBotActivity(reference, 'Din sag SA-2026-000123 er nu løst.');
      expect(response.id).toBe(`${id}|0000001`);
      await adapter.continueConversationAsync(BOT.id, reference, async (context) => {
        await context.sendActivity('Ny kommentar på din sag.');
      });
      expect(await texts(id)).toEqual(['Din sag SA-2026-000123 er nu løst.', 'Ny kommentar på din sag.']);
      const stored = await store.activitiesAfter(id, 0, 100);
      for (const a of stored) expect(a.activity).toMatchObject({ from: { id: BOT.id, role: 'bot' }, recipient: { id: ANNA.id }, conversation: { id } });
      expect(events).toContainEqual({ conversationId: id, kind: 'appended', seq: 1 });
      await unsubscribe();
    });

    it('throws WEBCHAT.NO_CONVERSATION when the conversation is gone', async () => {
      const reference = { conversation: { id: 'gone', isGroup: false, conversationType: 'personal', name: '' }, channelId: 'webchat' };
      await expect(adapter.appendBotActivity(reference, 'hej')).rejects.toMatchObject({ code: 'WEBCHAT.NO_CONVERSATION' });
    });
  });
});
