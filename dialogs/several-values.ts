/**
 * Several values in one message, as a user fills a form in chat: "fakturanr 12345, leverandør Dell, beløb 4.500 kr",
 * "Karen Jensen, karen@eksempelstyrelsen.dk", "invoice 5566, supplier Lenovo, amount 2,000". A list of parts (commas,
 * semicolons, lines, "og"/"and" between them), each naming its field by the field's own noun ("fakturanr",
 * "leverandøren", "amount"), or — when it names none — placed by what it is: an e-mail at the form's one e-mail field,
 * the rest at the field asked, a date or an amount in kroner at the form's one such field. Pure; the form engine
 * validates every value as it would one typed alone.
 *
 * Read only when every part finds its field and its value fits, and two fields or more are filled: a message that
 * holds one value, or a part that fits nowhere, is read as the field's answer as before (and re-asked with the reason).
 */
import { matchKey, type Field, type FieldValue } from '../portal/index.js';

/** Parses one part as a field's answer (the form engine's reading, sentences included); undefined when it does not fit. */
export type ParsePart = (field: Field, text: string) => FieldValue | undefined;

/** At most this many parts: a longer list is a description, not values. */
const MAX_PARTS = 6;

/** Where a list splits: a comma not inside a number ("4.500,50"), a semicolon, a line, "og"/"and"/"samt"/"&" between parts. */
const PART_SEPARATOR = /(?<!\d),|,(?!\d)|;|\n|\s+(?:og|and|samt|plus|&)\s+/iu;

/** Words that lead from a field's noun to its value ("beløbet er 4.500", "fakturanr: 12345", "supplier is Dell", "på"). */
const TO_VALUE = /^(?:[:=\-–]\s*)?(?:(?:er|var|lyder\s+på|hedder|står\s+som|is|was|reads|called|på|of)(?![\p{L}\d])[\s:]*)?/iu;

/** Number nouns that may follow a field's noun ("invoice no. 5566", "cvr nr 12345678", "faktura nummer 4711"). */
const NUMBER_NOUN = /^(?:nr|no|nummer|nummeret|number|num|#)$/u;

/** A word's key with the Danish abbreviation of "nummer" spelt out ("fakturanr" → "fakturanummer") and a definite ending dropped. */
function nounKeys(word: string): string[] {
  const key = matchKey(word.replace(/[.:]+$/u, ''));
  const keys = new Set([key]);
  if (/.{3,}nr$/u.test(key)) keys.add(`${key.slice(0, -2)}nummer`);
  for (const ending of ['ens', 'ets', 'en', 'et', 'ne', 's']) if (key.length - ending.length >= 4 && key.endsWith(ending)) keys.add(key.slice(0, -ending.length));
  return [...keys];
}

/** The words of a field's label, in both languages. */
function labelWords(field: Field): string[] {
  return `${field.label.da} ${field.label.en}`
    .split(/[^\p{L}\d]+/u)
    .map(matchKey)
    .filter((w) => w.length >= 3);
}

/** How well a word names a field: 2 a word of its label, 1 the start of one (at least four letters); 0 none. */
export function namesField(word: string, field: Field): number {
  const keys = nounKeys(word);
  const words = labelWords(field);
  if (keys.some((k) => words.includes(k))) return 2;
  if (keys.some((k) => k.length >= 4 && words.some((w) => w.startsWith(k) || (k.startsWith(w) && w.length >= 4)))) return 1;
  return 0;
}

/** The field a part opens by naming (its first word, or its first two: "invoice number", "the amount"), and the value after it. */
function namedIn(part: string, fields: readonly Field[]): { field: Field; value: string } | undefined {
  const words = part.split(/\s+/u);
  let start = 0;
  while (start < words.length - 1 && /^(?:the|a|an|og|and|samt|plus|også|also)$/iu.test(words[start] ?? '')) start++;
  const head = words[start] ?? '';
  let best: { field: Field; score: number } | undefined;
  let tie = false;
  for (const field of fields) {
    const score = namesField(head, field);
    if (score === 0) continue;
    // Of two fields the word names ("leverandør": «Leverandør», «Leverandørens CVR-nummer»), the one it names whole,
    // then the one whose label says least.
    const better = !best || score > best.score || (score === best.score && labelWords(field).length < labelWords(best.field).length);
    const same = best !== undefined && score === best.score && labelWords(field).length === labelWords(best.field).length;
    if (better) {
      best = { field, score };
      tie = false;
    } else if (same) tie = true;
  }
  if (!best || tie) return undefined;
  let i = start + 1;
  while (i < words.length - 1 && NUMBER_NOUN.test(matchKey((words[i] ?? '').replace(/[.:]+$/u, '')))) i++;
  const rest = words.slice(i).join(' ');
  const value = rest.slice((TO_VALUE.exec(rest)?.[0] ?? '').length).trim().replace(/[\s.!]+$/u, '');
  return value === '' ? undefined : { field: best.field, value };
}

const EMAIL = /^[^\s@<>(),;:"']+@[^\s@<>(),;:"']+\.[a-zA-Z]{2,}$/u;
/** An amount in kroner ("4.500 kr", "12.300 kroner", "DKK 2.000"). */
const KRONER = /(?<![\p{L}])(?:kr\.?|kroner|dkk)(?![\p{L}])/iu;

/**
 * The values a message gives for several of the form's fields (see the module's comment), by field id; undefined
 * when it is not such a list. `fields`: the form's fields that may be filled now (the one asked among them).
 */
export function severalValues(text: string, fields: readonly Field[], askedId: string, parse: ParsePart): Record<string, FieldValue> | undefined {
  const t = text.trim();
  if (t.includes('?') || t.length > 400) return undefined;
  const parts = t.split(PART_SEPARATOR).map((p) => p.trim().replace(/^(?:og|and|samt|plus)\s+/iu, '').trim()).filter((p) => p !== '');
  if (parts.length < 2 || parts.length > MAX_PARTS) return undefined;
  const asked = fields.find((f) => f.id === askedId);
  const values: Record<string, FieldValue> = {};
  const place = (field: Field | undefined, value: string): boolean => {
    if (!field || values[field.id] !== undefined) return false;
    const parsed = parse(field, value);
    if (parsed === undefined) return false;
    values[field.id] = parsed;
    return true;
  };
  const unnamed: string[] = [];
  for (const part of parts) {
    const named = namedIn(part, fields);
    if (named) {
      if (!place(named.field, named.value)) return undefined;
    } else unnamed.push(part);
  }
  const only = (type: Field['type'], test: (f: Field) => boolean = () => true): Field | undefined => {
    const found = fields.filter((f) => f.type === type && test(f) && values[f.id] === undefined);
    return found.length === 1 ? found[0] : undefined;
  };
  for (const part of unnamed) {
    if (EMAIL.test(part.replace(/[.,;!]+$/u, ''))) {
      if (!place(asked?.type === 'email' ? asked : only('email'), part.replace(/[.,;!]+$/u, ''))) return undefined;
      continue;
    }
    if (asked && values[asked.id] === undefined && place(asked, part)) continue;
    if (KRONER.test(part) && place(only('number', (f) => f.type === 'number' && f.unit === 'DKK'), part)) continue;
    if (/\d/u.test(part) && place(only('date'), part)) continue;
    return undefined;
  }
  return Object.keys(values).length >= 2 ? values : undefined;
}
