/**
 * The Teams path for cases by card: the form card for "opret sag <formular>", the submission of
 * a card (Action.Submit as a message with `value`, Action.Execute as an `adaptiveCard/action`
 * invoke), status and "mine sager". A submission is validated with the portal's own form schema
 * and the case is created through PortalService with an idempotency key from the card's dialog
 * instance id, so a card sent twice creates one case.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ChannelIdentity } from '../../bot/channel-identity.js';
import type { Logger } from '../../bot/logger.js';
import {
  catalogue as defaultCatalogue,
  cprProblems,
  findCaseNumbers,
  findForm,
  getArea,
  getForm,
  getSystem,
  parseForm,
  type Catalogue,
  type FieldProblem,
  type FieldValue,
  type FormDefinition,
  type Language,
  type Localized,
  type PortalService,
} from '../../portal/index.js';
import type { AdaptiveCard } from '../../dialogs/cards/card-schema.js';
import { restoreSubmitted } from '../../dialogs/cards/card-text.js';
import { cardTexts, teamsReplies } from '../../dialogs/cards/card-texts.js';
import {
  CONTEXT_INPUT,
  FORM_STEP,
  renderCaseCard,
  renderCaseListCard,
  renderFormCard,
  renderFormChooserCard,
  renderNotYoursCard,
  renderSubmittedFormCard,
  SENT_FROM_SELF,
  type CardActionKind,
  type FormCardOptions,
} from '../../dialogs/cards/render.js';

/** What to show: a card (replacing the card that was sent, when `replace`), and messages after it. */
export interface CardReply {
  card?: AdaptiveCard;
  /** The card replaces the submitted card (update in place; in an invoke, the response). */
  replace: boolean;
  /** Markdown messages sent after the card. */
  messages: string[];
  /** Extra cards sent after the messages. */
  cards?: AdaptiveCard[];
  /** The submission was refused (the card is someone else's): nothing about the card changes. */
  refused?: boolean;
}

const submissionSchema = z
  .object({
    formStep: z.string().min(1).max(64),
    dialogInstanceId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
    formId: z.string().max(100).optional(),
    caseNumber: z.string().max(40).optional(),
    /** Whose the card is (the Teams member id it was made for). */
    owner: z.string().max(200).optional(),
    view: z.enum(['form', 'chooser', 'caseList']).optional(),
    [CONTEXT_INPUT.form]: z.string().max(100).optional(),
    [CONTEXT_INPUT.institution]: z.string().max(100).optional(),
    [CONTEXT_INPUT.system]: z.string().max(100).optional(),
    [CONTEXT_INPUT.sentFrom]: z.string().max(100).optional(),
  })
  .passthrough();

export type CardSubmission = z.infer<typeof submissionSchema>;

