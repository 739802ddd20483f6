/**
 * The values a message tells in passing, in a sentence rather than a list: "vi har ikke modtaget fakturaen 998877 fra Lyreco
 * på 12.300 kr", "lønkørslen fejlede i går, 4 medarbejdere fik ikke løn", "the invoice from Dell was rejected". Read from
 * the message that asked for the case, once its form is known, and from a sentence typed at a field that gives more than
 * the field asked. Pure; the form engine validates each value as it would one typed alone.
 *
 * Only what the sentence says plainly is taken, each kind by its own mark:
 * - a choice by an option's words (its label or an alias, a phrase's words in order with at most two words between them),
 *   never negated ("ikke afvist"), never "Andet", and only when one option is named (a multiple choice: every one named);
 * - a code or a number after the field's own noun ("faktura 998877", "fakturanr 12345", "periode 03-2026"), or a count
 *   before it ("4 medarbejdere", "3 employees");
 * - an amount in kroner ("12.300 kr", "DKK 2,000") at the form's one amount;
 * - a name after the field's noun or one of the words the field says lead to it ("fra Lyreco": the supplier), capitalised;
 * - an e-mail at the form's one e-mail field.
 */
import { EMAIL_TOKEN, hasCprNumber, matchKey, matchWords, type Field, type FieldValue } from '../portal/index.js';
import { namesField, type ParsePart } from './several-values.js';

/** Words that negate what follows them within two words ("ikke afvist", "not rejected", "aldrig modtaget"). */
const NEGATIONS: ReadonlySet<string> = new Set(['ikke', 'not', 'never', 'aldrig', 'ingen', 'no']);

/** Options that name no problem of their own ("Andet", "Other"). */
const NO_OPTION: ReadonlySet<string> = new Set(['andet', 'other', 'somethingelse', 'nogetandet']);

/** Nouns for "number" alone: they name no field by themselves ("nummer 12345678" could be any number). */
const NUMBER_NOUNS: ReadonlySet<string> = new Set(['nr', 'no', 'nummer', 'nummeret', 'number', 'num', 'id']);

/** An amount in kroner, the number before or after its unit. */
const KRONER = /(?<![\p{L}\d])(?:(\d[\d.,]*\d|\d)\s*(?:kr\.?|kroner|dkk)(?![\p{L}])|(?:kr\.?|dkk)\s*(\d[\d.,]*\d|\d)(?![\d]))/giu;

/** The typed word is the option's word, or it inflected ("afvist" → "afviste", "modtaget" → "modtagett" no). */
function sameWord(typed: string, known: string): boolean {
  return typed === known || (known.length >= 4 && typed.startsWith(known) && typed.length - known.length <= 3);
}

