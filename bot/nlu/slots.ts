/**
 * Area, system and form a text names, by name, alias or with a typo ("navison", "rejs ud",
 * "Indfak", "løn og hr", "fakturaen"). Pure: takes the catalogue; the recognizer fills
 * `Recognition.slots` with it for every text, questions included.
 *
 * - A system is named by its name, an alias or a part of a joined name ("IndFak/SDI" → "indfak",
 *   "sdi"), as one to three words written together or apart, or within a typo or two of a name of
 *   five letters or more.
 * - The area is the one the text names; else, for a named system, the area that lists it (with no
 *   system, Brugeradministration when the text names a user: "bruger", "brugeradgang", "user"). When
 *   several do, Brugeradministration only when the text is about users or access, and among the
 *   rest the one whose description names the system (Økonomi og Regnskab: "Fx Navision Stat …").
 * - The form only when the text names one of the chosen area's forms for that system (never the
 *   general form, which is the default anyway).
 */
import { editDistanceWithin } from '../../dialogs/matching.js';
import type { Slots } from '../../dialogs/ports.js';
import { type Area, type Catalogue, type FormDefinition, type System, formsFor, matchKey, matchWords } from '../../portal/index.js';

export interface SlotOptions {
  /** Words too common to name an area or form on their own ("andet", "other"). Default: none. */
  isStopword?: (word: string) => boolean;
}

const USER_ADMINISTRATION = 'brugeradministration';
/** Words that make a text about users and access (stems, matched as word starts). */
const ACCESS_WORDS = ['adgang', 'bruger', 'rettighed', 'rolle', 'login', 'access', 'user', 'permission', 'role', 'account'];

/**
 * Whether a word names a user account: "brugeren", "brugeradgang", "user", or "bruger" as a noun
 * ("en bruger", "som bruger") — not the verb ("hvordan bruger man …").
 */
function namesAUser(word: string, before: string | undefined): boolean {
  if (word.startsWith('user')) return true;
  if (word === 'bruger') return before !== undefined && /^(?:en|ny|nye|min|sin|din|vores|jeres|hans|hendes|deres|som|egen)$/.test(before);
  return word.startsWith('bruger');
}

/** How many typos a name of this many letters tolerates. */
function tolerance(length: number): number {
  if (length < 5) return 0;
  if (length < 10) return 1;
  return 2;
}

/** The one-to-three-word windows of a text, joined as match keys, with their word span. */
function windows(words: readonly string[]): { key: string; from: number; to: number }[] {
  const out: { key: string; from: number; to: number }[] = [];
  for (let from = 0; from < words.length; from++) {
    for (let n = 1; n <= 3 && from + n <= words.length; n++) out.push({ key: words.slice(from, from + n).join(''), from, to: from + n });
  }
  return out;
}

function systemKeys(system: System): string[] {
  const names = [system.id, system.name, ...system.aliases];
  const parts = system.name.includes('/') ? system.name.split('/') : [];
  return [...new Set([...names, ...parts].map(matchKey).filter((k) => k.length >= 2))];
}

interface Hit {
  /** 0 exact, else the edit distance. */
  distance: number;
  /** Letters of the name matched (longer names are surer). */
  length: number;
  from: number;
}

function better(a: Hit, b: Hit | undefined): boolean {
  return !b || a.distance < b.distance || (a.distance === b.distance && (a.length > b.length || (a.length === b.length && a.from < b.from)));
}

/** Best hit of any key in the text: exact, or within tolerance for keys of five letters or more. */
function find(keys: readonly string[], wins: ReturnType<typeof windows>, words: readonly string[], typos: boolean): Hit | undefined {
  let best: Hit | undefined;
  for (const key of keys) {
    for (const w of wins) {
      // A two-letter name ("hr", "ns", "bi") counts only as a word of its own.
      if (key.length < 3 && !(w.to - w.from === 1 && words[w.from] === key)) continue;
      if (w.key === key) {
        const hit = { distance: 0, length: key.length, from: w.from };
        if (better(hit, best)) best = hit;
        continue;
      }
      if (!typos) continue;
      const allowed = tolerance(Math.min(key.length, w.key.length));
      if (allowed === 0 || Math.abs(key.length - w.key.length) > allowed) continue;
      const d = editDistanceWithin(w.key, key, allowed);
      if (d <= allowed) {
        const hit = { distance: d, length: key.length, from: w.from };
        if (better(hit, best)) best = hit;
      }
    }
  }
  return best;
}

