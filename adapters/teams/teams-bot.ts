import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  ShowTypingMiddleware,
  TeamsActivityHandler,
  TurnContext,
  type ActivityHandlerBase,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MiddlewareHandler,
} from 'botbuilder';
import { toLocale, type Locale } from '../../bot/locale.js';
import type { Logger } from '../../bot/logger.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../dialogs/cards/card-schema.js';
import type { CardReply, CardSubmissions } from './card-submissions.js';
import { cardTexts, teamsReplies } from '../../dialogs/cards/card-texts.js';
import { REFRESH_VERB, renderButtonsCard, renderWelcomeCard } from '../../dialogs/cards/render.js';
import { TEAMS_CHANNEL_ID, teamsScope, type TeamsPrivateConversations } from './teams-private-conversations.js';

export const TEAMS_CHANNEL = TEAMS_CHANNEL_ID;

export interface TeamsBotOptions {
  /** The assistant's own bot: everything the Teams path does not answer goes to it. */
  inner: ActivityHandlerBase;
  cards: CardSubmissions;
  logger: Logger;
  defaultLocale: Locale;
  /** Channels and group chats: personal cards and submissions continue in the member's 1:1 chat. Default: answered in place. */
  privates?: TeamsPrivateConversations;
  /**
   * The app installed in a member's personal scope: what changed in their cases and their shared
   * mailboxes' cases ("Siden sidst"), after the welcome. Default: the welcome only.
   */
  news?: (context: TurnContext) => Promise<unknown>;
}

/**
 * The Teams path in front of the assistant's bot: mentions stripped, card submissions
 * (Action.Submit as a message with `value`, Action.Execute as an `adaptiveCard/action` invoke
 * answered in the HTTP response) and the card answers to "opret sag", status and "mine sager".
 * Every other activity, and every activity of another channel, goes to the inner bot unchanged.
 */
export class TeamsBot extends TeamsActivityHandler {
  constructor(private readonly options: TeamsBotOptions) {
    super();
  }

