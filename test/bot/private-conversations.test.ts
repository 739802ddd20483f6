import { describe, expect, it } from 'vitest';
import { answerableInPublic } from '../../bot/private-conversations.js';
import type { Expectation, Intent, Route, RouteDecision } from '../../dialogs/ports.js';

const knowledge: Route = { kind: 'knowledge', answer: { kind: 'unknown' } as never };
const intent = (i: Intent): Route => ({ kind: 'intent', intent: i });
const answer: Route = { kind: 'answer', inDoubt: false };
const decision = (route: Route, kind: RouteDecision['intent'] = route.kind === 'intent' ? route.intent.kind : 'question'): RouteDecision => ({
  route,
  intent: kind,
  confidence: 1,
  expecting: 'none',
  reason: 'rule',
});

const none: Expectation = { kind: 'none' };
const feedback: Expectation = { kind: 'yesNo', about: 'router:feedback' };
const offerCase: Expectation = {
  kind: 'choice',
  about: 'router:offerCase',
  choices: [
    { id: 'yes', label: { da: 'Opret sag', en: 'Create case' } },
    { id: 'no', label: { da: 'Omformuler', en: 'Rephrase' } },
  ],
};
const caseField: Expectation = { kind: 'field', fieldId: 'beskrivelse', label: { da: 'Beskrivelse', en: 'Description' }, shape: 'longText', optional: false };
const caseChoice: Expectation = { kind: 'choice', about: 'case:area', choices: [{ id: 'oekonomi', label: { da: 'Økonomi', en: 'Finance' } }] };

describe('answerableInPublic', () => {
  // [what, decision, expectation, the text's choice, answered where others read?]
  const table: Array<[string, RouteDecision, Expectation, string | undefined, boolean]> = [
    ['a knowledge question', decision(knowledge), none, undefined, true],
    ['a greeting', decision(intent({ kind: 'greeting' })), none, undefined, true],
    ['help', decision(intent({ kind: 'help' })), none, undefined, true],
    ['talk to a person', decision(intent({ kind: 'human' })), none, undefined, true],
    ['"Hjalp det?" answered', decision(answer, 'yes'), feedback, undefined, true],
    ['no to "Vil du oprette en sag?"', decision(answer, 'no'), offerCase, 'no', true],
    ['yes to "Vil du oprette en sag?"', decision(answer, 'yes'), offerCase, 'yes', false],
    ['"ja" as an intent at "Vil du oprette en sag?"', decision(intent({ kind: 'yes' })), offerCase, undefined, false],
    ['my cases', decision(intent({ kind: 'myCases' })), none, undefined, false],
    ['show more', decision(intent({ kind: 'showMore' })), none, undefined, false],
    ['a status', decision(intent({ kind: 'status', caseNumber: 'SA-2026-000001' })), none, undefined, false],
    ['a comment', decision(intent({ kind: 'addComment' })), none, undefined, false],
    ['create a case', decision(intent({ kind: 'createCase' })), none, undefined, false],
    ['registration', decision(intent({ kind: 'register' })), none, undefined, false],
    ['community access', decision(intent({ kind: 'communityAccess', institution: 'x' })), none, undefined, false],
    ['mailbox administration', decision(intent({ kind: 'membership', op: 'attach', member: 'a@b.dk', mailbox: 'c@b.dk' })), none, undefined, false],
    ['a knowledge question while a case form waits', decision(knowledge), caseField, undefined, false],
    ['help while a case form waits', decision(intent({ kind: 'help' })), caseChoice, undefined, false],
    ['an answer to a case form', decision(answer), caseField, undefined, false],
  ];
  it.each(table)('%s', (_what, d, expectation, choice, expected) => {
    expect(answerableInPublic(d, expectation, 'text', () => choice)).toBe(expected);
  });
});

describe('answerableInPublic, the case asked for at the router\'s own question', () => {
  it('takes "opret" at "Hjalp det?" — which starts the case — into the private chat, and a plain no stays', () => {
    expect(answerableInPublic(decision(answer, 'question'), feedback, 'opret en ny sag', () => undefined)).toBe(false);
    expect(answerableInPublic(decision(answer, 'question'), feedback, 'ja tak, opret den', () => undefined)).toBe(false);
    expect(answerableInPublic(decision(answer, 'no'), feedback, 'nej', () => undefined)).toBe(true);
    expect(answerableInPublic(decision(answer, 'question'), feedback, 'hvordan opretter jeg en sag?', () => undefined)).toBe(true);
  });
});
