/**
 * Cases (sager): numbers, the status lifecycle and its transition table, comments, and the event
 * history. Pure; the stores persist what these rules allow.
 */
import { z } from 'zod';
import { formValuesSchema } from './form.js';
import { actorSchema, institutionIdSchema, isoTimestampSchema, userIdSchema, type Actor } from './organisation.js';
import { err, ok, okVoid, type DomainError, type Result } from './result.js';
import type { Language, Localized } from './text.js';

// ---------------------------------------------------------------------------------------------
// Numbers

/** `SA-<year>-<6 digits>`, e.g. SA-2026-000123. */
export const CASE_NUMBER = /^SA-(\d{4})-(\d{6})$/;
export const caseNumberSchema = z.string().regex(CASE_NUMBER, 'a case number like SA-2026-000123');
export type CaseNumber = z.infer<typeof caseNumberSchema>;

/** The highest sequence number that fits the six digits. */
export const MAX_CASE_SEQUENCE = 999_999;

export function formatCaseNumber(year: number, sequence: number): CaseNumber {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_CASE_SEQUENCE) {
    throw new RangeError(`case: sequence ${sequence} does not fit SA-<year>-<6 digits>`);
  }
  return `SA-${year}-${String(sequence).padStart(6, '0')}`;
}

// Built once: constructing an Intl.DateTimeFormat costs about 0.13 ms, formatting with one 2 µs.
const DANISH_YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', year: 'numeric' });
const DANISH_DATE_TIME = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The year a case number carries: the year in Denmark when the case was created. */
export function caseYear(at: Date): number {
  return Number(DANISH_YEAR.format(at));
}