/** Where the phrase's words stand in the message in order (at most two words between them); -1 when they do not. */
function phraseAt(words: readonly string[], phrase: readonly string[]): number {
  const first = phrase[0];
  if (first === undefined) return -1;
  for (let start = 0; start < words.length; start++) {
    if (!sameWord(words[start] ?? '', first)) continue;
    let at = start;
    let ok = true;
    for (const next of phrase.slice(1)) {
      let found = -1;
      for (let j = at + 1; j <= at + 3 && j < words.length; j++) {
        if (sameWord(words[j] ?? '', next)) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found;
    }
    if (ok) return start;
  }
  return -1;
}

/** Whether one of the option's phrases is said, and not negated (unless the phrase holds its own negation). */
function optionSaid(words: readonly string[], phrases: readonly string[][]): boolean {
  return phrases.some((phrase) => {
    if (phrase.length === 0 || NO_OPTION.has(phrase.join(''))) return false;
    const at = phraseAt(words, phrase);
    if (at < 0) return false;
    if (phrase.some((w) => NEGATIONS.has(w))) return true;
    return !words.slice(Math.max(0, at - 2), at).some((w) => NEGATIONS.has(w));
  });
}

function choicesSaid(field: Extract<Field, { type: 'choice' | 'multiChoice' }>, words: readonly string[]): string[] {
  return field.choices
    .filter((c) => !NO_OPTION.has(matchKey(c.label.da)) && optionSaid(words, [c.label.da, c.label.en, ...c.aliases].map(matchWords)))
    .map((c) => c.id);
}

/** A token with its trailing punctuation taken off. */
function bare(token: string): string {
  return token.replace(/^[«"'(]+|[»"'),.;:!?]+$/gu, '');
}

const CAPITALISED = /^[\p{Lu}\d][\p{L}\d&/.-]*$/u;
const COMPANY_FORM = /^(?:a\/s|aps|as|i\/s|p\/s|ltd|inc|gmbh|ab|oy)$/iu;

/** The capitalised name that starts at `from` ("Lyreco", "Dansk Kontor ApS"), at most four words. */
function nameAt(tokens: readonly string[], from: number): string | undefined {
  const parts: string[] = [];
  for (let i = from; i < tokens.length && parts.length < 4; i++) {
    const t = bare(tokens[i] ?? '');
    if (t === '' || !(CAPITALISED.test(t) || (parts.length > 0 && COMPANY_FORM.test(t))) || /^\d/u.test(t)) break;
    parts.push(t);
    if (t !== tokens[i]) break;
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * The values the text tells for the fields (see the module's comment), by field id. `parse` reads a part as the field's
 * answer (undefined when it does not fit). A text with a CPR-like number tells nothing.
 */
export function toldValues(text: string, fields: readonly Field[], parse: ParsePart): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  if (hasCprNumber(text) || text.length > 1000) return values;
  // "haven't", "didn't": the "t" of the contraction read as "not".
  const words = matchWords(text).map((w, i, all) => (w === 't' && (all[i - 1] ?? '').endsWith('n') ? 'not' : w));
  const tokens = text.trim().split(/\s+/u);
  const keys = tokens.map((t) => matchKey(bare(t)));
  const set = (field: Field, raw: string | string[]): boolean => {
    if (values[field.id] !== undefined) return false;
    const value = Array.isArray(raw) ? parse(field, raw.join(', ')) : parse(field, raw);
    if (value === undefined) return false;
    values[field.id] = value;
    return true;
  };
  for (const field of fields) {
    if (field.type === 'choice') {
      const said = choicesSaid(field, words);
      if (said.length === 1 && said[0] !== undefined) set(field, said[0]);
    } else if (field.type === 'multiChoice') {
      const said = choicesSaid(field, words);
      if (said.length > 0) set(field, said);
    }
  }
  // Codes, numbers and names after the field's noun; a count before it.
  const named = fields.filter((f) => (f.type === 'text' && f.shape !== 'shortText') || f.type === 'number');
  for (let i = 0; i < tokens.length; i++) {
    const key = keys[i] ?? '';
    if (key.length < 3 || NUMBER_NOUNS.has(key)) continue;
    const best = named.filter((f) => namesField(bare(tokens[i] ?? ''), f) > 0);
    if (best.length === 0) continue;
    let j = i + 1;
    while (j < tokens.length && (NUMBER_NOUNS.has(keys[j] ?? '') || /^(?:[:#=-]|er|is|på|of)$/iu.test(tokens[j] ?? ''))) j++;
    for (const field of best) {
      if (field.type === 'text' && field.shape === 'name') {
        const name = nameAt(tokens, j);
        if (name !== undefined && set(field, name)) break;
        continue;
      }
      const next = bare(tokens[j] ?? '');
      const two = `${next} ${bare(tokens[j + 1] ?? '')}`.trim();
      if (/\d/u.test(next) && (set(field, next) || (field.type === 'text' && field.format !== undefined && set(field, two)))) break;
      // "marts 2026" after "periode": a month and a year in words.
      if (field.type === 'text' && field.format !== undefined && /^\d{4}$/u.test(bare(tokens[j + 1] ?? '')) && set(field, two)) break;
    }
    // "4 medarbejdere", "3 employees": a whole number before the noun of a number field.
    const before = bare(tokens[i - 1] ?? '');
    if (/^\d{1,6}$/u.test(before)) {
      const count = best.find((f) => f.type === 'number' && f.integer === true);
      if (count) set(count, before);
    }
  }
  // A name after a word the field says leads to it ("fra Lyreco").
  for (const field of fields) {
    if (field.type !== 'text' || !field.leads || values[field.id] !== undefined) continue;
    const leads = new Set(field.leads.map(matchKey));
    const found = new Set<string>();
    for (let i = 0; i < tokens.length - 1; i++) {
      if (!leads.has(keys[i] ?? '')) continue;
      const name = nameAt(tokens, i + 1);
      if (name !== undefined) found.add(name);
    }
    const only = [...found];
    if (only.length === 1 && only[0] !== undefined) set(field, only[0]);
  }
  // An amount in kroner at the form's one amount.
  const amounts = fields.filter((f) => f.type === 'number' && f.unit === 'DKK' && values[f.id] === undefined);
  const kroner = [...text.matchAll(KRONER)];
  if (amounts.length === 1 && amounts[0] && kroner.length === 1 && kroner[0]) set(amounts[0], `${kroner[0][1] ?? kroner[0][2] ?? ''} kr`);
  // An e-mail at the form's one e-mail field.
  const emails = fields.filter((f) => f.type === 'email');
  const mails = text.match(EMAIL_TOKEN) ?? [];
  if (emails.length === 1 && emails[0] && mails.length === 1 && mails[0]) set(emails[0], mails[0]);
  return values;
}
