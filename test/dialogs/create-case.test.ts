import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTranscript, type CasePlan } from '../support/case-plans.js';
import { actions, Chat, createConversationWorld, messages, without, type ConversationWorld, type TranscriptRow } from '../support/conversation.js';
import { createdNumber } from '../support/case-number.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
const LARS = 'lars@testministeriet.dk';

describe('creating a case in chat', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  describe('when anna walks through a whole case in each area', () => {
    const plans: CasePlan[] = [
      { areaId: 'kundebetjening', systemSays: 'SLS/HR-Løn', formId: 'kundebetjening.loenindberetning', sentFromSays: 'Fra mig' },
      { areaId: 'brugeradministration', areaSays: 'brugeradmin', systemSays: 'navison stat', formId: 'brugeradministration.ny-adgang', sentFromSays: 'Fra mig' },
      { areaId: 'oekonomi', areaSays: 'økonomi', systemSays: 'indfak', formId: 'oekonomi.faktura', sentFromSays: 'Fra mig' },
      { areaId: 'loen-hr', systemSays: 'sls', formId: 'loen-hr.fejl-i-loenkoersel', sentFromSays: 'loen@eksempelstyrelsen.dk' },
      { areaId: 'bi', areaSays: 'business inteligence', systemSays: 'LDV', formId: 'bi.rapport', sentFromSays: 'Fra mig' },
      { areaId: 'oevrige', systemSays: 'CIP', formId: 'oevrige.oevrige', sentFromSays: 'Fra mig', answers: { henvendelsestype: 'CIP' } },
    ];
    it.each(plans)('creates the case in $areaId with the validated values ($formId)', async (plan) => {
      const chat = new Chat(world, ANNA);
      const last = await chat.run(caseTranscript(plan));
      const number = createdNumber(last.text);
      const created = await world.cases.getByNumber(number);
      expect(created).toMatchObject({ areaId: plan.areaId, formId: plan.formId, status: 'modtaget', institutionId: 'eksempelstyrelsen' });
      const anna = await world.directory.getUserByEmail(ANNA);
      const loen = await world.directory.getUserByEmail('loen@eksempelstyrelsen.dk');
      expect(created?.requesterId).toBe(anna?.id);
      expect(created?.sentFromId).toBe(plan.sentFromSays?.startsWith('loen') ? loen?.id : anna?.id);
      expect(created?.values.beskrivelse).toBe('Der er et problem, som jeg gerne vil have hjælp til hurtigst muligt.');
    });
  });

  describe('when a user with community access creates a case', () => {
    it('asks which institution and creates the case there', async () => {
      const chat = new Chat(world, LARS);
      const last = await chat.run([
        ['opret sag om rejsud', ['Jeg har valgt Økonomi og Regnskab → RejsUd.', 'Hvilken formular', actions('Rejseafregning i RejsUd', 'Vælg et andet')]],
        ['Rejseafregning i RejsUd', ['Hvilken institution gælder sagen?', actions('Testministeriet', 'Eksempelstyrelsen', 'Demo-instituttet')]],
        ['demo-instituttet', 'Hvad er problemet?'],
        ['2', 'Afregningsnummer'],
        ['spring over', 'Rejsens startdato'],
        ['', 'Beløb'],
        ['1.250,50', 'Beskrivelse'],
        ['Afregningen fra mødet i Odense er afvist.', ['Her er din sag', 'Demo-instituttet', '1.250,50 kr.', actions('Bekræft', 'Ret et felt', 'Annuller')]],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created).toMatchObject({ institutionId: 'demo-instituttet', systemId: 'rejsud', values: { problem: 'afvist', beloeb: 1250.5 } });
    });
  });

  describe('when answers are invalid', () => {
    const reasks: TranscriptRow[] = [
      ['opret sag', 'Hvilket område'],
      ['Kantinen', ['"Kantinen" er ikke en af mulighederne', 'Hvilket område']],
      ['Statens Løn og HR', 'Hvilket system'],
      ['SAP', ['"SAP" er ikke en af mulighederne', 'Hvilket system']],
      ['SLS', 'Hvilken formular'],
      ['Fejl i lønkørsel', 'Skal sagen sendes fra'],
      ['fra chefen', ['er ikke en af mulighederne', 'Skal sagen sendes fra']],
      ['Fra mig', 'Udbetalingsdato'],
      ['31-02-2026', ['Skriv en gyldig dato', 'Udbetalingsdato']],
      ['27-02-2026', 'Hvilke fejl ser I?'],
      ['forkert moms', ['er ikke en af mulighederne', 'Hvilke fejl ser I?']],
      ['Forkert beløb og forkert skat', 'Antal berørte medarbejdere'],
      ['mange', ['Skriv et helt tal, fx 12.', 'Antal berørte medarbejdere']],
      ['2,5', ['Skriv et helt tal', 'Antal berørte medarbejdere']],
      ['0', ['Tallet skal være mellem 1 og 100.000', 'Antal berørte medarbejdere']],
      ['4', 'Haster sagen?'],
      ['måske', ['Svar ja eller nej', 'Haster sagen?']],
      ['nej', 'Beskrivelse'],
      ['kort', ['Svaret skal være mindst 10 tegn', 'Beskrivelse']],
      ['Fire medarbejdere fik forkert løn i februar.', 'Telefonnummer'],
      ['ring til mig', ['Telefonnummer']],
      ['123', ['Telefonnummer']],
      ['abc', ['Det er valgfrit', actions('Spring feltet over', 'Prøv igen', 'Annuller sagen')]],
      ['Spring feltet over', ['Her er din sag', 'Forkert beløb, Forkert skat']],
      ['Bekræft', 'Din sag er oprettet'],
    ];
    it('re-asks each field with the reason, and offers to skip an optional field after three tries', async () => {
      const last = await new Chat(world, ANNA).run(reasks);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created?.values).toMatchObject({ udbetalingsdato: '2026-02-27', fejltype: ['forkert-beloeb', 'skat'], antalBeroerte: 4, haster: false });
      expect(created?.values.telefon).toBeUndefined();
    });

    it('re-asks e-mail, text length and pattern fields, and offers only retry or cancel for a required field', async () => {
      await new Chat(world, ANNA).run([
        ['opret sag', 'Hvilket område'],
        ['Brugeradministration', 'Hvilket system'],
        ['Navision Stat', 'Hvilken formular'],
        ['Brugeradgang til et system', 'Skal sagen sendes fra'],
        ['Fra mig', 'Brugerens navn'],
        ['P', ['Svaret skal være mindst 2 tegn', 'Brugerens navn']],
        ['Peter Petersen', 'Brugerens e-mail'],
        ['peter', ['Brugerens e-mail']],
        ['peter@', ['Brugerens e-mail']],
        ['peter@@x', [/prøve igen eller annullere/, actions('Prøv igen', 'Annuller sagen'), without('Spring feltet over')]],
        ['Prøv igen', 'Brugerens e-mail'],
        ['PETER@eksempelstyrelsen.dk', 'Roller eller rettigheder'],
        ['annuller', 'Sagen er annulleret'],
      ]);
      await new Chat(world, ANNA).run([
        ['opret sag om indfak', 'Hvilken formular'],
        ['faktura', 'Skal sagen sendes fra'],
        ['mig', 'Hvad er problemet?'],
        ['9', ['er ikke en af mulighederne', 'Hvad er problemet?']],
        ['betaling', 'Fakturanummer'],
        ['F-1', 'Leverandør'],
        ['Kontorartikler A/S', 'CVR-nummer'],
        ['1234', ['Svaret skal være 8 cifre', 'CVR-nummer']],
        ['annuller', 'Sagen er annulleret'],
      ]);
    });
  });

  describe('when the user changes a field at the summary', () => {
    it('asks that field again, returns to the summary and sends the new value', async () => {
      const chat = new Chat(world, ANNA);
      const last = await chat.run([
        ['opret sag', 'Hvilket område'],
        ['Øvrige', 'Hvilket system'],
        ['Campus', 'Skal sagen sendes fra'],
        ['Fra mig', 'Hvad drejer henvendelsen sig om?'],
        ['Campus', 'Emne'],
        ['Kursus i Campus', 'Beskrivelse'],
        ['Jeg kan ikke se mine kurser i Campus.', 'Telefonnummer'],
        ['spring over', ['Her er din sag', 'Kursus i Campus']],
        ['Ret et felt', ['Hvilket felt vil du rette?', actions('Emne', 'Beskrivelse', 'Telefonnummer')]],
        ['emne', 'Emne'],
        ['Tilmelding til kursus', ['Her er din sag', 'Tilmelding til kursus', without('Kursus i Campus')]],
        ['Ret et felt', 'Hvilket felt'],
        ['Telefonnummer', 'Telefonnummer'],
        ['12 34 56 78', ['Her er din sag', '+45 12 34 56 78']],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created?.values).toMatchObject({ emne: 'Tilmelding til kursus', telefon: '+4512345678' });
      expect(created?.subject).toBe('Tilmelding til kursus');
    });

    it('asks a field that becomes visible when a choice changes', async () => {
      const last = await new Chat(world, ANNA).run([
        ['opret sag', 'Hvilket område'],
        ['Øvrige', 'Hvilket system'],
        ['Intet bestemt system', 'Skal sagen sendes fra'],
        ['Fra mig', 'Hvad drejer henvendelsen sig om?'],
        ['Andet', 'Emne'],
        ['Adgang', 'Beskrivelse'],
        ['Jeg skal bruge adgang til Testministeriet.', 'Telefonnummer'],
        ['spring over', 'Her er din sag'],
        ['Ret et felt', 'Hvilket felt'],
        ['Hvad drejer henvendelsen sig om?', 'Hvad drejer henvendelsen sig om?'],
        ['lønfællesskab', 'Hvilke institutioner skal du have adgang til?'],
        ['Testministeriet', ['Her er din sag', 'Testministeriet']],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const number = createdNumber(last.text);
      const anna = await world.directory.getUserByEmail(ANNA);
      const requests = await world.directory.listCommunityRequests({ userId: anna?.id ?? '' });
      expect(requests).toEqual([expect.objectContaining({ institutionId: 'testministeriet', status: 'pending', caseNumber: number })]);
    });
  });

  describe('when the user cancels', () => {
    const steps: [string, TranscriptRow[]][] = [
      ['area', [['opret sag', 'Hvilket område']]],
      ['system', [['opret sag', 'Hvilket område'], ['BI', 'Hvilket system']]],
      ['form', [['opret sag', 'Hvilket område'], ['BI', 'Hvilket system'], ['isola', 'Hvilken formular']]],
      ['sent from', [['opret sag', 'Hvilket område'], ['BI', 'Hvilket system'], ['isola', 'Hvilken formular'], ['Rapport eller data', 'Skal sagen sendes fra']]],
      ['a field', [['opret sag', 'Hvilket område'], ['BI', 'Hvilket system'], ['isola', 'Hvilken formular'], ['Rapport eller data', 'sendes fra'], ['Fra mig', 'Rapportens navn']]],
      ['a re-ask', [['opret sag', 'Hvilket område'], ['BI', 'Hvilket system'], ['isola', 'Hvilken formular'], ['Rapport eller data', 'sendes fra'], ['Fra mig', 'Rapportens navn'], ['Lønrapport', 'Hvad drejer'], ['x', 'er ikke en af']]],
    ];
    it.each(steps)('at the %s step, nothing is sent and the next turn is routed normally', async (_step, rows) => {
      const before = (await world.allCases()).length;
      await new Chat(world, ANNA).run([...rows, ['annuller', 'Sagen er annulleret. Intet er sendt.'], ['mine sager', 'Dine sager']]);
      expect((await world.allCases()).length).toBe(before);
    });

    it('at the summary and while picking a field', async () => {
      const before = (await world.allCases()).length;
      const chat = new Chat(world, ANNA);
      const toSummary: TranscriptRow[] = [
        ['opret sag', 'Hvilket område'],
        ['Øvrige', 'Hvilket system'],
        ['CIP', 'sendes fra'],
        ['Fra mig', 'Hvad drejer'],
        ['CIP', 'Emne'],
        ['Integration', 'Beskrivelse'],
        ['Integrationen til CIP fejler.', 'Telefonnummer'],
        ['spring over', 'Her er din sag'],
      ];
      await chat.run([...toSummary, ['Annuller', 'Sagen er annulleret']]);
      await chat.run([...toSummary, ['Ret et felt', 'Hvilket felt'], ['annuller', 'Sagen er annulleret']]);
      expect((await world.allCases()).length).toBe(before);
    });
  });

  describe('when the user interrupts the form', () => {
    it('explains the step, answers a knowledge question, "mine sager" and a status, starts over, and resumes each time', async () => {
      const demo = await world.demoCase('Rejseafregning afvist');
      await new Chat(world, ANNA).run([
        ['opret sag', 'Hvilket område'],
        ['hjælp', messages(['Vælg det område, din henvendelse hører til', 'Hvilket område'])],
        ['Økonomi og Regnskab', 'Hvilket system'],
        // The answer, then one message that says the dialog goes on and asks again.
        ['Hvordan nulstiller jeg min adgangskode?', [messages(['Glemt adgangskode'], ['Så fortsætter vi, hvor vi slap', 'Hvilket system']), without('Hjalp det?')]],
        ['RejsUd', 'Hvilken formular'],
        ['mine sager', messages(['Dine sager'], ['Så fortsætter vi', 'Hvilken formular'])],
        ['Rejseafregning i RejsUd', 'sendes fra'],
        ['Fra mig', 'Hvad er problemet?'],
        [`status på ${demo.number}`, [`${demo.number}`, 'Status: **Modtaget**', 'Hvad er problemet?']],
        ['hjælp', ['Skriv "annuller"', 'Hvad er problemet?']],
        ['Afregningen er afvist', 'Afregningsnummer'],
        ['Hvad koster en kop kaffe i kantinen?', ['ikke finde et svar', 'Afregningsnummer']],
        ['forfra', ['Vi starter forfra', 'Hvilket område']],
        ['annuller', 'Sagen er annulleret'],
      ]);
    });
  });

  describe('when the confirmation arrives twice', () => {
    it('creates one case: a second click says so, and a retried confirmation gets the same case', async () => {
      const chat = new Chat(world, ANNA);
      const rows = caseTranscript({ areaId: 'bi', systemSays: 'ISOLA', formId: 'bi.rapport', sentFromSays: 'Fra mig' });
      const beforeConfirm = rows.slice(0, -1);
      await chat.run(beforeConfirm);
      // The conversation state as it was when "Bekræft" was sent (a retried request sees this again).
      const key = `emulator/conversations/${chat.adapter.conversation.conversation.id}`;
      const snapshot = await world.storage.read([key]);
      const before = (await world.allCases()).length;
      const first = await chat.say('Bekræft');
      const number = createdNumber(first.text);
      const second = await chat.say('Bekræft');
      expect(second.text).toContain(`allerede oprettet med nummeret **${number}**`);
      const stored = snapshot[key] as Record<string, unknown>;
      await world.storage.write({ [key]: { ...stored, eTag: '*' } });
      const retried = await chat.say('Bekræft');
      expect(retried.text).toContain(number);
      expect((await world.allCases()).length).toBe(before + 1);
    });
  });
});
