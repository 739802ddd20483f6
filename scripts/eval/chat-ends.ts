/**
 * How a question ended in the chat, judged from what the user saw — the replies' texts and
 * buttons — not from the bot's internals, so it survives a rewrite of the routing:
 *
 * - answered: a reply names its source ("Kilde: …" / "Source: …") with an article's title;
 * - choices: a reply asks "Mente du …?" / "Did you mean …?" (or offers "Ingen af dem" / "None of
 *   them") with articles' titles as buttons;
 * - declined: the knowledge base's unknown-answer reply, or the answer to small talk about the
 *   assistant itself (no article);
 * - small talk: the welcome or thanks — declined for a question out of scope, another dialog in scope;
 * - anything else (the case dialog, registration, my cases) is another dialog.
 *
 * The fixed texts come from dialogs/texts.ts in both languages, so a change of wording there is
 * followed here. Titles come from the articles loaded; an English translation counts as its
 * original (`translationOf`), both for the article shown and for the expected ids.
 */
import type { Article } from '../../knowledge/index.js';
import { messages } from '../../bot/messages.js';
import { texts } from '../../dialogs/texts.js';
import type { SeenReply } from './chat-client.js';
import { isInScope, round, type Question } from './questions.js';

export const CHAT_ENDS = ['expectedAnswered', 'otherAnswered', 'choicesWithExpected', 'choicesWithout', 'declined', 'otherDialog'] as const;
export type ChatEnd = (typeof CHAT_ENDS)[number];

/** What the user was shown, in article ids (as loaded, translations not yet mapped). */
export type Seen =
  | { readonly kind: 'answered'; readonly articleIds: readonly string[] }
  | { readonly kind: 'choices'; readonly articleIds: readonly string[] }
  | { readonly kind: 'declined' }
  /** The welcome or thanks: small talk answered, no article. */
  | { readonly kind: 'smallTalk' }
  | { readonly kind: 'otherDialog' };

/** Markdown escapes and the HTML entities of `markdownText` undone, case and spacing folded. */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\\(.)/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('da');
}

const LANGS = ['da', 'en'] as const;
const both = (pick: (t: ReturnType<typeof texts>) => string): string[] => LANGS.map((lang) => normalise(pick(texts(lang))));
/** The welcome's first line, in both languages: the greeting and the menu of what the assistant does. */
const WELCOME = LANGS.map((lang) => normalise(messages(lang).welcome.split('\n')[0] ?? ''));

/** The articles loaded, looked up by title, and each article's original (a translation's `translationOf`). */
export class ArticleTitles {
  private readonly byTitle = new Map<string, Article[]>();
  private readonly byId = new Map<string, Article>();

  constructor(articles: readonly Article[]) {
    for (const article of articles) {
      this.byId.set(article.id, article);
      const key = normalise(article.title);
      this.byTitle.set(key, [...(this.byTitle.get(key) ?? []), article]);
    }
  }

  /** Articles with exactly this title. */
  withTitle(text: string): Article[] {
    return this.byTitle.get(normalise(text)) ?? [];
  }

  /** The articles whose title the text names: the longest title contained; a link's url decides between equal titles. */
  namedIn(text: string): Article[] {
    const seen = normalise(text);
    let best: Article[] = [];
    let bestLength = 0;
    for (const [title, articles] of this.byTitle) {
      if (title.length > bestLength && seen.includes(title)) {
        best = articles;
        bestLength = title.length;
      }
    }
    if (best.length <= 1) return best;
    const linked = best.filter((a) => a.url !== undefined && text.includes(a.url));
    return linked.length > 0 ? linked : best;
  }

  /** The article an id translates, or the id itself. */
  original(id: string): string {
    let current = id;
    for (let hops = 0; hops < 5; hops += 1) {
      const next = this.byId.get(current)?.translationOf;
      if (!next) break;
      current = next;
    }
    return current;
  }
}

