/**
 * Teams channels and group chats are read by everyone in them: the assistant answers knowledge
 * questions there, and continues everything personal in a 1:1 conversation with the member. The
 * 1:1 conversation comes from the Bot Framework createConversation call (members: the member; the
 * tenant from the activity), which in Teams answers the existing personal chat when there is one.
 */
import { ActivityTypes, MessageFactory, TurnContext, type Activity, type CloudAdapter, type ConversationParameters } from 'botbuilder';
import type { Logger } from '../../bot/logger.js';
import type { PrivateConversations, PrivateOutcome } from '../../bot/private-conversations.js';
import type { Language } from '../../portal/index.js';
import { teamsReplies } from '../../dialogs/cards/card-texts.js';

export const TEAMS_CHANNEL_ID = 'msteams';
/** The audience of Bot Connector calls when the incoming turn does not say. */
export const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/** A Teams conversation's scope, from the activity. */
export type TeamsScope = 'personal' | 'channel' | 'groupChat';

export function teamsScope(activity: Partial<Activity>): TeamsScope {
  const type = (activity.conversation as { conversationType?: string } | undefined)?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || activity.conversation?.isGroup === true) return 'groupChat';
  return 'personal';
}

/** The tenant of a Teams activity (conversation.tenantId, else channelData.tenant.id). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromConversation = (activity.conversation as { tenantId?: string } | undefined)?.tenantId;
  const fromChannelData = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return fromConversation ?? fromChannelData;
}

/** The parameters of a 1:1 conversation between the bot and one member. */
export function personalConversationParameters(bot: Activity['recipient'], member: Activity['from'], tenantId: string | undefined): ConversationParameters {
  return {
    isGroup: false,
    bot,
    members: [{ id: member.id, name: member.name ?? '' }],
    ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
  } as ConversationParameters;
}

export interface TeamsPrivateConversationsOptions {
  adapter: Pick<CloudAdapter, 'createConversationAsync'>;
  /** The bot's app id (empty with authentication off). */
  appId: string;
  logger: Logger;
  /** Runs first in every private turn (the conversation reference of the 1:1 chat is recorded). */
  onPrivateTurn?: (context: TurnContext) => Promise<void>;
}

export class TeamsPrivateConversations implements PrivateConversations {
  constructor(private readonly options: TeamsPrivateConversationsOptions) {}

  isShared(context: TurnContext): boolean {
    return context.activity.channelId === TEAMS_CHANNEL_ID && teamsScope(context.activity) !== 'personal';
  }

  async continueInPrivate(context: TurnContext, run: (privateContext: TurnContext) => Promise<void>, lang: Language): Promise<PrivateOutcome> {
    const activity = context.activity;
    const tenantId = tenantOf(activity);
    const audience = (context.turnState.get(context.adapter.OAuthScopeKey) as string | undefined) ?? BOT_CONNECTOR_AUDIENCE;
    let conversationId: string | undefined;
    try {
      await this.options.adapter.createConversationAsync(
        this.options.appId,
        TEAMS_CHANNEL_ID,
        activity.serviceUrl,
        audience,
        personalConversationParameters(activity.recipient, activity.from, tenantId),
        async (created) => {
          conversationId = created.activity.conversation.id;
          const privateContext = new TurnContext(created.adapter, privateActivity(activity, conversationId, tenantId));
          // The connector client, identity and scope of the created conversation.
          created.turnState.forEach((value, key) => privateContext.turnState.set(key, value));
          await this.options.onPrivateTurn?.(privateContext);
          await run(privateContext);
        },
      );
    } catch (error: unknown) {
      if (conversationId !== undefined) throw error; // the turn itself failed, not the conversation
      const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
      const reason = typeof status === 'number' ? `HTTP ${status}` : 'create conversation failed';
      this.options.logger.warn({ err: error, conversationId: activity.conversation?.id, status }, 'teams: could not open a private chat with the member');
      await context.sendActivity(notice(teamsReplies(lang).privateRefused));
      return { kind: 'refused', reason };
    }
    await context.sendActivity(notice(teamsReplies(lang).answeredPrivately));
    this.options.logger.info({ conversationId: activity.conversation?.id, scope: teamsScope(activity) }, 'teams: a personal turn continued in the private chat');
    return { kind: 'moved', conversationId: conversationId ?? '' };
  }
}

/** The member's activity as if written in the 1:1 conversation: nothing of the shared conversation kept. */
export function privateActivity(activity: Activity, conversationId: string, tenantId: string | undefined): Activity {
  const { replyToId: _replyToId, channelData: _channelData, conversation: _conversation, ...rest } = activity;
  return {
    ...rest,
    type: activity.type ?? ActivityTypes.Message,
    conversation: { id: conversationId, conversationType: 'personal', isGroup: false, name: '', ...(tenantId ? { tenantId } : {}) },
    ...(tenantId ? { channelData: { tenant: { id: tenantId } } } : {}),
    ...(activity.entities ? { entities: activity.entities.filter((e) => e.type !== 'mention') } : {}),
  } as Activity;
}

function notice(text: string): Partial<Activity> {
  const message = MessageFactory.text(text);
  message.textFormat = 'plain';
  return message;
}
