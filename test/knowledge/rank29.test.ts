/**
 * Round 29 (rank): the page that holds the answer over its neighbours, over the public articles (docs/understanding.md, round 29):
 * a fact measured in the sentence that says it, a period said in words, the system named; a system's name typed wrong; a time
 * changed asked with "hvornår"; the articles' words for "disposition date" and for the word asked about.
 */
import { describe, expect, it } from 'vitest';
import { kindMatch } from '../../knowledge/fact-kinds.js';
import { answeredWith, publicAnswer } from '../support/public-knowledge.js';

describe('FACT_LEADER: the fact where it is said (round 29)', () => {
  it('counts a period said in words as a quantity ("senest fire dage efter en lønkørsel")', () => {
    expect(kindMatch('LDV opdateres senest fire dage efter en lønkørsel.', ['quantity'])).toBeGreaterThan(0);
    expect(kindMatch('Data comes in three weeks after the run.', ['quantity'])).toBeGreaterThan(0);
    expect(kindMatch('Lønnen kommer fra SLS.', ['quantity'])).toBe(0);
  });

  it('answers how long after a payroll run the salary is in LDV from the LDV page, not from SLS\'s firewall time', async () => {
    expect(answeredWith(await publicAnswer('hvor lang tid efter en lønkørsel er lønnen i ldv'))).toBe('oes-ldv-om');
    expect(answeredWith(await publicAnswer('hvor lang tid efter lønkørslen er lønnen med i LDV'))).toBe('oes-ldv-om');
  });

  it('measures the fact in its sentence and the one before it, not in the whole passage', async () => {
    expect(answeredWith(await publicAnswer('one of our staff has been on sick leave for 2 weeks, how long do we have to claim the refund'))).toBe('sa-ansoegningsfrister-refusion');
    expect(answeredWith(await publicAnswer('Kan man i lønsystemet se, hvilket kontonummer en ansats løn bliver sat ind på?'))).toBe('modst-sls-faq-generelt');
    expect(answeredWith(await publicAnswer('Hvor meget godtgøres pr. time, når en kontorchef er på betalt fødselsorlov?'))).toBe('sa-barselsfond-satser');
  });
});

describe('ACQUIRED: the system typed wrong (round 29)', () => {
  it('reads "hvordan får vi rejseud" as getting RejsUd', async () => {
    expect(answeredWith(await publicAnswer('hvordan får vi rejseud som ny institution'))).toBe('sa-rejsud');
  });
});

describe('A time changed, asked with "hvornår" (round 29)', () => {
  it('answers "hvordan ændrer jeg hvornår …" from the page that says to choose another time', async () => {
    expect(answeredWith(await publicAnswer('hvordan ændrer jeg hvornår jeg får varsling i rejsud'))).toBe('sa-rejsud-tips');
    expect(answeredWith(await publicAnswer('kan jeg ændre hvornår på dagen rejsud sender mig påmindelser'))).toBe('sa-rejsud-tips');
  });
});

describe('The words of a definition asked (round 29)', () => {
  it('reads "disposition date" as the articles\' "dispositionsdato" and answers from the concept list', async () => {
    expect(answeredWith(await publicAnswer('what is meant by the disposition date'))).toBe('sa-system-begrebsoversigt');
  });

  it('weighs "ordet", "begrebet" lightly: they name the word asked about, not a topic', async () => {
    expect(answeredWith(await publicAnswer('jeg er ny lønkunde og forstår ikke alle jeres ord, hvad er fx epicenteret?'))).toBe('sa-system-begrebsoversigt');
  });
});
