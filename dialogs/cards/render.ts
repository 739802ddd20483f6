/**
 * Adaptive Cards 1.5 for Teams, built as objects (never by string templating) from the portal's
 * form specs, questions and cases. Pure: same input, same card. User text goes through
 * {@link displayText} (TextBlocks, facts) or {@link neutraliseTemplate} (input values), so it is
 * shown as typed and can never add an element or an action.
 */
import {
  type CaseDomainEvent,
  danishDateTime,
  formatDateDa,
  formatFieldValue,
  isFieldVisible,
  statusLabel,
  type Case,
  type CaseEvent,
  type Field,
  type FieldProblem,
  type FieldType,
  type FieldValue,
  type FormDefinition,
  type Language,
  type Localized,
} from '../../portal/index.js';
import { ADAPTIVE_CARD_SCHEMA_URL, type AdaptiveCard, type CardAction, type CardElement } from './card-schema.js';
import { cardTexts } from './card-texts.js';
import { displayText, neutraliseTemplate } from './card-text.js';

/** The `formStep` values a card's action data carries: what the submission is. */
export const FORM_STEP = {
  /** A whole form card. */
  submit: 'submit',
  /** The form picker. */
  chooseForm: 'chooseForm',
  /** A summary card's confirm/change/cancel. */
  confirm: 'confirm',
  /** "Show" on a case in "mine sager". */
  caseStatus: 'caseStatus',
  /** "Svar" on a case waiting for the customer: starts a comment. */
  reply: 'reply',
  /** Teams asks for the viewer's own version of a card (Universal Actions `refresh`). */
  refresh: 'refresh',
} as const;
export type FormStep = (typeof FORM_STEP)[keyof typeof FORM_STEP];

/** Inputs on a form card that are not fields of the form (underscore: field ids are camelCase). */
export const CONTEXT_INPUT = { institution: '_institutionId', system: '_systemId', sentFrom: '_sentFrom', form: '_formId' } as const;
/** The `_sentFrom` value that means "from me", not from a shared mailbox. */
export const SENT_FROM_SELF = 'self';
/** The verb of every Action.Execute the assistant emits. */
export const EXECUTE_VERB = 'serviceportal.card';
/** The verb of a card's `refresh` action: the viewer's own card. */
export const REFRESH_VERB = 'serviceportal.refresh';

/** Which of the personal cards a refresh asks for again. */
export type CardView = 'form' | 'chooser' | 'caseList';

/**
 * Whose a card is: the Teams member id (`from.id`) it was made for. Every action's data carries
 * it, so a submission by anyone else is refused; with Action.Execute the card also refreshes for
 * that member alone (`refresh.userIds`), so each viewer sees their own version.
 */
export interface CardOwner {
  /** The member's id (Teams `29:…`). */
  id: string;
  /** What a refresh shows again (with Action.Execute). */
  view: CardView;
  formId?: string | undefined;
}

export type QuestionKind = FieldType | 'confirm';

export interface CardChoice {
  id: string;
  label: Localized;
}

/** One question of the form engine, as the card renders it. */
export interface CardQuestion {
  kind: QuestionKind;
  fieldId: string;
  label: Localized;
  help?: Localized | undefined;
  /** Default true. */
  required?: boolean | undefined;
  choices?: readonly CardChoice[] | undefined;
  /** The current answer (prefilled). */
  value?: FieldValue | undefined;
  /** Why the last answer was refused; shown in an attention-coloured TextBlock. */
  error?: Localized | undefined;
  min?: number | undefined;
  max?: number | undefined;
  minDate?: string | undefined;
  maxDate?: string | undefined;
  maxLength?: number | undefined;
  /** For `confirm`: the answers to check. */
  summary?: readonly { label: Localized; value: string }[] | undefined;
  /** Identifies the dialog (and the idempotency of its submission). */
  dialogInstanceId: string;
  /** Default: the field id. */
  formStep?: string | undefined;
  /** For `confirm`: the buttons' titles (default: the card texts' Bekræft og send / Ret / Annuller). */
  confirmLabels?: { confirm: string; change: string; cancel: string } | undefined;
}

