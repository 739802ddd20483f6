import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardSchema, type AdaptiveCard, type CardAction, type CardElement } from '../../dialogs/cards/card-schema.js';
import { RESUME_EVENT } from '../../bot/assistant-bot.js';
import { markVerifiedFromId } from '../../bot/verified-identity.js';
import { Chat, createConversationWorld, type BotReply, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
const METTE = 'mette@eksempelstyrelsen.dk';
const AGENT = { kind: 'agent' as const, agentId: 'agent-1' };

/** A card's submission as Web Chat posts it: no text, the action's data and the inputs as `value`. */
async function submit(chat: Chat, value: Record<string, unknown>): Promise<BotReply> {
  await chat.adapter.processActivity({ type: 'message', value, locale: chat.adapter.template.locale } as Partial<Activity>);
  const activities = chat.adapter.activeQueue.splice(0);
  const messages = activities.filter((a) => a.type === 'message');
  const last = messages[messages.length - 1];
  return { text: messages.map((a) => a.text ?? '').join('\n\n'), actions: (last?.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value)), activities };
}

/** What the user sees when the page sends an event (resume) or opens (conversationUpdate). */
async function send(chat: Chat, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  await chat.adapter.processActivity({ locale: chat.adapter.template.locale, ...activity } as Partial<Activity>);
  return chat.adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
}

function cardOf(reply: BotReply): AdaptiveCard {
  const attachment = reply.activities.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!attachment) throw new Error(`no card in: ${reply.text}`);
  return adaptiveCardSchema.parse(attachment.content);
}

function elements(items: readonly CardElement[]): CardElement[] {
  return items.flatMap((e) => [e, ...(e.type === 'Container' ? elements(e.items) : [])]);
}

function buttons(card: AdaptiveCard): CardAction[] {
  return [...elements(card.body).flatMap((e) => (e.type === 'ActionSet' ? e.actions : [])), ...(card.actions ?? [])];
}

/** A web chat user: the Direct Line endpoint vouches for `from.id` (from the portal's token). */
function webChat(world: ConversationWorld, user: string): Chat {
  const chat = new Chat(world, user, { channelId: 'webchat' });
  chat.adapter.use(async (context, next) => {
    markVerifiedFromId(context, context.activity.from.id);
    await next();
  });
  return chat;
}

const createdNumber = (text: string): string => /SA-\d{4}-\d{6}/.exec(text)?.[0] ?? '';

