/**
 * Creating a case: the thin botbuilder wrapper around the form engine. It keeps the engine state
 * (plain JSON) in the dialog instance, renders each question as text with suggested actions, and
 * creates the case through the PortalService with the idempotency key the engine bound to this
 * dialog.
 */
import { randomUUID } from 'node:crypto';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from './dialog-stack.js';
import type { Activity, TurnContext } from 'botbuilder';
import {
  COMMUNITY_ACCESS_CHOICE,
  COMMUNITY_ACCESS_FORM_ID,
  catalogue as defaultCatalogue,
  describeAttachment,
  type Catalogue,
  type DirectoryStore,
  type Localized,
  type PortalService,
} from '../portal/index.js';
import { DIALOG_IDS } from './dialog-ids.js';
import { pathFrom, saysMoreThanRequest } from './prefill.js';
import { answerCase, backToField, cancel, currentQuestion, expectationOf, helpFor, resume, startCase, type CaseContext, type CasePrefill, type CaseState, type EngineResult, type Question } from './form-engine.js';
import { matchTolerant, type Choice } from './matching.js';
import { markdownText, questionActivity, questionKey, rendersCards, reply } from './render.js';
import { texts } from './texts.js';
import { takeRepromptLead, turnInfo } from './turn.js';
import type { DeflectionOffer, DeskEventRecorder, Expectation, Language, Slots } from './ports.js';
import { attachTexts, filesHint, receipt, refusedOf, stagedOf, summaryFilesLine, type FileRef } from './attach.js';
import { arrivedFiles } from './files.js';

export interface CaseDialogOptions {
  prefill: CasePrefill;
  userId: string;
  userEmail: string;
  institutions: { id: string; name: string }[];
  mailboxes: { id: string; email: string }[];
  /** Files already sent (before the case was begun), to attach to the case. */
  files?: FileRef[];
}

/** The dialog's state: the engine's, and the context captured when the dialog began. */
interface CaseDialogState {
  engine: CaseState;
  options: CaseDialogOptions;
  /** An article offered for the description, waiting for "Det løste det" / "Send sagen alligevel". */
  offer?: DeflectionOffer;
  /** The article offered in this dialog (offered once: a changed description is not searched again). */
  offeredArticleId?: string;
  /** Files to attach to the case when it is created (staged, checked). */
  files?: FileRef[];
}

export type CaseDialogResult =
  | { kind: 'created'; number: string; idempotencyKey: string }
  | { kind: 'cancelled' }
  | { kind: 'refused' }
  /** The article offered at submit solved it: no case. */
  | { kind: 'deflected'; articleId: string };

export interface CaseDialogDeps {
  portal: PortalService;
  directory: DirectoryStore;
  catalogue?: Catalogue;
  newKey?: () => string;
  /**
   * Deflection at submit: the article that answers a case's description confidently, or
   * undefined. Asked once per case, when the description has been written. Default: none offered.
   */
  deflect?: (description: string, lang: Language) => DeflectionOffer | undefined;
  /** Where deflected cases and the channel of created cases are recorded. Default: nowhere. */
  desk?: DeskEventRecorder;
}

/** The two answers to an offered article. Typed words match with typos; a card sends the id. */
function deflectionChoices(lang: Language): Choice[] {
  void lang;
  const da = texts('da');
  const en = texts('en');
  return [
    { id: 'loest', label: { da: da.deflectionSolved, en: en.deflectionSolved }, aliases: ['løst', 'det hjalp', 'det løste problemet', 'ja', 'ja tak', 'solved', 'yes', 'it helped'] },
    { id: 'send-alligevel', label: { da: da.deflectionSendAnyway, en: en.deflectionSendAnyway }, aliases: ['send sagen', 'send', 'nej', 'nej tak', 'fortsæt', 'send anyway', 'no', 'continue'] },
  ];
}

/** A card's submission (`activity.value`): the answer and, from a question card, which question it answers. */
function submittedCard(value: unknown): { answer?: unknown; formStep?: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { answer?: unknown; formStep?: unknown };
  if (!('answer' in v) && typeof v.formStep !== 'string') return undefined;
  return { ...('answer' in v ? { answer: v.answer } : {}), ...(typeof v.formStep === 'string' ? { formStep: v.formStep } : {}) };
}

/** The dialogs that can be interrupted say what "hjælp" means now and whether an input answers them. */
export interface InterruptibleDialog {
  help(instance: DialogInstance, lang: Language): Localized;
  /** Whether the input is a valid answer to the current question (then it is not an interruption). */
  accepts(instance: DialogInstance, input: string): boolean;
  /** What the dialog's current question waits for (the router weighs an input against it). */
  expectation?(instance: DialogInstance): Expectation;
}

