import { ActivityTypes, TurnContext, type Activity, type ConversationReference, type MiddlewareHandler } from 'botbuilder';
import { cleanText, RESUME_EVENT } from '../assistant-bot.js';
import type { ChannelIdentity } from '../channel-identity.js';
import { languageOfUserWords } from '../language.js';
import { toLocale, type Locale } from '../locale.js';
import type { Logger } from '../logger.js';
import type { ConversationReferenceStore } from './ports.js';

/** A conversation others read too (a Teams channel or group chat; any channel's group conversation). */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation as { isGroup?: boolean; conversationType?: string } | undefined;
  return conversation?.isGroup === true || conversation?.conversationType === 'channel' || conversation?.conversationType === 'groupChat';
}

/**
 * Where a user's notifications go, from a turn of theirs. A personal conversation is the target
 * itself. A shared one never is: what is kept of it is how to reach the user privately (the
 * channel, its service, the bot, the user and the tenant, without the conversation), and only
 * when nothing better is stored yet; the sender then opens the personal conversation.
 */
export function notificationTarget(activity: Partial<Activity>): { reference: Partial<ConversationReference>; keepExisting: boolean } {
  const reference = TurnContext.getConversationReference(activity);
  if (!isSharedConversation(activity)) return { reference, keepExisting: false };
  const { conversation, activityId: _activityId, ...rest } = reference;
  const tenantId = (conversation as { tenantId?: string } | undefined)?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  // The personal conversation is not known yet: no id, only its kind and tenant.
  const personal = { isGroup: false, conversationType: 'personal', ...(tenantId ? { tenantId } : {}) } as ConversationReference['conversation'];
  return { reference: { ...rest, conversation: personal }, keepExisting: true };
}

/** Stores the notification target of one turn of a known user (see {@link notificationTarget}). */
export function conversationReferenceRecorder(identity: ChannelIdentity, store: ConversationReferenceStore, logger: Logger, defaultLocale: Locale): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    try {
      const who = await identity.resolve(context);
      if (!who.userId) return;
      const { reference, keepExisting } = notificationTarget(activity);
      // The language of the user's own last words; else the one stored with them; else the activity's.
      const written = activity.type === ActivityTypes.Message ? languageOfUserWords(cleanText(activity.text)) : undefined;
      const locale = written ?? (await store.latest(who.userId))?.locale ?? toLocale(activity.locale, defaultLocale);
      await store.save(who.userId, reference, locale, { keepExisting });
    } catch (error: unknown) {
      logger.warn({ err: error, conversationId: activity.conversation?.id, channelId: activity.channelId }, 'notify: could not store the conversation reference');
    }
  };
}

/**
 * The turns that say where a user is: their messages and card actions, and also opening the chat
 * (web chat's conversationUpdate, its resume event, the Teams app installed for them), so a user
 * who has never written (a shared mailbox's member) is reached too.
 */
const RECORDED: ReadonlySet<string> = new Set([ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate]);

function recorded(activity: Partial<Activity>): boolean {
  // Only the page's own resume event: the SDK's events (a created conversation's) are not a user's turn.
  return RECORDED.has(activity.type ?? '') || (activity.type === ActivityTypes.Event && activity.name === RESUME_EVENT);
}

/**
 * Remembers, on every incoming turn of a known user, the conversation to send their
 * notifications to (per channel) and their language: the one their own words were last written
 * in (Web Chat says da-DK whatever the user writes), else the activity's. A failure is logged and the turn goes on:
 * a missed update only means the previous conversation is used.
 */
export function recordConversationReferences(identity: ChannelIdentity, store: ConversationReferenceStore, logger: Logger, defaultLocale: Locale): MiddlewareHandler {
  const record = conversationReferenceRecorder(identity, store, logger, defaultLocale);
  return async (context, next) => {
    if (recorded(context.activity)) await record(context);
    await next();
  };
}
