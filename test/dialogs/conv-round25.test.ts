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

describe('the number asked of the page just shown (round 25)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  const ERROR_PAGE = 'hvordan melder jeg en fejl som Statens Administration har lavet i en lønbestilling?';

  it('answers "which number do I call" from the page that gives the number for it', async () => {
    await new Chat(world, OLE).run([
      [ERROR_PAGE, 'Kundebetjening'],
      ['hvilket telefonnummer skal jeg så ringe til?', ['3392 9800', without('Vil du det?')]],
    ]);
  });

  it('still gives the desk\'s contact details when a person is asked for or the desk addressed', async () => {
    await new Chat(world, OLE).run([
      [ERROR_PAGE, 'Kundebetjening'],
      ['kan jeg tale med en person?', 'Vil du det?'],
    ]);
    await new Chat(world, OLE).run([
      [ERROR_PAGE, 'Kundebetjening'],
      ['hvad er jeres telefonnummer?', 'Vil du det?'],
    ]);
  });
});
