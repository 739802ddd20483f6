/**
 * The benchmarks' knowledge phase measures knowledge turns: every one of its questions ends in the
 * knowledge base (an answer, a choice or a polite decline), never in a case dialog or registration —
 * a routing change that turns one of them into a request would make the phase measure dialogs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWLEDGE_QUESTIONS } from '../../scripts/bench/scenarios.js';
import type { RouteDecision } from '../../dialogs/ports.js';
import { Chat, createConversationWorld, type ConversationWorld } from '../support/conversation.js';

describe('the benchmarks\' knowledge questions', () => {
  let world: ConversationWorld;
  const decisions: RouteDecision[] = [];
  beforeAll(async () => {
    world = await createConversationWorld({ onRoute: (decision) => decisions.push(decision) });
  });
  afterAll(async () => world.dispose());

  it.each(KNOWLEDGE_QUESTIONS.map((q) => [q]))('"%s" is routed to the knowledge base', async (question) => {
    decisions.length = 0;
    await new Chat(world, 'anna@eksempelstyrelsen.dk').say(question);
    expect(decisions.at(-1)?.route.kind).toBe('knowledge');
  });
});
