import { ActivityHandler, ConversationState, UserState, type StatePropertyAccessor } from 'botbuilder';
import { conversationLock } from '../../adapters/postgres/conversation-lock.js';
import type { Database } from '../../adapters/postgres/database.js';
import { migrate } from '../../adapters/postgres/migrate.js';
import { PgStorage } from '../../adapters/postgres/pg-storage.js';
import { CoalescingStorage } from '../../bot/coalescing-storage.js';
import type { MiddlewareHandler } from 'botbuilder';

/**
 * The stateful floor for the benchmarks: what every durable bot must do on this stack and nothing
 * more. Each turn takes the conversation's lease (the assistant's conversationLock middleware),
 * loads conversation and user state through the assistant's storage stack (CoalescingStorage over
 * PgStorage, with the same in-memory cache on the embedded database), counts the turn in
 * conversation state, answers "echo <n>: <text>", and saves both states before giving the lease back.
 */
export class StatefulEchoBot extends ActivityHandler {
  private readonly turns: StatePropertyAccessor<number>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    super();
    this.turns = conversationState.createProperty<number>('turns');
    this.onMessage(async (context, next) => {
      await Promise.all([this.conversationState.load(context), this.userState.load(context)]);
      const count = (await this.turns.get(context, 0)) + 1;
      await this.turns.set(context, count);
      await context.sendActivity(`echo ${count}: ${context.activity.text ?? ''}`);
      await Promise.all([this.conversationState.saveChanges(context), this.userState.saveChanges(context)]);
      await next();
    });
  }
}

export interface StatefulEcho {
  bot: StatefulEchoBot;
  /** The per-turn conversation lease, as the assistant's adapters use it. */
  lease: MiddlewareHandler;
}

/** Migrates `db` (the state table) and builds the stateful echo bot on it. */
export async function createStatefulEcho(db: Database): Promise<StatefulEcho> {
  await migrate(db);
  const storage = new CoalescingStorage(new PgStorage(db, db.kind === 'pglite' ? { exclusiveCacheSize: 10_000 } : {}));
  return { bot: new StatefulEchoBot(new ConversationState(storage), new UserState(storage)), lease: conversationLock(db) };
}