/** Endings of an inflected Danish noun ("lønnen", "regnskabet", "brugerens"), after a doubled last letter or not. */
const INFLECTION = /^(?:e|en|et|er|ere|erne|ens|ets|s|n|ne|ene|nes)$/;

/**
 * Whether a word is an area's one-word name inflected or as the first part of a compound: "lønnen",
 * "lønseddel", "lønkørslen" name Løn; "regnskabsåret" Regnskab; "adgangskoden" Adgang. The rest of
 * a compound is four letters or more (after a linking s or e), so "lønsom" is not one.
 */
function namesAreaWord(key: string, word: string): boolean {
  if (key.length < 3 || word.length <= key.length || !word.startsWith(key)) return false;
  let rest = word.slice(key.length);
  if (rest.startsWith(key.at(-1) ?? '') && INFLECTION.test(rest.slice(1))) return true;
  if (INFLECTION.test(rest)) return true;
  if (rest.length > 4 && (rest.startsWith('s') || rest.startsWith('e'))) rest = rest.slice(1);
  return rest.length >= 4;
}

/** An area's keys in a text: exactly (one to three words), or a one-word key inflected or compounded (see {@link namesAreaWord}). */
function findAreaName(keys: readonly string[], wins: ReturnType<typeof windows>, words: readonly string[]): Hit | undefined {
  const exact = find(keys, wins, words, false);
  if (exact) return exact;
  let best: Hit | undefined;
  for (const key of keys) {
    words.forEach((word, from) => {
      if (!namesAreaWord(key, word)) return;
      const hit = { distance: 1, length: key.length, from };
      if (better(hit, best)) best = hit;
    });
  }
  return best;
}

/** Keys of a name list, without words too common to name anything on their own. */
function meaningfulKeys(names: readonly string[], options: SlotOptions): string[] {
  return [...new Set(names.filter((n) => !(options.isStopword?.(n.toLowerCase()) ?? false)).map(matchKey).filter((k) => k.length >= 2))];
}

function areaKeys(area: Area, options: SlotOptions): string[] {
  return meaningfulKeys([area.id, area.name.da, area.name.en, ...area.aliases], options);
}

/** A form's match keys per stop-word test, made once per form (not for every text). */
const formKeyCache = new WeakMap<FormDefinition, Map<SlotOptions['isStopword'], string[]>>();

function formKeys(form: FormDefinition, options: SlotOptions): string[] {
  let byStopwords = formKeyCache.get(form);
  if (!byStopwords) {
    byStopwords = new Map();
    formKeyCache.set(form, byStopwords);
  }
  let keys = byStopwords.get(options.isStopword);
  if (!keys) {
    keys = meaningfulKeys([form.title.da, form.title.en, ...form.aliases], options);
    byStopwords.set(options.isStopword, keys);
  }
  return keys;
}

/** A form's names match also inflected ("fakturaen", "rejseafregningen"): the name plus up to three letters. */
function namesForm(form: FormDefinition, wins: ReturnType<typeof windows>, options: SlotOptions): boolean {
  const keys = formKeys(form, options);
  return keys.some((key) => wins.some((w) => w.key === key || (key.length >= 5 && w.key.startsWith(key) && w.key.length - key.length <= 3)));
}

interface CatalogueKeys {
  systems: readonly System[];
  areas: readonly Area[];
  systemKeys: readonly string[][];
  areaKeys: readonly string[][];
  topicKeys: readonly string[][];
  /** Per system, its keys that are not an area's subject word ("pension", "ferie"): a system named only by such a word is named less surely. */
  namingKeys: readonly string[][];
}

