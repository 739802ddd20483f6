import { decide } from '../../bot/routing.js';
import type { Intent, Recognition, RouteDecision } from '../../dialogs/ports.js';
import type { AnswerResult } from '../../knowledge/index.js';
import { answerFrom } from './articles.js';

/** The knowledge base's answer when it holds nothing for the text. */
export const UNKNOWN: AnswerResult = { kind: 'unknown', reason: 'low-confidence' };

/** The recognizer's reading of a text, as the routing decision is given it. */
export function recognition(intent: Intent, confidence: number, slots: Recognition['slots'] = {}, unfamiliar = 0): Recognition {
  return { intent, confidence, command: false, scores: {}, slots, unfamiliar };
}

/** An article about a system (or about none), whose passage says `text`. */
export function systemArticle(text: string, system?: string, score = 0.9): AnswerResult {
  return answerFrom({ id: 's', title: system ?? 'A', ...(system ? { system } : {}) }, text, score);
}

export interface RouteOptions {
  readonly lang?: 'da' | 'en';
  /**
   * What a word of the text asked of the article alone (round 28, ENGLISH_PROBLEM) finds: the same answer (default), or
   * nothing — a passage written for a test holds none of the text's words on their own.
   */
  readonly askedWithin?: 'same' | 'nothing';
}

/** Where the routing decision sends a first message, no dialog waiting: "intent:<kind>", "knowledge", "answer", …. */
export function routeOf(text: string, recognized: Recognition, knowledge: AnswerResult = UNKNOWN, options: RouteOptions = {}): string {
  const { lang = 'da', askedWithin = 'same' } = options;
  const decision: RouteDecision = decide({
    text,
    lang,
    recognition: recognized,
    expectation: { kind: 'none' },
    knowledge: (_text, _lang, _about, _own, within) => (within !== undefined && askedWithin === 'nothing' ? UNKNOWN : knowledge),
  });
  return decision.route.kind === 'intent' ? `intent:${decision.route.intent.kind}` : decision.route.kind;
}
