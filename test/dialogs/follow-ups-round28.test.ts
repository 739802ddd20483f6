/**
 * Follow-up questions, round 28: the last question asked to hold for another system ("er det på samme måde i RejsUd?"), a
 * definite noun of the page just shown referring back ("hvem nedlægger brugerne …?"), a term's meaning asked that the page
 * does not hold (a new subject, not announced), a fact of the page asked by its kind only ("hvor mange uger …?"), and what to
 * write in a thing named ("what should I write in the subject line?") not taken for how the chat is used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';
import { decide, followUpQuery, namesAThingOf } from '../../bot/routing.js';
import type { Recognition } from '../../dialogs/ports.js';
import { createKnowledgeBase, type AnswerResult } from '../../knowledge/index.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

describe('followUpQuery (round 28)', () => {
  const previous = { question: 'hvordan opsætter jeg fraværsassistent i IndFak?', subject: 'Tips og tricks til IndFak', articleId: 'sa-indfak-tips' };
  const recognition: Recognition = { intent: { kind: 'question' }, command: false, confidence: 0.9, scores: {}, slots: {} };

  it('asks the last question of another system when the follow-up asks whether it is the same there', () => {
    const again = { query: 'hvordan opsætter jeg fraværsassistent i ? RejsUd', sure: true, system: 'rejsud' };
    expect(followUpQuery('er det på samme måde i RejsUd?', previous, recognition)).toEqual(again);
    expect(followUpQuery('gælder det også for RejsUd?', previous, recognition)).toEqual(again);
    expect(followUpQuery('is it the same in RejsUd?', previous, recognition)).toEqual(again);
    expect(followUpQuery('does that apply to RejsUd too?', previous, recognition)).toEqual(again);
  });

  it('still reads a question that only refers back, or names a system as lacking, with the page just shown', () => {
    expect(followUpQuery('gælder det også hvis vi selv har glemt det?', previous, recognition)).toMatchObject({ sure: true, own: 'gælder det også hvis vi selv har glemt det?' });
    expect(followUpQuery('gælder det også for institutioner uden RejsUd?', previous, recognition)?.system).toBeUndefined();
  });

  it('weighs a longer question that names a thing of the page just shown by its definite form as a follow-up', () => {
    const duties = { question: 'hvad har institutionen ansvaret for', subject: 'CIP', articleId: 'oes-cip-ansvarsfordeling', text: 'oprette og nedlægge brugere i cip efter anmodning fra institutionerne.' };
    const asked = 'hvem sørger for at nedlægge brugerne når folk stopper?';
    expect(followUpQuery(asked, duties, recognition)).toEqual({ query: `${asked} CIP`, sure: false, own: asked });
    // The act said of the users reads as the form for removing access; of the users the answer spoke of, it is their act.
    const form: Recognition = { ...recognition, slots: { areaId: 'brugeradministration', formId: 'brugeradministration.nedlaeg-adgang' } };
    expect(followUpQuery('hvem nedlægger brugerne?', duties, form)?.query).toBe('hvem nedlægger brugerne? CIP');
    expect(followUpQuery('hvem nedlægger brugerne?', { ...duties, text: 'noget helt andet' }, form)).toBeUndefined();
  });
});

describe('namesAThingOf (round 28)', () => {
  it('is a Danish definite noun whose stem the article holds', () => {
    expect(namesAThingOf('hvem nedlægger brugerne når folk stopper?', 'oprette og nedlægge brugere i cip')).toBe(true);
    expect(namesAThingOf('hvor tit bliver rapporten så sendt ud?', 'sammensætte en rapport med nøgletal')).toBe(true);
  });

  it('is not a definite noun the article does not hold, a word that only ends so, or no article', () => {
    expect(namesAThingOf('hvad er kursen på euro i dag?', 'omregning til udenlandsk valuta sker i danske bank')).toBe(false);
    expect(namesAThingOf('kan vi gøre det igen og sammen?', 'igen sammen')).toBe(false);
    expect(namesAThingOf('hvem nedlægger brugerne?', undefined)).toBe(false);
  });
});

describe('what to write in a thing named (round 28)', () => {
  const help: Recognition = { intent: { kind: 'myCases' }, command: false, confidence: 0.35, scores: {}, slots: {} };
  const answer: AnswerResult = { kind: 'unknown', reason: 'low-confidence', coverage: 0.6 };
  const route = (text: string): string => {
    const d = decide({ text, lang: 'en', recognition: help, expectation: { kind: 'none' }, knowledge: () => answer });
    return d.route.kind === 'intent' ? `intent:${d.route.intent.kind}` : d.route.kind;
  };

  it('asks the knowledge base what to write in a thing the question names', () => {
    expect(route('what should I write in the subject line?')).toBe('knowledge');
    expect(route('hvad skal jeg skrive i emnefeltet?')).toBe('knowledge');
  });

  it('still explains the chat when what is written is this chat or the field at hand', () => {
    expect(route('hvad skal jeg skrive her?')).toBe('intent:help');
    expect(route('hvad skal der stå i det felt?')).toBe('intent:help');
    expect(route('what am I supposed to type here')).toBe('intent:help');
  });
});

describe('follow-up questions over the public articles (round 28)', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld({ knowledge: await createKnowledgeBase({ sources: ['../shared/data/kb-public/articles.jsonl'] }) });
  }, 120_000);
  afterAll(async () => world.dispose());

  it('asks the last question of the system the follow-up asks whether it is the same in', async () => {
    // Read with IndFak's subject, "i rejsud" found RejsUd's older general page.
    await new Chat(world, ANNA).run([
      ['hvordan opsætter jeg fraværsassistent i IndFak?', 'Fraværsassistent'],
      ['er det på samme måde i RejsUd?', ['Tips og tricks til RejsUd', without('Generelt om RejsUd')]],
    ]);
  });

  it('answers a definite noun of the page just shown from it, though a form was read from its verb', async () => {
    await new Chat(world, ANNA).run([
      ['hvem har ansvaret for hvad i CIP?', 'CIP – ansvarsfordeling'],
      ['hvem nedlægger brugerne når folk stopper?', ['nedlægge brugere', 'CIP – ansvarsfordeling', without('Det kan jeg desværre ikke finde')]],
    ]);
  });

  it('answers a term the page just shown does not hold on its own', async () => {
    // Read with IndFak's page for administrators, that page came again.
    await new Chat(world, ANNA).run([
      ['hvordan nulstiller jeg password i IndFak?', 'IndFak'],
      ['hvad er en dispositionsdato egentlig?', ['Dispositionsdato', without('Brugeradministration i IndFak')]],
    ]);
  });

  it('asks the system\'s other pages when the page just shown hardly holds the question\'s words', async () => {
    // "systemet" alone is in the page on Statens HR and HR-sag; read with its whole title, that page came again.
    await new Chat(world, ANNA).run([
      ['hvad er Statens HR?', 'Kilde: [Statens HR og HR-sag'],
      ['hvem leverer systemet?', ['Miracle', 'Kilde: [FAQ om Statens HR']],
    ]);
  });

  it('answers a fact asked by its kind only from the page just shown', async () => {
    // Eight words and nothing that refers back: alone declined.
    await new Chat(world, ANNA).run([
      ['hvordan kommer vi i gang med IndFak?', 'IndFak'],
      ['hvor mange uger går der før vi er kørende?', ['4 uger', without('Det kan jeg desværre ikke finde')]],
    ]);
    // The asker's own count is no figure of the page just shown.
    await new Chat(world, ANNA).run([
      ['how does the payslip work?', 'Din lønseddel'],
      ['how many vacation days do I have left?', ['I cannot find an answer', without('Source:')]],
    ]);
  });
});
