import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
const METTE = 'mette@eksempelstyrelsen.dk';
const AGENT = { kind: 'agent' as const, agentId: 'agent-1' };

/** The user opens the chat: a new conversation (Web Chat and Teams send conversationUpdate). */
async function open(chat: Chat, user: string): Promise<{ texts: string[]; actions: string[] }> {
  await chat.adapter.processActivity({ type: 'conversationUpdate', membersAdded: [{ id: user, name: user }], locale: chat.adapter.template.locale } as Partial<Activity>);
  const messages = chat.adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
  return {
    texts: messages.map((a) => a.text ?? ''),
    actions: messages.flatMap((a) => (a.suggestedActions?.actions ?? []).map((x) => String(x.title ?? x.value))),
  };
}

describe('"Siden sidst" when a user opens the chat', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  describe('when the desk asked a question after the user last saw the assistant', () => {
    it('says so first, with the question and buttons to see and answer the case, then welcomes; the next opening says nothing new', async () => {
      const own = await world.demoCase('Rejseafregning afvist');
      const mailbox = await world.demoCase('Fejl i lønkørsel');
      await new Chat(world, ANNA).run([['hej', 'Jeg er Serviceportalens assistent']]);
      await new Promise((r) => setTimeout(r, 5));
      await world.cases.changeStatus(own.number, { to: 'under_behandling', actor: AGENT });
      await world.cases.changeStatus(own.number, { to: 'afventer_kunde', actor: AGENT, note: 'Hvilken dato var rejsen?' });
      await world.cases.addComment(mailbox.number, { author: 'agent', actor: AGENT, text: 'Vi har rettet lønkørslen.' });

      const first = await open(new Chat(world, ANNA), ANNA);
      expect(first.texts).toHaveLength(2);
      expect(first.texts[0]).toContain('Siden sidst:');
      expect(first.texts[0]).toContain(`${own.number}** Rejseafregning afvist: er sat til Afventer kunde – servicedesken spørger: «Hvilken dato var rejsen?»`);
      // A case of the shared mailbox the user is attached to, too.
      expect(first.texts[0]).toContain(`${mailbox.number}** Fejl i lønkørsel: har fået en ny kommentar – servicedesken skriver: «Vi har rettet lønkørslen.»`);
      expect(first.actions).toEqual(expect.arrayContaining([`Vis ${own.number}`, `Svar på ${own.number}`, `Vis ${mailbox.number}`]));
      expect(first.texts[1]).toContain('Jeg er Serviceportalens assistent');

      const again = await open(new Chat(world, ANNA), ANNA);
      expect(again.texts).toHaveLength(1);
      expect(again.texts[0]).not.toContain('Siden sidst');
    });

    it('leaves out what the user did, and tells a mailbox member what the desk wrote on the mailbox\'s case', async () => {
      const mailbox = await world.demoCase('Fejl i lønkørsel');
      await new Chat(world, METTE).run([['hej', 'Jeg er Serviceportalens assistent']]);
      await new Promise((r) => setTimeout(r, 5));
      await new Chat(world, METTE).run([[`tilføj kommentar til ${mailbox.number}`, 'Skriv din kommentar'], ['Afdeling B mangler stadig løn for marts.', 'Din kommentar er tilføjet']]);
      const own = await open(new Chat(world, METTE), METTE);
      expect(own.texts.join('\n')).not.toContain('Siden sidst');
      await world.cases.addComment(mailbox.number, { author: 'agent', actor: AGENT, text: 'Det er rettet nu.' });
      const news = await open(new Chat(world, METTE), METTE);
      expect(news.texts[0]).toContain(`${mailbox.number}** Fejl i lønkørsel: har fået en ny kommentar – servicedesken skriver: «Det er rettet nu.»`);
    });
  });
});
