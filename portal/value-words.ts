/**
 * Values written in words, as a state employee types them into a form field, Danish and English:
 * dates ("1. marts", "27. feb 2026", "i morgen", "på mandag", "om en uge", "next monday"), small
 * numbers ("tolv", "twelve") and month-and-year periods ("marts 2026"). Pure; {@link ./form.ts}
 * decides which field takes which.
 */
import { matchKey } from './text.js';

/**
 * Which way a date without a year, or a bare weekday, is read: `past` the last such day (an
 * invoice date), `future` the next (the day access should start). Unset: a date without a year is
 * this year's, a weekday the next.
 */
export type DateTense = 'past' | 'future';

/** A calendar day; months 1–12. */
export interface CalendarDay {
  y: number;
  m: number;
  d: number;
}

function keyed<T>(entries: readonly (readonly [readonly string[], T])[]): ReadonlyMap<string, T> {
  return new Map(entries.flatMap(([words, value]) => words.map((w) => [matchKey(w), value] as const)));
}

/** Month names and their usual abbreviations, Danish and English. */
const MONTHS = keyed([
  [['jan', 'januar', 'january'], 1],
  [['feb', 'febr', 'februar', 'february'], 2],
  [['mar', 'marts', 'march'], 3],
  [['apr', 'april'], 4],
  [['maj', 'may'], 5],
  [['jun', 'juni', 'june'], 6],
  [['jul', 'juli', 'july'], 7],
  [['aug', 'august'], 8],
  [['sep', 'sept', 'september'], 9],
  [['okt', 'oktober', 'oct', 'october'], 10],
  [['nov', 'november'], 11],
  [['dec', 'december'], 12],
]);

/** The month a word names ("marts", "Feb.", "October"), or undefined. */
export function monthNumber(word: string): number | undefined {
  return MONTHS.get(matchKey(word));
}

/** Weekdays, 0 = Sunday as Date counts them. */
const WEEKDAYS = keyed([
  [['søndag', 'søn', 'sunday', 'sun'], 0],
  [['mandag', 'man', 'monday', 'mon'], 1],
  [['tirsdag', 'tirs', 'tir', 'tuesday', 'tue', 'tues'], 2],
  [['onsdag', 'ons', 'wednesday', 'wed'], 3],
  [['torsdag', 'tors', 'tor', 'thursday', 'thu', 'thur', 'thurs'], 4],
  [['fredag', 'fre', 'friday', 'fri'], 5],
  [['lørdag', 'lør', 'saturday', 'sat'], 6],
]);

/** "i mandags": the last Monday. */
const PAST_WEEKDAYS = keyed([
  [['søndags'], 0],
  [['mandags'], 1],
  [['tirsdags'], 2],
  [['onsdags'], 3],
  [['torsdags'], 4],
  [['fredags'], 5],
  [['lørdags'], 6],
]);

/** Number words up to twenty, Danish and English (one spelling each, after {@link matchKey}). */
const NUMBER_WORDS = keyed([
  [['nul', 'zero'], 0],
  [['en', 'et', 'én', 'ét', 'one', 'a', 'an'], 1],
  [['to', 'two'], 2],
  [['tre', 'three'], 3],
  [['fire', 'four'], 4],
  [['fem', 'five'], 5],
  [['seks', 'six'], 6],
  [['syv', 'seven'], 7],
  [['otte', 'eight'], 8],
  [['ni', 'nine'], 9],
  [['ti', 'ten'], 10],
  [['elleve', 'eleven'], 11],
  [['tolv', 'twelve'], 12],
  [['tretten', 'thirteen'], 13],
  [['fjorten', 'fourteen'], 14],
  [['femten', 'fifteen'], 15],
  [['seksten', 'sixteen'], 16],
  [['sytten', 'seventeen'], 17],
  [['atten', 'eighteen'], 18],
  [['nitten', 'nineteen'], 19],
  [['tyve', 'twenty'], 20],
]);

/**
 * A whole number up to twenty written as one word ("tolv", "Twelve"), or undefined. "a"/"an" count
 * only inside a phrase ("in a week"), never as an answer of their own.
 */
export function numberWord(word: string, inPhrase = false): number | undefined {
  const key = matchKey(word);
  if (!inPhrase && (key === 'a' || key === 'an')) return undefined;
  return /^[a-z]+$/.test(key) ? NUMBER_WORDS.get(key) : undefined;
}

function count(word: string): number | undefined {
  return /^\d{1,3}$/.test(word) ? Number(word) : numberWord(word, true);
}

// ---------------------------------------------------------------------------------------------
// Days

function toUtc(day: CalendarDay): Date {
  return new Date(Date.UTC(day.y, day.m - 1, day.d));
}

