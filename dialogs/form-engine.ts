/**
 * The form engine: given the catalogue, what the user may act for, the answers so far and one new
 * input, it answers the next question, a validation problem with its reason (da/en), or the
 * completed, validated case. It knows nothing of botbuilder: questions are plain objects (kind,
 * field, choices, da/en text), so text with suggested actions and Adaptive Cards render the same.
 *
 * The state is plain JSON (a `Partial` draft plus an explicit status) and is stored as it is in
 * the dialog state.
 */
import {
  CPR_MASK,
  CPR_REASON,
  fieldById,
  formatFieldValue,
  formsFor,
  getArea,
  getForm,
  getSystem,
  hasCprNumber,
  integerExample,
  isFieldVisible,
  maskCprNumbers,
  ASKS,
  matchKey,
  matchWords,
  parseField,
  parseForm,
  parseYesNo,
  systemsOf,
  caseSubject,
  titleContext,
  valuesInSentence,
  type ValueShape,
  type Catalogue,
  type Field,
  type FieldOf,
  type FieldValue,
  type FormDefinition,
  type Localized,
} from '../portal/index.js';
import { matchNamePart, matchTolerant, type Choice } from './matching.js';
import { severalValues } from './several-values.js';
import { toldValues } from './told-values.js';
import { asksForTheCase } from './case-asked.js';
import type { AnswerShape, Expectation, FieldExpectation } from './ports.js';

/** After this many invalid answers to one field, the user is offered to skip it or cancel. */
export const MAX_ATTEMPTS = 3;