/** Which action type a card uses: Action.Submit (every host) or Action.Execute (Teams universal actions). */
export type CardActionKind = 'submit' | 'execute';

function action(kind: CardActionKind, title: string, data: Record<string, unknown>, style?: 'positive' | 'destructive', associatedInputs?: 'none'): CardAction {
  const extra = { ...(style ? { style } : {}), ...(associatedInputs ? { associatedInputs } : {}) };
  return kind === 'execute'
    ? { type: 'Action.Execute', title, verb: EXECUTE_VERB, data, ...extra }
    : { type: 'Action.Submit', title, data, ...extra };
}

function card(body: CardElement[], actions: CardAction[] | undefined, lang: Language): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA_URL, version: '1.5', lang, body, ...(actions && actions.length > 0 ? { actions } : {}) };
}

/** Marks a card as the owner's: the owner id in every action's data and, with Action.Execute, a refresh for the owner alone. */
function owned(c: AdaptiveCard, owner: CardOwner | undefined, kind: CardActionKind, dialogInstanceId: string): AdaptiveCard {
  if (!owner) return c;
  const mark = (a: CardAction): CardAction => ({ ...a, data: { ...a.data, owner: owner.id } });
  const walk = (elements: CardElement[]): CardElement[] =>
    elements.map((e) => (e.type === 'ActionSet' ? { ...e, actions: e.actions.map(mark) } : e.type === 'Container' ? { ...e, items: walk(e.items) } : e));
  const actions = c.actions?.map(mark);
  const refreshData = { formStep: FORM_STEP.refresh, view: owner.view, dialogInstanceId, owner: owner.id, ...(owner.formId ? { formId: owner.formId } : {}) };
  return {
    ...c,
    body: walk(c.body),
    ...(actions ? { actions } : {}),
    ...(kind === 'execute' ? { refresh: { action: { type: 'Action.Execute' as const, title: 'Refresh', verb: REFRESH_VERB, data: refreshData }, userIds: [owner.id] } } : {}),
  };
}

function heading(text: string): CardElement {
  return { type: 'TextBlock', text: displayText(text), wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' };
}

function paragraph(text: string, subtle = false): CardElement {
  return { type: 'TextBlock', text: displayText(text), wrap: true, ...(subtle ? { isSubtle: true, spacing: 'None' as const } : {}) };
}

function errorBlock(text: string, id?: string): CardElement {
  return { type: 'TextBlock', text: displayText(text), wrap: true, color: 'Attention', weight: 'Bolder', spacing: 'Small', ...(id ? { id } : {}) };
}

function valueAsString(value: FieldValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return neutraliseTemplate(value.join(','));
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  return neutraliseTemplate(String(value));
}

/** The input element(s) of one question: the input, its help and its error. */
function questionElements(q: CardQuestion, lang: Language): CardElement[] {
  const t = cardTexts(lang);
  const required = q.required ?? true;
  const base = { id: q.fieldId, label: displayText(q.label[lang]), isRequired: required, ...(required ? { errorMessage: t.required } : {}) };
  const value = valueAsString(q.value);
  let input: CardElement;
  switch (q.kind) {
    case 'text':
    case 'email':
    case 'phone':
      input = {
        ...base,
        type: 'Input.Text',
        ...(value !== undefined ? { value } : {}),
        ...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}),
        ...(q.kind === 'email' ? { style: 'Email' as const } : q.kind === 'phone' ? { style: 'Tel' as const } : {}),
      };
      break;
    case 'longText':
      input = { ...base, type: 'Input.Text', isMultiline: true, ...(value !== undefined ? { value } : {}), ...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}) };
      break;
    case 'number': {
      const n = typeof q.value === 'number' ? q.value : undefined;
      input = { ...base, type: 'Input.Number', ...(n !== undefined ? { value: n } : {}), ...(q.min !== undefined ? { min: q.min } : {}), ...(q.max !== undefined ? { max: q.max } : {}) };
      break;
    }
    case 'date': {
      const iso = typeof q.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(q.value) ? q.value : undefined;
      input = { ...base, type: 'Input.Date', ...(iso ? { value: iso } : {}), ...(q.minDate ? { min: q.minDate } : {}), ...(q.maxDate ? { max: q.maxDate } : {}) };
      break;
    }
    case 'choice':
    case 'multiChoice': {
      const choices = (q.choices ?? []).map((c) => ({ title: neutraliseTemplate(c.label[lang]), value: c.id }));
      input = {
        ...base,
        type: 'Input.ChoiceSet',
        choices,
        style: choices.length <= 5 ? 'expanded' : 'compact',
        ...(q.kind === 'multiChoice' ? { isMultiSelect: true } : { placeholder: t.choose }),
        ...(value !== undefined ? { value } : {}),
        wrap: true,
      };
      break;
    }
    case 'yesNo':
      // A choice set, not a toggle: a toggle always submits a value, so "not answered" would be lost.
      input = {
        ...base,
        type: 'Input.ChoiceSet',
        style: 'expanded',
        choices: [
          { title: t.yes, value: 'ja' },
          { title: t.no, value: 'nej' },
        ],
        ...(value !== undefined ? { value } : {}),
      };
      break;
    case 'confirm':
      return [{ type: 'FactSet', facts: (q.summary ?? []).map((s) => ({ title: displayText(s.label[lang]), value: displayText(s.value) })) }];
  }
  const elements: CardElement[] = [input];
  // A date picker takes no typed format: a help that only says "dd-mm-åååå" says nothing here.
  const help = q.help && q.kind === 'date' ? withoutDateFormat(q.help[lang]) : q.help?.[lang];
  if (help) elements.push(paragraph(help, true));
  if (q.error) elements.push(errorBlock(q.error[lang], `${q.fieldId}__error`));
  return elements;
}

