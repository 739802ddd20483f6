/**
 * Round 29 (cases): problems told without a request verb about a thing whose system the text does not name — something not
 * done ("er ikke udbetalt", "has still not been reimbursed"), going missing or away ("mangler", "forsvinder"), slowness, and a
 * problem told with the thing as the subject of a verb of failing ("e-læringsmodulet hænger"). Each case said to be recognised
 * fails on the code before the round; the guards ("stays", "does not") pass on both.
 */
import { describe, expect, it } from 'vitest';
import { decide, reportsAProblem } from '../../bot/routing.js';
import type { Recognition } from '../../dialogs/ports.js';
import type { AnswerResult } from '../../knowledge/index.js';
import { recognition, routeOf, systemArticle, UNKNOWN } from '../support/routing.js';

const article = systemArticle;

function route(text: string, recognized: Recognition, knowledge: AnswerResult = UNKNOWN, lang: 'da' | 'en' = 'da'): string {
  return routeOf(text, recognized, knowledge, { lang });
}

describe('round 29: something not done, going missing or away, or slow, is a problem', () => {
  it.each([
    'min kilometerpenge for september er ikke udbetalt',
    'overtiden for august er ikke blevet udbetalt til vores chauffører',
    'udlægget er stadig ikke godkendt',
    'budgettallene er ikke overført til næste år',
    'the taxi expense I submitted in may has still not been reimbursed',
    'sygedagpengerefusionen er desværre ikke modtaget',
    'mine udlæg forsvinder når jeg gemmer',
    'the receipts disappear when I save',
    'kursusbeviserne fra sidste uges kursus mangler for alle deltagere',
    'LDV er ekstremt langsomt i dag',
    'ISOLA is really slow this morning',
  ])('"%s" reports a problem', (text) => {
    expect(reportsAProblem(text)).toBe(true);
  });

  it.each([
    'det er ikke muligt at søge refusion for mere end et år',
    'udgifter til parkering er ikke omfattet',
    'jeg mangler adgang til rejsud',
    'hvad mangler der i min rejseafregning',
    'er systemet langsomt i perioder',
  ])('"%s" does not', (text) => {
    expect(reportsAProblem(text)).toBe(false);
  });
});

describe('round 29: a problem told with the thing as the subject of a verb of failing', () => {
  const campus = { areaId: 'oevrige', systemImplied: 'campus', areaByTopic: true as const };

  it.each([
    'e-læringsmodulet om informationssikkerhed hænger på side 4',
    'the e-learning module freezes every time',
    'kursusbeviserne fra sidste uges kursus mangler for alle deltagere',
  ])('"%s" is the implied system\'s case', (text) => {
    expect(route(text, recognition({ kind: 'question' }, 0.6, campus), UNKNOWN, /^the /.test(text) ? 'en' : 'da')).toBe('intent:createCase');
  });

  it('is the implied system\'s case when something was not done', () => {
    const rejsud = { areaId: 'oekonomi', systemImplied: 'rejsud', areaByTopic: true as const };
    expect(route('min kilometerpenge for september er ikke udbetalt', recognition({ kind: 'createCase' }, 0.61, rejsud), { kind: 'unknown', reason: 'private-life' })).toBe('intent:createCase');
  });

  it('stays a topic when it names one ("kursusbevis e-læring frist")', () => {
    expect(route('kursusbevis e-læring frist', recognition({ kind: 'question' }, 0.6, campus), UNKNOWN)).toBe('knowledge');
  });

  it('stays a question when it is asked', () => {
    expect(route('hvorfor hænger e-læringsmodulet?', recognition({ kind: 'question' }, 0.9, campus), UNKNOWN)).toBe('knowledge');
    expect(route('hvad gør jeg hvis kursusbeviset mangler', recognition({ kind: 'question' }, 0.9, campus), UNKNOWN)).toBe('knowledge');
  });

  it('leaves a page that speaks of the problem the answer, with the case offered', () => {
    const refusion = { areaId: 'loen-hr', systemImplied: 'statens-refusion', areaByTopic: true as const };
    const page = article('Refusionen er ikke udbetalt? Refusion udbetales først, når kommunen har behandlet ansøgningen om refusion for fleksjob.', 'Statens Refusion', 1);
    const decision = decide({ text: 'fleksjobrefusionen er ikke udbetalt', lang: 'da', recognition: recognition({ kind: 'createCase' }, 0.96, refusion), expectation: { kind: 'none' }, knowledge: () => page });
    expect(decision.route).toMatchObject({ kind: 'knowledge', caseOffered: true });
  });
});

