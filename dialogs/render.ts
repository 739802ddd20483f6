/**
 * Renders questions and answers as text with suggested actions: the thin, channel-neutral
 * rendering. (Teams renders the same {@link Question} objects as Adaptive Cards.)
 */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Localized } from '../portal/index.js';
import type { AdaptiveCard } from './cards/card-schema.js';
import { renderQuestionCard } from './cards/render.js';
import { SKIP_CHOICE_ID, type Question } from './form-engine.js';
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

/** An example address outside code: "navn@institution.dk" or "name@institution.dk". */
const EXAMPLE_ADDRESS = /(?<!`)\b(?:navn|name)@institution\.dk\b(?!`)/g;

/**
 * The example address in a text (the portal's reasons say "fx navn@institution.dk") as code, so
 * Web Chat and Teams do not turn it into a mailto link someone might follow; read out as written.
 */
export function exampleAddresses(text: string): string {
  return text.replace(EXAMPLE_ADDRESS, (address) => `\`${address}\``);
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
 * One message for a question: the lead (a re-prompt's), the path chosen from the first message
 * (not when the question is asked again for a problem with the last answer), that problem, the summary or the answer waiting to be confirmed, the
 * question in bold, its help; the choices as suggested actions.
 */
export function questionActivity(question: Question, lang: Language, problem?: Localized, lead?: string, options: { cards?: boolean } = {}): Partial<Activity> {
  if (options.cards) {
    const card = questionCard(question, lang, problem);
    if (card) return cardReply(card, [lead, problem ? undefined : question.path?.[lang], problem?.[lang]].filter((p): p is string => p !== undefined).join('\n\n'), textOf(questionActivity(question, lang, problem, lead)));
  }
  const parts: string[] = [];
  if (lead) parts.push(lead);
  // The path was said with the question the first time; asked again for a problem, the problem comes first.
  if (question.path && !problem) parts.push(question.path[lang]);
  if (problem) parts.push(exampleAddresses(problem[lang]));
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

/** Channels whose client renders Adaptive Cards and sends a card's submission as the activity's `value` (Web Chat over Direct Line). */
const CARD_CHANNELS: ReadonlySet<string> = new Set(['webchat', 'directline']);

/** Whether replies on this channel may carry Adaptive Cards (everything else gets text with suggested actions). */
export function rendersCards(channelId: string | undefined): boolean {
  return channelId !== undefined && CARD_CHANNELS.has(channelId);
}

/** The key a question card's submission carries (`formStep`), so a click on an older card is recognised. */
export function questionKey(question: Pick<Question, 'step' | 'field'>): string {
  return question.field ? `${question.step}:${question.field}` : question.step;
}

/** The card input that holds a question card's answer (the dialog reads `value.answer`). */
export const ANSWER_INPUT = 'answer';

function textOf(activity: Partial<Activity>): string {
  return activity.text ?? '';
}

/** Markdown without its marks, for a card's fallback text and what a screen reader says. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\\([\\`*_[\]~#|])/g, '$1')
    .replace(/\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])/g, '')
    .replace(/^- /gm, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * A question that reads better as a card: several values of a multi-choice field as checkboxes
 * (one submission sends them all), and the summary as facts with Bekræft / Ret et felt / Annuller.
 * Other questions stay text with suggested actions.
 */
function questionCard(question: Question, lang: Language, problem?: Localized): AdaptiveCard | undefined {
  const key = questionKey(question);
  const base = { fieldId: ANSWER_INPUT, label: question.text, dialogInstanceId: key, formStep: key };
  if (question.step === 'field' && question.kind === 'multiChoice') {
    return renderQuestionCard(
      {
        ...base,
        kind: 'multiChoice',
        help: { da: texts('da').multiChoiceCardHelp, en: texts('en').multiChoiceCardHelp },
        required: !question.optional,
        choices: question.choices.filter((c) => c.id !== SKIP_CHOICE_ID).map((c) => ({ id: c.id, label: c.label })),
        error: problem,
      },
      lang,
    );
  }
  if (question.step === 'summary' && question.summary) {
    const [confirm, change, cancel] = question.choices;
    return renderQuestionCard(
      {
        ...base,
        kind: 'confirm',
        summary: question.summary.map((line) => ({ label: line.label, value: line.value[lang] })),
        ...(confirm && change && cancel ? { confirmLabels: { confirm: confirm.label[lang], change: change.label[lang], cancel: cancel.label[lang] } } : {}),
      },
      lang,
    );
  }
  return undefined;
}

/**
 * A reply whose content is a card: the text before it (a lead, a problem; none when empty), the
 * card with the whole reply as plain text for hosts without cards and for screen readers.
 */
export function cardReply(card: AdaptiveCard, before: string, whole: string): Partial<Activity> {
  const plain = plainText(whole);
  const withText: AdaptiveCard = { ...card, fallbackText: plain, speak: plain };
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(withText), before === '' ? undefined : before, plain);
  activity.textFormat = 'markdown';
  return activity;
}
