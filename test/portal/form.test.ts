import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogue } from '../../portal/catalogue.js';
import {
  fieldProblems,
  fieldSchema,
  fieldSchemaDefinition,
  formatFieldValue,
  formSchema,
  parseDate,
  parseField,
  parseForm,
  parseNumber,
  type Field,
  type FieldInput,
} from '../../portal/form.js';

const field = (input: FieldInput): Field => fieldSchemaDefinition.parse(input);
const label = { da: 'Felt', en: 'Field' };

function accepts(f: Field, raw: unknown): unknown {
  const r = parseField(f, raw);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted: ${r.error.code}`);
  return r.value;
}

function refuses(f: Field, raw: unknown): string {
  const r = parseField(f, raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${JSON.stringify(r.value)}`);
  expect(r.error.message.da.length).toBeGreaterThan(0);
  expect(r.error.message.en.length).toBeGreaterThan(0);
  expect(r.error.fieldId).toBe(f.id);
  return r.error.code;
}

describe('fieldSchema', () => {
  describe('when a field is required', () => {
    const f = field({ id: 'navn', type: 'text', label });
    it.each([undefined, null, '', '   ', []])('refuses the blank answer %j with FORM.REQUIRED', (raw) => {
      expect(refuses(f, raw)).toBe('FORM.REQUIRED');
    });
  });

  describe('when a field is optional', () => {
    const f = field({ id: 'navn', type: 'text', label, required: false });
    it('answers undefined for a blank answer', () => {
      expect(accepts(f, '  ')).toBeUndefined();
      expect(accepts(f, undefined)).toBeUndefined();
    });
    it('still validates a given answer', () => {
      const phone = field({ id: 'tlf', type: 'phone', label, required: false });
      expect(refuses(phone, 'abc')).toBe('FORM.INVALID_PHONE');
    });
  });

  describe('when the type is text', () => {
    const f = field({ id: 'emne', type: 'text', label, minLength: 3, maxLength: 10 });
    it('trims and collapses white space', () => {
      expect(accepts(f, '  Løn   fejl \n ')).toBe('Løn fejl');
    });
    it('accepts a number from an API body as text', () => {
      expect(accepts(f, 12345)).toBe('12345');
    });
    it('refuses too short and too long answers', () => {
      expect(refuses(f, 'ab')).toBe('FORM.TOO_SHORT');
      expect(refuses(f, 'abcdefghijk')).toBe('FORM.TOO_LONG');
    });
    it('counts characters, not UTF-16 units', () => {
      expect(accepts(f, 'æøå😀😀😀😀😀😀😀')).toBe('æøå😀😀😀😀😀😀😀');
    });
    it('refuses a boolean', () => {
      expect(refuses(f, true)).toBe('FORM.INVALID_TYPE');
    });
    it('applies a pattern and says what it wants', () => {
      const cvr = field({ id: 'cvr', type: 'text', label, pattern: { regex: '^\\d{8}$', description: { da: '8 cifre', en: '8 digits' } } });
      expect(accepts(cvr, '12345678')).toBe('12345678');
      const r = parseField(cvr, '1234');
      expect(r.ok ? '' : r.error.message.da).toContain('8 cifre');
      expect(r.ok ? '' : r.error.code).toBe('FORM.PATTERN');
    });
  });

  describe('when a text field has a format', () => {
    const pattern = (regex: string) => ({ regex, description: { da: 'x', en: 'x' } });
    const period = field({ id: 'periode', type: 'text', label, format: 'monthYear', pattern: pattern('^(0[1-9]|1[0-2])-\\d{4}$') });
    const cvr = field({ id: 'cvr', type: 'text', label, format: 'cvr', pattern: pattern('^\\d{8}$') });
    it.each(['marts 2026', 'mar 2026', 'Mar. 2026', '03/2026', '3/2026', '3-2026', 'March 2026', '2026-03', ' 03-2026 '])('stores the period %j as 03-2026', (raw) => {
      expect(accepts(period, raw)).toBe('03-2026');
    });
    it.each(['cvr er 12 34 56 78', 'CVR-nr. 12345678', 'cvr-nr: 12 34 56 78', 'CVR nummer 12345678', 'DK12345678', '12 34 56 78', '12345678'])('stores the CVR number %j as its 8 digits', (raw) => {
      expect(accepts(cvr, raw)).toBe('12345678');
    });
    it('checks what cannot be rewritten as it was typed, with the reason', () => {
      expect(refuses(period, 'marts')).toBe('FORM.PATTERN');
      expect(refuses(period, '13/2026')).toBe('FORM.PATTERN');
      expect(refuses(period, 'sidste kvartal')).toBe('FORM.PATTERN');
      expect(refuses(cvr, 'cvr er 1234567')).toBe('FORM.PATTERN');
      expect(refuses(cvr, '12 34 56 78 90')).toBe('FORM.PATTERN');
      expect(refuses(cvr, 'kontorland')).toBe('FORM.PATTERN');
    });
    it('takes only the known formats', () => {
      expect(fieldSchemaDefinition.safeParse({ id: 'x', type: 'text', label, format: 'iban' }).success).toBe(false);
      expect(fieldSchemaDefinition.safeParse({ id: 'x', type: 'longText', label, format: 'cvr' }).success).toBe(false);
    });
  });

  describe('when the type is longText', () => {
    const f = field({ id: 'beskrivelse', type: 'longText', label, minLength: 5, maxLength: 50 });
    it('keeps line breaks and normalises CRLF', () => {
      expect(accepts(f, 'Linje 1\r\nLinje 2  \n')).toBe('Linje 1\nLinje 2');
    });
    it('refuses too long text', () => {
      expect(refuses(f, 'x'.repeat(51))).toBe('FORM.TOO_LONG');
    });
  });

  describe('when the type is yesNo', () => {
    const f = field({ id: 'haster', type: 'yesNo', label });
    it.each([
      ['ja', true],
      ['Ja', true],
      ['JA!', true],
      ['j', true],
      ['yes', true],
      ['true', true],
      [true, true],
      ['jeps', true],
      ['Jep!', true],
      ['yep', true],
      ['yeah', true],
      ['ja tak', true],
      ['nej', false],
      ['Nej.', false],
      ['nej tak', false],
      ['Nej tak.', false],
      ['nope', false],
      ['no', false],
      ['false', false],
      [false, false],
      [0, false],
    ])('reads %j as %j', (raw, expected) => {
      expect(accepts(f, raw)).toBe(expected);
    });
    it('refuses anything else', () => {
      expect(refuses(f, 'måske')).toBe('FORM.INVALID_YES_NO');
      expect(refuses(f, 'jepsen')).toBe('FORM.INVALID_YES_NO');
      expect(refuses(f, 'nej tak, ja')).toBe('FORM.INVALID_YES_NO');
      expect(refuses(f, 7)).toBe('FORM.INVALID_YES_NO');
    });
  });

  describe('when the type is date', () => {
    const f = field({ id: 'dato', type: 'date', label });
    it.each([
      ['01-03-2026', '2026-03-01'],
      ['1-3-2026', '2026-03-01'],
      ['01.03.2026', '2026-03-01'],
      ['01/03/2026', '2026-03-01'],
      ['2026-03-01', '2026-03-01'],
      ['2026-03-01T00:00:00Z', '2026-03-01'],
      ['29-02-2028', '2028-02-29'],
    ])('reads %s as %s', (raw, expected) => {
      expect(accepts(f, raw)).toBe(expected);
    });
    it('accepts a Date from an API body', () => {
      expect(accepts(f, new Date(Date.UTC(2026, 0, 31)))).toBe('2026-01-31');
    });
    it.each(['31-02-2026', '29-02-2026', '00-01-2026', '01-13-2026', '2026/03/01', '1.3.26', '31. april', 'marts 2026', '12', 'snart', 'på et tidspunkt', 'mandag eller tirsdag', 'om mange uger'])('refuses %s', (raw) => {
      expect(refuses(f, raw)).toBe('FORM.INVALID_DATE');
    });
    it('refuses a date outside the range', () => {
      const ranged = field({ id: 'dato', type: 'date', label, minDate: '2026-01-01', maxDate: '2026-12-31' });
      expect(refuses(ranged, '31-12-2025')).toBe('FORM.DATE_OUT_OF_RANGE');
      expect(refuses(ranged, '01-01-2027')).toBe('FORM.DATE_OUT_OF_RANGE');
      expect(accepts(ranged, '01-01-2026')).toBe('2026-01-01');
    });
  });

  describe('when a date is written in words', () => {
    // Wednesday 4 March 2026, noon in Copenhagen.
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-03-04T11:00:00Z'));
    });
    afterEach(() => {
      vi.useRealTimers();
    });
    const plain = field({ id: 'dato', type: 'date', label });
    const past = field({ id: 'fakturadato', type: 'date', label, tense: 'past' });
    const future = field({ id: 'startdato', type: 'date', label, tense: 'future' });
    it.each([
      ['1. marts 2026', '2026-03-01'],
      ['27. feb 2026', '2026-02-27'],
      ['1 March 2026', '2026-03-01'],
      ['i morgen', '2026-03-05'],
      ['i overmorgen', '2026-03-06'],
      ['tomorrow', '2026-03-05'],
      ['om en uge', '2026-03-11'],
      ['næste måned', '2026-04-01'],
      ['next monday', '2026-03-09'],
    ])('reads %j as %s', (raw, expected) => {
      expect(accepts(plain, raw)).toBe(expected);
    });
    it('reads a date without a year, or a weekday, the way the field looks', () => {
      expect(accepts(past, '27/12')).toBe('2025-12-27');
      expect(accepts(plain, '27/12')).toBe('2026-12-27');
      expect(accepts(future, '1. marts')).toBe('2027-03-01');
      expect(accepts(plain, '1. marts')).toBe('2026-03-01');
      expect(accepts(future, 'på mandag')).toBe('2026-03-09');
      expect(accepts(past, 'mandag')).toBe('2026-03-02');
      expect(accepts(plain, 'den 27 feb')).toBe('2026-02-27');
    });
    it('still applies the field\'s range to a date in words', () => {
      expect(refuses(field({ id: 'dato', type: 'date', label, maxDate: '2026-03-04' }), 'i morgen')).toBe('FORM.DATE_OUT_OF_RANGE');
    });
    it('says that words work when it refuses a date', () => {
      const r = parseField(plain, 'snart');
      expect(r.ok ? '' : r.error.message.da).toContain('med ord');
      expect(r.ok ? '' : r.error.message.en).toContain('in words');
    });
    it('takes "past" and "future" as the only directions, on date fields only', () => {
      expect(fieldSchemaDefinition.safeParse({ id: 'x', type: 'date', label, tense: 'soon' }).success).toBe(false);
      expect(fieldSchemaDefinition.safeParse({ id: 'x', type: 'text', label, tense: 'past' }).success).toBe(false);
    });
  });

  describe('when a whole number is written as people say it', () => {
    const f = field({ id: 'antalBeroerte', type: 'number', label: { da: 'Antal berørte medarbejdere', en: 'Number of employees affected' }, integer: true, min: 1, max: 100_000 });
    it.each([
      ['ca 12', 12],
      ['ca. 12', 12],
      ['cirka 12', 12],
      ['omkring 12', 12],
      ['about 12', 12],
      ['~12', 12],
      ['12 stk', 12],
      ['12 stk.', 12],
      ['12 medarbejdere', 12],
      ['12 berørte', 12],
      ['ca. 12 medarbejdere', 12],
      ['12 employees', 12],
      ['tolv', 12],
      ['twelve', 12],
      ['Tre', 3],
      ['omkring tyve', 20],
      ['en medarbejder', 1],
      ['1.250', 1250],
    ])('reads %j as %d', (raw, n) => {
      expect(accepts(f, raw)).toBe(n);
    });
    it.each(['mange', 'ca mange', '12 æbler', 'tolv eller tretten', 'ca.', 'stk', 'et par stykker', 'enogtyve', 'a'])('refuses %j with an example that is a whole number', (raw) => {
      expect(refuses(f, raw)).toBe('FORM.INVALID_NUMBER');
      const r = parseField(f, raw);
      expect(r.ok ? '' : r.error.message.da).toBe('Skriv et helt tal, fx 12.');
      expect(r.ok ? '' : r.error.message.da).not.toContain('1.250,50');
    });
    it('still checks the range and wholeness of a number in words', () => {
      expect(refuses(f, 'nul')).toBe('FORM.OUT_OF_RANGE');
      expect(refuses(f, 'ca. 2,5')).toBe('FORM.NOT_INTEGER');
    });
  });

  describe('when the type is number', () => {
    const f = field({ id: 'beloeb', type: 'number', label });
    it.each([
      ['1234', 1234],
      ['1234,50', 1234.5],
      ['1.234,50', 1234.5],
      ['1.234', 1234],
      ['1 234,50', 1234.5],
      ['12.5', 12.5],
      ['1,234.5', 1234.5],
      ['-3,5', -3.5],
      ['1.250 kr.', 1250],
      ['kr. 99,95', 99.95],
      ['100,-', 100],
      ['500 DKK', 500],
      [42, 42],
    ])('reads %j as %j', (raw, expected) => {
      expect(accepts(f, raw)).toBe(expected);
    });
    it.each(['abc', '1,2,3', '12..5', '', 'NaN'])('refuses %j', (raw) => {
      expect(refuses(field({ id: 'n', type: 'number', label }), raw)).toBe(raw === '' ? 'FORM.REQUIRED' : 'FORM.INVALID_NUMBER');
    });
    it('refuses a non-integer where integers are asked for', () => {
      expect(refuses(field({ id: 'antal', type: 'number', label, integer: true }), '2,5')).toBe('FORM.NOT_INTEGER');
    });
    it('refuses a number out of range with the range in Danish format', () => {
      const ranged = field({ id: 'antal', type: 'number', label, min: 1, max: 1500 });
      const r = parseField(ranged, '2000');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('FORM.OUT_OF_RANGE');
        expect(r.error.message.da).toContain('1.500');
      }
      expect(refuses(ranged, '0')).toBe('FORM.OUT_OF_RANGE');
      expect(refuses(field({ id: 'x', type: 'number', label, min: 0 }), '-1')).toBe('FORM.OUT_OF_RANGE');
      expect(refuses(field({ id: 'x', type: 'number', label, max: 0 }), '1')).toBe('FORM.OUT_OF_RANGE');
    });
    it('parses any Danish-formatted number back to itself', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
          const n = whole + Math.sign(whole || 1) * cents / 100;
          const text = n.toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
          expect(parseNumber(text)).toBeCloseTo(n, 6);
        }),
      );
    });
  });

  describe('when the type is email', () => {
    const f = field({ id: 'mail', type: 'email', label });
    it('lower-cases and trims, and drops mailto:', () => {
      expect(accepts(f, '  Anna@Eksempelstyrelsen.DK ')).toBe('anna@eksempelstyrelsen.dk');
      expect(accepts(f, 'mailto:anna@eksempelstyrelsen.dk')).toBe('anna@eksempelstyrelsen.dk');
    });
    it.each(['anna', 'anna@', '@x.dk', 'anna@x', 'anna @x.dk', 'a@b..dk'])('refuses %s', (raw) => {
      expect(refuses(f, raw)).toBe('FORM.INVALID_EMAIL');
    });
  });

  describe('when the type is phone', () => {
    const f = field({ id: 'tlf', type: 'phone', label });
    it.each([
      ['12 34 56 78', '+4512345678'],
      ['12345678', '+4512345678'],
      ['+45 12 34 56 78', '+4512345678'],
      ['0045 12345678', '+4512345678'],
      ['+46 (8) 123-456-78', '+46812345678'],
      [12345678, '+4512345678'],
    ])('reads %j as %s', (raw, expected) => {
      expect(accepts(f, raw)).toBe(expected);
    });
    it.each(['1234', 'tlf', '+0 12345678', '123456789012345678'])('refuses %s', (raw) => {
      expect(refuses(f, raw)).toBe('FORM.INVALID_PHONE');
    });
  });

  describe('when the type is choice', () => {
    const f = field({
      id: 'type',
      type: 'choice',
      label,
      choices: [
        { id: 'sygdom', label: { da: 'Sygdom', en: 'Sickness' } },
        { id: 'barsel', label: { da: 'Barsel', en: 'Parental leave' }, aliases: ['barselsorlov'] },
      ],
    });
    it.each([
      ['sygdom', 'sygdom'],
      ['SYGDOM', 'sygdom'],
      ['Parental leave', 'barsel'],
      ['  barsel ', 'barsel'],
      ['barselsorlov', 'barsel'],
    ])('reads %s as %s', (raw, expected) => {
      expect(accepts(f, raw)).toBe(expected);
    });
    it('refuses an unknown option and lists the options in both languages', () => {
      const r = parseField(f, 'ferie');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('FORM.INVALID_CHOICE');
        expect(r.error.message.da).toContain('Sygdom, Barsel');
        expect(r.error.message.en).toContain('Sickness, Parental leave');
      }
    });
    it('refuses a non-string', () => {
      expect(refuses(f, 1)).toBe('FORM.INVALID_CHOICE');
    });
  });

  describe('when the type is multiChoice', () => {
    const multi = (extra: { minItems?: number; maxItems?: number }): Field => field({
      id: 'fejl',
      type: 'multiChoice',
      label,
      ...extra,
      choices: [
        { id: 'skat', label: { da: 'Forkert skat', en: 'Wrong tax' } },
        { id: 'pension', label: { da: 'Forkert pension', en: 'Wrong pension' } },
        { id: 'loen-og-hr', label: { da: 'Løn og HR', en: 'Pay and HR' } },
      ],
    });
    const f = multi({ maxItems: 2 });
    it('reads a card submission "a,b" in catalogue order', () => {
      expect(accepts(f, 'pension,skat')).toEqual(['skat', 'pension']);
    });
    it('reads labels typed in chat, split by comma or "og"', () => {
      expect(accepts(f, 'forkert skat og forkert pension')).toEqual(['skat', 'pension']);
      expect(accepts(f, 'Wrong tax; wrong pension')).toEqual(['skat', 'pension']);
    });
    it('keeps a label that contains "og" whole', () => {
      expect(accepts(f, 'Løn og HR')).toEqual(['loen-og-hr']);
    });
    it('reads an array from an API body and drops duplicates', () => {
      expect(accepts(f, ['skat', 'skat'])).toEqual(['skat']);
    });
    it('refuses an unknown option naming it', () => {
      const r = parseField(f, 'skat, ferie');
      expect(r.ok ? '' : r.error.message.da).toContain('"ferie"');
    });
    it('refuses too many and too few', () => {
      expect(refuses(f, 'skat,pension,loen-og-hr')).toBe('FORM.TOO_MANY_CHOICES');
      const atLeastTwo = multi({ minItems: 2 });
      expect(refuses(atLeastTwo, 'skat')).toBe('FORM.TOO_FEW_CHOICES');
    });
    it('refuses a list with a non-string', () => {
      expect(refuses(f, ['skat', 1])).toBe('FORM.INVALID_CHOICE');
    });
  });
});

