/**
 * Transcripts of the path a first message names (round 26): a system by what the catalogue's description calls it, inside
 * a compound, with a typo and an ending, implied by the area's word ("løn" → SLS); the problem's system of two; a person
 * removed; a form by a choice only it has. Each starts the case dialog at the path, and the system is not asked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

describe('the path a first message names (round 26)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it.each([
    // A form, its system and its area chosen from a request that names the form and the system.
    ['kan du oprette en sag til mig om en faktura i IndFak', 'Økonomi og Regnskab → IndFak/SDI → Faktura i IndFak'],
    // The system inside a compound: implied, the form asked next.
    ['vores refusionsansøgning for barsel er blevet afvist, vil gerne have det undersøgt', 'Statens Løn og HR → Statens Refusion'],
    ['campuskurset om GDPR virker ikke, opret en sag', 'Øvrige → Campus'],
    // The system with a typo and an ending.
    ['budgetsytemet er nede, kan I oprette en sag', 'Økonomi og Regnskab → Statens Budgetsystem'],
    // "Løn" is what SLS is the system of.
    ['min løn er ikke gået ind på kontoen, kan I oprette en sag', 'Statens Løn og HR → SLS/HR-Løn'],
    // A choice only one form has: the form and its system.
    ['jeg har fået dobbelt løn i denne måned', 'Statens Løn og HR → SLS/HR-Løn → Fejl i lønkørsel'],
    // Two systems: the one after "men", the one not at a transfer's end.
    ['jeg kan logge på Navision men ikke på RejsUd, kan I oprette en sag', 'Økonomi og Regnskab → RejsUd'],
    ['indfak sender ikke fakturaen videre til navision, opret en sag', 'Økonomi og Regnskab → IndFak/SDI'],
    // A person to be removed is a user's access removed.
    ['min kollega skal fjernes som administrator i RejsUd', 'Brugeradministration → RejsUd → Nedlæggelse af brugeradgang'],
  ])('"%s" starts at %s', async (text, path) => {
    const reply = await new Chat(world, ANNA).say(text);
    expect(reply.text).toContain(`Jeg har valgt ${path}`);
    expect(reply.text).not.toContain('Hvilket system');
  });

  it.each([
    ['I was paid twice this month, can you open a case', 'State Payroll and HR → SLS/HR-Løn → Error in a pay run'],
    ['refund for sick leave was never paid out, please open a ticket', 'State Payroll and HR → Statens Refusion → Reimbursement'],
    ['the learning platform won’t open my course, please open a ticket', 'Other → Campus'],
    ['the payroll data warehouse is missing last month’s data, please raise a ticket', 'Business Intelligence → LDV'],
  ])('"%s" starts at %s (English)', async (text, path) => {
    const reply = await new Chat(world, ANNA).say(text);
    expect(reply.text).toContain(`I have chosen ${path}`);
    expect(reply.text).not.toContain('Which system');
  });

  it('asks for the system next when only the area is clear', async () => {
    const reply = await new Chat(world, ANNA).say('opret en sag om regnskab');
    expect(reply.text).toContain('Jeg har valgt Økonomi og Regnskab.');
    expect(reply.text).toContain('Hvilket system drejer det sig om?');
  });
});
