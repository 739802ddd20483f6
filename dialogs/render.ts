/**
 * Renders questions and answers as text with suggested actions: the thin, channel-neutral
 * rendering. (Teams renders the same {@link Question} objects as Adaptive Cards.)
 */
import { MessageFactory, type Activity } from 'botbuilder';
import type { Localized } from '../portal/index.js';
import type { Question } from './form-engine.js';
import type { Language } from './ports.js';
import { texts } from './texts.js';

/**
 * User-typed text inside a Markdown reply: shown as typed, never as markup. HTML's specials become
 * entities and Markdown's punctuation is backslash-escaped, so `<script>`, `**x**` or
 * `[x](javascript:…)` stay literal text in Web Chat and Teams.
 */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~#|]/g, (c) => `\\${c}`);
}

/** A message with markdown text and, when given, suggested actions that send their title back. */
export function reply(text: string, actions: readonly string[] = []): Partial<Activity> {
  const activity = actions.length > 0 ? MessageFactory.suggestedActions([...actions], text) : MessageFactory.text(text);
  activity.textFormat = 'markdown';
  return activity;
}

/** How long a quoted text may be before it is shortened. */
const QUOTE_MAX = 300;

/** Typed text quoted back: «…», on one line, shortened, never as markup. */
export function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `«${markdownText(line.length > QUOTE_MAX ? `${line.slice(0, QUOTE_MAX)}…` : line)}»`;
}

/** A label before its value: "Leverandør:", but "Hvad er problemet?" keeps its own mark. */
export function labelled(label: string): string {
  const trimmed = label.trim();
  return /[?:!.]$/.test(trimmed) ? trimmed : `${trimmed}:`;
}

/** A sentence ends with a full stop unless it already ends with a mark. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.?!:…»"')]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * One message for a question: the lead (a re-prompt's), the path chosen from the first message,
 * the problem with the last answer, the summary or the answer waiting to be confirmed, the
 * question in bold, its help; the choices as suggested actions.
 */
export function questionActivity(question: Question, lang: Language, problem?: Localized, lead?: string): Partial<Activity> {
  const parts: string[] = [];
  if (lead) parts.push(lead);
  if (question.path) parts.push(question.path[lang]);
  if (problem) parts.push(problem[lang]);
  if (question.step === 'confirmAnswer' && question.current) parts.push(texts(lang).youWrote(quoted(question.current[lang])));
  if (question.step === 'cprFound' && question.current) parts.push(texts(lang).withoutCpr(quoted(question.current[lang])));
  if (question.summary) {
    parts.push(question.summary.map((line) => `- **${labelled(line.label[lang])}** ${markdownText(line.value[lang].replace(/\n+/g, ' '))}`).join('\n'));
  }
  const optional = question.optional && question.step === 'field' ? (lang === 'da' ? ' (valgfrit)' : ' (optional)') : '';
  parts.push(`**${question.text[lang]}**${optional}`);
  if (question.help && !problem && question.step === 'field') parts.push(`_${question.help[lang]}_`);
  return reply(parts.join('\n\n'), question.choices.map((c) => c.label[lang]));
}
