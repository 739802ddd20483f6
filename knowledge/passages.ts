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
}

const HEADING = /^#{1,6}\s+(.*)$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

function units(body: string): Unit[] {
  const result: Unit[] = [];
  let heading: string | undefined;
  let buffer: string[] = [];
  const flush = (): void => {
    const text = buffer.join('\n').trim();
    buffer = [];
    if (text.length > 0) result.push({ heading, text, leadsIn: /:\s*$/.test(text) });
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
    passages.push({
      id: `${article.id}#${index}`,
      articleId: article.id,
      index,
      heading: first?.heading,
      text: current.map((unit) => unit.text).join('\n'),
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
    passages.push({ id: `${article.id}#0`, articleId: article.id, index: 0, heading: undefined, text: article.body });
  }
  return passages;
}