/** The steps that choose the catalogue's path (see {@link CaseDialog.rerouted}). */
const CATALOGUE_STEPS: ReadonlySet<string> = new Set(['area', 'system', 'form']);

export class CaseDialog extends Dialog<CaseDialogOptions> implements InterruptibleDialog {
  private readonly catalogue: Catalogue;
  private readonly newKey: () => string;
  /**
   * The answer {@link accepts} worked out, for the continueDialog that follows it in the same turn
   * (keyed by the engine state that turn loaded), so an answer goes through the engine once.
   */
  private readonly accepted = new WeakMap<CaseState, { input: unknown; result: EngineResult }>();

  constructor(private readonly deps: CaseDialogDeps) {
    super(DIALOG_IDS.createCase);
    this.catalogue = deps.catalogue ?? defaultCatalogue;
    this.newKey = deps.newKey ?? randomUUID;
  }

  private context(options: CaseDialogOptions): CaseContext {
    const catalogue = this.catalogue;
    return { catalogue, institutions: options.institutions, mailboxes: options.mailboxes, userEmail: options.userEmail, newKey: this.newKey, describes: (text) => saysMoreThanRequest(text, catalogue) };
  }

  override async beginDialog(dc: DialogContext, options?: CaseDialogOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('DIALOG.NO_OPTIONS: the case dialog needs the user and what they may act for');
    const ctx = this.context(options);
    const engine = startCase(options.prefill, ctx);
    const state: CaseDialogState = { engine, options, ...(options.files && options.files.length > 0 ? { files: options.files } : {}) };
    (dc.activeDialog as DialogInstance<CaseDialogState>).state = state;
    return this.show(dc, resume(engine, ctx));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const instance = dc.activeDialog as DialogInstance<CaseDialogState>;
    const { engine, options } = instance.state;
    const value: unknown = dc.context.activity.value;
    const files = this.takeFiles(dc, instance.state);
    if (files !== undefined && turnInfo(dc.context).text === '') return this.afterFiles(dc, files);
    if (instance.state.offer) return this.answerOffer(dc, instance.state.offer);
    const card = submittedCard(value);
    const submitted = card !== undefined;
    const info = turnInfo(dc.context);
    // A click on an older question's card is not an answer to this one: the question is asked again.
    const asked = card?.formStep !== undefined ? currentQuestion(engine, this.context(options)) : undefined;
    if (card?.formStep !== undefined && (!asked || questionKey(asked) !== card.formStep)) return this.show(dc, resume(engine, this.context(options)));
    // A question about the field itself ("hvad skal jeg skrive her?", "what does Fakturanummer mean?") that no
    // article answers: the field's help, and the field asked again — neither validated nor confirmed as an answer.
    if (!submitted && info.decision.reason === 'question-about-field') {
      await dc.context.sendActivity(reply(this.help(instance, info.lang)[info.lang]));
      return this.show(dc, resume(engine, this.context(options)));
    }
    // An unticked optional card answer submits nothing: left empty. At the form question, typed words that name one
    // of the forms offered answer with it: the recogniser reads them more surely than the options' matching does
    // ("han er fratrådt, så hans adgang skal fjernes" is the removal form, not the one for access by "adgang").
    const input = submitted ? (card.answer ?? '') : (this.formNamed(engine, info.recognition.slots, options) ?? info.text);
    // A card's submission is an answer; typed text the router is unsure of is confirmed first.
    const confirm = !submitted && info.answerInDoubt === true;
    const accepted = this.accepted.get(engine);
    this.accepted.delete(engine);
    const reuse = accepted && accepted.input === input && !confirm;
    const result = reuse ? accepted.result : answerCase(engine, input, this.context(options), { confirm });
    const rerouted = submitted ? undefined : this.rerouted(engine, result, info.recognition.slots, options);
    if (rerouted) return this.show(dc, rerouted);
    const offer = this.offerFor(instance.state, result, info.lang);
    if (offer) {
      instance.state.engine = result.state;
      instance.state.offer = offer;
      instance.state.offeredArticleId = offer.articleId;
      await dc.context.sendActivity(this.offerActivity(offer, info.lang, files));
      return Dialog.EndOfTurn;
    }
    return this.show(dc, result, files);
  }

