/**
 * One dialog on its own, talked to through botbuilder's TestAdapter: the test plays the router,
 * setting the turn info (language, and whether the router is in doubt that the text answers the
 * question) that the bot sets before the dialogs run.
 */
import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { DialogSet, type Dialog, type DialogContext, type DialogState } from '../../dialogs/dialog-stack.js';
import { expect } from 'vitest';
import type { Language } from '../../dialogs/ports.js';
import { setTurnInfo } from '../../dialogs/turn.js';
import { InMemoryCaseStore } from '../fakes/in-memory-case-store.js';
import { InMemoryDirectoryStore } from '../fakes/in-memory-directory-store.js';
import { PortalService, seedDemoData, type User } from '../../portal/index.js';

export interface Reply {
  /** All texts of the turn, joined by a blank line. */
  text: string;
  /** How many messages the turn sent. */
  messages: number;
  /** The suggested actions of the last message. */
  actions: string[];
}

export type Check = string | RegExp | ((reply: Reply) => void);
/** What the user says (`{ doubt }`: the router is not sure it answers the question), and what the reply must hold. */
/** `userSays` as a function: worked out when the row is said (a code the dialog has just sent). */
export type Row = [userSays: string | { doubt: string } | (() => string), botShould: Check | Check[]];

export function actions(...expected: string[]): (reply: Reply) => void {
  return (reply) => expect(reply.actions).toEqual(expect.arrayContaining(expected));
}

export function without(text: string | RegExp): (reply: Reply) => void {
  return (reply) => (typeof text === 'string' ? expect(reply.text).not.toContain(text) : expect(reply.text).not.toMatch(text));
}

export function oneMessage(reply: Reply): void {
  expect(reply.messages).toBe(1);
}

/** The portal over in-memory stores with the demo data. */
export async function demoPortal(): Promise<{ portal: PortalService; directory: InMemoryDirectoryStore; cases: InMemoryCaseStore; user(email: string): Promise<User> }> {
  const directory = new InMemoryDirectoryStore();
  const cases = new InMemoryCaseStore();
  await seedDemoData(directory, cases);
  return {
    portal: new PortalService({ cases, directory }),
    directory,
    cases,
    async user(email) {
      const user = await directory.getUserByEmail(email);
      if (!user) throw new Error(`no demo user ${email}`);
      return user;
    },
  };
}

export class DialogChat {
  private readonly adapter: TestAdapter;
  private doubt = false;
  readonly remembered: User[] = [];

  /** `begin` starts the dialog on the first turn, with that turn's text. */
  constructor(dialog: Dialog, begin: (dc: DialogContext, text: string) => Promise<unknown>, lang: Language = 'da') {
    const conversationState = new ConversationState(new MemoryStorage());
    const dialogState = conversationState.createProperty<DialogState>('dialogState');
    const dialogs = new DialogSet().add(dialog);
    this.adapter = new TestAdapter(async (context) => {
      const text = context.activity.text ?? '';
      setTurnInfo(context, {
        lang,
        text,
        recognition: { intent: { kind: 'question' }, command: false, confidence: 0, scores: {}, slots: {} },
        decision: { route: { kind: 'answer', inDoubt: this.doubt }, intent: 'question', confidence: 0, expecting: 'none', reason: 'answer-to-dialog' },
        account: { channelId: 'test', fromId: 'user' },
        identity: () => Promise.resolve({ kind: 'anonymous' }),
        remember: (user) => this.remembered.push(user),
        ...(this.doubt ? { answerInDoubt: true } : {}),
      });
      const dc = dialogs.createContext(context, await dialogState.get(context, { dialogStack: [] }));
      const result = await dc.continueDialog();
      if (result.status === 'empty') await begin(dc, text);
      await conversationState.saveChanges(context);
    });
  }

  async say(said: string | { doubt: string }): Promise<Reply> {
    this.doubt = typeof said !== 'string';
    const text = typeof said === 'string' ? said : said.doubt;
    await this.adapter.processActivity({ type: 'message', text } as Partial<Activity>);
    const sent = this.adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
    const last = sent[sent.length - 1];
    return {
      text: sent.map((a) => a.text ?? '').join('\n\n'),
      messages: sent.length,
      actions: (last?.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value)),
    };
  }

  async run(rows: readonly Row[]): Promise<Reply> {
    let last: Reply | undefined;
    for (const [row, should] of rows) {
      const said = typeof row === 'function' ? row() : row;
      last = await this.say(said);
      const label = typeof said === 'string' ? `after "${said}"` : `after "${said.doubt}" (in doubt)`;
      for (const check of Array.isArray(should) ? should : [should]) {
        if (typeof check === 'string') expect(last.text, label).toContain(check);
        else if (check instanceof RegExp) expect(last.text, label).toMatch(check);
        else check(last);
      }
    }
    if (!last) throw new Error('empty transcript');
    return last;
  }
}
