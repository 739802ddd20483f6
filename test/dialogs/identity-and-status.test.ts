import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
const METTE = 'mette@eksempelstyrelsen.dk';
const KIM = 'kim@konsulenthuset.dk';
const OLE = 'ole@demo-institut.dk';
const LARS = 'lars@testministeriet.dk';

describe('who the assistant talks to', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld({ pageSize: 2 });
  });
  afterAll(async () => world.dispose());

  describe('when an unknown person wants to create a case', () => {
    it('registers them with the domain check, then starts the case', async () => {
      await new Chat(world, 'nina@testministeriet.dk', { name: 'Nina Nielsen' }).run([
        ['opret sag', ['Jeg ved ikke, hvem du er endnu', 'Hvilken institution', actions('Testministeriet')]],
        ['testministeriet', ['Velkommen, Nina Nielsen', 'Testministeriet', 'Hvilket område']],
        ['annuller', 'annulleret'],
      ]);
      expect(await world.directory.getUserByEmail('nina@testministeriet.dk')).toMatchObject({ primaryInstitutionId: 'testministeriet', kind: 'employee' });
    });

    it('takes the institution typed with a space or a typo instead of clicked', async () => {
      await new Chat(world, 'sara@testministeriet.dk', { name: 'Sara Svendsen' }).run([
        ['opret sag', ['Hvilken institution', actions('Testministeriet')]],
        ['test minsteriet', ['Velkommen, Sara Svendsen', 'Testministeriet', 'Hvilket område']],
        ['annuller', 'annulleret'],
      ]);
      expect(await world.directory.getUserByEmail('sara@testministeriet.dk')).toMatchObject({ primaryInstitutionId: 'testministeriet' });
    });

    it('refuses an e-mail whose domain does not belong to the institution, with the reason', async () => {
      await new Chat(world, 'anonym-1').run([
        ['opret mig som bruger', 'Hvilken institution'],
        ['Testministeriet', 'Hvad er din e-mailadresse'],
        ['ikke en adresse', ['Det ligner ikke en e-mailadresse', 'Hvad er din e-mailadresse']],
        ['per@eksempelstyrelsen.dk', 'Hvad er dit fulde navn?'],
        ['Per Hansen', ['Jeg kan ikke oprette dig', 'eksempelstyrelsen.dk kan ikke tilknyttes Testministeriet']],
      ]);
      expect(await world.directory.getUserByEmail('per@eksempelstyrelsen.dk')).toBeUndefined();
    });

    it('after a refusal offers to choose another institution (naming the one the address fits), correct the address, or contact the desk', async () => {
      await new Chat(world, 'anonym-3').run([
        ['opret mig som bruger', 'Hvilken institution'],
        ['Testministeriet', 'Hvad er din e-mailadresse'],
        ['per@eksempelstyrelsen.dk', 'Hvad er dit fulde navn?'],
        ['Per Hansen', ['Jeg kan ikke oprette dig', 'Din e-mailadresse passer til Eksempelstyrelsen.', 'Hvad vil du gøre?', actions('Vælg en anden institution', 'Ret e-mailadressen', 'Kontakt servicedesken')]],
        ['Vælg en anden institution', 'Hvilken institution'],
        ['Eksempelstyrelsen', 'Jeg har sendt en engangskode på seks cifre til per@eksempelstyrelsen.dk'],
        [() => world.codes.codeTo('per@eksempelstyrelsen.dk'), 'Velkommen, Per Hansen'],
      ]);
      expect(await world.directory.getUserByEmail('per@eksempelstyrelsen.dk')).toMatchObject({ primaryInstitutionId: 'eksempelstyrelsen' });
    });

    it('advises on an address outside every institution, and shows the desk\'s contact details on request', async () => {
      await new Chat(world, 'anonym-4').run([
        ['opret mig som bruger', 'Hvilken institution'],
        ['Testministeriet', 'Hvad er din e-mailadresse'],
        ['jens@gmail.com', 'Hvad er dit fulde navn?'],
        ['Jens Jensen', ['Jeg kan ikke oprette dig', 'hører ikke til nogen institution', 'Brug din arbejdsmail']],
        ['Ret e-mailadressen', 'Hvad er din e-mailadresse'],
        ['jens@testministeriet.dk', 'engangskode'],
        [() => world.codes.codeTo('jens@testministeriet.dk'), 'Velkommen, Jens Jensen'],
      ]);
      await new Chat(world, 'anonym-5').run([
        ['opret mig som bruger', 'Hvilken institution'],
        ['Testministeriet', 'Hvad er din e-mailadresse'],
        ['jens@gmail.com', 'Hvad er dit fulde navn?'],
        ['Jens Jensen', actions('Kontakt servicedesken')],
        ['Kontakt servicedesken', [without('Hvad vil du gøre?'), /Kilde|kontakt|telefon/i]],
      ]);
    });

    it('remembers a person registered in a chat whose channel gives no e-mail', async () => {
      await new Chat(world, 'anonym-2').run([
        ['registrer mig', 'Hvilken institution'],
        ['Demo-instituttet', 'e-mailadresse'],
        ['bo@demo-institut.dk', 'fulde navn'],
        ['Bo Bech', 'engangskode'],
        [() => world.codes.codeTo('bo@demo-institut.dk'), 'Velkommen, Bo Bech'],
        ['mine sager', 'Du har ingen sager endnu'],
        ['opret mig', 'allerede oprettet som Bo Bech hos Demo-instituttet'],
      ]);
    });
  });

  describe('when a consultant has not accepted the consent declaration', () => {
    it('shows it before the first case; declining stops, accepting goes on to the case', async () => {
      await new Chat(world, KIM).run([
        ['opret sag', ['samtykkeerklæringen', 'Samtykkeerklæring for konsulenter', actions('Accepter', 'Afvis'), without('Hvilket område')]],
        ['Afvis', 'du kan ikke oprette sager'],
        ['opret sag', 'Samtykkeerklæring'],
        ['måske', ['Det forstod jeg ikke', 'Samtykkeerklæring']],
        ['Accepter', ['Tak, du har accepteret', 'Hvilket område']],
        ['annuller', 'annulleret'],
      ]);
      expect((await world.directory.getUserByEmail(KIM))?.consentAcceptedVersion).toBe(1);
    });
  });

  describe('when someone asks for access to another institution', () => {
    it('orders it with a case on the form Øvrige, like every other request: summary, confirmation, case number (round 21)', async () => {
      const last = await new Chat(world, ANNA).run([
        ['jeg skal have adgang til Testministeriet', ['Øvrige → Øvrige', 'Telefonnummer', without('er sendt'), without('Skal sagen sendes fra')]],
        ['spring over', ['Her er din sag', 'Adgang til flere institutioner (lønfællesskab)', 'Testministeriet', 'Adgang til Testministeriet (lønfællesskab)', 'jeg skal have adgang til Testministeriet']],
        ['Bekræft', ['Din sag er oprettet', 'anmodning om adgang til Testministeriet er sendt', actions('Mine sager')]],
      ]);
      const number = /SA-\d{4}-\d{6}/.exec(last.text)?.[0];
      const anna = await world.directory.getUserByEmail(ANNA);
      expect(await world.directory.listCommunityRequests({ userId: anna?.id ?? '' })).toEqual([expect.objectContaining({ institutionId: 'testministeriet', status: 'pending', caseNumber: number })]);
      const created = await world.cases.getByNumber(number ?? '');
      expect(created).toMatchObject({ formId: 'oevrige.oevrige', subject: 'Adgang til Testministeriet (lønfællesskab)', sentFromId: anna?.id });
      await new Chat(world, ANNA).run([['mine sager', [`${number}** Adgang til Testministeriet (lønfællesskab)`]]]);
    });

    it('asks which institution when it is not named (not the user\'s own), and tells about a pending one', async () => {
      await new Chat(world, ANNA).run([
        ['jeg vil have adgang til flere institutioner', ['Hvilken institution skal du have adgang til?', actions('Demo-instituttet'), (r) => expect(r.actions).not.toContain('Eksempelstyrelsen')]],
        ['Testministeriet', ['allerede bestilt adgang til Testministeriet', without('Her er din sag')]],
      ]);
    });

    it('asks it in English too, and the institution typed afterwards begins the case with the request as its description', async () => {
      await new Chat(world, OLE).run([
        ['I need access to another institution', 'Which institution do you need access to?'],
        ['Testministeriet', ['Phone number', without('sent from')]],
        ['skip', ['Access to Testministeriet (payroll community)', 'Description:** I need access to another institution', 'Shall I send it?']],
      ]);
    });

    it('tells a consultant why not', async () => {
      await new Chat(world, KIM).run([['jeg skal have adgang til Testministeriet', ['Jeg kan ikke bestille adgangen', 'Konsulenter kan ikke bestille adgang']]]);
    });
  });

  describe('when shared-mailbox members are changed by conversation', () => {
    it('refuses anyone but an administrator of shared mailboxes', async () => {
      await new Chat(world, ANNA).run([['tilføj kim@konsulenthuset.dk til loen@eksempelstyrelsen.dk', ['Det kan jeg ikke', 'administrator af fællespostkasser']]]);
    });

    it('lets the administrator attach and detach, and refuses another institution\'s user', async () => {
      await new Chat(world, METTE).run([
        ['tilføj kim@konsulenthuset.dk til loen@eksempelstyrelsen.dk', ['kim@konsulenthuset.dk er nu tilknyttet loen@eksempelstyrelsen.dk', 'anna@eksempelstyrelsen.dk']],
        ['tilføj ole@demo-institut.dk til loen@eksempelstyrelsen.dk', ['Det kan jeg ikke', 'anden institution']],
        ['fjern kim@konsulenthuset.dk fra loen@eksempelstyrelsen.dk', ['Vil du fjerne kim@konsulenthuset.dk fra loen@eksempelstyrelsen.dk?', actions('Ja, fjern', 'Nej, behold'), without('er fjernet')]],
        ['Ja, fjern', 'er fjernet fra loen@eksempelstyrelsen.dk'],
      ]);
    });

    it('asks before it removes a member, and "Nej, behold" keeps the member', async () => {
      await new Chat(world, METTE).run([
        ['fjern anna@eksempelstyrelsen.dk fra loen@eksempelstyrelsen.dk', ['Vil du fjerne anna@eksempelstyrelsen.dk', actions('Ja, fjern', 'Nej, behold')]],
        ['Nej, behold', 'anna@eksempelstyrelsen.dk er stadig tilknyttet loen@eksempelstyrelsen.dk'],
      ]);
      const mailbox = await world.directory.getUserByEmail('loen@eksempelstyrelsen.dk');
      const members = mailbox ? await world.directory.membersOf(mailbox.id) : [];
      expect(members.map((m) => m.email)).toContain('anna@eksempelstyrelsen.dk');
    });

    it('tells how to ask when a member is named without the two addresses (round 19), and still answers how it is done', async () => {
      await new Chat(world, METTE).run([
        ['kan du fjerne ole fra fællespostkassen', ['fjern anna@institution.dk fra loen@institution.dk', 'administrator af fællespostkasser', without('Kilde:')]],
        ['add Mette to the shared mailbox', ['add anna@institution.dk to loen@institution.dk', without('Source:')]],
        ['hvordan tilføjer jeg en kollega til fællespostkassen?', ['Kilde:', without('Skriv brugerens og fællespostkassens e-mailadresser')]],
      ]);
    });

    it('does not ask about a removal it would refuse', async () => {
      await new Chat(world, ANNA).run([['fjern mette@eksempelstyrelsen.dk fra loen@eksempelstyrelsen.dk', ['Det kan jeg ikke', without('Vil du fjerne')]]]);
    });

    it('tells administrators and members who is attached to a mailbox, and no one else', async () => {
      await new Chat(world, METTE).run([['hvem er tilknyttet loen@eksempelstyrelsen.dk?', ['Tilknyttet loen@eksempelstyrelsen.dk:', 'Anna Andersen (anna@eksempelstyrelsen.dk)', 'mette@eksempelstyrelsen.dk']]]);
      await new Chat(world, ANNA).run([['vis medlemmer af loen@eksempelstyrelsen.dk', ['Tilknyttet loen@eksempelstyrelsen.dk:', 'mette@eksempelstyrelsen.dk']]]);
      await new Chat(world, ANNA, { locale: 'en-GB' }).run([['who is attached to loen@eksempelstyrelsen.dk', ['Attached to loen@eksempelstyrelsen.dk:']]]);
      // Back to Danish: the language follows what the user last wrote in.
      await new Chat(world, ANNA).run([['hvem er medlemmer af loen@eksempelstyrelsen.dk', 'Tilknyttet loen@eksempelstyrelsen.dk:']]);
      await new Chat(world, 'ole@demo-institut.dk').run([['hvem er tilknyttet loen@eksempelstyrelsen.dk', ['Det kan jeg ikke', without('anna@')]]]);
    });

    it('refuses a case from a mailbox the user is no longer attached to', async () => {
      const anna = new Chat(world, ANNA);
      await anna.run([
        ['opret sag', 'Hvilket område'],
        ['Øvrige', 'Hvilket system'],
        ['CIP', 'sendes fra'],
        ['loen', 'Hvad drejer'],
        ['CIP', 'Emne'],
        ['Integration', 'Beskrivelse'],
        ['Integrationen til CIP fejler igen.', 'Telefonnummer'],
        ['spring over', ['Her er din sag', 'loen@eksempelstyrelsen.dk']],
      ]);
      await new Chat(world, METTE).run([
        ['fjern anna@eksempelstyrelsen.dk fra loen@eksempelstyrelsen.dk', 'Vil du fjerne'],
        ['ja', 'er fjernet'],
      ]);
      await anna.run([['Bekræft', ['Sagen kunne ikke oprettes', 'Du er ikke tilknyttet fællespostkassen loen@eksempelstyrelsen.dk']]]);
      await new Chat(world, METTE).run([['tilføj anna@eksempelstyrelsen.dk til loen@eksempelstyrelsen.dk', 'er nu tilknyttet']]);
    });
  });

  describe('when a user asks for the status of a case', () => {
    it('shows status, last change and a short history for a visible case', async () => {
      const c = await world.demoCase('Brugeradgang til Navision Stat');
      await new Chat(world, ANNA).run([[`Hvad er status på sag ${c.number.toLowerCase().replace(/-/g, ' ')}?`, [c.number, 'Status: **Afventer kunde**', 'senest ændret', 'Forløb:', 'Hvilket regnskab skal Peter have adgang til?', 'Under behandling → Afventer kunde']]]);
    });

    it('finds the case a status without a number means, and otherwise offers the latest cases to pick (round 19)', async () => {
      const travel = await world.demoCase('Rejseafregning afvist');
      const access = await world.demoCase('Brugeradgang til Navision Stat');
      await new Chat(world, ANNA).run([
        ['hvad sker der med min sag om rejseafregningen', [travel.number, 'Status:', without('Skriv sagsnummeret')]],
        ["what's the status of my navision case", [access.number, 'Status:']],
        ['har I svaret på min sag?', ['Skriv sagsnummeret', actions(`Status på ${access.number}`, 'Mine sager')]],
      ]);
    });

    it('takes a comment on the case the words mean, and asks which case when they do not say (round 19)', async () => {
      const access = await world.demoCase('Brugeradgang til Navision Stat');
      await new Chat(world, ANNA).run([['jeg vil svare på min sag om navision', [`Skriv din kommentar til ${access.number}`, without('Skriv hvilken sag')]]]);
      await new Chat(world, ANNA).run([['tilføj en kommentar til min sag', ['Skriv hvilken sag', actions(access.number)]]]);
    });

    it('shows a user with one case that case, and tells a user with none so, instead of asking for a number', async () => {
      const campus = await world.demoCase('Kursustilmelding i Campus');
      await new Chat(world, OLE).run([['status på min sag', [campus.number, 'Status:', without('Skriv sagsnummeret')]]]);
      await new Chat(world, KIM).run([['status på min sag', ['Du har ingen sager endnu', without('Skriv sagsnummeret')]]]);
    });

    it('gives another institution\'s case the same answer as a case that does not exist', async () => {
      const c = await world.demoCase('Rejseafregning afvist');
      const chat = new Chat(world, OLE);
      const invisible = await chat.say(`status på ${c.number}`);
      const missing = await chat.say('status på SA-2020-999999');
      expect(invisible.text).toBe('Jeg kan ikke finde en sag med det nummer, som du har adgang til.');
      expect(missing.text).toBe(invisible.text);
    });

    it('shows a mailbox case to every member ("mine sager")', async () => {
      await new Chat(world, METTE).run([['mine sager', ['Dine sager', 'Fejl i lønkørsel', without('Rejseafregning afvist')]]]);
    });

    it('lists own and mailbox cases newest first, paged with "vis flere" until there are no more', async () => {
      const chat = new Chat(world, ANNA);
      const first = await chat.run([['mine sager', ['Dine sager', actions('Vis flere')]]]);
      const second = await chat.run([['vis flere', without('Dine sager')]]);
      const numbers = [...`${first.text}\n${second.text}`.matchAll(/SA-\d{4}-\d{6}/g)].map((m) => m[0]);
      expect(numbers.length).toBeGreaterThanOrEqual(3);
      expect([...numbers].sort().reverse()).toEqual(numbers);
      expect(first.text + second.text).toContain('Fejl i lønkørsel');
      await chat.run([['vis flere', 'Der er ikke flere sager']]);
    });
  });

  describe('when a user adds a comment', () => {
    it('asks for the text and adds it as a customer comment', async () => {
      const c = await world.demoCase('Brugeradgang til Navision Stat');
      await new Chat(world, ANNA).run([
        [`tilføj kommentar til ${c.number}`, `Skriv din kommentar til ${c.number}`],
        ['hjælp', ['tekst, du vil tilføje', 'Skriv din kommentar']],
        ['Peters CPR er 010190-1234', ['CPR-numre hører ikke hjemme i en sag', 'Skriv din kommentar', without('Din kommentar er tilføjet')]],
        ['Peter skal have adgang til regnskab 1234.', ['Din kommentar er tilføjet', 'Under behandling']],
      ]);
      const events = await world.cases.events(c.number);
      expect(events?.at(-2)).toMatchObject({ type: 'comment', author: 'customer', text: 'Peter skal have adgang til regnskab 1234.' });
    });

    it('refuses a case the user may not see, like one that does not exist', async () => {
      const c = await world.demoCase('Rejseafregning afvist');
      await new Chat(world, OLE).run([[`tilføj kommentar til ${c.number}`, 'Jeg kan ikke finde en sag med det nummer']]);
    });
  });
});
