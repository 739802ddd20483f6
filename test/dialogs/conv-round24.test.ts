/**
 * Round 24 (conv): requests as users type them in a conversation — a case asked for with the verb first ("laver du en sag
 * om …"), and a person asked for as being put through ("stil mig videre til support").
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';

const OLE = 'ole@demo-institut.dk';

describe('requests as users type them (round 24)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it('makes the case asked for with the verb of making first, not an article about cases', async () => {
    await new Chat(world, OLE).run([['laver du en sag om at fakturaen fra Dustin er forsvundet i indfak', ['Jeg har valgt Økonomi og Regnskab → IndFak/SDI', without('Kilde')]]]);
    await new Chat(world, OLE).run([['opretter I en henvendelse for mig om adgang til LDV', ['Jeg har valgt', without('Kilde')]]]);
  });

  it('gives the desk\'s contact details to "stil mig videre"', async () => {
    await new Chat(world, OLE).run([['stil mig videre til support', ['3392 9800', 'Vil du det?']]]);
    await new Chat(world, OLE, { locale: 'en-US' }).run([['please transfer me to the service desk', '3392 9800']]);
  });
});

describe('values told before the form is chosen (round 24)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it('fills them once the user has chosen the form, and says so', async () => {
    await new Chat(world, OLE).run([
      ['opret en sag om løn, 3 medarbejdere er ramt af en fejl', ['Jeg har valgt Statens Løn og HR.', 'Hvilket system drejer det sig om?']],
      ['SLS/HR-Løn', 'Hvilken formular passer bedst?'],
      ['Fejl i lønkørsel', ['Fra din besked har jeg udfyldt', '«Antal berørte medarbejdere» 3']],
    ]);
  });

  it('chooses the form at once when a value told is a choice only that form has (round 26)', async () => {
    await new Chat(world, OLE).run([
      ['opret en sag om løn, 3 medarbejdere har fået dobbelt udbetaling', ['Jeg har valgt Statens Løn og HR → SLS/HR-Løn → Fejl i lønkørsel.', 'Dobbelt udbetaling', '«Antal berørte medarbejdere» 3', without('Hvilken type fejl')]],
    ]);
  });
});
