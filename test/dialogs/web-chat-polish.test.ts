import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, Chat, createConversationWorld, without, type BotReply, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('the web chat polish (issue 16)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  describe('when a prompt and its help are shown', () => {
    it('says "(valgfrit)" once, a label ending in "?" gets no colon, and "hjælp" is whole sentences', async () => {
      const chat = new Chat(world, ANNA);
      await chat.run([
        ['opret sag om en faktura i indfak', 'Skal sagen sendes fra'],
        ['Fra mig', 'Hvad er problemet?'],
        ['Fakturaen er afvist', ['Fakturanummer', 'Fx: F-2026-17']],
        ['F-2026-17', ['Leverandør', 'Leverandørens navn, som det står på fakturaen. Fx: Kontorland A/S']],
        [
          'hjælp',
          (r: BotReply) => {
            expect(r.text).toContain('Svar på «Leverandør».');
            expect(r.text).not.toMatch(/Leverandør Skriv/);
            expect(r.text).not.toMatch(/[a-zæøå] Skriv "annuller"/);
          },
        ],
        ['Kontorland A/S', 'CVR-nummer'],
      ]);
      const afregning = new Chat(world, ANNA);
      const prompt = await afregning.run([
        ['opret sag om rejsud', 'Hvilken formular'],
        ['Rejseafregning i RejsUd', 'Skal sagen sendes fra'],
        ['Fra mig', 'Hvad er problemet?'],
        ['2', 'Afregningsnummer'],
      ]);
      expect(count(prompt.text, 'valgfrit')).toBe(1);
      const summary = await afregning.run([
        ['spring over', 'Rejsens startdato'],
        ['spring over', 'Beløb'],
        ['1250,5', 'Beskrivelse'],
        ['Afregningen fra mødet i Odense er afvist af min godkender.', 'Her er din sag'],
      ]);
      expect(summary.text).toContain('**Hvad er problemet?** Afregningen er afvist');
      expect(summary.text).not.toContain('?:');
      expect(summary.text).toContain('**Beløb:** 1.250,50 kr.');
    });
  });

  describe('when a date is given as "i dag", "i går" or "i forgårs"', () => {
    const daysAgo = (n: number): string => {
      const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date()).split('-').map(Number);
      const iso = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) - n)).toISOString().slice(0, 10);
      return iso.split('-').reverse().join('-');
    };
    it.each([
      ['i dag', 0],
      ['i går', 1],
      ['igår', 1],
      ['i forgårs', 2],
    ] as const)('takes "%s" as the date %i days ago', async (said, days) => {
      const chat = new Chat(world, ANNA);
      const summary = await chat.run([
        ['opret sag om en faktura i indfak', 'Skal sagen sendes fra'],
        ['Fra mig', 'Hvad er problemet?'],
        ['Fakturaen er afvist', 'Fakturanummer'],
        ['F-2026-17', 'Leverandør'],
        ['Kontorland A/S', 'CVR-nummer'],
        ['spring over', ['Fakturadato', 'i går']],
        [said, 'Beløb'],
        ['spring over', 'Beskrivelse'],
        ['Fakturaen blev afvist uden en begrundelse i IndFak.', 'Her er din sag'],
      ]);
      expect(summary.text).toContain(`**Fakturadato:** ${daysAgo(days)}`);
    });
  });

  describe('when a comment is asked for without a case number', () => {
    it('offers the latest cases, and the number then continues the comment instead of showing the status', async () => {
      const c = await world.demoCase('Rejseafregning afvist');
      const chat = new Chat(world, ANNA);
      await chat.run([
        ['tilføj en kommentar til min sag', ['Skriv hvilken sag', actions(c.number, 'Mine sager')]],
        [c.number, [`Skriv din kommentar til ${c.number}`, without('Status:')]],
        ['Kvitteringen for hotellet er nu vedhæftet i RejsUd.', `Din kommentar er tilføjet til ${c.number}`],
      ]);
      const events = (await world.cases.events(c.number)) ?? [];
      expect(events.at(-1)).toMatchObject({ type: 'comment', author: 'customer', text: 'Kvitteringen for hotellet er nu vedhæftet i RejsUd.' });
    });

    it('still shows the status when the user asks for it by name', async () => {
      const c = await world.demoCase('Rejseafregning afvist');
      await new Chat(world, ANNA).run([
        ['tilføj en kommentar', 'Skriv hvilken sag'],
        [`status på ${c.number}`, ['Status:', without('Skriv din kommentar')]],
      ]);
    });
  });

  describe('when the user types a request instead of choosing one of the router\'s buttons', () => {
    it('acts on the request (a mailbox change after "Opret en sag / Spørg på en anden måde")', async () => {
      await new Chat(world, ANNA).run([
        // Round 20: a question of the portal's the knowledge base cannot answer (the canteen's unicorn is off topic: no case offered).
        ['hvorfor er min kollegas løntillæg ikke kommet med i oktober lønnen?', actions('Opret en sag', 'Spørg på en anden måde')],
        ['fjern kim@konsulenthuset.dk fra loen@eksempelstyrelsen.dk', ['administrator af fællespostkasser', without('vidensbasen')]],
      ]);
    });

    it('takes a typed button label as the click, in any case', async () => {
      await new Chat(world, ANNA).run([
        // Round 20: a question of the portal's the knowledge base cannot answer (the canteen's unicorn is off topic: no case offered).
        ['hvorfor er min kollegas løntillæg ikke kommet med i oktober lønnen?', actions('Opret en sag', 'Spørg på en anden måde')],
        ['spørg på en anden måde', 'Skriv gerne dit spørgsmål med andre ord'],
      ]);
    });
  });

  describe('when a user looks at a case', () => {
    it('shows area, system and form, and for a case waiting for the customer the desk\'s question with a "Svar" action that takes the answer', async () => {
      const c = await world.demoCase('Brugeradgang til Navision Stat');
      const chat = new Chat(world, ANNA);
      await chat.run([
        [
          `status på ${c.number}`,
          [
            'Område: Brugeradministration',
            'System: Navision Stat',
            'Formular: ',
            '**Servicedesken spørger:** «Hvilket regnskab skal Peter have adgang til?»',
            actions(`Svar på ${c.number}`),
          ],
        ],
        [`Svar på ${c.number}`, `Skriv din kommentar til ${c.number}`],
        ['Regnskab 1234, som kollega Jens.', `Din kommentar er tilføjet til ${c.number}`],
      ]);
    });

    it('says who wrote each comment: "dig" to the author, the name to a colleague of the mailbox', async () => {
      const c = await world.demoCase('Fejl i lønkørsel');
      await new Chat(world, ANNA).run([
        [`tilføj kommentar til ${c.number}`, 'Skriv din kommentar'],
        ['Fejlen gælder også to medarbejdere i afdeling B.', 'Din kommentar er tilføjet'],
        [`status på ${c.number}`, 'Kommentar fra dig: "Fejlen gælder også to medarbejdere i afdeling B."'],
      ]);
      await new Chat(world, 'mette@eksempelstyrelsen.dk').run([[`status på ${c.number}`, ['Kommentar fra Anna Andersen: "Fejlen gælder også', without('Kommentar fra kunden')]]]);
    });

    it('marks the cases in "mine sager" that came from a shared mailbox', async () => {
      const reply = await new Chat(world, ANNA).run([['mine sager', 'Dine sager']]);
      const line = (subject: string): string => reply.text.split('\n').find((l) => l.includes(subject)) ?? '';
      expect(line('Fejl i lønkørsel')).toContain('fra fællespostkassen loen@eksempelstyrelsen.dk');
      expect(line('Rejseafregning afvist')).not.toContain('fællespostkassen');
    });
  });

  describe('when the user writes English', () => {
    it('shows an amount as DKK with two decimals', async () => {
      const chat = new Chat(world, ANNA, { locale: 'en-GB' });
      const summary = await chat.run([
        ['I want to create a case about a travel settlement in RejsUd', 'Should the case be sent'],
        ['From me', 'What is the problem?'],
        ['2', 'Settlement number'],
        ['skip', 'Start date'],
        ['skip', 'Amount'],
        ['1250.5', 'Description'],
        ['My settlement from the meeting in Odense was rejected by my approver.', 'Here is your case'],
      ]);
      expect(summary.text).toContain('**Amount:** DKK 1,250.50');
      expect(summary).toSatisfy((r: BotReply) => !r.text.includes('?:'));
    });
  });
});
