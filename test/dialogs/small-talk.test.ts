/**
 * Small talk about the assistant itself gets an answer of its own: not the welcome, not the desk's
 * contact details, and no article (it is declined from the knowledge base).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asksAboutAssistant } from '../../dialogs/small-talk.js';
import { Chat, createConversationWorld, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

describe('asksAboutAssistant', () => {
  it.each(['er du et menneske?', 'hvem er du egentlig?', 'godmorgen, hvordan har du det', 'hvad hedder du', 'Are you a bot?', "what's your name?", 'how are you', 'er du en robot', 'hvordan går det?', 'hej, går det godt', 'skriver jeg med et menneske eller en robot', 'am I talking to a bot?'])(
    '"%s" asks about the assistant',
    (text) => expect(asksAboutAssistant(text)).toBe(true),
  );

  it.each([
    'kan jeg tale med et menneske?',
    'hvordan nulstiller jeg min adgangskode',
    'er du sikker på at lønnen bliver udbetalt den sidste hverdag i måneden',
    'hvem godkender min rejseafregning',
    'Can I talk to a person?',
    'Are you open on Saturdays?',
    'er du der?',
    'hvordan går det med min sag?',
    'hvordan går det med lønkørslen',
    'vi sender bestillingen nu, hvornår går det?',
    'taler jeg med den rigtige afdeling om min rejseafregning',
  ])('"%s" does not', (text) => expect(asksAboutAssistant(text)).toBe(false));
});

describe('small talk about the assistant in the chat', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it.each([
    ['er du et menneske?', /ikke et menneske/],
    ['hvem er du egentlig, er du et menneske?', /ikke et menneske/],
    ['godmorgen, hvordan har du det', /ikke et menneske/],
    ['Are you a human?', /not a person/],
    ['skriver jeg med et menneske eller en robot', /ikke et menneske/],
    ['hvordan går det', /ikke et menneske/],
  ])('"%s" is told what the assistant is, with no article and no contact details', async (text, expected) => {
    const reply = await new Chat(world, ANNA).say(text);
    expect(reply.text).toMatch(expected);
    expect(reply.text).not.toContain('Kilde:');
    expect(reply.text).not.toContain('Source:');
    expect(reply.text).not.toMatch(/\d{2} ?\d{2} ?\d{2} ?\d{2}/);
  });

  it('a plain greeting still gets the welcome', async () => {
    const reply = await new Chat(world, ANNA).say('hej');
    expect(reply.text).not.toMatch(/ikke et menneske/);
  });
});