describe('parseDate', () => {
  describe('when given any valid calendar date in either format', () => {
    it('answers the same ISO date', () => {
      fc.assert(
        fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2999, 11, 31)), noInvalidDate: true }), (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-');
          expect(parseDate(`${day}-${m}-${y}`)).toBe(iso);
          expect(parseDate(`${day}.${m}.${y}`)).toBe(iso);
          expect(parseDate(iso)).toBe(iso);
        }),
      );
    });
  });
});

describe('formSchema', () => {
  const form = {
    fields: [
      field({
        id: 'type',
        type: 'choice',
        label,
        choices: [
          { id: 'adgang', label: { da: 'Adgang', en: 'Access' } },
          { id: 'andet', label: { da: 'Andet', en: 'Other' } },
        ],
      }),
      field({ id: 'institutioner', type: 'text', label, visibleWhen: { field: 'type', in: ['adgang'] } }),
      field({ id: 'haster', type: 'yesNo', label }),
      field({ id: 'telefon', type: 'phone', label, required: false }),
      field({ id: 'beskrivelse', type: 'longText', label }),
    ],
  };

  describe('when a card submission is complete', () => {
    it('answers the normalised values and strips unknown keys', () => {
      const r = parseForm(form, { type: 'Adgang', institutioner: 'Testministeriet', haster: 'false', beskrivelse: 'Hej', action: 'submit' });
      expect(r).toEqual({ ok: true, value: { type: 'adgang', institutioner: 'Testministeriet', haster: false, beskrivelse: 'Hej' } });
    });
  });

  describe('when an API body has typed values', () => {
    it('accepts them', () => {
      const r = formSchema(form).safeParse({ type: 'andet', haster: true, telefon: '12345678', beskrivelse: 'Hej' });
      expect(r.success && r.data).toEqual({ type: 'andet', haster: true, telefon: '+4512345678', beskrivelse: 'Hej' });
    });
  });

  describe('when a conditional field is visible', () => {
    it('requires it', () => {
      const r = parseForm(form, { type: 'adgang', haster: 'nej', beskrivelse: 'Hej' });
      expect(r.ok ? [] : r.error).toEqual([{ fieldId: 'institutioner', code: 'FORM.REQUIRED', message: expect.objectContaining({ da: 'Feltet skal udfyldes.' }) }]);
    });
  });

  describe('when a conditional field is hidden', () => {
    it('drops its value', () => {
      const r = parseForm(form, { type: 'andet', institutioner: 'X', haster: 'nej', beskrivelse: 'Hej' });
      expect(r.ok && r.value).toEqual({ type: 'andet', haster: false, beskrivelse: 'Hej' });
    });
  });

  describe('when several fields are wrong', () => {
    it('reports every field with its code', () => {
      const r = parseForm(form, { type: 'x', haster: 'måske' });
      expect(r.ok ? [] : r.error.map((p) => [p.fieldId, p.code])).toEqual([
        ['type', 'FORM.INVALID_CHOICE'],
        ['haster', 'FORM.INVALID_YES_NO'],
        ['beskrivelse', 'FORM.REQUIRED'],
      ]);
    });
  });

  describe('when the body is not an object', () => {
    it('reports FORM.INVALID_TYPE', () => {
      const r = parseForm(form, 'hello');
      expect(r.ok ? [] : r.error.map((p) => p.code)).toEqual(['FORM.INVALID_TYPE']);
    });
  });
});

