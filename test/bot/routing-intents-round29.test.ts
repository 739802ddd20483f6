/**
 * Round 29 (intents): the small intents in the user's own words — help asked of the assistant in words of knowing, talking,
 * purpose or capability and with one everyday word the classifier never saw; a greeting the opening list lacked or asking
 * whether the assistant is there; a statement after "så"; a cancel in the past tense; a person asked for with a typo, by the
 * wish to phone, as "u guys" or as someone from a team; a status asked of one's own case in a request's form or as "where's";
 * whether anything was sent; what colleagues may see; thanks before a problem told in a system; a stopping verb with a thing
 * of the world as its object. Each case said to be recognised fails on the code before the round; the guards beside them
 * ("stays", "does not") pass on both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readsAsQuestion } from '../../bot/routing.js';
import { NaturalIntentRecognizer } from '../../bot/recognizer.js';
import { REMOVAL_FORM } from '../../bot/nlu/slots.js';
import type { Intent, Recognition } from '../../dialogs/ports.js';
import type { AnswerResult } from '../../knowledge/index.js';
import { answerFrom } from '../support/articles.js';
import { recognition, routeOf, UNKNOWN } from '../support/routing.js';

/** An article that shares a word with the text and answers it strongly, as the shipped pages did ("lønkalender" for "lønteamet"). */
const SOME_ARTICLE = answerFrom({ id: 'some-page', title: 'Lønkalender' }, 'Lønkalenderen viser datoerne for årets lønkørsler.', 1);

function route(text: string, recognized: Recognition, knowledge: AnswerResult = UNKNOWN, lang: 'da' | 'en' = 'da'): string {
  return routeOf(text, recognized, knowledge, { lang, askedWithin: 'nothing' });
}

describe('round 29: what the assistant does, asked in words of knowing, talking, purpose or capability', () => {
  it.each<[string, Intent['kind'], number, AnswerResult, 'da' | 'en']>([
    ['hvilke emner kender du til', 'help', 0.81, SOME_ARTICLE, 'da'],
    ['what topics do you cover', 'help', 0.83, SOME_ARTICLE, 'en'],
    ['what sort of stuff do you know about', 'help', 0.99, SOME_ARTICLE, 'en'],
    ['hvordan snakker man med dig', 'help', 0.54, SOME_ARTICLE, 'da'],
    ['giv mig en oversigt over hvad du kan', 'question', 0.55, SOME_ARTICLE, 'da'],
    ['hvad kan man bruge sådan en som dig til', 'question', 0.8, UNKNOWN, 'da'],
  ])('"%s" (read as %s %s) is the help, not an article or a decline', (text, kind, confidence, knowledge, lang) => {
    expect(route(text, recognition({ kind } as Intent, confidence), knowledge, lang)).toBe('intent:help');
  });

  it.each<[string, 'da' | 'en']>([
    ['what is this chat window for', 'en'],
    ['how does this chat thingy work', 'en'],
    ['what sort of questions can I throw at you', 'en'],
    ['hvad er du egentlig skabt til at hjælpe med', 'da'],
    ['show me what ur capable of', 'en'],
    ['how should i phrase my questions to you', 'en'],
    ['hvordan skal jeg formulere mig til dig', 'da'],
    ['give me a quick overview of what you can do', 'en'],
  ])('"%s", with one everyday word the classifier never saw, is the help — not declined as about that word', (text, lang) => {
    expect(route(text, recognition({ kind: 'help' }, 0.98, {}, 1), UNKNOWN, lang)).toBe('intent:help');
  });

  it('reads "how this works" with the question word typed one edit wrong ("hvordn virker det her")', () => {
    expect(route('hvordn virker det her', recognition({ kind: 'help' }, 0.7, {}, 1))).toBe('intent:help');
  });

  it.each<[string, 'da' | 'en']>([
    ['what do you know about taxes', 'en'],
    ['can you tell me about the weather', 'en'],
    ['do you like pizza', 'en'],
    ['hvad ved du om SU', 'da'],
  ])('still declines "%s": a subject asked of the assistant, not what it does', (text, lang) => {
    expect(route(text, recognition({ kind: 'help' }, 0.9, {}, 1), UNKNOWN, lang)).toBe('knowledge');
  });

  it('answers what the assistant knows of a system of the portal from the knowledge base', () => {
    expect(route('hvilke emner kender du til i Navision', recognition({ kind: 'help' }, 0.7, { areaId: 'oekonomi', systemId: 'navision-stat' }), SOME_ARTICLE)).toBe('knowledge');
  });
});

