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

/** Cuts an article into passages of whole paragraphs/list items, never across a heading. */
export function splitIntoPassages(article: Article, options: PassageOptions = DEFAULT_PASSAGE_OPTIONS): Passage[] {
  const passages: Passage[] = [];
  let current: Unit[] = [];
  const emit = (): void => {
    if (current.length === 0) return;
    const first = current[0];
    const index = passages.length;
    // A passage that starts inside a list opens with the sentence that introduces the list.
    const texts = current.map((unit) => unit.text);
    if (first?.isListItem && first.intro !== undefined) texts.unshift(first.intro);
    passages.push({
      id: `${article.id}#${index}`,
      articleId: article.id,
      index,
      heading: first?.heading,
      text: texts.join('\n'),
    });
    current = [];
  };
  const length = (): number => current.reduce((sum, unit) => sum + unit.text.length + 1, 0);
  for (const unit of units(article.body)) {
    const last = current[current.length - 1];
    const sameSection = last === undefined || last.heading === unit.heading;
    const fits = length() + unit.text.length <= options.maxChars;
    const mustJoin = last !== undefined && (last.leadsIn || length() < options.minChars);
    if (!sameSection || (!fits && !mustJoin)) emit();
    current.push(unit);
  }
  emit();
  if (passages.length === 0) {
    passages.push({ id: `${article.id}#0`, articleId: article.id, index: 0, heading: undefined, text: withoutCopyNotes(article.body).trim() || article.body });
  }
  return passages;
}
