import { describe, expect, it } from 'vitest';
import { caseMeant } from '../../dialogs/which-case.js';
import { catalogue, type Case } from '../../portal/index.js';

function aCase(number: string, formId: string, areaId: string, systemId: string | null, subject: string): Case {
  return {
    id: number,
    number,
    areaId,
    systemId,
    formId,
    formVersion: 1,
    values: {},
    subject,
    institutionId: 'eksempelstyrelsen',
    requesterId: 'u1',
    sentFromId: 'u1',
    status: 'modtaget',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
  };
}

// Newest first, as the portal lists them.
const CASES = [
  aCase('SA-2026-000003', 'brugeradministration.ny-adgang', 'brugeradministration', 'navision-stat', 'Brugeradgang til Navision Stat'),
  aCase('SA-2026-000002', 'loen-hr.fejl-i-loenkoersel', 'loen-hr', 'sls', 'Fejl i lønkørsel'),
  aCase('SA-2026-000001', 'oekonomi.rejseafregning', 'oekonomi', 'rejsud', 'Rejseafregning afvist'),
];

describe('which of the user\'s cases a status without a number means', () => {
  it.each([
    ['status på den nyeste', 'SA-2026-000003'],
    ["what's the status of my latest ticket", 'SA-2026-000003'],
    ['hvad sker der med min sag om rejseafregningen', 'SA-2026-000001'],
    ['what is happening with my travel claim case in RejsUd', 'SA-2026-000001'],
    ["what's the status of my navision case", 'SA-2026-000003'],
    ['er der nyt i sagen om lønkørslen', 'SA-2026-000002'],
    // A comment or a file for a case: the words of commenting and attaching name no case.
    ['jeg vil svare på min sag om navision', 'SA-2026-000003'],
    ['add a comment to my latest case', 'SA-2026-000003'],
    ['vedhæft et skærmbillede til sagen om rejseafregningen', 'SA-2026-000001'],
  ])('"%s" → %s', (text, number) => {
    expect(caseMeant(text, CASES, catalogue)?.number).toBe(number);
  });

  it.each(['har I svaret på min sag?', 'status på min sag', 'hvad sker der med min sag om moms'])('"%s" is not clear among three cases', (text) => {
    expect(caseMeant(text, CASES, catalogue)).toBeUndefined();
  });

  it('the only case is the one a user with one case asks about, unless the words name something else', () => {
    const one = CASES.slice(2);
    expect(caseMeant('har I svaret på min sag?', one, catalogue)?.number).toBe('SA-2026-000001');
    expect(caseMeant('hvordan går det med min sag', one, catalogue)?.number).toBe('SA-2026-000001');
    expect(caseMeant('any news on my ticket yet?', one, catalogue)?.number).toBe('SA-2026-000001');
    expect(caseMeant('hvad sker der med min sag om lønkørslen', one, catalogue)).toBeUndefined();
    expect(caseMeant('status på min sag', [], catalogue)).toBeUndefined();
  });
});
