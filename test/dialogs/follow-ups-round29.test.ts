/**
 * Follow-up questions, round 29: a new subject named by a word of its own — the title word of the article the question finds
 * alone, which the article before has nowhere ("what is the purpose of Kundeportalen?" after Statens HR) — and a thing no
 * article speaks of ("hvor meget tjener en sygeplejerske?" after the payslip, "when is Easter this year?" after the payroll
 * calendar), which is the question's own subject outside the portal, not a detail of the page before.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';
import { createKnowledgeBase } from '../../knowledge/index.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
const NOT_FOUND_DA = 'Det kan jeg desværre ikke finde';
const NOT_FOUND_EN = 'I cannot find an answer';

describe('follow-up questions over the public articles (round 29)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld({ knowledge: await createKnowledgeBase({ sources: ['../shared/data/kb-public/articles.jsonl'] }) });
  }, 120_000);
  afterAll(async () => world.dispose());

  describe('when the question names a subject of its own', () => {
    it('answers it from the article whose title holds its word, not the article before', async () => {
      // Read with Statens HR's FAQ, "purpose" found that page's "Formålet med Statens HR".
      await new Chat(world, ANNA).run([
        ['who supplies Statens HR?', 'Miracle'],
        ['what is the purpose of Kundeportalen?', ['Kundeportalen hos Statens Administration', without('FAQ om Statens HR')]],
      ]);
      await new Chat(world, ANNA).run([
        ['how do I reset my password in the service portal?', 'Serviceportal'],
        ['what is the indkøbskaskade?', ['indkøbskaskaden', without('Serviceportal til løn og regnskab')]],
      ]);
    });

    it('still asks the system just answered about when the word only begins another title\'s compound', async () => {
      // "leverandør" begins "leverandørvejledning" (the invoicing guide of Statens It): the supplier of Statens HR is asked.
      await new Chat(world, ANNA).run([
        ['hvad er Statens HR?', 'Statens HR'],
        ['hvem er leverandør?', ['Miracle', without('Statens It')]],
      ]);
    });
  });

  describe('when the question names a thing no article speaks of', () => {
    it('declines it rather than answering from the page before', async () => {
      await new Chat(world, ANNA).run([
        ['hvad står der på lønsedlen', 'Din lønseddel'],
        ['hvor meget tjener en sygeplejerske?', [NOT_FOUND_DA, without('Kilde:')]],
      ]);
      // Eight words: read as a detail of the page before, whose figures answered it.
      await new Chat(world, ANNA).run([
        ['hvordan søger vi refusion for barsel', 'Barselsfond'],
        ['hvor mange bleer bruger en baby om dagen?', [NOT_FOUND_DA, without('Kilde:')]],
      ]);
      // In English a name counts: the payroll calendar's page answered it.
      await new Chat(world, ANNA).run([
        ['what is the payroll calendar?', 'Lønkalender'],
        ['when is Easter this year?', [NOT_FOUND_EN, without('Source:')]],
      ]);
    });

    it('still answers from the page before when the question also names a thing of that page', async () => {
      // "genvejen" is in no article; "søgefeltet" is in Navision's tips, which name its keys.
      await new Chat(world, ANNA).run([
        ['hvordan får man hjælp til et felt i Navision Stat?', 'F1'],
        ['hvad er genvejen til søgefeltet?', ['Ctrl+F3', without(NOT_FOUND_DA)]],
      ]);
    });
  });
});
