import { ActivityHandler, ActivityTypes, CardFactory, MessageFactory, type Activity, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import { DialogSet, type Dialog, type DialogState } from '../dialogs/dialog-stack.js';
import { DIALOG_IDS } from '../dialogs/dialog-ids.js';
import type { ChannelAccount, Expectation, IntentRecognizer, Language, PreviousAnswer, ResolvedIdentity, RouteDecision, UserResolver } from '../dialogs/ports.js';
import type { AnswerResult } from '../knowledge/index.js';
import { decide, readInContext, typedOption } from './routing.js';
import { languageOfUserWords, userWords } from './language.js';
import { verifiedFromId } from './verified-identity.js';
import type { ChannelIdentity } from './channel-identity.js';
import { setTurnInfo } from '../dialogs/turn.js';
import { z } from 'zod';
import { caseNumberSchema, normaliseEmail, type DirectoryStore, type User } from '../portal/index.js';
import { toLocale, type Locale } from './locale.js';
import { messages } from './messages.js';
import { answerableInPublic, type PrivateConversations } from './private-conversations.js';

/** What the assistant remembers about a channel user (user state): plain JSON. */
export interface UserProfile {
  /** The language the user last wrote in. */
  language?: Locale;
  /** A user registered in this chat whose channel gives no identity (only with authentication off). */
  userId?: string;
  /** When the user last saw the assistant (ISO): what changed in their cases after it is told on opening the chat. */
  lastSeenAt?: string;
}

/** The conversations: wired by main.ts; without them the bot only welcomes. */
export interface Conversations {
  conversationState: ConversationState;
  userState: UserState;
  /** The root dialog (id DIALOG_IDS.main); it says what the conversation waits for. */
  mainDialog: Dialog & {
    expectation(state: DialogState | undefined): Expectation;
    /** The knowledge base's answer to a text (the router weighs it). */
    knowledge(text: string, lang: Language, about?: string, own?: string, within?: string): AnswerResult;
    /** English when the text is English keywords (no function word tells), else undefined. */
    keywordLanguage?(text: string): Language | undefined;
    /** The answer shown last in the conversation, for a follow-up question ("hvem skal bruge det?"). */
    previousAnswer?(state: DialogState | undefined): PreviousAnswer | undefined;
    /** "Siden sidst: …": what changed in the user's cases after `since`, or undefined. */
    sinceLastSeen?(user: User, since: string, lang: Language): Promise<Partial<Activity> | undefined>;
  };
  /** Told every routing decision (for the log: never the text). */
  onRoute?: (decision: RouteDecision, context: TurnContext) => void;
  recognizer: IntentRecognizer;
  resolver: UserResolver;
  directory: DirectoryStore;
  /** Authentication is on: a user remembered in user state is not trusted. */
  authEnabled: boolean;
  /** Shared conversations (Teams channels, group chats): personal turns continue in a 1:1 conversation. Default none. */
  privateConversations?: PrivateConversations;
  /**
   * What the channel itself vouches for (Teams: the roster's e-mail of the member). A person the
   * resolver knows only by an external identity gets this e-mail for registration, which then needs
   * no one-time code; without it (the roster lookup failed) they type the address and prove it.
   * Default none.
   */
  channelIdentity?: ChannelIdentity;
}

export interface AssistantBotOptions {
  /** Language when neither the text nor the activity says. Default da. */
  defaultLocale?: Locale;
  conversations?: Conversations;
  /**
   * A user the assistant has never seen (no "last seen" stamp: e.g. a shared mailbox's member who
   * never wrote) is told what changed in this window before their first visit. Default 14 days.
   */
  firstVisitWindowMs?: number;
}

/**
 * The event the web chat page sends when it resumes a stored conversation. The server sets its
 * `value.lastActivityAt` (when the conversation last had an activity, so what the page already
 * shows in its history is not told again); a client's own value is never trusted.
 */
export const RESUME_EVENT = 'serviceportal/resume';

const GREETING = /^\s*(hej|hejsa|goddag|godmorgen|hallo|hi|hello|hey|hjælp|hjaelp|help|menu|start)\s*[!.?]*\s*$/i;

/** How stale the "last seen" stamp may be before a turn renews it. */
const LAST_SEEN_GRANULARITY_MS = 60_000;

const caseButton = z.object({ formStep: z.enum(['caseStatus', 'reply']), caseNumber: caseNumberSchema });

/** The request a case card's button stands for ("status SA-…", "svar på SA-…"), or undefined for any other value. */
export function cardRequestText(value: unknown): string | undefined {
  const parsed = caseButton.safeParse(value);
  if (!parsed.success) return undefined;
  return parsed.data.formStep === 'caseStatus' ? `status ${parsed.data.caseNumber}` : `svar på ${parsed.data.caseNumber}`;
}

/** The server-set `lastActivityAt` of a resume event (ISO), if it is one. */
function lastActivityAt(value: unknown): string | undefined {
  const at = typeof value === 'object' && value !== null ? (value as { lastActivityAt?: unknown }).lastActivityAt : undefined;
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? new Date(at).toISOString() : undefined;
}

/** Strips Teams `<at>…</at>` mentions and surrounding whitespace. */
export function cleanText(text: string | undefined): string {
  return (text ?? '').replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
}

/** The assistant's ActivityHandler: language, identity and state per turn; the dialogs do the rest. */
export class AssistantBot extends ActivityHandler {
  private readonly defaultLocale: Locale;
  private conversations: Conversations | undefined;
  private dialogs: DialogSet | undefined;
  private profile: StatePropertyAccessor<UserProfile> | undefined;
  private dialogState: StatePropertyAccessor<DialogState> | undefined;

  private readonly firstVisitWindowMs: number;

  constructor(options: AssistantBotOptions = {}) {
    super();
    this.defaultLocale = options.defaultLocale ?? 'da';
    this.firstVisitWindowMs = options.firstVisitWindowMs ?? 14 * 24 * 60 * 60 * 1000;
    if (options.conversations) this.useConversations(options.conversations);

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (joined.length > 0) {
        if (this.conversations) await this.openConversation(context, this.conversations);
        else await this.sendWelcome(context);
      }
      await next();
    });

    // The web chat page came back to a stored conversation: what changed since, no welcome again.
    this.onEvent(async (context, next) => {
      if (context.activity.name === RESUME_EVENT && this.conversations) await this.tellNews(context, this.conversations, lastActivityAt(context.activity.value));
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
    this.dialogs = new DialogSet();
    this.dialogState = dialogState;
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

  /**
   * A new conversation: first what changed in the user's cases since they last saw the assistant
   * ("Siden sidst"), then the welcome, in the language they last wrote in.
   */
  private async openConversation(context: TurnContext, c: Conversations): Promise<void> {
    const locale = await this.tellNews(context, c);
    await this.sendWelcome(context, locale);
  }

  /**
   * Tells the user of this turn what others did on their cases and their shared mailboxes' cases
   * since they last saw the assistant (or, never seen, in {@link AssistantBotOptions.firstVisitWindowMs}),
   * and not before `floor` (what the conversation already shows), then stamps "last seen", so the
   * same news is never told twice. Answers the user's language. A failed look-up tells nothing.
   */
  async tellNews(context: TurnContext, c: Conversations | undefined = this.conversations, floor?: string): Promise<Locale> {
    const profileAccessor = this.profile;
    if (!profileAccessor || !c) return this.localeOf(context);
    await c.userState.load(context);
    const profile = await profileAccessor.get(context, {});
    const locale = profile.language ?? this.localeOf(context);
    const activity = context.activity;
    const resolved = await c.resolver
      .resolve({ channelId: activity.channelId, fromId: activity.from?.id ?? '', fromName: activity.from?.name, aadObjectId: activity.from?.aadObjectId, verifiedFromId: verifiedFromId(context) })
      .catch((): ResolvedIdentity => ({ kind: 'anonymous' }));
    const user = resolved.kind === 'user' ? resolved.user : profile.userId && !c.authEnabled ? await c.directory.getUser(profile.userId) : undefined;
    if (!user) return locale;
    const now = new Date();
    const seen = profile.lastSeenAt ?? new Date(now.getTime() - this.firstVisitWindowMs).toISOString();
    const since = floor && floor > seen ? floor : seen;
    if (c.mainDialog.sinceLastSeen) {
      const news = await c.mainDialog.sinceLastSeen(user, since, locale).catch(() => undefined);
      if (news) await context.sendActivity(news);
    }
    profile.lastSeenAt = now.toISOString();
    await c.userState.saveChanges(context);
    return locale;
  }

  private async welcomeOnly(context: TurnContext): Promise<void> {
    const text = cleanText(context.activity.text);
    if (GREETING.test(text) || text === '') await this.sendWelcome(context);
    else await context.sendActivity(messages(this.localeOf(context)).notUnderstood);
  }

  private async converse(context: TurnContext, c: Conversations): Promise<void> {
    const dialogs = this.dialogs;
    const profileAccessor = this.profile;
    const dialogStateAccessor = this.dialogState;
    if (!dialogs || !profileAccessor || !dialogStateAccessor) return;
    const activity = context.activity;
    // Both states in parallel: one round trip's latency.
    await Promise.all([c.conversationState.load(context), c.userState.load(context)]);
    const profile = await profileAccessor.get(context, {});
    // A card's "Vis"/"Svar" on a case is the request the user could have typed.
    const cardText = cleanText(activity.text) === '' ? cardRequestText(activity.value) : undefined;
    const text = cardText ?? cleanText(activity.text);
    const dialogState = await dialogStateAccessor.get(context);
    const expectation = c.mainDialog.expectation(dialogState);
    // Only the user's own words change the language: not a button's value or a typed option, a
    // product name, a case number or an e-mail.
    const picksOption = cardText !== undefined || typedOption(expectation, text) !== undefined;
    // The user's own words decide; English keywords ("maternity fund refund rate") are English too when they
    // are a new request — not a value typed at a field ("'); DROP TABLE …" is no sign of English).
    const keywords = expectation.kind === 'none' ? c.mainDialog.keywordLanguage?.(userWords(text)) : undefined;
    // Read in the light of what was asked: "nej det gjorde det ikke" answers "Hjalp det?".
    const recognition = readInContext(c.recognizer.recognize(text), expectation, text);
    // A language asked for ("og på engelsk?", "I don't speak Danish") is the language, whatever the words are written in.
    const asked = recognition.intent.kind === 'language' ? recognition.intent.to : undefined;
    const lang = asked ?? (picksOption ? undefined : (languageOfUserWords(text) ?? keywords)) ?? profile.language ?? this.localeOf(context);
    if (profile.language !== lang) profile.language = lang;
    // When the user was last here ("Siden sidst"), to the minute: a stamp on every turn would make
    // every turn write the user state. A change in the last minute may be told again, never missed.
    const now = Date.now();
    if (!profile.lastSeenAt || now - Date.parse(profile.lastSeenAt) >= LAST_SEEN_GRANULARITY_MS) profile.lastSeenAt = new Date(now).toISOString();
    const previous = c.mainDialog.previousAnswer?.(dialogState);
    const decision = decide({ text, lang, recognition, expectation, knowledge: (t, l, about, own, within) => c.mainDialog.knowledge(t, l, about, own, within), ...(previous ? { previous } : {}) });
    c.onRoute?.(decision, context);

    // Shared conversations (issue 13): only knowledge and small talk are answered where others read.
    const privates = c.privateConversations;
    if (privates?.isShared(context) && !answerableInPublic(decision, expectation, text, (t) => typedOption(expectation, t)?.id)) {
      await privates.continueInPrivate(context, (privateContext) => this.converse(privateContext, c), lang);
      return;
    }

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
      if (resolved.kind === 'unregistered' && resolved.email === undefined && resolved.identity && c.channelIdentity) {
        const vouched = await c.channelIdentity.resolve(context).catch(() => undefined);
        const known = vouched?.userId ? await c.directory.getUser(vouched.userId) : undefined;
        if (known) return { kind: 'user', user: known };
        const email = vouched?.email ? normaliseEmail(vouched.email) : undefined;
        if (email) return { ...resolved, email };
      }
      return resolved;
    };
    setTurnInfo(context, {
      lang,
      text,
      recognition,
      decision,
      ...(decision.route.kind === 'answer' && decision.route.inDoubt ? { answerInDoubt: true } : {}),
      account,
      identity: () => (identity ??= resolve()),
      remember: (user) => {
        profile.userId = user.id;
      },
    });

    const dc = dialogs.createContext(context, dialogState ?? (await dialogStateAccessor.get(context, { dialogStack: [] })));
    const result = await dc.continueDialog();
    if (result.status === 'empty') await dc.beginDialog(DIALOG_IDS.main);
    await Promise.all([c.conversationState.saveChanges(context), c.userState.saveChanges(context)]);
  }
}

// Re-exported so callers need not import botbuilder for these two.
export { ActivityTypes, CardFactory };