/** A case's time as users read it, in Danish time: `2026-03-01T09:05:00Z` → `01-03-2026 10:05`. */
export function danishDateTime(iso: string): string {
  const parts = DANISH_DATE_TIME.formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}-${get('month')}-${get('year')} ${get('hour')}:${get('minute')}`;
}

// "SAG-2026-1190", with the Danish word for case as its prefix, is the same number. After SAG the
// year and the number must stand apart: "sag2026123" says nothing clear.
const LOOSE_CASE_NUMBER = /\b(?:SA[\s-]?(\d{4})[\s-]?|SAG[\s-]?(\d{4})[\s-])(\d{1,6})\b/gi;

/**
 * The case numbers in a text, normalised: "status på sag sa 2026 123" → ["SA-2026-000123"].
 * Tolerates lower case, spaces instead of hyphens and missing leading zeros.
 */
export function findCaseNumbers(text: string): CaseNumber[] {
  const found: CaseNumber[] = [];
  for (const match of text.matchAll(LOOSE_CASE_NUMBER)) {
    const number = `SA-${match[1] ?? match[2] ?? ''}-${(match[3] ?? '').padStart(6, '0')}`;
    if (CASE_NUMBER.test(number) && !found.includes(number) && Number(match[3]) > 0) found.push(number);
  }
  return found;
}

/** One case number typed by a user, normalised, or undefined. */
export function parseCaseNumber(text: string): CaseNumber | undefined {
  const found = findCaseNumbers(text);
  return found.length === 1 ? found[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Statuses

export const CASE_STATUSES = ['modtaget', 'under_behandling', 'afventer_kunde', 'loest', 'lukket'] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const STATUS_LABELS: Readonly<Record<CaseStatus, Localized>> = {
  modtaget: { da: 'Modtaget', en: 'Received' },
  under_behandling: { da: 'Under behandling', en: 'In progress' },
  afventer_kunde: { da: 'Afventer kunde', en: 'Awaiting customer' },
  loest: { da: 'Løst', en: 'Resolved' },
  lukket: { da: 'Lukket', en: 'Closed' },
};

export function statusLabel(status: CaseStatus, lang: Language = 'da'): string {
  return STATUS_LABELS[status][lang];
}

/** Open statuses: the service desk still owes an answer or awaits one. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['modtaget', 'under_behandling', 'afventer_kunde'];

/** Who moves a case: the service desk, the customer (requester or a mailbox member), or the system (e.g. closing after some time). */
export type TransitionActor = 'agent' | 'customer' | 'system';

export interface Transition {
  from: CaseStatus;
  to: CaseStatus;
  by: readonly TransitionActor[];
  /** Why the transition exists, for the API documentation. */
  means: string;
}

/**
 * The lifecycle. *Lukket* is final; *Løst* may be reopened; a customer comment on *Afventer
 * kunde* (or *Løst*) moves the case back to *Under behandling* (see {@link planComment}).
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'modtaget', to: 'under_behandling', by: ['agent'], means: 'the desk takes the case' },
  { from: 'modtaget', to: 'afventer_kunde', by: ['agent'], means: 'the desk needs more information at once' },
  { from: 'modtaget', to: 'loest', by: ['agent'], means: 'answered at once' },
  { from: 'modtaget', to: 'lukket', by: ['agent', 'customer'], means: 'withdrawn or a duplicate' },
  { from: 'under_behandling', to: 'afventer_kunde', by: ['agent'], means: 'the desk asks the customer' },
  { from: 'under_behandling', to: 'loest', by: ['agent'], means: 'solved' },
  { from: 'under_behandling', to: 'lukket', by: ['agent'], means: 'closed without a solution (e.g. a duplicate)' },
  { from: 'afventer_kunde', to: 'under_behandling', by: ['agent', 'customer'], means: 'the customer answered' },
  { from: 'afventer_kunde', to: 'loest', by: ['agent'], means: 'solved' },
  { from: 'afventer_kunde', to: 'lukket', by: ['agent', 'system'], means: 'no answer from the customer' },
  { from: 'loest', to: 'under_behandling', by: ['agent', 'customer'], means: 'reopened: the solution did not hold' },
  { from: 'loest', to: 'lukket', by: ['agent', 'customer', 'system'], means: 'the solution is accepted' },
];

export function transitionActorOf(actor: Actor): TransitionActor {
  return actor.kind === 'user' ? 'customer' : actor.kind;
}

/** The statuses this actor may move a case to from `from`. */
export function nextStatuses(from: CaseStatus, by: TransitionActor): CaseStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && t.by.includes(by)).map((t) => t.to);
}

/** May this actor move a case from `from` to `to`? Refusals say why, in Danish and English. */
export function checkTransition(
  from: CaseStatus,
  to: CaseStatus,
  by: TransitionActor,
): Result<undefined, DomainError<'CASE.INVALID_TRANSITION' | 'CASE.TRANSITION_FORBIDDEN'>> {
  const fromDa = statusLabel(from, 'da');
  const toDa = statusLabel(to, 'da');
  const fromEn = statusLabel(from, 'en');
  const toEn = statusLabel(to, 'en');
  if (from === to) {
    return err('CASE.INVALID_TRANSITION', `Sagen har allerede status ${fromDa}.`, `The case already has the status ${fromEn}.`);
  }
  if (from === 'lukket') {
    return err('CASE.INVALID_TRANSITION', 'Sagen er lukket og kan ikke ændres. Opret en ny sag.', 'The case is closed and cannot be changed. Create a new case.');
  }
  const transition = TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!transition) {
    return err('CASE.INVALID_TRANSITION', `En sag kan ikke gå fra ${fromDa} til ${toDa}.`, `A case cannot go from ${fromEn} to ${toEn}.`);
  }
  if (!transition.by.includes(by)) {
    return err(
      'CASE.TRANSITION_FORBIDDEN',
      by === 'customer' ? `Kun servicedesken kan ændre sagen fra ${fromDa} til ${toDa}.` : `Sagen kan ikke ændres fra ${fromDa} til ${toDa} af ${by}.`,
      by === 'customer' ? `Only the service desk can change the case from ${fromEn} to ${toEn}.` : `The case cannot be changed from ${fromEn} to ${toEn} by ${by}.`,
    );
  }
  return okVoid();
}

// ---------------------------------------------------------------------------------------------
// Comments

export const COMMENT_MAX_LENGTH = 4000;
export const COMMENT_AUTHORS = ['customer', 'agent'] as const;
export type CommentAuthor = (typeof COMMENT_AUTHORS)[number];

export interface CommentPlan {
  text: string;
  /** The status the comment moves the case to, when it does. */
  statusChange?: { from: CaseStatus; to: CaseStatus };
}

/**
 * What a comment does. A customer's comment on *Afventer kunde* answers the desk and on *Løst*
 * reopens the case: both move it to *Under behandling*. Nobody comments on a closed case.
 */
export function planComment(
  status: CaseStatus,
  author: CommentAuthor,
  rawText: string,
): Result<CommentPlan, DomainError<'CASE.CLOSED' | 'CASE.EMPTY_COMMENT' | 'CASE.COMMENT_TOO_LONG'>> {
  const text = rawText.replace(/\r\n?/g, '\n').trim();
  if (text === '') return err('CASE.EMPTY_COMMENT', 'Kommentaren er tom.', 'The comment is empty.');
  if ([...text].length > COMMENT_MAX_LENGTH) {
    return err('CASE.COMMENT_TOO_LONG', `En kommentar må højst være ${COMMENT_MAX_LENGTH} tegn.`, `A comment may be at most ${COMMENT_MAX_LENGTH} characters.`);
  }
  if (status === 'lukket') {
    return err('CASE.CLOSED', 'Sagen er lukket, så der kan ikke kommenteres på den. Opret en ny sag.', 'The case is closed, so it cannot be commented on. Create a new case.');
  }
  if (author === 'customer' && (status === 'afventer_kunde' || status === 'loest')) {
    return ok({ text, statusChange: { from: status, to: 'under_behandling' } });
  }
  return ok({ text });
}

// ---------------------------------------------------------------------------------------------
// The case and its history

export const caseSchema = z
  .object({
    id: z.string().min(1),
    number: caseNumberSchema,
    areaId: z.string().min(1),
    systemId: z.string().min(1).nullable(),
    formId: z.string().min(1),
    formVersion: z.number().int().min(1),
    /** The validated field values (see formSchema). */
    values: formValuesSchema,
    /** A short title: the subject field, or the first line of the description. */
    subject: z.string().min(1).max(200),
    institutionId: institutionIdSchema,
    requesterId: userIdSchema,
    /** The requester, or the shared mailbox the case was sent from. */
    sentFromId: userIdSchema,
    status: caseStatusSchema,
    createdAt: isoTimestampSchema,
    updatedAt: isoTimestampSchema,
  })
  .strict();
export type Case = z.infer<typeof caseSchema>;

/** What a store needs to create a case; number, id, status and times are the store's. */
export type NewCase = Omit<Case, 'id' | 'number' | 'status' | 'createdAt' | 'updatedAt'>;

export const CASE_EVENT_TYPES = ['created', 'status_changed', 'comment'] as const;

const eventBase = {
  id: z.string().min(1),
  caseId: z.string().min(1),
  caseNumber: caseNumberSchema,
  actor: actorSchema,
  at: isoTimestampSchema,
};

export const caseEventSchema = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('created'), status: caseStatusSchema }).strict(),
  z
    .object({
      ...eventBase,
      type: z.literal('status_changed'),
      from: caseStatusSchema,
      to: caseStatusSchema,
      /** The agent's note with the change, if any. */
      note: z.string().nullable().default(null),
    })
    .strict(),
  z.object({ ...eventBase, type: z.literal('comment'), author: z.enum(COMMENT_AUTHORS), text: z.string().min(1) }).strict(),
]);
export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseEventType = CaseEvent['type'];

/** Longest title derived from a description. */
export const DERIVED_TITLE_MAX = 80;

/**
 * A case title from its description: the first sentence (or line), and when that is longer than
 * {@link DERIVED_TITLE_MAX}, cut at the last word boundary before it with "…" (never mid-word).
 */
export function titleFromDescription(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const firstLine = description.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  const sentence = /^.+?[.!?](?=\s+[\p{Lu}"«(]|$)/u.exec(firstLine.replace(/\s+/g, ' '))?.[0] ?? firstLine.replace(/\s+/g, ' ');
  const first = sentence !== '' ? sentence : text;
  if (first.length <= DERIVED_TITLE_MAX) return first.replace(/[.]$/, '');
  // Room for the "…": a word that ends exactly at the limit is cut with the rest.
  const room = first.slice(0, DERIVED_TITLE_MAX);
  const cut = room.lastIndexOf(' ');
  const head = (cut > DERIVED_TITLE_MAX / 3 ? room.slice(0, cut) : room.slice(0, DERIVED_TITLE_MAX - 1)).replace(/[\s,;:.–-]+$/, '');
  return `${head.slice(0, DERIVED_TITLE_MAX - 1)}…`;
}

/**
 * Words that say nothing a desk can sort by: greetings, politeness, pronouns and small words, and asking for help
 * or a case in general ("Hej", "Jeg har et problem", "Kan I hjælpe mig?", "I need help with something").
 */
const SAYS_NOTHING: ReadonlySet<string> = new Set(
  (
    'hej hejsa hallo halløj goddag godmorgen godaften davs kære hello hi hey dear good morning afternoon evening ' +
    'tak mange venlig venligst hilsen hilsner mvh thanks thank please regards kind best ' +
    'jeg vi du i me mig os jer we you us har have has had haft er is am are was were var være be been et en a an the den det de dem ' +
    'med with på on in om about af of for til to at og and eller or men but kan can could kunne vil will would gerne like skal shall should must ' +
    'need needs brug behov hjælp hjælpe help helps problem problemer problems issue issues udfordring udfordringer trouble fejl error errors ' +
    'spørgsmål question questions sag sagen sager case cases ticket henvendelse request noget nogen something someone anything ' +
    'lige bare just min mit mine my vores our your jeres der it this that dette denne her there so så also også nu now lidt little ' +
    'oprette opret create open lave make sende send få get got statens administration serviceportalen serviceportal portal portalen ' +
    'ang angående vedr vedrørende regarding re ift hvordan how hvad what hvorfor why ikke not no nej yes ja ok okay'
  ).split(' '),
);

/** A greeting before the words ("Hej, …", "Hej Statens Administration, …", "Hi there! …"). */
const GREETING_LEAD = /^(?:hej|hejsa|hallo|goddag|godmorgen|davs|kære|hello|hi|hey|dear|good\s+(?:morning|afternoon))(?:\s+[\p{L}.-]+){0,3}?\s*[,!:.]\s*/iu;

/** Whether a sentence says something of its own, beyond greeting, asking for help and the names already in the title. */
function informative(sentence: string, known: ReadonlySet<string>): boolean {
  const words = sentence.toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w !== '');
  // A name in the title counts inflected too ("lønkørslen" for «Fejl i lønkørsel»).
  const shared = (a: string, b: string): number => {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  const named = (w: string): boolean => known.has(w) || [...known].some((k) => k.length >= 5 && shared(w, k) >= k.length - 2 && Math.abs(w.length - k.length) <= 3);
  return words.some((w) => !SAYS_NOTHING.has(w) && !named(w) && (w.length > 1 || /\d/.test(w)));
}

/**
 * The description from its first sentence that says something ({@link informative}), its greeting left out; undefined
 * when none does ("Hej. Jeg har et problem.").
 */
export function informativePart(description: string, known: readonly string[] = []): string | undefined {
  const words = new Set(known.flatMap((k) => k.toLowerCase().split(/[^\p{L}\d]+/u)).filter((w) => w !== ''));
  const text = description.trim();
  // Each sentence (or line) where it starts in the text: the rest of the text from the first informative one is kept as written.
  const starts = [0, ...[...text.matchAll(/(?<=[.!?])\s+|\n\s*/gu)].map((m) => (m.index ?? 0) + m[0].length)];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i] ?? 0;
    const sentence = text.slice(from, starts[i + 1] ?? text.length);
    const greeting = GREETING_LEAD.exec(sentence)?.[0].length ?? 0;
    if (!informative(sentence.slice(greeting), words)) continue;
    const rest = text.slice(from + greeting).trim();
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return undefined;
}

/** What a case is about, for its title: the form and system ("Faktura i IndFak", "Brugeradgang til et system (RejsUd)"), and the form's choices answered. */
export interface TitleContext {
  what: string;
  /** The labels of the choices answered ("Fakturaen er afvist"), in the form's order. */
  choices?: readonly string[];
}

/**
 * The subject of a new case: the form's `emne` field; else, with what the case is about, "<form and system>: <the
 * description's first informative sentence>" (the choice answered when the description says nothing of its own), a
 * title a desk can sort by; else a title derived from `beskrivelse` ({@link titleFromDescription}); else the form title.
 */
export function caseSubject(values: Readonly<Record<string, unknown>>, fallback: string, about?: TitleContext): string {
  const clip = (s: string): string => (s.length > 120 ? `${s.slice(0, 117).trimEnd()}…` : s);
  const emne = values.emne;
  if (typeof emne === 'string' && emne.trim() !== '') return clip(emne.trim());
  const beskrivelse = values.beskrivelse;
  const described = typeof beskrivelse === 'string' && beskrivelse.trim() !== '' ? beskrivelse : undefined;
  if (about) {
    const part = described ? informativePart(described, [about.what]) : undefined;
    const detail = part ? titleFromDescription(part) : about.choices?.[0];
    return clip(detail ? `${about.what}: ${detail}` : about.what);
  }
  if (described) return titleFromDescription(informativePart(described) ?? described);
  return clip(fallback);
}