const SOURCE_LINE = new RegExp(`(?:^|\\n)[^\\n]*?\\b(?:${LANGS.map((l) => escapeRegExp(texts(l).source)).join('|')})\\**\\s*:\\s*([^\\n]+)`, 'gi');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the replies of one turn showed the user. */
export function whatTheUserSaw(replies: readonly SeenReply[], titles: ArticleTitles): Seen {
  // A complaint about the conversation ("du forstår jo ikke hvad jeg skriver!!") is answered with an apology and the
  // desk's contact (round 20): small talk answered, not the contact article as an answer.
  const apology = both((t) => t.complaint);
  if (replies.some((reply) => apology.some((a) => normalise(reply.text).includes(a)))) return { kind: 'smallTalk' };
  // An answer names its source.
  for (const reply of replies) {
    // The last source line: a passage might quote the word itself.
    for (const match of [...reply.text.matchAll(SOURCE_LINE)].reverse()) {
      const named = titles.namedIn(match[1] ?? '');
      if (named.length > 0) return { kind: 'answered', articleIds: named.map((a) => a.id) };
    }
  }
  // A choice between articles: the question "Did you mean …?", or the way out "None of them".
  const didYouMean = both((t) => t.didYouMean);
  const noneOfThem = both((t) => t.noneOfThem);
  for (const reply of replies) {
    const text = normalise(reply.text);
    const asks = didYouMean.some((d) => text.includes(d)) || reply.actions.some((a) => noneOfThem.includes(normalise(a)));
    if (!asks) continue;
    let offered = reply.actions.flatMap((a) => titles.withTitle(a));
    if (offered.length === 0) {
      offered = reply.text
        .split('\n')
        .map((line) => /^\s*[-*•]\s+(.+)$/.exec(line)?.[1])
        .flatMap((item) => (item ? titles.withTitle(item) : []));
    }
    return { kind: 'choices', articleIds: [...new Set(offered.map((a) => a.id))] };
  }
  // Small talk about the assistant ("er du et menneske?") is answered without an article: declined
  // from the knowledge base.
  const unknown = [...both((t) => t.unknownAnswer), ...both((t) => t.unknownInDialog), ...both((t) => t.aboutMe)];
  if (replies.some((reply) => unknown.some((u) => normalise(reply.text).includes(u)))) return { kind: 'declined' };
  // A greeting or "what can you do" (the welcome), thanks ("Selv tak!"): small talk answered (see chatEnd).
  // A language asked for with nothing answered yet ("do you speak English?") is confirmed (round 20).
  const smallTalk = [...both((t) => t.thanks), ...both((t) => t.languageChosen), ...WELCOME];
  if (replies.some((reply) => smallTalk.some((u) => normalise(reply.text).includes(u)))) return { kind: 'smallTalk' };
  return { kind: 'otherDialog' };
}

/** The end of a question: what was seen, against the expected articles (originals on both sides). */
export function chatEnd(seen: Seen, question: Question, titles: ArticleTitles): ChatEnd {
  const expected = new Set(question.expected_ids.map((id) => titles.original(id)));
  const hit = (ids: readonly string[]): boolean => ids.some((id) => expected.has(titles.original(id)));
  switch (seen.kind) {
    case 'answered':
      return hit(seen.articleIds) ? 'expectedAnswered' : 'otherAnswered';
    case 'choices':
      return hit(seen.articleIds) ? 'choicesWithExpected' : 'choicesWithout';
    case 'declined':
      return 'declined';
    // Out of scope (small talk, an unrelated question) the welcome or thanks gives no article: declined, the
    // right end there (round 12). In scope it is a wrong turn: another dialog.
    case 'smallTalk':
      return isInScope(question) ? 'otherDialog' : 'declined';
    case 'otherDialog':
      return 'otherDialog';
  }
}

/** The right end: the expected article answered; out of scope, declined. */
export function endedRight(question: Question, end: ChatEnd): boolean {
  return isInScope(question) ? end === 'expectedAnswered' : end === 'declined';
}

/**
 * kb:eval's decision (unknown, or an answer whose article — answered, or offered first — is `top`) against the chat's
 * end: they agree when the chat declined an unknown, or showed `top` (answered or among the choices).
 */
export function disagrees(kb: { unknown: boolean; top: string | undefined }, seen: Seen, titles: ArticleTitles): boolean {
  if (kb.unknown) return seen.kind !== 'declined';
  if (seen.kind !== 'answered' && seen.kind !== 'choices') return true;
  const top = kb.top === undefined ? undefined : titles.original(kb.top);
  return !seen.articleIds.some((id) => titles.original(id) === top);
}

export type EndShares = { n: number } & Record<ChatEnd, number>;

/** Shares of each end over a group of questions (0 for an empty group). */
export function endShares(ends: readonly ChatEnd[]): EndShares {
  const n = ends.length;
  const shares = Object.fromEntries(CHAT_ENDS.map((end) => [end, n === 0 ? 0 : round(ends.filter((e) => e === end).length / n)])) as Record<ChatEnd, number>;
  return { n, ...shares };
}

export interface ChatFigures {
  all: EndShares;
  inScope: EndShares & { answeredOrOffered: number };
  outOfScope: EndShares;
  /** English questions in scope (the English target is about answering them). */
  en: EndShares & { answeredOrOffered: number };
  /** English questions out of scope. */
  enOutOfScope: EndShares;
}

export function chatFigures(results: ReadonlyArray<{ question: Question; end: ChatEnd }>): ChatFigures {
  const ends = (keep: (q: Question) => boolean): ChatEnd[] => results.filter((r) => keep(r.question)).map((r) => r.end);
  const withOffered = (group: ChatEnd[]): EndShares & { answeredOrOffered: number } => {
    const shares = endShares(group);
    const offered = group.filter((e) => e === 'expectedAnswered' || e === 'choicesWithExpected').length;
    return { ...shares, answeredOrOffered: group.length === 0 ? 0 : round(offered / group.length) };
  };
  const english = (q: Question): boolean => q.lang === 'en';
  return {
    all: endShares(ends(() => true)),
    inScope: withOffered(ends(isInScope)),
    outOfScope: endShares(ends((q) => !isInScope(q))),
    en: withOffered(ends((q) => english(q) && isInScope(q))),
    enOutOfScope: endShares(ends((q) => english(q) && !isInScope(q))),
  };
}
