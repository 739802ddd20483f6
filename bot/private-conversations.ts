import type { TurnContext } from 'botbuilder';
import { asksForTheCase } from '../dialogs/case-asked.js';
import type { Expectation, IntentKind, Language, RouteDecision } from '../dialogs/ports.js';

/** How moving a turn into a private conversation went. */
export type PrivateOutcome =
  /** The turn ran in the 1:1 conversation; the shared conversation was told briefly. */
  | { kind: 'moved'; conversationId: string }
  /** The channel refused the 1:1 conversation; the shared conversation was told to write privately. */
  | { kind: 'refused'; reason: string };

/**
 * Conversations several people read (a Teams channel or group chat) and the way out of them: a
 * 1:1 conversation with the sender where the turn runs with its own conversation state. One
 * implementation per channel that has shared conversations (adapters/teams); other channels have
 * none and need none.
 */
export interface PrivateConversations {
  /** The turn's conversation is read by others (a channel or group chat). */
  isShared(context: TurnContext): boolean;
  /**
   * Runs `run` with a turn context in the sender's 1:1 conversation (created, or the existing one
   * returned), then tells the shared conversation in `lang`, without any of the turn's content,
   * that the answer was written privately.
   */
  continueInPrivate(context: TurnContext, run: (privateContext: TurnContext) => Promise<void>, lang: Language): Promise<PrivateOutcome>;
}

/** Intents that show nothing of the user's own (answered the same to anyone). */
const PUBLIC_INTENTS: ReadonlySet<IntentKind> = new Set<IntentKind>(['question', 'greeting', 'thanks', 'help', 'ask', 'human', 'cancel', 'restart', 'yes', 'no', 'language', 'complaint']);

/** The router's own follow-ups to a knowledge answer ("Hjalp det?", "Mente du …?"). */
const PUBLIC_FOLLOW_UPS: ReadonlySet<string> = new Set(['router:feedback', 'router:candidates', 'router:offerCase', 'router:rephrase']);

/**
 * Whether a turn may be answered where it was written when others read along: knowledge answers
 * and small talk may; anything about the user's own cases, forms, registration, consent or
 * mailboxes, and any turn while one of the personal dialogs waits for an answer, may not.
 * Saying yes to "Vil du oprette en sag?" starts a case, so only the no stays in place; so does "opret" at "Hjalp det?".
 */
export function answerableInPublic(decision: RouteDecision, expectation: Expectation, text: string, choiceOf: (text: string) => string | undefined): boolean {
  const waiting = expectation.kind === 'none' || ((expectation.kind === 'yesNo' || expectation.kind === 'choice') && PUBLIC_FOLLOW_UPS.has(expectation.about));
  if (!waiting) return false;
  // "Opret", "opret en ny sag" at "Hjalp det?" or at the offer: the case about the question, straight away — the user's own.
  if (expectation.kind !== 'none' && asksForTheCase(text)) return false;
  const { route } = decision;
  if (route.kind === 'knowledge') return true;
  if (route.kind === 'intent') {
    if (!PUBLIC_INTENTS.has(route.intent.kind)) return false;
    return !(expectation.kind === 'choice' && expectation.about === 'router:offerCase' && route.intent.kind === 'yes');
  }
  // An answer to the router's own follow-up.
  if (expectation.kind === 'choice' && expectation.about === 'router:offerCase') return choiceOf(text) === 'no' || decision.intent === 'no';
  return true;
}
