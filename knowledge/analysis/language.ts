import type { Language } from '../article.js';
import { tokenize } from './tokenizer.js';

// Function words that tell the two languages apart in short questions. Deliberately small and
// disjoint: "i", "at", "for", "under" and similar words exist in both languages ("frist for
// sygedagpengerefusion" is Danish).
const DANISH = new Set(
  'og jeg du vi de er det den en et til på af med hvordan hvad hvor hvornår hvem hvorfor hvilken hvilke kan skal må ikke min mit mine vores jeres har være blive bliver fra om som også eller når så der nu får finder'.split(' '),
);
const ENGLISH = new Set(
  'the an and or you we they is are was were be been to of in on with how what where when who why which can could should must not my our your their have has do does did from about also will would there here get find this that these it me us'.split(' '),
);

/** Tells, word by word, whether a content word is one only English writes, or one the articles' Danish writes. */
export interface ContentWords {
  english(word: string): boolean;
  danish(word: string): boolean;
}

/**
 * Guesses whether a text is Danish or English from function words and Danish letters. Without any
 * ("maternity fund refund rate", "lønseddel mangler"), `content` lets the content words decide (see
 * {@link contentLanguage}). Ties and texts without evidence count as Danish, the portal's first language.
 */
export function detectLanguage(text: string, content?: ContentWords): Language {
  let da = hasDanishLetters(text) ? 1.5 : 0;
  let en = 0;
  for (const token of tokenize(text)) {
    if (token.isPart) continue;
    if (DANISH.has(token.text)) da += 1;
    if (ENGLISH.has(token.text)) en += 1;
  }
  if (en !== da || !content) return en > da ? 'en' : 'da';
  return contentLanguage(text, content) ?? 'da';
}

/**
 * Whether a word written not as a name has æ, ø or å. A name keeps its Danish letters in an English
 * sentence ("difference between HR-Løn and SLS?", "phone number for Statens Indkøb", "what replaced
 * ØDUP"): written with a capital inside the sentence, in capitals or in mixed case, its letters say
 * nothing of the language the user writes in (round 26) — as the bot's reply language leaves the
 * systems' names out (bot/language.ts). A capitalised first word may be a name or the sentence's start:
 * its letters still count.
 */
export function hasDanishLetters(text: string): boolean {
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (!/[æøå]/iu.test(word)) continue;
    const before = text.slice(0, match.index).trimEnd();
    const sentenceStart = before.length === 0 || /[.!?:]$/u.test(before);
    const name = /\p{Ll}\p{Lu}/u.test(word) || (!sentenceStart && /^\p{Lu}/u.test(word)) || (word.length > 1 && word === word.toUpperCase());
    if (!name) return true;
  }
  return false;
}

/**
 * English, when two or more of a text's content words are ones only English writes (the glossary's
 * words that no article writes) and they outnumber the words only the articles' Danish writes:
 * English keywords ("standard control reports credit card usage"). Otherwise undefined: content
 * words alone do not make a text Danish (a product name or a Danish term is used in English too).
 */
export function contentLanguage(text: string, content: ContentWords): Language | undefined {
  let english = 0;
  let danish = 0;
  for (const token of tokenize(text)) {
    if (token.isPart || token.isJoined || !/^\p{L}{3,}$/u.test(token.text)) continue;
    const isEnglish = content.english(token.text);
    const isDanish = content.danish(token.text);
    if (isEnglish && !isDanish) english += 1;
    else if (isDanish && !isEnglish) danish += 1;
  }
  return english >= MIN_ENGLISH_CONTENT_WORDS && english > danish ? 'en' : undefined;
}

/** English content words it takes, without function words, to read a text as English. */
const MIN_ENGLISH_CONTENT_WORDS = 2;
