/**
 * Unrelated questions an article answered in round 27 (issue 12: unrelated questions declined ≥ 0.95): what an everyday word
 * means, the asker's own device or furniture, a deadline for applying to something no article holds, a holiday's date, the
 * asker's own firm, insurance and tax refund (knowledge/decline.ts, outside.yaml). Questions written for the test, over the
 * public articles.
 */
import { describe, expect, it } from 'vitest';
import { answeredWith, publicAnswer, reasonOf } from '../support/public-knowledge.js';

describe('what an everyday word means', () => {
  it('is general knowledge when the article is about a kind of it ("e-faktura", "budgetopfølgning", "afleveringsfrister")', async () => {
    for (const question of ['hvad er en faktura overhovedet', 'what is an invoice exactly', 'hvad er et budget overhovedet', 'hvad betyder deadline egentlig']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('definition-not-held');
    }
  });

  it('is answered for the portal\'s own terms and for a word the article is about or defines', async () => {
    expect(answeredWith(await publicAnswer('hvad er en dispositionsdato'))).toBe('sa-system-begrebsoversigt');
    expect(answeredWith(await publicAnswer('hvad er et årsværk'))).toBe('sa-fleksjob-faq');
    expect(answeredWith(await publicAnswer('hvad er en lønseddel'))).toBe('oes-loenseddel-faq');
    // Two things asked: the article's own words for them are its terms.
    expect(answeredWith(await publicAnswer('hvad er forskellen på en advarsel og en stopfejl'))).toBe('sa-fejl-advis-sls');
  });
});

describe('the asker\'s own device or furniture', () => {
  it('is declined as private life: a printer, a router, a desk asked for oneself', async () => {
    for (const question of ['min printer vil ikke printe i farver', 'hvor melder jeg fejl på min router', 'jeg vil gerne have et nyt skrivebord, hvem skal jeg spørge']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('private-life');
    }
  });

  it('is answered when the question names the system ("min egen printer" and SLS), and the phone is the apps\'', async () => {
    expect(answeredWith(await publicAnswer('kan jeg printe fra SLS til min egen printer'))).toBe('modst-sls-adgangskode-2018');
    expect(answeredWith(await publicAnswer('hvilken app skal jeg have på min telefon til rejsud'))).toBe('oes-rejsud-vejledning');
    expect(answeredWith(await publicAnswer('skal vi købe kontorstole ind via statens indkøbsaftaler'))).toBe('oes-statens-indkoeb-forpligtede');
  });
});

describe('a deadline for applying', () => {
  it('to something no article holds is declined ("søge ind på universitetet")', async () => {
    expect(reasonOf(await publicAnswer('hvornår er sidste frist for at søge ind på universitetet'))).toBe('private-life');
    expect(reasonOf(await publicAnswer('hvordan søger man ind på et universitet'))).toBe('private-life');
  });

  it('for what the article holds is answered', async () => {
    expect(answeredWith(await publicAnswer('hvornår er fristen for at søge refusion ved barsel'))).toBe('sa-ansoegningsfrister-refusion');
    expect(answeredWith(await publicAnswer('hvad er fristen for ferieblanketter'))).toBe('sa-loenkalender');
  });
});

describe('the asker\'s own leave', () => {
  it('asked as getting it is declined ("kan jeg få orlov til …")', async () => {
    expect(reasonOf(await publicAnswer('får jeg orlov når jeg skal giftes'))).toBe('private-life');
  });
});

describe('a holiday\'s date', () => {
  it('is general knowledge ("hvornår er der påskeferie", "when is Easter Monday")', async () => {
    expect(reasonOf(await publicAnswer('hvornår er der påskeferie'))).toBe('definition-not-held');
    expect(reasonOf(await publicAnswer('when is easter monday next year'))).toBe('definition-not-held');
  });

  it('is not the time of something else ("hvornår er lønkørslen … før jul")', async () => {
    expect(reasonOf(await publicAnswer('hvornår er lønkørslen i december før jul'))).toBeUndefined();
  });
});

describe('the asker\'s own economy', () => {
  it('is declined as private life: their own firm, their insurance, money back from the tax', async () => {
    for (const question of ['hvordan indberetter jeg timer i mit eget konsulentfirma', 'hvornår får jeg pengene tilbage fra skat']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('private-life');
    }
    // An outside word the article does not speak of: the flex job page no longer answers it.
    expect(answeredWith(await publicAnswer('får jeg penge tilbage fra min indboforsikring efter indbrud'))).toBeUndefined();
  });
});

describe('a figure of the country as a whole', () => {
  it('is general knowledge ("hvor mange regioner er der i Danmark")', async () => {
    for (const question of ['hvor mange regioner er der i Danmark', 'hvor mange offentligt ansatte er der i hele danmark']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('definition-not-held');
    }
  });

  it('is not a figure of the state\'s systems ("hvor mange standardrapporter er der i Statens BI")', async () => {
    expect(answeredWith(await publicAnswer('hvor mange standardrapporter er der i statens BI'))).toBe('oes-ldv-standardrapporter');
  });
});
