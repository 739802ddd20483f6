/**
 * Round 28 (en): English questions read as requests or as a person asked for — "am I allowed …" and "can I get money back
 * …" asked as questions, the number of something an article names read as a request because the desk's area is named,
 * a person half read in words of no one to reach, hours worked or paid. Each case said to be answered fails on the code
 * before the round; the guards beside them pass on both.
 */
import { describe, expect, it } from 'vitest';
import { decide, readsAsQuestion } from '../../bot/routing.js';
import type { Recognition } from '../../dialogs/ports.js';
import type { AnswerResult } from '../../knowledge/index.js';
import { answerFrom } from '../support/articles.js';
import { recognition, routeOf, UNKNOWN } from '../support/routing.js';

function route(text: string, recognized: Recognition, knowledge: AnswerResult = UNKNOWN, lang: 'da' | 'en' = 'en'): string {
  return routeOf(text, recognized, knowledge, { lang });
}

describe('round 28: English questions of whether one may, or may have money back', () => {
  it.each(['am I allowed to change a service request I already sent earlier', 'shall we send the form again', 'can I get money back for meeting food that is not linked to a trip', 'can I get reimbursed for a taxi to the airport'])(
    '"%s" reads as a question',
    (text) => {
      expect(readsAsQuestion(text)).toBe(true);
    },
  );

  it.each(['can I get a new user in RejsUd', 'can you reset my password'])('"%s" is still a polite request', (text) => {
    expect(readsAsQuestion(text)).toBe(false);
  });

  it('answers such a question from the article though the classifier half reads a request', () => {
    const hrSag = answerFrom({ id: 'hr-sag', title: 'Statens HR og HR-sag' }, 'Den samme serviceanmodning genbruges i stedet for at sende en ny.', 1);
    expect(route('am I allowed to change a service request I already sent earlier', recognition({ kind: 'createCase' }, 0.63), hrSag)).toBe('knowledge');
  });
});

describe('round 28: the number of something an article names, read as a request', () => {
  const errors = answerFrom({ id: 'fejl', title: 'Ny proces for indmelding af fejl' }, 'Fejlen meldes til Kundebetjening på telefon 3392 9800 eller pr. mail.', 1);
  const area = { areaId: 'kundebetjening' };

  it('is that article\'s answer, in English and in Danish', () => {
    expect(route('phone number for Kundebetjening to report an error', recognition({ kind: 'createCase' }, 0.95, area), errors)).toBe('knowledge');
    expect(route('telefonnummer til Kundebetjening for at melde en fejl', recognition({ kind: 'createCase' }, 0.84, area), errors, 'da')).toBe('knowledge');
  });

  it('stays a case when one is asked for in words', () => {
    expect(route('I want to create a case with Kundebetjening about an error, my phone number is 12345678', recognition({ kind: 'createCase' }, 0.95, area), errors)).toBe('intent:createCase');
  });
});

describe('round 28: a person read in words of no one to reach', () => {
  const refusion = answerFrom({ id: 'frister', title: 'Ansøgningsfrister for refusion' }, 'Sygdom op til 30 dage med § 56-aftale: inden for 2 måneder.', 1);
  const mass = answerFrom({ id: 'masse', title: 'Masseindberetning i HR-Løn' }, 'Masseindberetning bruges fx til udbetaling af timer til studenter.', 1);

  it('is the strong answer when the classifier only half believes in the person', () => {
    expect(route('§56 agreement sick up to 30 days deadline', recognition({ kind: 'human' }, 0.58), refusion)).toBe('knowledge');
  });

  it('reads hours paid or worked as no opening hours', () => {
    expect(route('paying hours to many students at the same time', recognition({ kind: 'human' }, 0.89), mass)).toBe('knowledge');
  });

  it('still reaches a person when one is asked for, or the desk\'s hours', () => {
    expect(route('I want to talk to a person', recognition({ kind: 'human' }, 0.6), refusion)).toBe('intent:human');
    expect(route('what are the service desk hours', recognition({ kind: 'human' }, 0.9), mass)).toBe('intent:human');
  });
});

describe('round 28: a problem told in English, which the Danish passage speaks of (ENGLISH_PROBLEM)', () => {
  const tips = answerFrom({ id: 'rejsud-tips', title: 'Tips og tricks til RejsUd', system: 'RejsUd' }, 'Bruger synkroniseres ikke: årsagen er ofte, at BrugerId ikke har et gyldigt mailformat.', 1);
  const rejsud = { areaId: 'brugeradministration', systemId: 'rejsud' };
  /** The knowledge base: the answer to the whole text, and to one word alone in the article when the passage holds it in Danish. */
  const reading =
    (held: readonly string[]) =>
    (text: string, _lang: string, _about?: string, _own?: string, within?: string): AnswerResult =>
      within === undefined || held.some((word) => text.endsWith(` ${word}`)) ? tips : UNKNOWN;
  const routeWith = (text: string, held: readonly string[]): string => {
    const decision = decide({ text, lang: 'en', recognition: recognition({ kind: 'question' }, 0.68, rejsud), expectation: { kind: 'none' }, knowledge: reading(held) });
    return decision.route.kind === 'intent' ? `intent:${decision.route.intent.kind}` : decision.route.kind;
  };

  it('answers it from the article when the passage holds what fails and the words of it', () => {
    expect(routeWith("a user won't synchronise in RejsUd", ['user', 'synchronise'])).toBe('knowledge');
  });

  it('is still the case when the passage holds the words but not what fails', () => {
    expect(routeWith("a user won't log in to RejsUd", ['user'])).toBe('intent:createCase');
  });
});
