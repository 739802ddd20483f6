/**
 * The language a user writes in, from the user's own words only. A product name ("SLS/HR-Løn"),
 * an area's name, a case number, an e-mail address or a link says nothing about it: they are taken
 * out first, and so is every token with a digit in it (an identifier's letters are not words).
 * Then Danish and English function and conversation words are counted (Danish letters count for
 * Danish, except in a word written like a name); the larger count decides, and a tie or no evidence says nothing (the caller keeps the
 * language it had).
 */
import { catalogue as defaultCatalogue, type Catalogue } from '../portal/index.js';
import type { Language } from '../dialogs/ports.js';
import { hasDanishLetters } from '../knowledge/index.js';

// Words only one of the languages uses; "i", "at", "for", "under" exist in both and are left out
// ("to" is Danish for two, but far more often English).
const DANISH = new Set(
  (
    'og jeg du vi de er det den en et til på af med hvordan hvad hvor hvornår hvem hvorfor hvilken hvilket hvilke kan skal må ikke ' +
    'min mit mine vores jeres din dit dine har være blive bliver fra om som også eller når så der nu får finder mig dig os sig ' +
    'ja nej tak hej hejsa goddag hjælp annuller forfra gerne venligst tusind mange godt noget nogen hvis fordi men skulle kunne vil'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the an and or you we they is are was were be been to of in on with how what where when who why which can could should must not ' +
    'my our your their have has do does did from about also will would there here get find this that these it me us ' +
    'yes no thanks thank hello hi hey help cancel please sorry want need cannot can\'t don\'t doesn\'t isn\'t i\'m ' +
    'again restart quit abort forget never mind nevermind nvm scratch reset everything exit'
  ).split(' '),
);

const CASE_NUMBER = /\b[A-Z]{2,4}-\d{4}-\d{3,}\b/gi;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;
const URL = /\bhttps?:\/\/\S+/gi;
// A token with a digit in it (an invoice number, a reference, a UUID, a date) is an identifier: its
// letters ("be", "de" in a hexadecimal id) are not words.
const IDENTIFIER = /\S*\d\S*/gu;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Names of the portal's systems and areas, longest first, as one pattern. */
function namePattern(cat: Catalogue): RegExp {
  const names = [...cat.systems.map((s) => s.name), ...cat.areas.flatMap((a) => [a.name.da, a.name.en])]
    .filter((n) => n.trim() !== '')
    .sort((a, b) => b.length - a.length)
    .map(escape);
  return new RegExp(`(?<![\\p{L}\\d])(?:${names.join('|')})(?![\\p{L}\\d])`, 'giu');
}

const patterns = new WeakMap<Catalogue, RegExp>();

/** The text without product and area names, case numbers, e-mails and links. */
export function userWords(text: string, cat: Catalogue = defaultCatalogue): string {
  let pattern = patterns.get(cat);
  if (!pattern) {
    pattern = namePattern(cat);
    patterns.set(cat, pattern);
  }
  return text.replace(URL, ' ').replace(EMAIL, ' ').replace(CASE_NUMBER, ' ').replace(pattern, ' ');
}

/** English phrases made of words Danish has too. */
const ENGLISH_PHRASE = /(?<![\p{L}])(?:start(?:ing)?\s+over|give\s+up|get\s+me\s+out)(?![\p{L}])/u;

/** The language the user's own words show, or undefined when they show none. */
export function languageOfUserWords(text: string, cat: Catalogue = defaultCatalogue): Language | undefined {
  const words = userWords(text, cat).replace(IDENTIFIER, ' ');
  const own = words.toLowerCase();
  // A name's Danish letters ("HR-Løn", "Statens Indkøb", "ØDUP") are not the user's Danish (round 26, as the knowledge base reads them).
  let da = hasDanishLetters(words) ? 1.5 : 0;
  // Phrases whose words are Danish too ("start", "over", "op"): "start over", "give up".
  let en = ENGLISH_PHRASE.test(own) ? 1 : 0;
  for (const word of own.match(/[\p{L}']+/gu) ?? []) {
    const w = word.replace(/’/g, "'");
    if (DANISH.has(w)) da += 1;
    if (ENGLISH.has(w)) en += 1;
  }
  if (en > da) return 'en';
  if (da > en) return 'da';
  return undefined;
}
