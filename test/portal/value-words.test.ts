import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInWords, monthYear, numberWord, type CalendarDay, type DateTense } from '../../portal/value-words.js';

/** Wednesday 4 March 2026. */
const TODAY: CalendarDay = { y: 2026, m: 3, d: 4 };

function iso(text: string, tense?: DateTense, today: CalendarDay = TODAY): string | undefined {
  const day = dateInWords(text, today, tense);
  return day && `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

describe('dateInWords', () => {
  describe('when the month is written in words', () => {
    it.each([
      ['1. marts 2026', '2026-03-01'],
      ['1 marts 2026', '2026-03-01'],
      ['1.marts 2026', '2026-03-01'],
      ['27. feb 2026', '2026-02-27'],
      ['27. feb. 2026', '2026-02-27'],
      ['den 27. februar 2026', '2026-02-27'],
      ['d. 3. sept. 2025', '2025-09-03'],
      ['1 March 2026', '2026-03-01'],
      ['1st of March 2026', '2026-03-01'],
      ['March 1, 2026', '2026-03-01'],
      ['march 1st 2026', '2026-03-01'],
      ['15. okt 2025', '2025-10-15'],
      ['15 Oct 2025', '2025-10-15'],
      ['5. maj 2026', '2026-05-05'],
      ['May 5 2026', '2026-05-05'],
      ['31. DECEMBER 2025', '2025-12-31'],
      ['mandag den 2. marts 2026', '2026-03-02'],
    ])('reads "%s" as %s', (text, expected) => {
      expect(iso(text)).toBe(expected);
    });

    it('knows every month by its Danish and English names and abbreviations', () => {
      const names = [
        ['jan', 'januar', 'january'],
        ['feb', 'februar', 'february'],
        ['mar', 'marts', 'march'],
        ['apr', 'april'],
        ['maj', 'may'],
        ['jun', 'juni', 'june'],
        ['jul', 'juli', 'july'],
        ['aug', 'august'],
        ['sep', 'sept', 'september'],
        ['okt', 'oktober', 'oct', 'october'],
        ['nov', 'november'],
        ['dec', 'december'],
      ];
      names.forEach((spellings, i) => {
        for (const name of spellings) expect(iso(`10. ${name} 2026`)).toBe(`2026-${String(i + 1).padStart(2, '0')}-10`);
      });
    });
  });

  describe('when the year is left out', () => {
    it('takes this year for a field that says no direction', () => {
      expect(iso('1. marts')).toBe('2026-03-01');
      expect(iso('27/12')).toBe('2026-12-27');
      expect(iso('March 1')).toBe('2026-03-01');
    });
    it('takes the last such day for a past field', () => {
      expect(iso('27/2', 'past')).toBe('2026-02-27');
      expect(iso('den 27 feb', 'past')).toBe('2026-02-27');
      expect(iso('27/12', 'past')).toBe('2025-12-27');
      expect(iso('4. marts', 'past')).toBe('2026-03-04');
    });
    it('takes the next such day for a future field', () => {
      expect(iso('1. marts', 'future')).toBe('2027-03-01');
      expect(iso('1. april', 'future')).toBe('2026-04-01');
      expect(iso('4/3', 'future')).toBe('2026-03-04');
    });
    it('refuses a day the month does not have', () => {
      expect(iso('31/4')).toBeUndefined();
      expect(iso('29. feb')).toBeUndefined();
      expect(iso('29. feb', 'future', { y: 2027, m: 3, d: 1 })).toBe('2028-02-29');
    });
  });

  describe('when the date is relative to today', () => {
    it.each([
      ['i dag', '2026-03-04'],
      ['i går', '2026-03-03'],
      ['i forgårs', '2026-03-02'],
      ['i morgen', '2026-03-05'],
      ['imorgen', '2026-03-05'],
      ['I morgen.', '2026-03-05'],
      ['i overmorgen', '2026-03-06'],
      ['tomorrow', '2026-03-05'],
      ['the day after tomorrow', '2026-03-06'],
      ['om en uge', '2026-03-11'],
      ['om to uger', '2026-03-18'],
      ['om 3 dage', '2026-03-07'],
      ['in a week', '2026-03-11'],
      ['in 2 weeks', '2026-03-18'],
      ['om en måned', '2026-04-04'],
      ['for en uge siden', '2026-02-25'],
      ['3 dage siden', '2026-03-01'],
      ['two weeks ago', '2026-02-18'],
      ['næste måned', '2026-04-01'],
      ['next month', '2026-04-01'],
    ])('reads "%s" as %s', (text, expected) => {
      expect(iso(text)).toBe(expected);
    });
    it('counts a month on to the last day of a shorter month', () => {
      expect(iso('om en måned', undefined, { y: 2026, m: 1, d: 31 })).toBe('2026-02-28');
      expect(iso('næste måned', undefined, { y: 2026, m: 12, d: 31 })).toBe('2027-01-01');
    });
  });

  describe('when a weekday is named', () => {
    it('takes the next one, never today, for a field that says no direction or a future field', () => {
      expect(iso('mandag')).toBe('2026-03-09');
      expect(iso('på mandag')).toBe('2026-03-09');
      expect(iso('på onsdag')).toBe('2026-03-11');
      expect(iso('fredag', 'future')).toBe('2026-03-06');
      expect(iso('next monday')).toBe('2026-03-09');
      expect(iso('on Friday')).toBe('2026-03-06');
      expect(iso('næste torsdag', 'past')).toBe('2026-03-05');
      expect(iso('på lørdag')).toBe('2026-03-07');
    });
    it('takes the last one for a past field, and for "i mandags", "sidste", "last"', () => {
      expect(iso('mandag', 'past')).toBe('2026-03-02');
      expect(iso('onsdag', 'past')).toBe('2026-02-25');
      expect(iso('i mandags')).toBe('2026-03-02');
      expect(iso('i fredags', 'future')).toBe('2026-02-27');
      expect(iso('sidste fredag')).toBe('2026-02-27');
      expect(iso('last friday', 'future')).toBe('2026-02-27');
      expect(iso('i søndags')).toBe('2026-03-01');
    });
    it('refuses a weekday in front of a date that falls on another', () => {
      expect(iso('torsdag den 4. marts 2026')).toBeUndefined();
      expect(iso('onsdag den 4. marts 2026')).toBe('2026-03-04');
    });
  });

  describe('when the text is not a date', () => {
    it.each(['', 'snart', 'marts', 'marts 2026', '12', '12 stk', 'om mange uger', 'i sommers', 'mandag eller tirsdag', 'næste år', '1. smarts', 'ca. 1. marts', 'to uger', '32/1', '1/13', 'hvornår er det?'])(
      'refuses "%s"',
      (text) => {
        expect(iso(text)).toBeUndefined();
      },
    );
  });

  describe('when given any day and month in words', () => {
    it('answers that day in the right year for each tense', () => {
      const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
      fc.assert(
        fc.property(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (now, m, d) => {
          const today = { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };
          const text = `${d}. ${months[m - 1]}`;
          const key = (day: CalendarDay | undefined): string => (day ? `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}` : '');
          const todayKey = key(today);
          const past = key(dateInWords(text, today, 'past'));
          const future = key(dateInWords(text, today, 'future'));
          expect(past <= todayKey && future >= todayKey).toBe(true);
          expect(dateInWords(text, today, 'past')?.y).toBeGreaterThanOrEqual(today.y - 1);
          expect(dateInWords(text, today, 'future')?.y).toBeLessThanOrEqual(today.y + 1);
          expect(dateInWords(text, today)?.y).toBe(today.y);
        }),
      );
    });
  });
});

describe('monthYear', () => {
  describe('when a month and year are written in any usual way', () => {
    it.each([
      ['03-2026', '03-2026'],
      ['3-2026', '03-2026'],
      ['3/2026', '03-2026'],
      ['03/2026', '03-2026'],
      ['03.2026', '03-2026'],
      ['3 2026', '03-2026'],
      ['2026-03', '03-2026'],
      ['marts 2026', '03-2026'],
      ['Mar 2026', '03-2026'],
      ['mar. 2026', '03-2026'],
      ['March 2026', '03-2026'],
      ['december 2025', '12-2025'],
      ['okt 2025', '10-2025'],
    ])('reads "%s" as %s', (text, expected) => {
      expect(monthYear(text)).toBe(expected);
    });
  });
  describe('when it is not a month and year', () => {
    it.each(['marts', '2026', '13/2026', '0-2026', 'smarts 2026', 'Q1 2026', '1. marts 2026', '3/26'])('refuses "%s"', (text) => {
      expect(monthYear(text)).toBeUndefined();
    });
  });
});

describe('numberWord', () => {
  describe('when a number up to twenty is written as a word', () => {
    it.each([
      ['nul', 0],
      ['en', 1],
      ['én', 1],
      ['one', 1],
      ['to', 2],
      ['tolv', 12],
      ['Twelve', 12],
      ['femten', 15],
      ['tyve', 20],
      ['twenty', 20],
    ])('reads "%s" as %d', (text, n) => {
      expect(numberWord(text)).toBe(n);
    });
  });
  describe('when it is no such word', () => {
    it.each(['mange', 'a', 'enogtyve', '12', 'tolvte', ''])('refuses "%s"', (text) => {
      expect(numberWord(text)).toBeUndefined();
    });
  });
});
