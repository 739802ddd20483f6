import { ActivityTypes } from 'botbuilder';
import { DeliveryError, type ProactiveMessage, type ProactiveSender, type StoredReference } from '../../bot/notifications/ports.js';
import type { DirectLineBotAdapter } from './direct-line-bot-adapter.js';

/**
 * Proactive messages into a web chat conversation: stored with the conversation's activities, so
 * an open page receives it on its stream and a later visit sees it in the history. A conversation
 * that no longer exists is not retried; anything else (the database) is.
 */
export class WebChatSender implements ProactiveSender {
  constructor(private readonly adapter: DirectLineBotAdapter) {}

  async send(target: StoredReference, message: ProactiveMessage): Promise<void> {
    try {
      await this.adapter.appendBotActivity(target.reference, {
        type: ActivityTypes.Message,
        text: message.text,
        textFormat: 'plain',
        locale: message.locale === 'en' ? 'en-US' : 'da-DK',
      });
    } catch (error: unknown) {
      const gone = (error as { code?: unknown }).code === 'WEBCHAT.NO_CONVERSATION';
      throw new DeliveryError(`webchat: ${gone ? 'the conversation is gone' : 'could not store the message'}`, !gone, { cause: error });
    }
  }
}