describe('round 29: greetings', () => {
  it('greets the assistant where it is ("hej med dig derude")', () => {
    expect(route('hej med dig derude', recognition({ kind: 'greeting' }, 1, {}, 1))).toBe('intent:greeting');
  });

  it('knows "davs" and greets the assistant by what it is ("davs med dig chatbot")', () => {
    expect(route('davs med dig chatbot', recognition({ kind: 'greeting' }, 0.5))).toBe('intent:greeting');
  });

  it.each(['hejsa, er du vågen', 'hi, are you online?'])('"%s" asks whether the assistant is there: a greeting', (text) => {
    expect(route(text, recognition({ kind: 'greeting' }, 0.9, {}, 1), UNKNOWN, text.startsWith('hi') ? 'en' : 'da')).toBe('intent:greeting');
  });

  it('stays a question when the greeting opens one ("hej, er du klar over hvornår lønnen kommer")', () => {
    expect(route('hej, er du klar over hvornår lønnen kommer', recognition({ kind: 'question' }, 0.8, { areaId: 'loen-hr' }), SOME_ARTICLE)).toBe('knowledge');
  });
});

describe('round 29: a verb before its subject after "så" is a statement', () => {
  it('reads "perfekt, så er jeg kørende igen" as no question, and so the thanks it is', () => {
    expect(readsAsQuestion('perfekt, så er jeg kørende igen')).toBe(false);
    expect(route('perfekt, så er jeg kørende igen', recognition({ kind: 'thanks' }, 0.81))).toBe('intent:thanks');
  });

  it.each(['jeg har sendt den, så hvad gør jeg nu', 'fakturaen er afvist, skal jeg sende den igen', 'det virker ikke, og er der nogen der kan se på det'])('still reads "%s" as a question', (text) => {
    expect(readsAsQuestion(text)).toBe(true);
  });
});

describe('round 29: a cancel said in the past tense', () => {
  it('"jeg har fortrudt det hele" is a cancel', () => {
    expect(route('jeg har fortrudt det hele', recognition({ kind: 'cancel' }, 0.99))).toBe('intent:cancel');
  });
});

describe('round 29: a person asked for', () => {
  it('with a typo in the word for the person ("giv mig en medarbjder"), against an article that shares a word', () => {
    expect(route('giv mig en medarbjder', recognition({ kind: 'human' }, 0.91, {}, 1), SOME_ARTICLE)).toBe('intent:human');
  });

  it.each<[string, 'da' | 'en']>([
    ['jeg orker ikke en chatbot, jeg vil ringe', 'da'],
    ['I would rather call you', 'en'],
  ])('by the wish to phone the desk ("%s")', (text, lang) => {
    expect(route(text, recognition({ kind: 'createCase' }, 0.68), UNKNOWN, lang)).toBe('intent:human');
  });

  it('not by a call to someone else ("jeg vil ringe til min chef i morgen")', () => {
    expect(route('jeg vil ringe til min chef i morgen', recognition({ kind: 'createCase' }, 0.68))).not.toBe('intent:human');
  });

  it('with the desk addressed as "u guys" ("are u guys open on friday afternoons")', () => {
    expect(route('are u guys open on friday afternoons', recognition({ kind: 'human' }, 0.73, {}, 1), UNKNOWN, 'en')).toBe('intent:human');
  });

  it('as someone from a team, asked how to reach ("hvordan får jeg fat i en fra lønteamet")', () => {
    expect(route('hvordan får jeg fat i en fra lønteamet', recognition({ kind: 'question' }, 0.99, {}, 1), SOME_ARTICLE)).toBe('intent:human');
  });

  it('not a thing asked how to get hold of ("hvordan får jeg fat i lønkalenderen")', () => {
    expect(route('hvordan får jeg fat i lønkalenderen', recognition({ kind: 'question' }, 0.99), SOME_ARTICLE)).toBe('knowledge');
  });
});

describe("round 29: the user's own cases", () => {
  it('"where\'s my case at now" asks how it stands', () => {
    expect(route("where's my case at now", recognition({ kind: 'status' }, 0.54), SOME_ARTICLE, 'en')).toBe('intent:status');
  });

  it('a status asked of one\'s own case in a request\'s form, fairly surely, is the status ("kan du slå min sag op, nr 39921")', () => {
    expect(route('kan du slå min sag op, nr 39921', recognition({ kind: 'status' }, 0.76))).toBe('intent:status');
  });

  it('a statement that names no case of the user\'s is still no status ("min pc starter ikke om morgenen")', () => {
    expect(route('min pc starter ikke om morgenen', recognition({ kind: 'status' }, 0.6))).toBe('knowledge');
  });

  it('whether anything was sent is the list ("har jeg sendt noget ind om refusion")', () => {
    expect(route('har jeg sendt noget ind om refusion', recognition({ kind: 'status' }, 0.32), SOME_ARTICLE)).toBe('intent:myCases');
  });

  it('what colleagues may see is a question of the portal, however sure the classifier is of the list', () => {
    expect(route('kan mine kolleger se mine henvendelser', recognition({ kind: 'myCases' }, 0.91), SOME_ARTICLE)).toBe('knowledge');
  });
});

