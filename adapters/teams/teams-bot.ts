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
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './cards/card-schema.js';
import type { CardReply, CardSubmissions } from './card-submissions.js';

export const TEAMS_CHANNEL = 'msteams';

export interface TeamsBotOptions {
  /** The assistant's own bot: everything the Teams path does not answer goes to it. */
  inner: ActivityHandlerBase;
  cards: CardSubmissions;
  logger: Logger;
  defaultLocale: Locale;
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
    if (activity.type === ActivityTypes.Message) {
      if (activity.entities?.some((e) => e.type === 'mention')) TurnContext.removeRecipientMention(activity);
      const lang = this.localeOf(context);
      const reply =
        activity.value !== undefined && activity.value !== null
          ? await this.options.cards.handleSubmission(context, activity.value, lang)
          : await this.options.cards.handleText(context, cleanTeamsText(activity.text), lang);
      if (reply) {
        await this.send(context, reply);
        return;
      }
    }
    return this.options.inner.run(context);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const lang = this.localeOf(context);
    const reply = await this.options.cards.handleSubmission(context, invokeValue.action?.data, lang);
    if (!reply) {
      return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Unknown card action.' } as never };
    }
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

  private localeOf(context: TurnContext): Locale {
    return toLocale(context.activity.locale, this.options.defaultLocale);
  }
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