// "(dd-mm-åååå eller med ord, fx …)": the whole parenthesis is about typing.
const DATE_FORMAT = /\s*\((?:dd-mm-åååå|dd-mm-yyyy)[^)]*\)|\s*(?:dd-mm-åååå|dd-mm-yyyy)/gi;

/** A help text without the typed date formats it names (the card's input is a date picker). */
function withoutDateFormat(text: string): string {
  const rest = text.replace(DATE_FORMAT, '').trim();
  return /[\p{L}\p{N}]/u.test(rest) ? rest : '';
}

/**
 * A form problem as the card's input shows it: the portal's wording fits typed chat answers
 * (a date as dd-mm-åååå, a number with a decimal comma), which a date picker or number input
 * never receives; those two say what fits the input instead.
 */
function cardProblem(problem: FieldProblem): Localized {
  switch (problem.code) {
    case 'FORM.INVALID_DATE':
      return { da: cardTexts('da').invalidDate, en: cardTexts('en').invalidDate };
    case 'FORM.INVALID_NUMBER':
      return { da: cardTexts('da').invalidNumber, en: cardTexts('en').invalidNumber };
    default:
      return problem.message;
  }
}

/** One question as a card: its input with help and error, and one action that sends it. */
export function renderQuestionCard(question: CardQuestion, lang: Language, kind: CardActionKind = 'submit'): AdaptiveCard {
  const t = cardTexts(lang);
  const data = { formStep: question.formStep ?? question.fieldId, dialogInstanceId: question.dialogInstanceId };
  if (question.kind === 'confirm') {
    return card(
      [heading(question.label[lang]), ...questionElements(question, lang), ...(question.error ? [errorBlock(question.error[lang])] : [])],
      [
        action(kind, question.confirmLabels?.confirm ?? t.confirm, { ...data, formStep: question.formStep ?? FORM_STEP.confirm, answer: 'confirm' }, 'positive', 'none'),
        action(kind, question.confirmLabels?.change ?? t.change, { ...data, formStep: question.formStep ?? FORM_STEP.confirm, answer: 'change' }, undefined, 'none'),
        action(kind, question.confirmLabels?.cancel ?? t.cancel, { ...data, formStep: question.formStep ?? FORM_STEP.confirm, answer: 'cancel' }, 'destructive', 'none'),
      ],
      lang,
    );
  }
  return card(questionElements(question, lang), [action(kind, t.next, data, 'positive')], lang);
}