describe('formatFieldValue', () => {
  describe('when showing a summary', () => {
    it('shows labels, ja/nej, Danish dates and numbers', () => {
      const choice = field({ id: 'c', type: 'choice', label, choices: [{ id: 'a', label: { da: 'Æble', en: 'Apple' } }, { id: 'b', label: { da: 'B', en: 'B' } }] });
      expect(formatFieldValue(choice, 'a', 'da')).toBe('Æble');
      expect(formatFieldValue(choice, 'a', 'en')).toBe('Apple');
      expect(formatFieldValue(field({ id: 'y', type: 'yesNo', label }), true, 'da')).toBe('Ja');
      expect(formatFieldValue(field({ id: 'y', type: 'yesNo', label }), false, 'en')).toBe('No');
      expect(formatFieldValue(field({ id: 'd', type: 'date', label }), '2026-03-01', 'da')).toBe('01-03-2026');
      expect(formatFieldValue(field({ id: 'n', type: 'number', label }), 1234.5, 'da')).toBe('1.234,5');
      const multi = field({ id: 'm', type: 'multiChoice', label, choices: [{ id: 'a', label: { da: 'A', en: 'A' } }, { id: 'b', label: { da: 'B', en: 'B' } }] });
      expect(formatFieldValue(multi, ['a', 'b'], 'da')).toBe('A, B');
    });
  });
});