  /**
   * "brugeradgang" typed where the forms of Økonomi og Regnskab → RejsUd are offered: not one of the options, but a
   * path of the catalogue's of its own (Brugeradministration → RejsUd → Brugeradgang). At the area, system or form
   * step, a typed answer that is none of the choices and names an area, a system or a form that makes another path
   * — with the system already chosen kept where the new area has it — starts the path anew from what it names (the
   * path shown with "Vælg et andet"; the description kept). Undefined when it names nothing new.
   */
  private rerouted(engine: CaseState, result: EngineResult, slots: Slots, options: CaseDialogOptions): EngineResult | undefined {
    if (result.outcome.kind !== 'ask' || result.outcome.problem === undefined) return undefined;
    const ctx = this.context(options);
    const asked = currentQuestion(engine, ctx);
    if (!asked || !CATALOGUE_STEPS.has(asked.step)) return undefined;
    // Only what the answer names moves the path: a system or form it implies (a compound, a choice) is kept as the description.
    const named: Slots = { ...(slots.areaId ? { areaId: slots.areaId } : {}), ...(slots.systemId ? { systemId: slots.systemId } : {}), ...(slots.formId && !slots.formImplied ? { formId: slots.formId } : {}) };
    if (slots.areaId === undefined && slots.systemId === undefined && named.formId === undefined) return undefined;
    const d = engine.draft;
    const path = pathFrom({ ...named, ...(named.systemId === undefined && d.systemId ? { systemId: d.systemId } : {}) }, this.catalogue);
    if (path.areaId === undefined || (path.areaId === d.areaId && (path.systemId ?? null) === (d.systemId ?? null) && path.formId === undefined)) return undefined;
    // What the answer said of the problem (kept by the engine as the description) goes along.
    const description = result.state.draft.values.beskrivelse ?? d.values.beskrivelse;
    const fresh = startCase({ ...path, ...(typeof description === 'string' ? { description } : {}) }, ctx);
    return resume(fresh, ctx);
  }

  /** The id of the form the recogniser's slots name, when the form question waits and offers it. */
  private formNamed(engine: CaseState, slots: Slots, options: CaseDialogOptions): string | undefined {
    if (slots.formId === undefined) return undefined;
    const asked = currentQuestion(engine, this.context(options));
    return asked?.step === 'form' && asked.choices?.some((c) => c.id === slots.formId) ? slots.formId : undefined;
  }

  /** The article to offer now: the description was just written and an article answers it confidently. */
  private offerFor(state: CaseDialogState, result: EngineResult, lang: Language): DeflectionOffer | undefined {
    if (!this.deps.deflect || state.offeredArticleId !== undefined || result.outcome.kind !== 'ask') return undefined;
    const before = state.engine.draft.values.beskrivelse;
    const after = result.state.draft.values.beskrivelse;
    if (before !== undefined || typeof after !== 'string') return undefined;
    return this.deps.deflect(after, lang);
  }

  private offerActivity(offer: DeflectionOffer, lang: Language, problem?: string): Partial<Activity> {
    const t = texts(lang);
    const title = offer.url ? `[${offer.title}](${offer.url})` : `*${offer.title}*`;
    const parts = [...(problem ? [problem] : []), `${t.deflectionOffer} **${offer.title}**`, offer.text, `${t.source}: ${title}`, `**${t.deflectionQuestion}**`];
    return reply(parts.join('\n\n'), deflectionChoices(lang).map((c) => c.label[lang]));
  }

  /** "Det løste det" ends the dialog with no case (recorded as deflected); "Send sagen alligevel" goes on. */
  private async answerOffer(dc: DialogContext, offer: DeflectionOffer): Promise<DialogTurnResult> {
    const instance = dc.activeDialog as DialogInstance<CaseDialogState>;
    const state = instance.state;
    const info = turnInfo(dc.context);
    const value: unknown = dc.context.activity.value;
    const input = typeof value === 'object' && value !== null && 'answer' in value ? (value as { answer: unknown }).answer : info.text;
    const choices = deflectionChoices(info.lang);
    const choice = typeof input === 'string' ? matchTolerant(choices, input) : undefined;
    const t = texts(info.lang);
    if (!choice) {
      const problem = info.lang === 'da' ? `Vælg "${t.deflectionSolved}" eller "${t.deflectionSendAnyway}".` : `Choose "${t.deflectionSolved}" or "${t.deflectionSendAnyway}".`;
      await dc.context.sendActivity(this.offerActivity(offer, info.lang, problem));
      return Dialog.EndOfTurn;
    }
    delete state.offer;
    if (choice.id === 'send-alligevel') return this.show(dc, resume(state.engine, this.context(state.options)));
    const d = state.engine.draft;
    const formId = d.formId;
    await this.deps.desk?.recordDeflection({
      articleId: offer.articleId,
      ...(d.areaId ? { areaId: d.areaId } : {}),
      ...(formId ? { formId } : {}),
      channelId: dc.context.activity.channelId ?? 'unknown',
      locale: info.lang,
      userId: state.options.userId,
      at: new Date(),
    });
    await dc.context.sendActivity(reply(t.deflected));
    return dc.endDialog({ kind: 'deflected', articleId: offer.articleId } satisfies CaseDialogResult);
  }

