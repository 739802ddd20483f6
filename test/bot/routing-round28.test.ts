/**
 * Round 28 (cases): problems told in a system only implied by its thing, failures told as never or twice, a passage whose
 * word on the problem is to make a case or report it, a passage sharing a few words that tells of no failure, access asked
 * for in a question's form. Each case said to be recognised fails on the code before the round; the guards beside them
 * ("stays", "does not") pass on both.
 */
import { describe, expect, it } from 'vitest';
import { asksForAccess, reportsAProblem } from '../../bot/routing.js';
import type { Recognition } from '../../dialogs/ports.js';
import type { AnswerResult } from '../../knowledge/index.js';
import { recognition, routeOf, systemArticle, UNKNOWN } from '../support/routing.js';

const article = systemArticle;

function route(text: string, recognized: Recognition, knowledge: AnswerResult = UNKNOWN, lang: 'da' | 'en' = 'da'): string {
  return routeOf(text, recognized, knowledge, { lang });
}

describe('round 28: a failure told as never, twice or too little is a problem', () => {
  it.each([
    'barselsrefusionen for maj er aldrig kommet ind på kontoen',
    'two factor code for IndFak never arrives',
    'my mileage allowance was never paid',
    'pensionsbidraget er trukket to gange på min lønseddel',
    'vi har betalt den samme faktura to gange',
    'posteringerne er bogført dobbelt',
    'fik for lidt i løn i november',
    'I got paid too little this month',
  ])('"%s" reports a problem', (text) => {
    expect(reportsAProblem(text)).toBe(true);
  });

  it.each(['hvad er forskellen på de to gange om måneden hvor lønnen bliver lavet', 'orloven går over to kvartaler, skal vi søge to gange', 'hvor meget koster licensen'])('"%s" does not', (text) => {
    expect(reportsAProblem(text)).toBe(false);
  });
});

describe('round 28: a problem told in a system its thing implies', () => {
  const payslips = { areaId: 'loen-hr', systemImplied: 'sls' };
  const sections = article('Lønsedlens afsnit. Lønsedlen har ni afsnit: lønoplysninger, skatteoplysninger og ferie for december.', 'SLS (lønseddel)');

  it('is that system\'s case when the page found shares a few words and tells of no failure', () => {
    expect(route('vi har ikke modtaget lønsedlerne for december', recognition({ kind: 'question' }, 0.6, payslips), sections)).toBe('intent:createCase');
  });

  it('is that system\'s case when the page found speaks of another thing of it', () => {
    const budget = { areaId: 'oekonomi', systemImplied: 'statens-budgetsystem', areaByTopic: true as const };
    expect(route('budgetrevisionen kan ikke sendes ind', recognition({ kind: 'createCase' }, 0.98, budget), { kind: 'unknown', reason: 'low-confidence' })).toBe('intent:createCase');
  });

  it('stays a question when it is asked', () => {
    expect(route('hvorfor har vi ikke modtaget lønsedlerne for december?', recognition({ kind: 'question' }, 0.9, payslips), sections)).toBe('knowledge');
  });

  it('stays a topic when it names one ("fejlindmeldelse løn emnefelt")', () => {
    const reporting = article('Sådan melder du fejlen: send en mail med "Fejlindmeldelse Løn" i emnefeltet.', 'Løn og Refusion');
    expect(route('fejlindmeldelse løn emnefelt', recognition({ kind: 'question' }, 0.9, payslips), reporting)).toBe('knowledge');
  });
});

describe('round 28: a passage whose word on the problem is to make a case or report it', () => {
  const indfak = { areaId: 'oekonomi', systemId: 'indfak', formId: 'oekonomi.faktura' };

  it('gives the case, not the page with a case offered', () => {
    const page = article('Spørgsmål om en faktura. Opret en sag med formularen Faktura i IndFak under Økonomi og Regnskab – fx hvis fakturaen ikke er kommet eller er afvist med en fejlkode.', 'IndFak', 1);
    expect(route('e-fakturaen fra vores leverandør er blevet afvist med en fejlkode', recognition({ kind: 'createCase' }, 0.95, indfak), page)).toBe('intent:createCase');
  });

  it('leaves a page that tells how to mend it the answer', () => {
    const page = article('Hvis en ny bruger ikke kommer over i fakturadelen, skal brugeren først logge på IndFak én gang; derefter kan brugeren tildeles roller i fakturadelen.', 'IndFak', 1);
    expect(route('en ny bruger kommer ikke over i fakturadelen i indfak', recognition({ kind: 'createCase' }, 0.9, { areaId: 'oekonomi', systemId: 'indfak' }), page)).toBe('knowledge');
  });
});

describe('round 28: access asked for someone in a question\'s form', () => {
  it.each([
    'kan jeg få adgang til ØS Indsigt?',
    'må jeg bede om adgang til statens hr',
    'kan vi få oprettet en ny godkender i indfak',
    'kan min kollega få de samme rettigheder som mig i rejsud',
    'har I mulighed for at give mig rettigheder til at bogføre i Navision?',
    'can I get access to the LDV cubes please',
  ])('"%s" asks for access', (text) => {
    expect(asksForAccess(text)).toBe(true);
  });

  it.each(['kan man få adgang til kuberne uden Excel', 'hvem kan få adgang til LDV', 'hvordan får jeg adgang til ISOLA', 'kan jeg få adgang til LDV som selvejende institution?'])('"%s" does not', (text) => {
    expect(asksForAccess(text)).toBe(false);
  });

  it('is the request for access, however the classifier reads it', () => {
    const slots = { areaId: 'brugeradministration', systemId: 'oes-indsigt', formId: 'brugeradministration.ny-adgang' };
    const overview = article('ØS Indsigt giver ledelsesinformation om økonomi.', 'ØS Indsigt', 1);
    expect(route('kan jeg få adgang til ØS Indsigt?', recognition({ kind: 'question' }, 0.57, slots), overview)).toBe('intent:createCase');
    expect(route('hvordan får jeg adgang til ØS Indsigt?', recognition({ kind: 'question' }, 0.9, slots), overview)).toBe('knowledge');
  });
});
