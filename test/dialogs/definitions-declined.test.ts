/**
 * Round 24: general knowledge asked as a definition ("hvad er kildeskat") that the articles only name in passing is declined
 * as outside the portal, through the real bot: told what the assistant answers, with no case with Statens Administration
 * offered — a case would not answer it either (bot/routing.ts `aboutNothingOfThePortal`, knowledge/decline.ts). A password
 * asked for a thing the articles do not name ("adgangskode til Windows") is told where such help is: the local IT support.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

describe('a definition of general knowledge the articles only name', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it.each(['hvad er kildeskat', 'hvad er et hovedkort'])('"%s" is told what the assistant answers, with no case offered', async (text) => {
    const reply = await new Chat(world, ANNA).say(text);
    expect(reply.text).toContain('Jeg svarer på spørgsmål om løn, regnskab');
    expect(reply.text).not.toMatch(/oprette en sag/);
    expect(reply.actions).toEqual(['Spørg på en anden måde']);
  });
});

describe('a password asked for a thing the articles do not name', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it.each(['jeg har glemt min adgangskode til Windows', 'hvordan skifter jeg password til Lectio'])('"%s" is pointed to the local IT support, with no case offered', async (text) => {
    const reply = await new Chat(world, ANNA).say(text);
    expect(reply.text).toContain('lokale IT-support');
    expect(reply.actions).toEqual(['Spørg på en anden måde']);
  });
});
