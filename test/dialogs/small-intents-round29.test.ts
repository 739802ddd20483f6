/**
 * Round 29 (intents): the small intents asked in new words, through the whole bot as a user meets them — the help text, not an
 * article or a decline; a greeting; the desk's contact; the status or the list of one's cases; a cancel; thanks; and a thing
 * stopped that is a case, not a cancel. Each transcript fails on the code before the round.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, type ConversationWorld } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
const CASE_DIALOG = /Hvilket område|Hvilket system|Hvilken formular|Jeg har valgt|Which area|Which system|Which form|I have chosen/;
const AN_ARTICLE = /Kilde:|Source:/;

describe('round 29: the small intents in the user\'s own words', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it.each(['hvilke emner kender du til', 'hvad kan man bruge sådan en som dig til', 'hvordan snakker man med dig', 'what is this chat window for', 'how does this chat thingy work', 'hvordn virker det her'])(
    'help asked in new words ("%s") gets what the assistant can do, not an article or a decline',
    async (text) => {
      const reply = await new Chat(world, ANNA).say(text);
      expect(reply.actions.join(' ')).toMatch(/Opret en sag|Create a case/);
      expect(reply.text).not.toMatch(AN_ARTICLE);
      expect(reply.text).not.toMatch(/ikke finde et svar|cannot find an answer/);
    },
  );

  it.each(['davs med dig chatbot', 'hejsa, er du vågen'])('a greeting ("%s") is greeted, not declined', async (text) => {
    const reply = await new Chat(world, ANNA).say(text);
    expect(reply.text).toMatch(/Hej|Hi/);
    expect(reply.text).not.toMatch(/ikke finde et svar|cannot find an answer|Serviceportalen dækker/);
    expect(reply.text).not.toMatch(AN_ARTICLE);
  });

  it.each(['giv mig en medarbjder', 'jeg orker ikke en chatbot, jeg vil ringe', 'hvordan får jeg fat i en fra lønteamet', 'are u guys open on friday afternoons'])(
    'a person asked for ("%s") gets the contact details and a case offered',
    async (text) => {
      const reply = await new Chat(world, ANNA).say(text);
      expect(reply.text).toMatch(/\d{2} ?\d{2} ?\d{2} ?\d{2}|@/);
      expect(reply.actions.join(' ')).toMatch(/Opret en sag|Create a case/);
    },
  );

  it.each(["where's my case at now", 'kan du slå min sag op, nr 39921'])('one\'s own case asked after ("%s") asks which case — a status, not an article', async (text) => {
    const reply = await new Chat(world, ANNA).say(text);
    expect(reply.text).toMatch(/sagsnummeret|case number/);
    expect(reply.text).not.toMatch(AN_ARTICLE);
  });

  it('whether anything was sent lists the cases ("har jeg sendt noget ind om refusion")', async () => {
    const reply = await new Chat(world, ANNA).say('har jeg sendt noget ind om refusion');
    expect(reply.text).toMatch(/Dine sager|Du har ingen sager/);
  });

  it('what colleagues may see is looked up, not the list ("kan mine kolleger se mine henvendelser")', async () => {
    const reply = await new Chat(world, ANNA).say('kan mine kolleger se mine henvendelser');
    expect(reply.text).not.toMatch(/Dine sager|Du har ingen sager/);
  });

  it('a cancel in the past tense ("jeg har fortrudt det hele") cancels', async () => {
    const reply = await new Chat(world, ANNA).say('jeg har fortrudt det hele');
    expect(reply.text).toMatch(/Der er ikke noget at annullere|jeg har stoppet/);
  });

  it('thanks told after "så" ("perfekt, så er jeg kørende igen") is thanks', async () => {
    const reply = await new Chat(world, ANNA).say('perfekt, så er jeg kørende igen');
    expect(reply.text).toContain('Selv tak');
  });

  it.each(['stop lønudbetalingen til en medarbejder der er fratrådt', 'annuller venligst min kollegas adgang til LDV, hun skifter job'])(
    'a thing stopped ("%s") is a case, not a cancel',
    async (text) => {
      const reply = await new Chat(world, ANNA).say(text);
      expect(reply.text).toMatch(CASE_DIALOG);
      expect(reply.text).not.toMatch(/annullere|jeg har stoppet/);
    },
  );

  it('access annulled starts the removal form', async () => {
    const reply = await new Chat(world, ANNA).say('annuller venligst min kollegas adgang til LDV, hun skifter job');
    expect(reply.text).toMatch(/Jeg har valgt Brugeradministration → LDV → Nedlæg/);
  });
});
