/**
 * What creating cases through the chat failed users in round 21's exploration, as transcripts through the whole bot:
 * a yes said in a sentence, more said at the summary, a period said in a sentence, "spring over" at a required field,
 * and case titles a desk can sort by (the form and system, and what the description says beyond "Hej").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';
import { createdNumber } from '../support/case-number.js';

const OLE = 'ole@demo-institut.dk';

describe('creating cases as users do (round 21 exploration)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it('takes "ja det er godkendt" as yes, and adds a sentence said at the summary to the description', async () => {
    const last = await new Chat(world, OLE).run([
      ['min nye kollega skal have adgang til RejsUd', 'Brugerens navn'],
      ['hun hedder Mette Hansen', 'Brugerens e-mail'],
      ['hendes mail er mette@demo-institut.dk', 'Roller eller rettigheder'],
      ['godkender', 'Adgang fra'],
      ['fra på mandag', 'Er adgangen godkendt af brugerens leder?'],
      ['ja det er godkendt', ['Beskrivelse', without('Svar ja eller nej')]],
      ['Ny medarbejder.', ['Her er din sag', 'Brugerens navn:** Mette Hansen', 'Brugerens e-mail:** mette@demo-institut.dk', 'godkendt af brugerens leder?** Ja']],
      ['Mette starter i økonomiafdelingen og skal godkende rejser.', ['Jeg har tilføjet det til beskrivelsen.', 'Mette starter i økonomiafdelingen', without('ikke en af mulighederne')]],
      ['det ser fint ud, send den', 'Din sag er oprettet'],
    ]);
    const created = await world.cases.getByNumber(createdNumber(last.text));
    expect(created?.values).toMatchObject({ brugerNavn: 'Mette Hansen', brugerEmail: 'mette@demo-institut.dk', godkendtAfLeder: true });
    expect(created?.values.beskrivelse).toBe('Ny medarbejder.\n\nMette starter i økonomiafdelingen og skal godkende rejser.');
    expect(created?.subject).toBe('Brugeradgang til et system (RejsUd): Ny medarbejder');
  });

  it('does not take "nej, det er ikke godkendt endnu" as yes, nor "ja men ikke af lederen"', async () => {
    await new Chat(world, OLE).run([
      ['min nye kollega skal have adgang til RejsUd', 'Brugerens navn'],
      ['Mette Hansen', 'Brugerens e-mail'],
      ['mette@demo-institut.dk', 'Roller eller rettigheder'],
      ['godkender', 'Adgang fra'],
      ['1. marts 2027', 'Er adgangen godkendt af brugerens leder?'],
      ['ja men ikke af lederen', ['Svar ja eller nej', 'Er adgangen godkendt']],
      ['nej, det er ikke godkendt endnu', ['Beskrivelse', without('Svar ja eller nej')]],
      ['Hun er ny i økonomiafdelingen og skal godkende rejser.', ['Her er din sag', 'Er adgangen godkendt af brugerens leder?** Nej']],
    ]);
  });

  it('takes a period said in a sentence, and says a required field cannot be skipped (no article about skipping)', async () => {
    await new Chat(world, OLE).run([
      ['opret sag om bogføring i Navision Stat', 'Regnskabsperiode'],
      ['spring over', ['«Regnskabsperiode» skal udfyldes og kan ikke springes over.', 'Regnskabsperiode', without('Kilde')]],
      ['det er marts 2026', ['Haster sagen?', without('Er det dit svar')]],
      ['nej', 'Beskrivelse'],
      ['Hej', 'mindst 10 tegn'],
      ['Hej. Jeg har et problem. Vi kan ikke lukke perioden.', ['Titel:** Bogføring og regnskab i Navision Stat: Vi kan ikke lukke perioden', 'Regnskabsperiode:** 03-2026']],
    ]);
  });

  it('cancels on "nej glem det" at a description, rather than sending it as the description', async () => {
    const before = (await world.allCases()).length;
    await new Chat(world, OLE).run([
      ['opret sag om CIP', 'Hvad drejer henvendelsen sig om?'],
      ['Andet', 'Emne'],
      ['Spørgsmål om kursus', 'Beskrivelse'],
      ['nej glem det', ['Sagen er annulleret', without('Telefonnummer')]],
    ]);
    expect((await world.allCases()).length).toBe(before);
  });

  it('makes the title in English for an English user, and from the choice when the description says nothing of its own', async () => {
    const last = await new Chat(world, OLE).run([
      ['I have a problem with a travel settlement in RejsUd', 'What is the problem?'],
      ['wrong amount', 'Settlement number'],
      ['skip', 'Start date'],
      ['skip', 'Amount'],
      ['skip', 'Description'],
      ['Hi, I have a problem, can you help me?', ['Title:** Travel settlement in RejsUd: Wrong amount or allowances', 'Shall I send it?']],
      ['Confirm', 'Your case has been created'],
    ]);
    expect((await world.cases.getByNumber(createdNumber(last.text)))?.subject).toBe('Travel settlement in RejsUd: Wrong amount or allowances');
  });
});