  /** Files that came with this turn, kept for the case (within the per-case limit); the receipt to say, or undefined when none came. */
  private takeFiles(dc: DialogContext, state: CaseDialogState): string | undefined {
    const arrived = arrivedFiles(dc.context);
    if (arrived.length === 0) return undefined;
    const lang = turnInfo(dc.context).lang;
    const perCase = this.deps.portal.attachmentPolicy?.perCase ?? 0;
    const have = state.files ?? [];
    const staged = stagedOf(arrived);
    const room = Math.max(0, perCase - have.length);
    const taken = staged.slice(0, room);
    state.files = [...have, ...taken];
    const lines = [receipt(taken, refusedOf(arrived), lang)];
    if (taken.length < staged.length) lines.push(attachTexts(lang).tooManyOnCase(perCase));
    return lines.filter((l) => l !== '').join('\n\n');
  }

  /** Files with no words: said received, and the question waiting is asked again (the summary with them). */
  private async afterFiles(dc: DialogContext, lead: string): Promise<DialogTurnResult> {
    const state = (dc.activeDialog as DialogInstance<CaseDialogState>).state;
    if (state.offer) {
      await dc.context.sendActivity(this.offerActivity(state.offer, turnInfo(dc.context).lang, lead));
      return Dialog.EndOfTurn;
    }
    return this.show(dc, resume(state.engine, this.context(state.options)), lead);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const { engine, options, offer, files } = (instance as DialogInstance<CaseDialogState>).state;
    if (offer) {
      await context.sendActivity(this.offerActivity(offer, turnInfo(context).lang));
      return;
    }
    const result = resume(engine, this.context(options));
    if (result.outcome.kind === 'ask') await context.sendActivity(questionActivity(withFiles(result.outcome.question, files), turnInfo(context).lang, undefined, takeRepromptLead(context), { cards: rendersCards(context.activity.channelId) }));
  }

  help(instance: DialogInstance, lang: Language): Localized {
    const { engine, options, offer } = (instance as DialogInstance<CaseDialogState>).state;
    if (offer) return { da: texts('da').deflectionHelp, en: texts('en').deflectionHelp };
    void lang;
    return helpFor(engine, this.context(options));
  }

  expectation(instance: DialogInstance): Expectation {
    const { engine, options, offer } = (instance as DialogInstance<CaseDialogState>).state;
    if (offer) return { kind: 'choice', about: 'deflection', choices: deflectionChoices('da') };
    return expectationOf(engine, this.context(options));
  }

  accepts(instance: DialogInstance, input: string): boolean {
    const { engine, options, offer } = (instance as DialogInstance<CaseDialogState>).state;
    if (offer) return matchTolerant(deflectionChoices('da'), input) !== undefined;
    const result = answerCase(engine, input, this.context(options));
    this.accepted.set(engine, { input, result });
    return !(result.outcome.kind === 'ask' && result.outcome.problem !== undefined);
  }

  /** Restarts the case from the first step ("forfra"), keeping who the user is. */
  static restartOptions(instance: DialogInstance): CaseDialogOptions {
    const { options } = (instance as DialogInstance<CaseDialogState>).state;
    return { ...options, prefill: {} };
  }

  /** Cancels from any step ("annuller"). */
  static cancelled(instance: DialogInstance): CaseState {
    return cancel((instance as DialogInstance<CaseDialogState>).state.engine).state;
  }

