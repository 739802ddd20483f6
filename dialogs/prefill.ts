/**
 * What the user's first message already says of the case it asks for: area, system and form
 * (the recogniser's slots, checked against the catalogue so they fit together), and the message
 * as the case's description only when it says more than the request itself. Pure.
 *
 * "kan du oprette en sag til mig om en faktura i IndFak" names a path and nothing else: no
 * description, the form asks for one. "opret en sag: lønnen til 3 medarbejdere blev ikke udbetalt
 * den 28." says what is wrong: that whole message is the description.
 */
import { areasOfSystem, catalogue as defaultCatalogue, formsFor, getArea, getForm, getSystem, matchWords, type Area, type Catalogue, type FormDefinition } from '../portal/index.js';
import { caseAreaOfText } from './areas.js';
import type { CasePrefill } from './form-engine.js';
import { editDistance } from './matching.js';
import type { Slots } from './ports.js';

/** A message needs this many content words (not request, name or function words) to be a description. */
export const MIN_CONTENT_WORDS = 3;

// Words in matchWords spelling (lower case, æ → ae, ø → oe, å → aa). Inflected forms of the
// longer ones are caught by {@link sameWord}, so "opretter" and "oprettet" need not be listed.

/** Asking for a case: the verbs and nouns of the request, and the generic "about a problem". */
const REQUEST_WORDS = [
  // Danish
  'opret', 'oprette', 'lav', 'lave', 'indberet', 'indberette', 'meld', 'melde', 'anmeld', 'anmelde', 'send', 'sende',
  'registrer', 'registrere', 'rapporter', 'rapportere', 'start', 'starte', 'aabn', 'aabne', 'skriv', 'skrive', 'hjaelp', 'hjaelpe',
  'sag', 'sagen', 'sager', 'henvendelse', 'henvendelsen', 'anmodning', 'forespoergsel', 'supportsag', 'support', 'ticket', 'tickets',
  'problem', 'problemer', 'problemet', 'fejl', 'fejlen', 'spoergsmaal', 'noget', 'ny', 'nyt', 'venligst', 'tak', 'gerne', 'lige',
  'vedr', 'vedroerende', 'angaaende', 'omkring', 'hej', 'hejsa', 'hallo', 'goddag', 'kunne', 'kan', 'vil', 'ville', 'skal', 'maa',
  'behov', 'brug', 'bruge', 'staten', 'statens', 'administration',
  // English
  'create', 'open', 'raise', 'file', 'submit', 'log', 'make', 'report', 'help', 'need', 'want', 'like', 'please', 'thanks',
  'case', 'cases', 'request', 'inquiry', 'enquiry', 'question', 'issue', 'error', 'something', 'new', 'regarding', 'concerning',
  'hi', 'hello', 'could', 'would', 'can', 'will',
];

/** Function words, Danish and English. */
const STOP_WORDS = [
  'og', 'i', 'jeg', 'det', 'at', 'en', 'den', 'til', 'er', 'som', 'paa', 'de', 'med', 'han', 'af', 'for', 'der', 'var', 'mig',
  'sig', 'men', 'et', 'har', 'om', 'vi', 'min', 'mit', 'mine', 'havde', 'ham', 'hun', 'nu', 'over', 'da', 'fra', 'du', 'ud', 'sin',
  'dem', 'os', 'op', 'man', 'hans', 'hvor', 'eller', 'hvad', 'selv', 'her', 'alle', 'blev', 'ind', 'naar', 'vaere', 'dog', 'jo',
  'deres', 'efter', 'ned', 'skulle', 'denne', 'end', 'dette', 'ogsaa', 'under', 'have', 'dig', 'hende', 'alt', 'sit', 'sine',
  'vor', 'mod', 'disse', 'hvis', 'din', 'dit', 'dine', 'nogle', 'hos', 'blive', 'ad', 'bliver', 'vaeret', 'saadan', 'jer', 'vores',
  'jeres', 'bare', 'lidt', 'godt', 'altsaa', 'nok', 'ja', 'nej', 'ok', 'okay', 'hvordan', 'hvorfor', 'hvilken', 'hvilket',
  'the', 'a', 'an', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'about', 'from', 'by', 'and', 'or', 'but', 'is', 'are', 'was',
  'were', 'be', 'been', 'am', 'do', 'does', 'did', 'have', 'has', 'had', 'me', 'my', 'we', 'our', 'you', 'your', 'it', 'its',
  'this', 'that', 'there', 'some', 'any', 'for', 'into', 'us', 'im', 'i', 'should', 'shall', 'just', 'so',
];

const FIXED_WORDS = new Set([...REQUEST_WORDS, ...STOP_WORDS]);

/** The names and aliases of every area, system and form: one-word names, and longer names as phrases. */
interface Names {
  words: Set<string>;
  phrases: string[][];
}