describe('web chat cards (issue 16)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  const toMultiChoice: [string, string][] = [
    ['opret sag', 'Hvilket område'],
    ['Statens Løn og HR', 'Hvilket system'],
    ['SLS', 'Hvilken formular'],
    ['Fejl i lønkørsel', 'Skal sagen sendes fra'],
    ['Fra mig', 'Udbetalingsdato'],
  ];

  describe('when a multi-choice field is asked in web chat', () => {
    it('shows checkboxes, takes several values in one click (the card\'s value), and the summary as a card whose Bekræft creates the case', async () => {
      const chat = webChat(world, ANNA);
      await chat.run(toMultiChoice);
      const asked = await chat.say('27-02-2026');
      const card = cardOf(asked);
      const input = elements(card.body).find((e) => e.type === 'Input.ChoiceSet');
      expect(input).toMatchObject({ id: 'answer', isMultiSelect: true, label: 'Hvilke fejl ser I?' });
      expect(input?.type === 'Input.ChoiceSet' ? input.choices.map((c) => c.value) : []).toEqual(['forkert-beloeb', 'manglende-udbetaling', 'dobbelt-udbetaling', 'skat', 'pension', 'andet']);
      // One click sends them all: no suggested action that would pick only one.
      expect(asked.actions).toEqual([]);
      expect(card.speak).toContain('Hvilke fejl ser I?');
      const data = card.actions?.[0]?.data ?? {};

      const next = await submit(chat, { ...data, answer: 'forkert-beloeb,skat' });
      expect(next.text).toContain('Antal berørte medarbejdere');
      await chat.run([
        ['4', 'Haster sagen?'],
        ['nej', 'Beskrivelse'],
        ['Fire medarbejdere fik forkert løn i februar. Det gælder afdeling B.', 'Telefonnummer'],
      ]);
      const summary = await chat.say('spring over');
      const summaryCard = cardOf(summary);
      expect((summaryCard.actions ?? []).map((a) => a.title)).toEqual(['Bekræft', 'Ret et felt', 'Annuller']);
      const facts = elements(summaryCard.body).flatMap((e) => (e.type === 'FactSet' ? e.facts : []));
      expect(facts).toEqual(expect.arrayContaining([{ title: 'Hvilke fejl ser I?', value: 'Forkert beløb, Forkert skat' }, { title: 'Titel', value: 'Fejl i lønkørsel \\(SLS/HR-Løn\\): Fire medarbejdere fik forkert løn i februar' }]));
      // For a host without cards and for screen readers: the whole summary as text.
      expect(summaryCard.fallbackText).toContain('Forkert beløb, Forkert skat');
      expect(summaryCard.speak).toContain('Her er din sag');

      // A click on the older multi-choice card does not answer the summary: it is asked again.
      const stale = await submit(chat, { ...data, answer: 'pension' });
      expect(cardOf(stale).actions?.map((a) => a.title)).toEqual(['Bekræft', 'Ret et felt', 'Annuller']);

      const confirm = summaryCard.actions?.find((a) => a.title === 'Bekræft')?.data ?? {};
      const done = await submit(chat, confirm);
      expect(done.text).toContain('Din sag er oprettet');
      const created = await world.cases.getByNumber(createdNumber(done.text) as never);
      expect(created?.values.fejltype).toEqual(['forkert-beloeb', 'skat']);
      expect(created?.subject).toBe('Fejl i lønkørsel (SLS/HR-Løn): Fire medarbejdere fik forkert løn i februar'); // the form, the system and the first sentence (round 21)
    });

    it('takes the values typed as well ("A, B og C"), and typing "Bekræft" still confirms', async () => {
      const chat = webChat(world, ANNA);
      await chat.run([...toMultiChoice, ['27-02-2026', (r) => expect(JSON.stringify(r.activities)).toContain('Hvilke fejl ser I?')], ['Forkert beløb, forkert skat og Andet', 'Antal berørte medarbejdere'], ['4', 'Haster sagen?'], ['nej', 'Beskrivelse'], ['Fire medarbejdere fik forkert løn i februar.', 'Telefonnummer'], ['spring over', '']]);
      const done = await chat.say('Bekræft');
      expect(done.text).toContain('Din sag er oprettet');
      const created = await world.cases.getByNumber(createdNumber(done.text) as never);
      expect(created?.values.fejltype).toEqual(['forkert-beloeb', 'skat', 'andet']);
    });

    it('keeps text with suggested actions on a channel without cards', async () => {
      const chat = new Chat(world, ANNA, { channelId: 'emulator' });
      await chat.run(toMultiChoice);
      const asked = await chat.say('27-02-2026');
      expect(asked.activities.flatMap((a) => a.attachments ?? [])).toEqual([]);
      expect(asked.actions).toContain('Forkert beløb');
    });
  });

  describe('when "mine sager" is asked in web chat', () => {
    it('lists the cases as a card with Vis per case and Svar on a case waiting for the customer; the buttons do what typing does', async () => {
      const chat = webChat(world, ANNA);
      const list = await chat.say('mine sager');
      const card = cardOf(list);
      const waiting = await world.demoCase('Brugeradgang til Navision Stat');
      const mailbox = await world.demoCase('Fejl i lønkørsel');
      const rows = card.body.filter((e) => e.type === 'Container');
      const rowOf = (number: string) => rows.find((r) => JSON.stringify(r).includes(number));
      expect(buttons({ ...card, body: [rowOf(waiting.number) as CardElement] }).map((b) => b.title)).toEqual([`Vis ${waiting.number}`, `Svar på ${waiting.number}`]);
      expect(JSON.stringify(rowOf(mailbox.number))).toContain('fra fællespostkassen loen@eksempelstyrelsen.dk');
      expect(card.fallbackText).toContain(waiting.number);

      const show = buttons(card).find((b) => b.title === `Vis ${waiting.number}`)?.data ?? {};
      const status = await submit(chat, show);
      expect(status.text).toContain(waiting.number);
      expect(status.text).toContain('Hvilket regnskab skal Peter have adgang til?');

      const answer = buttons(card).find((b) => b.title === `Svar på ${waiting.number}`)?.data ?? {};
      const comment = await submit(chat, answer);
      expect(comment.text).toContain(`Skriv din kommentar til ${waiting.number}`);
    });
  });

  describe('when the page resumes a stored conversation', () => {
    it('says what changed since the conversation last had an activity, with buttons, and never the same news twice', async () => {
      const chat = webChat(world, ANNA);
      await chat.say('hej');
      const own = await world.demoCase('Rejseafregning afvist');
      await new Promise((r) => setTimeout(r, 5));
      const lastActivityAt = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 5));
      await world.cases.addComment(own.number, { author: 'agent', actor: AGENT, text: 'Vi mangler kvitteringen.' });

      const resumed = await send(chat, { type: 'event', name: RESUME_EVENT, value: { lastActivityAt } });
      expect(resumed).toHaveLength(1);
      expect(resumed[0]?.text).toContain('Siden sidst:');
      expect(resumed[0]?.text).toContain('Vi mangler kvitteringen.');
      expect((resumed[0]?.suggestedActions?.actions ?? []).map((a) => a.title)).toContain(`Vis ${own.number}`);
      // No welcome again: the page shows the conversation.
      expect(resumed.map((a) => a.text).join()).not.toContain('Jeg er Serviceportalens assistent');

      expect(await send(chat, { type: 'event', name: RESUME_EVENT, value: { lastActivityAt } })).toEqual([]);
    });

    it('does not tell what the conversation already shows (a notification that came in after the stamp)', async () => {
      const chat = webChat(world, ANNA);
      await chat.say('hej');
      const own = await world.demoCase('Rejseafregning afvist');
      await new Promise((r) => setTimeout(r, 5));
      await world.cases.addComment(own.number, { author: 'agent', actor: AGENT, text: 'Kvitteringen er modtaget.' });
      await new Promise((r) => setTimeout(r, 5));
      const shownAt = new Date().toISOString();
      expect(await send(chat, { type: 'event', name: RESUME_EVENT, value: { lastActivityAt: shownAt } })).toEqual([]);
    });
  });

  describe('when a shared mailbox\'s member who never used the assistant opens the chat', () => {
    it('tells her what the desk did on the mailbox\'s cases', async () => {
      const mailbox = await world.demoCase('Fejl i lønkørsel');
      await world.cases.addComment(mailbox.number, { author: 'agent', actor: AGENT, text: 'Lønkørslen er kørt igen.' });
      const chat = webChat(world, METTE);
      const opened = await send(chat, { type: 'conversationUpdate', membersAdded: [{ id: METTE, name: METTE }] });
      expect(opened[0]?.text).toContain('Siden sidst:');
      expect(opened[0]?.text).toContain(`${mailbox.number}** Fejl i lønkørsel`);
      expect(opened[0]?.text).toContain('Lønkørslen er kørt igen.');
      expect(opened.at(-1)?.text).toContain('Jeg er Serviceportalens assistent');
      const again = await send(webChat(world, METTE), { type: 'conversationUpdate', membersAdded: [{ id: METTE, name: METTE }] });
      expect(again.map((a) => a.text).join()).not.toContain('Siden sidst');
    });
  });

  describe('when an e-mail address is asked for', () => {
    it('writes the example address as code, so Web Chat does not make it a mailto link', async () => {
      const chat = webChat(world, ANNA);
      await chat.run([['opret sag', 'Hvilket område']]);
      const { texts } = await import('../../dialogs/texts.js');
      expect(texts('da').invalidEmail).toContain('`navn@institution.dk`');
      const { exampleAddresses } = await import('../../dialogs/render.js');
      expect(exampleAddresses('Det ligner ikke en e-mailadresse, fx navn@institution.dk.')).toBe('Det ligner ikke en e-mailadresse, fx `navn@institution.dk`.');
      expect(exampleAddresses('fx `navn@institution.dk`')).toBe('fx `navn@institution.dk`');
    });
  });
});
