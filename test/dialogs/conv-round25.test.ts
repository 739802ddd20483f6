/**
 * Round 25 (lead): the values a first message tells, kept when the user changes the path chosen from it ("Vælg et andet")
 * and filled into the form chosen instead.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';

const OLE = 'ole@demo-institut.dk';

describe('values told, then another path chosen (round 25)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it('fills the form chosen instead of the one guessed from the first message', async () => {
    await new Chat(world, OLE).run([
      ['opret en sag i rejsud: min rejseafregning er afvist, beløbet er 4.500 kr', ['Jeg har valgt Økonomi og Regnskab → RejsUd → ', 'Fra din besked har jeg udfyldt']],
      ['Vælg et andet', 'Hvilket område'],
      ['Økonomi og Regnskab', 'Hvilket system drejer det sig om?'],
      ['IndFak/SDI', 'Hvilken formular passer bedst?'],
      ['Faktura i IndFak', ['Fra din besked har jeg udfyldt', 'Fakturaen er afvist', '4.500', without('Hvad er problemet?')]],
    ]);
  });
});