  private async show(dc: DialogContext, result: EngineResult, lead?: string): Promise<DialogTurnResult> {
    const instance = dc.activeDialog as DialogInstance<CaseDialogState>;
    const state = instance.state;
    state.engine = result.state;
    const lang = turnInfo(dc.context).lang;
    const t = texts(lang);
    switch (result.outcome.kind) {
      case 'ask': {
        // At the summary, before it is confirmed: files may still be sent (none needed).
        const policy = this.deps.portal.attachmentPolicy;
        const files = state.files ?? [];
        const hint = result.outcome.question.step === 'summary' && policy && files.length < policy.perCase ? filesHint(policy, files, lang) : undefined;
        const said = [lead, result.outcome.note?.[lang], hint].filter((p): p is string => p !== undefined && p !== '').join('\n\n');
        await dc.context.sendActivity(questionActivity(withFiles(result.outcome.question, state.files), lang, result.outcome.problem, said || undefined, { cards: rendersCards(dc.context.activity.channelId) }));
        return Dialog.EndOfTurn;
      }
      case 'cancelled':
        await dc.context.sendActivity(reply(t.caseCancelled));
        return dc.endDialog({ kind: 'cancelled' } satisfies CaseDialogResult);
      case 'complete': {
        const { submission } = result.outcome;
        const communityInstitutionIds = await this.communityInstitutions(submission.formId, submission.values);
        const created = await this.deps.portal.createCase(state.options.userId, {
          formId: submission.formId,
          systemId: submission.systemId,
          institutionId: submission.institutionId,
          sentFromMailboxId: submission.sentFromMailboxId,
          values: submission.values,
          idempotencyKey: submission.idempotencyKey,
          communityInstitutionIds,
          lang,
        });
        if (!created.ok) {
          if (created.error.problems && created.error.problems.length > 0) {
            return this.show(dc, backToField(result.state, this.context(state.options), created.error.problems));
          }
          await dc.context.sendActivity(reply(t.caseRefused(created.error.message[lang])));
          return dc.endDialog({ kind: 'refused' } satisfies CaseDialogResult);
        }
        const number = created.value.case.number;
        if (created.value.created) {
          await this.deps.desk?.recordCaseFromChat({
            caseNumber: number,
            channelId: dc.context.activity.channelId ?? 'unknown',
            ...(state.offeredArticleId ? { offeredArticleId: state.offeredArticleId } : {}),
            at: new Date(),
          });
        }
        const filesNote = await this.attachFiles(state, number, lang);
        const said = created.value.created ? t.caseCreated(number) : t.caseAlreadyCreated(number);
        // Access to other institutions ordered with the case: what happens next.
        const names = await this.institutionNames(created.value.communityRequests.map((r) => r.institutionId));
        const access = names.length > 0 ? t.communityRequested(names.join(lang === 'da' ? ' og ' : ' and ')) : undefined;
        const parts = [said, access, filesNote].filter((p): p is string => p !== undefined);
        await dc.context.sendActivity(reply(parts.join('\n\n'), [t.myCases]));
        return dc.endDialog({ kind: 'created', number, idempotencyKey: submission.idempotencyKey } satisfies CaseDialogResult);
      }
    }
  }

  /** The files kept in the dialog, attached to the created case; what to say about them. */
  private async attachFiles(state: CaseDialogState, number: string, lang: Language): Promise<string | undefined> {
    const files = state.files ?? [];
    if (files.length === 0) return undefined;
    const attached = await this.deps.portal.attachFiles(state.options.userId, number, files.map((f) => f.id));
    if (!attached.ok) return attached.error.message[lang];
    return attachTexts(lang).alsoAttached(attached.value.map((a) => markdownText(describeAttachment(a, lang))).join(', '));
  }

  private async institutionNames(ids: readonly string[]): Promise<string[]> {
    const names: string[] = [];
    for (const id of ids) names.push((await this.deps.directory.getInstitution(id))?.name ?? id);
    return names;
  }

  /** For the form Øvrige with community access: the institutions named in the field "institutioner". */
  private async communityInstitutions(formId: string, values: Record<string, unknown>): Promise<string[]> {
    if (formId !== COMMUNITY_ACCESS_FORM_ID || values.henvendelsestype !== COMMUNITY_ACCESS_CHOICE) return [];
    const named = typeof values.institutioner === 'string' ? values.institutioner.split(/[,;\n]|\s+og\s+|\s+and\s+/i) : [];
    const institutions = (await this.deps.directory.listInstitutions()).map((i) => ({ id: i.id, label: { da: i.name, en: i.name } }));
    return [...new Set(named.map((name) => matchTolerant(institutions, name)?.id).filter((id): id is string => id !== undefined))];
  }
}

/** The summary with a line for the files that go with the case. */
function withFiles(question: Question, files: readonly FileRef[] | undefined): Question {
  const line = question.summary ? summaryFilesLine(files ?? []) : undefined;
  return line && question.summary ? { ...question, summary: [...question.summary, line] } : question;
}
