import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';
import { CASE_NUMBER, createdNumber } from '../support/case-number.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

/** Today in Copenhagen, as the desk counts days. */
function today(): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

const isoOf = (date: Date): string => date.toISOString().slice(0, 10);

/** The next Monday after today (never today). */
function nextMonday(): string {
  const day = today();
  do day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() !== 1);
  return isoOf(day);
}

/** 27 February of this year, or of last year when that is still to come. */
function lastFebruary27(): string {
  const now = today();
  const thisYear = new Date(Date.UTC(now.getUTCFullYear(), 1, 27));
  return isoOf(thisYear > now ? new Date(Date.UTC(now.getUTCFullYear() - 1, 1, 27)) : thisYear);
}

describe('values written as people write them, through the chat', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  describe('when a pay-run error is reported with a date and a number in words', () => {
    it('stores the date, the number and the yes, and skips the phone number on "ikke relevant"', async () => {
      const last = await new Chat(world, ANNA).run([
        ['opret sag', 'Hvilket område'],
        ['Statens Løn og HR', 'Hvilket system'],
        ['SLS', 'Hvilken formular'],
        ['Fejl i lønkørsel', 'Skal sagen sendes fra'],
        ['Fra mig', ['Udbetalingsdato', 'med ord']],
        ['27. feb 2026', ['Hvilke fejl ser I?', without('gyldig dato')]],
        ['Forkert skat', ['Antal berørte medarbejdere', 'Skriv et helt tal, fx 12', without('1.250,50')]],
        ['mange', ['Skriv et helt tal, fx 12.', 'Antal berørte medarbejdere']],
        ['ca. tolv', ['Haster sagen?', without('Skriv et')]],
        ['jeps', ['Beskrivelse', without('Svar ja eller nej')]],
        ['Tolv medarbejdere fik forkert skat i februar.', 'Telefonnummer'],
        ['ikke relevant', ['Her er din sag', '27-02-2026', without('Skriv et telefonnummer')]],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created?.values).toMatchObject({ udbetalingsdato: '2026-02-27', fejltype: ['skat'], antalBeroerte: 12, haster: true });
      expect(created?.values.telefon).toBeUndefined();
    });
  });

  describe('when access is asked for from a weekday, and the manager has approved it', () => {
    it('stores the next such weekday and the yes', async () => {
      const last = await new Chat(world, ANNA).run([
        ['opret sag', 'Hvilket område'],
        ['Brugeradministration', 'Hvilket system'],
        ['Navision Stat', 'Hvilken formular'],
        ['Brugeradgang til et system', 'Skal sagen sendes fra'],
        ['Fra mig', 'Brugerens navn'],
        ['Karen Jensen', 'Brugerens e-mail'],
        ['karen@eksempelstyrelsen.dk', 'Roller eller rettigheder'],
        ['godkender', ['Adgang fra', 'i morgen']],
        ['på mandag', ['Er adgangen godkendt', without('gyldig dato')]],
        ['yep', 'Beskrivelse'],
        ['Karen starter i afdelingen på mandag.', 'Her er din sag'],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created?.values).toMatchObject({ startdato: nextMonday(), godkendtAfLeder: true });
    });
  });

  describe('when an invoice is reported with the CVR number said in words and a date without a year', () => {
    it('stores the 8 digits and the last 27 February, and skips the amount on "ikke relevant"', async () => {
      const last = await new Chat(world, ANNA).run([
        ['opret sag', 'Hvilket område'],
        ['Økonomi og Regnskab', 'Hvilket system'],
        ['IndFak', 'Hvilken formular'],
        ['Faktura i IndFak', 'Skal sagen sendes fra'],
        ['Fra mig', 'Hvad er problemet?'],
        ['Fakturaen er afvist', 'Fakturanummer'],
        ['F-2026-17', 'Leverandør'],
        ['Kontorland A/S', 'CVR-nummer'],
        ['cvr er 12 34 56 78', ['Fakturadato', without('8 cifre')]],
        ['den 27 feb', ['Beløb', without('gyldig dato')]],
        ['ikke relevant', ['Beskrivelse', without('Skriv et tal')]],
        ['Fakturaen er afvist to gange uden begrundelse.', 'Her er din sag'],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created?.values).toMatchObject({ cvr: '12345678', fakturadato: lastFebruary27() });
      expect(created?.values.beloeb).toBeUndefined();
    });
  });

  describe('when the accounting period is written in words', () => {
    it('stores it as mm-åååå and takes "nej tak" as no', async () => {
      const last = await new Chat(world, ANNA).run([
        ['opret sag', 'Hvilket område'],
        ['Økonomi og Regnskab', 'Hvilket system'],
        ['Navision Stat', 'Hvilken formular'],
        ['Bogføring og regnskab i Navision Stat', 'Skal sagen sendes fra'],
        ['Fra mig', 'Regnskabsperiode'],
        ['marts', ['måned og år som mm-åååå', 'Regnskabsperiode']],
        ['marts 2026', 'Haster sagen?'],
        ['nej tak', 'Beskrivelse'],
        ['Bogføringen fejler ved periodeafslutningen.', ['Her er din sag', '03-2026']],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created?.values).toMatchObject({ regnskabsperiode: '03-2026', haster: false });
    });
  });

  describe('when the user writes English', () => {
    it('takes "March 1 2026", "about twelve" and "yeah"', async () => {
      const last = await new Chat(world, ANNA, { locale: 'en-GB' }).run([
        ['I need to create a case about a pay run error in SLS', 'Error in a pay run'],
        ['Error in a pay run', 'sent from'],
        ['From me', 'Payment date'],
        ['March 1 2026', 'Which errors do you see?'],
        ['Wrong tax', ['Number of employees affected', 'Write a whole number, e.g. 12']],
        ['about twelve', 'Is it urgent?'],
        ['yeah', 'Description'],
        ['Twelve employees got the wrong tax in March.', 'Phone number'],
        ['not applicable', 'Here is your case'],
        ['Confirm', CASE_NUMBER],
      ]);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created?.values).toMatchObject({ udbetalingsdato: '2026-03-01', antalBeroerte: 12, haster: true });
    });
  });
});
