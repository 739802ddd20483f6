/**
 * Transcripts of a comment written in the same message as the request to add it (round 20): after a colon or dash,
 * said as "at …"/"that …", or quoted — Danish and English. The text is added as the comment, as a typed comment is;
 * words of files inside the comment do not make it an upload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
const OLE = 'ole@demo-institut.dk';

describe('a comment written with the request', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it.each([
    ['tilføj kommentar til {n}: Jeg har nu vedhæftet kvitteringen', 'Jeg har nu vedhæftet kvitteringen'],
    ['skriv til sagen {n} at jeg har fundet kvitteringen', 'Jeg har fundet kvitteringen'],
    ['kommenter sag {n}: Peter skal have adgang til regnskab 1234', 'Peter skal have adgang til regnskab 1234'],
    ['kan du lige tilføje på {n} at leverandøren har rykket igen?', 'Leverandøren har rykket igen?'],
    ['svar på {n} – kontoen er rettet nu', 'Kontoen er rettet nu'],
    ['send en besked til {n} om at beløbet var 4.999 kr.', 'Beløbet var 4.999 kr.'],
    ['tilføj "fakturaen er sendt igen" til {n}', 'Fakturaen er sendt igen'],
    ['add a comment to {n}: the receipt is attached now', 'The receipt is attached now'],
    ['please tell {n} that the supplier has been paid', 'The supplier has been paid'],
    ['write on case {n} that I uploaded the file yesterday', 'I uploaded the file yesterday'],
  ])('"%s" adds the comment', async (said, comment) => {
    const c = await world.demoCase('Brugeradgang til Navision Stat');
    const reply = await new Chat(world, ANNA).say(said.replace('{n}', c.number));
    expect(reply.text).toMatch(/Din kommentar er tilføjet|Your comment has been added/);
    expect(reply.text).not.toMatch(/Skriv din kommentar|Type your comment|Send filen|Send the file|Status: \*\*/);
    const events = await world.cases.events(c.number);
    expect(events?.filter((e) => e.type === 'comment').at(-1)).toMatchObject({ author: 'customer', text: comment });
  });

  it('asks for the text when the request writes none, as before', async () => {
    const c = await world.demoCase('Brugeradgang til Navision Stat');
    await new Chat(world, ANNA).run([[`tilføj en kommentar til ${c.number}`, `Skriv din kommentar til ${c.number}`]]);
  });

  it('asks again for a comment with a CPR number, and stores nothing', async () => {
    const c = await world.demoCase('Brugeradgang til Navision Stat');
    await new Chat(world, ANNA).run([
      [`kommenter ${c.number}: Peters CPR er 010190-1234`, ['CPR-numre hører ikke hjemme i en sag', 'Skriv din kommentar', without('Din kommentar er tilføjet')]],
      ['Peter har medarbejdernummer 10234.', 'Din kommentar er tilføjet'],
    ]);
    const comments = (await world.cases.events(c.number))?.filter((e) => e.type === 'comment') ?? [];
    expect(comments.at(-1)).toMatchObject({ author: 'customer', text: 'Peter har medarbejdernummer 10234.' });
    expect(JSON.stringify(comments)).not.toContain('010190');
  });

  it('refuses a case the user may not see, like one that does not exist', async () => {
    const c = await world.demoCase('Rejseafregning afvist');
    await new Chat(world, OLE).run([[`tilføj kommentar til ${c.number}: hej`, ['Jeg kan ikke finde en sag med det nummer', without('Din kommentar er tilføjet')]]]);
  });

  it('still takes a file request with words after it as a file request', async () => {
    const c = await world.demoCase('Brugeradgang til Navision Stat');
    const reply = await new Chat(world, ANNA).say(`vedhæft et skærmbillede til ${c.number}: det viser fejlen`);
    expect(reply.text).not.toMatch(/Din kommentar er tilføjet/);
  });
});
