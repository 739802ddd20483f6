/**
 * Transcripts of the path a request names (round 20): removing access never opens the form for granting it, a
 * form that only one system of the area has says the system, and a description typed at the system question is
 * kept, not thrown away or read as an option from a word inside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';
import { CASE_NUMBER } from '../support/case-number.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

describe('the path a request names', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  describe('when the request removes a user’s access', () => {
    it.each([
      ['jeg skal have fjernet en brugers adgang til Navision Stat', 'Navision Stat'],
      ['nedlæg adgang til RejsUd for en kollega der er fratrådt', 'RejsUd'],
      ['opret sag om nedlæggelse af adgang til IndFak', 'IndFak/SDI'],
      ['vores nye vikar er stoppet igen, hans bruger i SLS skal lukkes', 'SLS/HR-Løn'],
      ['kan I spærre Karens adgang til LDV fra fredag', 'LDV'],
      ['opret en sag om adgangsnedlæggelse i Statens Refusion', 'Statens Refusion'],
      ['please revoke a former colleague’s access to RejsUd', 'RejsUd'],
      ['she has left the organisation – please disable her user in Navision Stat', 'Navision Stat'],
      ['opret en sag om sletning af en bruger i Statens HR', 'Statens HR'],
      ['we need to offboard a colleague from Navision Stat', 'Navision Stat'],
      ['please remove Peter from IndFak, he left last week', 'IndFak/SDI'],
      ['nedlæg Karens bruger i IndFak', 'IndFak/SDI'],
      ['spær Karens bruger i RejsUd med det samme', 'RejsUd'],
      ["deactivate John's account in RejsUd", 'RejsUd'],
    ])('"%s" chooses the removal form', async (text, system) => {
      const reply = await new Chat(world, ANNA).say(text);
      expect(reply.text).toMatch(/Jeg har valgt Brugeradministration|I have chosen User Administration/);
      expect(reply.text).toContain(system);
      expect(reply.text).toMatch(/Nedlæggelse af brugeradgang|Removal of user access/);
      expect(reply.text).not.toMatch(/Brugeradgang til et system|User access to a system/);
    });

    it('creates a case on the removal form with the date access ends', async () => {
      const last = await new Chat(world, ANNA).run([
        ['jeg skal have fjernet en brugers adgang til Navision Stat', ['Nedlæggelse af brugeradgang', without('Brugeradgang til et system')]],
        ['Fra mig', 'Brugerens navn'],
        ['Karen Jensen', 'Brugerens e-mail'],
        ['karen@eksempelstyrelsen.dk', 'Adgangen ophører'],
        ['31-03-2027', 'Beskrivelse'],
        ['Karen fratræder med udgangen af marts.', 'Her er din sag'],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const number = CASE_NUMBER.exec(last.text)?.[0] ?? '';
      expect(await world.cases.getByNumber(number)).toMatchObject({ formId: 'brugeradministration.nedlaeg-adgang', systemId: 'navision-stat', values: { brugerNavn: 'Karen Jensen', ophoersdato: '2027-03-31' } });
    });

    it('without a system, asks for the system and keeps the removal form', async () => {
      await new Chat(world, ANNA).run([
        ['opret sag om brugernedlæggelse', ['Jeg har valgt Brugeradministration', 'Hvilket system']],
        ['RejsUd', ['Skal sagen sendes fra', without('Hvilken formular')]],
        ['Fra mig', 'Brugerens navn'],
      ]);
    });

    it('a removal typed at the form question picks the removal form', async () => {
      await new Chat(world, ANNA).run([
        ['opret sag under brugeradministration', 'Hvilket system'],
        ['RejsUd', 'Hvilken formular'],
        ['han er fratrådt, så hans adgang skal fjernes', 'Skal sagen sendes fra'],
        ['Fra mig', 'Brugerens navn'],
        ['Ole Hansen', 'Brugerens e-mail'],
        ['ole@eksempelstyrelsen.dk', ['Adgangen ophører', without('Roller eller rettigheder')]],
      ]);
    });
  });

  describe('when a description is typed where the system is asked', () => {
    it('picks no option from a word inside it, keeps it as the description and asks again', async () => {
      await new Chat(world, ANNA).run([
        ['opret sag under Statens Løn og HR', 'Hvilket system'],
        [
          'Tolv ansatte fik for lidt i løn i februar, og der er intet i lønsedlen der forklarer det',
          ['gemt som sagens beskrivelse', 'Hvilket system', without('Intet bestemt system →'), without('Skal sagen sendes fra')],
        ],
        ['SLS', 'Hvilken formular'],
        ['Fejl i lønkørsel', 'Skal sagen sendes fra'],
        ['Fra mig', 'Udbetalingsdato'],
        ['27-02-2026', 'Hvilke fejl ser I'],
        ['Forkert beløb', 'Antal berørte medarbejdere'],
        ['12', 'Haster sagen'],
        ['nej', ['Telefonnummer', without('Beskrivelse')]],
        ['spring over', ['Her er din sag', 'Tolv ansatte fik for lidt i løn i februar']],
      ]);
    });

    it('in English too, and a system named in the sentence is chosen', async () => {
      await new Chat(world, ANNA).run([
        ['create a case under Finance and Accounting', 'Which system'],
        ['The period closing in Navision Stat cannot be completed because of differences in the ledger', ['Which form fits best', without('not one of the options')]],
      ]);
    });
  });

  describe('when the request names a form by a long name of its own and nothing else', () => {
    it.each([
      ['opret sag om tjenestemandspension', 'Statens Løn og HR → Statens Pensionssystem → Tjenestemandspension'],
      ['der er noget galt med periodeafslutningen, kan I oprette en sag', 'Økonomi og Regnskab → Navision Stat → Bogføring og regnskab i Navision Stat'],
    ])('"%s" chooses its area, system and form', async (text, path) => {
      const reply = await new Chat(world, ANNA).say(text);
      expect(reply.text).toContain(path);
      expect(reply.text).not.toMatch(/Hvilket område|Hvilket system/);
    });
  });

  describe('when the request names a form that only one system of the area has', () => {
    it.each([
      'opret sag om fejl i lønkørsel',
      'der er fejl i lønkørslen, kan I oprette en sag',
      'I need to report an error in a pay run',
    ])('"%s" chooses that system and form without asking for the system', async (text) => {
      const reply = await new Chat(world, ANNA).say(text);
      expect(reply.text).toMatch(/Statens Løn og HR → SLS\/HR-Løn → Fejl i lønkørsel|State Payroll and HR → SLS\/HR-Løn → Error in a pay run/);
      expect(reply.text).not.toMatch(/Hvilket system|Which system/);
    });
  });

  describe('when an answer to the first question after the path is not valid', () => {
    it.each([
      ['kan du oprette en sag til mig om en faktura i IndFak', '12345', /^(?:"12345"|Det) er ikke en af mulighederne/, /Skal sagen sendes fra/],
      ['I need to open a ticket about an invoice in IndFak', 'blue', /^(?:"blue"|That) is not one of the options/, /Should the case be sent from/],
    ])('"%s" then "%s": the problem first, the path not said again', async (request, answer, problem, question) => {
      const chat = new Chat(world, ANNA);
      expect((await chat.say(request)).text).toMatch(/Jeg har valgt|I have chosen/);
      const again = await chat.say(answer);
      expect(again.text).toMatch(problem);
      expect(again.text).toMatch(question);
      expect(again.text).not.toMatch(/Jeg har valgt|I have chosen/);
      expect(again.actions).toEqual(expect.arrayContaining([expect.stringMatching(/Vælg et andet|Choose another/)]));
    });
  });
});