  override async run(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.channelId !== TEAMS_CHANNEL) return this.options.inner.run(context);
    if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') return super.run(context);
    if (activity.type === ActivityTypes.InstallationUpdate) return this.welcome(context);
    // Teams welcomes with installationUpdate; a member joining a team is no reason to post a welcome.
    if (activity.type === ActivityTypes.ConversationUpdate) return;
    const shared = this.options.privates?.isShared(context) === true;
    if (shared) buttonsInsteadOfSuggestedActions(context);
    if (activity.type === ActivityTypes.Message) {
      if (activity.entities?.some((e) => e.type === 'mention')) TurnContext.removeRecipientMention(activity);
      const lang = this.localeOf(context);
      const { privates, cards } = this.options;
      const text = cleanTeamsText(activity.text);
      const submission = cards.isCardSubmission(activity.value);
      if (shared && privates && !(submission && cards.isForeign(context, activity.value))) {
        // A personal card, or the submission of one: answered in the member's private chat.
        if (submission || cards.isCardRequest(text)) {
          await privates.continueInPrivate(context, (privateContext) => this.run(privateContext), lang);
          return;
        }
      }
      const reply = (submission ? await cards.handleSubmission(context, activity.value, lang) : undefined) ?? (await cards.handleText(context, text, lang));
      if (reply) {
        await this.send(context, reply);
        return;
      }
    }
    return this.options.inner.run(context);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const lang = this.localeOf(context);
    const { cards, privates } = this.options;
    const data = invokeValue.action?.data;
    // Universal Actions refresh: each viewer gets their own version of the card.
    if (invokeValue.action?.verb === REFRESH_VERB) {
      const refreshed = await cards.refresh(context, data, lang);
      return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: refreshed.card as never };
    }
    if (privates?.isShared(context) && cards.isCardSubmission(data) && !cards.isForeign(context, data)) {
      // The owner's card in a shared conversation: the answer goes to the private chat, the card stays.
      const asMessage = { ...context.activity, type: ActivityTypes.Message, name: undefined, value: data } as typeof context.activity;
      const messageContext = new TurnContext(context.adapter, asMessage);
      context.turnState.forEach((value, key) => messageContext.turnState.set(key, value));
      await privates.continueInPrivate(messageContext, (privateContext) => this.run(privateContext), lang);
      return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: teamsReplies(lang).answeredPrivately as never };
    }
    const reply = await cards.handleSubmission(context, data, lang);
    if (!reply) {
      return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Unknown card action.' } as never };
    }
    if (reply.refused) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: (reply.messages[0] ?? '') as never };
    for (const text of reply.messages) await context.sendActivity(markdown(text));
    for (const card of reply.cards ?? []) await context.sendActivity(cardMessage(card));
    if (reply.card && !reply.replace) await context.sendActivity(cardMessage(reply.card));
    if (reply.card && reply.replace) return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: reply.card as never };
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: (reply.messages[0] ?? '') as never };
  }

  private async send(context: TurnContext, reply: CardReply): Promise<void> {
    const replyToId = context.activity.replyToId;
    if (reply.card) {
      let replaced = false;
      if (reply.replace && replyToId) {
        try {
          await context.updateActivity({ ...cardMessage(reply.card), id: replyToId });
          replaced = true;
        } catch (error: unknown) {
          this.options.logger.warn({ err: error, conversationId: context.activity.conversation?.id }, 'teams: could not update the submitted card; sending a new one');
        }
      }
      if (!replaced) await context.sendActivity(cardMessage(reply.card));
    }
    for (const text of reply.messages) await context.sendActivity(markdown(text));
    for (const card of reply.cards ?? []) await context.sendActivity(cardMessage(card));
  }

  /** The app was added to a personal chat, a team or a group chat: a short welcome card. */
  private async welcome(context: TurnContext): Promise<void> {
    const action = (context.activity as { action?: string }).action;
    if (action !== undefined && action !== 'add') return;
    const lang = this.localeOf(context);
    const t = cardTexts(lang);
    const scope = teamsScope(context.activity);
    const buttons =
      scope === 'personal'
        ? [t.welcomeAsk, t.welcomeCreateCase, t.welcomeMyCases].map((title) => ({ title, text: title }))
        : [{ title: t.welcomeAsk, text: t.welcomeAsk }];
    await context.sendActivity(cardMessage(renderWelcomeCard(lang, scope === 'channel' ? 'team' : scope, buttons)));
    if (scope === 'personal' && this.options.news) {
      await this.options.news(context).catch((error: unknown) => {
        this.options.logger.warn({ err: error, conversationId: context.activity.conversation?.id }, 'teams: could not tell what changed since last time');
      });
    }
  }

  private localeOf(context: TurnContext): Locale {
    return toLocale(context.activity.locale, this.options.defaultLocale);
  }
}

/**
 * Teams shows suggested actions only in personal chats: in a channel or group chat each reply's
 * suggested actions become the buttons of a card attached to the same message.
 */
function buttonsInsteadOfSuggestedActions(context: TurnContext): void {
  const lang = toLocale(context.activity.locale, 'da');
  context.onSendActivities(async (_context, activities, next) => {
    for (const activity of activities) {
      const titles = (activity.suggestedActions?.actions ?? []).map((a) => a.title ?? String(a.value ?? '')).filter((t) => t !== '');
      if (titles.length === 0) continue;
      delete activity.suggestedActions;
      activity.attachments = [...(activity.attachments ?? []), CardFactory.adaptiveCard(renderButtonsCard(titles, lang))];
    }
    return next();
  });
}

/** A message with one Adaptive Card. */
export function cardMessage(card: AdaptiveCard): ReturnType<typeof MessageFactory.attachment> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

function markdown(text: string): ReturnType<typeof MessageFactory.text> {
  const message = MessageFactory.text(text);
  message.textFormat = 'markdown';
  return message;
}

/** The text of a Teams message without `<at>` mentions, HTML tags Teams adds, and extra spaces. */
export function cleanTeamsText(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Typing indicator for Teams turns that take time: after `delayMs` without a reply, "…typing"
 * is shown and repeated every `periodMs` until the turn answers.
 */
export function teamsTyping(delayMs: number, periodMs = 2000): MiddlewareHandler {
  const typing = new ShowTypingMiddleware(delayMs, periodMs);
  return (context, next) => (context.activity.channelId === TEAMS_CHANNEL ? typing.onTurn(context, next) : next());
}
