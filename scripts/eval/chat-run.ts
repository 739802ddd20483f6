/**
 * chat:eval's run: one assistant, started in this process as the tests start it (main.ts's
 * startAssistant on a fresh in-memory PGlite with the demo data), loaded with the given knowledge
 * sources, and each question typed into /api/messages as the first message of a new conversation,
 * as a user would meet it — or, when it has `before`, after those messages in the same conversation
 * (a follow-up): only the last message's replies are kept.
 *
 * Every question is asked by its own registered user (at the demo institution Eksempelstyrelsen):
 * a user's profile remembers the language last written, so one user asking everything would let
 * one question's language decide the next one's when that one shows none.
 */
import { resolve } from 'node:path';
import { PgliteDatabase } from '../../adapters/postgres/pglite-database.js';
import { silentLogger } from '../../bot/logger.js';
import { loadConfig } from '../../config.js';
import { startAssistant, type Assistant, type StartOptions } from '../../main.js';
import { ChatClient, type SeenReply } from './chat-client.js';
import type { Question } from './questions.js';

/** The demo institution the questions' users belong to (portal/demo-data.ts). */
const INSTITUTION = { id: 'eksempelstyrelsen', domain: 'eksempelstyrelsen.dk' };

export interface ChatTurn {
  readonly question: Question;
  readonly status: number;
  readonly replies: readonly SeenReply[];
}

export interface EvalAssistant {
  /** Asks each question in a fresh conversation; answers in the questions' order. */
  ask(questions: readonly Question[]): Promise<ChatTurn[]>;
  stop(): Promise<void>;
}

export interface EvalAssistantOptions {
  /** Questions in flight at once (each its own conversation and user). Default 4. */
  concurrency?: number;
}

/** Starts the assistant over `sources` (folders of Markdown articles, `.jsonl` files) and a connector listener. */
export async function startEvalAssistant(sources: readonly string[], options: EvalAssistantOptions = {}): Promise<EvalAssistant> {
  const absolute = sources.map((source) => resolve(source));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DEMO_MODE: 'true',
    NOTIFICATIONS_ENABLED: 'false',
    SHUTDOWN_GRACE_SECONDS: '1',
    KNOWLEDGE_SOURCES: absolute.join(','),
  });
  const db = await PgliteDatabase.open();
  const startOptions: StartOptions = {
    db,
    logger: silentLogger,
    watchArticles: false,
  };
  let assistant: Assistant;
  try {
    assistant = await startAssistant(config, startOptions);
  } catch (error: unknown) {
    await db.close();
    throw error;
  }
  const chat = await new ChatClient().start();
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let asked = 0;

  async function askOne(question: Question): Promise<ChatTurn> {
    const n = ++asked;
    const email = `chat-eval-${n}@${INSTITUTION.domain}`;
    const registered = await assistant.portal.register({ email, name: `Chat Eval ${n}`, institutionId: INSTITUTION.id });
    if (!registered.ok) throw new Error(`chat:eval: could not register the question's user: ${registered.error.code}`);
    const conversationId = `chat-eval-${n}`;
    for (const [index, text] of (question.before ?? []).entries()) {
      const earlier = await chat.turn(assistant.url, { from: email, conversationId, text });
      if (earlier.status >= 300) throw new Error(`chat:eval: /api/messages answered ${earlier.status} to earlier message ${index + 1} of a question`);
    }
    const { status, replies } = await chat.turn(assistant.url, { from: email, conversationId, text: question.q });
    return { question, status, replies };
  }

  return {
    async ask(questions) {
      const turns: ChatTurn[] = new Array<ChatTurn>(questions.length);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < questions.length) {
          const index = next++;
          turns[index] = await askOne(questions[index] as Question);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, questions.length) }, worker));
      return turns;
    },
    async stop() {
      await chat.stop();
      await assistant.stop();
      await db.close();
    },
  };
}