/** A form field as a question (the value and error of a re-shown card included). */
export function questionFromField(field: Field, dialogInstanceId: string, value?: FieldValue, error?: Localized): CardQuestion {
  const q: CardQuestion = { kind: field.type, fieldId: field.id, label: field.label, help: field.help, required: field.required, value, error, dialogInstanceId };
  switch (field.type) {
    case 'text':
    case 'longText':
      return { ...q, maxLength: field.maxLength };
    case 'choice':
    case 'multiChoice':
      return { ...q, choices: field.choices };
    case 'date':
      return { ...q, minDate: field.minDate, maxDate: field.maxDate };
    case 'number':
      return { ...q, min: field.min, max: field.max };
    default:
      return q;
  }
}

export interface NamedChoice {
  id: string;
  name: string;
}

/** What a whole-form card needs besides the form. */
export interface FormCardOptions {
  dialogInstanceId: string;
  /** Default submit. */
  action?: CardActionKind;
  /** Institutions the user may create cases for: a choice when more than one. */
  institutions?: readonly NamedChoice[];
  /** Systems the form may be for: a choice when more than one. */
  systems?: readonly NamedChoice[];
  /** Shared mailboxes the user may send from: a "send from" choice when there are any. */
  mailboxes?: readonly NamedChoice[];
  /** Current answers of the context inputs. */
  context?: { institutionId?: string | undefined; systemId?: string | undefined; sentFrom?: string | undefined };
  /** The Teams member the card is for (see {@link CardOwner}). */
  ownerId?: string | undefined;
}

function contextChoice(id: string, label: string, choices: readonly NamedChoice[], value: string | undefined, lang: Language): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    isRequired: true,
    errorMessage: cardTexts(lang).required,
    style: choices.length <= 5 ? 'expanded' : 'compact',
    choices: choices.map((c) => ({ title: neutraliseTemplate(c.name), value: c.id })),
    ...(value !== undefined && choices.some((c) => c.id === value) ? { value } : {}),
  };
}

/**
 * One card for a whole form: every field (conditional ones say when they apply), the context
 * choices (institution, system, send-from) when there is something to choose, the errors of the
 * last submission next to their fields, and one action whose data carries `formStep: submit`,
 * the form id and the dialog instance id (so a second submission of the same card is recognised).
 */
export function renderFormCard(
  form: FormDefinition,
  values: Readonly<Record<string, FieldValue | undefined>>,
  errors: readonly FieldProblem[],
  lang: Language,
  options: FormCardOptions,
): AdaptiveCard {
  const t = cardTexts(lang);
  const body: CardElement[] = [heading(form.title[lang]), paragraph(form.description[lang], true)];
  const errorOf = (fieldId: string): Localized | undefined => {
    const problem = errors.find((e) => e.fieldId === fieldId);
    return problem ? cardProblem(problem) : undefined;
  };
  const placed = new Set<string>([...form.fields.map((f) => f.id), ...Object.values(CONTEXT_INPUT)]);
  const general = errors.filter((e) => !placed.has(e.fieldId));
  if (errors.length > 0) {
    body.push({ type: 'Container', style: 'attention', items: [errorBlock(t.fixErrors), ...general.map((e) => errorBlock(e.message[lang]))] });
  }
  const ctx = options.context ?? {};
  const addContext = (id: string, label: string, choices: readonly NamedChoice[] | undefined, value: string | undefined, min: number): void => {
    if (!choices || choices.length < min) return;
    body.push(contextChoice(id, label, choices, value, lang));
    const e = errorOf(id);
    if (e) body.push(errorBlock(e[lang], `${id}__error`));
  };
  addContext(CONTEXT_INPUT.institution, t.institution, options.institutions, ctx.institutionId, 2);
  addContext(CONTEXT_INPUT.system, t.system, options.systems, ctx.systemId, 2);
  if (options.mailboxes && options.mailboxes.length > 0) {
    addContext(CONTEXT_INPUT.sentFrom, t.sentFrom, [{ id: SENT_FROM_SELF, name: t.sentFromSelf }, ...options.mailboxes], ctx.sentFrom ?? SENT_FROM_SELF, 1);
  }
  for (const field of form.fields) {
    const question = questionFromField(field, options.dialogInstanceId, values[field.id], errorOf(field.id));
    if (field.visibleWhen) {
      // One card cannot show a field only after another is answered: say when it applies instead.
      const on = form.fields.find((f) => f.id === field.visibleWhen?.field);
      const answers = field.visibleWhen.in.map((v) =>
        typeof v === 'boolean' ? (v ? t.yes : t.no) : on && (on.type === 'choice' || on.type === 'multiChoice') ? (on.choices.find((c) => c.id === v)?.label[lang] ?? v) : v,
      );
      const when: Localized = { da: cardTexts('da').onlyWhen(on?.label.da ?? '', answers.join(' / ')), en: cardTexts('en').onlyWhen(on?.label.en ?? '', answers.join(' / ')) };
      question.required = false;
      question.help = field.help ? { da: `${field.help.da} ${when.da}`, en: `${field.help.en} ${when.en}` } : when;
    }
    body.push(...questionElements(question, lang));
  }
  const data = { formStep: FORM_STEP.submit, formId: form.id, dialogInstanceId: options.dialogInstanceId };
  const kind = options.action ?? 'submit';
  const owner = options.ownerId ? { id: options.ownerId, view: 'form' as const, formId: form.id } : undefined;
  return owned(card(body, [action(kind, t.send, data, 'positive')], lang), owner, kind, options.dialogInstanceId);
}

