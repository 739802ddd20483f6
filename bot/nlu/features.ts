/**
 * What the intent classifier sees of a text: stemmed words (the knowledge base's own Danish
 * stemmer), character 3- and 4-grams over the whole text with word boundaries, and the text's length
 * in words (1, 2, 3, 4 or more: short texts are mostly small talk and commands, whatever their spelling). A dropped,
 * doubled or swapped letter breaks a word's stem but leaves most of its n-grams ("mine sgaer" still
 * shares "_min", "ine_", "er_" with "mine sager"). Pure and deterministic.
 */
import { Stemmers } from '../../knowledge/analysis/stemmers.js';
import { defaultLexicon } from '../../knowledge/analysis/lexicon.js';

let shared: Stemmers | undefined;
/** The knowledge base's stemmers and stop words (one instance per process). */
export function stemmers(): Stemmers {
  shared ??= new Stemmers(defaultLexicon());
  return shared;
}

function danish(word: string): string {
  return stemmers().stem(word, 'da');
}

/** Lower case, letters and digits only, one space between words. */
export function cleanWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** The distinct features of a text: `w:<stem>` per word and `c:<n-gram>` for 3- and 4-grams over `_word_word_`. */
export function features(text: string): string[] {
  const words = cleanWords(text);
  const out = new Set<string>();
  const stems = words.map((word) => (/^\p{N}+$/u.test(word) ? '#' : danish(word)));
  for (const stem of stems) out.add(`w:${stem}`);
  for (let i = 0; i + 1 < stems.length; i++) out.add(`b:${stems[i]}_${stems[i + 1]}`);
  const joined = `_${words.map((w) => (/^\p{N}+$/u.test(w) ? '#' : w)).join('_')}_`;
  // How long the text is: one or two words are mostly small talk and commands, however they are spelt.
  out.add(`n:${Math.min(words.length, 4)}`);
  for (const n of [3, 4]) {
    for (let i = 0; i + n <= joined.length; i++) out.add(`c:${joined.slice(i, i + n)}`);
  }
  return [...out];
}