export const CASE_STATUSES = ['collecting', 'confirmAnswer', 'cprFound', 'summary', 'pickField', 'stuck', 'complete', 'cancelled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What the user has chosen so far. `systemId: null` = no particular system; `sentFromMailboxId: null` = from me. */
export interface CaseDraftValues {
  areaId?: string;
  systemId?: string | null;
  formId?: string;
  institutionId?: string;
  sentFromMailboxId?: string | null;
  values: Record<string, FieldValue>;
  /** Optional fields the user chose to leave empty. */
  skipped: string[];
}

/** The engine's state: plain JSON, stored in the dialog state. */
export interface CaseState {
  status: CaseStatus;
  draft: CaseDraftValues;
  /** Invalid answers per step key (`area`, `field:beskrivelse`, …). */
  attempts: Record<string, number>;
  /** The field the user is stuck on (status `stuck`). */
  stuckField?: string;
  /** Fields answered before the summary was first shown come back to the summary when changed. */
  editing?: string;
  /** Bound to this dialog instance when the summary is first shown; the same key twice makes one case. */
  idempotencyKey?: string;
  /**
   * Status `confirmAnswer`: the answer typed to a field, not stored until the user says it is one.
   * Status `cprFound`: the answer that holds a CPR-like number, not stored until the number is
   * removed (or the answer written again).
   */
  pendingAnswer?: { fieldId: string; input: string };
  /**
   * Area (and system, form) came from the user's first message: the questions say the path chosen
   * and offer to choose another, until the first answer is taken.
   */
  pathFromPrefill?: boolean;
  /** The fields filled from what the first message told ({@link toldValues}); said with the path chosen. */
  told?: string[];
  /** The first message, kept while its form is not known: the values it tells fill their fields once the form is chosen. */
  toldLater?: string;
  /**
   * The first message, kept while the path chosen from it may still be changed ({@link pathFromPrefill}): "Vælg et andet"
   * makes it {@link toldLater}, so its values fill the form the user chooses instead.
   */
  toldText?: string;
}

/** What the engine needs to know besides the state. Not stored. */
export interface CaseContext {
  catalogue: Catalogue;
  /** The institutions the user may create cases for (asked when more than one). */
  institutions: readonly { id: string; name: string }[];
  /** The shared mailboxes the user may send from (asked when any). */
  mailboxes: readonly { id: string; email: string }[];
  /** The user's own e-mail (shown in "from me"). */
  userEmail: string;
  /** A new idempotency key. */
  newKey(): string;
  /**
   * Whether a sentence typed where the area, system or form is asked describes the case (more than a request and the
   * catalogue's names): then it is kept as the description. Default: every sentence of {@link SENTENCE_WORDS} words does.
   */
  describes?(text: string): boolean;
}

export type StepKind = 'area' | 'system' | 'form' | 'institution' | 'sentFrom' | 'field' | 'confirmAnswer' | 'cprFound' | 'summary' | 'pickField' | 'stuck';

export type QuestionKind = Field['type'] | 'choice' | 'summary';

export interface SummaryLine {
  label: Localized;
  value: Localized;
}

/** One question, renderable as text with suggested actions or as an Adaptive Card. */
export interface Question {
  step: StepKind;
  /** The field asked (steps `field` and `stuck`). */
  field?: string;
  /** How to answer: a field type, a choice, or the summary. */
  kind: QuestionKind;
  text: Localized;
  help?: Localized;
  /** Choices to pick from (choice fields, catalogue steps, summary actions). */
  choices: Choice[];
  /** The field may be left empty ("spring over"). */
  optional: boolean;
  /** Step `confirmAnswer`: the answer waiting to be confirmed, as typed. Step `cprFound`: the answer with the CPR number removed. */
  current?: Localized;
  /** Steps `summary`: what will be sent. */
  summary?: SummaryLine[];
  /** The path chosen from the user's first message ("Jeg har valgt Økonomi og Regnskab → IndFak/SDI."); said before the question. */
  path?: Localized;
}

/** How an answer is taken. */
export interface AnswerOptions {
  /**
   * The router is not sure the input answers the field: a valid value is not stored but the user
   * is asked "Er det dit svar til «…»?" first (an invalid one is asked again with the reason, no
   * attempt counted). Default false.
   */
  confirm?: boolean;
}

/** A completed case, ready for PortalService.createCase. */
export interface CaseSubmission {
  formId: string;
  systemId: string | null;
  institutionId: string;
  sentFromMailboxId: string | null;
  values: Record<string, FieldValue>;
  idempotencyKey: string;
}

export type Outcome =
  /** `note`: what the engine did with the answer that the user should hear ("Jeg har valgt «Intet bestemt system»"). */
  | { kind: 'ask'; question: Question; problem?: Localized; note?: Localized }
  | { kind: 'complete'; submission: CaseSubmission }
  | { kind: 'cancelled' };

export interface EngineResult {
  state: CaseState;
  outcome: Outcome;
}

/** What can be known before the dialog starts (a knowledge-base miss, "opret sag om RejsUd"). */
export interface CasePrefill {
  areaId?: string;
  systemId?: string | null;
  formId?: string;
  description?: string;
  /** Answers known before the form is asked (by field id; a value the form does not validate is asked for instead). */
  values?: Record<string, FieldValue>;
  /** `null`: sent from the user, not asked (access for the user's own person, such as a payroll community's). */
  sentFromMailboxId?: null;
  /** The message that asked for the case: the values it tells ({@link toldValues}) fill their fields once the form is known. */
  told?: string;
}

// ---------------------------------------------------------------------------------------------
// Fixed choices

const NO_SYSTEM = 'ingen';
const FROM_ME = 'mig';

export const SUMMARY_ACTIONS = {
  confirm: { id: 'bekraeft', label: { da: 'Bekræft', en: 'Confirm' }, aliases: ['ja', 'yes', 'send', 'ok', 'godkend', 'bekræft og send', 'submit'] },
  change: { id: 'ret', label: { da: 'Ret et felt', en: 'Change a field' }, aliases: ['ret', 'ændre', 'ændr', 'rediger', 'change', 'edit', 'ret felt'] },
  cancel: { id: 'annuller', label: { da: 'Annuller', en: 'Cancel' }, aliases: ['annullér', 'fortryd', 'afbryd', 'nej', 'no', 'cancel'] },
} as const satisfies Record<string, Choice>;

const STUCK_ACTIONS = {
  retry: { id: 'igen', label: { da: 'Prøv igen', en: 'Try again' }, aliases: ['prøv igen', 'igen', 'retry', 'try again'] },
  skip: { id: 'spring-over', label: { da: 'Spring feltet over', en: 'Skip the field' }, aliases: ['spring over', 'skip', 'spring'] },
  cancel: { id: 'annuller', label: { da: 'Annuller sagen', en: 'Cancel the case' }, aliases: ['annuller', 'cancel', 'afbryd'] },
} as const satisfies Record<string, Choice>;

/** Ja/Nej of the step that confirms an answer. Typed answers must name them exactly (no typo matching: anything else is a new answer). */
export const CONFIRM_ACTIONS = {
  yes: { id: 'ja', label: { da: 'Ja', en: 'Yes' }, aliases: ['j', 'jo', 'jep', 'yes', 'y', 'yep', 'yeah', 'ok', 'okay', 'ja tak', 'korrekt', 'rigtigt', 'det er rigtigt', 'det er det', 'correct', 'right', 'that is right'] },
  no: { id: 'nej', label: { da: 'Nej', en: 'No' }, aliases: ['n', 'no', 'nope', 'nej tak', 'forkert', 'ikke rigtigt', 'det er det ikke', 'wrong', 'not right'] },
} as const satisfies Record<string, Choice>;

/**
 * The two ways on from an answer that holds a CPR number. Typed answers must name them exactly
 * (anything else is a new answer to the field).
 */
export const CPR_ACTIONS = {
  remove: {
    id: 'fjern-cpr',
    label: { da: 'Fjern CPR-nummeret', en: 'Remove the CPR number' },
    aliases: ['fjern', 'fjern det', 'fjern nummeret', 'fjern cpr', 'fjern cpr nummeret', 'slet det', 'slet nummeret', 'ja', 'ja tak', 'ok', 'yes', 'remove', 'remove it', 'remove the number', 'delete it'],
  },
  rewrite: {
    id: 'skriv-igen',
    label: { da: 'Skriv svaret igen', en: 'Write the answer again' },
    aliases: ['skriv igen', 'skriv det igen', 'igen', 'nej', 'nej tak', 'no', 'rewrite', 'write again', 'write it again', 'try again'],
  },
} as const satisfies Record<string, Choice>;

/** Back to the area step from a path chosen from the first message. */
export const CHANGE_PATH: Choice = {
  id: 'vaelg-et-andet',
  label: { da: 'Vælg et andet', en: 'Choose another' },
  aliases: ['vælg en anden', 'vælg andet', 'vælg noget andet', 'andet område', 'et andet område', 'vælg et andet område', 'skift område', 'forkert område', 'choose another', 'choose something else', 'another area', 'change area', 'wrong area'],
};

/** The fixed choice the input names exactly (id, label or alias, as {@link matchKey} spells it): no typos, no parts. */
function exactly(choices: readonly Choice[], input: unknown): Choice | undefined {
  if (typeof input !== 'string') return undefined;
  const key = matchKey(input);
  if (key === '') return undefined;
  return choices.find((c) => [c.id, c.label.da, c.label.en, ...(c.aliases ?? [])].some((k) => matchKey(k) === key));
}

/** Answers that leave an optional field empty, without spaces: "spring over", "ingen", and "I don't know" ("ved ikke", "aner det ikke", "not sure"). */
const SKIP_WORDS = new Set([
  'springover', 'spring', 'skip', 'ingen', 'none', 'intet', 'nejtak', 'vedikke', 'veddetikke', 'jegvedikke', 'jegveddetikke', 'anerdetikke', 'anerikke', 'ukendt', 'dontknow', 'idontknow', 'donotknow', 'idonotknow', 'notsure', 'unknown', 'n/a', 'na', '',
  // Nothing to give: "ikke relevant", "har ikke", "det har vi ikke", "not applicable", "I don't have one".
  'ikkerelevant', 'irrelevant', 'ikkeaktuelt', 'gælderikke', 'harikke', 'harikkeet', 'harikkeen', 'harikkenoget', 'haringen', 'jegharikke', 'viharikke', 'detharjegikke', 'detharviikke', 'findesikke', 'derfindesikke', 'dereringen',
  'notrelevant', 'notapplicable', 'doesnotapply', 'doesntapply', 'nothing', 'donthaveone', 'idonthaveone', 'wedonthaveone', 'donthaveany', 'idonthaveany', 'ihavenone', 'havenone',
]);
/** The id of the "Spring over" choice an optional field offers. */
export const SKIP_CHOICE_ID = 'spring-over';
const SKIP_CHOICE: Choice = { id: SKIP_CHOICE_ID, label: { da: 'Spring over', en: 'Skip' }, aliases: ['skip', 'spring'] };

/**
 * The user does not know the answer ("det ved jeg ikke", "ved ikke helt", "aner det ikke", "ingen anelse",
 * "I don't know", "not sure", "no idea"), also after a "nej"/"hmm": help is wanted — never a cancel.
 */
const DONT_KNOW =
  /^(?:(?:nej|no|hmm+|øh+m?|tja|well|um+|uh+)[\s,.!…-]+)?(?:(?:det|dét|den|dem)\s+ved\s+jeg\s+ikke|(?:jeg\s+)?ved\s+(?:det\s+)?ikke|jeg\s+ved\s+(?:det|ikke)\s*(?:ikke)?|(?:det\s+)?aner\s+jeg\s+ikke|(?:jeg\s+)?aner\s+(?:det\s+)?ikke|ingen\s+anelse|(?:det\s+er\s+jeg\s+|jeg\s+er\s+)?ikke\s+sikker(?:\s+på\s+det)?|(?:i\s+)?(?:don['’]?t|do\s+not)\s+know|dunno|idk|no\s+idea|(?:i['’]?m\s+|i\s+am\s+)?not\s+sure)(?:\s+(?:helt|rigtigt|præcist|desværre|really|exactly|sorry|which|what|hvilket|hvilken|hvilke))*[\s.!?…]*$/iu;

/** Whether the text says the user does not know the answer (see {@link DONT_KNOW}). */
export function saysDontKnow(input: unknown): boolean {
  return typeof input === 'string' && DONT_KNOW.test(input.trim());
}

/**
 * The user has none to give ("har jeg ikke", "det har vi ikke", "nej det har jeg ikke", "ikke relevant",
 * "I don't have one", "not applicable"): an optional field is left empty.
 */
const HAS_NONE =
  /^(?:(?:nej|no|nope)[\s,.!-]+)?(?:(?:(?:det|den|dem|sådan\s+en|sådan\s+et)\s+)?har\s+(?:jeg|vi)\s+(?:ikke|ingen)(?:\s+(?:noget|nogen|et|en))?|(?:jeg|vi)\s+har\s+(?:(?:ikke\s+(?:noget|nogen|et|en)|ingen)(?:\s+\p{L}+)?|det\s+ikke|den\s+ikke)|ikke\s+(?:relevant|aktuelt)|(?:det\s+)?findes\s+(?:ikke|der\s+ikke)|(?:i|we)\s+(?:don['’]?t|do\s+not)\s+have\s+(?:one|it|any|that)|(?:there\s+is\s+)?none|not\s+(?:relevant|applicable))[\s.!]*$/iu;

/** A plain "no" ("nej", "no", "nope"): at a field that is not itself a yes/no, an optional field left empty. */
const PLAIN_NO = /^(?:nej|no|nope|næ|nah)[\s.!]*$/iu;

/** Whether an answer asks to leave an optional field empty ("spring over", "skip", "-", "ved ikke", "har jeg ikke"). */
export function isSkip(input: unknown): boolean {
  if (typeof input !== 'string') return false;
  const key = input.trim().toLowerCase().replace(/[\s.!'’,-]+/g, '');
  return key === '-' || SKIP_WORDS.has(key) || key === 'springover' || key === 'springfeltetover' || key === 'skipthefield' || saysDontKnow(input) || HAS_NONE.test(input.trim());
}

/** Whether an answer leaves the optional field empty: a skip, or a plain "nej" where the field is not a yes/no. */
function skipsField(field: Field, input: unknown): boolean {
  if (field.required) return false;
  // "Nej tak" answers a yes/no field; it skips only the others.
  if (field.type === 'yesNo') return isSkip(input) && parseYesNo(input) === undefined;
  return isSkip(input) || (typeof input === 'string' && PLAIN_NO.test(input.trim()));
}

// ---------------------------------------------------------------------------------------------
// Start

/**
 * A new case, with what is already known applied (an unknown id, a system outside the area or a
 * form not offered for them is ignored). A form known before its system waits for the system and
 * is dropped if it is not offered for the one chosen.
 */
export function startCase(prefill: CasePrefill, ctx: CaseContext): CaseState {
  const draft: CaseDraftValues = { values: {}, skipped: [] };
  const area = prefill.areaId ? getArea(prefill.areaId, ctx.catalogue) : undefined;
  if (area) {
    draft.areaId = area.id;
    if (prefill.systemId === null) draft.systemId = null;
    else if (prefill.systemId && area.systemIds.includes(prefill.systemId)) draft.systemId = prefill.systemId;
    const form = prefill.formId ? getForm(prefill.formId, ctx.catalogue) : undefined;
    if (form && form.areaId === area.id && (draft.systemId === undefined || formOffered(area.id, draft.systemId, form.id, ctx))) {
      draft.formId = form.id;
    }
  }
  if (prefill.description !== undefined && prefill.description.trim() !== '') {
    draft.values.beskrivelse = prefill.description.trim();
  }
  const form = draft.formId ? getForm(draft.formId, ctx.catalogue) : undefined;
  for (const [id, value] of Object.entries(prefill.values ?? {})) {
    if (form && fieldById(form, id)) draft.values[id] = value;
  }
  if (prefill.sentFromMailboxId === null) draft.sentFromMailboxId = null;
  const state = settle({ status: 'collecting', draft, attempts: {}, ...(area ? { pathFromPrefill: true } : {}) }, ctx);
  if (prefill.told === undefined) return state;
  if (!formOf(state, ctx) && state.status === 'collecting') return { ...state, toldLater: prefill.told };
  const told = withTold(state, prefill.told, ctx);
  return told.pathFromPrefill ? { ...told, toldText: prefill.told } : told;
}

/**
 * The next question after a step of the path, with the first message's values filled once the form is known — chosen by
 * the user after it ({@link CaseState.toldLater}): "opret en sag om løn – 3 medarbejdere fik dobbelt løn", the form asked
 * and chosen, fills «Dobbelt udbetaling» and 3. Said as a note before the question.
 */
function askWithToldLater(state: CaseState, ctx: CaseContext): EngineResult {
  const told = state.toldLater;
  const settled = settle(state, ctx);
  if (told === undefined || !formOf(settled, ctx)) return ask(settled, ctx);
  delete settled.toldLater;
  const filled = withTold(settled, told, ctx);
  const form = formOf(filled, ctx);
  const fields = form ? form.fields.filter((f) => filled.told?.includes(f.id) && filled.draft.values[f.id] !== undefined) : [];
  if (fields.length === 0) return ask(filled, ctx);
  const list = (lang: 'da' | 'en'): string => filledList(fields, filled.draft.values, lang);
  return ask(filled, ctx, undefined, { da: sentenceOf(`Fra din besked har jeg udfyldt ${list('da')}`), en: sentenceOf(`From your message I have filled in ${list('en')}`) });
}

/** The fields a form may take from a sentence: not the description, a yes/no, a date or a phone number (too easily misread). */
const TOLD_TYPES: ReadonlySet<Field['type']> = new Set(['choice', 'multiChoice', 'text', 'number', 'email']);

/** The values the first message tells, in the fields still empty of the form chosen ({@link toldValues}). */
function withTold(input: CaseState, told: string, ctx: CaseContext): CaseState {
  const form = formOf(input, ctx);
  if (!form || input.status !== 'collecting') return input;
  const d = input.draft;
  const fields = form.fields.filter((f) => TOLD_TYPES.has(f.type) && f.id !== 'emne' && isFieldVisible(f, d.values) && d.values[f.id] === undefined);
  const values = toldValues(told, fields, valueOrUndefined);
  const ids = form.fields.filter((f) => values[f.id] !== undefined).map((f) => f.id);
  if (ids.length === 0) return input;
  const state = cloneJson(input);
  for (const id of ids) state.draft.values[id] = values[id] as FieldValue;
  state.told = ids;
  return settle(state, ctx);
}

function formOffered(areaId: string, systemId: string | null, formId: string, ctx: CaseContext): boolean {
  return formsFor(areaId, systemId, ctx.catalogue).some((f) => f.id === formId);
}

// ---------------------------------------------------------------------------------------------
// Where are we

function formOf(state: CaseState, ctx: CaseContext): FormDefinition | undefined {
  return state.draft.formId ? getForm(state.draft.formId, ctx.catalogue) : undefined;
}

/** The form's fields the user must still answer (visible, not answered, not skipped). */
function openField(form: FormDefinition, draft: CaseDraftValues): Field | undefined {
  return form.fields.find((f) => isFieldVisible(f, draft.values) && draft.values[f.id] === undefined && !draft.skipped.includes(f.id));
}

/** A prefilled value that does not validate (a too short description) is asked for instead. */
function dropInvalidPrefill(form: FormDefinition, draft: CaseDraftValues): void {
  for (const [id, value] of Object.entries(draft.values)) {
    const field = fieldById(form, id);
    if (!field || !parseField(field, value).ok) delete draft.values[id];
  }
}

/**
 * A deep copy of plain JSON data (the engine's state: objects, arrays, strings, numbers, booleans),
 * as structuredClone makes it without its serialiser: 2–3 µs against 17–23 µs for a case's state,
 * and a case turn copies it two or three times.
 */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const inner = cloneJson((value as Record<string, unknown>)[key]);
    // A key "__proto__" (JSON.parse makes it an own property) stays one: no prototype is set.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: inner, enumerable: true, writable: true, configurable: true });
    else copy[key] = inner;
  }
  return copy as T;
}

/** Fills in what needs no question (one form, one institution, no mailbox) and moves to the summary when all is answered. */
function settle(input: CaseState, ctx: CaseContext): CaseState {
  const state: CaseState = cloneJson(input);
  if ((state.status === 'confirmAnswer' || state.status === 'cprFound') && !pendingField(state, ctx)) {
    // A broken pending answer (the form changed under it): ask the field again.
    state.status = 'collecting';
    delete state.pendingAnswer;
  }
  if (state.status !== 'collecting') return state;
  const d = state.draft;
  if (!d.areaId) return state;
  if (d.systemId === undefined && systemsOf(d.areaId, ctx.catalogue).length === 0) d.systemId = null;
  if (d.systemId === undefined) return state;
  if (!d.formId) {
    const forms = formsFor(d.areaId, d.systemId, ctx.catalogue);
    if (forms.length === 1 && forms[0]) d.formId = forms[0].id;
    else return state;
  }
  const form = formOf(state, ctx);
  if (!form) return state;
  dropInvalidPrefill(form, d);
  if (d.institutionId === undefined && ctx.institutions.length === 1 && ctx.institutions[0]) d.institutionId = ctx.institutions[0].id;
  if (d.institutionId === undefined) return state;
  if (d.sentFromMailboxId === undefined && ctx.mailboxes.length === 0) d.sentFromMailboxId = null;
  if (d.sentFromMailboxId === undefined) return state;
  if (holdCprAnswer(state, form)) return state;
  if (openField(form, d)) return state;
  state.status = 'summary';
  delete state.editing;
  state.idempotencyKey ??= ctx.newKey();
  return state;
}

/**
 * No free-text value holding a CPR-like number is kept silently, whichever way it came (an answer,
 * the first message, a stuck field answered after all): it is taken out and the user is asked to
 * remove the number or write the answer again.
 */
function holdCprAnswer(state: CaseState, form: FormDefinition): boolean {
  const d = state.draft;
  const field = form.fields.find((f) => (f.type === 'text' || f.type === 'longText') && isFieldVisible(f, d.values) && typeof d.values[f.id] === 'string' && hasCprNumber(d.values[f.id] as string));
  if (!field) return false;
  state.status = 'cprFound';
  state.pendingAnswer = { fieldId: field.id, input: String(d.values[field.id]) };
  delete d.values[field.id];
  return true;
}

function pendingField(state: CaseState, ctx: CaseContext): Field | undefined {
  const form = formOf(state, ctx);
  return form && state.pendingAnswer ? fieldById(form, state.pendingAnswer.fieldId) : undefined;
}

function stepOf(state: CaseState, ctx: CaseContext): { kind: StepKind; field?: Field } | undefined {
  const d = state.draft;
  switch (state.status) {
    case 'complete':
    case 'cancelled':
      return undefined;
    case 'summary':
      return { kind: 'summary' };
    case 'pickField':
      return { kind: 'pickField' };
    case 'confirmAnswer':
    case 'cprFound': {
      const field = pendingField(state, ctx);
      return field ? { kind: state.status, field } : { kind: 'summary' };
    }
    case 'stuck': {
      const form = formOf(state, ctx);
      const field = form && state.stuckField ? fieldById(form, state.stuckField) : undefined;
      return field ? { kind: 'stuck', field } : { kind: 'summary' };
    }
    case 'collecting':
      break;
  }
  if (!d.areaId) return { kind: 'area' };
  if (d.systemId === undefined) return { kind: 'system' };
  if (!d.formId) return { kind: 'form' };
  if (d.institutionId === undefined) return { kind: 'institution' };
  if (d.sentFromMailboxId === undefined) return { kind: 'sentFrom' };
  const form = formOf(state, ctx);
  const field = form ? openField(form, d) : undefined;
  return field ? { kind: 'field', field } : { kind: 'summary' };
}

function stepKey(step: { kind: StepKind; field?: Field }): string {
  return step.field ? `${step.kind}:${step.field.id}` : step.kind;
}

// ---------------------------------------------------------------------------------------------
// Choices per step

/**
 * The choices made from the catalogue (areas, an area's systems, the forms for an area and system, a
 * field's options), made once per catalogue or field and shared: a frozen list, so a caller that
 * changed one would fail loudly. Shared choice objects also keep their match keys (see matching.ts)
 * from turn to turn.
 */
const catalogueChoices = new WeakMap<object, Map<string, Choice[]>>();

function memoised(owner: object, key: string, make: () => Choice[]): Choice[] {
  let byKey = catalogueChoices.get(owner);
  if (!byKey) {
    byKey = new Map();
    catalogueChoices.set(owner, byKey);
  }
  let choices = byKey.get(key);
  if (!choices) {
    choices = Object.freeze(make()) as Choice[];
    byKey.set(key, choices);
  }
  return choices;
}

function areaChoices(ctx: CaseContext): Choice[] {
  return memoised(ctx.catalogue, 'areas', () => ctx.catalogue.areas.map((a) => ({ id: a.id, label: a.name, aliases: a.aliases })));
}

const NO_SYSTEM_CHOICE: Choice = { id: NO_SYSTEM, label: { da: 'Intet bestemt system', en: 'No particular system' }, aliases: ['ingen', 'intet', 'andet', 'none', 'other', 'ved ikke', "don't know"] };

function systemChoices(state: CaseState, ctx: CaseContext): Choice[] {
  const areaId = state.draft.areaId ?? '';
  return memoised(ctx.catalogue, `systems\u0000${areaId}`, () => [
    ...systemsOf(areaId, ctx.catalogue).map((s) => ({ id: s.id, label: { da: s.name, en: s.name }, aliases: s.aliases })),
    NO_SYSTEM_CHOICE,
  ]);
}

function formChoices(state: CaseState, ctx: CaseContext): Choice[] {
  const areaId = state.draft.areaId ?? '';
  const systemId = state.draft.systemId ?? null;
  return memoised(ctx.catalogue, `forms\u0000${areaId}\u0000${systemId ?? '\u0001'}`, () =>
    formsFor(areaId, systemId, ctx.catalogue).map((f) => ({ id: f.id, label: f.title, aliases: f.aliases })),
  );
}

function institutionChoices(ctx: CaseContext): Choice[] {
  return ctx.institutions.map((i) => ({ id: i.id, label: { da: i.name, en: i.name } }));
}

/** The shared mailbox named by what it is, not by its address ("fra fællespostkassen", "postkassen", "from the shared mailbox"). */
const A_SHARED_MAILBOX = /(?<![\p{L}\d])(?:(?:fælles)?post(?:kasse|kassen)|(?:fælles)?mailbox(?:en)?|(?:shared|team|group)\s+(?:mail\s*box|inbox|e-?mail|address)|fælles(?:adressen|mailen|mail)?)(?![\p{L}\d])/iu;

/** The user named as the sender ("mig", "min egen", "me"). */
const NAMES_ME = /(?<![\p{L}\d])(?:mig|min\s+egen|me|myself|my\s+own)(?![\p{L}\d])/iu;

function sentFromChoices(ctx: CaseContext): Choice[] {
  // With one mailbox, the mailbox named by what it is names it; with several, it is asked which (see answerStep).
  const generic = ctx.mailboxes.length === 1 ? ['fællespostkassen', 'fællespostkasse', 'fra fællespostkassen', 'postkassen', 'fra postkassen', 'shared mailbox', 'the shared mailbox', 'from the shared mailbox', 'mailbox', 'the mailbox'] : [];
  return [
    { id: FROM_ME, label: { da: `Fra mig (${ctx.userEmail})`, en: `From me (${ctx.userEmail})` }, aliases: ['mig', 'mig selv', 'fra mig selv', 'min egen', 'mine egne', 'fra min egen', 'me', 'myself', 'from myself', 'my own', ctx.userEmail] },
    ...ctx.mailboxes.map((m) => ({
      id: m.id,
      label: { da: `Fra ${m.email}`, en: `From ${m.email}` },
      aliases: [m.email, m.email.split('@')[0] ?? m.email, ...generic],
    })),
  ];
}

function fieldChoices(field: Field): Choice[] {
  return memoised(field, 'options', () => {
    if (field.type === 'choice' || field.type === 'multiChoice') return field.choices.map((c) => ({ id: c.id, label: c.label, aliases: c.aliases }));
    if (field.type === 'yesNo') {
      return [
        { id: 'ja', label: { da: 'Ja', en: 'Yes' } },
        { id: 'nej', label: { da: 'Nej', en: 'No' } },
      ];
    }
    return [];
  });
}

/** A field question's choices: the field's options, and "Spring over" when it is optional. */
function fieldQuestionChoices(field: Field): Choice[] {
  return memoised(field, 'question', () => [...fieldChoices(field), ...(field.required ? [] : [SKIP_CHOICE])]);
}

function pickFieldChoices(form: FormDefinition, draft: CaseDraftValues): Choice[] {
  return form.fields.filter((f) => isFieldVisible(f, draft.values)).map((f) => ({ id: f.id, label: f.label }));
}

// ---------------------------------------------------------------------------------------------
// Questions

const TYPE_HINTS: Partial<Record<Field['type'], Localized>> = {
  date: { da: 'Skriv datoen som dd-mm-åååå, fx 01-03-2026, eller med ord, fx "i går", "1. marts" eller "på mandag".', en: 'Write the date as dd-mm-yyyy, e.g. 01-03-2026, or in words, e.g. "yesterday", "1 March" or "on Monday".' },
  email: { da: 'Skriv en e-mailadresse, fx `navn@institution.dk`.', en: 'Write an e-mail address, e.g. `name@institution.dk`.' },
  phone: { da: 'Skriv et telefonnummer med 8 cifre.', en: 'Write a phone number with 8 digits.' },
  number: { da: 'Skriv et tal, fx 1.250,50.', en: 'Write a number, e.g. 1250.50.' },
  multiChoice: { da: 'Du kan vælge flere, adskilt med komma.', en: 'You can choose several, separated by commas.' },
  yesNo: { da: 'Svar ja eller nej.', en: 'Answer yes or no.' },
  longText: { da: 'Skriv med dine egne ord. Skriv ikke CPR-numre.', en: 'Write in your own words. Do not write CPR numbers.' },
};

/** A whole-number field's hint: its example is a whole number, not an amount. */
function integerHint(field: FieldOf<'number'>): Localized {
  const n = integerExample(field);
  return { da: `Skriv et helt tal, fx ${n} eller "ca. ${n}".`, en: `Write a whole number, e.g. ${n} or "about ${n}".` };
}

/** A field's help: its own or its type's hint, then its example ("Fx: F-2026-17"). */
function withHelp(field: Field): { help?: Localized } {
  const help = field.help ?? (field.type === 'number' && field.integer ? integerHint(field) : TYPE_HINTS[field.type]);
  const example = field.example;
  if (!example) return help ? { help } : {};
  const lead = (lang: 'da' | 'en'): string => (help ? `${ended(help[lang])} ` : '');
  return { help: { da: `${lead('da')}Fx: ${example.da}`, en: `${lead('en')}E.g.: ${example.en}` } };
}

function summaryLines(state: CaseState, ctx: CaseContext): SummaryLine[] {
  const d = state.draft;
  const lines: SummaryLine[] = [];
  const area = d.areaId ? getArea(d.areaId, ctx.catalogue) : undefined;
  if (area) lines.push({ label: { da: 'Område', en: 'Area' }, value: area.name });
  const system = d.systemId ? getSystem(d.systemId, ctx.catalogue) : undefined;
  lines.push({ label: { da: 'System', en: 'System' }, value: system ? { da: system.name, en: system.name } : { da: 'Intet bestemt system', en: 'No particular system' } });
  const form = formOf(state, ctx);
  if (form) lines.push({ label: { da: 'Formular', en: 'Form' }, value: form.title });
  const institution = ctx.institutions.find((i) => i.id === d.institutionId);
  if (institution && ctx.institutions.length > 1) lines.push({ label: { da: 'Institution', en: 'Institution' }, value: { da: institution.name, en: institution.name } });
  if (ctx.mailboxes.length > 0) {
    const mailbox = ctx.mailboxes.find((m) => m.id === d.sentFromMailboxId);
    const from = mailbox?.email ?? ctx.userEmail;
    lines.push({ label: { da: 'Sendes fra', en: 'Sent from' }, value: { da: from, en: from } });
  }
  // The case's title as the desk and "mine sager" will show it: the subject field, or made from the description.
  const description = d.values.beskrivelse;
  if (form && !form.fields.some((f) => f.id === 'emne') && typeof description === 'string') {
    const title = (lang: 'da' | 'en'): string => caseSubject(d.values, form.title[lang], titleContext(form, d.systemId ?? null, d.values, lang, ctx.catalogue));
    lines.push({ label: { da: 'Titel', en: 'Title' }, value: { da: title('da'), en: title('en') } });
  }
  for (const field of form?.fields ?? []) {
    if (!isFieldVisible(field, d.values)) continue;
    const value = d.values[field.id];
    lines.push({
      label: field.label,
      value: value === undefined ? { da: '(ikke udfyldt)', en: '(not filled in)' } : { da: formatFieldValue(field, value, 'da'), en: formatFieldValue(field, value, 'en') },
    });
  }
  return lines;
}

/** The steps at which a path chosen from the first message is said and can be changed. */
const PATH_STEPS: ReadonlySet<StepKind> = new Set(['system', 'form', 'institution', 'sentFrom', 'field', 'cprFound']);

/** "Jeg har valgt Økonomi og Regnskab → IndFak/SDI → Faktura i IndFak." */
function pathOf(state: CaseState, ctx: CaseContext): Localized | undefined {
  const d = state.draft;
  const area = d.areaId ? getArea(d.areaId, ctx.catalogue) : undefined;
  if (!area) return undefined;
  const system = d.systemId ? getSystem(d.systemId, ctx.catalogue) : undefined;
  const form = formOf(state, ctx);
  const parts = (lang: 'da' | 'en'): string => [area.name[lang], ...(system ? [system.name] : []), ...(form ? [form.title[lang]] : [])].join(' → ');
  const told = form ? form.fields.filter((f) => state.told?.includes(f.id) && d.values[f.id] !== undefined) : [];
  if (told.length > 0) {
    const list = (lang: 'da' | 'en'): string => filledList(told, d.values, lang);
    return { da: sentenceOf(`Jeg har valgt ${parts('da')}. Fra din besked har jeg udfyldt ${list('da')}`), en: sentenceOf(`I have chosen ${parts('en')}. From your message I have filled in ${list('en')}`) };
  }
  return { da: `Jeg har valgt ${parts('da')}.`, en: `I have chosen ${parts('en')}.` };
}

/** What to look for in a sentence typed at the field (a text field with a format is a code: "marts 2026", "12 34 56 78"). */
function valueShape(field: Field): ValueShape {
  if (field.type === 'text') return field.format !== undefined ? 'formatted' : (field.shape ?? 'shortText');
  const shape = fieldShape(field);
  return shape === 'code' || shape === 'name' || shape === 'number' || shape === 'date' || shape === 'email' || shape === 'phone' ? shape : 'shortText';
}

/** What the field's value looks like, for the router. */
export function fieldShape(field: Field): AnswerShape {
  switch (field.type) {
    case 'text':
      return field.shape ?? 'shortText';
    case 'multiChoice':
      return 'choice';
    default:
      return field.type;
  }
}

/** An expectation's copy of a question's choice (id, label, aliases), made once per choice object. */
const expectationChoices = new WeakMap<Choice, Choice>();

function expectationChoice(c: Choice): Choice {
  let copy = expectationChoices.get(c);
  if (!copy) {
    copy = { id: c.id, label: c.label, ...(c.aliases ? { aliases: c.aliases } : {}) };
    expectationChoices.set(c, copy);
  }
  return copy;
}

function fieldExpectation(field: Field, form?: FormDefinition, draft?: CaseDraftValues): FieldExpectation {
  const fields = form && draft ? fillableFields(form, draft, field.id) : [];
  return { kind: 'field', fieldId: field.id, label: field.label, shape: fieldShape(field), optional: !field.required, ...(fields.length >= 2 ? { fields } : {}) };
}

/** A part of a message read as a field's answer, as one typed alone; undefined when it does not fit ({@link severalValues}). */
function valueOrUndefined(field: Field, text: string): FieldValue | undefined {
  const parsed = parseAnswer(field, text);
  return parsed.ok ? parsed.value : undefined;
}

/** Whether a message at a field gives values for several of the form's fields ({@link severalValues}): the router takes it as the answer. */
export function givesSeveralValues(text: string, expectation: FieldExpectation): boolean {
  const asked = expectation.fields?.find((f) => f.id === expectation.fieldId);
  if (!expectation.fields || !asked || asked.type === 'longText' || asked.type === 'multiChoice' || hasCprNumber(text)) return false;
  return valuesAtField(text, expectation.fields, asked.id) !== undefined;
}

/** What the current question waits for (the router weighs an input against it). */
export function expectationOf(state: CaseState, ctx: CaseContext): Expectation {
  const question = currentQuestion(state, ctx);
  if (!question) return { kind: 'none' };
  const step = stepOf(state, ctx);
  const field = step?.field;
  switch (question.step) {
    case 'field':
      if (!field) return { kind: 'none' };
      return fieldExpectation(field, formOf(state, ctx), state.draft);
    case 'confirmAnswer':
      // Anything but a yes or a no is a new answer to the field: the router weighs it as at the field.
      return { kind: 'yesNo', about: `confirmAnswer:${field?.id ?? ''}`, ...(field ? { answers: fieldExpectation(field) } : {}) };
    default:
      return {
        kind: 'choice',
        about: field ? `${question.step}:${field.id}` : question.step,
        choices: question.choices.map(expectationChoice),
      };
  }
}

/** The question for the current step. Throws only on a broken state (a bug). */
export function currentQuestion(state: CaseState, ctx: CaseContext): Question | undefined {
  const question = stepQuestion(state, ctx);
  if (!question || !state.pathFromPrefill || !PATH_STEPS.has(question.step)) return question;
  const path = pathOf(state, ctx);
  return path ? { ...question, path, choices: [...question.choices, CHANGE_PATH] } : question;
}

function stepQuestion(state: CaseState, ctx: CaseContext): Question | undefined {
  const step = stepOf(state, ctx);
  if (!step) return undefined;
  const form = formOf(state, ctx);
  switch (step.kind) {
    case 'area':
      return { step: 'area', kind: 'choice', text: { da: 'Hvilket område drejer din henvendelse sig om?', en: 'Which area is your request about?' }, choices: areaChoices(ctx), optional: false };
    case 'system':
      return { step: 'system', kind: 'choice', text: { da: 'Hvilket system drejer det sig om?', en: 'Which system is it about?' }, choices: systemChoices(state, ctx), optional: false };
    case 'form':
      return { step: 'form', kind: 'choice', text: { da: 'Hvilken formular passer bedst?', en: 'Which form fits best?' }, choices: formChoices(state, ctx), optional: false };
    case 'institution':
      return { step: 'institution', kind: 'choice', text: { da: 'Hvilken institution gælder sagen?', en: 'Which institution is the case for?' }, choices: institutionChoices(ctx), optional: false };
    case 'sentFrom':
      return {
        step: 'sentFrom',
        kind: 'choice',
        text: { da: 'Skal sagen sendes fra dig eller fra en fællespostkasse?', en: 'Should the case be sent from you or from a shared mailbox?' },
        help: {
          da: 'En sag fra en fællespostkasse kan ses og opdateres af alle, der er tilknyttet postkassen.',
          en: 'A case sent from a shared mailbox can be seen and updated by everyone attached to the mailbox.',
        },
        choices: sentFromChoices(ctx),
        optional: false,
      };
    case 'field': {
      const field = step.field;
      if (!field) return undefined;
      const optional = !field.required;
      return {
        step: 'field',
        field: field.id,
        kind: field.type,
        text: field.label,
        ...withHelp(field),
        choices: fieldQuestionChoices(field),
        optional,
      };
    }
    case 'confirmAnswer': {
      const field = step.field;
      const typed = state.pendingAnswer?.input;
      if (!field || typed === undefined) return undefined;
      return {
        step: 'confirmAnswer',
        field: field.id,
        kind: 'yesNo',
        text: { da: `Er det dit svar til «${field.label.da}»?`, en: `Is that your answer to «${field.label.en}»?` },
        choices: [CONFIRM_ACTIONS.yes, CONFIRM_ACTIONS.no],
        optional: false,
        current: { da: typed, en: typed },
      };
    }
    case 'cprFound': {
      const field = step.field;
      const typed = state.pendingAnswer?.input;
      if (!field || typed === undefined) return undefined;
      const masked = maskCprNumbers(typed);
      return {
        step: 'cprFound',
        field: field.id,
        kind: 'choice',
        text: {
          da: `${CPR_REASON.da} Skal jeg fjerne det fra dit svar til «${field.label.da}», eller vil du skrive svaret igen?`,
          en: `${CPR_REASON.en} Shall I remove it from your answer to «${field.label.en}», or do you want to write the answer again?`,
        },
        help: {
          da: `Vælg "${CPR_ACTIONS.remove.label.da}" for at sende svaret med ${CPR_MASK} i stedet for nummeret, eller "${CPR_ACTIONS.rewrite.label.da}". Du kan også skrive et nyt svar uden CPR-nummer.`,
          en: `Choose "${CPR_ACTIONS.remove.label.en}" to send the answer with ${CPR_MASK} instead of the number, or "${CPR_ACTIONS.rewrite.label.en}". You can also write a new answer without the CPR number.`,
        },
        choices: [CPR_ACTIONS.remove, CPR_ACTIONS.rewrite],
        optional: false,
        current: { da: masked, en: masked },
      };
    }
    case 'stuck': {
      const field = step.field;
      if (!field) return undefined;
      return {
        step: 'stuck',
        field: field.id,
        kind: 'choice',
        text: field.required
          ? { da: `Feltet "${field.label.da}" er ikke lykkedes endnu. Vil du prøve igen eller annullere sagen?`, en: `The field "${field.label.en}" has not worked out yet. Do you want to try again or cancel the case?` }
          : { da: `Feltet "${field.label.da}" er ikke lykkedes endnu. Det er valgfrit: vil du springe det over, prøve igen eller annullere sagen?`, en: `The field "${field.label.en}" has not worked out yet. It is optional: skip it, try again or cancel the case?` },
        choices: field.required ? [STUCK_ACTIONS.retry, STUCK_ACTIONS.cancel] : [STUCK_ACTIONS.skip, STUCK_ACTIONS.retry, STUCK_ACTIONS.cancel],
        optional: false,
      };
    }
    case 'summary':
      return {
        step: 'summary',
        kind: 'summary',
        text: { da: 'Her er din sag. Skal jeg sende den?', en: 'Here is your case. Shall I send it?' },
        choices: [SUMMARY_ACTIONS.confirm, SUMMARY_ACTIONS.change, SUMMARY_ACTIONS.cancel],
        optional: false,
        summary: summaryLines(state, ctx),
      };
    case 'pickField':
      return {
        step: 'pickField',
        kind: 'choice',
        text: { da: 'Hvilket felt vil du rette?', en: 'Which field do you want to change?' },
        choices: form ? pickFieldChoices(form, state.draft) : [],
        optional: false,
      };
  }
}

/** A sentence that ends with a value ("… til 4.500,00 kr."): one full stop. */
function sentenceOf(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/** A help text as a sentence: ends with a mark. */
function ended(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.?!:…»"')]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What "hjælp" says at the current step. */
export function helpFor(state: CaseState, ctx: CaseContext): Localized {
  const question = currentQuestion(state, ctx);
  if (!question) return { da: 'Sagen er afsluttet.', en: 'The case is finished.' };
  const commands: Localized = question.path
    ? {
        da: `Skriv "${CHANGE_PATH.label.da}" for at vælge et andet område, "annuller" for at stoppe, eller "forfra" for at starte forfra.`,
        en: `Type "${CHANGE_PATH.label.en}" to choose another area, "cancel" to stop, or "start over" to begin again.`,
      }
    : {
        da: 'Skriv "annuller" for at stoppe, eller "forfra" for at starte forfra.',
        en: 'Type "cancel" to stop, or "start over" to begin again.',
      };
  const join = (a: Localized, b: Localized): Localized => ({ da: [a.da, b.da].filter((x) => x !== '').join(' '), en: [a.en, b.en].filter((x) => x !== '').join(' ') });
  switch (question.step) {
    case 'area':
      return join({ da: `Vælg det område, din henvendelse hører til: ${ctx.catalogue.areas.map((a) => `${a.name.da} (${a.description.da})`).join('; ')}.`, en: `Choose the area your request belongs to: ${ctx.catalogue.areas.map((a) => `${a.name.en} (${a.description.en})`).join('; ')}.` }, commands);
    case 'system':
      return join({ da: 'Vælg det system, henvendelsen handler om. Passer ingen, så vælg "Intet bestemt system".', en: 'Choose the system the request is about. If none fits, choose "No particular system".' }, commands);
    case 'form': {
      const forms = formsFor(state.draft.areaId ?? '', state.draft.systemId ?? null, ctx.catalogue);
      return join({ da: `Formularerne: ${forms.map((f) => `${f.title.da} – ${f.description.da}`).join(' ')}`, en: `The forms: ${forms.map((f) => `${f.title.en} – ${f.description.en}`).join(' ')}` }, commands);
    }
    case 'institution':
      return join({ da: 'Du kan oprette sager for flere institutioner. Vælg den, sagen gælder.', en: 'You can create cases for several institutions. Choose the one the case is for.' }, commands);
    case 'summary':
      return { da: 'Vælg "Bekræft" for at sende sagen, "Ret et felt" for at ændre et svar, eller "Annuller" for at droppe sagen.', en: 'Choose "Confirm" to send the case, "Change a field" to change an answer, or "Cancel" to drop the case.' };
    case 'pickField':
      return join({ da: 'Vælg det felt, du vil svare på igen. Bagefter ser du resuméet igen.', en: 'Choose the field you want to answer again. Afterwards you see the summary again.' }, commands);
    case 'confirmAnswer': {
      const form = formOf(state, ctx);
      const label = (form && question.field ? fieldById(form, question.field)?.label : undefined) ?? question.text;
      return join(
        { da: `Svar "ja", hvis det, du skrev, er dit svar til «${label.da}», eller "nej" for at svare igen. Du kan også skrive et nyt svar.`, en: `Answer "yes" if what you wrote is your answer to «${label.en}», or "no" to answer again. You can also write a new answer.` },
        commands,
      );
    }
    default: {
      const label = (text: string): string => `«${text.trim().replace(/[?:.]+$/, '')}»`;
      const asked: Localized = { da: `Svar på ${label(question.text.da)}.`, en: `Answer ${label(question.text.en)}.` };
      const base = question.help ? join(asked, { da: ended(question.help.da), en: ended(question.help.en) }) : asked;
      const skip: Localized = question.optional ? { da: 'Feltet er valgfrit: skriv "spring over" for at lade det stå tomt.', en: 'The field is optional: type "skip" to leave it empty.' } : { da: '', en: '' };
      return join(join(base, skip), commands);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Answering

function ask(state: CaseState, ctx: CaseContext, problem?: Localized, note?: Localized): EngineResult {
  const settled = settle(state, ctx);
  const question = currentQuestion(settled, ctx);
  if (!question) return { state: settled, outcome: settled.status === 'cancelled' ? { kind: 'cancelled' } : { kind: 'cancelled' } };
  return { state: settled, outcome: { kind: 'ask', question, ...(problem ? { problem } : {}), ...(note ? { note } : {}) } };
}

/**
 * "Det ved jeg ikke" at a choice: the user is helped, never dropped. The options explained (with the one
 * that fits when none does: «Andet», «Intet bestemt system»), or for a required field what it needs.
 */
function dontKnowHelp(state: CaseState, ctx: CaseContext, choices: readonly Choice[]): Localized {
  const lead: Localized = { da: 'Det er helt i orden.', en: 'That is quite all right.' };
  const join = (...parts: Localized[]): Localized => ({ da: parts.map((p) => p.da).filter((x) => x !== '').join(' '), en: parts.map((p) => p.en).filter((x) => x !== '').join(' ') });
  const step = stepOf(state, ctx);
  if (step?.kind === 'field' && step.field && (step.field.type === 'choice' || step.field.type === 'multiChoice' || step.field.type === 'yesNo')) {
    const options = fieldChoices(step.field);
    const other = options.find((c) => c.id === 'andet' || matchKey(c.label.da) === 'andet');
    return join(
      lead,
      { da: `Vælg den mulighed, der passer bedst: ${options.map((c) => c.label.da).join(', ')}.`, en: `Choose the option that fits best: ${options.map((c) => c.label.en).join(', ')}.` },
      other ? { da: `Passer ingen af dem, så vælg «${other.label.da}» og forklar det i beskrivelsen.`, en: `If none of them fits, choose «${other.label.en}» and explain in the description.` } : { da: '', en: '' },
    );
  }
  if (step?.kind === 'field' && step.field) {
    const field = step.field;
    const help = withHelp(field).help;
    return join(
      { da: `«${field.label.da}» skal udfyldes, for at sagen kan behandles.`, en: `«${field.label.en}» is needed for the case to be handled.` },
      help ? { da: ended(help.da), en: ended(help.en) } : { da: '', en: '' },
    );
  }
  if (step?.kind === 'summary' || step?.kind === 'confirmAnswer' || step?.kind === 'cprFound' || step?.kind === 'stuck') return helpFor(state, ctx);
  const help = helpFor(state, ctx);
  return choices.length > 0 ? join(lead, help) : help;
}

function notAChoice(choices: readonly Choice[], input: unknown): Localized {
  // "Hvilke muligheder har jeg?": the options, not a rebuke.
  if (typeof input === 'string' && ASKS.test(input)) {
    return { da: `Du kan vælge mellem: ${choices.map((c) => c.label.da).join(', ')}.`, en: `You can choose from: ${choices.map((c) => c.label.en).join(', ')}.` };
  }
  // "Ja", "ja opret", "yes please create a case" where the case is already under way: said so, and the step's options.
  if (typeof input === 'string' && (parseYesNo(input) === true || asksForTheCase(input))) {
    return {
      da: `Sagen er allerede i gang. Vælg en af: ${choices.map((c) => c.label.da).join(', ')}.`,
      en: `The case is already under way. Choose one of: ${choices.map((c) => c.label.en).join(', ')}.`,
    };
  }
  const shown = typeof input === 'string' && input.trim() !== '' && input.length <= 60 ? `"${input.trim()}" ` : '';
  return {
    da: `${shown === '' ? 'Det ' : shown}er ikke en af mulighederne. Vælg en af: ${choices.map((c) => c.label.da).join(', ')}.`,
    en: `${shown === '' ? 'That ' : shown}is not one of the options. Choose one of: ${choices.map((c) => c.label.en).join(', ')}.`,
  };
}

function inputText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  return '';
}

function failed(state: CaseState, key: string): number {
  const n = (state.attempts[key] ?? 0) + 1;
  state.attempts[key] = n;
  return n;
}

/** An answer of this many words or more is a sentence: it picks an area, system or form only by a name written out in it. */
export const SENTENCE_WORDS = 7;
/** Words that pick a choice only as the whole answer, never from inside a sentence ("… og intet virker", "de øvrige"). */
const LONE_KEYS: ReadonlySet<string> = new Set(['ingen', 'intet', 'andet', 'andre', 'oevrige', 'oevrigt', 'vedikke', 'none', 'other', 'dontknow', 'generel', 'generelt', 'general']);

function wordCount(text: string): number {
  return (text.match(/[\p{L}\d]+/gu) ?? []).length;
}

/**
 * Which area, system or form an answer names. A short answer as any choice ({@link chosen}: typos, parts of
 * names); a sentence ("Tolv ansatte fik for lidt i februar, og intet virker") only by one choice's name or alias
 * written out as one to three of its words — never by a word of "none of them" or a name's part buried in it.
 */
function pathChoice(choices: readonly Choice[], answer: unknown): Choice | undefined {
  const text = inputText(answer);
  if (wordCount(text) < SENTENCE_WORDS) return chosen(choices, answer);
  const words = matchWords(text);
  const spans = new Set<string>();
  for (let from = 0; from < words.length; from++) {
    for (let n = 1; n <= 3 && from + n <= words.length; n++) spans.add(words.slice(from, from + n).join(''));
  }
  const named = choices.filter((c) => [c.label.da, c.label.en, ...(c.aliases ?? [])].map(matchKey).some((k) => k.length >= 2 && !LONE_KEYS.has(k) && spans.has(k)));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * A sentence that describes the problem, typed where an area, system or form is asked ("Tolv ansatte fik for lidt i
 * februar …"): kept as the case's description (after what it already says), not thrown away. True when kept.
 */
function keepDescribed(draft: CaseDraftValues, answer: unknown, ctx: CaseContext): boolean {
  const text = inputText(answer).trim();
  if (wordCount(text) < SENTENCE_WORDS || ASKS.test(text) || !(ctx.describes?.(text) ?? true)) return false;
  const before = draft.values.beskrivelse;
  if (typeof before === 'string' && before.includes(text)) return true;
  const joined = typeof before === 'string' && before.trim() !== '' ? `${before}\n\n${text}` : text;
  if (joined.length > DESCRIPTION_MAX) return false;
  draft.values.beskrivelse = joined;
  return true;
}

/** The longest description any form takes (see catalogue.data.ts). */
const DESCRIPTION_MAX = 4000;

function keptAsDescription(choices: readonly Choice[]): Localized {
  return {
    da: `Det, du skrev, har jeg gemt som sagens beskrivelse. Vælg nu en af: ${choices.map((c) => c.label.da).join(', ')}.`,
    en: `I have kept what you wrote as the case's description. Now choose one of: ${choices.map((c) => c.label.en).join(', ')}.`,
  };
}

/** Which choice an input names (typed text, or a card's submitted id). */
function chosen(choices: readonly Choice[], input: unknown): Choice | undefined {
  return matchTolerant(choices, inputText(input));
}

/**
 * A yes or a no that opens a longer answer ("ja det er godkendt", "nej, det haster ikke", "yes, it is urgent"); undefined when the
 * words after it turn it ("ja men ikke endnu", "ja, det er ikke godkendt").
 */
function yesNoLead(text: string): boolean | undefined {
  const m = /^(ja|jo|jep|jeps|yes|yep|yeah|nej|nope|no|næ)[\s,.!:;–-]+(?=\p{L})(.*)$/iu.exec(text.trim());
  if (!m) return undefined;
  const yes = /^(?:ja|jo|jep|jeps|yes|yep|yeah)$/iu.test(m[1] ?? '');
  const rest = m[2] ?? '';
  if (/(?<![\p{L}])(?:men|but|dog|however)(?![\p{L}])/iu.test(rest) || /\?/.test(rest)) return undefined;
  if (yes && /(?<![\p{L}])(?:ikke|ingen|not|no|never|aldrig)(?![\p{L}])|n['’]t(?![\p{L}])/iu.test(rest)) return undefined;
  return yes;
}

/** Parses a field's answer; choice fields also accept numbers and typos. */
function parseAnswer(field: Field, input: unknown): ReturnType<typeof parseField> {
  // "Det er faktura 12345", "leverandøren hedder Dansk Kontor ApS": the value the sentence points at, by the field's shape
  // (a text field takes any sentence as it is, so the value in it is looked for first).
  const inSentence = typeof input === 'string' && field.type !== 'longText' && field.type !== 'choice' && field.type !== 'multiChoice' && field.type !== 'yesNo' ? valuesInSentence(input, valueShape(field), field.label) : [];
  if (field.type === 'text') {
    for (const candidate of inSentence) {
      const found = parseField(field, candidate);
      if (found.ok && found.value !== undefined) return found;
    }
  }
  const parsed = parseField(field, input);
  if (parsed.ok || typeof input !== 'string') return parsed;
  if (field.type === 'yesNo') {
    // "Ja, det er godkendt", "nej det haster ikke", "yes it is urgent": the yes or no the answer opens with.
    const said = yesNoLead(input);
    if (said !== undefined) return parseField(field, said);
  }
  for (const candidate of inSentence) {
    const found = parseField(field, candidate);
    if (found.ok && found.value !== undefined) return found;
  }
  if (field.type === 'choice') {
    const choice = matchTolerant(fieldChoices(field), input);
    return choice ? parseField(field, choice.id) : parsed;
  }
  if (field.type === 'multiChoice') {
    const parts = input.split(/[,;\n]|\s+(?:og|and|&)\s+/i).map((p) => p.trim()).filter((p) => p !== '');
    const ids = parts.map((p) => matchTolerant(fieldChoices(field), p)?.id);
    return ids.length > 0 && ids.every((id): id is string => id !== undefined) ? parseField(field, ids) : parsed;
  }
  return parsed;
}

/**
 * Applies one answer (chat text, or a card's value) to the current step. Never throws for bad
 * input. With `confirm` (see {@link AnswerOptions}) a field's valid value waits for the user's Ja.
 */
export function answerCase(input: CaseState, answer: unknown, ctx: CaseContext, options: AnswerOptions = {}): EngineResult {
  const result = answerStep(input, answer, ctx, options);
  const rejected = result.outcome.kind === 'ask' && result.outcome.problem !== undefined;
  if (result.state.pathFromPrefill && !rejected && result.state.status !== 'confirmAnswer' && result.state.status !== 'cprFound') {
    // The first answer taken: the path stands (the user can still say "forfra").
    delete result.state.pathFromPrefill;
    delete result.state.toldText;
    const question = result.outcome.kind === 'ask' ? currentQuestion(result.state, ctx) : undefined;
    if (result.outcome.kind === 'ask' && question) return { state: result.state, outcome: { ...result.outcome, question } };
  }
  return result;
}

/**
 * Back to the area step: nothing of the path chosen from the first message is kept (its description is, and the values it
 * tells wait for the form chosen instead).
 */
function changePath(state: CaseState, ctx: CaseContext): EngineResult {
  const d = state.draft;
  if (state.toldText !== undefined) state.toldLater = state.toldText;
  delete state.toldText;
  delete state.told;
  delete d.areaId;
  delete d.systemId;
  delete d.formId;
  const description = d.values.beskrivelse;
  d.values = description === undefined ? {} : { beskrivelse: description };
  d.skipped = [];
  state.attempts = {};
  delete state.pathFromPrefill;
  return ask(state, ctx);
}

/**
 * A "no" that opens a longer answer ("nej vent, beløbet var 4.500", "nej, det er 12345", "no wait, the
 * amount was 4500"), with what it says after the "no" — a correction, not a "no" to the question alone.
 */
const NO_LEAD = /^(?:nej|no|nope|næ)(?:[\s,.!:;–—-]+(?:vent(?:\s+lige)?|(?:et\s+)?øjeblik|hov|undskyld|sorry|wait|hold\s+on|altså|actually|faktisk|jeg\s+mente|i\s+mean|i\s+meant)(?![\p{L}\d]))*[\s,.!:;–—-]+(?=[\p{L}\d])/iu;

/** What follows a leading "no" ({@link NO_LEAD}), or undefined when the text does not open with one. */
export function afterNo(text: string): string | undefined {
  const t = text.trim();
  const lead = NO_LEAD.exec(t);
  if (!lead) return undefined;
  const rest = t.slice(lead[0].length).trim();
  return rest === '' ? undefined : rest;
}

/** "Det er 12345", "it's F-78": the value after the words that point to it. */
const POINTS_TO_VALUE = /^(?:(?:det|den|svaret|nummeret|it|that|the\s+answer)\s+(?:er|var|is|was|hedder|lyder\s+på)|it['’]s|that['’]s)\s+(?=\S)/iu;

/** The value in "det er 12345" ({@link POINTS_TO_VALUE}); the text itself when it points to none. */
function valueOf(text: string): string {
  const lead = POINTS_TO_VALUE.exec(text);
  return lead ? text.slice(lead[0].length).trim() : text;
}

/** A "ja" that opens a longer answer ("ja, det er F-1"): what follows it. */
const YES_LEAD = /^(?:ja|jo|yes|yep)[\s,.!:;–—-]+(?=[\p{L}\d])/iu;

function afterYes(text: string): string | undefined {
  const lead = YES_LEAD.exec(text);
  if (!lead) return undefined;
  const rest = text.slice(lead[0].length).trim();
  return rest === '' ? undefined : rest;
}

/** "Ja, det er rigtigt", "yes that's right": a yes in more words than the button's. */
const AFFIRMED =
  /^(?:(?:ja|jo|yes|yep|yeah)[\s,.!]*)?(?:ja|yes|tak|ja\s+tak|det\s+er\s+(?:rigtigt|korrekt|det|mit\s+svar)|det\s+passer|korrekt|rigtigt|præcis|netop|(?:that['’]?s|that\s+is|it['’]?s|it\s+is)\s+(?:right|correct|it|my\s+answer)|correct|right|exactly)[\s.!]*$/iu;

/** A cancel said in so many words after a "nej" ("nej tak", "nej, glem det", "no, don't send it"). */
const CLEAR_CANCEL =
  /^(?:tak|thanks|thank\s+you|annuller\p{L}*|afbryd\p{L}*|fortryd\p{L}*|glem\s+(?:det|den|alt|sagen)|drop\s+(?:det|den|sagen|it)|lad\s+være|stop|send\s+(?:den|det|sagen)\s+ikke|(?:du\s+skal\s+)?ikke\s+sende\s+(?:den|det|sagen)|(?:don['’]?t|do\s+not)\s+send(?:\s+it)?|cancel(?:\s+it|\s+the\s+case)?|forget\s+it|never\s*mind)(?:\s+(?:sagen|den|det|it|the\s+case|alligevel|bare|please|tak|anyway))*[\s.!]*$/iu;

/** Words of a field's label that say nothing of which field it is. */
const LABEL_STOPWORDS: ReadonlySet<string> = new Set(['hvad', 'hvilken', 'hvilket', 'hvilke', 'eller', 'hvis', 'skal', 'what', 'which', 'your', 'with', 'from', 'have', 'that', 'this', 'the', 'and', 'for', 'der', 'det', 'den', 'har', 'kan', 'you', 'til', 'med', 'som', 'hos', 'din', 'dit', 'new', 'nyt']);

/** The words that point from a field named to its new value ("beløbet var 4.500", "ret problemet til forkert kontering", "the amount should be 4500"). */
const TO_THE_VALUE =
  /^[\s,]*(?:(?:skal|skulle|bør|burde|should|must)\s+(?:være|have\s+været|rettes\s+til|ændres\s+til|be|have\s+been|be\s+changed\s+to)|(?:rettes|ændres|rettet|ændret)\s+til|(?:changed|corrected|set)\s+to|lyder\s+på|var|er|hedder|is|was|til|to|[:=])(?:\s+(?:faktisk|egentlig|actually|really))?(?![\p{L}\d])[\s:]*/iu;

/** Words that judge a value rather than give one ("beløbet er forkert", "the supplier is wrong"). */
const NOT_A_VALUE = /^(?:forkert\p{L}*|fejl\p{L}*|galt|rigtig\p{L}*|korrekt|ikke(?:\s.*)?|wrong|incorrect|not(?:\s.*)?|right|fine|fin|ok|okay|tom|empty|blank)$/iu;

/**
 * The field a correction names at the summary ("beløbet", "fakturanummeret", "the amount"), and the value
 * it gives after it ("var 4.500"), if any. The field whose label words the text uses most (a definite
 * form counts: "beløbet" for «Beløb»); undefined when none, or several equally.
 */
function namedField(form: FormDefinition, draft: CaseDraftValues, text: string): { field: Field; value?: string } | undefined {
  const tokens = [...text.matchAll(/[\p{L}\d]+/gu)].map((m) => ({ key: matchKey(m[0]), end: (m.index ?? 0) + m[0].length }));
  let best: { field: Field; score: number; end: number } | undefined;
  let tie = false;
  for (const field of form.fields) {
    if (!isFieldVisible(field, draft.values)) continue;
    const words = [...new Set(matchWords(`${field.label.da} ${field.label.en}`))].filter((w) => w.length >= 3 && !LABEL_STOPWORDS.has(w));
    let score = 0;
    let end = -1;
    for (const token of tokens) {
      const strong = words.some((w) => token.key === w || (w.length >= 4 && token.key.startsWith(w) && token.key.length - w.length <= 4));
      const weak = !strong && token.key.length >= 5 && words.some((w) => w.startsWith(token.key));
      if (strong || weak) {
        score += strong ? 2 : 1;
        end = Math.max(end, token.end);
      }
    }
    if (score === 0) continue;
    if (!best || score > best.score) {
      best = { field, score, end };
      tie = false;
    } else if (score === best.score) {
      tie = true;
    }
  }
  if (!best || tie) return undefined;
  const after = text.slice(best.end);
  const lead = TO_THE_VALUE.exec(after);
  const value = lead && lead[0].trim() !== '' ? after.slice(lead[0].length).trim().replace(/[\s.!]+$/u, '') : '';
  return value !== '' && !NOT_A_VALUE.test(value) ? { field: best.field, value } : { field: best.field };
}

/** To «Hvilket felt vil du rette?». */
function toPickField(state: CaseState, ctx: CaseContext): EngineResult {
  state.status = 'pickField';
  return ask(state, ctx);
}

/** The field asked again, to be answered anew (then back to the summary). */
function editField(state: CaseState, ctx: CaseContext, fieldId: string, problem?: Localized): EngineResult {
  const d = state.draft;
  delete d.values[fieldId];
  d.skipped = d.skipped.filter((id) => id !== fieldId);
  state.status = 'collecting';
  state.editing = fieldId;
  return ask(state, ctx, problem);
}

/**
 * A correction at the summary or at «Hvilket felt vil du rette?» ("beløbet var 4.500", "ret problemet til
 * forkert kontering"): the field it names gets the value it gives when that value fits (the summary shown
 * again, saying so), else the field is asked again. Undefined when the text names no field.
 */
function correctionOf(state: CaseState, ctx: CaseContext, text: string): { result: EngineResult; valued: boolean } | undefined {
  const form = formOf(state, ctx);
  const named = form ? namedField(form, state.draft, text) : undefined;
  if (!named) return undefined;
  const { field, value } = named;
  // A description is written anew, not made of the words after its name ("beskrivelsen er ikke dækkende").
  const parsed = value !== undefined && field.type !== 'longText' ? parseAnswer(field, value) : undefined;
  if (!parsed?.ok || parsed.value === undefined) return { result: editField(cloneJson(state), ctx, field.id), valued: false };
  const fixed = cloneJson(state);
  const newValue = parsed.value;
  fixed.draft.values[field.id] = newValue;
  fixed.draft.skipped = fixed.draft.skipped.filter((id) => id !== field.id);
  const result = ask(fixed, ctx);
  if (result.outcome.kind !== 'ask' || result.state.status !== 'summary') return { result, valued: true };
  const shown = (lang: 'da' | 'en'): string => formatFieldValue(field, newValue, lang);
  const note = { da: sentenceOf(`Jeg har rettet «${field.label.da}» til ${shown('da')}`), en: sentenceOf(`I have changed «${field.label.en}» to ${shown('en')}`) };
  return { result: { ...result, outcome: { ...result.outcome, note } }, valued: true };
}

/** The words of the form's own buttons and commands ("Spring over", "Bekræft", "Fjern CPR-nummeret", "Vælg et andet"). */
const BUTTON_WORDS: readonly Choice[] = [...Object.values(SUMMARY_ACTIONS), ...Object.values(STUCK_ACTIONS), ...Object.values(CPR_ACTIONS), CHANGE_PATH, SKIP_CHOICE];

/**
 * Why an answer is no text value of the field, or undefined when it may be one: a skip at a required text
 * ("Spring over", "ikke relevant", "ved ikke" — it cannot be left empty), or a button's words typed as the text.
 */
function notATextValue(field: Field, answer: unknown): Localized | undefined {
  if ((field.type !== 'text' && field.type !== 'longText') || typeof answer !== 'string' || answer.trim() === '') return undefined;
  const label = field.label;
  if (isSkip(answer)) {
    return field.required ? { da: `«${label.da}» skal udfyldes og kan ikke springes over.`, en: `«${label.en}» must be filled in; it cannot be skipped.` } : undefined;
  }
  const button = exactly(BUTTON_WORDS, answer);
  if (!button) return undefined;
  return { da: `«${answer.trim()}» er et valg på en knap, ikke et svar til «${label.da}». Skriv svaret med dine egne ord.`, en: `«${answer.trim()}» is a button's choice, not an answer to «${label.en}». Write the answer in your own words.` };
}

/**
 * "Spring over", "skip", "ingen" at a required choice (or yes/no) that none of its options is called: it cannot be left
 * empty — said so, with the options and the one to take when none fits. Undefined when the answer is no skip, or an option.
 */
function requiredChoiceSkipped(field: Field, answer: unknown): Localized | undefined {
  if (!field.required || (field.type !== 'choice' && field.type !== 'multiChoice' && field.type !== 'yesNo') || !isSkip(answer)) return undefined;
  if (parseField(field, answer).ok || exactly(fieldChoices(field), answer) || (field.type === 'yesNo' && parseYesNo(answer) !== undefined)) return undefined;
  const options = fieldChoices(field);
  const other = options.find((c) => c.id === 'andet');
  const label = { da: field.label.da.replace(/[?]$/u, ''), en: field.label.en.replace(/[?]$/u, '') };
  return {
    da: `«${label.da}» skal besvares og kan ikke springes over. Vælg en af: ${options.map((c) => c.label.da).join(', ')}.${other ? ` Passer ingen af dem, så vælg «${other.label.da}».` : ''}`,
    en: `«${label.en}» must be answered; it cannot be skipped. Choose one of: ${options.map((c) => c.label.en).join(', ')}.${other ? ` If none of them fits, choose «${other.label.en}».` : ''}`,
  };
}

/** The form's fields a message may fill now: visible, not yet answered (the one asked among them). */
function fillableFields(form: FormDefinition, draft: CaseDraftValues, askedId: string): Field[] {
  return form.fields.filter((f) => f.id === askedId || (isFieldVisible(f, draft.values) && draft.values[f.id] === undefined));
}

/**
 * Several values in one message at a field ({@link severalValues}): each field it names filled, the next question asked with
 * a note of what was filled. Undefined when the message is no such list (a description or a list of options is never one).
 */
function valuesGiven(state: CaseState, ctx: CaseContext, field: Field, answer: unknown): EngineResult | undefined {
  if (typeof answer !== 'string' || field.type === 'longText' || field.type === 'multiChoice' || hasCprNumber(answer)) return undefined;
  const form = formOf(state, ctx);
  if (!form) return undefined;
  const values = valuesAtField(answer, fillableFields(form, state.draft, field.id), field.id);
  if (!values) return undefined;
  const d = state.draft;
  const filled = form.fields.filter((f) => values[f.id] !== undefined);
  for (const f of filled) {
    d.values[f.id] = values[f.id] as FieldValue;
    d.skipped = d.skipped.filter((id) => id !== f.id);
    delete state.attempts[`field:${f.id}`];
  }
  return ask(state, ctx, undefined, { da: sentenceOf(`Jeg har udfyldt ${filledList(filled, values, 'da')}`), en: sentenceOf(`I have filled in ${filledList(filled, values, 'en')}`) });
}

/**
 * Values for several fields in one message at a field: a list ({@link severalValues}), or a sentence that tells the value
 * asked and others beside it ("det er faktura 998877 fra Lyreco på 12.300 kr", {@link toldValues}). Undefined otherwise.
 */
function valuesAtField(text: string, fields: readonly Field[], askedId: string): Record<string, FieldValue> | undefined {
  const listed = severalValues(text, fields, askedId, valueOrUndefined);
  if (listed || text.includes('?')) return listed;
  const told = toldValues(text, fields.filter((f) => TOLD_TYPES.has(f.type)), valueOrUndefined);
  // At a choice, two values of other fields ("fakturanr 12345 fra Dell" where the problem is asked) are taken too: the
  // choice is asked again after them, not refused as no option.
  const asked = fields.find((f) => f.id === askedId);
  if (told[askedId] === undefined && asked?.type === 'choice' && Object.keys(told).length >= 2) return told;
  return told[askedId] !== undefined && Object.keys(told).length >= 2 ? told : undefined;
}

/** «Fakturanummer» 12345, «Leverandør» Dell og «Beløb» 4.500,00 kr. */
function filledList(fields: readonly Field[], values: Record<string, FieldValue | undefined>, lang: 'da' | 'en'): string {
  const items = fields.map((f) => `«${f.label[lang].replace(/[?:]+$/u, '')}» ${formatFieldValue(f, values[f.id] as FieldValue, lang)}`);
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${lang === 'da' ? 'og' : 'and'} ${items[items.length - 1] ?? ''}`;
}

/** Ja (true), Nej (false) or neither (undefined) to "Er det dit svar …?": a button, or the words exactly. */
export function confirmed(answer: unknown): boolean | undefined {
  if (typeof answer === 'boolean') return answer;
  const choice = exactly([CONFIRM_ACTIONS.yes, CONFIRM_ACTIONS.no], answer);
  return choice ? choice.id === CONFIRM_ACTIONS.yes.id : undefined;
}

function answerStep(input: CaseState, answer: unknown, ctx: CaseContext, options: AnswerOptions): EngineResult {
  const state = settle(input, ctx);
  const step = stepOf(state, ctx);
  if (!step) return { state, outcome: { kind: 'cancelled' } };
  const d = state.draft;
  if (state.pathFromPrefill && PATH_STEPS.has(step.kind) && exactly([CHANGE_PATH], answer)) return changePath(state, ctx);
  // The step's own choices (without "Vælg et andet"), so a typo never lands on it.
  const question = stepQuestion(state, ctx);
  const choices = question?.choices ?? [];
  // "Det ved jeg ikke": not a value, and never a cancel. An optional field is left empty (below); the system
  // not known is «Intet bestemt system», said so; anywhere else the user is helped to answer.
  if (saysDontKnow(answer) && !exactly(choices, answer) && !(step.field && skipsField(step.field, answer))) {
    if (step.kind === 'system' && choices.some((c) => c.id === NO_SYSTEM)) {
      d.systemId = null;
      if (d.formId && d.areaId && !formOffered(d.areaId, null, d.formId, ctx)) delete d.formId;
      return ask(state, ctx, undefined, {
        da: `Så vælger jeg «${NO_SYSTEM_CHOICE.label.da}» – det passer, når du ikke ved, hvilket system det drejer sig om.`,
        en: `Then I choose «${NO_SYSTEM_CHOICE.label.en}» – it fits when you do not know which system it is about.`,
      });
    }
    return ask(state, ctx, dontKnowHelp(state, ctx, choices));
  }

  switch (step.kind) {
    case 'area': {
      const kept = keepDescribed(d, answer, ctx);
      const choice = pathChoice(choices, answer);
      if (!choice) return ask(state, ctx, kept ? keptAsDescription(choices) : notAChoice(choices, answer));
      d.areaId = choice.id;
      return askWithToldLater(state, ctx);
    }
    case 'system': {
      const kept = keepDescribed(d, answer, ctx);
      const choice = pathChoice(choices, answer);
      if (!choice) return ask(state, ctx, kept ? keptAsDescription(choices) : notAChoice(choices, answer));
      d.systemId = choice.id === NO_SYSTEM ? null : choice.id;
      // A form known before the system stays only if it is offered for this system.
      if (d.formId && d.areaId && !formOffered(d.areaId, d.systemId, d.formId, ctx)) delete d.formId;
      return askWithToldLater(state, ctx);
    }
    case 'form': {
      const kept = keepDescribed(d, answer, ctx);
      const choice = pathChoice(choices, answer);
      if (!choice) return ask(state, ctx, kept ? keptAsDescription(choices) : notAChoice(choices, answer));
      d.formId = choice.id;
      return askWithToldLater(state, ctx);
    }
    case 'institution': {
      const choice = matchNamePart(choices, inputText(answer));
      if (!choice) return ask(state, ctx, notAChoice(choices, answer));
      d.institutionId = choice.id;
      return ask(state, ctx);
    }
    case 'sentFrom': {
      const choice = chosen(choices, answer);
      const text = inputText(answer);
      const mailboxes = choices.filter((c) => c.id !== FROM_ME);
      // "Fra fællespostkassen", "from the shared mailbox": the one mailbox (also an alias of it); with several, which is asked.
      if (!choice && A_SHARED_MAILBOX.test(text) && !NAMES_ME.test(text)) {
        if (mailboxes.length === 1 && mailboxes[0]) {
          d.sentFromMailboxId = mailboxes[0].id;
          return ask(state, ctx);
        }
        return ask(state, ctx, {
          da: `Du er tilknyttet flere fællespostkasser. Hvilken skal sagen sendes fra: ${mailboxes.map((m) => m.label.da.replace(/^Fra /, '')).join(', ')}?`,
          en: `You are attached to several shared mailboxes. Which one should the case be sent from: ${mailboxes.map((m) => m.label.en.replace(/^From /, '')).join(', ')}?`,
        });
      }
      if (!choice) return ask(state, ctx, notAChoice(choices, answer));
      d.sentFromMailboxId = choice.id === FROM_ME ? null : choice.id;
      return ask(state, ctx);
    }
    case 'field': {
      const field = step.field;
      if (!field) return ask(state, ctx);
      const key = stepKey(step);
      // "Nej glem det", "no, forget it": a "no" with a cancel said in so many words is no value of the field — the case is cancelled.
      const rest = typeof answer === 'string' ? afterNo(answer) : undefined;
      // ("Nej tak" answers a field: the thanks alone is no cancel here.)
      if (rest !== undefined && CLEAR_CANCEL.test(rest) && !/^(?:tak|thanks|thank\s+you)[\s.!]*$/iu.test(rest)) return cancel(state);
      if (skipsField(field, answer)) {
        d.skipped.push(field.id);
        delete state.attempts[key];
        return ask(state, ctx);
      }
      // "Spring over" at a required text, a button's words typed as a text: never a value (no attempt counted).
      const notText = notATextValue(field, answer) ?? requiredChoiceSkipped(field, answer);
      if (notText) return ask(state, ctx, notText);
      // "Fakturanr 12345, leverandør Dell, beløb 4.500 kr": every field the message names is filled, and said so.
      const several = valuesGiven(state, ctx, field, answer);
      if (several) return several;
      const parsed = parseAnswer(field, answer);
      if (parsed.ok && parsed.value !== undefined && options.confirm && typeof answer === 'string' && !hasCprNumber(answer)) {
        state.status = 'confirmAnswer';
        state.pendingAnswer = { fieldId: field.id, input: answer.trim() };
        return ask(state, ctx);
      }
      if (parsed.ok && parsed.value !== undefined) {
        d.values[field.id] = parsed.value;
        d.skipped = d.skipped.filter((id) => id !== field.id);
        delete state.attempts[key];
        return ask(state, ctx);
      }
      if (parsed.ok) {
        // A blank answer to an optional field: left empty.
        d.skipped.push(field.id);
        return ask(state, ctx);
      }
      // Not sure the input was meant as an answer: say why it does not fit, but count no attempt.
      if (options.confirm) return ask(state, ctx, parsed.error.message);
      if (failed(state, key) >= MAX_ATTEMPTS) {
        state.status = 'stuck';
        state.stuckField = field.id;
      }
      return ask(state, ctx, parsed.error.message);
    }
    case 'confirmAnswer': {
      const pending = state.pendingAnswer;
      state.status = 'collecting';
      delete state.pendingAnswer;
      const text = typeof answer === 'string' ? answer.trim() : undefined;
      // The same text again ("Er det dit svar?" answered by typing it once more), or "ja, det er rigtigt", says yes.
      const yes = confirmed(answer) ?? (pending && text !== undefined && (text === pending.input.trim() || AFFIRMED.test(text)) ? true : undefined);
      // Ja: taken exactly as a normal answer (validated again, stored or re-asked with the reason).
      if (yes === true && pending) return answerStep(state, pending.input, ctx, {});
      // Nej: the field asked again.
      if (yes === false) return ask(state, ctx);
      // Anything else is a new answer to the field, weighed by the router as at the field (in doubt: confirmed
      // again): "nej, det er 12345" answers 12345, "nej det har jeg ikke" leaves an optional field empty.
      const rest = text === undefined ? undefined : (afterNo(text) ?? afterYes(text));
      return answerStep(state, rest === undefined ? answer : valueOf(rest), ctx, options);
    }
    case 'cprFound': {
      const choice = exactly(choices, answer);
      // "Spring over" here is no answer without the number: the choice is asked again, with why.
      const notText = choice || !step.field ? undefined : notATextValue(step.field, answer);
      if (notText && step.field) return ask(state, ctx, { da: `${notText.da} Vælg «${CPR_ACTIONS.remove.label.da}», eller skriv svaret igen uden CPR-nummeret.`, en: `${notText.en} Choose «${CPR_ACTIONS.remove.label.en}», or write the answer again without the CPR number.` });
      const pending = state.pendingAnswer;
      state.status = 'collecting';
      delete state.pendingAnswer;
      if (choice?.id === CPR_ACTIONS.rewrite.id) return ask(state, ctx);
      const field = step.field;
      const removed = choice?.id === CPR_ACTIONS.remove.id;
      const text = removed && pending ? maskCprNumbers(pending.input) : answer;
      // The field asked now: taken as a normal answer (validated again, checked again for CPR numbers).
      const next = stepOf(state, ctx);
      if (!field || (next?.kind === 'field' && next.field?.id === field.id)) return answerStep(state, text, ctx, removed ? {} : options);
      // A value from the first message, held before its field is asked: the answer goes to that field.
      const parsed = parseAnswer(field, text);
      if (parsed.ok && parsed.value !== undefined) {
        d.values[field.id] = parsed.value;
        d.skipped = d.skipped.filter((id) => id !== field.id);
      }
      return ask(state, ctx);
    }
    case 'stuck': {
      const field = step.field;
      if (!field) return ask(state, ctx);
      const choice = chosen(choices, answer);
      const direct = choice ? undefined : parseAnswer(field, answer);
      if (direct?.ok && direct.value !== undefined) {
        // The user answered the field after all.
        d.values[field.id] = direct.value;
        delete state.stuckField;
        delete state.attempts[`field:${field.id}`];
        state.status = 'collecting';
        return ask(state, ctx);
      }
      if (!choice) return ask(state, ctx, notAChoice(choices, answer));
      delete state.stuckField;
      delete state.attempts[`field:${field.id}`];
      if (choice.id === STUCK_ACTIONS.cancel.id) return cancel(state);
      state.status = 'collecting';
      if (choice.id === STUCK_ACTIONS.skip.id && !field.required) d.skipped.push(field.id);
      return ask(state, ctx);
    }
    case 'summary': {
      const exact = exactly(choices, answer);
      const text = typeof answer === 'string' ? answer : undefined;
      // "Nej vent, beløbet var 4.500": a "no" with more after it corrects — only a cancel in so many words cancels.
      const rest = exact || text === undefined ? undefined : afterNo(text);
      if (rest !== undefined) {
        if (CLEAR_CANCEL.test(rest)) return cancel(state);
        return correctionOf(state, ctx, rest)?.result ?? toPickField(state, ctx);
      }
      const choice = exact ?? chosen(choices, answer);
      // "Beløbet skal være 4.500", "ret problemet til mangler godkendelse": the field named, with a value that fits
      // it, is changed — whatever option a word of it resembles ("godkendelse" is no «Bekræft»). A field named
      // without one is asked again when no option is named.
      const corrected = text !== undefined && !exact ? correctionOf(state, ctx, text) : undefined;
      if (corrected && (corrected.valued || !choice || choice.id === SUMMARY_ACTIONS.change.id)) return corrected.result;
      // "Han er fratrådt.", "Mette starter i økonomiafdelingen og skal godkende rejser.": more about the case, said at the
      // summary — added to the description (said so), not refused as no option, nor read as an option by one word of it
      // ("godkende" is no «Bekræft»).
      if (!exact && text !== undefined && (!choice || wordCount(text) >= 4)) {
        const added = addedToDescription(state, ctx, text);
        if (added) return added;
      }
      if (!choice) return ask(state, ctx, notAChoice(choices, answer));
      if (choice.id === SUMMARY_ACTIONS.cancel.id) return cancel(state);
      if (choice.id === SUMMARY_ACTIONS.change.id) {
        state.status = 'pickField';
        return ask(state, ctx);
      }
      return complete(state, ctx);
    }
    case 'pickField': {
      const exact = exactly(choices, answer);
      // "Beløbet skal være 4.500": the field and its new value at once.
      const corrected = !exact && typeof answer === 'string' ? correctionOf(state, ctx, answer) : undefined;
      if (corrected) return corrected.result;
      const choice = exact ?? chosen(choices, answer);
      if (!choice) return ask(state, ctx, notAChoice(choices, answer));
      return editField(state, ctx, choice.id);
    }
  }
}

/** Words that approve, send or turn down the summary in a short message ("det ser fint ud", "send den bare", "looks good") rather than tell more. */
const APPROVES = /(?<![\p{L}])(?:send\p{L}*|bekræft\p{L}*|godkend\p{L}*|fint|fine|ok|okay|perfekt|perfect|great|super|korrekt|correct|rigtig\p{L}*|right|tak|thanks|thank|looks|ser\s+(?:godt|fint|rigtigt)\s+ud|annuller\p{L}*|cancel\p{L}*|drop|glem|forget|ret|change|edit|ændr\p{L}*)(?![\p{L}])/iu;

/**
 * A statement of three words or more typed at the summary that is no option, no correction and no question: added to the
 * form's description, when it has one and there is room, and the summary shown again with a note. Undefined otherwise.
 */
function addedToDescription(state: CaseState, ctx: CaseContext, text: string): EngineResult | undefined {
  const said = text.trim();
  const form = formOf(state, ctx);
  const field = form ? fieldById(form, 'beskrivelse') : undefined;
  if (!field || field.type !== 'longText' || wordCount(said) < 3 || ASKS.test(said) || hasCprNumber(said) || afterNo(said) !== undefined || yesNoLead(said) !== undefined || (APPROVES.test(said) && wordCount(said) <= 6)) return undefined;
  const before = state.draft.values.beskrivelse;
  const joined = typeof before === 'string' && before.trim() !== '' ? `${before.trim()}\n\n${said}` : said;
  if (!parseField(field, joined).ok) return undefined;
  state.draft.values.beskrivelse = joined;
  return ask(state, ctx, undefined, { da: 'Jeg har tilføjet det til beskrivelsen.', en: 'I have added that to the description.' });
}

/** The user cancels (from any step). */
export function cancel(state: CaseState): EngineResult {
  return { state: { ...cloneJson(state), status: 'cancelled' }, outcome: { kind: 'cancelled' } };
}

function complete(state: CaseState, ctx: CaseContext): EngineResult {
  const d = state.draft;
  const form = formOf(state, ctx);
  if (!form || d.systemId === undefined || d.institutionId === undefined || d.sentFromMailboxId === undefined) {
    state.status = 'collecting';
    return ask(state, ctx);
  }
  const parsed = parseForm(form, d.values);
  if (!parsed.ok) return backToField(state, ctx, parsed.error);
  state.status = 'complete';
  state.idempotencyKey ??= ctx.newKey();
  return {
    state,
    outcome: {
      kind: 'complete',
      submission: {
        formId: form.id,
        systemId: d.systemId,
        institutionId: d.institutionId,
        sentFromMailboxId: d.sentFromMailboxId,
        values: parsed.value,
        idempotencyKey: state.idempotencyKey,
      },
    },
  };
}

/** The portal refused some values after all: ask the first of them again with the reason. */
export function backToField(input: CaseState, ctx: CaseContext, problems: readonly { fieldId: string; message: Localized }[]): EngineResult {
  const state = cloneJson(input);
  const first = problems[0];
  state.status = 'collecting';
  if (first) {
    delete state.draft.values[first.fieldId];
    state.draft.skipped = state.draft.skipped.filter((id) => id !== first.fieldId);
  }
  return ask(state, ctx, first?.message);
}

/** The question to ask now (start of a dialog, re-prompt after an interruption). */
export function resume(state: CaseState, ctx: CaseContext): EngineResult {
  return ask(state, ctx);
}
