/** The chat shows a list the cut into passages split as a whole (round 28; knowledge/passages.ts `shownText`). */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Chat, createConversationWorld, type ConversationWorld } from '../support/conversation.js';

describe('a list the passages split, in the answer', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it('shows every role of the list, though the passage chosen holds three of the four', async () => {
    // Brugerstyring Løn's four roles are cut after the third; the question's words are the first part's.
    await new Chat(world, 'anna@eksempelstyrelsen.dk').run([
      ['hvem modtager kontrollisten i BSL', ['Kontrollant (fx en administrativ medarbejder) modtager kontrollisten', 'Medarbejder (fx en løn- eller HR-medarbejder) får brugerkoden', 'Kilde:']],
    ]);
  });
});
