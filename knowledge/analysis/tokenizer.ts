/**
 * Tokenising that keeps Danish letters (æ, ø, å) and joined product names: "SLS/HR-Løn" gives the
 * whole name plus its parts ("sls/hr-løn", "sls", "hr-løn", "hr", "løn"), so a question naming any
 * of them matches. natural's WordTokenizer splits on æ/ø/å, so it is not used here.
 */
export interface RawToken {
  /** Lower-cased surface form, never empty. */
  readonly text: string;
  /** Position of the word in the text (parts share their whole's position). */
  readonly position: number;
  /** True for the pieces of a joined token ("hr" and "løn" of "hr-løn"). */
  readonly isPart: boolean;
  /** True when the token is joined with - / or . (a name: kept unstemmed). */
  readonly isJoined: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)*/gu;
const JOINERS = /[-/.]/;
// Possessive and inflection after an apostrophe: "LDV's", "CPU'er". Only inside a word: a quotation
// mark before a word ("vælg 'Kontoplan'", "'Rediger min profil'") opens a quoted name, which is kept.
const APOSTROPHE_TAIL = /(?<=[\p{L}\p{N}])['’´`]\p{L}+/gu;

function keep(token: string): boolean {
  if (token.length === 0) return false;
  // One letter carries no meaning ("i", "a"); one digit may ("1. lønkørsel").
  return token.length > 1 || /\p{N}/u.test(token);
}

export function normalise(text: string): string {
  // Danish has no locale-specific case rules; toLowerCase is much faster than toLocaleLowerCase.
  return text.normalize('NFC').toLowerCase();
}

/**
 * The written words of a text, lower-cased, as the tokeniser sees them before it splits names into
 * parts: the cheap first step, which the index builder memoises on (a corpus has few distinct words).
 * `tokenize(text)` is `tokenizeWord` applied to each of these in turn.
 */
export function words(text: string): string[] {
  return cleanText(text).match(WORD) ?? [];
}

/** What ends a clause (a comma, a full stop, a dash …). */
const CLAUSE_END = /[,.;:!?–—]/u;

/** The clause (0, 1, …) of each written word of a text, in the order of `words(text)`. */
export function clauseOfWords(text: string): number[] {
  const clean = cleanText(text);
  const clauses: number[] = [];
  let clause = 0;
  let last = 0;
  for (const match of clean.matchAll(WORD)) {
    if (CLAUSE_END.test(clean.slice(last, match.index))) clause += 1;
    clauses.push(clause);
    last = match.index + match[0].length;
  }
  return clauses;
}

const ANY_APOSTROPHE = /['’´`]/;

/**
 * SYMBOL_WORDS (round 28): the signs the articles write for a word before or after a number — "50 %", "§ 11" — read as the
 * word a user writes ("50 procent", "paragraf 11"), in the articles and the questions alike; elsewhere ("%()=+*" of a
 * password's characters, a "%20" in an address) a sign is not that word.
 */
const PERCENT_AFTER_NUMBER = /(?<=\p{N})\s?%(?![\p{L}\p{N}])/gu;
const SECTION_BEFORE_NUMBER = /§§?\s?(?=\p{N})/gu;
const ANY_SYMBOL_WORD = /[%§]/;

/** A text with SYMBOL_WORDS' signs as words. */
export function symbolWords(text: string): string {
  return ANY_SYMBOL_WORD.test(text) ? text.replace(PERCENT_AFTER_NUMBER, ' procent').replace(SECTION_BEFORE_NUMBER, 'paragraf ') : text;
}

/** The text `words` splits: normalised, apostrophe tails removed, signs for words read as the words. */
export function cleanText(text: string): string {
  const normal = symbolWords(normalise(text));
  return ANY_APOSTROPHE.test(normal) ? normal.replace(APOSTROPHE_TAIL, '') : normal;
}

/** How an address spells æ, ø and å. */
const ASCII_DANISH: Readonly<Record<string, string>> = { æ: 'ae', ø: 'oe', å: 'aa' };

/** A web address's host: "virk.dk", "www.loenoverblik.dk", "statens-adm.dk". */
const HOST = /^[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.(?:dk|com|org|net|eu|gov|io|info|nu|se|no|de)$/u;

/**
 * The tokens of a host: the whole as a name (without "www."), and of its labels only the words of five letters or
 * more ("loenoverblik", "statens", "borger"). A short label ("virk", "oes", "www") and the domain are
 * not words: "virk" of Virk.dk meets the stem of "virker" (works), and "det virker ikke" found the
 * pages that mention Virk.dk.
 */
function hostTokens(written: string, position: number, tokens: RawToken[]): RawToken[] {
  // "www.loenoverblik.dk" and "loenoverblik.dk" are one name, and "lønoverblik.dk" is it as a user writes it: an
  // address is spelt without æ, ø and å (round 18).
  const host = written.replace(/^www\./, '');
  tokens.push({ text: host.replace(/[æøå]/gu, (letter) => ASCII_DANISH[letter] ?? letter), position, isPart: false, isJoined: true });
  for (const label of host.split('.').slice(0, -1)) {
    for (const part of label.split('-')) if (part.length >= 5) tokens.push({ text: part, position, isPart: true, isJoined: false });
  }
  return tokens;
}

/** The tokens of one written word (an element of `words(text)`) at a given position. */
export function tokenizeWord(whole: string, position = 0, tokens: RawToken[] = []): RawToken[] {
  if (HOST.test(whole)) return hostTokens(whole, position, tokens);
  if (JOINERS.test(whole)) {
    if (keep(whole)) tokens.push({ text: whole, position, isPart: false, isJoined: true });
    // Sub-names first ("hr-løn" in "sls/hr-løn"), then the single words.
    const segments = whole.split('/');
    if (segments.length > 1) {
      for (const segment of segments) {
        if (/[-.]/.test(segment) && keep(segment)) {
          tokens.push({ text: segment, position, isPart: true, isJoined: true });
        }
      }
    }
    for (const part of whole.split(/[-/.]/)) {
      if (keep(part)) tokens.push({ text: part, position, isPart: true, isJoined: false });
    }
  } else if (keep(whole)) {
    tokens.push({ text: whole, position, isPart: false, isJoined: false });
  }
  return tokens;
}

export function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  words(text).forEach((whole, position) => tokenizeWord(whole, position, tokens));
  return tokens;
}
