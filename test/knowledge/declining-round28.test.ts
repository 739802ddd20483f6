/**
 * Unrelated questions an article answered in round 28 (issue 12: unrelated questions declined ≥ 0.95): a task in an office
 * program, a password named by its program, an everyday word met in a numbered step or in what one thing contains, a time the
 * article does not hold, a figure of the state's finances or of an authority's staff, a law or an authority no article names,
 * getting more pay, the canteen's lunch scheme, one's own savings or one-person business (knowledge/decline.ts,
 * knowledge/answerer.ts, outside.yaml). Questions written for the test, over the public articles.
 */
import { describe, expect, it } from 'vitest';
import { answeredWith, publicAnswer, reasonOf } from '../support/public-knowledge.js';

describe('a task in an office program', () => {
  it('is the local IT\'s when the question names nothing the articles are about', async () => {
    for (const question of ['hvordan får jeg excel til at lave en sum af en kolonne', 'where do I find pivot tables in Excel', 'hvordan laver jeg en pivottabel i excel ud fra mine egne tal', 'hvordan tager jeg et skærmbillede i windows']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('private-life');
    }
  });

  it('is answered when the question names a system, the pay or the staff, or the mail the article sends', async () => {
    expect(answeredWith(await publicAnswer('hvordan åbner jeg LDV kuberne i excel'))).toBe('oes-ldv-kuber');
    expect(answeredWith(await publicAnswer('kan jeg bygge pivottabeller på lønforbruget i excel'))).toBe('oes-ldv-kuber');
    expect(answeredWith(await publicAnswer('kan jeg få HRmeter-rapporten på mail hvert kvartal'))).toBe('oes-isola-personalestatistik');
    expect(answeredWith(await publicAnswer('kan jeg indberette timer for mange medarbejdere på én gang fra et excelark'))).toBe('sa-masseindberetning-hrloen');
  });
});

describe('a password named by its program', () => {
  it('is not the payroll system\'s ("min Windows adgangskode", English "Windows" no "vinduer")', async () => {
    expect(reasonOf(await publicAnswer('jeg har glemt min windows adgangskode igen'))).toBe('access-not-held');
    expect(reasonOf(await publicAnswer('how can I change my Windows password'))).toBe('access-not-held');
  });
});

describe('an everyday word\'s meaning', () => {
  it('is not given by a numbered step\'s brackets nor by what one thing contains', async () => {
    for (const question of ['hvad er et regneark egentlig', 'hvad er en skabelon egentlig', 'what is a spreadsheet exactly']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('definition-not-held');
    }
  });

  it('is answered when the question names the system', async () => {
    expect(answeredWith(await publicAnswer('hvad er en skabelon til masseindberetning i hr-løn'))).toBe('sa-masseindberetning-hrloen');
  });
});

describe('a time asked', () => {
  it('of an article that holds no time is declined', async () => {
    expect(reasonOf(await publicAnswer('hvornår starter de nye overenskomstforhandlinger i staten'))).toBe('year-not-held');
  });

  it('is answered by the article that holds the date or the case it happens in', async () => {
    expect(answeredWith(await publicAnswer('hvornår startede VIA University College på Campus'))).toBe('oes-campus-via');
    expect(answeredWith(await publicAnswer('hvornår starter lønkørslen på dagen'))).toBe('oes-sls-tips');
  });
});

describe('a figure of the state\'s finances or of an authority\'s staff', () => {
  it('is general knowledge', async () => {
    for (const question of ['hvor mange milliarder bruger staten på uddannelse', 'hvor stor er statens samlede gæld', 'how big is the state budget of denmark', 'hvor mange ansatte er der i Finansministeriet']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('definition-not-held');
    }
  });

  it('is answered when it is what the state refunds', async () => {
    expect(answeredWith(await publicAnswer('hvor meget dækker staten af lønnen for en fleksjobber ansat i 2008'))).toBe('sa-fleksrefusion');
  });
});

describe('a law or an authority no article names', () => {
  it('is that law\'s or authority\'s', async () => {
    expect(reasonOf(await publicAnswer('hvad siger bogføringsloven om hvor længe regnskabet skal gemmes'))).toBe('private-life');
    expect(reasonOf(await publicAnswer('hvad laver Erhvervsstyrelsen med regnskaber'))).toBe('private-life');
  });

  it('is answered when an article names it', async () => {
    expect(answeredWith(await publicAnswer('hvad siger regnskabsbekendtgørelsen om økonomisystemet'))).toBe('oes-oeav-systemanvendelse');
  });
});

describe('the asker\'s own pay, savings and business', () => {
  it('is private life', async () => {
    for (const question of ['kan jeg få mere i løn når jeg bliver afdelingsleder', 'hvor meget skal jeg have i opsparing til pension', 'hvad sker der med løn når man har en enkeltmandsvirksomhed ved siden af', 'trækkes frokostordningen over lønnen', 'tell me something funny about the payroll system']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('private-life');
    }
  });
});
