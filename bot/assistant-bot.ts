import { ActivityHandler, ActivityTypes, CardFactory, MessageFactory, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { DIALOG_IDS } from '../dialogs/dialog-ids.js';
import type { ChannelAccount, IntentRecognizer, ResolvedIdentity, UserResolver } from '../dialogs/ports.js';
import { verifiedFromId } from './verified-identity.js';
import { setTurnInfo } from '../dialogs/turn.js';
import { detectLanguage } from '../knowledge/index.js';
import type { DirectoryStore } from '../portal/index.js';
import { toLocale, type Locale } from './locale.js';
import { messages } from './messages.js';
import { questionBelowFloor } from './recognizer.js';

/** What the assistant remembers about a channel user (user state): plain JSON. */
export interface UserProfile {
  /** The language the user last wrote in. */
  language?: Locale;
  /** A user registered in this chat whose channel gives no identity (only with authentication off). */
  userId?: string;
}

/** The conversations: wired by main.ts; without them the bot only welcomes. */
export interface Conversations {
  conversationState: ConversationState;
  userState: UserState;
  /** The root dialog (id DIALOG_IDS.main). */
  mainDialog: Dialog;
  recognizer: IntentRecognizer;
  resolver: UserResolver;
  directory: DirectoryStore;
  /** Authentication is on: a user remembered in user state is not trusted. */
  authEnabled: boolean;
}

export interface AssistantBotOptions {
  /** Language when neither the text nor the activity says. Default da. */
  defaultLocale?: Locale;
  conversations?: Conversations;
}

const GREETING = /^\s*(hej|hejsa|goddag|godmorgen|hallo|hi|hello|hey|hjælp|hjaelp|help|menu|start)\s*[!.?]*\s*$/i;

/** Strips Teams `<at>…</at>` mentions and surrounding whitespace. */
export function cleanText(text: string | undefined): string {
  return (text ?? '').replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
}

const DANISH_MARKERS = /[æøå]|\b(ja|nej|tak|hej|hejsa|hjælp|annuller|forfra|mine sager|vis flere|sag|sager|opret|og|jeg|hvad|hvordan|hvor|kan|skal|ikke|til|fra|på|med|er|det|den|en|et)\b/i;
const DANISH_LETTERS = /[æøå]/i;
const ENGLISH_MARKERS = /\b(yes|no|thanks|thank you|hello|help|cancel|start over|my cases|show more|case|cases|create|please|what|how|why|where|the|and|is|are|my|you|of|for|with)\b/i;

/**
 * The language of one text, when it shows one: English only where detectLanguage says so and English
 * words are there; Danish letters or words say Danish. Undefined for "1", "RejsUd", "help", an e-mail
 * (then the remembered language or the activity's locale decides).
 */
export function languageOf(text: string): Locale | undefined {
  if (text.trim() === '') return undefined;
  const detected = detectLanguage(text);
  const en = ENGLISH_MARKERS.test(text);
  const da = DANISH_MARKERS.test(text);
  // Danish letters outweigh the detector: "Løn mangler for to medarbejdere" is Danish.
  if (detected === 'en' && en && !DANISH_LETTERS.test(text)) return 'en';
  if (da) return 'da';
  if (en) return 'en';
  return undefined;
}

/** The assistant's ActivityHandler: language, identity and state per turn; the dialogs do the rest. */
export class AssistantBot extends ActivityHandler {
  private readonly defaultLocale: Locale;
  private conversations: Conversations | undefined;
  private dialogs: DialogSet | undefined;
  private profile: StatePropertyAccessor<UserProfile> | undefined;

  constructor(options: AssistantBotOptions = {}) {
    super();
    this.defaultLocale = options.defaultLocale ?? 'da';
    if (options.conversations) this.useConversations(options.conversations);

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (joined.length > 0) await this.sendWelcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      if (this.conversations) await this.converse(context, this.conversations);
      else await this.welcomeOnly(context);
      await next();
    });
  }

  /** Wires the conversations in (once; the main dialog needs the bot's welcome first). */
  useConversations(conversations: Conversations): void {
    const dialogState: StatePropertyAccessor<DialogState> = conversations.conversationState.createProperty('dialogState');
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(conversations.mainDialog);
    this.profile = conversations.userState.createProperty('profile');
    this.conversations = conversations;
  }

  localeOf(context: TurnContext): Locale {
    return toLocale(context.activity.locale, this.defaultLocale);
  }

  welcomeActivity(locale: Locale) {
    const m = messages(locale);
    const reply = MessageFactory.suggestedActions([m.actionAsk, m.actionCreateCase, m.actionMyCases], m.welcome);
    reply.textFormat = 'markdown';
    return reply;
  }

  async sendWelcome(context: TurnContext, locale: Locale = this.localeOf(context)): Promise<void> {
    await context.sendActivity(this.welcomeActivity(locale));
  }

  private async welcomeOnly(context: TurnContext): Promise<void> {
    const text = cleanText(context.activity.text);
    if (GREETING.test(text) || text === '') await this.sendWelcome(context);
    else await context.sendActivity(messages(this.localeOf(context)).notUnderstood);
  }

  private async converse(context: TurnContext, c: Conversations): Promise<void> {
    const dialogs = this.dialogs;
    const profileAccessor = this.profile;
    if (!dialogs || !profileAccessor) return;
    const activity = context.activity;
    const text = cleanText(activity.text);
    // Both states in parallel: one round trip's latency.
    await Promise.all([c.conversationState.load(context), c.userState.load(context)]);
    const profile = await profileAccessor.get(context, {});
    const lang = languageOf(text) ?? profile.language ?? this.localeOf(context);
    if (profile.language !== lang) profile.language = lang;

    const account: ChannelAccount = {
      channelId: activity.channelId,
      fromId: activity.from?.id ?? '',
      fromName: activity.from?.name,
      aadObjectId: activity.from?.aadObjectId,
      verifiedFromId: verifiedFromId(context),
    };
    let identity: Promise<ResolvedIdentity> | undefined;
    const resolve = async (): Promise<ResolvedIdentity> => {
      const resolved = await c.resolver.resolve(account);
      if (resolved.kind !== 'user' && profile.userId && !c.authEnabled) {
        const remembered = await c.directory.getUser(profile.userId);
        if (remembered) return { kind: 'user', user: remembered };
      }
      return resolved;
    };
    setTurnInfo(context, {
      lang,
      text,
      recognition: questionBelowFloor(c.recognizer.recognize(text)),
      account,
      identity: () => (identity ??= resolve()),
      remember: (user) => {
        profile.userId = user.id;
      },
    });

    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(DIALOG_IDS.main);
    await Promise.all([c.conversationState.saveChanges(context), c.userState.saveChanges(context)]);
  }
}

// Re-exported so callers need not import botbuilder for these two.
export { ActivityTypes, CardFactory };
