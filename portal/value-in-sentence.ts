/**
 * A value said in a sentence, as a user answers a form field in chat: "det er faktura 12345",
 * "nummeret er 4711-22", "leverandøren hedder Dansk Kontor ApS", "it's invoice 998877", "hendes
 * mail er mette@…", "rejsen startede den 2. marts". The field's shape says what to look for: a code
 * (a token with a digit, or capitals and digits), a number, a date, an e-mail, a phone number, a
 * name (after "hedder"/"is called", or a capitalised name after "er"/"is"). Pure; the form engine
 * validates what is found, and the router reads a sentence that holds one as an answer.
 *
 * Only a sentence that points at its value is read: a short subject and a verb that names or
 * equates ("er", "var", "hedder", "lyder på", "is", "was", "is called"), or the field's own noun
 * before the value ("faktura 12345", "invoice no. 998877"), a hedge allowed ("det er vist 12345") — never one that says no or asks, and
 * never one with two candidates ("ikke 12345 men 12346").
 */
import { matchKey, type Localized } from './text.js';

/** `formatted`: a text with one spelling the form rewrites to ("marts 2026", "cvr 12 34 56 78"), read like a number. */
export type ValueShape = 'code' | 'formatted' | 'name' | 'shortText' | 'number' | 'date' | 'email' | 'phone';

