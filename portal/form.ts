/**
 * Forms are data. A form is a list of fields; {@link fieldSchema} turns one field into a zod
 * schema that parses a raw answer — the text a user typed in chat, the string an Adaptive Card
 * submits, or the typed value of an API body — into a normalised value, and {@link formSchema}
 * puts the fields together. The same schema serves all three channels.
 */
import { z } from 'zod';
import { err, ok, type FormErrorCode, type Result } from './result.js';
import { ASKS, localizedSchema, matchKey, type Language, type Localized } from './text.js';
import { dateInWords, isCalendarDay, monthYear, numberWord, type CalendarDay, type DateTense } from './value-words.js';

// ---------------------------------------------------------------------------------------------
// Definitions

export const FIELD_TYPES = ['text', 'longText', 'choice', 'multiChoice', 'date', 'email', 'phone', 'number', 'yesNo'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * What a text field's value looks like: `code` (an invoice, settlement or employee number, a CVR
 * number, a period: letters, digits and dashes, rarely a sentence), `name` (a supplier, a person,
 * a report: a few capitalised words) or `shortText` (a headline or a few words of free text).
 * Used to tell an answer from a question typed into the field.
 */
export const TEXT_SHAPES = ['code', 'name', 'shortText'] as const;
export type TextShape = (typeof TEXT_SHAPES)[number];

/**
 * A text value with one spelling the desk reads, to which what a user types is rewritten before
 * the pattern is checked: `monthYear` ("marts 2026", "3/2026", "March 2026" → `03-2026`), `cvr`
 * ("cvr-nr. 12 34 56 78" → `12345678`). A text that cannot be rewritten is checked as typed.
 */
export const TEXT_FORMATS = ['monthYear', 'cvr'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

const fieldIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'field ids are camelCase ascii');
const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const choiceOptionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    label: localizedSchema,
    /** Other spellings a user may type (matched like the label). */
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

/** Show (and require) a field only when an earlier choice or yes/no field has one of these values. */
export const visibleWhenSchema = z
  .object({ field: fieldIdSchema, in: z.array(z.union([z.string(), z.boolean()])).min(1) })
  .strict();
export type VisibleWhen = z.infer<typeof visibleWhenSchema>;

const baseField = {
  id: fieldIdSchema,
  label: localizedSchema,
  help: localizedSchema.optional(),
  /** A sample answer shown after the help ("Fx F-2026-17"); every free-text field of the catalogue has one. */
  example: localizedSchema.optional(),
  /** Default true. A field with `visibleWhen` is required only while it is visible. */
  required: z.boolean().default(true),
  visibleWhen: visibleWhenSchema.optional(),
  /** Words that lead to the value in a sentence ("fra" before the supplier: "faktura 4711 fra Dell"); unset = none. */
  leads: z.array(z.string().min(1)).optional(),
};