describe('fieldSchemaDefinition', () => {
  describe('when a pattern is not a regular expression', () => {
    it('refuses the field', () => {
      expect(fieldSchemaDefinition.safeParse({ id: 'x', type: 'text', label, pattern: { regex: '(', description: label } }).success).toBe(false);
    });
  });
  describe('when a choice field has one option', () => {
    it('refuses the field', () => {
      expect(fieldSchemaDefinition.safeParse({ id: 'x', type: 'choice', label, choices: [{ id: 'a', label }] }).success).toBe(false);
    });
  });
  describe('when a text field says what its value looks like', () => {
    it('takes code, name and shortText, and nothing else, on text fields only', () => {
      for (const shape of ['code', 'name', 'shortText']) expect(fieldSchemaDefinition.parse({ id: 'x', type: 'text', label, shape })).toMatchObject({ shape });
      expect(fieldSchemaDefinition.parse({ id: 'x', type: 'text', label })).not.toHaveProperty('shape');
      expect(fieldSchemaDefinition.safeParse({ id: 'x', type: 'text', label, shape: 'date' }).success).toBe(false);
      expect(fieldSchemaDefinition.safeParse({ id: 'x', type: 'longText', label, shape: 'name' }).success).toBe(false);
    });
  });
});

describe('relative dates', () => {
  it('reads "i dag", "i går", "i forgårs", today and yesterday in Danish time', async () => {
    const { parseDate } = await import('../../portal/form.js');
    // 23:30 UTC on 1 March is already 2 March in Copenhagen.
    const now = new Date('2026-03-01T23:30:00Z');
    expect(parseDate('i dag', now)).toBe('2026-03-02');
    expect(parseDate('I dag.', now)).toBe('2026-03-02');
    expect(parseDate('today', now)).toBe('2026-03-02');
    expect(parseDate('i går', now)).toBe('2026-03-01');
    expect(parseDate('igår', now)).toBe('2026-03-01');
    expect(parseDate('yesterday', now)).toBe('2026-03-01');
    expect(parseDate('i forgårs', now)).toBe('2026-02-28');
    expect(parseDate('i morgen', now)).toBe('2026-03-03');
  });
});

