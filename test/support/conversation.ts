import { ConversationState, TestAdapter, UserState, type Activity } from 'botbuilder';
import { expect } from 'vitest';
import { PgCaseStore } from '../../adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from '../../adapters/postgres/pg-directory-store.js';
import { PgStorage } from '../../adapters/postgres/pg-storage.js';
import { AssistantBot } from '../../bot/assistant-bot.js';
import { NaturalIntentRecognizer } from '../../bot/recognizer.js';
import { ChannelUserResolver } from '../../bot/user-resolver.js';
import { MainDialog } from '../../dialogs/main.dialog.js';
import { PgDeskStore } from '../../adapters/postgres/pg-desk-store.js';
import { InMemoryFeedbackRecorder, type RouteDecision } from '../../dialogs/ports.js';
import { knowledgeBaseFor } from '../../main.js';
import type { KnowledgeBase } from '../../knowledge/index.js';
import { PortalService, seedDemoData, type Case } from '../../portal/index.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { AddressVerification, type VerificationCodeSender } from '../../dialogs/address-verification.js';
import { PgVerificationCodeStore } from '../../adapters/postgres/pg-verification-codes.js';
import { RecordingCodeSender } from '../fakes/recording-code-sender.js';

/** The whole conversation stack over the real database adapter (PGlite) with the demo data. */
export interface ConversationWorld {
  bot: AssistantBot;
  portal: PortalService;
  directory: PgDirectoryStore;
  cases: PgCaseStore;
  storage: PgStorage;
  feedback: InMemoryFeedbackRecorder;
  /** Deflected cases and the channel of chat-created cases, in the world's database. */
  desk: PgDeskStore;
  database: TestDatabase;
  /** The one-time codes registration sent (to typed addresses). */
  codes: RecordingCodeSender;
  /** A demo case by its subject. */
  demoCase(subject: string): Promise<Case>;
  allCases(): Promise<Case[]>;
  dispose(): Promise<void>;
}

let recognizer: NaturalIntentRecognizer | undefined;

export interface ConversationWorldOptions {
  pageSize?: number;
  /** Where one-time codes go. Default: {@link ConversationWorld.codes}, which keeps them. */
  codeSender?: VerificationCodeSender;
  /** The clock of the one-time codes. Default Date.now. */
  now?: () => number;
  /** Told every routing decision (the bot's `onRoute`). */
  onRoute?: (decision: RouteDecision) => void;
  /** The knowledge base. Default: the shipped articles. */
  knowledge?: KnowledgeBase;
}

export async function createConversationWorld(options: ConversationWorldOptions = {}): Promise<ConversationWorld> {
  const database = await createTestDatabase('pglite');
  const db = database.db;
  const directory = new PgDirectoryStore(db);
  const cases = new PgCaseStore(db);
  await seedDemoData(directory, cases);
  const portal = new PortalService({ cases, directory });
  const storage = new PgStorage(db);
  const feedback = new InMemoryFeedbackRecorder();
  const knowledge = options.knowledge ?? (await knowledgeBaseFor());
  const desk = new PgDeskStore(db);
  const bot = new AssistantBot();
  const codes = new RecordingCodeSender();
  const addressVerification = new AddressVerification({ store: new PgVerificationCodeStore(db), sender: options.codeSender ?? codes, ...(options.now ? { now: options.now } : {}) });
  const mainDialog = new MainDialog({
    portal,
    directory,
    knowledge,
    feedback,
    desk,
    contact: (lang) => knowledge.contact(lang),
    welcome: (lang) => bot.welcomeActivity(lang),
    pageSize: options.pageSize ?? 5,
    addressVerification,
  });
  recognizer ??= new NaturalIntentRecognizer();
  bot.useConversations({
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    mainDialog,
    recognizer,
    resolver: new ChannelUserResolver({ directory, authEnabled: false }),
    directory,
    authEnabled: false,
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
  });
  const allCases = async (): Promise<Case[]> => (await cases.search({}, { limit: 100 })).items;
  return {
    bot,
    portal,
    directory,
    cases,
    storage,
    feedback,
    desk,
    database,
    codes,
    allCases,
    async demoCase(subject) {
      const found = (await allCases()).find((c) => c.subject === subject);
      if (!found) throw new Error(`no demo case "${subject}"`);
      return found;
    },
    dispose: () => database.dispose(),
  };
}