/** The card that replaces a sent form: the answers as facts, the case number, no inputs or actions. */
export function renderSubmittedFormCard(form: FormDefinition, values: Readonly<Record<string, FieldValue>>, caseNumber: string, lang: Language): AdaptiveCard {
  const t = cardTexts(lang);
  const facts = form.fields
    .filter((f) => values[f.id] !== undefined && isFieldVisible(f, values))
    .map((f) => ({ title: displayText(f.label[lang]), value: displayText(formatFieldValue(f, values[f.id] as FieldValue, lang)) }));
  return card(
    [heading(form.title[lang]), { type: 'TextBlock', text: displayText(t.submittedTitle(caseNumber)), wrap: true, color: 'Good', weight: 'Bolder' }, paragraph(t.submittedHelp, true), { type: 'FactSet', facts }],
    undefined,
    lang,
  );
}

/** The form picker: every form of the catalogue as one choice ("Område – Formular"). */
export function renderFormChooserCard(
  forms: readonly FormDefinition[],
  areaNames: Readonly<Record<string, Localized>>,
  lang: Language,
  dialogInstanceId: string,
  kind: CardActionKind = 'submit',
  ownerId?: string,
): AdaptiveCard {
  const t = cardTexts(lang);
  const built = card(
    [
      heading(t.chooseFormTitle),
      paragraph(t.chooseFormHelp, true),
      {
        type: 'Input.ChoiceSet',
        id: CONTEXT_INPUT.form,
        label: t.form,
        isRequired: true,
        errorMessage: t.required,
        // "filtered" (type to search) needs Adaptive Cards 1.6, more than Teams renders everywhere.
        style: 'compact',
        choices: forms.map((f) => ({ title: `${areaNames[f.areaId]?.[lang] ?? f.areaId} – ${f.title[lang]}`, value: f.id })),
      },
    ],
    [action(kind, t.chooseForm, { formStep: FORM_STEP.chooseForm, dialogInstanceId }, 'positive')],
    lang,
  );
  return owned(built, ownerId ? { id: ownerId, view: 'chooser' } : undefined, kind, dialogInstanceId);
}

function eventLine(event: CaseEvent, lang: Language): { title: string; value: string } {
  const t = cardTexts(lang);
  const when = danishDateTime(event.at);
  switch (event.type) {
    case 'created':
      return { title: when, value: t.eventCreated };
    case 'status_changed':
      return { title: when, value: t.eventStatus(statusLabel(event.to, lang)) + (event.note ? `: ${event.note}` : '') };
    case 'comment':
      return { title: when, value: `${event.author === 'agent' ? t.eventCommentAgent : t.eventCommentCustomer}: ${event.text}` };
  }
}

/** Most history lines shown on a case card (newest). */
export const CASE_CARD_HISTORY = 8;

