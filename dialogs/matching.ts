/**
 * Tolerant matching of typed answers to choices: "rejs ud", "indfak", "2", "økonmi" (a typo).
 * Pure; the form engine and the dialogs share it.
 */
import { ASKS, matchKey, matchWords, type Localized } from '../portal/index.js';


/** A choice the user can pick by id, label (da/en), alias or number. */
export interface Choice {
  readonly id: string;
  readonly label: Localized;
  readonly aliases?: readonly string[];
}

/** Three rows of the distance table, reused by every call (grown when a longer text comes). */
let rowBefore = new Int32Array(64);
let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

/**
 * Edit distance with transpositions (optimal string alignment), or, when it exceeds `max`, some
 * number above `max`. Only the band of cells within `max` of the diagonal is computed (a cell
 * further off is more than `max` edits away on every path through it; the cells just outside the
 * band read as `max + 1`), and the table stops once two rows in a row are all above `max` (no later
 * row can come back under). Three reused rows instead of a whole table: it runs for every name in
 * every text (slot extraction, tolerant choices), so allocation was most of its cost.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0) return n;
  if (n === 0) return m;
  if (rowCurrent.length < n + 2) {
    rowBefore = new Int32Array(n + 2);
    rowPrevious = new Int32Array(n + 2);
    rowCurrent = new Int32Array(n + 2);
  }
  // Above max; finite (the rows are integers). With max ≥ m + n the band is the whole table.
  const outside = Math.min(max, m + n) + 1;
  let before = rowBefore;
  let previous = rowPrevious;
  let current = rowCurrent;
  for (let j = 0; j <= n; j++) previous[j] = j;
  previous[n + 1] = outside;
  let previousMin = 0;
  for (let i = 1; i <= m; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    const from = i - max > 1 ? i - max : 1;
    const to = i + max < n ? i + max : n;
    current[from - 1] = from === 1 ? i : outside;
    let rowMin = from === 1 ? i : outside;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = (previous[j - 1] as number) + cost;
      const del = (previous[j] as number) + 1;
      if (del < v) v = del;
      const ins = (current[j - 1] as number) + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const swap = (before[j - 2] as number) + 1;
        if (swap < v) v = swap;
      }
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    current[to + 1] = outside;
    if (rowMin > max && previousMin > max) return max + 1;
    previousMin = rowMin;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[n] as number;
}

/** Edit distance with transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Number.POSITIVE_INFINITY);
}

/** A choice's match keys, made once per choice object (choices are immutable; many are constants or the catalogue's). */
const choiceKeys = new WeakMap<Choice, readonly string[]>();

function keysOf(choice: Choice): readonly string[] {
  let keys = choiceKeys.get(choice);
  if (!keys) {
    keys = [choice.id, choice.label.da, choice.label.en, ...(choice.aliases ?? [])].map(matchKey).filter((k) => k !== '');
    choiceKeys.set(choice, keys);
  }
  return keys;
}

/** How many typos a key of this length tolerates. */
function tolerance(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

const ORDINALS: Readonly<Record<string, number>> = {
  første: 1, først: 1, anden: 2, andet: 2, tredje: 3, fjerde: 4, femte: 5,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
};

/**
 * The place in a list a typed answer names: "2", "2.", "nr. 2", "nummer 2", "option 2", "den
 * første", "the second one", "den sidste", "the last". Undefined when the answer names no place.
 */
export function choiceNumber(input: string, count: number): number | undefined {
  const t = input.trim().toLowerCase().replace(/[.!)]+$/u, '');
  const digits = /^(?:(?:nr|nummer|number|no|option|mulighed|valg)\.?\s*)?(\d{1,2})$/u.exec(t);
  if (digits?.[1]) return Number.parseInt(digits[1], 10);
  const ordinal = /^(?:(?:den|det|the)\s+)?(\p{L}+)(?:\s+(?:one|option|mulighed|af\s+dem|of\s+them))?$/u.exec(t)?.[1];
  if (ordinal === undefined) return undefined;
  if (ordinal === 'sidste' || ordinal === 'last') return count;
  // "Anden"/"andet" alone is also "other": only with an article ("den anden") is it the second.
  if ((ordinal === 'anden' || ordinal === 'andet') && !/^(?:den|det)\s/u.test(t)) return undefined;
  return ORDINALS[ordinal];
}

/**
 * The choice a typed answer names, or undefined when none or several fit equally. In order: its
 * number in the list; an exact id, label or alias (ignoring case, spaces, æ/ø/å spelling); a
 * unique label that starts with or is contained in the answer; the one label within a typo or two.
 */