function fromUtc(date: Date): CalendarDay {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromUtc(new Date(Date.UTC(day.y, day.m - 1, day.d + days)));
}

/** The same day n months on, or the month's last day when it is shorter (31 January + 1 month = 28/29 February). */
function addMonths(day: CalendarDay, months: number): CalendarDay {
  const first = new Date(Date.UTC(day.y, day.m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { y: first.getUTCFullYear(), m: first.getUTCMonth() + 1, d: Math.min(day.d, last) };
}

function compare(a: CalendarDay, b: CalendarDay): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Whether day and month make a date in that year (31 April and 29 February 2027 do not). */
export function isCalendarDay(day: CalendarDay): boolean {
  if (!Number.isInteger(day.y) || day.m < 1 || day.m > 12 || day.d < 1) return false;
  return day.d <= new Date(Date.UTC(day.y, day.m, 0)).getUTCDate();
}

/** The day and month in the year the tense points to from today (see {@link DateTense}). */
function withYear(d: number, m: number, today: CalendarDay, tense: DateTense | undefined): CalendarDay | undefined {
  let day: CalendarDay = { y: today.y, m, d };
  if (tense === 'past' && compare(day, today) > 0) day = { y: today.y - 1, m, d };
  if (tense === 'future' && compare(day, today) < 0) day = { y: today.y + 1, m, d };
  return isCalendarDay(day) ? day : undefined;
}

/** The weekday before today (`last`) or after it (`next`), never today itself. */
function weekday(weekdayNumber: number, today: CalendarDay, which: 'last' | 'next'): CalendarDay {
  const now = toUtc(today).getUTCDay();
  const ahead = (weekdayNumber - now + 7) % 7 || 7;
  return which === 'next' ? addDays(today, ahead) : addDays(today, ahead - 7 === 0 ? -7 : ahead - 7);
}

/** Days from today, by the words for them (after {@link matchKey}). */
const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ['idag', 0],
  ['today', 0],
  ['igaar', -1],
  ['igar', -1],
  ['yesterday', -1],
  ['iforgaars', -2],
  ['iforgars', -2],
  // "the" is dropped in front of any date.
  ['daybeforeyesterday', -2],
  ['imorgen', 1],
  ['tomorrow', 1],
  ['iovermorgen', 2],
  ['overmorgen', 2],
  ['dayaftertomorrow', 2],
]);

const DAY_UNITS = keyed([
  [['dag', 'dage', 'dagen', 'day', 'days'], 1],
  [['uge', 'uger', 'ugen', 'week', 'weeks'], 7],
]);
const MONTH_UNITS = new Set(['maaned', 'maaneder', 'maned', 'maneder', 'month', 'months'].map(matchKey));

const NEXT = new Set(['naeste', 'kommende', 'next', 'this', 'paa', 'pa', 'on', 'nu', 'coming']);
const LAST = new Set(['sidste', 'forrige', 'last', 'previous', 'past']);

/** Words in front of a date that say nothing about it: "den 27. februar", "fra 1. marts", "on 1 March", "pr. 1/4" ("to" is two in Danish). */
const LEAD = /^(?:den|d\.|the|on|fra og med|fra|from|starting|pr\.?|per|på|by|til|until|senest)\s+/u;

/**
 * A date written with the month in words or without a year, or relative to today, in the days of
 * `today`: "1. marts", "1 March 2026", "March 1, 2026", "27. feb.", "den 27 feb", "27/2", "i morgen",
 * "i overmorgen", "på mandag", "i mandags", "next monday", "om en uge", "om 3 dage", "for to uger
 * siden", "2 weeks ago", "næste måned" (its first day). Undefined when the text is anything else.
 */