describe('round 29: leave asked to make a case, by the asker', () => {
  const howTo = article('Sådan opretter du en sag: log på Serviceportalen, vælg område og system, og udfyld formularen.', 'Serviceportalen', 1);

  it.each([
    ['kan vi starte en ny sag', 'da'],
    ['kan jeg lige få oprettet en sag om udlægget', 'da'],
    ['can I open a ticket about my payslip', 'en'],
  ] as const)('"%s" is the request', (text, lang) => {
    expect(route(text, recognition({ kind: 'createCase' }, 1), howTo, lang)).toBe('intent:createCase');
  });

  it.each([
    ['kan man oprette en sag om løn?', 'da'],
    ['hvordan kan jeg oprette en sag', 'da'],
    ['kan jeg oprette en sag uden at være registreret', 'da'],
    ['can we open a ticket if we are not registered?', 'en'],
    ['må vi sende en henvendelse på vegne af vores søsterstyrelse', 'da'],
    ['could we raise a ticket on behalf of another agency', 'en'],
  ] as const)('"%s" stays a question', (text, lang) => {
    expect(route(text, recognition({ kind: 'createCase' }, 1), howTo, lang)).toBe('knowledge');
  });
});

describe('round 29: not knowing why, told after the problem', () => {
  const rejsud = { areaId: 'oekonomi', systemImplied: 'rejsud', areaByTopic: true as const };

  it.each([
    ['my expense report was rejected and I dont know why', 'en'],
    ['udlægget er blevet afvist og jeg ved ikke hvorfor', 'da'],
  ] as const)('"%s" is the implied system\'s case', (text, lang) => {
    expect(route(text, recognition({ kind: 'question' }, 0.9, rejsud), UNKNOWN, lang)).toBe('intent:createCase');
  });

  it('leaves a question inside the problem a question ("jeg kan ikke se hvad tallene … står for")', () => {
    expect(route('jeg kan ikke se hvad tallene på lønsedlen står for', recognition({ kind: 'question' }, 0.9, { areaId: 'loen-hr', systemImplied: 'sls' }), UNKNOWN)).toBe('knowledge');
  });
});

describe('round 29: the guards found by routing every kb-public question', () => {
  const payslips = { areaId: 'loen-hr', systemImplied: 'sls' };
  const schedule = article('Kørselsplan: lønsedlen ligger i e-Boks på udbetalingsdagen; ved lønkørsel i december kommer den tidligere.', 'SLS', 1);

  it('leaves "not yet" waiting: the page on when it comes answers', () => {
    expect(reportsAProblem('min lønsedel er ikke kommet i e-boks endnu')).toBe(false);
    expect(route('min lønsedel er ikke kommet i e-boks endnu', recognition({ kind: 'createCase' }, 0.53, payslips), schedule)).toBe('knowledge');
  });

  it('leaves two words typed as keywords searched ("lønseddel mangler")', () => {
    expect(route('lønseddel mangler', recognition({ kind: 'question' }, 0.95, payslips), schedule)).toBe('knowledge');
  });

  it('leaves a question word before the leave asked a question ("which areas can I open a ticket in")', () => {
    expect(route('which areas can I open a ticket in on the serviceportal', recognition({ kind: 'createCase' }, 1), schedule, 'en')).toBe('knowledge');
  });
});
