import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CPR_MASK, findCprNumbers, hasCprNumber, maskCprNumbers } from '../../portal/cpr.js';

describe('findCprNumbers', () => {
  describe('when the text holds a CPR-like number', () => {
    const cases: [string, string][] = [
      ['010190-1234', '010190-1234'],
      ['0101901234', '0101901234'],
      ['010190 1234', '010190 1234'],
      ['Min CPR er 010190-1234, tak', '010190-1234'],
      ['CPR:3112991234.', '3112991234'],
      ['cpr 290200-4123 (skudår 2000)', '290200-4123'],
      ['010190 - 1234', '010190 - 1234'],
      ['010190–1234', '010190–1234'],
      ['født 150585-4021', '150585-4021'],
    ];
    it.each(cases)('finds it in %j', (text, expected) => {
      expect(findCprNumbers(text).map((m) => m.text)).toEqual([expected]);
    });

    it('finds every one of several', () => {
      expect(findCprNumbers('010190-1234 og 020202-2345').map((m) => m.text)).toEqual(['010190-1234', '020202-2345']);
    });
  });

  describe('when the number is not a real date or not ten digits', () => {
    const cases: string[] = [
      '3213991234', // day 32
      '0113901234', // month 13
      '0000901234', // day 0
      '3102901234', // 31 February
      '300290-1234', // 30 February
      '290201-1234', // 29 February 1901 (seventh digit 1: 1900s)
      '290200-1234', // 29 February 1900: no leap year
      '12345678901', // eleven digits
      '010190123', // nine digits
      '1010190-1234', // part of a longer run of digits
      '010190-12345',
      'faktura 9876543210',
      'telefon 12 34 56 78',
      'dato 01-01-1990',
      'beløb 1.250,50 kr.',
      '',
    ];
    it.each(cases)('finds nothing in %j', (text) => {
      expect(findCprNumbers(text)).toEqual([]);
      expect(hasCprNumber(text)).toBe(false);
    });
  });
});

describe('maskCprNumbers', () => {
  it('replaces the number and keeps the rest', () => {
    expect(maskCprNumbers('Min CPR er 010190-1234, og fakturaen er 3213991234.')).toBe(`Min CPR er ${CPR_MASK}, og fakturaen er 3213991234.`);
    expect(maskCprNumbers('0101901234')).toBe(CPR_MASK);
  });

  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const date = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(1999, 11, 31)), noInvalidDate: true }).map((d) => {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(d.getUTCDate())}${p(d.getUTCMonth() + 1)}${p(d.getUTCFullYear() % 100)}`;
  });
  /** A CPR number of the 1900s (seventh digit 0–3), in one of the spellings. */
  const cpr = fc.tuple(date, fc.constantFrom('', '-', ' ', ' - '), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 999 })).map(([d, sep, s, rest]) => `${d}${sep}${s}${String(rest).padStart(3, '0')}`);
  const piece = fc.oneof(cpr, digit, fc.constantFrom(' ', '-', ',', 'a', '#', '\n'), fc.string({ maxLength: 8 }));
  const text = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(''));

  it('finds every planted CPR number', () => {
    fc.assert(
      fc.property(cpr, fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (n, before, after) => {
        const planted = `${before} ${n} ${after}`;
        expect(findCprNumbers(planted).map((m) => m.text)).toContain(n);
      }),
    );
  });

  it('leaves no detectable CPR number, whatever the text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(findCprNumbers(maskCprNumbers(t))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('changes nothing in a text without one', () => {
    fc.assert(
      fc.property(text, (t) => {
        fc.pre(!hasCprNumber(t));
        expect(maskCprNumbers(t)).toBe(t);
      }),
    );
  });
});
