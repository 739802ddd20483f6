import { describe, expect, it } from 'vitest';
import { languageOfUserWords, userWords } from '../../bot/language.js';

describe('the language of the user\'s own words', () => {
  it.each([
    ['Hvad er RejsUd?', 'da'],
    ['What is RejsUd?', 'en'],
    ['first level support hvad dækker det', 'da'],
    ['Kan jeg bruge Chrome til Navision Stat?', 'da'],
    ['My payslip is wrong', 'en'],
    ['lønseddel forkert', 'da'],
    ['How do I get access to SLS/HR-Løn?', 'en'],
    ['I have a problem with Statens Løn og HR', 'en'],
  ] as const)('"%s" is %s', (text, lang) => {
    expect(languageOfUserWords(text)).toBe(lang);
  });

  it.each(['SLS/HR-Løn', 'SA-2026-000123', 'anna@eksempelstyrelsen.dk', 'Økonomi og Regnskab', '42', 'https://statens-adm.dk/support'])(
    '"%s" shows no language',
    (text) => {
      expect(languageOfUserWords(text)).toBeUndefined();
    },
  );

  it('takes out product names, case numbers and e-mails, nothing else', () => {
    expect(userWords('status på SA-2026-000123 i IndFak/SDI fra anna@eksempelstyrelsen.dk').replace(/\s+/g, ' ').trim()).toBe('status på i fra');
  });
});
