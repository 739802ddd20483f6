/**
 * Transcripts of answers inside the case form that are not the plain answer asked for (explore-A,
 * round 20): a correction that opens with "nej", "det ved jeg ikke", a new answer typed at «Er det
 * dit svar …?», a button's words typed as a description, the shared mailbox named in words. Through
 * the whole bot (recognizer, router, dialogs), as a user meets them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, Chat, createConversationWorld, without, type ConversationWorld, type TranscriptRow } from '../support/conversation.js';

/** Demo-instituttet only, no shared mailbox: the form's fields come right after the path. */
const OLE = 'ole@demo-institut.dk';
/** Attached to the one shared mailbox loen@eksempelstyrelsen.dk. */
const ANNA = 'anna@eksempelstyrelsen.dk';
const SUMMARY = 'Her er din sag. Skal jeg sende den?';
const CANCELLED = 'Sagen er annulleret';

/** A travel settlement filled in to its summary. */
const TO_THE_SUMMARY: TranscriptRow[] = [
  ['opret sag om rejseafregning', 'Hvad er problemet?'],
  ['forkert beløb', 'Afregningsnummer'],
  ['RA-7', 'Rejsens startdato'],
  ['02-03-2026', 'Beløb'],
  ['1.250', 'Beskrivelse'],
  ['Diæterne er regnet forkert for hele rejsen.', SUMMARY],
];