/**
 * The match keys of a catalogue's systems and areas, made once per catalogue and stop-word test
 * instead of for every text (they were most of a turn's slot extraction). Rebuilt when the
 * catalogue's lists are replaced.
 */
const keyCache = new WeakMap<Catalogue, Map<SlotOptions['isStopword'], CatalogueKeys>>();

function keysOf(catalogue: Catalogue, options: SlotOptions): CatalogueKeys {
  let byStopwords = keyCache.get(catalogue);
  if (!byStopwords) {
    byStopwords = new Map();
    keyCache.set(catalogue, byStopwords);
  }
  let keys = byStopwords.get(options.isStopword);
  if (!keys || keys.systems !== catalogue.systems || keys.areas !== catalogue.areas) {
    const names = catalogue.systems.map(systemKeys);
    const subjects = new Set(catalogue.areas.flatMap((area) => area.topics.map(matchKey)));
    keys = {
      systems: catalogue.systems,
      areas: catalogue.areas,
      systemKeys: names,
      areaKeys: catalogue.areas.map((area) => areaKeys(area, options)),
      topicKeys: catalogue.areas.map((area) => area.topics.map(matchKey).filter((k) => k.length >= 3)),
      namingKeys: names.map((keysOfSystem) => keysOfSystem.filter((key) => !subjects.has(key))),
    };
    byStopwords.set(options.isStopword, keys);
  }
  return keys;
}

/** Whether the slots name something of the portal: a system, a form, or an area by name (not only by a word of its subjects). */
export function namesThePortal(slots: Slots): boolean {
  return slots.systemId !== undefined || slots.formId !== undefined || (slots.areaId !== undefined && slots.areaByTopic !== true);
}

/** Endings of a Danish verb after its stem ("fratræd|e", "indberet|te", "bogfør|t", "afstem|mer"). */
const VERB_ENDING = /^(?:e|er|es|et|ede|t|te|tes|ter|ende)$/;

/**
 * Whether a word is the verb of a topic that is a noun made from it: "fratræde" of "fratrædelse",
 * "indberette" of "indberetning", "bogført" of "bogføring", "opsiger" of "opsigelse". The noun's
 * ending ("-else", "-ning", "-ing") gives the verb's stem; the word is that stem and a verb's ending
 * (after a doubled last letter or not). Stems shorter than four letters are not matched.
 */
function namesTopicVerb(key: string, word: string): boolean {
  const stem = key.endsWith('else') ? key.slice(0, -4) : key.endsWith('ning') ? key.slice(0, -4) : key.endsWith('ing') ? key.slice(0, -3) : undefined;
  if (stem === undefined || stem.length < 4 || !word.startsWith(stem)) return false;
  let rest = word.slice(stem.length);
  if (rest.startsWith(stem.at(-1) ?? '')) rest = rest.slice(1);
  return VERB_ENDING.test(rest);
}

/**
 * English nouns that are verbs as often ("report an error", "I need to report …"): a verb says how the user asks,
 * not what about — "report" is Business Intelligence's subject only as a noun ("the report fails", "payroll reports").
 */
const ENGLISH_NOUN_VERBS = new Set(['report']);
/** Before the verb: a subject, "to" or a modal ("I report", "need to report", "please report", "can you report"). */
const BEFORE_A_VERB = new Set(['i', 'we', 'to', 'please', 'pls', 'can', 'could', 'should', 'must', 'will', 'would', 'lets', 'let']);
/** After the verb: its object's article or possessive ("report an error", "report my …", "report it"). */
const AFTER_A_VERB = new Set(['a', 'an', 'the', 'this', 'that', 'it', 'my', 'our', 'some', 'missing', 'wrong', 'incorrect']);

