import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as engine from '../../dialogs/form-engine.js';
import { Chat, createConversationWorld, type ConversationWorld } from '../support/conversation.js';

// The real engine, watched: the case dialog imports answerCase from this module.
vi.mock('../../dialogs/form-engine.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../dialogs/form-engine.js')>();
  return { ...actual, answerCase: vi.fn(actual.answerCase) };
});

describe('an answer in the case dialog', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it('goes through the form engine once, though the dialog first checks that it is an answer and not an interruption', async () => {
    const chat = new Chat(world, 'anna@eksempelstyrelsen.dk');
    await chat.say('opret en sag');
    const calls = vi.mocked(engine.answerCase);
    for (const [answer, next] of [
      ['Business Intelligence', 'Hvilket system'],
      ['LDV', 'Hvilken formular'],
      ['Kantinen', 'er ikke en af mulighederne'],
    ] as const) {
      calls.mockClear();
      const reply = await chat.say(answer);
      expect(reply.text).toContain(next);
      expect(calls).toHaveBeenCalledTimes(1);
    }
  });
});