export function matchTolerant<C extends Choice>(choices: readonly C[], input: string): C | undefined {
  const raw = input.trim();
  if (raw === '') return undefined;
  const n = choiceNumber(raw, choices.length);
  if (n !== undefined && n >= 1 && n <= choices.length) return choices[n - 1];
  const key = matchKey(raw);
  if (key === '') return undefined;
  const exact = choices.filter((c) => keysOf(c).includes(key));
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return undefined;

  if (key.length >= 3) {
    const prefix = choices.filter((c) => keysOf(c).some((k) => k.startsWith(key)));
    if (prefix.length === 1) return prefix[0];
    const contained = choices.filter((c) => keysOf(c).some((k) => k.length >= 3 && key.includes(k)));
    if (contained.length === 1) return contained[0];
  }

  let best: C | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const choice of choices) {
    for (const k of keysOf(choice)) {
      const allowed = tolerance(Math.min(key.length, k.length));
      const distance = editDistanceWithin(key, k, allowed);
      if (distance > allowed) continue;
      if (distance < bestDistance) {
        best = choice;
        bestDistance = distance;
        tie = false;
      } else if (distance === bestDistance && best !== choice) {
        tie = true;
      }
    }
  }
  if (!tie && best) return best;
  return matchByWords(choices, raw);
}

/** The words of a text, lower-cased, of three letters or more ("the invoice got rejected" → invoice, got, rejected, the). */
function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).filter((w) => w.length >= 3);
}

/** Two words are one when equal, or when they share their first five letters ("afvises"/"afvist", "arrived"/"arrive", "betalt"/"betaling"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5);
}

/** Words of five letters or more that say nothing of an option ("Kan ikke oprette …" and "… eller diæter" share no subject with an answer). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['eller', 'efter', 'under', 'været', 'blive', 'bliver', 'blevet', 'kunne', 'skulle', 'ville', 'about', 'there', 'their', 'which', 'would', 'could', 'should', 'after', 'being']);

/** Words of an answer this long or shorter are matched to the choices' words; a longer text is a sentence of its own. */
const MAX_WORDS_FOR_WORD_MATCH = 6;

/**
 * The one choice whose own words the answer uses: "the invoice got rejected" for «The invoice was
 * rejected», "leverandøren er ikke betalt" for «Leverandøren har ikke fået betaling». A choice's own
 * words are those of its labels and aliases (five letters or more, not a function word) that not
 * every choice has ("invoice" in every label of a list says nothing). The choice with the most of them in the answer, when it is the
 * only one with that many and one of its words in the answer is its alone ("the invoice" alone names none).
 */
function matchByWords<C extends Choice>(choices: readonly C[], input: string): C | undefined {
  if ((input.match(/[\p{L}\d]+/gu) ?? []).length > MAX_WORDS_FOR_WORD_MATCH || ASKS.test(input)) return undefined;
  const said = wordsOf(input);
  if (said.length === 0 || choices.length < 2) return undefined;
  const wordsOfChoice = choices.map((c) => new Set([c.label.da, c.label.en, ...(c.aliases ?? [])].flatMap(wordsOf).filter((w) => w.length >= 5 && !FUNCTION_WORDS.has(w))));
  const holders = (w: string): number => wordsOfChoice.filter((set) => [...set].some((x) => sameWord(x, w))).length;
  // Each choice's words in the answer, and whether one of them is the choice's alone.
  const scored = choices.map((choice, i) => {
    const found = [...(wordsOfChoice[i] ?? [])].filter((w) => said.some((x) => sameWord(x, w)) && holders(w) < choices.length);
    return { choice, score: found.length, own: found.some((w) => holders(w) === 1) };
  });
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return best > 0 && top.length === 1 && top[0]?.own ? top[0].choice : undefined;
}

/**
 * {@link matchTolerant}, and then a part of one name: "ministeriet" for "Testministeriet",
 * "styrelsen" when only one name holds it. For lists of names (institutions), where a user types
 * the part that they say aloud. The part must be five letters or more and fit one choice only.
 */
export function matchNamePart<C extends Choice>(choices: readonly C[], input: string): C | undefined {
  const found = matchTolerant(choices, input);
  if (found) return found;
  const key = matchKey(input);
  if (key.length < 5) return undefined;
  const holding = choices.filter((c) => keysOf(c).some((k) => k.includes(key)));
  return holding.length === 1 ? holding[0] : undefined;
}

/** At most this many words typed to pick an offered article by a word of its title. */
const MAX_WORDS_PICKING_BY_TITLE = 3;

/**
 * The offered article (or other titled choice) a short answer picks by a word of its title that no other offered title has: "SLS" for «Regler
 * for adgangskoder til SLS, HR-Løn og BSL» beside «Glemt adgangskode til Serviceportalen» — a product's short name
 * is shorter than the words the tolerant matching weighs.
 */
export function choiceByTitleWord(choices: readonly Choice[], text: string): Choice | undefined {
  const typed = matchWords(text).filter((w) => w.length >= 3);
  if (typed.length === 0 || typed.length > MAX_WORDS_PICKING_BY_TITLE) return undefined;
  const titleWords = choices.map((c) => new Set(matchWords(c.label.da)));
  const holders = choices.filter((_, i) => typed.some((w) => titleWords[i]?.has(w) && titleWords.filter((set) => set.has(w)).length === 1));
  return holders.length === 1 ? holders[0] : undefined;
}