/** A submission's envelope, or undefined when `value` is not one of the assistant's cards. */
export function parseSubmission(value: unknown): CardSubmission | undefined {
  const parsed = submissionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export interface CardSubmissionsOptions {
  portal: PortalService;
  identity: ChannelIdentity;
  logger: Logger;
  /** Default the Serviceportal catalogue. */
  catalogue?: Catalogue;
  /** Action.Submit (default) or Action.Execute on the cards sent. */
  action?: CardActionKind;
}

type IdentityContext = Parameters<ChannelIdentity['resolve']>[0];

const CREATE = /^(?:opret|lav|create|new)\s+(?:en\s+|a\s+|ny\s+)?(?:sag|case)\b\s*(?:om|for|about|:|-)?\s*(.*)$/i;
const MY_CASES = /^(?:vis\s+)?(?:mine\s+sager|my\s+cases|show\s+my\s+cases)[.!?]?$/i;
const STATUS = /\b(?:status|sag|case)\b/i;

export class CardSubmissions {
  private readonly catalogue: Catalogue;
  private readonly kind: CardActionKind;

  constructor(private readonly options: CardSubmissionsOptions) {
    this.catalogue = options.catalogue ?? defaultCatalogue;
    this.kind = options.action ?? 'submit';
  }

  /** Whether a typed message is one the Teams path answers with a (personal) card. Cheap: no look-ups. */
  isCardRequest(text: string): boolean {
    const numbers = findCaseNumbers(text);
    return CREATE.test(text) || MY_CASES.test(text) || (numbers.length === 1 && STATUS.test(text));
  }

  /** A typed message the Teams path answers with a card, or undefined to let the conversation handle it. */
  async handleText(context: IdentityContext, text: string, lang: Language): Promise<CardReply | undefined> {
    const create = CREATE.exec(text);
    const myCases = MY_CASES.test(text);
    const numbers = findCaseNumbers(text);
    const status = numbers.length === 1 && STATUS.test(text);
    if (!create && !myCases && !status) return undefined;
    const userId = (await this.options.identity.resolve(context)).userId;
    if (!userId) return { replace: false, messages: [teamsReplies(lang).unknownUser] };
    const owner = ownerOf(context);
    if (create) {
      const form = this.findForm(create[1] ?? '');
      if (!form) return { replace: false, messages: create[1]?.trim() ? [teamsReplies(lang).unknownForm] : [], card: this.chooser(lang, owner) };
      return { replace: false, messages: [], card: await this.formCard(userId, form, {}, [], lang, randomUUID(), {}, owner) };
    }
    if (myCases) return this.caseList(userId, lang, owner);
    return this.caseStatus(userId, numbers[0] ?? '', lang);
  }

  /** Whether `value` is a submission of one of the Teams path's own cards (not the conversation's one-question cards). */
  isCardSubmission(value: unknown): boolean {
    const step = parseSubmission(value)?.formStep;
    return step === FORM_STEP.chooseForm || step === FORM_STEP.caseStatus || step === FORM_STEP.submit || step === FORM_STEP.refresh;
  }

  /** Whether a submission is of a card made for someone else (refused; the card stays as it was). */
  isForeign(context: IdentityContext, value: unknown): boolean {
    const submission = parseSubmission(value);
    return submission?.owner !== undefined && submission.owner !== ownerOf(context);
  }

  /** A card's submission (`activity.value`, or the data of an Action.Execute). */
  async handleSubmission(context: IdentityContext, value: unknown, lang: Language): Promise<CardReply | undefined> {
    const submission = parseSubmission(value);
    if (!submission) return undefined;
    const owner = ownerOf(context);
    if (submission.owner !== undefined && submission.owner !== owner) {
      this.options.logger.info({ formStep: submission.formStep, conversationId: context.activity.conversation?.id }, 'teams: a card submitted by someone else than its owner was refused');
      return { replace: false, refused: true, messages: [teamsReplies(lang).notYourCard] };
    }
    if (submission.formStep === FORM_STEP.refresh) return this.refresh(context, submission, lang);
    const userId = (await this.options.identity.resolve(context)).userId;
    if (!userId) return { replace: false, messages: [teamsReplies(lang).unknownUser] };
    switch (submission.formStep) {
      case FORM_STEP.chooseForm: {
        const form = getForm(submission[CONTEXT_INPUT.form] ?? '', this.catalogue);
        if (!form) return { replace: false, messages: [teamsReplies(lang).unknownForm], card: this.chooser(lang, owner) };
        return { replace: false, messages: [], card: await this.formCard(userId, form, {}, [], lang, randomUUID(), {}, owner) };
      }
      case FORM_STEP.caseStatus:
        return this.caseStatus(userId, submission.caseNumber ?? '', lang);
      case FORM_STEP.submit:
        return this.submitForm(userId, submission, lang);
      default:
        // A step of the conversation engine's one-question cards: not the Teams path's to answer.
        return undefined;
    }
  }

  /**
   * Universal Actions `refresh`: the viewer's own version of a card. The owner gets the card again
   * as it is now (the form with their institutions and mailboxes, their current cases); anyone
   * else a card that says it is someone else's, without its content.
   */
  async refresh(context: IdentityContext, value: unknown, lang: Language): Promise<CardReply> {
    const submission = parseSubmission(value);
    const t = teamsReplies(lang);
    const notYours: CardReply = { replace: true, messages: [], card: renderNotYoursCard(t.notYourCardTitle, t.notYourCard, lang) };
    if (!submission?.owner || submission.owner !== ownerOf(context)) return notYours;
    const owner = submission.owner;
    const userId = (await this.options.identity.resolve(context)).userId;
    if (!userId) return notYours;
    switch (submission.view) {
      case 'form': {
        const form = getForm(submission.formId ?? '', this.catalogue);
        if (!form) return { replace: true, messages: [], card: this.chooser(lang, owner) };
        return { replace: true, messages: [], card: await this.formCard(userId, form, {}, [], lang, submission.dialogInstanceId, {}, owner) };
      }
      case 'caseList':
        return { ...(await this.caseList(userId, lang, owner)), replace: true };
      default:
        return { replace: true, messages: [], card: this.chooser(lang, owner, submission.dialogInstanceId) };
    }
  }

  private async submitForm(userId: string, submission: CardSubmission, lang: Language): Promise<CardReply> {
    const form = getForm(submission.formId ?? '', this.catalogue);
    if (!form) return { replace: true, messages: [teamsReplies(lang).staleCard] };
    const raw = restoreSubmitted(submission) as Record<string, unknown>;
    const answers: Record<string, FieldValue | undefined> = {};
    for (const field of form.fields) {
      const v = raw[field.id];
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') answers[field.id] = v;
    }
    const context = { institutionId: submission[CONTEXT_INPUT.institution], systemId: submission[CONTEXT_INPUT.system], sentFrom: submission[CONTEXT_INPUT.sentFrom] };
    const owner = submission.owner;
    const options = await this.cardOptions(userId, form, submission.dialogInstanceId, context);
    const problems: FieldProblem[] = [];
    const institutionId = context.institutionId ?? (options.institutions?.length === 1 ? options.institutions[0]?.id : undefined);
    if (!institutionId || !options.institutions?.some((i) => i.id === institutionId)) problems.push(required(CONTEXT_INPUT.institution));
    const systemId = form.systemIds.length === 0 ? null : form.systemIds.length === 1 ? (form.systemIds[0] ?? null) : (context.systemId ?? undefined);
    if (systemId === undefined || (systemId !== null && !form.systemIds.includes(systemId))) problems.push(required(CONTEXT_INPUT.system));
    const sentFrom = context.sentFrom && context.sentFrom !== SENT_FROM_SELF ? context.sentFrom : null;
    const parsed = parseForm(form, raw);
    if (!parsed.ok) problems.push(...parsed.error);
    // A CPR number in a free-text answer is refused with the reason at the field (a card cannot ask what to do with it).
    problems.push(...cprProblems(form, raw, new Set(problems.map((p) => p.fieldId))));
    if (problems.length > 0 || !institutionId || systemId === undefined) {
      return { replace: true, messages: [teamsReplies(lang).fixErrors], card: await this.formCard(userId, form, answers, problems, lang, submission.dialogInstanceId, context, owner) };
    }
    const created = await this.options.portal.createCase(userId, {
      formId: form.id,
      systemId,
      institutionId,
      sentFromMailboxId: sentFrom,
      values: raw,
      idempotencyKey: `teams:${userId}:${submission.dialogInstanceId}`,
    });
    if (!created.ok) {
      const errors = created.error.problems ?? [{ fieldId: '', code: 'FORM.INVALID_TYPE' as const, message: created.error.message }];
      this.options.logger.info({ code: created.error.code, formId: form.id }, 'teams: case submission refused');
      return { replace: true, messages: [teamsReplies(lang).fixErrors], card: await this.formCard(userId, form, answers, errors, lang, submission.dialogInstanceId, context, owner) };
    }
    const c = created.value.case;
    this.options.logger.info({ caseNumber: c.number, created: created.value.created, formId: form.id }, 'teams: case submitted by card');
    return {
      replace: true,
      card: renderSubmittedFormCard(form, c.values, c.number, lang),
      messages: [created.value.created ? teamsReplies(lang).caseCreated(c.number) : teamsReplies(lang).caseAlreadyCreated(c.number)],
    };
  }

  private async caseStatus(userId: string, number: string, lang: Language): Promise<CardReply> {
    const found = await this.options.portal.caseFor(userId, number);
    if (!found.ok) return { replace: false, messages: [found.error.message[lang]] };
    const c = found.value.case;
    return { replace: false, messages: [], card: renderCaseCard(c, found.value.events, lang, { area: getArea(c.areaId, this.catalogue)?.name, form: getForm(c.formId, this.catalogue)?.title }) };
  }

  private async caseList(userId: string, lang: Language, ownerId: string): Promise<CardReply> {
    const page = await this.options.portal.myCases(userId, { limit: 10 });
    if (!page.ok) return { replace: false, messages: [page.error.message[lang]] };
    return { replace: false, messages: [], card: renderCaseListCard(page.value.items, lang, { hasMore: page.value.next !== null, action: this.kind, ownerId, reply: 'messageBack' }) };
  }

  private chooser(lang: Language, ownerId: string, dialogInstanceId: string = randomUUID()): AdaptiveCard {
    const areaNames: Record<string, Localized> = Object.fromEntries(this.catalogue.areas.map((a) => [a.id, a.name]));
    return renderFormChooserCard(this.catalogue.forms, areaNames, lang, dialogInstanceId, this.kind, ownerId);
  }

  private findForm(query: string): FormDefinition | undefined {
    const q = query.trim();
    if (q === '') return undefined;
    const direct = getForm(q, this.catalogue);
    if (direct) return direct;
    for (const area of this.catalogue.areas) {
      const form = findForm(area.id, q, this.catalogue);
      if (form) return form;
    }
    return undefined;
  }

  private async cardOptions(userId: string, form: FormDefinition, dialogInstanceId: string, context: FormCardOptions['context']): Promise<FormCardOptions> {
    const options = await this.options.portal.caseOptions(userId);
    const { institutions, mailboxes } = options.ok ? options.value : { institutions: [], mailboxes: [] };
    return {
      dialogInstanceId,
      action: this.kind,
      institutions: institutions.map((i) => ({ id: i.id, name: i.name })),
      systems: form.systemIds.map((id) => ({ id, name: getSystem(id, this.catalogue)?.name ?? id })),
      mailboxes: mailboxes.map((m) => ({ id: m.id, name: m.name })),
      context,
    };
  }

  private async formCard(
    userId: string,
    form: FormDefinition,
    values: Readonly<Record<string, FieldValue | undefined>>,
    errors: readonly FieldProblem[],
    lang: Language,
    dialogInstanceId: string,
    context: NonNullable<FormCardOptions['context']>,
    ownerId: string | undefined,
  ): Promise<AdaptiveCard> {
    return renderFormCard(form, values, errors, lang, { ...(await this.cardOptions(userId, form, dialogInstanceId, context)), ownerId });
  }
}

/** The member a card is made for: the Teams member id of the turn's sender. */
function ownerOf(context: IdentityContext): string {
  return context.activity.from?.id ?? '';
}

function required(fieldId: string): FieldProblem {
  return { fieldId, code: 'FORM.REQUIRED', message: { da: cardTexts('da').required, en: cardTexts('en').required } };
}