const namesCache = new WeakMap<Catalogue, Names>();
function catalogueNames(cat: Catalogue): Names {
  let names = namesCache.get(cat);
  if (!names) {
    const all = [
      ...cat.areas.flatMap((a) => [a.name.da, a.name.en, ...a.aliases]),
      ...cat.systems.flatMap((s) => [s.id, s.name, ...s.aliases]),
      ...cat.forms.flatMap((f) => [f.title.da, f.title.en, ...f.aliases]),
    ].map((n) => matchWords(n));
    names = {
      words: new Set(all.filter((w) => w.length === 1).flat()),
      // Longest first, so "Økonomi og Regnskab" goes before "Regnskab".
      phrases: all.filter((w) => w.length > 1).sort((x, y) => y.length - x.length),
    };
    namesCache.set(cat, names);
  }
  return names;
}

/**
 * Whether a typed word is a known word: the word itself, the word inflected (a suffix of at most
 * three letters on a word of four or more: "fakturaen", "lønnen", "opretter"), or the word with one
 * typo (both five letters or more: "oprete", "indfk").
 */
function sameWord(typed: string, known: string): boolean {
  if (typed === known) return true;
  if (known.length >= 4 && typed.length > known.length && typed.length - known.length <= 3 && typed.startsWith(known)) return true;
  return typed.length >= 5 && known.length >= 5 && Math.abs(typed.length - known.length) <= 1 && editDistance(typed, known) <= 1;
}

function isKnown(word: string, names: Names): boolean {
  if (FIXED_WORDS.has(word) || names.words.has(word)) return true;
  if (word.length < 4) return false;
  for (const known of FIXED_WORDS) if (sameWord(word, known)) return true;
  for (const known of names.words) if (sameWord(word, known)) return true;
  return false;
}

/** The words left when the catalogue's longer names ("Økonomi og Regnskab", "Faktura i IndFak") are taken out as phrases. */
function withoutPhrases(words: string[], names: Names): string[] {
  const left = [...words];
  for (const phrase of names.phrases) {
    for (let i = 0; i + phrase.length <= left.length; i++) {
      if (phrase.every((p, j) => sameWord(left[i + j] ?? '', p))) {
        left.splice(i, phrase.length);
        i--;
      }
    }
  }
  return left;
}

/** The words of a message that say something beyond the request, the catalogue's names and function words. */
export function contentWords(text: string, cat: Catalogue = defaultCatalogue): string[] {
  const names = catalogueNames(cat);
  return withoutPhrases(matchWords(text), names).filter((word) => !isKnown(word, names));
}

/** Whether the message says more than "create a case (about this area, system, form)". */
export function saysMoreThanRequest(text: string, cat: Catalogue = defaultCatalogue): boolean {
  return contentWords(text, cat).length >= MIN_CONTENT_WORDS;
}

function areaOfSystem(systemId: string, cat: Catalogue): Area | undefined {
  // Brugeradministration covers every system: a system alone does not say it.
  const areas = areasOfSystem(systemId, cat).filter((a) => a.id !== 'brugeradministration');
  return areas.length === 1 ? areas[0] : undefined;
}

/**
 * The path the slots name, made to fit the catalogue: the area from the form or the system when
 * not named; a system outside the area dropped; the system of a form made for one system; a form
 * kept only when it is offered for the area and system (or the system is still to be asked).
 */
export function pathFrom(slots: Slots, cat: Catalogue): Pick<CasePrefill, 'areaId' | 'systemId' | 'formId'> {
  const form: FormDefinition | undefined = slots.formId ? getForm(slots.formId, cat) : undefined;
  const systemGiven = slots.systemId ?? slots.systemImplied;
  const system = systemGiven ? getSystem(systemGiven, cat) : undefined;
  let area = slots.areaId ? getArea(slots.areaId, cat) : undefined;
  if (!area && form) area = getArea(form.areaId, cat);
  if (!area && system) area = areaOfSystem(system.id, cat);
  if (!area) return {};
  let systemId: string | undefined = system && area.systemIds.includes(system.id) ? system.id : undefined;
  const formFits = form !== undefined && form.areaId === area.id;
  if (systemId === undefined && formFits && form.systemIds.length === 1) systemId = form.systemIds[0];
  const offered = formFits && (systemId === undefined || formsFor(area.id, systemId, cat).some((f) => f.id === form.id));
  return { areaId: area.id, ...(systemId ? { systemId } : {}), ...(offered ? { formId: form.id } : {}) };
}

/**
 * What to start the case dialog with, from the message that asked for it and the recogniser's
 * slots (catalogue ids). With no slots at all, the area and system are looked for in the text
 * ({@link caseAreaOfText}). The description is the whole message, only when it says more than
 * the request ({@link saysMoreThanRequest}).
 */
export function casePrefillFrom(text: string, slots: Slots, cat: Catalogue = defaultCatalogue): CasePrefill {
  const named = slots.areaId !== undefined || slots.systemId !== undefined || slots.systemImplied !== undefined || slots.formId !== undefined;
  const path = pathFrom(named ? slots : caseAreaOfText(text, cat), cat);
  const description = text.trim();
  // The values the message tells (a problem, a number, a supplier) are read once the form is known — when it says anything
  // beyond the request at all ("RejsUd vil ikke lade mig oprette min rejseafregning" is too short for a description).
  const told = contentWords(description, cat).length > 0 ? { told: description } : {};
  return { ...path, ...told, ...(description !== '' && saysMoreThanRequest(description, cat) ? { description } : {}) };
}
