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
import { type Area, type Catalogue, type FormDefinition, type System, formAppliesTo, formsFor, matchKey, matchWords } from '../../portal/index.js';

export interface SlotOptions {
  /** Words too common to name an area or form on their own ("andet", "other"). Default: none. */
  isStopword?: (word: string) => boolean;
  /**
   * Whether a word as written (lower case) is a word of the language: such a word is no compound of a system's name
   * ("isolationen" holds "isola"). Default: none is.
   */
  isWord?: (word: string) => boolean;
}

const USER_ADMINISTRATION = 'brugeradministration';
/** Words that make a text about users and access (stems, matched as word starts). */
const ACCESS_WORDS = ['adgang', 'bruger', 'rettighed', 'rolle', 'login', 'access', 'user', 'permission', 'role', 'account'];

/** Subjects before a verb: "den bruger", "vi bruger", "systemet bruger" — "bruger" after them is the verb. */
const VERB_SUBJECTS: ReadonlySet<string> = new Set(['jeg', 'du', 'han', 'hun', 'den', 'det', 'vi', 'i', 'de', 'man', 'der', 'som', 'systemet', 'programmet']);

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

function systemKeys(system: System, common: ReadonlySet<string>): string[] {
  const names = [system.id, system.name, ...system.aliases];
  const parts = system.name.includes('/') ? system.name.split('/') : [];
  return [...new Set([...names, ...parts].map(matchKey).filter((k) => k.length >= 2).concat(describedKeys(system, common)))];
}

/** The names a system's description gives it (see {@link describedName}), without an area's words. */
function describedKeys(system: System, common: ReadonlySet<string>): string[] {
  return [system.description.da, system.description.en].map(describedName).filter((k): k is string => k !== undefined && !common.has(k));
}

/** Words before a description's name that say whose it is or that it is the one ("Statens læringsplatform", "The state payroll system"). */
const DESCRIPTION_OPENERS = new Set(['the', 'state', 'statens', 'common', 'faelles', 'selve']);
/** Where a description's name ends: a list, a purpose or a subject follows ("Rejseafregning og udlæg", "Reimbursement for sickness …"). */
const DESCRIPTION_NAME_ENDS = new Set(['og', 'and', 'for', 'ved', 'on', 'om', 'paa', 'of', 'via', 'itself']);
/** Letters a description's one-word name needs to be the system's name ("fakturahåndtering"), not an everyday word ("budgeting"). */
const DESCRIBED_WORD = 10;

/**
 * What a system's catalogue description calls it, as people who do not know the name write it: the description's first
 * noun phrase without its opener ("Statens læringsplatform." → "læringsplatform", "The payroll data warehouse
 * (statistics …)" → "payroll data warehouse", "Reimbursement for sickness …" → "reimbursement"). Two words or more, or one
 * long word; an area's name or subject word ("Rapportering på løn …") names no system.
 */
function describedName(description: string): string | undefined {
  const words = matchWords(description.split(/[(.,:;]/)[0] ?? '');
  let from = 0;
  while (from < words.length && DESCRIPTION_OPENERS.has(words[from] ?? '')) from++;
  let to = from;
  while (to < words.length && !DESCRIPTION_NAME_ENDS.has(words[to] ?? '')) to++;
  const name = words.slice(from, to);
  if (name.length === 0 || name.length > 3) return undefined;
  const key = name.join('');
  return name.length >= 2 || key.length >= DESCRIBED_WORD ? key : undefined;
}

interface Hit {
  /** 0 exact, else the edit distance. */
  distance: number;
  /** Letters of the name matched (longer names are surer). */
  length: number;
  from: number;
  /** The word after the hit's last. */
  to: number;
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
        const hit = { distance: 0, length: key.length, from: w.from, to: w.to };
        if (better(hit, best)) best = hit;
        continue;
      }
      if (!typos) continue;
      // A name with a typo, also inflected ("budgetsytemet"): the word is compared with and without a noun's ending.
      for (const typed of w.to - w.from === 1 ? withoutEnding(w.key) : [w.key]) {
        const allowed = tolerance(Math.min(key.length, typed.length));
        if (allowed === 0 || Math.abs(key.length - typed.length) > allowed) continue;
        const d = editDistanceWithin(typed, key, allowed);
        if (d <= allowed) {
          const hit = { distance: d, length: key.length, from: w.from, to: w.to };
          if (better(hit, best)) best = hit;
        }
      }
    }
  }
  return best;
}

/** Endings of an inflected Danish noun ("lønnen", "regnskabet", "brugerens"), after a doubled last letter or not. */
const INFLECTION = /^(?:e|en|et|er|ere|erne|ens|ets|s|n|ne|ene|nes)$/;
/** The same endings, longest first, to take off a word's end. */
const ENDINGS = ['erne', 'ere', 'ene', 'ens', 'ets', 'nes', 'en', 'et', 'er', 'ne', 'e', 's', 'n'];

/** A word as typed and without each noun ending it may have ("budgetsytemet" → "budgetsytem"), keeping five letters or more. */
function withoutEnding(word: string): string[] {
  return [word, ...ENDINGS.filter((e) => word.endsWith(e) && word.length - e.length >= 5).map((e) => word.slice(0, -e.length))];
}

/** Generic words for a system ("portalen", "systemet"): a compound ending in one is another thing ("kundeportalen"), not the system. */
const GENERIC_SYSTEM_WORD = /^(?:portal|system|platform|program|modul|app)/;
/** Letters a system's name needs to be found inside a compound word, and the other part at least. */
const COMPOUND_NAME = 5;

