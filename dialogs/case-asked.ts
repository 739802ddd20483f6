/**
 * Answers to a case offered after an article ("Vil du oprette en sag om det i IndFak/SDI?"), in the user's words: the case
 * asked for in a few words ("opret", "ja opret", "ja tak, opret den", "yes please create a case", "lav sagen"), or the case's
 * details typed straight away ("fakturanr 12345 fra Dell", "det er faktura 4711, beløb 2.300 kr") — both go on to the case,
 * never to the knowledge base. Pure.
 */
import { ASKS, matchKey } from '../portal/index.js';

/** The verbs of making the case ("opret", "lav", "create", "open", "go ahead"). */
const CASE_VERB = /(?<![\p{L}\d])(?:opret\p{L}*|oprett\p{L}*|lav|lave|start|starte|send|sende|create|open|make|file|raise|log|submit|gør\s+det|go\s+ahead|do\s+it)(?![\p{L}\d])/iu;

/** Words that may stand with the verb in a short yes to the case ("ja tak, opret den", "yes please create a case for me"). */
const WITH_THE_VERB: ReadonlySet<string> = new Set(
  ['ja', 'jo', 'jep', 'yes', 'yep', 'yeah', 'ok', 'okay', 'tak', 'please', 'pls', 'gerne', 'venligst', 'bare', 'lige', 'så', 'then', 'just', 'en', 'et', 'sag', 'sagen', 'henvendelse', 'henvendelsen', 'den', 'det', 'it', 'one', 'a', 'the', 'case', 'ticket', 'mig', 'me', 'os', 'us', 'for', 'til', 'godt', 'do', 'go', 'ahead', 'gør', 'du', 'you', 'kan', 'can', 'vil', 'will', 'ny', 'new', 'af', 'of', 'om', 'about', 'that', 'this'].map(matchKey),
);

/** A short yes to the case offered, with a verb of making it ("opret", "ja opret", "ja tak, opret den", "yes please create a case"). */
export function asksForTheCase(text: string): boolean {
  const t = text.trim();
  if (t.includes('?') || !CASE_VERB.test(t)) return false;
  const rest = t.replace(new RegExp(CASE_VERB.source, 'giu'), ' ');
  const words = (rest.match(/[\p{L}\d]+/gu) ?? []).map(matchKey);
  return words.length <= 6 && words.every((w) => WITH_THE_VERB.has(w));
}

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/iu;

/**
 * Details of the case typed where the case is offered: a short statement (not a question) with a number or an e-mail in it
 * ("fakturanr 12345 fra Dell", "medarbejdernr 4711, udbetalt 28. februar") — what the case needs, not a new question.
 */
export function givesCaseDetails(text: string): boolean {
  const t = text.trim();
  if (t.includes('?') || ASKS.test(t)) return false;
  const words = t.match(/[\p{L}\d]+/gu) ?? [];
  return words.length >= 2 && words.length <= 15 && (/\d/u.test(t) || EMAIL.test(t)) && !/(?<![\p{L}\d])SA-\d/iu.test(t);
}