describe('parseField', () => {
  describe('when it parses without zod', () => {
    // parseField answers what fieldSchema's parse answers, with its first problem, for every field
    // of the catalogue and any answer: texts of every shape the chat sends, a field's own choice
    // labels and ids, numbers, lists and values of the wrong type.
    const fields = catalogue.forms.flatMap((form) => form.fields);
    const choiceWords = fields.flatMap((f) => (f.type === 'choice' || f.type === 'multiChoice' ? f.choices.flatMap((c) => [c.id, c.label.da, c.label.en]) : []));
    const raw = fc.oneof(
      fc.string(),
      fc.constantFrom('', '  ', 'ja', 'nej', 'Ja tak', '12-03-2026', '2026-03-12', 'i går', '1.250,50', '+45 12 34 56 78', 'anna@eksempelstyrelsen.dk', '0101901234', ...choiceWords),
      fc.array(fc.constantFrom(...choiceWords, 'x')),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.object(),
    );
    const viaZod = (f: Field, value: unknown) => {
      const parsed = fieldSchema(f).safeParse(value);
      if (parsed.success) return { ok: true, value: parsed.data };
      const first = fieldProblems(parsed.error)[0];
      return { ok: false, error: { ...first, fieldId: f.id } };
    };

    it('answers as the field schema does', () => {
      expect(fields.length).toBeGreaterThan(10);
      fc.assert(
        fc.property(fc.constantFrom(...fields), raw, (f, value) => {
          expect(parseField(f, value)).toEqual(viaZod(f, value));
        }),
        { numRuns: 3000 },
      );
    });
  });
});
