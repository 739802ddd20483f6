/**
 * Unrelated questions an article answered in round 29 (issue 12: unrelated questions declined ≥ 0.95), and an in-scope one that
 * was declined: the asker's own NemKonto, saving up, the asker in a flex job, a leisure club, a home owners' association,
 * citizenship, a poem asked for, school geometry, a course the asker takes, zipping files, who holds a government office, how many are employed in the state, an authority whose name
 * meets a synonym of what it is a kind of, one's own leave left — and the reader's own thing an article speaks of
 * (knowledge/decline.ts, outside.yaml). Questions written for the test, over the public articles.
 */
import { describe, expect, it } from 'vitest';
import { answeredWith, publicAnswer, reasonOf } from '../support/public-knowledge.js';

describe('the asker\'s own NemKonto', () => {
  it('is their own bank\'s matter, called theirs or named beside their new bank or account', async () => {
    for (const question of ['hvordan flytter jeg min nemkonto til en anden bank', 'jeg har fået ny bank, skal jeg selv ændre min nemkonto', 'how do I move my NemKonto to another bank']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('private-life');
    }
  });

  it('is the payroll\'s when it is an employee\'s looked up in the system', async () => {
    expect(answeredWith(await publicAnswer('kan vi slå en medarbejders nemkonto op i SLS'))).toBe('modst-sls-faq-generelt');
  });
});

describe('the asker\'s own economy and terms', () => {
  it('saving up for one\'s pension is the asker\'s own', async () => {
    expect(reasonOf(await publicAnswer('hvor meget skal jeg have sparet op til pension når jeg er 50'))).toBe('private-life');
  });

  it('the asker in a flex job themself is theirs, not the institution\'s refund', async () => {
    expect(reasonOf(await publicAnswer('jeg er selv i fleksjob, hvor mange timer om ugen skal jeg arbejde'))).toBe('private-life');
    expect(answeredWith(await publicAnswer('hvor stor er fleksrefusionen for en medarbejder ansat før april 2002'))).toBe('sa-fleksrefusion');
  });

  it('how much of one\'s own leave is left is the workplace\'s', async () => {
    expect(reasonOf(await publicAnswer('where do I see how many holiday days I still have'))).toBe('private-life');
    // …whatever of the article's title the rest meets ("check": the RejsUd security page's "kontrol").
    expect(reasonOf(await publicAnswer('where can I check how many days of vacation I still have'))).toBe('private-life');
  });
});

describe('the asker\'s leisure, home, citizenship and chit-chat', () => {
  it('are private life whatever the articles\' words they share', async () => {
    for (const question of ['kan jeg lave en rapport i power bi over min løbeklubs medlemmer', 'ejerforeningen har sendt mig en regning to gange', 'min mand er fra Polen, hvordan søger han om at blive dansk statsborger', 'please write a poem about payroll day']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('private-life');
    }
  });
});

describe('general knowledge of the state', () => {
  it('who holds a government office and how many the state employs', async () => {
    for (const question of ['hvem er minister for digitalisering for tiden', 'who is the danish minister for public sector innovation', 'hvor mange personer er ansat i staten']) {
      expect(reasonOf(await publicAnswer(question)), question).toBe('definition-not-held');
    }
  });

  it('what an authority does whose name meets only a synonym of what it is a kind of ("Rigsrevisionen": kontrol)', async () => {
    expect(reasonOf(await publicAnswer('hvad laver Rigsrevisionen'))).toBe('private-life');
  });
});

describe('the reader\'s own thing an article speaks of', () => {
  it('is the asker\'s own one ("til ens e-mail", "sine stakke")', async () => {
    expect(answeredWith(await publicAnswer('kan jeg abonnere på nøgletal så de kommer på min mail'))).toBe('oes-isola-personalestatistik');
    expect(answeredWith(await publicAnswer('hvordan markerer jeg at en post er håndteret så den går ud af mine stakke'))).toBe('sa-navision-tips');
  });
});

describe('a course the asker takes themself', () => {
  it('is their manager\'s and HR\'s, unless the question names Campus', async () => {
    expect(reasonOf(await publicAnswer('må jeg tage et kursus i arbejdstiden'))).toBe('private-life');
    expect(answeredWith(await publicAnswer('kan jeg tage et e-læringskursus i campus'))).toBe('oes-campus-tilslutning');
  });
});

describe('zipping files', () => {
  it('is a task of the desk\'s computer, not of the LDV reports that come as a zip file', async () => {
    expect(reasonOf(await publicAnswer('hvordan zipper jeg nogle filer før jeg sender dem'))).toBe('private-life');
  });
});

describe('school geometry', () => {
  it('is not LDV\'s data cubes', async () => {
    expect(reasonOf(await publicAnswer('hvordan udregner jeg rumfanget af en kube'))).toBe('private-life');
  });
});