/**
 * Whether a word is a compound with a system's name as one of its parts: the first ("rejsudafregningen",
 * "refusionsansøgningen", "campuskurset", after a linking s or e) or, the compound being a kind of it, the last
 * ("barselsrefusionen", "fleksjobrefusionen"), inflected. The name has five letters or more, and so has the other
 * part ("isolation" is not ISOLA's); a generic word for a system ("portalen") is no last part.
 */
function namesSystemInCompound(key: string, word: string): boolean {
  if (key.length < COMPOUND_NAME || word.length < key.length + COMPOUND_NAME) return false;
  if (word.startsWith(key)) {
    let rest = word.slice(key.length);
    if (/^[se]/.test(rest) && rest.length > COMPOUND_NAME) rest = rest.slice(1);
    if (rest.length >= COMPOUND_NAME) return true;
  }
  return endsCompound(key, word);
}

/** Letters of a compound's first part before a name that is its last ("leverandør|fakturaen", "syge|fraværet"). */
const COMPOUND_HEAD_BEFORE = 4;

/**
 * Whether a word is a compound whose last part — what the compound is a kind of — is a name of five letters or more,
 * inflected: "barselsrefusionen" is a refusion, "leverandørfakturaen" an invoice. A generic word for a system
 * ("kundeportalen") is no name of one.
 */
function endsCompound(key: string, word: string): boolean {
  if (key.length < COMPOUND_NAME || GENERIC_SYSTEM_WORD.test(key)) return false;
  const at = word.indexOf(key, COMPOUND_HEAD_BEFORE);
  if (at < 0) return false;
  const ending = word.slice(at + key.length);
  return ending === '' || INFLECTION.test(ending) || (ending.startsWith(key.at(-1) ?? '') && INFLECTION.test(ending.slice(1)));
}

/**
 * A system's name found inside a compound word (see {@link namesSystemInCompound}), as a hit less sure than a name
 * written apart; not inside a word the language has ("isolationen").
 */
function findInCompound(keys: readonly string[], words: readonly string[], known: (word: string) => boolean = () => false): Hit | undefined {
  let best: Hit | undefined;
  for (const key of keys) {
    words.forEach((word, from) => {
      if (!namesSystemInCompound(key, word) || known(word)) return;
      const hit = { distance: 1, length: key.length, from, to: from + 1 };
      if (better(hit, best)) best = hit;
    });
  }
  return best;
}

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
  // A key ending in -e takes the ending without its e: "arbejde" → "arbejdet", "ansættelse" → "ansættelser".
  if (key.endsWith('e') && INFLECTION.test(`e${rest}`)) return true;
  if (rest.length > 4 && (rest.startsWith('s') || rest.startsWith('e'))) rest = rest.slice(1);
  return rest.length >= 4;
}

/** Letters of an area's name long enough to be recognised with a typo (short ones, "andre", "løn", would name other words). */
const LONG_AREA_NAME = 10;