describe('answers inside the case form', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  describe('when the field itself is asked about (round 20)', () => {
    it('gives the field\'s help and asks it again — the question is neither validated nor confirmed as the answer', async () => {
      await new Chat(world, OLE).run([
        ['opret sag om rejseafregning', 'Hvad er problemet?'],
        ['forkert beløb', 'Afregningsnummer'],
        ['hvad skal jeg skrive her?', ['Svar på «Afregningsnummer»', without('Er det dit svar'), 'Afregningsnummer']],
        ['sorry, what does Afregningsnummer mean?', ['Answer «Settlement number»', without('at most'), without('Is that your answer')]],
        // The language is the user's last words' (English); the answer is taken as before.
        ['RA-7', 'Start date of the trip'],
      ]);
    });
  });

  describe('when a correction at the summary opens with "nej"', () => {
    it('changes the field it names to the value it gives, says so and shows the summary again — nothing cancelled', async () => {
      await new Chat(world, OLE).run([
        ...TO_THE_SUMMARY,
        ['nej øjeblik, beløbet skulle være 3.200', ['Jeg har rettet «Beløb» til 3.200,00 kr.', SUMMARY, without(CANCELLED), without('kr..')]],
        ['nej hov, afregningsnummeret er RA-8', ['Jeg har rettet «Afregningsnummer» til RA-8', SUMMARY]],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = (await world.allCases()).find((c) => c.values.afregningsnummer === 'RA-8');
      expect(created?.values).toMatchObject({ beloeb: 3200, afregningsnummer: 'RA-8', problem: 'forkert-beloeb' });
    });

    it('asks the field it names when no value fits, and which field when it names none', async () => {
      await new Chat(world, OLE).run([
        ...TO_THE_SUMMARY,
        ['nej, problemet er ikke det rigtige', ['Hvad er problemet?', without(CANCELLED), without(SUMMARY)]],
        ['mangler godkendelse', [SUMMARY, 'Mangler godkendelse']],
        ['nej det passer ikke helt', ['Hvilket felt vil du rette?', without(CANCELLED)]],
        ['Beskrivelse', 'Beskrivelse'],
      ]);
    });

    it('takes an English correction too', async () => {
      await new Chat(world, OLE).run([
        ...TO_THE_SUMMARY,
        ['no sorry, the amount should be 900', ['I have changed «Amount» to DKK 900.00.', 'Shall I send it?', without('cancelled')]],
      ]);
    });

    it('still cancels on a cancel said in so many words', async () => {
      await new Chat(world, OLE).run([...TO_THE_SUMMARY, ['nej, glem det hele', CANCELLED]]);
      await new Chat(world, OLE).run([...TO_THE_SUMMARY, ['nej tak', CANCELLED]]);
      await new Chat(world, OLE).run([...TO_THE_SUMMARY, ['Annuller', CANCELLED]]);
    });

    it('changes the field named with its value without a "nej" as well', async () => {
      await new Chat(world, OLE).run([...TO_THE_SUMMARY, ['ret problemet til mangler godkendelse', ['Jeg har rettet «Hvad er problemet?» til Mangler godkendelse', SUMMARY]]]);
    });
  });

  describe('when the user does not know the answer to a choice', () => {
    it('chooses «Intet bestemt system» at the system, saying so — the case goes on', async () => {
      await new Chat(world, OLE).run([
        ['opret en sag om løn', 'Hvilket system'],
        ['det aner jeg ikke', ['Så vælger jeg «Intet bestemt system»', without(CANCELLED)]],
      ]);
      await new Chat(world, OLE).run([
        ['opret en sag om løn', 'Hvilket system'],
        ["I don't know", [/Så vælger jeg «Intet bestemt system»|Then I choose «No particular system»/, without(CANCELLED), without('cancelled')]],
      ]);
    });

    it('explains the options at the area, a choice field and the summary, and cancels nothing', async () => {
      await new Chat(world, OLE).run([
        ['jeg vil oprette en sag', 'Hvilket område'],
        ['ikke sikker', ['Det er helt i orden', 'Brugeradministration (', without(CANCELLED)]],
        ['Økonomi og Regnskab', 'Hvilket system'],
        ['RejsUd', 'Hvilken formular'],
        ['Rejseafregning i RejsUd', 'Hvad er problemet?'],
        ['ved det ikke', ['Vælg den mulighed, der passer bedst', 'vælg «Andet»', without(CANCELLED)]],
        ['Andet', 'Afregningsnummer'],
        ['det ved jeg ikke', 'Rejsens startdato'],
        ['spring over', 'Beløb'],
        ['spring over', 'Beskrivelse'],
        ['Jeg kan ikke se afregningen i oversigten.', SUMMARY],
        ['det ved jeg ikke', ['Bekræft', actions('Bekræft', 'Ret et felt', 'Annuller'), without(CANCELLED)]],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
    });
  });

  describe('when text other than Ja or Nej is typed at «Er det dit svar til …?»', () => {
    it('weighs it as a new answer to the same field: an unclear one is confirmed again, a "nej" with a value is that value, and nothing lands one field off', async () => {
      await new Chat(world, OLE).run([
        ['opret sag om faktura', 'Hvad er problemet?'],
        ['Andet', 'Fakturanummer'],
        ['nummeret er vist 4711 på fakturaen', 'Er det dit svar til «Fakturanummer»?'],
        ['leverandøren er Papirhuset ApS', ['Du skrev «leverandøren er Papirhuset ApS».', 'Er det dit svar til «Fakturanummer»?']],
        ['nej, det er INV-4711', ['Leverandør', without('Er det dit svar')]],
        ['Papirhuset ApS', 'CVR'],
        ['spring over', 'Fakturadato'],
        ['spring over', 'Beløb'],
        ['spring over', 'Beskrivelse'],
        ['Fakturaen er ikke kommet frem i IndFak endnu.', SUMMARY],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = (await world.allCases()).find((c) => c.values.fakturanummer === 'INV-4711');
      expect(created?.values).toMatchObject({ fakturanummer: 'INV-4711', leverandoer: 'Papirhuset ApS' });
    });

    it('asks the field again on a plain "nej"', async () => {
      await new Chat(world, OLE).run([
        ['opret sag om faktura', 'Hvad er problemet?'],
        ['Andet', 'Fakturanummer'],
        ['det står på bilaget vist', 'Er det dit svar til «Fakturanummer»?'],
        ['Nej', ['Fakturanummer', without('Er det dit svar'), without('Leverandør')]],
      ]);
    });

    it('leaves an optional field empty on "nej, det har vi ikke", "ikke relevant" or "I don\'t have one"', async () => {
      const last = await new Chat(world, OLE).run([
        ['opret sag om rejseafregning', 'Hvad er problemet?'],
        ['Mangler godkendelse', 'Afregningsnummer'],
        ['har ikke fået noget endnu', 'Er det dit svar til «Afregningsnummer»?'],
        ['nej, det har vi ikke', ['Rejsens startdato', without('Er det dit svar')]],
        ['ikke relevant', 'Beløb'],
        ["I don't have one", /Beskrivelse|Description/],
        ['Min leder har ikke godkendt afregningen i tre uger.', SUMMARY],
      ]);
      expect(last.text).toContain('**Afregningsnummer:** (ikke udfyldt)');
      expect(last.text).toContain('**Beløb:** (ikke udfyldt)');
    });

    it('leaves an optional field empty on a plain "nej" at the field itself', async () => {
      await new Chat(world, OLE).run([
        ['opret sag om rejseafregning', 'Hvad er problemet?'],
        ['Mangler godkendelse', 'Afregningsnummer'],
        ['nej', ['Rejsens startdato', without('Er det dit svar')]],
      ]);
    });
  });

  describe('when a button\'s words or a skip are typed as a required text', () => {
    it('at the CPR question asks again with why, and never stores "Spring over" as the description or the title', async () => {
      const last = await new Chat(world, OLE).run([
        ['opret sag om faktura', 'Hvad er problemet?'],
        ['Andet', 'Fakturanummer'],
        ['F-1', 'Leverandør'],
        ['Kontorland A/S', 'CVR'],
        ['spring over', 'Fakturadato'],
        ['spring over', 'Beløb'],
        ['spring over', 'Beskrivelse'],
        ['Kollegaen 010203-1234 har fået en forkert faktura.', 'Det ligner et CPR-nummer'],
        ['spring feltet over', ['«Beskrivelse» skal udfyldes og kan ikke springes over.', 'Fjern CPR-nummeret', without(SUMMARY)]],
        ['Bekræft', ['er et valg på en knap', without(SUMMARY)]],
        ['Fjern CPR-nummeret', [SUMMARY, 'Kollegaen', without('**Titel:** Spring')]],
      ]);
      expect(last.text).not.toContain('Spring feltet over');
    });

    it('at the description itself asks again with why', async () => {
      await new Chat(world, OLE).run([
        ['opret sag om rejseafregning', 'Hvad er problemet?'],
        ['Andet', 'Afregningsnummer'],
        ['spring over', 'Rejsens startdato'],
        ['spring over', 'Beløb'],
        ['spring over', 'Beskrivelse'],
        ['ikke relevant', ['skal udfyldes og kan ikke springes over', 'Beskrivelse', without(SUMMARY)]],
        ['Ret et felt', ['er et valg på en knap', without(SUMMARY)]],
        ['Afregningen kan ikke åbnes i RejsUd.', SUMMARY],
      ]);
    });
  });

  describe('when the shared mailbox is named by what it is', () => {
    it.each(['fra fællespostkassen', 'den skal komme fra vores fællespostkasse', 'from the shared mailbox', 'postkassen'])('"%s" picks the one mailbox', async (said) => {
      await new Chat(world, ANNA).run([
        ['opret sag om faktura', 'Skal sagen sendes fra dig eller fra en fællespostkasse?'],
        [said, [/Hvad er problemet\?|What is the problem\?/, without('er ikke en af mulighederne')]],
        ['Andet', /Fakturanummer|Invoice number/],
        ['F-55', /Leverandør|Supplier/],
        ['Kontorland A/S', /CVR/],
        ['spring over', /Fakturadato|Invoice date/],
        ['spring over', /Beløb|Amount/],
        ['spring over', /Beskrivelse|Description/],
        ['Fakturaen fra Kontorland er forsvundet.', /Sendes fra:\*\* loen@eksempelstyrelsen\.dk|Sent from:\*\* loen@eksempelstyrelsen\.dk/],
      ]);
    });

    it('"fra mig selv" picks the user', async () => {
      await new Chat(world, ANNA).run([
        ['opret sag om faktura', 'Skal sagen sendes fra dig eller fra en fællespostkasse?'],
        ['fra mig selv', 'Hvad er problemet?'],
        ['Andet', 'Fakturanummer'],
        ['F-56', 'Leverandør'],
        ['Kontorland A/S', 'CVR'],
        ['spring over', 'Fakturadato'],
        ['spring over', 'Beløb'],
        ['spring over', 'Beskrivelse'],
        ['Fakturaen fra Kontorland er forsvundet.', '**Sendes fra:** anna@eksempelstyrelsen.dk'],
      ]);
    });
  });
});
