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
    ['attach a file to SA-2026-000123', 'en'],
    ['vedhæft en fil til SA-2026-000123', 'da'],
    ['Kontorforsyningen A/S', undefined],
    ['Fakturaen fra Kontorforsyningen A/S', 'da'],
    // Round 19: commands of stopping and starting over, in words Danish has too ("start", "over").
    ['start over', 'en'],
    ['never mind', 'en'],
    ['I give up', 'en'],
    ['start forfra', 'da'],
    ['over grænsen', 'da'],
    // Round 26: a name's Danish letters are not the user's Danish ("HR-Løn" alone is no catalogue name; "ØDUP", "Statens Indkøb").
    ['difference between HR-Løn and SLS?', 'en'],
    ['what replaced ØDUP', 'en'],
    ['hvad er HR-Løn', 'da'],
    ['Lønseddel', 'da'],
  ] as const)('"%s" is %s', (text, lang) => {
    expect(languageOfUserWords(text)).toBe(lang);
  });

  it.each(['SLS/HR-Løn', 'SA-2026-000123', 'anna@eksempelstyrelsen.dk', 'Økonomi og Regnskab', '42', 'https://statens-adm.dk/support'])(
    '"%s" shows no language',
    (text) => {
      expect(languageOfUserWords(text)).toBeUndefined();
    },
  );

  it.each([
    ['Lønnen mangler for to medarbejdere (1be2be3c-4ad5-4ace-8bad-0123456789ab).', 'da'],
    ['Fakturaen 4be7a0 er ikke betalt', 'da'],
    ['The invoice 3de2de1f-de00-4dea-8ded-0123456789ab is missing', 'en'],
  ] as const)('"%s" is %s: an identifier\'s letters are not words', (text, lang) => {
    expect(languageOfUserWords(text)).toBe(lang);
  });

  it.each(['1be2be3c-4ad5-4ace-8bad-0123456789ab', 'be12an34', 'ORD-2026-be'])('"%s" shows no language', (text) => {
    expect(languageOfUserWords(text)).toBeUndefined();
  });

  it('takes out product names, case numbers and e-mails, nothing else', () => {
    expect(userWords('status på SA-2026-000123 i IndFak/SDI fra anna@eksempelstyrelsen.dk').replace(/\s+/g, ' ').trim()).toBe('status på i fra');
  });
});