/** An area's keys in a text: exactly (one to three words), or a one-word key inflected or compounded (see {@link namesAreaWord}), or a long one with a typo. */
function findAreaName(keys: readonly string[], wins: ReturnType<typeof windows>, words: readonly string[]): Hit | undefined {
  const exact = find(keys, wins, words, false);
  if (exact) return exact;
  let best: Hit | undefined;
  for (const key of keys) {
    words.forEach((word, from) => {
      if (!namesAreaWord(key, word)) return;
      const hit = { distance: 1, length: key.length, from, to: from + 1 };
      if (better(hit, best)) best = hit;
    });
  }
  // A long name (ten letters or more, most often several words) is still named with a typo: "business inteligence".
  // Both sides long, and no short word joined in: "John's account in" is not "accounting" with two letters changed.
  const long = (key: { length: number }): boolean => key.length >= LONG_AREA_NAME;
  const fullWords = (w: { from: number; to: number }): boolean => words.slice(w.from, w.to).every((word) => word.length >= 3);
  return best ?? find(keys.filter(long), wins.filter((w) => long(w.key) && fullWords(w)), words, true);
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

/**
 * A name inflected: the name and up to three letters ("fakturaen"), or a name in -el/-er/-en without its last
 * e before an ending ("lønkørsel" → "lønkørslen", "lønkørsler").
 */
function inflected(key: string, typed: string): boolean {
  if (typed.startsWith(key) && typed.length - key.length <= 3) return true;
  const shortened = /e[lrn]$/.test(key) ? key.slice(0, -2) + key.slice(-1) : undefined;
  return shortened !== undefined && typed.startsWith(shortened) && /^(?:en|er|erne|ens|ene|e)$/.test(typed.slice(shortened.length));
}

/**
 * How surely a text names a form: the letters of its longest name found, also inflected ("fakturaen",
 * "rejseafregningen": the name plus up to three letters); 0 when none is. "Nedlæg adgang" names the removal
 * form more surely than "adgang" names the form for new access.
 */
function formNaming(form: FormDefinition, wins: ReturnType<typeof windows>, options: SlotOptions, except: readonly string[]): number {
  let best = 0;
  for (const key of formKeys(form, options)) {
    if (key.length > best && !except.includes(key) && wins.some((w) => w.key === key || (key.length >= 5 && (inflected(key, w.key) || (w.to - w.from === 1 && endsCompound(key, w.key)))))) best = key.length;
  }
  return best;
}

/** The form a text names most surely among some (the first of equals), by names other than `except`; or undefined. */
function namedForm(forms: readonly FormDefinition[], wins: ReturnType<typeof windows>, options: SlotOptions, except: readonly string[] = []): FormDefinition | undefined {
  let found: FormDefinition | undefined;
  let best = 0;
  for (const form of forms) {
    const naming = formNaming(form, wins, options, except);
    if (naming > best) {
      found = form;
      best = naming;
    }
  }
  return found;
}

// Removing a user's access, said with a verb or a noun of removing (Danish in matchWords spelling: æ → ae,
// ø → oe, å → aa). A verb's stem with its endings ("fjern|e|er|es|et|ede|else"), alone or as the last part of a
// compound ("brugernedlæggelse", "adgangsspærring"); "fjernadgang" (remote access) is not one.

/** Danish verbs of removing and closing, by stem: nedlægge, fjerne, lukke, spærre, slette, inddrage, deaktivere, tilbagekalde, ophæve, afmelde, annullere (round 29). */
const REMOVAL_STEMS = ['nedlaeg', 'nedlag', 'fjern', 'luk', 'spaer', 'slet', 'inddrag', 'inddrog', 'deaktiver', 'tilbagekald', 'ophaev', 'afmeld', 'annuller'];
/** A Danish verb's or verbal noun's ending after its stem (after a doubled last letter or not): "lukk|et", "nedlægg|else", "spærr|ing", "nedlag|t". */
const REMOVAL_ENDING = /^(?:|e|er|es|et|ede|edes|t|te|tes|de|else|elsen|elser|ing|ingen|ning|ningen)$/;
/** The first part of a compound whose last part is the removal ("bruger|nedlæggelse", "adgangs|fjernelse", "konto|lukning"), with or without a linking s. */
const REMOVAL_COMPOUND_HEAD = /^(?:bruger|adgang|konto|login|rettighed|profil)(?=[a-z])/;
/** English verbs and nouns of removing ("removed", "revoking", "deactivation", "offboarding", "cancel" — round 29). */
const ENGLISH_REMOVAL = /^(?:remov(?:e|es|ed|ing|al)|cancel(?:s|led|ed|ling|ing|lation)?|revok(?:e|es|ed|ing)|revocation|disabl(?:e|es|ed|ing)|deactivat(?:e|es|ed|ing|ion)|clos(?:e|es|ed|ing|ure)|delet(?:e|es|ed|ing|ion)|terminat(?:e|es|ed|ing|ion)|offboard(?:s|ed|ing)?|deprovision(?:s|ed|ing)?|withdraw(?:s|n|ing|al)?|suspend(?:s|ed|ing)?)$/;
/** Someone who has left: "fratrådt", "fratræder", "stoppet", "opsagt", "left" (the organisation), "leaver". */
const HAS_LEFT = /^(?:fratraad\p{L}*|fratraed\p{L}*|opsagt|afskediget|fyret|udtraadt|udtraeder|leaver|leavers|offboarded|resigned)$/u;
/** Stopping, said of a person ("medarbejderen er stoppet", "en kollega der stopper", "han stoppede"), not of a system that stops. */
const STOPPED = /^(?:stoppet|stopper|stoppede)$/;
const A_PERSON_BEFORE = /^(?:er|der|som|han|hun|vedkommende|medarbejder\p{L}*|kollega\p{L}*|ansat\p{L}*)$/u;
/** Before a past participle, a state told, not a request: "min adgang er (blevet) fjernet", "my access was removed". */
const STATE_BEFORE = new Set(['er', 'var', 'blev', 'blevet', 'bliver', 'har', 'havde', 'is', 'was', 'were', 'been', 'got', 'has', 'had']);
/** Words that may stand between that verb and the participle ("er desværre blevet lukket", "was just removed"). */
const BETWEEN = new Set(['blevet', 'nu', 'lige', 'desvaerre', 'pludselig', 'igen', 'ogsaa', 'been', 'just', 'suddenly', 'now', 'also', 'already', 'allerede']);

function removalWord(word: string): boolean {
  if (ENGLISH_REMOVAL.test(word)) return true;
  const tail = word.replace(REMOVAL_COMPOUND_HEAD, '');
  const candidates = tail === word ? [word] : [word, tail, ...(tail.startsWith('s') ? [tail.slice(1)] : [])];
  for (const candidate of candidates) {
    for (const stem of REMOVAL_STEMS) {
      if (!candidate.startsWith(stem)) continue;
      let rest = candidate.slice(stem.length);
      if (rest.startsWith(stem.at(-1) ?? '') && rest.length > 1) rest = rest.slice(1);
      if (REMOVAL_ENDING.test(rest)) return true;
    }
  }
  return false;
}

/** A participle ("fjernet", "lukket", "removed") after "er", "blev", "har", "was": what happened, not what is asked. */
function toldAsState(words: readonly string[], at: number): boolean {
  const word = words[at] ?? '';
  if (!/(?:et|t|ed)$/.test(word)) return false;
  for (let i = at - 1; i >= 0 && i >= at - 3; i--) {
    const before = words[i] ?? '';
    if (STATE_BEFORE.has(before)) return true;
    if (!BETWEEN.has(before)) return false;
  }
  return false;
}

/**
 * Whether a text asks for a user's access to be removed: a verb or noun of removing that is not a state told
 * ("jeg skal have fjernet …", "nedlæg adgang …", "brugernedlæggelse", "revoke …"; not "min adgang er blevet
 * fjernet"), or someone who has left ("en kollega der er fratrådt", "has left the organisation"). "Slet ikke" is
 * "not at all".
 */
export function asksForRemoval(text: string): boolean {
  const words = matchWords(text);
  return words.some((word, i) => {
    if (HAS_LEFT.test(word)) return true;
    if (STOPPED.test(word) && A_PERSON_BEFORE.test(words[i - 1] ?? '')) return true;
    if (word === 'left' && (/^(?:the|our|us|their|his|her|organi[sz]ation|company|institution|job)$/.test(words[i + 1] ?? '') || /^(?:has|have|had|who|he|she|they|that|recently|just|already)$/.test(words[i - 1] ?? ''))) return true;
    if (word === 'slet' && /^(?:ikke|intet|ingen)$/.test(words[i + 1] ?? '')) return false;
    return removalWord(word) && !toldAsState(words, i);
  });
}

/** Removal verbs in the imperative, Danish and English (matchWords spelling): how an order to remove opens. */
const REMOVAL_IMPERATIVES = new Set(['nedlaeg', 'fjern', 'luk', 'spaer', 'slet', 'inddrag', 'deaktiver', 'tilbagekald', 'ophaev', 'afmeld', 'annuller', 'cancel', 'remove', 'revoke', 'disable', 'deactivate', 'close', 'delete', 'terminate', 'offboard', 'deprovision', 'withdraw', 'suspend']);
/** Greetings and politeness before an order ("hej, nedlæg …", "please revoke …"). */
const BEFORE_AN_ORDER = new Set(['hej', 'hejsa', 'hi', 'hello', 'hey', 'venligst', 'please', 'pls', 'kindly', 'lige', 'ok', 'okay']);

/** Whether a text opens with an order to remove ("nedlæg Karens bruger i IndFak", "please deactivate John's account"). */
export function ordersRemoval(text: string): boolean {
  const words = matchWords(text);
  const first = words.find((w) => !BEFORE_AN_ORDER.has(w));
  return first !== undefined && REMOVAL_IMPERATIVES.has(first);
}

/** The user-administration form for removing access, which a text asking for a removal never trades for the one granting it. */
export const REMOVAL_FORM = 'brugeradministration.nedlaeg-adgang';

interface CatalogueKeys {
  systems: readonly System[];
  areas: readonly Area[];
  systemKeys: readonly string[][];
  areaKeys: readonly string[][];
  topicKeys: readonly string[][];
  /** Per system, the match keys of the things it handles ("koerselsgodtgoerelse", "expensereport"; see {@link systemOfThing}). */
  thingKeys: readonly string[][];
  /** Per system, its keys that are not an area's subject word ("pension", "ferie"): a system named only by such a word is named less surely. */
  namingKeys: readonly string[][];
  /** Per system, what its names say it is the system of ("lønsystem" → "loen"; see {@link subjectOfName}). */
  nameSubjects: readonly string[][];
}

/** A name made of what a system handles and a generic word for a system ("lønsystem", "budgetsystem", "integrationsplatform"). */
const SUBJECT_AND_SYSTEM_WORD = /^([a-z]{3,}?)s?(?:system|systemet|platform|platformen|program|programmet)$/;

/** What a system's name says it is the system of: "lønsystem" → "loen" (matchKey spelling); none for another name. */
function subjectOfName(name: string): string | undefined {
  return SUBJECT_AND_SYSTEM_WORD.exec(matchKey(name))?.[1];
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
    const subjects = new Set(catalogue.areas.flatMap((area) => area.topics.map(matchKey)));
    const areaWords = new Set([...subjects, ...catalogue.areas.flatMap((area) => [area.id, area.name.da, area.name.en, ...area.aliases].map(matchKey))]);
    const names = catalogue.systems.map((system) => systemKeys(system, areaWords));
    keys = {
      systems: catalogue.systems,
      areas: catalogue.areas,
      systemKeys: names,
      areaKeys: catalogue.areas.map((area) => areaKeys(area, options)),
      topicKeys: catalogue.areas.map((area) => area.topics.map(matchKey).filter((k) => k.length >= 3)),
      thingKeys: catalogue.systems.map((system) => [...new Set(system.things.map(matchKey).filter((k) => k.length >= 4))]),
      // A description's name ("reimbursement", "tjenestemandspension") names its system less surely than a name of the catalogue's.
      namingKeys: names.map((keysOfSystem, index) => {
        const system = catalogue.systems[index] as System;
        const own = new Set([system.id, system.name, ...system.aliases, ...system.name.split('/')].map(matchKey));
        const described = new Set(describedKeys(system, areaWords).filter((k) => !own.has(k)));
        return keysOfSystem.filter((key) => !subjects.has(key) && !described.has(key));
      }),
      nameSubjects: catalogue.systems.map((system) => [...new Set([system.name, ...system.aliases].map(subjectOfName).filter((k): k is string => k !== undefined))]),
    };
    byStopwords.set(options.isStopword, keys);
  }
  return keys;
}

