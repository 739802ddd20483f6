/**
 * Round 21: two questions in one message ("hvad er RejsUd og hvem skal bruge det?") are both answered — the answer to
 * the whole, then the part it leaves out, from its own passage or article, or said plainly to have no answer with a
 * case offered for it. One question is answered as before, in one message. A word typed alone is answered by an
 * article about it, and not by one that merely uses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, Chat, createConversationWorld, messages, without, type ConversationWorld } from '../support/conversation.js';
import { twoQuestions } from '../../bot/routing.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

describe('two questions in one message', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it('answers the second too, read with what the first is about', async () => {
    await new Chat(world, ANNA).run([
      [
        'hvad er RejsUd og hvem skal bruge det?',
        [
          messages(['RejsUd er Finansministeriets fælles system', 'Kilde: [RejsUd'], ['Og til «hvem skal bruge det?»:', 'skal bruge RejsUd', 'Kilde: [RejsUd', 'Hjalp det?']),
          actions('Ja', 'Nej'),
        ],
      ],
      // The answer's feedback is asked once, after both.
      ['ja', 'Godt at høre'],
    ]);
  });

  it('answers the first on its own when the answer to the whole is the second\'s', async () => {
    await new Chat(world, ANNA).run([
      [
        'hvordan får jeg adgang til IndFak, og hvad koster det?',
        messages(['ingen pris', 'Kilde: [Hvad er Serviceportalen?'], ['Og til «hvordan får jeg adgang til IndFak»:', 'Kilde: [Brugeradministration i IndFak og RejsUd', 'Hjalp det?']),
      ],
    ]);
    await new Chat(world, ANNA).run([
      ['hvad er SLS-guiden, og hvor finder jeg den?', messages(['slsguide.modst.dk', 'Kilde: [SLS-guiden'], ['Og til «hvad er SLS-guiden»:', 'opslagsværktøj', 'Hjalp det?'])],
    ]);
  });

  it('says so of a part with no answer, and offers a case for it', async () => {
    await new Chat(world, ANNA).run([
      [
        'hvor finder jeg SLS-guiden, og hvem er min tillidsrepræsentant?',
        [
          messages(['slsguide.modst.dk', 'Kilde: [SLS-guiden'], ['Til «hvem er min tillidsrepræsentant?» kan jeg ikke finde et svar i vidensbasen.']),
          actions('Opret en sag', 'Spørg på en anden måde'),
        ],
      ],
    ]);
  });

  it('answers one question in one message, as before', async () => {
    await new Chat(world, ANNA).run([['hvad er RejsUd?', [messages(['RejsUd er Finansministeriets fælles system', 'Kilde: [RejsUd', 'Hjalp det?']), without('Og til')]]]);
  });
});

describe('a word typed alone', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  it('gets the article about it, from its opening', async () => {
    await new Chat(world, ANNA).run([['RejsUd', ['RejsUd er Finansministeriets fælles system', 'Kilde: [RejsUd', without('Miracle')]]]);
    await new Chat(world, ANNA).run([['lønseddel', 'Kilde: [Din lønseddel']]);
  });

  it('is not answered by an article that merely uses it', async () => {
    await new Chat(world, ANNA).run([['MitID', ['Det kan jeg desværre ikke finde et svar på i vidensbasen.', without('Kilde:')]]]);
  });
});

describe('twoQuestions', () => {
  it('splits two questions joined by "og"/"and" or each with its question mark', () => {
    expect(twoQuestions('hvad er RejsUd og hvem skal bruge det?')).toEqual(['hvad er RejsUd', 'hvem skal bruge det?']);
    expect(twoQuestions('hvordan får jeg adgang til IndFak, og hvad koster det?')).toEqual(['hvordan får jeg adgang til IndFak', 'hvad koster det?']);
    expect(twoQuestions('hvad er CIP? hvem har ansvaret?')).toEqual(['hvad er CIP?', 'hvem har ansvaret?']);
    expect(twoQuestions('what is SLS and who uses it?')).toEqual(['what is SLS', 'who uses it?']);
  });

  it('leaves one question whole: a statement before it, a clause inside it, two question words for one question', () => {
    expect(twoQuestions('hvad er RejsUd?')).toBeUndefined();
    expect(twoQuestions('Vi er en region. Kan vi blive tilsluttet Campus, og hvad er kravet?')).toBeUndefined();
    expect(twoQuestions('hvordan og hvornår søger jeg refusion?')).toBeUndefined();
    expect(twoQuestions('jeg har glemt min kode og kan ikke logge ind')).toBeUndefined();
    expect(twoQuestions('Hvor tit skal vi gennemgå, hvem der er administrator i RejsUd?')).toBeUndefined();
  });
});