describe('round 29: thanks or a greeting before a problem told in a system', () => {
  const isola = { areaId: 'bi', systemId: 'isola' };
  const overview = answerFrom({ id: 'isola', title: 'ISOLA', system: 'ISOLA' }, 'ISOLA giver ledere rapporter om løn og personale.', 0.85);

  it('is the problem\'s case', () => {
    expect(route('tak for svaret, men det virker stadig ikke, ISOLA viser forkerte tal', recognition({ kind: 'thanks' }, 0.94, isola), overview)).toBe('intent:createCase');
  });

  it('a call for help before it is the same ("please help, LDV shows the wrong numbers")', () => {
    const ldv = answerFrom({ id: 'ldv', title: 'LDV', system: 'LDV' }, 'LDV er løndatavarehuset med statistik og rapporter om løn.', 0.74);
    expect(route('please help, LDV shows the wrong numbers', recognition({ kind: 'help' }, 0.63, { areaId: 'bi', systemId: 'ldv' }, 1), ldv, 'en')).toBe('intent:createCase');
  });

  it('is no case when nothing fails ("tak, nu virker ISOLA igen")', () => {
    expect(route('tak, nu virker ISOLA igen', recognition({ kind: 'thanks' }, 0.94, isola), overview)).not.toBe('intent:createCase');
  });
});

describe('round 29: a stopping verb with a thing of the portal as its object, read by the classifier as a cancel', () => {
  const invoice = { areaId: 'oekonomi', systemId: 'indfak' };

  it('is the case when no article answers it ("cancel the invoice from Dell")', () => {
    expect(route('cancel the invoice from Dell', recognition({ kind: 'cancel' }, 0.87, invoice), UNKNOWN, 'en')).toBe('intent:createCase');
  });

  it('stays the article that answers it ("annuller fakturaen fra Dell")', () => {
    expect(route('annuller fakturaen fra Dell', recognition({ kind: 'cancel' }, 0.71, invoice), SOME_ARTICLE)).toBe('knowledge');
  });

  it('stays a cancel when the conversation is what stops ("annuller sagen om IndFak")', () => {
    expect(route('annuller sagen om IndFak', recognition({ kind: 'cancel' }, 0.9, invoice), SOME_ARTICLE)).toBe('intent:cancel');
  });
});

describe('round 29: the recognizer — a stopping verb with a thing of the world as its object, help with getting started', () => {
  let recognizer: NaturalIntentRecognizer;
  beforeAll(() => {
    recognizer = new NaturalIntentRecognizer();
  });

  it.each(['stop lønudbetalingen til en medarbejder der er fratrådt', 'annuller venligst min kollegas adgang til LDV, hun skifter job', 'cancel the invoice from Dell'])('"%s" is no cancel command', (text) => {
    expect(recognizer.recognize(text)).not.toMatchObject({ intent: { kind: 'cancel' }, command: true });
  });

  it('reads help with getting started as the help ("hjælp mig med at komme i gang"), not a question about starting', () => {
    expect(recognizer.recognize('hjælp mig med at komme i gang').intent.kind).toBe('help');
  });

  it('still reads help with getting started in a system as about that system', () => {
    expect(recognizer.recognize('hjælp mig med at komme i gang med RejsUd').intent.kind).not.toBe('help');
  });

  it('takes access annulled as its removal ("annuller … adgang til LDV")', () => {
    expect(recognizer.recognize('annuller venligst min kollegas adgang til LDV, hun skifter job').slots.formId).toBe(REMOVAL_FORM);
  });

  it.each(['stop sagen, jeg fandt svaret', 'afbryd samtalen', 'glem det jeg gør det selv', 'annuller det hele bare', 'stop, lønnen er kommet', 'cancel that, wrong button'])('"%s" is still a cancel', (text) => {
    expect(recognizer.recognize(text)).toMatchObject({ intent: { kind: 'cancel' }, command: true });
  });
});
