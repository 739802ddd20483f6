/**
 * chat:eval's whole measurement: kb:eval's figures over the same knowledge sources, each question
 * through the chat (scripts/eval/chat-run.ts), how each ended (scripts/eval/chat-ends.ts), and
 * where the knowledge base's own decision and the chat's end differ.
 */
import { createKnowledgeBase } from '../../knowledge/index.js';
import { ArticleTitles, chatEnd, chatFigures, disagrees, endedRight, whatTheUserSaw, type ChatEnd, type ChatFigures, type Seen } from './chat-ends.js';
import type { SeenReply } from './chat-client.js';
import { startEvalAssistant, type EvalAssistantOptions } from './chat-run.js';
import { judgeWithKnowledge, kbReport, type KbReport } from './kb-figures.js';
import type { Question } from './questions.js';

export interface QuestionOutcome {
  readonly question: Question;
  readonly end: ChatEnd;
  readonly seen: Seen;
  readonly right: boolean;
  /** kb:eval's decision: unknown, else the article it answers with (or offers first). */
  readonly kb: { readonly unknown: boolean; readonly top: string | undefined };
  readonly disagrees: boolean;
  readonly replies: readonly SeenReply[];
}

export interface ChatEvalReport {
  questions: number;
  kb: KbReport;
  chat: ChatFigures;
  disagreements: number;
}

export async function evaluateChat(
  sources: readonly string[],
  questions: readonly Question[],
  options: EvalAssistantOptions = {},
): Promise<{ report: ChatEvalReport; outcomes: QuestionOutcome[] }> {
  const kb = await createKnowledgeBase({ sources });
  const judged = judgeWithKnowledge(kb, questions);
  const titles = new ArticleTitles(kb.articles);

  const assistant = await startEvalAssistant(sources, options);
  let turns;
  try {
    turns = await assistant.ask(questions);
  } finally {
    await assistant.stop();
  }
  const outcomes = turns.map((turn, index): QuestionOutcome => {
    if (turn.status >= 300) throw new Error(`chat:eval: /api/messages answered ${turn.status} to question ${index + 1}`);
    const seen = whatTheUserSaw(turn.replies, titles);
    const end = chatEnd(seen, turn.question, titles);
    const j = judged[index];
    const decision = { unknown: j?.unknown ?? true, top: j?.shown ?? j?.ranking[0] };
    return { question: turn.question, end, seen, right: endedRight(turn.question, end), kb: decision, disagrees: disagrees(decision, seen, titles), replies: turn.replies };
  });
  return {
    report: {
      questions: questions.length,
      kb: kbReport(judged),
      chat: chatFigures(outcomes),
      disagreements: outcomes.filter((o) => o.disagrees).length,
    },
    outcomes,
  };
}