/** The words that can name an area's subject: an English noun-verb used as a verb left out. */
function subjectWords(words: readonly string[]): string[] {
  return words.filter((word, i) => !(ENGLISH_NOUN_VERBS.has(word) && (i === 0 || BEFORE_A_VERB.has(words[i - 1] ?? '') || AFTER_A_VERB.has(words[i + 1] ?? ''))));
}

/**
 * The one area whose subjects a text speaks of ("overtiden", "momsen", "feriesaldo"), by its topic
 * words inflected or as a compound's first part; none when two areas' subjects are named.
 */
function areaOfTopic(areas: readonly Area[], topicKeys: readonly string[][], allWords: readonly string[]): Area | undefined {
  const words = subjectWords(allWords);
  const found = areas.filter((_, index) => (topicKeys[index] ?? []).some((key) => words.some((word) => word === key || namesAreaWord(key, word) || namesTopicVerb(key, word))));
  return found.length === 1 ? found[0] : undefined;
}

export function extractSlots(text: string, catalogue: Catalogue, options: SlotOptions = {}): Slots {
  const words = matchWords(text);
  if (words.length === 0) return {};
  const wins = windows(words);
  const keys = keysOf(catalogue, options);

  let system: System | undefined;
  let systemHit: Hit | undefined;
  let bySubject = false;
  for (const [index, s] of catalogue.systems.entries()) {
    const hit = find(keys.systemKeys[index] ?? [], wins, words, true);
    if (!hit) continue;
    // "an employee's pension contribution in SLS": a system named by a word that is also an area's subject
    // ("pension", the alias of the pension system) gives way to a system named otherwise.
    const subject = find(keys.namingKeys[index] ?? [], wins, words, true) === undefined;
    if ((bySubject && !subject) || (subject === bySubject && better(hit, systemHit)) || system === undefined) {
      system = s;
      systemHit = hit;
      bySubject = subject;
    }
  }

  const aboutAccess = words.some((w) => ACCESS_WORDS.some((a) => w.startsWith(a)));
  const named = catalogue.areas
    .map((area, index) => ({ area, hit: findAreaName(keys.areaKeys[index] ?? [], wins, words) }))
    .filter((x): x is { area: Area; hit: Hit } => x.hit !== undefined)
    // A name written as it is before one found inside a compound or with a typo ("under Øvrige … regnskabsteamet"), then the longer.
    .sort((a, b) => a.hit.distance - b.hit.distance || b.hit.length - a.hit.length);

  let area: Area | undefined;
  if (system) {
    const owners = catalogue.areas.filter((a) => a.systemIds.includes(system.id));
    const candidates = owners.filter((a) => a.id !== USER_ADMINISTRATION || aboutAccess);
    const systemName = matchKey(system.name);
    area =
      named.find((n) => candidates.includes(n.area))?.area ??
      (aboutAccess ? owners.find((a) => a.id === USER_ADMINISTRATION) : undefined) ??
      candidates.find((a) => matchKey(a.description.da).includes(systemName)) ??
      candidates.find((a) => a.id !== USER_ADMINISTRATION) ??
      owners[0];
  } else {
    // Nothing but a user named ("en ny kollega skal have en bruger", "nedlæg brugeradgang"): user administration.
    const aboutUsers = words.some((w, i) => namesAUser(w, words[i - 1]));
    area = named[0]?.area ?? (aboutUsers ? catalogue.areas.find((a) => a.id === USER_ADMINISTRATION) : undefined);
  }
  // Nothing named: the area whose subjects the text speaks of ("min overtid er ikke udbetalt").
  const topic = system === undefined && area === undefined ? areaOfTopic(catalogue.areas, keys.topicKeys, words) : undefined;

  const slots: Slots = {};
  if (topic) {
    slots.areaId = topic.id;
    slots.areaByTopic = true;
  }
  if (area) slots.areaId = area.id;
  if (system) slots.systemId = system.id;
  if (area) {
    const form = formsFor(area.id, system?.id ?? null, catalogue).find((f) => !f.general && namesForm(f, wins, options));
    if (form) slots.formId = form.id;
  }
  return slots;
}
