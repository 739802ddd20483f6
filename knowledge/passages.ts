import type { Article, Passage } from './article.js';

/** How articles are cut into passages. */
export interface PassageOptions {
  /** A passage grows by whole paragraphs or list items up to about this many characters. Default 600. */
  readonly maxChars: number;
  /** Shorter pieces are joined with the next one. Default 160. */
  readonly minChars: number;
}

export const DEFAULT_PASSAGE_OPTIONS: PassageOptions = { maxChars: 600, minChars: 160 };

interface Unit {
  readonly heading: string | undefined;
  readonly text: string;
  /** An intro line ("Proces:") belongs with what follows it. */
  readonly leadsIn: boolean;
  readonly isListItem: boolean;
  /** For a list item: the sentence that introduces its list, if the list has one. */
  readonly intro: string | undefined;
}

const HEADING = /^#{1,6}\s+(.*)$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

/**
 * A parenthesised remark about how the text was copied rather than about the subject: that the
 * rest of a page, list, table or answer is missing ("(resten af tabellen indgår ikke i den lagrede
 * kopi)", "(rest of the page not available)"). Recognised by its kind — it speaks of the rest or
 * of a copy, and says that something is not there — not by listing sentences.
 */
const PARENTHESISED = /\s*\(([^()]{8,200})\)/g;
const REMAINDER = /\b(?:rest(?:en)?|resterende|remaining|remainder|øvrige del|kopi(?:en)?|copy|gemte|lagrede|saved|stored|archived|arkiverede)\b/iu;
const ABSENT =
  /\b(?:ikke|mangler|manglende|udeladt|afkortet|utilgængelig|not|missing|omitted|truncated|unavailable|cut off)\b/iu;
const ABOUT_SOURCE = /\b(?:side(?:n|ns)?|page|tekst(?:en)?|text|tabel(?:len)?|table|liste(?:n)?|list|svar(?:et)?|answer|afsnit(?:tet)?|section|kopi(?:en)?|copy|dokument(?:et)?|document)\b/iu;

export function isCopyNote(remark: string): boolean {
  return REMAINDER.test(remark) && ABSENT.test(remark) && ABOUT_SOURCE.test(remark);
}

/** The text without parenthesised notes about how its source was copied (see `isCopyNote`). */
export function withoutCopyNotes(text: string): string {
  return text.replace(PARENTHESISED, (whole: string, remark: string) => (isCopyNote(remark) ? '' : whole)).replace(/[ \t]+([.,;:])/g, '$1');
}

/** The last sentence of a paragraph: what introduces a list that follows it. */
function lastSentence(paragraph: string): string {
  const lines = paragraph.split('\n');
  const line = lines[lines.length - 1] ?? '';
  const sentences = line.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  return (sentences[sentences.length - 1] ?? line).trim();
}

