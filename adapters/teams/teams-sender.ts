/**
 * Notifications in Teams: only ever to the user's personal chat with the assistant, as a card.
 * A stored reference with a personal conversation is continued; one without (the user has only
 * written in channels or group chats) opens the personal chat with createConversation first and
 * stores it. When Teams refuses that (the app is not available to the user), the delivery is
 * recorded as skipped.
 */
import { CardFactory, TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { classify } from '../http/bot-connector-sender.js';
import type { Logger } from '../../bot/logger.js';
import { isSharedConversation } from '../../bot/notifications/reference-recorder.js';
import { DeliveryError, type ConversationReferenceStore, type ProactiveMessage, type ProactiveSender, type StoredReference } from '../../bot/notifications/ports.js';
import { renderNotificationCard, type CardActionKind } from '../../dialogs/cards/render.js';
import { BOT_CONNECTOR_AUDIENCE, personalConversationParameters, TEAMS_CHANNEL_ID } from './teams-private-conversations.js';

/** Statuses with which Teams refuses a conversation with a user for good (not installed, blocked, unknown). */
const REFUSED_STATUSES: ReadonlySet<number> = new Set([400, 403, 404]);

export interface TeamsSenderOptions {
  adapter: Pick<CloudAdapter, 'createConversationAsync' | 'continueConversationAsync'>;
  appId: string;
  references: ConversationReferenceStore;
  logger: Logger;
  /** The action type of the card's buttons. Default submit. */
  action?: CardActionKind;
}

export class TeamsProactiveSender implements ProactiveSender {
  constructor(private readonly options: TeamsSenderOptions) {}

  async send(target: StoredReference, message: ProactiveMessage): Promise<void> {
    const reference = target.reference;
    const conversation = reference.conversation;
    const personal = conversation?.id && !isSharedConversation({ conversation });
    if (personal) {
      await this.inConversation(reference, message);
      return;
    }
    await this.openPersonal(target, message);
  }

  private activityFor(reference: Partial<ConversationReference>, message: ProactiveMessage): Partial<Activity> {
    const locale = message.locale === 'en' ? 'en-US' : 'da-DK';
    const card = message.event ? renderNotificationCard(message.event, message.locale, { ownerId: reference.user?.id, action: this.options.action ?? 'submit' }) : undefined;
    // With a card, the text's first line is only the summary a notification banner shows.
    return card
      ? { type: 'message', summary: message.text.split('\n')[0] ?? '', locale, attachments: [CardFactory.adaptiveCard(card)] }
      : { type: 'message', text: message.text, textFormat: 'plain', locale };
  }

  private async inConversation(reference: Partial<ConversationReference>, message: ProactiveMessage): Promise<void> {
    let failure: unknown;
    let sent = false;
    try {
      await this.options.adapter.continueConversationAsync(this.options.appId, reference, async (context) => {
        try {
          await context.sendActivity(this.activityFor(reference, message));
          sent = true;
        } catch (error: unknown) {
          failure = error;
        }
      });
    } catch (error: unknown) {
      failure ??= error;
    }
    if (failure !== undefined) throw classify(failure);
    if (!sent) throw new DeliveryError('teams: the proactive turn ended before the message was sent', true);
  }

  private async openPersonal(target: StoredReference, message: ProactiveMessage): Promise<void> {
    const reference = target.reference;
    if (!reference.serviceUrl || !reference.user?.id || !reference.bot) {
      throw new DeliveryError('teams: the stored reference cannot reach the user privately', false, { skip: true });
    }
    const tenantId = (reference.conversation as { tenantId?: string } | undefined)?.tenantId;
    let opened: Partial<ConversationReference> | undefined;
    let failure: unknown;
    try {
      await this.options.adapter.createConversationAsync(
        this.options.appId,
        TEAMS_CHANNEL_ID,
        reference.serviceUrl,
        BOT_CONNECTOR_AUDIENCE,
        personalConversationParameters(reference.bot, reference.user, tenantId),
        async (context) => {
          opened = {
            ...TurnContext.getConversationReference(context.activity),
            user: reference.user,
            bot: reference.bot,
            conversation: { ...context.activity.conversation, conversationType: 'personal', isGroup: false },
          };
          try {
            await context.sendActivity(this.activityFor(opened, message));
          } catch (error: unknown) {
            failure = error;
          }
        },
      );
    } catch (error: unknown) {
      if (opened === undefined) {
        const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
        if (typeof status === 'number' && REFUSED_STATUSES.has(status)) {
          throw new DeliveryError(`teams: the personal chat could not be opened (HTTP ${status})`, false, { status, skip: true, cause: error });
        }
      }
      failure ??= error;
    }
    if (opened && target.userId) {
      // Stored as the user's target even when the send failed: the retry goes there directly.
      await this.options.references.save(target.userId, opened, target.locale).catch((error: unknown) => this.options.logger.warn({ err: error, userId: target.userId }, 'teams: could not store the personal chat'));
    }
    if (failure !== undefined) throw classify(failure);
    if (!opened) throw new DeliveryError('teams: the personal chat was not opened', true);
  }
}
