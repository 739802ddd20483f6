/**
 * A value said in a sentence at a form field (round 21): "det er faktura 12345", "nummeret er 4711-22",
 * "leverandøren hedder Dansk Kontor ApS", "it's invoice 998877". The field's shape says what to look
 * for, and the value is taken — neither confirmed ("Er det dit svar …?") nor stored as the whole sentence.
 * Through the whole bot (recognizer, router, dialogs), as a user meets them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';
import { valuesInSentence } from '../../portal/index.js';
import { createdNumber } from '../support/case-number.js';

const OLE = 'ole@demo-institut.dk';

describe('values said in a sentence, through the chat', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it('takes the invoice number, the supplier, the CVR number, the date and the amount out of Danish sentences', async () => {
    const last = await new Chat(world, OLE).run([
      ['jeg har et problem med en faktura i IndFak', 'Hvad er problemet?'],
      ['den er afvist', 'Fakturanummer'],
      ['det er faktura 12345', ['Leverandør', without('Er det dit svar')]],
      ['leverandøren hedder Dansk Kontor ApS', ['Leverandørens CVR-nummer', without('Er det dit svar')]],
      ['deres cvr-nummer er 12345678', ['Fakturadato', without('8 cifre.')]],
      ['den er dateret 2. marts', ['Beløb', without('gyldig dato')]],
      ['beløbet er ca 4.500 kroner', ['Beskrivelse', without('Skriv et tal')]],
      ['Fakturaen blev afvist uden begrundelse.', ['Her er din sag', 'Fakturanummer:** 12345', 'Leverandør:** Dansk Kontor ApS', '4.500,00 kr.']],
      ['Bekræft', 'Din sag er oprettet'],
    ]);
    const created = await world.cases.getByNumber(createdNumber(last.text));
    expect(created?.values).toMatchObject({ fakturanummer: '12345', leverandoer: 'Dansk Kontor ApS', cvr: '12345678', beloeb: 4500 });
    expect(created?.values.fakturadato).toMatch(/^\d{4}-03-02$/);
  });

  it('does the same in English, and with "nummeret er" at a settlement number', async () => {
    await new Chat(world, OLE).run([
      ['I need to report a problem with an invoice in IndFak', 'What is the problem?'],
      ['it was rejected', 'Invoice number'],
      ["it's invoice 998877", ['Supplier', without('Is that your answer')]],
      ['the supplier is called Office Supplies Ltd', ['CVR number', without('Is that your answer')]],
      ['skip', 'Invoice date'],
      ['skip', 'Amount'],
      ['skip', 'Description'],
      ['It was sent back to us without a reason.', ['Invoice number:** 998877', 'Supplier:** Office Supplies Ltd']],
    ]);
    await new Chat(world, OLE).run([
      ['opret sag om rejseafregning', 'Hvad er problemet?'],
      ['forkert beløb', 'Afregningsnummer'],
      ['nummeret er 4711-22', 'Rejsens startdato'],
      ['rejsen startede den 2. marts', 'Beløb'],
      ['spring over', 'Beskrivelse'],
      ['Diæterne er forkerte.', ['Afregningsnummer:** 4711-22', 'Rejsens startdato:** 02-03-']],
    ]);
  });

  it('reads no value out of a sentence that says no, asks, or holds two', () => {
    const label = { da: 'Fakturanummer', en: 'Invoice number' };
    expect(valuesInSentence('jeg har ikke nummeret', 'code', label)).toEqual([]);
    expect(valuesInSentence('ikke 12345 men 12346', 'code', label)).toEqual([]);
    expect(valuesInSentence('er det 12345?', 'code', label)).toEqual([]);
    expect(valuesInSentence('12345', 'code', label)).toEqual([]);
    expect(valuesInSentence('det er en leverandør af papir', 'name', { da: 'Leverandør', en: 'Supplier' })).toEqual([]);
    expect(valuesInSentence('ikke anna@x.dk men mette@x.dk', 'email')).toEqual([]);
    expect(valuesInSentence('invoice no. 998877', 'code', label)).toEqual(['998877']);
    expect(valuesInSentence('hun hedder mette hansen', 'name', { da: 'Brugerens navn', en: "User's name" })).toEqual(['mette hansen']);
  });
});
