import { ActivityHandler, ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { toLocale, type Locale } from './locale.js';
import { messages } from './messages.js';

export interface AssistantBotOptions {
  /** Language when the activity does not say. Default da. */
  defaultLocale?: Locale;
}

const GREETING = /^\s*(hej|hejsa|goddag|godmorgen|hallo|hi|hello|hey|hjælp|hjaelp|help|menu|start)\s*[!.?]*\s*$/i;

/** Strips Teams `<at>…</at>` mentions and surrounding whitespace. */
export function cleanText(text: string | undefined): string {
  return (text ?? '').replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
}

/** The assistant's ActivityHandler: the first conversation (welcome, help). */
export class AssistantBot extends ActivityHandler {
  private readonly defaultLocale: Locale;

  constructor(options: AssistantBotOptions = {}) {
    super();
    this.defaultLocale = options.defaultLocale ?? 'da';

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (joined.length > 0) await this.sendWelcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const text = cleanText(context.activity.text);
      if (GREETING.test(text) || text === '') {
        await this.sendWelcome(context);
      } else {
        await context.sendActivity(messages(this.localeOf(context)).notUnderstood);
      }
      await next();
    });
  }

  localeOf(context: TurnContext): Locale {
    return toLocale(context.activity.locale, this.defaultLocale);
  }

  async sendWelcome(context: TurnContext): Promise<void> {
    const m = messages(this.localeOf(context));
    const reply = MessageFactory.suggestedActions([m.actionAsk, m.actionCreateCase, m.actionMyCases], m.welcome);
    reply.textFormat = 'markdown';
    await context.sendActivity(reply);
  }
}

// Re-exported so callers need not import botbuilder for these two.
export { ActivityTypes, CardFactory };