/** Whether the slots name something of the portal: a system, a form, or an area by name (not only by a word of its subjects). */
export function namesThePortal(slots: Slots): boolean {
  return slots.systemId !== undefined || slots.formId !== undefined || (slots.areaId !== undefined && slots.areaByTopic !== true);
}

/** Words for a person (matchWords spelling, as word starts): "kollegaen", "medarbejderen", "ham", "colleague", "user". */
const PERSON = /^(?:kollega|medarbejder|bruger|ansat|vikar|elev|praktikant|konsulent|leder|chef|ham|hende|dem|him|her|them|colleague|employee|user|person|staff|member|manager|consultant|intern)/;

/**
 * Whether a person stands in the few words before a word ("fjern Karen fra …", "remove the colleague from …"): a
 * word for a person, or a name written with a capital (not the sentence's first word) — "slet fakturaen fra IndFak" has neither.
 */
function personBefore(text: string, words: readonly string[], at: number): boolean {
  // The same words as matchWords, with their case kept (every letter it spells otherwise is a letter here too).
  const cased = text.replace(/[æøåéüöä]/giu, 'x').split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  for (let i = Math.max(0, at - 8); i < at; i++) {
    if (PERSON.test(words[i] ?? '') || (i > 0 && /^[A-Z][a-z]/.test(cased[i] ?? ''))) return true;
  }
  return false;
}