export function dateInWords(raw: string, today: CalendarDay, tense?: DateTense): CalendarDay | undefined {
  let text = raw
    .trim()
    .toLowerCase()
    .replace(/[!?]+$/u, '')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (let lead = LEAD.exec(text); lead; lead = LEAD.exec(text)) text = text.slice(lead[0].length);
  text = text.replace(/\.$/, '').trim();
  if (text === '') return undefined;

  const relative = RELATIVE_DAYS.get(matchKey(text));
  if (relative !== undefined) return addDays(today, relative);

  const words = text.split(' ');
  const [first = '', second = '', third] = words;

  // "næste måned", "next month": the month's first day.
  if (words.length === 2 && NEXT.has(matchKey(first)) && MONTH_UNITS.has(matchKey(second))) return addMonths({ ...today, d: 1 }, 1);

  // "om en uge", "om 3 dage", "in two weeks", "om en måned".
  if ((first === 'om' || first === 'in') && words.length === 3) {
    const n = count(second);
    const unit = matchKey(third ?? '');
    if (n !== undefined && DAY_UNITS.has(unit)) return addDays(today, n * (DAY_UNITS.get(unit) ?? 1));
    if (n !== undefined && MONTH_UNITS.has(unit)) return addMonths(today, n);
    return undefined;
  }
  // "for en uge siden", "3 dage siden", "two weeks ago".
  const ago = /^(?:for )?(\S+) (\S+) (?:siden|ago)$/u.exec(text);
  if (ago) {
    const n = count(ago[1] ?? '');
    const unit = matchKey(ago[2] ?? '');
    if (n !== undefined && DAY_UNITS.has(unit)) return addDays(today, -n * (DAY_UNITS.get(unit) ?? 1));
    if (n !== undefined && MONTH_UNITS.has(unit)) return addMonths(today, -n);
    return undefined;
  }

  // "i mandags": the last Monday.
  if (words.length === 2 && first === 'i') {
    const past = PAST_WEEKDAYS.get(matchKey(second));
    return past === undefined ? undefined : weekday(past, today, 'last');
  }
  // "mandag", "på mandag", "næste mandag", "sidste fredag", "next monday".
  const named = words.length === 1 ? WEEKDAYS.get(matchKey(first)) : words.length === 2 ? WEEKDAYS.get(matchKey(second)) : undefined;
  if (named !== undefined) {
    if (words.length === 1) return weekday(named, today, tense === 'past' ? 'last' : 'next');
    if (NEXT.has(matchKey(first))) return weekday(named, today, 'next');
    if (LAST.has(matchKey(first))) return weekday(named, today, 'last');
    return undefined;
  }

  // "mandag den 2. marts": a weekday in front of a date must be that date's.
  const dayName = WEEKDAYS.get(matchKey(first));
  if (dayName !== undefined && words.length > 1) {
    const day = dateInWords(words.slice(1).join(' '), today, tense);
    return day && toUtc(day).getUTCDay() === dayName ? day : undefined;
  }

  return calendarDate(text, today, tense);
}

const YEAR = '(\\d{4})';
/** "1. marts [2026]", "1 march", "1st of March 2026", "27.feb". */
const DAY_MONTH = new RegExp(`^(\\d{1,2})(?:\\.|st|nd|rd|th)? ?(?:of )?([a-zæøå]+)\\.?(?: ${YEAR})?$`, 'u');
/** "March 1[st] [2026]", "feb 27". */
const MONTH_DAY = new RegExp(`^([a-zæøå]+)\\.? (\\d{1,2})(?:\\.|st|nd|rd|th)?(?: ${YEAR})?$`, 'u');
/** "27/2", "27.2", "27-2": no year. (A two-digit year, "1.3.26", stays refused: it reads as a version or an amount.) */
const DAY_SLASH_MONTH = /^(\d{1,2})[./-](\d{1,2})$/;

function calendarDate(text: string, today: CalendarDay, tense: DateTense | undefined): CalendarDay | undefined {
  const dayMonth = DAY_MONTH.exec(text);
  const monthDay = dayMonth ? undefined : MONTH_DAY.exec(text);
  if (dayMonth || monthDay) {
    const [d, name, y] = dayMonth ? [dayMonth[1], dayMonth[2], dayMonth[3]] : [monthDay?.[2], monthDay?.[1], monthDay?.[3]];
    const m = monthNumber(name ?? '');
    if (m === undefined) return undefined;
    if (y !== undefined) {
      const day = { y: Number(y), m, d: Number(d) };
      return isCalendarDay(day) ? day : undefined;
    }
    return withYear(Number(d), m, today, tense);
  }
  const slash = DAY_SLASH_MONTH.exec(text);
  return slash ? withYear(Number(slash[1]), Number(slash[2]), today, tense) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Periods

/**
 * A month and year however written — "marts 2026", "Mar. 2026", "March 2026", "03/2026", "3-2026",
 * "3 2026", "2026-03" — as `mm-yyyy` (`03-2026`), or undefined.
 */
export function monthYear(raw: string): string | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  let m: number | undefined;
  let y: number;
  const named = /^([a-zæøå]+)\.?[ -]?(\d{4})$/u.exec(text);
  const numeric = /^(\d{1,2}) ?[-./ ] ?(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (named) {
    m = monthNumber(named[1] ?? '');
    y = Number(named[2]);
  } else if (numeric) {
    m = Number(numeric[1]);
    y = Number(numeric[2]);
  } else if (iso) {
    m = Number(iso[2]);
    y = Number(iso[1]);
  } else {
    return undefined;
  }
  if (m === undefined || m < 1 || m > 12 || y < 1900 || y > 2999) return undefined;
  return `${String(m).padStart(2, '0')}-${y}`;
}