function units(body: string): Unit[] {
  const result: Unit[] = [];
  let heading: string | undefined;
  let buffer: string[] = [];
  // The intro of the list being read: the paragraph just before its first item, in the same section.
  let intro: string | undefined;
  const flush = (): void => {
    const text = withoutCopyNotes(buffer.join('\n')).trim();
    buffer = [];
    if (text.length === 0) return;
    const isListItem = LIST_ITEM.test(text);
    const previous = result[result.length - 1];
    if (isListItem) {
      if (previous === undefined || previous.heading !== heading) intro = undefined;
      else if (!previous.isListItem) intro = lastSentence(previous.text);
    }
    result.push({ heading, text, leadsIn: /:\s*$/.test(text), isListItem, intro: isListItem ? intro : undefined });
  };
  for (const line of body.split(/\r?\n/)) {
    const headingMatch = HEADING.exec(line);
    if (headingMatch) {
      flush();
      heading = headingMatch[1]?.trim();
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    // Each list item is a unit of its own, so that a long list can be cut between items.
    if (LIST_ITEM.test(line)) flush();
    buffer.push(line);
  }
  flush();
  return result;
}

/**
 * How long a list may be (its introducing sentence and all its items, in characters, as a share of `maxChars`) to be
 * shown whole when the cut into passages split it: a procedure of five steps after a paragraph that nearly filled the
 * passage ("Proces:" + "1. …" in one passage, "2. … 5. …" in the next), the six areas of a portal cut after the second.
 * A longer list (ten questions and answers) is shown as cut: its part with the intro. Round 28.
 */
export const WHOLE_LIST = { share: 1.1 } as const;

/** The text of units as a passage shows them: one that starts inside a list opens with the sentence that introduces it. */
function textOf(run: readonly Unit[]): string {
  const texts = run.map((unit) => unit.text);
  const first = run[0];
  if (first?.isListItem && first.intro !== undefined) texts.unshift(first.intro);
  return texts.join('\n');
}

/** Two units next to each other are items of one list: both items, under the same heading, after the same intro. */
const sameList = (a: Unit | undefined, b: Unit | undefined): boolean =>
  a !== undefined && b !== undefined && a.isListItem && b.isListItem && a.heading === b.heading && a.intro === b.intro;

/**
 * The passage over units [start, end) with the list the cut split put back whole (WHOLE_LIST): the items before its first
 * unit and after its last that belong to the same list. Undefined when no list of it was split, or the list is too long.
 */
function wholeListText(all: readonly Unit[], start: number, end: number, options: PassageOptions): string | undefined {
  let from = start;
  while (from > 0 && sameList(all[from - 1], all[from])) from -= 1;
  let to = end;
  while (to < all.length && sameList(all[to - 1], all[to])) to += 1;
  if (from === start && to === end) return undefined;
  // The whole list: from its first item to its last, wherever the passage stands in it.
  let first = from === start ? end - 1 : from;
  while (first > 0 && sameList(all[first - 1], all[first])) first -= 1;
  let last = to === end ? start : to - 1;
  while (last + 1 < all.length && sameList(all[last], all[last + 1])) last += 1;
  const list = all.slice(first, last + 1);
  const length = (list[0]?.intro?.length ?? 0) + list.reduce((sum, unit) => sum + unit.text.length + 1, 0);
  if (length > options.maxChars * WHOLE_LIST.share) return undefined;
  return textOf(all.slice(from, to));
}

/** The text a passage is shown with: its list made whole when the cut split it (`Passage.wholeText`), else its text. */
export function shownText(passage: Pick<Passage, 'text' | 'wholeText'>): string {
  return passage.wholeText ?? passage.text;
}

/** Cuts an article into passages of whole paragraphs/list items, never across a heading. */
export function splitIntoPassages(article: Article, options: PassageOptions = DEFAULT_PASSAGE_OPTIONS): Passage[] {
  const passages: Passage[] = [];
  const all = units(article.body);
  // Each passage's units, [start, end) in `all`.
  const spans: [number, number][] = [];
  let current: Unit[] = [];
  let start = 0;
  const emit = (end: number): void => {
    if (current.length === 0) return;
    const index = passages.length;
    passages.push({
      id: `${article.id}#${index}`,
      articleId: article.id,
      index,
      heading: current[0]?.heading,
      text: textOf(current),
    });
    spans.push([start, end]);
    current = [];
    start = end;
  };
  const length = (): number => current.reduce((sum, unit) => sum + unit.text.length + 1, 0);
  for (const [at, unit] of all.entries()) {
    const last = current[current.length - 1];
    const sameSection = last === undefined || last.heading === unit.heading;
    const fits = length() + unit.text.length <= options.maxChars;
    const mustJoin = last !== undefined && (last.leadsIn || length() < options.minChars);
    if (!sameSection || (!fits && !mustJoin)) emit(at);
    current.push(unit);
  }
  emit(all.length);
  // Shown, not searched: a list the cut split is shown whole with each of its passages.
  for (const [index, [from, to]] of spans.entries()) {
    const whole = wholeListText(all, from, to, options);
    const passage = passages[index];
    if (whole !== undefined && passage !== undefined) passages[index] = { ...passage, wholeText: whole };
  }
  if (passages.length === 0) {
    passages.push({ id: `${article.id}#0`, articleId: article.id, index: 0, heading: undefined, text: withoutCopyNotes(article.body).trim() || article.body });
  }
  return passages;
}