/** A case and its latest history as facts. */
export function renderCaseCard(c: Case, events: readonly CaseEvent[], lang: Language, names: { area?: Localized | undefined; form?: Localized | undefined } = {}): AdaptiveCard {
  const t = cardTexts(lang);
  const facts = [
    { title: t.subject, value: c.subject },
    { title: t.status, value: statusLabel(c.status, lang) },
    ...(names.area ? [{ title: t.area, value: names.area[lang] }] : []),
    ...(names.form ? [{ title: t.form, value: names.form[lang] }] : []),
    { title: t.created, value: danishDateTime(c.createdAt) },
    { title: t.updated, value: danishDateTime(c.updatedAt) },
  ].map((f) => ({ title: displayText(f.title), value: displayText(f.value) }));
  const history = events.slice(-CASE_CARD_HISTORY).map((e) => eventLine(e, lang)).map((f) => ({ title: displayText(f.title), value: displayText(f.value) }));
  const body: CardElement[] = [heading(t.caseTitle(c.number)), { type: 'FactSet', facts }];
  if (history.length > 0) body.push({ type: 'TextBlock', text: t.history, weight: 'Bolder', wrap: true, separator: true }, { type: 'FactSet', facts: history });
  return card(body, undefined, lang);
}

/** A case as "mine sager" lists it; `mailbox`: the shared mailbox it was sent from, when not the user's own. */
export interface CaseListItem {
  case: Case;
  mailbox?: string | undefined;
}

/** How the list's "Svar" buttons reach the bot: a card submission (every host), or Teams' messageBack with the comment request. */
export type ReplyButtonKind = 'submit' | 'messageBack';

/**
 * "Mine sager": one block per case (number and title; status, date and the shared mailbox it came
 * from) with its own buttons: "Vis SA-…" and, for a case waiting for the customer, "Svar på SA-…"
 * (the number in the title: not every host reads a tooltip, and a screen reader must tell the
 * buttons apart); the tooltip adds the case's title.
 */
export function renderCaseListCard(
  cases: readonly (Case | CaseListItem)[],
  lang: Language,
  options: { hasMore?: boolean; dialogInstanceId?: string; action?: CardActionKind; ownerId?: string; reply?: ReplyButtonKind; header?: string } = {},
): AdaptiveCard {
  const t = cardTexts(lang);
  const title = options.header ?? t.myCases;
  if (cases.length === 0) return { ...card([heading(title), paragraph(t.noCases)], undefined, lang), fallbackText: `${title}\n${t.noCases}`, speak: `${title}. ${t.noCases}` };
  const kind = options.action ?? 'submit';
  const instance = options.dialogInstanceId ?? 'case-list';
  const items = cases.map((x): CaseListItem => ('case' in x ? x : { case: x }));
  const spoken: string[] = [];
  const body: CardElement[] = [heading(title)];
  for (const [i, { case: c, mailbox }] of items.entries()) {
    const about = [statusLabel(c.status, lang), formatDateDa(c.createdAt.slice(0, 10)), ...(mailbox ? [t.fromMailbox(mailbox)] : [])].join(' · ');
    const buttons: CardAction[] = [
      { ...action(kind, t.showButton(c.number), { formStep: FORM_STEP.caseStatus, caseNumber: c.number, dialogInstanceId: instance }, undefined, 'none'), tooltip: t.showTooltip(c.number, shortTitle(c.subject)) },
    ];
    if (c.status === 'afventer_kunde') {
      const tooltip = t.replyTooltip(c.number, shortTitle(c.subject));
      buttons.push(
        options.reply === 'messageBack'
          ? { ...messageBack(t.replyCaseButton(c.number), t.replyText(c.number)), tooltip }
          : { ...action(kind, t.replyCaseButton(c.number), { formStep: FORM_STEP.reply, caseNumber: c.number, dialogInstanceId: instance }, undefined, 'none'), tooltip },
      );
    }
    body.push({
      type: 'Container',
      ...(i > 0 ? { separator: true, spacing: 'Medium' as const } : {}),
      items: [
        { type: 'TextBlock', text: `**${c.number}** ${displayText(c.subject)}`, wrap: true },
        { type: 'TextBlock', text: displayText(about), wrap: true, isSubtle: true, spacing: 'None' },
        { type: 'ActionSet', actions: buttons },
      ],
    });
    spoken.push(`${c.number} ${c.subject}: ${about}`);
  }
  if (options.hasMore) body.push(paragraph(t.moreCases, true));
  const text = [title, ...spoken, ...(options.hasMore ? [t.moreCases] : [])];
  const built: AdaptiveCard = { ...card(body, undefined, lang), fallbackText: text.join('\n'), speak: text.join('. ') };
  return owned(built, options.ownerId ? { id: options.ownerId, view: 'caseList' } : undefined, kind, instance);
}

