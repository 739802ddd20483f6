import { markVerifiedFromId } from '../../bot/verified-identity.js';
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type MiddlewareHandler,
  type ResourceResponse,
} from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';
import type { Logger } from '../../bot/logger.js';
import type { WebChatStore } from './webchat-store.js';

/** The channel id of web chat activities (what Azure's Direct Line reports for Web Chat too). */
export const WEBCHAT_CHANNEL_ID = 'webchat';

/**
 * The service URL of web chat activities and conversation references. Nothing is posted to it:
 * a reference with channelId `webchat` is delivered through {@link DirectLineBotAdapter}.
 */
export const WEBCHAT_SERVICE_URL = 'urn:serviceportal-assistant:webchat';

export class WebChatError extends Error {
  constructor(
    readonly code: 'WEBCHAT.NO_CONVERSATION' | 'WEBCHAT.BAD_ACTIVITY_ID',
    message: string,
  ) {
    super(message);
    this.name = 'WebChatError';
  }
}

export type TurnLogic = (context: TurnContext) => Promise<void>;

export interface DirectLineBotAdapterOptions {
  store: WebChatStore;
  /** The bot's account in web chat activities. */
  bot: ChannelAccount;
  /** The service URL written into activities and conversation references. */
  serviceUrl: string;
  logger: Logger;
  /** The same turn-error handler as the CloudAdapter's. */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** Middleware run on every turn, in order (the turn logging shared with the CloudAdapter). */
  middleware?: readonly MiddlewareHandler[];
}

/**
 * A BotAdapter for the built-in Direct Line endpoint: turns run in this process with no HTTP
 * round trip, and what the bot sends is stored in the conversation's activity log (and wakes its
 * streams) instead of being posted to a Bot Connector service.
 */
export class DirectLineBotAdapter extends BotAdapter {
  readonly bot: ChannelAccount;
  readonly serviceUrl: string;
  private readonly store: WebChatStore;
  private readonly logger: Logger;
  /** Turns of one conversation run one after another in this process, in arrival order. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(options: DirectLineBotAdapterOptions) {
    super();
    this.store = options.store;
    this.bot = { ...options.bot, role: 'bot' };
    this.serviceUrl = options.serviceUrl;
    this.logger = options.logger;
    this.onTurnError = options.onTurnError;
    for (const handler of options.middleware ?? []) this.use(handler);
  }

  /** Runs a turn for an activity from the client (already stored and stamped by the endpoint). */
  processActivity(activity: Partial<Activity>, logic: TurnLogic): Promise<void> {
    const conversationId = activity.conversation?.id ?? '';
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => {
      const context = new TurnContext(this, activity);
      // The endpoint stamped `from` from the signed token: vouch for it to the user resolver.
      if (activity.from?.id) markVerifiedFromId(context, activity.from.id);
      return this.runMiddleware(context, logic);
    });
    const settled = turn.catch(() => undefined);
    this.queues.set(conversationId, settled);
    void settled.then(() => {
      if (this.queues.get(conversationId) === settled) this.queues.delete(conversationId);
    });
    return turn;
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      switch (activity.type) {
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, typeof activity.value === 'number' ? activity.value : 1000));
          responses.push({ id: '' });
          break;
        case ActivityTypes.InvokeResponse:
        case ActivityTypes.Trace:
          // Direct Line carries no invoke responses; traces are for the Emulator only.
          responses.push({ id: '' });
          break;
        case ActivityTypes.Typing:
          responses.push(await this.sendEphemeral(conversationIdOf(context, activity), activity));
          break;
        default:
          responses.push(await this.appendBotActivity(referenceOf(context, activity), activity));
      }
    }
    return responses;
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const conversationId = conversationIdOf(context, activity);
    if (!activity.id?.startsWith(`${conversationId}|`)) {
      throw new WebChatError('WEBCHAT.BAD_ACTIVITY_ID', `DirectLineBotAdapter: "${activity.id}" is not an activity of ${conversationId}`);
    }
    return this.appendBotActivity(referenceOf(context, activity), activity, activity.id);
  }

  override async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = reference.conversation?.id ?? context.activity.conversation?.id;
    if (!conversationId || !reference.activityId) return;
    // Removed from the history; a page that already shows it keeps it until reloaded.
    await this.store.deleteActivity(conversationId, reference.activityId);
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation', id: randomUUID(), timestamp: new Date() },
      { ...reference, bot: reference.bot ?? this.bot, channelId: WEBCHAT_CHANNEL_ID, serviceUrl: this.serviceUrl },
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override async continueConversationAsync(
    _botAppIdOrClaimsIdentity: string | ClaimsIdentity,
    reference: Partial<ConversationReference>,
    logicOrAudience: TurnLogic | string,
    maybeLogic?: TurnLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new TypeError('DirectLineBotAdapter.continueConversationAsync: no logic given');
    await this.continueConversation(reference, logic);
  }

  /**
   * Appends a bot activity to a stored conversation and wakes its streams, outside any turn: the
   * way to deliver a proactive message (a case notification) to web chat from a stored
   * ConversationReference. Throws WEBCHAT.NO_CONVERSATION when the conversation is gone.
   */
  async appendBotActivity(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity> | string,
    replacesActivityId?: string,
  ): Promise<ResourceResponse> {
    const conversationId = reference.conversation?.id;
    if (!conversationId) throw new WebChatError('WEBCHAT.NO_CONVERSATION', 'DirectLineBotAdapter: the reference has no conversation');
    const base: Partial<Activity> = typeof activity === 'string' ? { type: ActivityTypes.Message, text: activity } : activity;
    const { id: _ignored, ...rest } = base;
    const complete: Partial<Activity> = {
      ...rest,
      type: base.type ?? ActivityTypes.Message,
      channelId: WEBCHAT_CHANNEL_ID,
      serviceUrl: this.serviceUrl,
      timestamp: new Date(),
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { ...this.bot, ...(base.from ?? reference.bot ?? {}), role: 'bot' },
      ...(reference.user ? { recipient: { ...reference.user, role: 'user' } } : {}),
    };
    const stored = await this.store.append(conversationId, complete, replacesActivityId);
    if (!stored) throw new WebChatError('WEBCHAT.NO_CONVERSATION', `DirectLineBotAdapter: conversation ${conversationId} does not exist`);
    await this.wake({ conversationId, kind: 'appended', seq: stored.seq });
    return { id: String(stored.activity.id) };
  }

  private async sendEphemeral(conversationId: string, activity: Partial<Activity>): Promise<ResourceResponse> {
    const id = `${conversationId}|e-${randomUUID()}`;
    await this.wake({
      conversationId,
      kind: 'ephemeral',
      activity: { ...activity, id, from: { ...this.bot, role: 'bot' }, timestamp: new Date() },
    });
    return { id };
  }

  private async wake(event: Parameters<WebChatStore['notify']>[0]): Promise<void> {
    try {
      await this.store.notify(event);
    } catch (error: unknown) {
      // Stored is delivered: streams also check periodically and polling clients read the table.
      this.logger.warn({ err: error, conversationId: event.conversationId }, 'webchat: could not wake the streams');
    }
  }
}

function conversationIdOf(context: TurnContext, activity: Partial<Activity>): string {
  return activity.conversation?.id ?? context.activity.conversation?.id ?? '';
}

function referenceOf(context: TurnContext, activity: Partial<Activity>): Partial<ConversationReference> {
  return {
    conversation: { ...context.activity.conversation, id: conversationIdOf(context, activity) },
    user: activity.recipient ?? context.activity.from,
    bot: activity.from ?? context.activity.recipient,
  };
}