/** Words that say no or ask: a sentence holding one is not read for a value. */
const NOT_A_VALUE = /(?<![\p{L}\d])(?:ikke|ingen|intet|aldrig|men|eller|hvad|hvilk\p{L}*|hvor\p{L}*|hvem|hvorfor|not|no(?![.\s]*\d)|never|none|but|or|what|which|where|who|why|how|don['’]?t|doesn['’]?t|isn['’]?t|wasn['’]?t|can['’]?t)(?![\p{L}\d])/iu;

/** "It's", "that's", "he's": a subject and "is" in one word. */
const CONTRACTED = /^(?:it|that|this|he|she|the\s+\p{L}+(?:\s+\p{L}+)?|my\s+\p{L}+|her\s+\p{L}+|his\s+\p{L}+|their\s+\p{L}+|our\s+\p{L}+)['’]s\s+/iu;

/** The verbs that equate a subject with a value or name it. `naming`: the value after them is a name, whatever its case. */
const VERBS: readonly { re: RegExp; naming: boolean }[] = [
  { re: /^(?:hedder|heder|kaldes|navngivet|is\s+called|was\s+called|are\s+called|is\s+named|was\s+named|called|named|goes\s+by)\s+/iu, naming: true },
  { re: /^(?:er|var|bliver|blev|lyder\s+på|står\s+som|har|is|was|are|were|reads|has)\s+/iu, naming: false },
];

/** At most this many words before the verb ("leverandørens cvr-nummer", "the supplier", "hendes mail"). */
const SUBJECT_WORDS = 3;

/** Nouns for "a number" that may stand before a code ("nr. 12345", "invoice no. 998877", "nummer 4711"). */
const NUMBER_NOUNS: ReadonlySet<string> = new Set(['nr', 'no', 'nummer', 'nummeret', 'number', 'num', 'id', 'kode', 'koden', 'code', 'ref', 'reference', 'referencen'].map(matchKey));

interface Lead {
  /** What follows the verb. */
  rest: string;
  naming: boolean;
}

/** The subject and verb that open the sentence, and what follows them; undefined when it opens with none. */
function leadOf(text: string): Lead | undefined {
  const contracted = CONTRACTED.exec(text);
  if (contracted) return { rest: text.slice(contracted[0].length), naming: false };
  const words = text.split(/\s+/);
  for (let i = 0; i <= SUBJECT_WORDS && i < words.length; i++) {
    const subject = words.slice(0, i);
    if (subject.some((w) => !/^[\p{L}][\p{L}.'’-]*$/u.test(w))) return undefined;
    const after = words.slice(i).join(' ');
    for (const verb of VERBS) {
      const m = verb.re.exec(after);
      if (m) return { rest: after.slice(m[0].length), naming: verb.naming };
    }
  }
  return undefined;
}

function trimEnd(text: string): string {
  return text.trim().replace(/[\s.!,;:]+$/u, '').trim();
}

/** A code: one token with a digit, or capitals with digits or dashes ("12345", "F-2026-17", "4711-22", "RA-7"); digit groups joined. */
function codeToken(text: string): string | undefined {
  const t = trimEnd(text).replace(/(?<=\d)\s+(?=\d)/g, '');
  if (/\s/.test(t) || t.length === 0 || t.length > 30) return undefined;
  return /\d/.test(t) || /^[A-ZÆØÅ][A-ZÆØÅ0-9]*[-_/.][A-ZÆØÅ0-9\-_/.]+$/u.test(t) ? t : undefined;
}

/** The field's own nouns: the words of its label ("Fakturanummer" holds "faktura"), and words for "number". */
function labelNoun(word: string, label: Localized | undefined): boolean {
  const key = matchKey(word);
  if (key.length === 0) return false;
  if (NUMBER_NOUNS.has(key)) return true;
  if (!label || key.length < 3) return false;
  const words = `${label.da} ${label.en}`.toLowerCase().split(/[^\p{L}]+/u).map(matchKey);
  return words.some((w) => w.length >= 3 && (w.startsWith(key) || (key.startsWith(w) && key.length - w.length <= 3)));
}

/** Small words that may stand before a value: an article, or a hedge ("det er vist 12345", "it's probably 12345"). */
const ARTICLE_OR_HEDGE = /^(?:#|en|et|a|an|the|den|det|vist|nok|måske|vel|formentlig|sikkert|probably|maybe|perhaps|i\s+think)$/iu;

/** "faktura 12345", "invoice no. 998877": the field's nouns (at most four words, with articles and hedges) before a code. */
function afterNouns(text: string, label: Localized | undefined): string | undefined {
  const words = text.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && i < 4 && (labelNoun(words[i] ?? '', label) || ARTICLE_OR_HEDGE.test(words[i] ?? ''))) i++;
  return i > 0 ? words.slice(i).join(' ') : undefined;
}

/** An e-mail address within a text (global: every one in it). */
export const EMAIL_TOKEN = /[^\s@<>(),;:"']+@[^\s@<>(),;:"']+\.[a-zA-Z]{2,}/g;

/**
 * The value a sentence holds for a field of this shape, best first (candidates for the form to validate); none
 * when the sentence is not one that points at a value (see the module's comment) or when it is the value itself.
 */
export function valuesInSentence(text: string, shape: ValueShape, label?: Localized): string[] {
  const t = text.trim();
  if (t.includes('?') || t.split(/\s+/).length < 2 || t.length > 200) return [];
  if (shape === 'email') {
    const found = t.match(EMAIL_TOKEN) ?? [];
    return found.length === 1 && found[0] !== undefined && !NOT_A_VALUE.test(t.replace(found[0], ' ')) ? [trimEnd(found[0])] : [];
  }
  if (NOT_A_VALUE.test(t)) return [];
  const lead = leadOf(t);
  const rest = lead ? trimEnd(lead.rest) : undefined;
  switch (shape) {
    case 'code': {
      const after = rest ?? t;
      const code = codeToken(after) ?? codeToken(afterNouns(after, label) ?? '');
      return code !== undefined && code !== t ? [code] : [];
    }
    case 'name':
    case 'shortText': {
      if (!lead || rest === undefined || rest === '') return [];
      // "Leverandøren hedder Dansk Kontor ApS": a name after a naming verb; after "er"/"is" only a capitalised one.
      if (shape === 'shortText' && !lead.naming) return [];
      return lead.naming || /^[\p{Lu}\d]/u.test(rest) ? [rest] : [];
    }
    case 'formatted':
    case 'number':
    case 'date':
    case 'phone': {
      // "Beløbet er 4.500 kr", "rejsen startede den 2. marts", "ring på 12 34 56 78": what follows the lead, or the
      // sentence's end after a few words with no digit in them.
      const out: string[] = [];
      if (rest) out.push(rest);
      const words = t.split(/\s+/);
      for (let from = 1; from < words.length && from <= 5; from++) {
        const before = words.slice(0, from).join(' ');
        if (/\d/.test(before)) break;
        const tail = trimEnd(words.slice(from).join(' '));
        if (tail !== '' && !out.includes(tail)) out.push(tail);
      }
      return out;
    }
  }
}