/** A case subject short enough for a button (a button title is plain text: no escaping). */
function shortTitle(subject: string): string {
  const one = neutraliseTemplate(subject.replace(/\s+/g, ' ').trim());
  return one.length <= 40 ? one : `${one.slice(0, 39).trimEnd()}…`;
}

/** What another member sees of a card that is not theirs (a refresh): no inputs, no data. */
export function renderNotYoursCard(title: string, text: string, lang: Language): AdaptiveCard {
  return card([heading(title), paragraph(text, true)], undefined, lang);
}

/** A card button that sends `text` to the bot as if the member wrote it (Teams `messageBack`; works in channels). */
function messageBack(title: string, text: string): CardAction {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'messageBack', text, displayText: title } } };
}

/**
 * Teams shows suggested actions in personal chats only: in a channel or group chat a reply's
 * suggested actions become the buttons of a card sent with it (each sends its title back).
 */
export function renderButtonsCard(titles: readonly string[], lang: Language): AdaptiveCard {
  return card([], titles.map((title) => messageBack(title, title)), lang);
}

/** Where the app was added: a personal chat, a team or a group chat. */
export type WelcomeScope = 'personal' | 'team' | 'groupChat';

/** The welcome when the app is added: what the assistant does, and in a team or group chat that personal matters go to a private chat. */
export function renderWelcomeCard(lang: Language, scope: WelcomeScope, buttons: readonly { title: string; text: string }[]): AdaptiveCard {
  const t = cardTexts(lang);
  const body: CardElement[] = [heading(t.welcomeTitle), paragraph(t.welcomeText)];
  if (scope !== 'personal') body.push(paragraph(t.welcomeShared, true));
  return card(body, buttons.map((b) => messageBack(b.title, b.text)), lang);
}

/**
 * A case notification: the case, what changed (the new status and the desk's note, or the desk's
 * comment), and buttons "Vis sag" (the case card) and "Svar" (starts a comment). Only ever sent
 * to the owner's personal chat; the buttons carry whose it is.
 */
export function renderNotificationCard(event: CaseDomainEvent, lang: Language, options: { ownerId?: string; action?: CardActionKind } = {}): AdaptiveCard | undefined {
  const t = cardTexts(lang);
  const kind = options.action ?? 'submit';
  const body: CardElement[] = [heading(t.caseTitle(event.caseNumber)), paragraph(event.subject, true)];
  if (event.type === 'case.status_changed') {
    body.push({ type: 'FactSet', facts: [{ title: t.status, value: displayText(statusLabel(event.to, lang)) }, { title: t.previousStatus, value: displayText(statusLabel(event.from, lang)) }] });
    if (event.note) body.push({ type: 'TextBlock', text: t.deskNote, weight: 'Bolder', wrap: true, spacing: 'Medium' }, paragraph(event.note));
  } else if (event.type === 'case.commented' && event.author === 'agent') {
    body.push({ type: 'TextBlock', text: t.eventCommentAgent, weight: 'Bolder', wrap: true, spacing: 'Medium' }, paragraph(event.text));
  } else {
    return undefined;
  }
  const owner = options.ownerId ? { owner: options.ownerId } : {};
  const actions: CardAction[] = [
    action(kind, t.showCaseButton, { formStep: FORM_STEP.caseStatus, caseNumber: event.caseNumber, dialogInstanceId: `notify-${event.caseNumber}`, ...owner }, 'positive', 'none'),
    messageBack(t.replyButton, t.replyText(event.caseNumber)),
  ];
  return card(body, actions, lang);
}
