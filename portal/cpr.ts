/**
 * CPR numbers (the Danish personal identity number) in free text: a date ddmmyy and four digits,
 * written together, with a hyphen or with a space ("010190-1234", "0101901234", "010190 1234").
 * They do not belong in a case, so free-text answers are checked for them.
 *
 * Only a real calendar date counts (the century from the seventh digit, as the CPR register
 * assigns it), so an invoice or account number of ten digits is not taken for one. There is no
 * modulus-11 check: numbers issued since 2007 need not pass it.
 */
import type { FieldProblem, FormShape } from './form.js';

/** What a removed CPR number reads as. */
export const CPR_MASK = '######-####';

/** Six digits, an optional hyphen (any dash) or one space, four digits; never part of a longer run of digits. */
const CANDIDATE = /(?<!\d)(\d{2})(\d{2})(\d{2})(?:[ \u00a0]?[-\u2010\u2011\u2012\u2013][ \u00a0]?|[ \u00a0])?(\d)(\d{3})(?!\d)/g;

/** The full year of a CPR number's date: the century follows from the seventh digit and the two-digit year. */
function fullYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** One CPR-like number found in a text: where it is and how it was written. */
export interface CprMatch {
  index: number;
  text: string;
}

/** The CPR-like numbers in a text, in order (a real date ddmmyy followed by four digits). */
export function findCprNumbers(text: string): CprMatch[] {
  const found: CprMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, dd, mm, yy, seventh] = m;
    const year = fullYear(Number(yy), Number(seventh));
    if (isCalendarDate(year, Number(mm), Number(dd))) found.push({ index: m.index, text: whole });
  }
  return found;
}

/** Whether a text holds a CPR-like number. */
export function hasCprNumber(text: string): boolean {
  return findCprNumbers(text).length > 0;
}

/** The text with every CPR-like number replaced by {@link CPR_MASK}; other text as it was. */
export function maskCprNumbers(text: string): string {
  let out = '';
  let at = 0;
  for (const m of findCprNumbers(text)) {
    out += text.slice(at, m.index) + CPR_MASK;
    at = m.index + m.text.length;
  }
  return out + text.slice(at);
}

/** Why a CPR number does not belong in a case (said when one is found). */
export const CPR_REASON = {
  da: 'Det ligner et CPR-nummer. CPR-numre hører ikke hjemme i en sag: sagen læses af flere, både hos Statens Administration og hos jer, og vi har ikke brug for nummeret for at hjælpe. Et CPR-nummer er en fortrolig personoplysning.',
  en: 'That looks like a CPR number (a Danish personal identity number). CPR numbers do not belong in a case: the case is read by several people, at Statens Administration and at your institution, and we do not need the number to help you. A CPR number is confidential personal data.',
} as const;

/** The reason a free-text value holding a CPR number is refused (a card, the agent API). */
export const CPR_REFUSAL = {
  da: `${CPR_REASON.da} Fjern nummeret, eller skriv ${CPR_MASK} i stedet.`,
  en: `${CPR_REASON.en} Remove the number, or write ${CPR_MASK} instead.`,
} as const;

/**
 * One problem per free-text field (text, long text) of the form whose value holds a CPR-like
 * number, code `FORM.CPR_NUMBER`. Fields named in `skip` (already refused for another reason) are
 * left out.
 */
export function cprProblems(form: FormShape, values: Readonly<Record<string, unknown>>, skip: ReadonlySet<string> = new Set()): FieldProblem[] {
  return form.fields
    .filter((f) => (f.type === 'text' || f.type === 'longText') && !skip.has(f.id))
    .filter((f) => {
      const value = values[f.id];
      return typeof value === 'string' && hasCprNumber(value);
    })
    .map((f) => ({ fieldId: f.id, code: 'FORM.CPR_NUMBER' as const, message: { da: CPR_REFUSAL.da, en: CPR_REFUSAL.en } }));
}
