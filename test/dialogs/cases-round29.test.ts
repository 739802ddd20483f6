/**
 * Transcripts of round 29 (cases): a first message about a thing whose system it does not name — with a request verb or
 * only the trouble told — starts the case dialog at the thing's system, shows the path and does not ask for the system;
 * a question about making such a case does not start it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

describe('a case about a thing of a system not named (round 29)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it.each([
    // Asked for in words.
    ['jeg vil gerne oprette en sag om min kørselsgodtgørelse', 'Økonomi og Regnskab → RejsUd'],
    ['lav en sag til mig om lønsedlen der mangler', 'Statens Løn og HR → SLS/HR-Løn'],
    // Only the trouble told.
    ['min kilometerpenge for september er ikke udbetalt', 'Økonomi og Regnskab → RejsUd'],
    ['kursusbeviserne fra sidste uges kursus mangler for alle deltagere', 'Øvrige → Campus'],
    ['e-læringsmodulet om informationssikkerhed hænger på side 4', 'Øvrige → Campus'],
  ])('"%s" starts at %s', async (text, path) => {
    const reply = await new Chat(world, ANNA).say(text);
    expect(reply.text).toContain(`Jeg har valgt ${path}`);
    expect(reply.text).not.toContain('Hvilket system');
  });

  it.each([
    ['I want to open a ticket about my mileage allowance', 'Finance and Accounting → RejsUd'],
    ['the e-learning module freezes every time', 'Other → Campus'],
  ])('"%s" starts at %s (English)', async (text, path) => {
    const reply = await new Chat(world, ANNA).say(text);
    expect(reply.text).toContain(`I have chosen ${path}`);
    expect(reply.text).not.toContain('Which system');
  });

  it('answers a question about making such a case, and starts none', async () => {
    const reply = await new Chat(world, ANNA).say('hvordan opretter man en sag om udlæg?');
    expect(reply.text).not.toContain('Jeg har valgt');
    expect(reply.text).not.toContain('Hvilket system');
  });
});