/** What the bot answered to one user turn. */
export interface BotReply {
  /** All texts of the turn, joined by a blank line. */
  text: string;
  /** The suggested actions of the last message. */
  actions: string[];
  activities: Partial<Activity>[];
}

export type BotShould = string | RegExp | ((reply: BotReply) => void);
/** One row of a transcript table: what the user says, and what the bot's reply should contain/match. */
/** `userSays` as a function: worked out when the row is said (a code the bot has just sent). */
export type TranscriptRow = [userSays: string | (() => string), botShould: BotShould | BotShould[]];

let conversationCounter = 0;

/** One user in one conversation, talking to the bot through botbuilder's TestAdapter. */
export class Chat {
  readonly adapter: TestAdapter;
  readonly replies: BotReply[] = [];

  constructor(
    world: ConversationWorld,
    readonly from: string,
    options: { channelId?: string; locale?: string; name?: string; conversationId?: string } = {},
  ) {
    const conversationId = options.conversationId ?? `conv-${process.pid}-${++conversationCounter}`;
    this.adapter = new TestAdapter(async (context) => world.bot.run(context), {
      channelId: options.channelId ?? 'emulator',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: from, name: options.name ?? from },
      recipient: { id: 'bot', name: 'Assistent' },
      locale: options.locale ?? 'da-DK',
    });
  }

  async say(text: string): Promise<BotReply> {
    await this.adapter.processActivity({ type: 'message', text, locale: this.adapter.template.locale } as Partial<Activity>);
    const activities = this.adapter.activeQueue.splice(0);
    const messages = activities.filter((a) => a.type === 'message');
    const last = messages[messages.length - 1];
    const reply: BotReply = {
      text: messages.map((a) => a.text ?? '').join('\n\n'),
      actions: (last?.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value)),
      activities,
    };
    this.replies.push(reply);
    return reply;
  }

  /** Runs a transcript table, checking each reply. */
  async run(rows: readonly TranscriptRow[]): Promise<BotReply> {
    let last: BotReply | undefined;
    for (const [said, botShould] of rows) {
      const userSays = typeof said === 'function' ? said() : said;
      last = await this.say(userSays);
      for (const expectation of Array.isArray(botShould) ? botShould : [botShould]) {
        if (typeof expectation === 'string') expect(last.text, `after "${userSays}"`).toContain(expectation);
        else if (expectation instanceof RegExp) expect(last.text, `after "${userSays}"`).toMatch(expectation);
        else expectation(last);
      }
    }
    if (!last) throw new Error('empty transcript');
    return last;
  }
}

/** A reply expectation on the suggested actions. */
export function actions(...expected: string[]): (reply: BotReply) => void {
  return (reply) => expect(reply.actions).toEqual(expect.arrayContaining(expected));
}

/** A reply expectation that the text does not contain something. */
export function without(text: string | RegExp): (reply: BotReply) => void {
  return (reply) => (typeof text === 'string' ? expect(reply.text).not.toContain(text) : expect(reply.text).not.toMatch(text));
}

/** A reply expectation on how many messages the turn sent, and what each one holds (in order). */
export function messages(...each: readonly (readonly string[])[]): (reply: BotReply) => void {
  return (reply) => {
    const texts = reply.activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');
    expect(texts).toHaveLength(each.length);
    each.forEach((parts, i) => {
      let from = 0;
      for (const part of parts) {
        const at = (texts[i] ?? '').indexOf(part, from);
        expect(at, `message ${i + 1} should hold "${part}" after what came before: ${texts[i]}`).toBeGreaterThanOrEqual(0);
        from = at + part.length;
      }
    });
  };
}