/**
 * Whether a person is the one to be removed: a verb of removing asked in the passive with a person before it ("min kollega
 * skal fjernes som administrator"), or with a person as its object ("fjern min kollega", "remove our colleague") — not
 * a thing a person removes ("min kollega vil have slettet en faktura").
 */
function personRemoved(words: readonly string[]): boolean {
  return words.some((word, i) => {
    if (!removalWord(word) || toldAsState(words, i)) return false;
    if (/(?:es|s)$/.test(word) && words.slice(Math.max(0, i - 4), i).some((w) => PERSON.test(w))) return true;
    const object = words.slice(i + 1, i + 4).find((w) => !POSSESSIVE.has(w));
    return object !== undefined && PERSON.test(object);
  });
}

/** Articles and possessives before a noun ("min kollega", "the user", "vores medarbejder"). */
const POSSESSIVE: ReadonlySet<string> = new Set(['min', 'mit', 'mine', 'din', 'vores', 'jeres', 'hans', 'hendes', 'deres', 'sin', 'en', 'et', 'den', 'det', 'de', 'my', 'our', 'your', 'the', 'a', 'an', 'this', 'that']);

/** Removing said of users only: offboarding, deprovisioning. */
const USERS_ONLY_REMOVAL = /^(?:offboard|deprovision)/;

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
  const found = areas.filter((_, index) => (topicKeys[index] ?? []).some((key) => words.some((word) => word === key || namesAreaWord(key, word) || namesTopicVerb(key, word) || endsCompound(key, word))));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * With no system named, a form of the area made for one system ("fejl i lønkørsel" is SLS's) or for none: it says the
 * system. Not by a word of the area's own name ("Økonomi og Regnskab" names no form "Regnskab").
 */
function oneSystemFormNamed(area: Area, catalogue: Catalogue, keys: CatalogueKeys, wins: ReturnType<typeof windows>, options: SlotOptions): FormDefinition | undefined {
  const index = catalogue.areas.indexOf(area);
  const forms = catalogue.forms.filter((f) => f.areaId === area.id && !f.general && f.systemIds.length <= 1);
  return namedForm(forms, wins, options, keys.areaKeys[index] ?? []) ?? formOfProblem(catalogue, forms.filter((f) => f.systemIds.length === 1), wins, () => true);
}

/** A form's choice options as match keys ("dobbelt", "paid twice", "sick leave"), "Andet" left out. */
function choiceKeys(form: FormDefinition): string[] {
  return form.fields.flatMap((field) =>
    field.type === 'choice' || field.type === 'multiChoice'
      ? field.choices.filter((c) => c.id !== 'andet').flatMap((c) => [c.label.da, c.label.en, ...(c.aliases ?? [])])
      : [],
  );
}

/**
 * The form whose problem a text tells, by a choice of one of its fields ("jeg har fået dobbelt løn": «Dobbelt udbetaling»
 * of «Fejl i lønkørsel»; "refund for sick leave": «Sygdom» of «Refusion»), among some forms: a choice only one of them
 * has, and that `usable` allows. The text names no form otherwise.
 */
function formOfProblem(catalogue: Catalogue, forms: readonly FormDefinition[], wins: ReturnType<typeof windows>, usable: (name: string) => boolean): FormDefinition | undefined {
  const owners = problemOwners(catalogue);
  let found: FormDefinition | undefined;
  let best = 0;
  for (const form of forms) {
    for (const name of choiceKeys(form)) {
      const key = matchKey(name);
      if (key.length < 3 || key.length <= best || owners.get(wordFamily(name)) !== form || !usable(name)) continue;
      if (wins.some((w) => w.key === key || (key.length >= 5 && inflected(key, w.key)))) {
        found = form;
        best = key.length;
      }
    }
  }
  return found;
}

/**
 * Per choice key, the one form of the catalogue that has it; a key that two forms have among their choices or names
 * ("barsel" of «Refusion» and of «Indberetning til lønbehandling», "indberetning" of «Tjenestemandspension» and the name of
 * another form) is left out: it tells no form's problem.
 */
function problemOwners(catalogue: Catalogue): ReadonlyMap<string, FormDefinition> {
  const cached = ownerCache.get(catalogue);
  if (cached && cached.forms === catalogue.forms) return cached.owners;
  const seen = new Map<string, Set<FormDefinition>>();
  for (const form of catalogue.forms) {
    for (const name of [...choiceKeys(form), form.title.da, form.title.en, ...form.aliases]) {
      const key = wordFamily(name);
      seen.set(key, (seen.get(key) ?? new Set()).add(form));
    }
  }
  const owners = new Map<string, FormDefinition>();
  for (const [key, set] of seen) if (set.size === 1) owners.set(key, [...set][0] as FormDefinition);
  ownerCache.set(catalogue, { forms: catalogue.forms, owners });
  return owners;
}

/** Letters that make one word's family: "indberette", "indberettet" and "indberetning" are one ("indbere"). */
const FAMILY = 7;

/** A name's key, a single long word by its first letters (its family: the verb, its noun and their endings). */
function wordFamily(name: string): string {
  const key = matchKey(name);
  return matchWords(name).length === 1 && key.length >= FAMILY ? key.slice(0, FAMILY) : key;
}

const ownerCache = new WeakMap<Catalogue, { forms: Catalogue['forms']; owners: ReadonlyMap<string, FormDefinition> }>();

/** Letters a form's name has at least to name the form with nothing else named: a compound of its own, not "indberetning". */
const NAMES_A_FORM_ALONE = 13;

/**
 * The form of one system a text names by a long name of its own (not an area's name or subject word), with no area
 * or system named: "opret sag om tjenestemandspension", "periodeafslutningen driller".
 */
function formNamedAlone(catalogue: Catalogue, keys: CatalogueKeys, wins: ReturnType<typeof windows>, options: SlotOptions): FormDefinition | undefined {
  const common = [...keys.areaKeys.flat(), ...keys.topicKeys.flat()];
  const forms = catalogue.forms.filter((f) => !f.general && f.systemIds.length === 1);
  const found = forms.filter((f) => formKeys(f, options).some((key) => key.length >= NAMES_A_FORM_ALONE && !common.includes(key) && wins.some((w) => w.key === key || inflected(key, w.key))));
  if (found.length === 1) return found[0];
  // A problem told in two words or more of its own, none a common word ("paid twice", "sick leave"; not "ikke modtaget").
  const ownWords = (name: string): boolean => {
    const named = matchWords(name);
    return named.length >= 2 && named.every((w) => !(options.isStopword?.(w) ?? false) && !STOPWORD_FALLBACK.has(w));
  };
  return found.length === 0 ? formOfProblem(catalogue, forms, wins, ownWords) : undefined;
}

/** Words of negation and degree that are common words whether or not a stop-word test is given ("ikke", "not", "for"). */
const STOPWORD_FALLBACK: ReadonlySet<string> = new Set(['ikke', 'not', 'no', 'ingen', 'for', 'too', 'to', 'i', 'in', 'af', 'of', 'har', 'has', 'been', 'er', 'is', 'kan', 'can', 'cannot', 'noget', 'something']);

/** Prepositions before the system data is moved to or from ("videre til Navision", "fra SLS", "from RejsUd into Navision"). */
const TRANSFER_END: ReadonlySet<string> = new Set(['til', 'fra', 'to', 'from', 'into']);

/** Words that join names in a list ("adgang til Navision og RejsUd"): a system after one shares the other's preposition. */
const LIST_JOINER: ReadonlySet<string> = new Set(['og', 'and', 'eller', 'or', 'samt']);

/**
 * The one system of an area whose name says it is the system of the word the area was named by: "løn" (also "lønnen",
 * "lønsedlen") names Statens Løn og HR, and "lønsystem" is SLS's name, so "min løn er ikke gået ind" is about SLS. An area
 * named by its whole name ("løn og hr") or by a word no system's name is made of ("rapporter") gives no system.
 */
/** The word before what a case is about: "en sag om løn", "a ticket about payroll", "vedr. regnskab". */
const CASE_ABOUT = /^(?:om|vedr|vedrørende|angående|ang|about|regarding|concerning|re)$/u;

function systemOfAreaWord(area: Area, word: string, catalogue: Catalogue, keys: CatalogueKeys): System | undefined {
  const found = catalogue.systems.filter((system, index) => area.systemIds.includes(system.id) && (keys.nameSubjects[index] ?? []).some((subject) => word === subject || namesAreaWord(subject, word)));
  return found.length === 1 ? found[0] : undefined;
}

/** Letters a thing's name needs to be recognised with a typo ("kørselsgodtgørlesen"; "paysilp" is too short to tell). */
const THING_WITH_TYPO = 8;
/** Letters a typo leaves as they are at a thing's start: "medarbejder" is no "merarbejde" with two letters changed. */
const THING_TYPO_START = 4;

/**
 * The one system whose things a text speaks of, when it names none ("min kørselsgodtgørelse er ikke udbetalt" → RejsUd,
 * "kursusbeviset er ikke kommet" → Campus, "my expense report was rejected" → RejsUd): a thing's name written as it is
 * (one to three words), a one-word name inflected or as a compound's first or last part ("udlægget", "kursusbeviset",
 * "barselsrefusionen"), or a long one with a typo after its first letters in a word that is no word of the language
 * (`known`). The surest hit decides (written as it is before inside a word, then the
 * longer name); two systems' things as sure as each other give none. A thing data goes to or comes from ("til
 * lønindberetning") gives way to one that does not.
 */
function systemOfThing(catalogue: Catalogue, keys: CatalogueKeys, wins: ReturnType<typeof windows>, words: readonly string[], known: (word: string) => boolean): System | undefined {
  const found: { system: System; hit: Hit }[] = [];
  for (const [index, system] of catalogue.systems.entries()) {
    const things = keys.thingKeys[index] ?? [];
    if (things.length === 0) continue;
    let hit = find(things, wins, words, false);
    for (const key of things) {
      words.forEach((word, from) => {
        if (!namesAreaWord(key, word) && !endsCompound(key, word)) return;
        const inside = { distance: 1, length: key.length, from, to: from + 1 };
        if (better(inside, hit)) hit = inside;
      });
    }
    const typed =
      hit ??
      things
        .filter((k) => k.length >= THING_WITH_TYPO)
        .map((key) => find([key], wins.filter((w) => w.to - w.from === 1 && w.key.startsWith(key.slice(0, THING_TYPO_START)) && !known(words[w.from] ?? '')), words, true))
        .reduce<Hit | undefined>((b, h) => (h !== undefined && better(h, b) ? h : b), undefined);
    if (typed) found.push({ system, hit: typed });
  }
  // Data sent to or fetched from a thing ("webservicen til lønindberetning svarer med fejl"): the other thing is the one that fails.
  const atAnEnd = (f: { hit: Hit }): boolean => TRANSFER_END.has(words[f.hit.from - 1] ?? '');
  const candidates = found.some((f) => !atAnEnd(f)) ? found.filter((f) => !atAnEnd(f)) : found;
  let best: { system: System; hit: Hit } | undefined;
  let tied = false;
  for (const f of candidates) {
    if (best && f.hit.distance === best.hit.distance && f.hit.length === best.hit.length) tied = true;
    else if (better(f.hit, best?.hit)) {
      best = f;
      tied = false;
    }
  }
  return tied ? undefined : best?.system;
}

/** Words that set what follows against what went before ("…, men …", "… but …"). */
const CONTRAST: ReadonlySet<string> = new Set(['men', 'but']);

export function extractSlots(text: string, catalogue: Catalogue, options: SlotOptions = {}): Slots {
  const words = matchWords(text);
  if (words.length === 0) return {};
  const wins = windows(words);
  const keys = keysOf(catalogue, options);
  // Words as written, by their match key, for the language's word test.
  const written = new Map(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).map((w) => [matchKey(w), w] as const));
  const known = (word: string): boolean => options.isWord?.(written.get(word) ?? word) ?? false;

  let system: System | undefined;
  let systemHit: Hit | undefined;
  let bySubject = false;
  let implied = false;
  const systemsNamed: { system: System; hit: Hit; subject: boolean; inCompound: boolean }[] = [];
  for (const [index, s] of catalogue.systems.entries()) {
    const apart = find(keys.systemKeys[index] ?? [], wins, words, true);
    const hit = apart ?? findInCompound(keys.systemKeys[index] ?? [], words, known);
    if (!hit) continue;
    // "an employee's pension contribution in SLS": a system named by a word that is also an area's subject
    // ("pension", the alias of the pension system) gives way to a system named otherwise.
    const naming = keys.namingKeys[index] ?? [];
    const subject = (find(naming, wins, words, true) ?? findInCompound(naming, words, known)) === undefined;
    systemsNamed.push({ system: s, hit, subject, inCompound: apart === undefined });
    if ((bySubject && !subject) || (subject === bySubject && better(hit, systemHit)) || system === undefined) {
      system = s;
      systemHit = hit;
      bySubject = subject;
      implied = apart === undefined;
    }
  }
  // Two systems and data moved between them: the one it is sent to or comes from is an end of the transfer, the other
  // the one whose problem is told ("IndFak sender ikke fakturaen videre til Navision", "data fra SLS kommer ikke med i LDV").
  const distinct = new Set(systemsNamed.filter((n) => n.subject === bySubject).map((n) => n.system.id));
  if (distinct.size === 2 && systemHit !== undefined && TRANSFER_END.has(words[systemHit.from - 1] ?? '')) {
    const other = systemsNamed.find((n) => n.subject === bySubject && n.system.id !== system?.id && !TRANSFER_END.has(words[n.hit.from - 1] ?? '') && !LIST_JOINER.has(words[n.hit.from - 1] ?? ''));
    if (other) {
      system = other.system;
      systemHit = other.hit;
      implied = other.inCompound;
    }
  }
  // Two systems on either side of "men"/"but": what works is told first, the problem after it ("jeg kan logge på
  // Navision men ikke på RejsUd", "bevilget i Statens Refusion men ikke bogført i Navision").
  const contrast = words.findIndex((w) => CONTRAST.has(w));
  if (systemHit !== undefined && contrast > 0 && systemHit.from < contrast) {
    const after = systemsNamed.filter((n) => n.hit.from > contrast && n.subject === bySubject).reduce<(typeof systemsNamed)[number] | undefined>((b, n) => (b === undefined || better(n.hit, b.hit) ? n : b), undefined);
    if (after) {
      system = after.system;
      systemHit = after.hit;
      implied = after.inCompound;
    }
  }

  // Nothing names a system, or only a word of an area's subjects does ("pensionsbidraget" of "pension"): the system
  // whose thing the text speaks of ("kørselsgodtgørelsen", "lønsedlen", "the expense report").
  if (system === undefined || bySubject) {
    const owner = systemOfThing(catalogue, keys, wins, words, known);
    if (owner && owner.id !== system?.id) {
      system = owner;
      systemHit = undefined;
      bySubject = false;
      implied = true;
    }
  }

  // Offboarding is of users only ("offboard a colleague from Navision Stat"); so is someone removed from a system
  // ("fjern Karen fra RejsUd", "please remove Peter from IndFak").
  const outOfSystem = (systemHit !== undefined && /^(?:fra|from)$/.test(words[systemHit.from - 1] ?? '') && asksForRemoval(text) && personBefore(text, words, systemHit.from - 1)) || personRemoved(words);
  // "bruger" the verb after its subject ("RejsUd … den bruger den lave sats") is no user; the noun ("Karens bruger") makes a text about access.
  const aboutAccess =
    outOfSystem || words.some((w, i) => (w === 'bruger' ? !VERB_SUBJECTS.has(words[i - 1] ?? '') : ACCESS_WORDS.some((a) => w.startsWith(a))) || USERS_ONLY_REMOVAL.test(w));
  const named = catalogue.areas
    .map((area, index) => ({ area, hit: findAreaName(keys.areaKeys[index] ?? [], wins, words) }))
    .filter((x): x is { area: Area; hit: Hit } => x.hit !== undefined)
    // A name written as it is before one found inside a compound or with a typo ("under Øvrige … regnskabsteamet"), then the longer.
    .sort((a, b) => a.hit.distance - b.hit.distance || b.hit.length - a.hit.length);

  let area: Area | undefined;
  let areaNamed = false;
  if (system) {
    const chosen = system;
    const owners = catalogue.areas.filter((a) => a.systemIds.includes(chosen.id));
    const candidates = owners.filter((a) => a.id !== USER_ADMINISTRATION || aboutAccess);
    const systemName = matchKey(system.name);
    // An area's name inside the system's ("HR" of "Statens HR") names the system, not the area.
    const apart = named.filter((n) => !systemHit || n.hit.from < systemHit.from || n.hit.to > systemHit.to);
    areaNamed = apart.some((n) => candidates.includes(n.area));
    area =
      apart.find((n) => candidates.includes(n.area))?.area ??
      (aboutAccess ? owners.find((a) => a.id === USER_ADMINISTRATION) : undefined) ??
      candidates.find((a) => matchKey(a.description.da).includes(systemName)) ??
      candidates.find((a) => a.id !== USER_ADMINISTRATION) ??
      owners[0];
  } else {
    // Nothing but a user named ("en ny kollega skal have en bruger", "nedlæg brugeradgang"): user administration.
    const aboutUsers = words.some((w, i) => namesAUser(w, words[i - 1]));
    area = named[0]?.area ?? (aboutUsers ? catalogue.areas.find((a) => a.id === USER_ADMINISTRATION) : undefined);
    const first = named[0];
    // The area's word as the subject a case is about ("opret en sag om løn") leaves the system to be asked: only the area is clear.
    const subjectOfTheCase = CASE_ABOUT.test(words[first?.hit.from !== undefined ? first.hit.from - 1 : -1] ?? '');
    if (first && area === first.area && first.hit.to - first.hit.from === 1 && !subjectOfTheCase) {
      system = systemOfAreaWord(first.area, words[first.hit.from] ?? '', catalogue, keys);
      implied = system !== undefined;
      areaNamed = true;
    }
  }
  // Nothing named: the area whose subjects the text speaks of ("min overtid er ikke udbetalt").
  const topic = system === undefined && area === undefined ? areaOfTopic(catalogue.areas, keys.topicKeys, words) : undefined;

  // Nothing named but a form by a long name of its own ("tjenestemandspension", "periodeafslutningen"): its area.
  const alone = system === undefined && area === undefined ? formNamedAlone(catalogue, keys, wins, options) : undefined;
  if (alone && (!topic || topic.id === alone.areaId)) {
    return { areaId: alone.areaId, formId: alone.id, ...(formNaming(alone, wins, options, []) === 0 ? { formImplied: true as const } : {}) };
  }

  const slots: Slots = {};
  if (topic) {
    // The area guessed from a subject, made sure by a form of one of its systems named ("an error in a pay run").
    const form = oneSystemFormNamed(topic, catalogue, keys, wins, options);
    slots.areaId = topic.id;
    if (form) slots.formId = form.id;
    else slots.areaByTopic = true;
  }
  if (area) slots.areaId = area.id;
  // A system implied, not named (inside a compound, or what the area's word is the subject of): the case path starts
  // there, but the text names the portal no more than before — the area too is guessed when only the system gave it.
  if (system && implied) {
    slots.systemImplied = system.id;
    if (!areaNamed && area?.id !== USER_ADMINISTRATION) slots.areaByTopic = true;
  } else if (system) slots.systemId = system.id;
  if (area) {
    const systemForms = system ? formsFor(area.id, system.id, catalogue).filter((f) => !f.general) : [];
    const form = system ? (namedForm(systemForms, wins, options) ?? formOfProblem(catalogue, systemForms, wins, () => true)) : oneSystemFormNamed(area, catalogue, keys, wins, options);
    const removal = area.id === USER_ADMINISTRATION && asksForRemoval(text) && catalogue.forms.some((f) => f.id === REMOVAL_FORM && (system === undefined || formAppliesTo(f, system.id)));
    if (removal) slots.formId = REMOVAL_FORM;
    else if (form) slots.formId = form.id;
  }
  // A form told only by a choice of its own ("dobbelt" of «Fejl i lønkørsel»), not by a name of it: implied.
  const form = slots.formId === undefined ? undefined : catalogue.forms.find((f) => f.id === slots.formId);
  if (form && slots.formId !== REMOVAL_FORM && formNaming(form, wins, options, []) === 0) slots.formImplied = true;
  return slots;
}
