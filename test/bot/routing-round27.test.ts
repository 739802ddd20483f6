/**
 * Round 27 (route): failures told without a negation, problems only supposed, a problem read as a person asked for, how to
 * use the chat, greetings to the assistant, stopping with the case as its object, the list of one's cases by its name.
 * Each case said to be recognised fails on the code before the round; the guards beside them ("does not", "stays", "as
 * before") pass on both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { reportsAProblem } from '../../bot/routing.js';
import { NaturalIntentRecognizer } from '../../bot/recognizer.js';
import type { Recognition } from '../../dialogs/ports.js';
import type { AnswerResult } from '../../knowledge/index.js';
import { recognition, routeOf, systemArticle, UNKNOWN } from '../support/routing.js';

const article = systemArticle;

function route(text: string, recognized: Recognition, knowledge: AnswerResult = UNKNOWN, lang: 'da' | 'en' = 'da'): string {
  return routeOf(text, recognized, knowledge, { lang, askedWithin: 'nothing' });
}

describe('round 27: a failure told without "ikke"/"not" or a word of error is a problem', () => {
  it.each([
    'the export wont start this morning',
    'I cant open the report',
    'kuben er tom i dag',
    'the dashboard is completely empty',
    'filerne er forsvundet fra mappen',
    'skærmbilledet går i stå når jeg gemmer',
    'it keeps loading forever',
    'programmet lukker ned når jeg printer',
    'portalen smider mig ud efter to minutter',
    'systemet melder ugyldig dato på alle linjer',
    'rapporten viser ingen tal for marts',
    'the page shows no results',
    'dashboardet viser tomme grafer',
    'udtrækket er tomt',
  ])('"%s" reports a problem', (text) => {
    expect(reportsAProblem(text)).toBe(true);
  });

  it.each(['dont send it', 'hvordan tømmer jeg kurven', 'we keep the data for five years', 'vi lukker regnskabet ned til jul'])('"%s" does not', (text) => {
    expect(reportsAProblem(text)).toBe(false);
  });

  it("takes such a failure in a named system as its case when the system's article does not speak of it", () => {
    const isola = { areaId: 'bi', systemId: 'isola' };
    const overview = article('ISOLA giver ledere rapporter om løn og personale.', 'ISOLA');
    expect(route('ISOLA-rapporten om fravær er tom i dag', recognition({ kind: 'question' }, 0.7, isola), overview)).toBe('intent:createCase');
    expect(route('the ISOLA report keeps loading and never opens', recognition({ kind: 'question' }, 0.8, isola), overview, 'en')).toBe('intent:createCase');
  });
});

describe('round 27: a problem told between two systems', () => {
  const overview = article('LDV er løndatavarehuset med statistik og rapporter om løn.', 'LDV');

  it('is the case of the system the slots chose when it is told, not asked', () => {
    expect(route('tallene fra ISOLA kommer ikke over i LDV', recognition({ kind: 'question' }, 0.7, { areaId: 'bi', systemId: 'ldv' }), overview)).toBe('intent:createCase');
  });

  it('stays a question when two systems are weighed in a question', () => {
    expect(route('vi har ikke ISOLA, kan vi så bruge LDV til fraværet?', recognition({ kind: 'question' }, 0.9, { areaId: 'bi', systemId: 'ldv' }), overview)).toBe('knowledge');
  });
});

describe('round 27: a problem supposed in a condition is asked about, not told', () => {
  const isola = { areaId: 'bi', systemId: 'isola' };

  it('answers "what do I do if the system fails" from the knowledge base (declined when nothing answers), not as a case', () => {
    expect(route('hvad gør jeg hvis ISOLA giver en fejl', recognition({ kind: 'question' }, 0.9, isola))).toBe('knowledge');
    expect(route('what should I do if ISOLA shows an error', recognition({ kind: 'question' }, 0.6, isola), UNKNOWN, 'en')).toBe('knowledge');
  });

  it('still takes the problem told in the main clause as the case', () => {
    expect(route('ISOLA giver en fejl hvis jeg eksporterer, hvad gør jeg?', recognition({ kind: 'question' }, 0.9, isola))).toBe('intent:createCase');
  });
});

describe('round 27: a problem in a system read, unsure, as a person asked for', () => {
  const budget = { areaId: 'oekonomi', systemId: 'statens-budgetsystem' };
  const overview = article('Statens Budgetsystem bruges til budgetlægning og opfølgning.', 'Statens Budgetsystem');

  it('is the problem\'s case when no one is asked for ("won\'t let me" is no one to reach)', () => {
    expect(route('Statens Budgetsystem wont let me export the figures', recognition({ kind: 'human' }, 0.65, budget), overview, 'en')).toBe('intent:createCase');
  });

  it('stays the person when one is asked for', () => {
    expect(route('jeg vil gerne tale med en person, budgetsystemet virker ikke', recognition({ kind: 'human' }, 0.7, budget), overview)).toBe('intent:human');
  });
});

describe('round 27: a problem in a system read, unsure, as a cancel', () => {
  const ldv = { areaId: 'bi', systemId: 'ldv' };
  const overview = article('LDV er løndatavarehuset med statistik og rapporter om løn.', 'LDV');

  it('is the problem\'s case when no word of stopping is in it ("won\'t" is no stopping)', () => {
    expect(route("LDV won't refresh the cube", recognition({ kind: 'cancel' }, 0.5, ldv), overview, 'en')).toBe('intent:createCase');
  });

  it('stays a cancel when the user stops', () => {
    expect(route("stop, we don't need LDV after all", recognition({ kind: 'cancel' }, 0.6, ldv), overview, 'en')).toBe('intent:cancel');
  });
});

describe('round 27: when the desk solves the user\'s case is how it stands', () => {
  it('"hvornår løser I min sag om ISOLA" is the status, not a question about ISOLA', () => {
    expect(route('hvornår løser I min sag om ISOLA', recognition({ kind: 'question' }, 0.6, { areaId: 'bi', systemId: 'isola' }), article('ISOLA giver ledere rapporter.', 'ISOLA'))).toBe('intent:status');
  });
});

describe('round 27: how to use the chat, and greetings to the assistant', () => {
  it.each(['hvordan bruger jeg den her assistent', 'how should I use this chatbot'])('"%s" is the help, whatever article shares its words', (text) => {
    expect(route(text, recognition({ kind: 'help' }, 0.7), article('Sådan bruger du portalen: vælg et område og et system.'))).toBe('intent:help');
  });

  it.each(['hej med dig chatbot', 'hey, is anybody there?', 'halløj, er der nogen?'])('"%s" is a greeting, not a subject the knowledge base cannot place', (text) => {
    expect(route(text, recognition({ kind: 'greeting' }, 0.98, {}, 1))).toBe('intent:greeting');
  });

  it('weighs a greeting with a question after it as before', () => {
    expect(route('hej, er der nogen der ved hvordan man nulstiller koden til LDV', recognition({ kind: 'greeting' }, 0.6, { areaId: 'bi', systemId: 'ldv' }), article('Koden nulstilles under Glemt adgangskode.', 'LDV'))).toBe('knowledge');
  });
});

describe('round 27: the list of one\'s cases by its name', () => {
  it('"vis min sagsoversigt" is the user\'s cases, not a topic searched', () => {
    expect(route('vis min sagsoversigt', recognition({ kind: 'myCases' }, 0.7), article('Sagsoversigten viser alle sager.'))).toBe('intent:myCases');
  });
});

describe('round 27: stopping with the case or the form as its object', () => {
  let recognizer: NaturalIntentRecognizer;
  beforeAll(() => {
    recognizer = new NaturalIntentRecognizer();
  });

  it.each(['glem den henvendelse om ISOLA', 'glem formularen om rejseafregning', 'drop den der sag', 'scrap that ticket please', 'fortryder, den skal ikke sendes'])('"%s" is a cancel', (text) => {
    expect(recognizer.recognize(text)).toMatchObject({ intent: { kind: 'cancel' }, command: true });
  });

  it.each(['vi glemmer det, tak', 'drop den, tak', 'vi lader det ligge, tak'])('"%s" — a cancel said with thanks (bot/nlu/data/utterances-stopping.jsonl) — is a cancel, not thanks', (text) => {
    expect(recognizer.recognize(text).intent.kind).toBe('cancel');
  });

  it.each(['lav en sag ud af det her', 'glem ikke sagen om ISOLA', 'jeg fortryder at jeg godkendte fakturaen i går'])('"%s" is no cancel command', (text) => {
    const r = recognizer.recognize(text);
    expect(r.command && r.intent.kind === 'cancel').toBe(false);
  });
});

describe('round 27 (merge): a problem told with no word of stopping is no cancel, however sure the classifier is', () => {
  const cancel = (confidence: number): Recognition => recognition({ kind: 'cancel' }, confidence);
  it.each(['min bærbare vil ikke lade op', 'skærmen bliver ved med at blinke', 'the printer wont print'])('"%s" read as a sure cancel is weighed as a question', (text) => {
    expect(route(text, cancel(0.86))).toBe('knowledge');
  });

  it.each(['lad være, det virker ikke alligevel', 'glem det, programmet virker igen', 'nej, den sag er ikke nødvendig længere'])('"%s" read as a sure cancel stays the cancel', (text) => {
    expect(route(text, cancel(0.95))).toBe('intent:cancel');
  });
});
