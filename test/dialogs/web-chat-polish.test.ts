import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, type BotReply, type ConversationWorld } from '../support/conversation.js';

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
