/**
 * Rounds 22–23 (cases): case requests and form values as users type them. Twenty-six conversations were written in round
 * 22 before the bot was tried on them; each is a transcript here (round 23 turned the last of them from `it.todo` into
 * tests), and each kind of failure found is fixed with one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';
import { createdNumber } from '../support/case-number.js';

const OLE = 'ole@demo-institut.dk';

describe('case requests and forms as users type them (round 22)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  describe('when a required choice is skipped', () => {
    it('says the choice cannot be skipped, with its options and the one to take when none fits', async () => {
      const chat = new Chat(world, OLE);
      await chat.run([
        ['opret sag om faktura i IndFak', 'Hvad er problemet?'],
        ['spring over', ['«Hvad er problemet» skal besvares og kan ikke springes over.', 'Passer ingen af dem, så vælg «Andet».', 'Hvad er problemet?', without('Kilde')]],
        ['Andet', 'Fakturanummer'],
      ]);
    });

    it('says so in English', async () => {
      const chat = new Chat(world, OLE, { locale: 'en-US' });
      await chat.run([
        ['open a ticket about a travel settlement in RejsUd', 'What is the problem?'],
        ['skip', ['«What is the problem» must be answered; it cannot be skipped.', actions('Other')]],
      ]);
    });
  });

  describe('when a message gives values for several fields', () => {
    it('fills each field it names, says so, and asks the next one', async () => {
      const chat = new Chat(world, OLE);
      const last = await chat.run([
        ['opret sag om faktura i IndFak', 'Hvad er problemet?'],
        ['Fakturaen er ikke modtaget', 'Fakturanummer'],
        ['fakturanr 12345, leverandør Dell, beløb 4.500 kr', ['Jeg har udfyldt «Fakturanummer» 12345, «Leverandør» Dell og «Beløb» 4.500,00 kr.', 'Leverandørens CVR-nummer', without('Er det dit svar')]],
        ['spring over', 'Fakturadato'],
        ['spring over', 'Beskrivelse'],
        ['Fakturaen fra Dell er ikke dukket op i IndFak endnu.', ['Fakturanummer:** 12345', 'Leverandør:** Dell', '4.500,00 kr.']],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created?.values).toMatchObject({ problem: 'mangler', fakturanummer: '12345', leverandoer: 'Dell', beloeb: 4500 });
    });

    it('reads them in English, an amount with a thousands comma as thousands', async () => {
      const chat = new Chat(world, OLE, { locale: 'en-US' });
      await chat.run([
        ['create a ticket about an invoice in IndFak', 'What is the problem?'],
        ['rejected', 'Invoice number'],
        ['invoice 5566, supplier Lenovo, amount 2,000', ['I have filled in «Invoice number» 5566, «Supplier» Lenovo and «Amount» DKK 2,000.00.', 'CVR number']],
      ]);
    });

    it('places a name, an e-mail and a date that name no field by what they are', async () => {
      const chat = new Chat(world, OLE);
      await chat.run([
        ['luk adgangen til RejsUd for en kollega der er stoppet', 'Brugerens navn'],
        ['Peter Hansen, peh@demo-institut.dk, fra 1. januar', ['Jeg har udfyldt «Brugerens navn» Peter Hansen, «Brugerens e-mail» peh@demo-institut.dk og «Adgangen ophører»', 'Her er din sag']],
      ]);
      const chat2 = new Chat(world, OLE);
      await chat2.run([
        ['ny medarbejder skal have adgang til Navision Stat', 'Brugerens navn'],
        ['Karen Jensen, karen.jensen@demo-institut.dk', ['Jeg har udfyldt «Brugerens navn» Karen Jensen og «Brugerens e-mail» karen.jensen@demo-institut.dk.', 'Roller eller rettigheder']],
      ]);
    });

    it('reads a list with a part that fits no field as the one answer it was before', async () => {
      const chat = new Chat(world, OLE);
      await chat.run([
        ['opret sag om faktura i IndFak', 'Hvad er problemet?'],
        ['Andet', 'Fakturanummer'],
        ['12345, Dell, og så noget helt andet', [without('Jeg har udfyldt'), 'Fakturanummer']],
      ]);
    });
  });

  describe('when a problem in a named system is told, with no case asked for', () => {
    it('shows the article that speaks of the problem and offers a case on that system; a yes starts it there', async () => {
      const chat = new Chat(world, OLE);
      await chat.run([
        ['vi har ikke modtaget fakturaen fra Atea i IndFak', ['Kilde', 'Løser det ikke problemet, kan jeg oprette en sag til IndFak/SDI.', 'Vil du oprette en sag?', actions('Opret en sag', 'Nej tak'), without('Hjalp det?')]],
        ['ja', ['Jeg har valgt Økonomi og Regnskab → IndFak/SDI → Faktura i IndFak.', 'Fra din besked har jeg udfyldt «Hvad er problemet» Fakturaen er ikke modtaget og «Leverandør» Atea.', 'Fakturanummer']],
      ]);
    });

    it('starts the case when asked for in words at the offer ("opret en sag", "ja tak, opret den")', async () => {
      await new Chat(world, OLE).run([
        ['vi har ikke modtaget fakturaen fra Atea i IndFak', 'Vil du oprette en sag?'],
        ['opret en sag', ['Faktura i IndFak', '«Hvad er problemet» Fakturaen er ikke modtaget og «Leverandør» Atea.', 'Fakturanummer']],
      ]);
      await new Chat(world, OLE).run([
        ['vi har ikke modtaget fakturaen i IndFak', 'Vil du oprette en sag?'],
        ['ja tak, opret den', ['Faktura i IndFak', '«Hvad er problemet» Fakturaen er ikke modtaget.', 'Fakturanummer']],
      ]);
    });

    it('starts the case at once when the article\'s word on the problem is to make a case (round 28)', async () => {
      // The shipped IndFak page says "Opret en sag med formularen Faktura i IndFak …, fx hvis fakturaen … er afvist": showing it
      // and then offering the case would only send the user round the same way.
      await new Chat(world, OLE).run([
        ['fakturaen fra Dell er blevet afvist i IndFak', ['Faktura i IndFak', '«Hvad er problemet» Fakturaen er afvist og «Leverandør» Dell.', 'Fakturanummer', without('Vil du oprette en sag?')]],
      ]);
    });

    it('creates no case when the user says no', async () => {
      const before = (await world.allCases()).length;
      await new Chat(world, OLE).run([
        ['vi har ikke modtaget fakturaen i IndFak', 'Vil du oprette en sag?'],
        ['nej tak', ['Godt at høre', without('Jeg har valgt')]],
      ]);
      expect((await world.allCases()).length).toBe(before);
    });

    it('takes details typed at the offer as a yes, kept in the description — never searched as a question', async () => {
      const chat = new Chat(world, OLE);
      const last = await chat.run([
        ['vi har ikke modtaget fakturaen fra Atea i IndFak', 'Vil du oprette en sag?'],
        ['fakturanr 12345 fra Atea', ['Faktura i IndFak', '«Hvad er problemet» Fakturaen er ikke modtaget, «Fakturanummer» 12345 og «Leverandør» Atea.', 'CVR', without('Kilde')]],
        ['spring over', 'Fakturadato'],
        ['spring over', 'Beløb'],
        ['spring over', 'Her er din sag'],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created).toMatchObject({ systemId: 'indfak', formId: 'oekonomi.faktura' });
      expect(String(created?.values.beskrivelse)).toContain('fakturanr 12345 fra Atea');
      // A yes after the case is made makes no second case.
      const count = (await world.allCases()).length;
      await chat.run([['ja', without('Jeg har valgt')]]);
      expect((await world.allCases()).length).toBe(count);
    });

    it('goes straight to the case when the article found only describes the system', async () => {
      await new Chat(world, OLE).run([['lønnen er forkert for en medarbejder i SLS', ['Jeg har valgt Statens Løn og HR → SLS/HR-Løn.', 'Hvilken formular passer bedst?', without('Kilde')]]]);
    });

    it('makes the case at once when it is asked for in words', async () => {
      await new Chat(world, OLE).run([['opret en sag: fakturaen fra Dell er blevet afvist i IndFak', ['Jeg har valgt Økonomi og Regnskab → IndFak/SDI → Faktura i IndFak.', without('Kilde')]]]);
    });
  });

  describe('when the case is said yes to where it is already under way', () => {
    it('says the case is under way and shows the step\'s options', async () => {
      await new Chat(world, OLE).run([
        ['lønnen er forkert for en medarbejder i SLS', 'Hvilken formular passer bedst?'],
        ['ja opret', ['Sagen er allerede i gang. Vælg en af: Fejl i lønkørsel, Generel henvendelse om løn og HR.', without('er ikke en af mulighederne')]],
      ]);
    });
  });

  describe('when a case is asked for in a word after an article', () => {
    it('starts the case on the article\'s system at "opret" after "Hjalp det?"', async () => {
      await new Chat(world, OLE).run([
        // A question, not a report: since round 29 "der mangler refusion for barsel i Statens Refusion" is a problem told
        // (something not done) and starts the case at once
        ['hvordan søger vi refusion for barsel i Statens Refusion', ['Kilde', 'Hjalp det?']],
        ['opret', ['Jeg har valgt Statens Løn og HR → Statens Refusion.', without('ikke finde et svar')]],
      ]);
    });
  });

  describe('when the first message tells the values of the case (round 23)', () => {
    it('fills a choice by its option\'s words, a number after its noun, a supplier after "fra", and says so', async () => {
      const chat = new Chat(world, OLE);
      const last = await chat.run([
        ['faktura 12345 fra Dell er ikke betalt', ['Jeg har valgt Økonomi og Regnskab → IndFak/SDI → Faktura i IndFak. Fra din besked har jeg udfyldt «Hvad er problemet» Leverandøren har ikke fået betaling, «Fakturanummer» 12345 og «Leverandør» Dell.', 'Leverandørens CVR-nummer']],
        ['ja', ['«ja» er et valg på en knap', 'Leverandørens CVR-nummer']],
        ['spring over', 'Fakturadato'],
        ['spring over', 'Beløb'],
        ['spring over', 'Beskrivelse'],
        ['Dell rykker for betalingen af fakturaen.', 'Her er din sag'],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const created = await world.cases.getByNumber(createdNumber(last.text));
      expect(created?.values).toMatchObject({ problem: 'betaling', fakturanummer: '12345', leverandoer: 'Dell' });
    });

    it('reads "faktura 998877 fra Lyreco på 12.300 kr" as a case about the invoice, its number no case number', async () => {
      await new Chat(world, OLE).run([
        ['faktura 998877 fra Lyreco på 12.300 kr', ['Fra din besked har jeg udfyldt «Fakturanummer» 998877, «Leverandør» Lyreco og «Beløb» 12.300,00 kr.', 'Hvad er problemet?', without('sagsnummer')]],
      ]);
    });

    it('fills a choice told in English ("haven\'t received") and the supplier after "from"', async () => {
      await new Chat(world, OLE, { locale: 'en-US' }).run([
        ["we haven't received the invoice from Microsoft in IndFak", ['From your message I have filled in «What is the problem» The invoice has not arrived and «Supplier» Microsoft.', 'Invoice number']],
        ['yes', ['«yes» is a button', 'Invoice number']],
      ]);
    });

    it('fills the problem of a travel settlement told with words between ("vil ikke lade mig oprette")', async () => {
      await new Chat(world, OLE).run([
        ['RejsUd vil ikke lade mig oprette min rejseafregning', ['Jeg har valgt Økonomi og Regnskab → RejsUd → Rejseafregning i RejsUd.', '«Hvad er problemet» Kan ikke oprette afregningen.', 'Afregningsnummer']],
        ['ja tak', ['«ja tak» er et valg på en knap', 'Afregningsnummer']],
      ]);
    });

    it('never fills a choice whose words are negated', async () => {
      await new Chat(world, OLE).run([['opret sag om faktura i IndFak, den er ikke afvist men står stille', ['Hvad er problemet?', without('Fakturaen er afvist.')]]]);
    });

    it('fills the errors and the count of a pay run told in a sentence, Danish and English', async () => {
      await new Chat(world, OLE).run([
        ['lønkørslen fejlede i går, 4 medarbejdere fik ikke løn', ['Jeg har valgt Statens Løn og HR → SLS/HR-Løn → Fejl i lønkørsel. Fra din besked har jeg udfyldt «Hvilke fejl ser I» Manglende udbetaling og «Antal berørte medarbejdere» 4.', 'Udbetalingsdato']],
      ]);
      await new Chat(world, OLE, { locale: 'en-US' }).run([
        ['I need to report a payroll error, 3 employees got paid twice', ['I have chosen State Payroll and HR → SLS/HR-Løn → Error in a pay run. From your message I have filled in «Which errors do you see» Double payment and «Number of employees affected» 3.', 'Payment date']],
      ]);
    });

    it('fills the accounting period of a posting that does not go through', async () => {
      await new Chat(world, OLE).run([
        ['kan I hjælpe, vores bogføring i Navision Stat går ikke igennem for periode 03-2026', ['Bogføring og regnskab i Navision Stat. Fra din besked har jeg udfyldt «Regnskabsperiode» 03-2026.', 'Haster sagen?']],
        ['ja', 'Beskrivelse'],
      ]);
    });

    it('fills what is wrong with a report in LDV', async () => {
      await new Chat(world, OLE).run([['tallene i min rapport i LDV stemmer ikke', ['Jeg har valgt Business Intelligence → LDV → Rapport eller data. Fra din besked har jeg udfyldt «Hvad drejer det sig om» Forkerte data.', 'Rapportens navn']]]);
    });

    it('fills the values after a problem asked as a case, and the details typed at the offer', async () => {
      await new Chat(world, OLE).run([
        ['vi har ikke modtaget fakturaen 55123 fra Atea i IndFak', 'Vil du oprette en sag?'],
        ['opret en sag', ['«Hvad er problemet» Fakturaen er ikke modtaget, «Fakturanummer» 55123 og «Leverandør» Atea.', 'CVR']],
      ]);
    });
  });

  describe('when a sentence at a field tells more values than the one asked (round 23)', () => {
    it('fills the invoice number, the supplier after "fra" and the amount in kroner', async () => {
      await new Chat(world, OLE).run([
        ['jeg skal lave en sag om en faktura i IndFak', 'Hvad er problemet?'],
        ['afvist', 'Fakturanummer'],
        ['det er faktura 998877 fra Lyreco på 12.300 kr', ['Jeg har udfyldt «Fakturanummer» 998877, «Leverandør» Lyreco og «Beløb» 12.300,00 kr.', 'Leverandørens CVR-nummer']],
      ]);
    });

    it('takes two values typed at a choice and asks the choice again, not "not one of the options"', async () => {
      await new Chat(world, OLE).run([
        ['opret sag om faktura i IndFak', 'Hvad er problemet?'],
        ['fakturanr 12345 fra Dell', ['Jeg har udfyldt «Fakturanummer» 12345 og «Leverandør» Dell.', 'Hvad er problemet?', without('ikke en af mulighederne')]],
        ['Fakturaen er ikke modtaget', 'Leverandørens CVR-nummer'],
      ]);
    });

    it('takes the values typed after a case started from a problem', async () => {
      await new Chat(world, OLE).run([
        ['vi kan ikke finde fakturaen i IndFak', ['«Hvad er problemet» Fakturaen er ikke modtaget.', 'Fakturanummer']],
        ['fakturanr 12345 fra Dell', ['Jeg har udfyldt «Fakturanummer» 12345 og «Leverandør» Dell.', 'Leverandørens CVR-nummer', without('Kilde')]],
      ]);
    });
  });

  describe('when the desk or staff is named where the classifier reads help or a person (round 23)', () => {
    it('"hvad kan servicedesken hjælpe os med" is about the desk ("os" is the user\'s side), not the welcome', async () => {
      await new Chat(world, OLE).run([['hvad kan servicedesken hjælpe os med', ['Hvad hjælper servicedesken med?', without('Jeg er Serviceportalens assistent')]]]);
    });

    it('"hvad kan du hjælpe os med" still gets what the assistant can do', async () => {
      await new Chat(world, OLE).run([['hvad kan du hjælpe os med', 'Jeg er Serviceportalens assistent']]);
    });

    it('"medarbejder" alone is a subject to look up, not a person asked for; "jeg vil tale med en medarbejder" is one', async () => {
      await new Chat(world, OLE).run([['medarbejder', [without('3392 9800')]]]);
      await new Chat(world, OLE).run([['jeg vil tale med en medarbejder', '3392 9800']]);
    });
  });

  describe('when the desk\'s people are asked after or asked for (round 23)', () => {
    it('"har sagsbehandleren svaret" asks how the user\'s case stands, not how cases are answered', async () => {
      await new Chat(world, OLE).run([['har sagsbehandleren svaret', ['sagsnummeret', without('Kilde')]]]);
    });

    it('"hvordan får jeg fat på en fra supporten" gets the desk\'s contact details', async () => {
      await new Chat(world, OLE).run([['hvordan får jeg fat på en fra supporten', ['3392 9800', without('ikke finde et svar')]]]);
    });
  });

  describe('the round-22 conversations that needed no change (round 23 turned them into transcripts)', () => {
    // Round 25: a problem told in a system, whose article speaks of no part of it but "wrong" (SLS's overview: "create a case …
    // if a payment went wrong"), is the case on that system — as the Danish "lønnen er forkert i SLS for en kollega" below is.
    it('English: wrong salary in SLS starts the case on SLS, and "yes please create a case" says it is under way', async () => {
      await new Chat(world, OLE, { locale: 'en-US' }).run([
        ['the salary is wrong for one of my employees in SLS', ['I have chosen State Payroll and HR → SLS/HR-Løn.', 'Which form fits best?', without('Source')]],
        ['yes please create a case', 'Which form fits best?'],
      ]);
    });

    it('ISOLA login error: the case on ISOLA, and "ja tak, opret den" says it is under way', async () => {
      await new Chat(world, OLE).run([
        ['hej, vi får en fejl når vi logger ind i ISOLA', ['Jeg har valgt Business Intelligence → ISOLA.', 'Hvilken formular passer bedst?']],
        ['ja tak, opret den', ['Sagen er allerede i gang.', 'Hvilken formular passer bedst?']],
      ]);
    });

    it('yes twice is one case dialog, and no case is made', async () => {
      const before = (await world.allCases()).length;
      await new Chat(world, OLE).run([
        ['lønnen er forkert i SLS for en kollega', 'Hvilken formular passer bedst?'],
        ['ja', 'Sagen er allerede i gang.'],
        ['ja', ['Sagen er allerede i gang.', without('Jeg har valgt Statens Løn og HR → SLS/HR-Løn → ')]],
      ]);
      expect((await world.allCases()).length).toBe(before);
    });

    it('"ved ikke" at a required choice explains it and points to «Andet», no skip', async () => {
      await new Chat(world, OLE).run([
        ['jeg vil oprette en sag om refusion', 'Type af refusion'],
        ['ved ikke', ['Vælg den mulighed, der passer bedst: Sygdom, Barsel, Fleksjob, Andet.', 'Passer ingen af dem, så vælg «Andet»', 'Type af refusion']],
      ]);
    });

    it('a case about pay, the area said in words', async () => {
      await new Chat(world, OLE).run([
        ['jeg vil gerne oprette en sag', 'Hvilket område drejer din henvendelse sig om?'],
        ['det handler om løn', ['Hvilket system drejer det sig om?', actions('SLS/HR-Løn')]],
      ]);
    });

    it('wrong pension in SLS: the case on SLS, a "ja" at its first field asked again', async () => {
      // Round 26: "forkert pension" is a choice only SLS's pay-run form has, so that form is chosen with the choice filled in.
      await new Chat(world, OLE).run([
        ['en medarbejder har fået forkert pension i SLS', ['Jeg har valgt Statens Løn og HR → SLS/HR-Løn → Fejl i lønkørsel.', '«Hvilke fejl ser I» Forkert pension', 'Udbetalingsdato']],
        ['ja', ['Skriv en gyldig dato', 'Udbetalingsdato']],
      ]);
    });
  });
});