const patternSchema = z
  .object({
    regex: z.string().refine((source) => {
      try {
        new RegExp(source, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'not a valid regular expression'),
    /** Why an answer does not fit, e.g. "8 cifre". */
    description: localizedSchema,
  })
  .strict();

export const fieldSchemaDefinition = z.discriminatedUnion('type', [
  z
    .object({
      ...baseField,
      type: z.literal('text'),
      /** What the value looks like; unset = `shortText`. */
      shape: z.enum(TEXT_SHAPES).optional(),
      /** The value's one spelling (see {@link TEXT_FORMATS}); unset = kept as typed. */
      format: z.enum(TEXT_FORMATS).optional(),
      minLength: z.number().int().min(0).optional(),
      /** Default 200. */
      maxLength: z.number().int().min(1).default(200),
      pattern: patternSchema.optional(),
    })
    .strict(),
  z
    .object({
      ...baseField,
      type: z.literal('longText'),
      minLength: z.number().int().min(0).optional(),
      /** Default 4000. */
      maxLength: z.number().int().min(1).default(4000),
    })
    .strict(),
  z.object({ ...baseField, type: z.literal('choice'), choices: z.array(choiceOptionSchema).min(2) }).strict(),
  z
    .object({
      ...baseField,
      type: z.literal('multiChoice'),
      choices: z.array(choiceOptionSchema).min(2),
      minItems: z.number().int().min(1).optional(),
      maxItems: z.number().int().min(1).optional(),
    })
    .strict(),
  z
    .object({
      ...baseField,
      type: z.literal('date'),
      minDate: isoDateSchema.optional(),
      maxDate: isoDateSchema.optional(),
      /** Which way "27/2" or "mandag" is read (see {@link DateTense}); unset = this year's date, the next weekday. */
      tense: z.enum(['past', 'future']).optional(),
    })
    .strict(),
  z.object({ ...baseField, type: z.literal('email') }).strict(),
  z.object({ ...baseField, type: z.literal('phone') }).strict(),
  z
    .object({
      ...baseField,
      type: z.literal('number'),
      /** `DKK`: an amount, shown with two decimals and "kr." (en: "DKK"). Unset: a plain number. */
      unit: z.enum(['DKK']).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      /** Default false. */
      integer: z.boolean().default(false),
    })
    .strict(),
  z.object({ ...baseField, type: z.literal('yesNo') }).strict(),
]);

/** A field as written in the catalogue (defaults not yet applied). */
export type FieldInput = z.input<typeof fieldSchemaDefinition>;
export type Field = z.infer<typeof fieldSchemaDefinition>;
export type FieldOf<T extends FieldType> = Extract<Field, { type: T }>;

/** A normalised answer: text, ISO date `yyyy-mm-dd`, e-mail in lower case, phone `+4512345678`,
 * choice id, list of choice ids, number, or boolean. */
export type FieldValue = string | number | boolean | string[];
export type FormValues = Record<string, FieldValue>;

export const fieldValueSchema: z.ZodType<FieldValue> = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export const formValuesSchema: z.ZodType<FormValues> = z.record(z.string(), fieldValueSchema);

export interface FieldProblem {
  fieldId: string;
  code: FormErrorCode;
  message: Localized;
}

// ---------------------------------------------------------------------------------------------
// Parsing one answer

type Parsed<T> = Result<T, { code: FormErrorCode; message: Localized }>;

function problem<T>(code: FormErrorCode, da: string, en: string): Parsed<T> {
  return err(code, da, en);
}

// Built once (toLocaleString builds a formatter on every call: about 50 µs).
const DANISH_NUMBER = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 10 });

/** A whole number a field takes, for its help and error: 12, or its minimum when 12 is out of range. */
export function integerExample(field: { min?: number | undefined; max?: number | undefined }): number {
  const { min, max } = field;
  if ((min === undefined || min <= 12) && (max === undefined || max >= 12)) return 12;
  return Math.ceil(min ?? max ?? 12);
}

/** Danish number formatting for messages: 1.234,5 */
export function formatNumberDa(n: number): string {
  return DANISH_NUMBER.format(n);
}

const DANISH_AMOUNT = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ENGLISH_AMOUNT = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in kroner as a user reads it: `1.250,50 kr.` (en: `DKK 1,250.50`). */
export function formatAmount(n: number, lang: Language): string {
  return lang === 'da' ? `${DANISH_AMOUNT.format(n)} kr.` : `DKK ${ENGLISH_AMOUNT.format(n)}`;
}

/** A normalised phone number as a user reads it: Danish numbers in pairs (`+45 12 34 56 78`), others as stored. */
export function formatPhone(value: string): string {
  const danish = /^\+45(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  return danish ? `+45 ${danish.slice(1).join(' ')}` : value;
}

/** `2026-03-01` → `01-03-2026`. */
export function formatDateDa(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

function isBlank(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  if (Array.isArray(raw)) return raw.length === 0;
  return false;
}

function asText(raw: unknown): Parsed<string> {
  if (typeof raw === 'string') return ok(raw);
  if (typeof raw === 'number' && Number.isFinite(raw)) return ok(String(raw));
  return problem('FORM.INVALID_TYPE', 'Svaret skal være tekst.', 'The answer must be text.');
}

function checkLength(text: string, minLength: number | undefined, maxLength: number): Parsed<string> {
  const length = [...text].length;
  if (minLength !== undefined && length < minLength) {
    return problem('FORM.TOO_SHORT', `Svaret skal være mindst ${minLength} tegn.`, `The answer must be at least ${minLength} characters.`);
  }
  if (length > maxLength) {
    return problem(
      'FORM.TOO_LONG',
      `Svaret må højst være ${maxLength} tegn (det er ${length}).`,
      `The answer may be at most ${maxLength} characters (it is ${length}).`,
    );
  }
  return ok(text);
}

const CVR_LEAD = /^(?:(?:leverandørens |supplier'?s? )?cvr(?:[ .-]*(?:nr|nummer|nummeret|no|number))?\.?|dk)[ :]*(?:(?:er|is) )?/iu;

/** "cvr er 12 34 56 78", "CVR-nr.: 12345678", "DK12345678" → `12345678`; anything else as it is. */
export function normaliseCvr(text: string): string {
  const digits = text.replace(CVR_LEAD, '').replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : text;
}

function formatted(format: TextFormat | undefined, text: string): string {
  switch (format) {
    case 'monthYear':
      return monthYear(text) ?? text;
    case 'cvr':
      return normaliseCvr(text);
    case undefined:
      return text;
  }
}

function parseText(field: FieldOf<'text'>, raw: unknown): Parsed<string> {
  const text = asText(raw);
  if (!text.ok) return text;
  const value = formatted(field.format, text.value.replace(/\s+/g, ' ').trim());
  const length = checkLength(value, field.minLength, field.maxLength);
  if (!length.ok) return length;
  if (field.pattern && !new RegExp(field.pattern.regex, 'u').test(value)) {
    return problem('FORM.PATTERN', `Svaret skal være ${field.pattern.description.da}.`, `The answer must be ${field.pattern.description.en}.`);
  }
  return ok(value);
}

function parseLongText(field: FieldOf<'longText'>, raw: unknown): Parsed<string> {
  const text = asText(raw);
  if (!text.ok) return text;
  const value = text.value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
  return checkLength(value, field.minLength, field.maxLength);
}

const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9æøå](?:[a-z0-9æøå-]{0,61}[a-z0-9æøå])?(?:\.[a-z0-9æøå](?:[a-z0-9æøå-]{0,61}[a-z0-9æøå])?)*\.[a-z]{2,}$/;

/** Normalises an e-mail address (trimmed, `mailto:` dropped, lower case) or answers undefined. */
export function normaliseEmail(raw: string): string | undefined {
  const value = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (value.length > 254 || !EMAIL.test(value)) return undefined;
  return value;
}

function parseEmail(raw: unknown): Parsed<string> {
  if (typeof raw !== 'string') return problem('FORM.INVALID_TYPE', 'Svaret skal være tekst.', 'The answer must be text.');
  const value = normaliseEmail(raw);
  if (value === undefined) {
    return problem('FORM.INVALID_EMAIL', 'Det ligner ikke en e-mailadresse, fx navn@institution.dk.', 'That does not look like an e-mail address, e.g. name@institution.dk.');
  }
  return ok(value);
}

function parsePhone(raw: unknown): Parsed<string> {
  const text = asText(raw);
  if (!text.ok) return text;
  let value = text.value.trim().replace(/[\s\u00a0().-]/g, '');
  if (value.startsWith('00')) value = `+${value.slice(2)}`;
  if (/^\d{8}$/.test(value)) value = `+45${value}`;
  if (!/^\+[1-9]\d{7,14}$/.test(value)) {
    return problem(
      'FORM.INVALID_PHONE',
      'Skriv et telefonnummer med 8 cifre, eller med landekode som +45 12 34 56 78.',
      'Write a phone number with 8 digits, or with a country code like +45 12 34 56 78.',
    );
  }
  return ok(value);
}

// The service desk's day: a date typed in the evening is the Danish date, not UTC's.
const COPENHAGEN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Danish time. */
function copenhagenDay(now: Date): CalendarDay {
  const [y, m, d] = COPENHAGEN_DAY.format(now).split('-').map(Number);
  return { y: y ?? 1970, m: m ?? 1, d: d ?? 1 };
}

/**
 * `dd-mm-yyyy`, `dd.mm.yyyy`, `dd/mm/yyyy`, `yyyy-mm-dd` (or an ISO timestamp, or a Date), and a
 * date in words or relative to today in Danish time ("1. marts", "27/2", "i morgen", "på mandag",
 * "om en uge", "next monday": see {@link dateInWords}), a year or weekday left out read by `tense`
 * → `yyyy-mm-dd`.
 */
export function parseDate(raw: unknown, now: Date = new Date(), tense?: DateTense): string | undefined {
  let day: CalendarDay | undefined;
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return undefined;
    day = { y: raw.getUTCFullYear(), m: raw.getUTCMonth() + 1, d: raw.getUTCDate() };
  } else if (typeof raw === 'string') {
    const text = raw.trim();
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
    const dmy = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
    if (iso) day = { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
    else if (dmy) day = { y: Number(dmy[3]), m: Number(dmy[2]), d: Number(dmy[1]) };
    else day = dateInWords(text, copenhagenDay(now), tense);
  }
  if (!day || !isCalendarDay(day) || day.y < 1900 || day.y > 2999) return undefined;
  return `${String(day.y).padStart(4, '0')}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

function parseDateField(field: FieldOf<'date'>, raw: unknown): Parsed<string> {
  const value = parseDate(raw, new Date(), field.tense);
  if (value === undefined) {
    return problem(
      'FORM.INVALID_DATE',
      'Skriv en gyldig dato som dd-mm-åååå, fx 01-03-2026, eller med ord, fx "1. marts" eller "i morgen".',
      'Write a valid date as dd-mm-yyyy, e.g. 01-03-2026, or in words, e.g. "1 March" or "tomorrow".',
    );
  }
  if (field.minDate !== undefined && value < field.minDate) {
    return problem('FORM.DATE_OUT_OF_RANGE', `Datoen må tidligst være ${formatDateDa(field.minDate)}.`, `The date may be ${formatDateDa(field.minDate)} at the earliest.`);
  }
  if (field.maxDate !== undefined && value > field.maxDate) {
    return problem('FORM.DATE_OUT_OF_RANGE', `Datoen må senest være ${formatDateDa(field.maxDate)}.`, `The date may be ${formatDateDa(field.maxDate)} at the latest.`);
  }
  return ok(value);
}

/**
 * Danish first: a comma is the decimal mark and dots group thousands ("1.234,50" = 1234.5,
 * "1.234" = 1234); a lone dot with other than three digits after it is a decimal point ("12.5").
 * "kr.", "DKK" and a trailing ",-" are ignored.
 */
export function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw
    .trim()
    .replace(/^(kr\.?|kroner|dkk)\s*/i, '')
    .replace(/\s*(kr\.?|kroner|dkk)$/i, '')
    .replace(/,-$/, '')
    .replace(/(\d)[\s\u00a0](?=\d{3}\b)/g, '$1')
    .replace(/^([+-])\s+/, '$1');
  let normalised: string;
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normalised = text.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d+(,\d+)?$/.test(text)) normalised = text.replace(',', '.');
  else if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(text)) normalised = text.replace(/,/g, '');
  else if (/^[+-]?(\d+)?\.\d+$/.test(text)) normalised = text;
  else return undefined;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : undefined;
}

/** An estimate is taken as its number: "ca. 12", "cirka 12", "omkring 12", "about 12", "~12". */
const APPROXIMATELY = /^(?:~|(?:ca\.?|c\.|cirka|circa|omkring|omtrent|about|around|approx\.?|approximately|roughly)(?:\s+|(?=\d)))/iu;

/** What is counted, after the number: "12 stk", "12 medarbejdere", "12 people". */
const COUNT_NOUNS: ReadonlySet<string> = new Set(
  ['stk', 'stykker', 'styk', 'medarbejdere', 'medarbejder', 'ansatte', 'ansat', 'personer', 'person', 'mennesker', 'brugere', 'bruger', 'people', 'persons', 'employees', 'employee', 'staff', 'users', 'user', 'pcs', 'pieces'].map(matchKey),
);

/** The label's own words count too ("12 berørte" for «Antal berørte medarbejdere»). */
function labelWords(field: Field): ReadonlySet<string> {
  let words = labelWordsOf.get(field);
  if (!words) {
    words = new Set(`${field.label.da} ${field.label.en}`.split(/[^\p{L}]+/u).filter((w) => w.length >= 4).map(matchKey));
    labelWordsOf.set(field, words);
  }
  return words;
}
const labelWordsOf = new WeakMap<Field, ReadonlySet<string>>();

/**
 * A number as typed into a number field: {@link parseNumber}, a number word up to twenty ("tolv",
 * "twelve"), an estimate ("ca. 12", "omkring 12") and what is counted after it ("12 stk", "12
 * medarbejdere", or a word of the field's label).
 */
export function parseNumberAnswer(raw: unknown, counted: ReadonlySet<string> = new Set()): number | undefined {
  if (typeof raw !== 'string') return parseNumber(raw);
  let text = raw.trim().replace(/(?<=\d)\.$/, '');
  const plain = parseNumber(text);
  if (plain !== undefined) return plain;
  text = text.replace(APPROXIMATELY, '');
  for (let i = 0; i < 2; i++) {
    const noun = /\s+(\p{L}+)\.?$/u.exec(text);
    const key = noun ? matchKey(noun[1] ?? '') : '';
    if (!noun || !(COUNT_NOUNS.has(key) || counted.has(key))) break;
    text = text.slice(0, noun.index);
  }
  text = text.trim().replace(/(?<=\d)\.$/, '');
  return numberWord(text) ?? parseNumber(text);
}

/**
 * "2,000", "12,300 kr": an amount in kroner with a comma before three digits is thousands, as English writes them — no amount
 * in kroner has three decimals (øre are two). Undefined for anything else.
 */
function kronerInThousands(raw: unknown): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^(?:(?:kr\.?|dkk)\s*)?(\d{1,3}(?:,\d{3})+)(?:\s*(?:kr\.?|kroner|dkk))?$/iu.exec(raw.trim());
  return m?.[1] ? Number(m[1].replace(/,/g, '')) : undefined;
}

function parseNumberField(field: FieldOf<'number'>, raw: unknown): Parsed<number> {
  const value = (field.unit === 'DKK' ? kronerInThousands(raw) : undefined) ?? parseNumberAnswer(raw, labelWords(field));
  if (value === undefined) {
    return field.integer
      ? problem('FORM.INVALID_NUMBER', `Skriv et helt tal, fx ${integerExample(field)}.`, `Write a whole number, e.g. ${integerExample(field)}.`)
      : problem('FORM.INVALID_NUMBER', 'Skriv et tal, fx 1.250,50.', 'Write a number, e.g. 1250.50.');
  }
  if (field.integer && !Number.isInteger(value)) return problem('FORM.NOT_INTEGER', 'Skriv et helt tal.', 'Write a whole number.');
  const { min, max } = field;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    if (min !== undefined && max !== undefined) {
      return problem('FORM.OUT_OF_RANGE', `Tallet skal være mellem ${formatNumberDa(min)} og ${formatNumberDa(max)}.`, `The number must be between ${min} and ${max}.`);
    }
    if (min !== undefined) return problem('FORM.OUT_OF_RANGE', `Tallet skal være mindst ${formatNumberDa(min)}.`, `The number must be at least ${min}.`);
    return problem('FORM.OUT_OF_RANGE', `Tallet må højst være ${formatNumberDa(max ?? 0)}.`, `The number may be at most ${max ?? 0}.`);
  }
  return ok(value);
}

const YES = new Set(['ja', 'j', 'jo', 'jep', 'jeps', 'jepper', 'jaja', 'ja tak', 'ja da', 'jada', 'ja gerne', 'yes', 'y', 'yep', 'yup', 'yeah', 'yes please', 'true', 'sand', '1']);
const NO = new Set(['nej', 'n', 'nix', 'næ', 'nope', 'nej tak', 'nej da', 'nejda', 'no', 'nah', 'no thanks', 'false', 'falsk', '0']);

/** ja/nej, yes/no and their everyday forms ("jeps", "nej tak", "yep", "nope"), true/false (also as booleans), 1/0 → boolean. */
export function parseYesNo(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (typeof raw !== 'string') return undefined;
  const key = raw.trim().toLowerCase().replace(/[.!]+$/, '').replace(/[\s,]+/g, ' ');
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

/** The choice a raw answer names: its id or its Danish or English label or an alias, case-insensitively. */
export function matchChoice(choices: readonly ChoiceOption[], raw: string): ChoiceOption | undefined {
  const key = matchKey(raw);
  if (key === '') return undefined;
  return choices.find(
    (c) => matchKey(c.id) === key || matchKey(c.label.da) === key || matchKey(c.label.en) === key || c.aliases.some((a) => matchKey(a) === key),
  );
}

function choiceList(choices: readonly ChoiceOption[], lang: Language): string {
  return choices.map((c) => c.label[lang]).join(', ');
}

function invalidChoice<T>(choices: readonly ChoiceOption[], rejected?: string, asked = false): Parsed<T> {
  // "Hvilke muligheder har jeg?": the options, not a rebuke.
  if (asked) return problem('FORM.INVALID_CHOICE', `Du kan vælge mellem: ${choiceList(choices, 'da')}.`, `You can choose from: ${choiceList(choices, 'en')}.`);
  const what = rejected === undefined ? '' : `"${rejected}" `;
  return problem(
    'FORM.INVALID_CHOICE',
    `${what === '' ? 'Det ' : what}er ikke en af mulighederne. Vælg en af: ${choiceList(choices, 'da')}.`,
    `${what === '' ? 'That ' : what}is not one of the options. Choose one of: ${choiceList(choices, 'en')}.`,
  );
}

function parseChoice(field: FieldOf<'choice'>, raw: unknown): Parsed<string> {
  if (typeof raw !== 'string') return invalidChoice(field.choices);
  const choice = matchChoice(field.choices, raw);
  return choice ? ok(choice.id) : invalidChoice(field.choices, undefined, ASKS.test(raw));
}

function splitMulti(choices: readonly ChoiceOption[], raw: string): string[] {
  if (matchChoice(choices, raw)) return [raw];
  return raw
    .split(/[,;\n]/)
    .flatMap((part) => (matchChoice(choices, part) ? [part] : part.split(/\s+(?:og|and|&)\s+/i)))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function parseMultiChoice(field: FieldOf<'multiChoice'>, raw: unknown): Parsed<string[]> {
  let parts: string[];
  if (typeof raw === 'string') parts = splitMulti(field.choices, raw);
  else if (Array.isArray(raw) && raw.every((p): p is string => typeof p === 'string')) parts = raw;
  else return invalidChoice(field.choices);
  const ids: string[] = [];
  for (const part of parts) {
    const choice = matchChoice(field.choices, part);
    if (!choice) return invalidChoice(field.choices, part.trim());
    if (!ids.includes(choice.id)) ids.push(choice.id);
  }
  // Keep the catalogue's order, so equal answers are equal values.
  const ordered = field.choices.map((c) => c.id).filter((id) => ids.includes(id));
  const minItems = field.minItems ?? 1;
  if (ordered.length < minItems) {
    return problem('FORM.TOO_FEW_CHOICES', `Vælg mindst ${minItems}.`, `Choose at least ${minItems}.`);
  }
  if (field.maxItems !== undefined && ordered.length > field.maxItems) {
    return problem('FORM.TOO_MANY_CHOICES', `Vælg højst ${field.maxItems}.`, `Choose at most ${field.maxItems}.`);
  }
  return ok(ordered);
}

/** Parses a non-blank answer for a field. */
function parseAnswer(field: Field, raw: unknown): Parsed<FieldValue> {
  switch (field.type) {
    case 'text':
      return parseText(field, raw);
    case 'longText':
      return parseLongText(field, raw);
    case 'choice':
      return parseChoice(field, raw);
    case 'multiChoice':
      return parseMultiChoice(field, raw);
    case 'date':
      return parseDateField(field, raw);
    case 'email':
      return parseEmail(raw);
    case 'phone':
      return parsePhone(raw);
    case 'number':
      return parseNumberField(field, raw);
    case 'yesNo': {
      const value = parseYesNo(raw);
      return value === undefined ? problem('FORM.INVALID_YES_NO', 'Svar ja eller nej.', 'Answer yes or no.') : ok(value);
    }
  }
}

const REQUIRED: Localized = { da: 'Feltet skal udfyldes.', en: 'This field is required.' };

function addProblem(ctx: z.RefinementCtx, code: FormErrorCode, message: Localized, path: (string | number)[] = []): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: message.en, path, params: { code, da: message.da, en: message.en } });
}

/**
 * The schema for one field: parses a raw answer (chat text, card string, or typed API value)
 * into the normalised {@link FieldValue}, or fails with an issue whose `params` carry the
 * `FORM.*` code and the Danish and English reason (see {@link fieldProblems}). A blank answer
 * (undefined, null, whitespace, empty list) is `undefined` for an optional field.
 */
export function fieldSchema(field: Field): z.ZodType<FieldValue | undefined, z.ZodTypeDef, unknown> {
  let schema = fieldSchemas.get(field);
  if (!schema) {
    schema = buildFieldSchema(field);
    fieldSchemas.set(field, schema);
  }
  return schema;
}

// Fields and forms are immutable data, so their schemas are built once each (a dialog validates per turn).
const fieldSchemas = new WeakMap<Field, z.ZodType<FieldValue | undefined, z.ZodTypeDef, unknown>>();
const formSchemas = new WeakMap<FormShape, z.ZodType<FormValues, z.ZodTypeDef, unknown>>();

function buildFieldSchema(field: Field): z.ZodType<FieldValue | undefined, z.ZodTypeDef, unknown> {
  return z.unknown().transform((raw, ctx): FieldValue | undefined => {
    if (isBlank(raw)) {
      if (field.required) {
        addProblem(ctx, 'FORM.REQUIRED', REQUIRED);
        return z.NEVER;
      }
      return undefined;
    }
    const parsed = parseAnswer(field, raw);
    if (!parsed.ok) {
      addProblem(ctx, parsed.error.code, parsed.error.message);
      return z.NEVER;
    }
    return parsed.value;
  });
}

/**
 * Parses one answer; the dialog's way to validate a field as the user answers it. The same as
 * {@link fieldSchema}'s parse with its first problem, without building a zod result and error (a
 * case turn parses every answer so far again: a form's values are checked at each step).
 */
export function parseField(field: Field, raw: unknown): Result<FieldValue | undefined, FieldProblem> {
  if (isBlank(raw)) return field.required ? { ok: false, error: { fieldId: field.id, code: 'FORM.REQUIRED', message: REQUIRED } } : ok(undefined);
  const parsed = parseAnswer(field, raw);
  return parsed.ok ? parsed : { ok: false, error: { fieldId: field.id, code: parsed.error.code, message: parsed.error.message } };
}

/** Whether a field is shown, given the answers so far. */
export function isFieldVisible(field: Field, values: Readonly<Record<string, unknown>>): boolean {
  if (!field.visibleWhen) return true;
  const answer = values[field.visibleWhen.field];
  return field.visibleWhen.in.some((v) => v === answer);
}

/** The form parts {@link formSchema} needs. */
export interface FormShape {
  fields: readonly Field[];
}

/**
 * The schema for a whole form: an object of the fields' schemas. Conditional fields are required
 * only while visible, and dropped when hidden. Unknown keys are stripped (a card submission
 * carries its action data too). The output holds only the answered fields.
 */
export function formSchema(form: FormShape): z.ZodType<FormValues, z.ZodTypeDef, unknown> {
  let schema = formSchemas.get(form);
  if (!schema) {
    schema = buildFormSchema(form);
    formSchemas.set(form, schema);
  }
  return schema;
}

function buildFormSchema(form: FormShape): z.ZodType<FormValues, z.ZodTypeDef, unknown> {
  const shape: Record<string, z.ZodType<FieldValue | undefined, z.ZodTypeDef, unknown>> = {};
  for (const field of form.fields) {
    shape[field.id] = fieldSchema(field.visibleWhen ? { ...field, required: false } : field);
  }
  return z
    .object(shape)
    .superRefine((values, ctx) => {
      for (const field of form.fields) {
        if (field.visibleWhen && field.required && isFieldVisible(field, values) && values[field.id] === undefined) {
          addProblem(ctx, 'FORM.REQUIRED', REQUIRED, [field.id]);
        }
      }
    })
    .transform((values) => {
      const out: FormValues = {};
      for (const field of form.fields) {
        const value = values[field.id];
        if (value !== undefined && isFieldVisible(field, values)) out[field.id] = value;
      }
      return out;
    });
}

/** The field problems of a failed {@link formSchema} or {@link fieldSchema} parse. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const fieldId = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    const params = issue.code === z.ZodIssueCode.custom ? (issue.params as Record<string, unknown> | undefined) : undefined;
    const code = params?.code;
    const da = params?.da;
    const en = params?.en;
    if (typeof code === 'string' && typeof da === 'string' && typeof en === 'string') {
      return { fieldId, code: code as FormErrorCode, message: { da, en } };
    }
    return { fieldId, code: 'FORM.INVALID_TYPE', message: { da: 'Svaret har en forkert form.', en: `The answer has the wrong shape (${issue.message}).` } };
  });
}

/** Validates a whole submission (card or API body) against a form. */
export function parseForm(form: FormShape, raw: unknown): Result<FormValues, FieldProblem[]> {
  const parsed = formSchema(form).safeParse(raw);
  return parsed.success ? ok(parsed.data) : { ok: false, error: fieldProblems(parsed.error) };
}

/** A value as a user reads it: choice labels, ja/nej, dd-mm-yyyy, Danish numbers, amounts with two decimals, phone numbers grouped. */
export function formatFieldValue(field: Field, value: FieldValue, lang: Language): string {
  switch (field.type) {
    case 'choice':
      return field.choices.find((c) => c.id === value)?.label[lang] ?? String(value);
    case 'multiChoice':
      return (Array.isArray(value) ? value : [String(value)]).map((id) => field.choices.find((c) => c.id === id)?.label[lang] ?? id).join(', ');
    case 'yesNo':
      return value === true ? (lang === 'da' ? 'Ja' : 'Yes') : lang === 'da' ? 'Nej' : 'No';
    case 'date':
      return typeof value === 'string' ? formatDateDa(value) : String(value);
    case 'number':
      if (typeof value !== 'number') return String(value);
      if (field.unit === 'DKK') return formatAmount(value, lang);
      return lang === 'da' ? formatNumberDa(value) : String(value);
    case 'phone':
      return typeof value === 'string' ? formatPhone(value) : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}
