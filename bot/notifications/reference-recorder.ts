import { ActivityTypes, TurnContext, type MiddlewareHandler } from 'botbuilder';
import { cleanText } from '../assistant-bot.js';
import type { ChannelIdentity } from '../channel-identity.js';
import { languageOfUserWords } from '../language.js';
import { toLocale, type Locale } from '../locale.js';
import type { Logger } from '../logger.js';
import type { ConversationReferenceStore } from './ports.js';

/**
 * Remembers, on every incoming turn of a known user, the conversation to send their
 * notifications to (per channel) and their language: the one their own words were last written
 * in (Web Chat says da-DK whatever the user writes), else the activity's. A failure is logged and the turn goes on:
 * a missed update only means the previous conversation is used.
 */
export function recordConversationReferences(identity: ChannelIdentity, store: ConversationReferenceStore, logger: Logger, defaultLocale: Locale): MiddlewareHandler {
  return async (context, next) => {
    const activity = context.activity;
    if (activity.type === ActivityTypes.Message || activity.type === ActivityTypes.Invoke) {
      try {
        const who = await identity.resolve(context);
        if (who.userId) {
          const written = activity.type === ActivityTypes.Message ? languageOfUserWords(cleanText(activity.text)) : undefined;
          const locale = written ?? (await store.latest(who.userId))?.locale ?? toLocale(activity.locale, defaultLocale);
          await store.save(who.userId, TurnContext.getConversationReference(activity), locale);
        }
      } catch (error: unknown) {
        logger.warn({ err: error, conversationId: activity.conversation?.id, channelId: activity.channelId }, 'notify: could not store the conversation reference');
      }
    }
    await next();
  };
}
