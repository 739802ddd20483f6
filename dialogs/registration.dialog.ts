/**
 * Registration (an unknown person) and the consultants' consent declaration. Both are short
 * step machines with their state as plain JSON in the dialog instance; the rules are the
 * PortalService's.
 */
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from './dialog-stack.js';
import type { TurnContext } from 'botbuilder';
import {
  CONSENT_DECLARATION,
  checkRegistration,
  institutionsForEmail,
  normaliseEmail,
  type DirectoryStore,
  type ExternalIdentity,
  type Localized,
  type PortalService,
  type User,
} from '../portal/index.js';
import { readCode, type AddressVerification, type CheckOutcome, type SendOutcome } from './address-verification.js';
import type { InterruptibleDialog } from './case.dialog.js';
import { DIALOG_IDS } from './dialog-ids.js';
import { CONFIRM_ACTIONS, confirmed, type CasePrefill } from './form-engine.js';
import { matchNamePart, matchTolerant, type Choice } from './matching.js';
import { quoted, reply } from './render.js';
import { texts } from './texts.js';
import { takeRepromptLead, turnInfo } from './turn.js';
import type { Expectation, Language } from './ports.js';

const YES_NO = [CONFIRM_ACTIONS.yes, CONFIRM_ACTIONS.no] as const;

function yesNoActions(lang: Language): string[] {
  return YES_NO.map((c) => c.label[lang]);
}

/** What to do once the user is registered (or has accepted the declaration). */
export type Afterwards = { kind: 'createCase'; prefill: CasePrefill } | { kind: 'none' };

export interface RegistrationOptions {
  email?: string;
  name?: string;
  identity?: ExternalIdentity;
  afterwards: Afterwards;
}

interface RegistrationState {
  /**
   * `refused`: the portal refused the registration; the user chooses again or contacts the desk.
   * `code`: a one-time code was sent to the typed address; the user types it (or asks for a new one).
   */
  step: 'institution' | 'email' | 'name' | 'code' | 'refused';
  institutions: { id: string; name: string }[];
  institutionId?: string;
  email?: string;
  /** The e-mail came from the channel, which vouches for it: it cannot be changed here and needs no code. */
  emailFixed: boolean;
  /** A typed address proven with the one-time code. */
  verifiedEmail?: string;
  name?: string;
  /** Step `name`: a name typed while the router was unsure it was one, waiting for Ja. */
  pendingName?: string;
  identity?: ExternalIdentity;
  afterwards: Afterwards;
}

/** `contact`: the registration was refused and the user asked for the service desk's contact details. */
export type RegistrationResult = { kind: 'registered'; user: User; afterwards: Afterwards } | { kind: 'refused'; contact?: boolean } | { kind: 'cancelled' };

/** The buttons beside the one-time code. */
const AT_CODE = {
  resend: { id: 'resendCode', label: { da: 'Send en ny kode', en: 'Send a new code' }, aliases: ['ny kode', 'send ny kode', 'send koden igen', 'new code', 'send the code again', 'resend'] },
  email: { id: 'changeEmail', label: { da: 'Ret e-mailadressen', en: 'Change the e-mail address' }, aliases: ['ret e-mail', 'ret adressen', 'change e-mail', 'change the address'] },
} as const satisfies Record<string, Choice>;

/** The ways on after a refused registration. */
const AFTER_REFUSAL = {
  institution: { id: 'institution', label: { da: 'Vælg en anden institution', en: 'Choose another institution' }, aliases: ['anden institution', 'another institution', 'institution'] },
  email: { id: 'email', label: { da: 'Ret e-mailadressen', en: 'Change the e-mail address' }, aliases: ['ret e-mail', 'e-mail', 'email', 'change e-mail'] },
  contact: { id: 'contact', label: { da: 'Kontakt servicedesken', en: 'Contact the service desk' }, aliases: ['kontakt', 'servicedesken', 'contact', 'service desk'] },
} as const satisfies Record<string, Choice>;

export class RegistrationDialog extends Dialog<RegistrationOptions> implements InterruptibleDialog {
  constructor(private readonly deps: { portal: PortalService; directory: DirectoryStore; verification: AddressVerification }) {
    super(DIALOG_IDS.registration);
  }

  override async beginDialog(dc: DialogContext, options?: RegistrationOptions): Promise<DialogTurnResult> {
    const all = await this.deps.directory.listInstitutions();
    const email = options?.email ? normaliseEmail(options.email) : undefined;
    // Institutions whose domain fits the e-mail come first.
    const fitting = email ? institutionsForEmail(email, all).map((i) => i.id) : [];
    const institutions = [...all].sort((a, b) => Number(fitting.includes(b.id)) - Number(fitting.includes(a.id))).map((i) => ({ id: i.id, name: i.name }));
    const name = options?.name?.trim();
    const state: RegistrationState = {
      step: 'institution',
      institutions,
      ...(email ? { email } : {}),
      emailFixed: email !== undefined,
      ...(name && name.length >= 2 && !name.includes('@') ? { name } : {}),
      ...(options?.identity ? { identity: options.identity } : {}),
      afterwards: options?.afterwards ?? { kind: 'none' },
    };
    (dc.activeDialog as DialogInstance<RegistrationState>).state = state;
    const t = texts(turnInfo(dc.context).lang);
    await dc.context.sendActivity(reply(t.whoAreYou));
    await this.ask(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = (dc.activeDialog as DialogInstance<RegistrationState>).state;
    const { text, lang } = turnInfo(dc.context);
    const t = texts(lang);
    switch (state.step) {
      case 'refused': {
        const choice = matchTolerant(this.refusalChoices(state), text);
        if (!choice) {
          await this.ask(dc.context, state, t.notUnderstoodAnswer);
          return Dialog.EndOfTurn;
        }
        if (choice.id === AFTER_REFUSAL.contact.id) return dc.endDialog({ kind: 'refused', contact: true } satisfies RegistrationResult);
        if (choice.id === AFTER_REFUSAL.email.id) delete state.email;
        else delete state.institutionId;
        break;
      }
      case 'code': {
        const choice = matchTolerant(Object.values(AT_CODE), text);
        if (choice?.id === AT_CODE.email.id) {
          delete state.email;
          break;
        }
        if (choice?.id === AT_CODE.resend.id) {
          const sent = await this.sendCode(dc.context, state);
          await this.ask(dc.context, state, this.sendReport(sent, lang));
          return Dialog.EndOfTurn;
        }
        const code = readCode(text);
        if (!code) {
          await this.ask(dc.context, state, t.codeNotSixDigits);
          return Dialog.EndOfTurn;
        }
        const checked = await this.deps.verification.check(this.subject(dc.context), state.email ?? '', code);
        if (checked.kind !== 'verified') {
          await this.ask(dc.context, state, this.checkReport(checked, lang));
          return Dialog.EndOfTurn;
        }
        state.verifiedEmail = state.email;
        break;
      }
      case 'institution': {
        const choice = matchNamePart(this.choices(state), text);
        if (!choice) {
          await this.ask(dc.context, state, t.notUnderstoodAnswer);
          return Dialog.EndOfTurn;
        }
        state.institutionId = choice.id;
        break;
      }
      case 'email': {
        const email = normaliseEmail(text);
        if (!email) {
          await this.ask(dc.context, state, t.invalidEmail);
          return Dialog.EndOfTurn;
        }
        state.email = email;
        break;
      }
      case 'name': {
        const pending = state.pendingName;
        delete state.pendingName;
        const yes = pending === undefined ? undefined : confirmed(text);
        if (yes === false) {
          await this.ask(dc.context, state);
          return Dialog.EndOfTurn;
        }
        // Ja takes the pending name; anything else is a new answer.
        const name = (yes === true && pending !== undefined ? pending : text).trim();
        if (name.length < 2 || name.length > 200) {
          await this.ask(dc.context, state, t.invalidName);
          return Dialog.EndOfTurn;
        }
        if (yes !== true && turnInfo(dc.context).answerInDoubt === true) {
          state.pendingName = name;
          await this.ask(dc.context, state);
          return Dialog.EndOfTurn;
        }
        state.name = name;
        break;
      }
    }
    const missing = !state.institutionId ? 'institution' : !state.email ? 'email' : !state.name ? 'name' : undefined;
    if (missing) {
      state.step = missing;
      await this.ask(dc.context, state);
      return Dialog.EndOfTurn;
    }
    if (!state.emailFixed && state.verifiedEmail !== state.email) {
      // A typed address is proven before anything is created; one the portal would refuse gets no code.
      const refusal = await this.refusal(state);
      if (refusal) return this.refuse(dc.context, state, refusal);
      state.step = 'code';
      const sent = await this.sendCode(dc.context, state);
      await this.ask(dc.context, state, this.sendReport(sent, lang));
      return Dialog.EndOfTurn;
    }
    const registered = await this.deps.portal.register({
      email: state.email ?? '',
      name: state.name ?? '',
      institutionId: state.institutionId ?? '',
      ...(state.identity ? { identity: state.identity } : {}),
    });
    if (!registered.ok) return this.refuse(dc.context, state, registered.error.message);
    turnInfo(dc.context).remember(registered.value);
    const institution = state.institutions.find((i) => i.id === registered.value.primaryInstitutionId)?.name ?? registered.value.primaryInstitutionId;
    await dc.context.sendActivity(reply(t.registered(registered.value.name, institution)));
    return dc.endDialog({ kind: 'registered', user: registered.value, afterwards: state.afterwards } satisfies RegistrationResult);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(context, (instance as DialogInstance<RegistrationState>).state, takeRepromptLead(context));
  }

  /** Not the end: the user may choose another institution, correct the address, or ask the desk. */
  private async refuse(context: TurnContext, state: RegistrationState, reason: Localized): Promise<DialogTurnResult> {
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    state.step = 'refused';
    const all = await this.deps.directory.listInstitutions();
    const fitting = institutionsForEmail(state.email ?? '', all).filter((i) => i.id !== state.institutionId);
    const advice = fitting.length > 0 ? t.emailFitsInstitution(fitting.map((i) => i.name).join(', ')) : institutionsForEmail(state.email ?? '', all).length === 0 ? t.emailFitsNoInstitution : '';
    await this.ask(context, state, [t.registrationRefused(reason[lang]), advice].filter((x) => x !== '').join('\n\n'));
    return Dialog.EndOfTurn;
  }

  /** Why the portal would refuse these answers (the domain check, an address in use), before a code is sent. */
  private async refusal(state: RegistrationState): Promise<Localized | undefined> {
    const institution = await this.deps.directory.getInstitution(state.institutionId ?? '');
    if (!institution) return undefined; // the portal says so at register
    const checked = checkRegistration(state.email ?? '', institution);
    if (!checked.ok) return checked.error.message;
    if (await this.deps.directory.getUserByEmail(checked.value.email)) {
      return { da: 'Adressen er allerede oprettet som bruger.', en: 'That address is already registered as a user.' };
    }
    return undefined;
  }

  /** The channel user the code is tied to. */
  private subject(context: TurnContext): string {
    const { account } = turnInfo(context);
    return `${account.channelId}:${account.fromId}`;
  }

  private sendCode(context: TurnContext, state: RegistrationState): Promise<SendOutcome> {
    return this.deps.verification.send(this.subject(context), state.email ?? '', turnInfo(context).lang);
  }

  private sendReport(sent: SendOutcome, lang: Language): string {
    const t = texts(lang);
    switch (sent.kind) {
      case 'sent':
        return t.codeSent(sent.to, sent.validMinutes);
      case 'wait':
        return t.codeWait(sent.seconds);
      case 'tooMany':
        return t.codeTooMany(sent.minutes);
      case 'failed':
        return t.codeNotSent;
    }
  }

  private checkReport(checked: Exclude<CheckOutcome, { kind: 'verified' }>, lang: Language): string {
    const t = texts(lang);
    const rules = this.deps.verification.rules;
    switch (checked.kind) {
      case 'wrong':
        return t.codeWrong(checked.triesLeft);
      case 'exhausted':
        return t.codeExhausted(rules.maxTries);
      case 'expired':
        return t.codeExpired(Math.round(rules.codeTtlMs / 60_000));
      case 'none':
        return t.codeMissing;
    }
  }

  help(instance: DialogInstance, _lang: Language): Localized {
    if ((instance as DialogInstance<RegistrationState>).state.step === 'code') return { da: texts('da').codeHelp, en: texts('en').codeHelp };
    return { da: texts('da').registrationHelp, en: texts('en').registrationHelp };
  }

  expectation(instance: DialogInstance): Expectation {
    const state = (instance as DialogInstance<RegistrationState>).state;
    switch (state.step) {
      case 'institution':
        return { kind: 'choice', about: 'institution', choices: this.choices(state) };
      case 'email':
        return { kind: 'field', fieldId: 'email', label: { da: 'E-mailadresse', en: 'E-mail address' }, shape: 'email', optional: false };
      case 'refused':
        return { kind: 'choice', about: 'registrationRefused', choices: this.refusalChoices(state) };
      case 'code':
        return { kind: 'field', fieldId: 'code', label: { da: 'Engangskode', en: 'One-time code' }, shape: 'code', optional: false, choices: Object.values(AT_CODE) };
      case 'name':
        if (state.pendingName !== undefined) return { kind: 'yesNo', about: 'confirmAnswer:name' };
        return { kind: 'field', fieldId: 'name', label: { da: 'Fulde navn', en: 'Full name' }, shape: 'name', optional: false };
    }
  }

  accepts(instance: DialogInstance, input: string): boolean {
    const state = (instance as DialogInstance<RegistrationState>).state;
    if (state.step === 'name' && state.pendingName !== undefined && confirmed(input) !== undefined) return true;
    switch (state.step) {
      case 'refused':
        return matchTolerant(this.refusalChoices(state), input) !== undefined;
      case 'institution':
        return matchNamePart(this.choices(state), input) !== undefined;
      case 'email':
        return normaliseEmail(input) !== undefined;
      case 'code':
        return readCode(input) !== undefined || matchTolerant(Object.values(AT_CODE), input) !== undefined;
      case 'name':
        return input.trim().length >= 2 && !input.trim().endsWith('?');
    }
  }

  private refusalChoices(state: RegistrationState): Choice[] {
    return state.emailFixed ? [AFTER_REFUSAL.institution, AFTER_REFUSAL.contact] : [AFTER_REFUSAL.institution, AFTER_REFUSAL.email, AFTER_REFUSAL.contact];
  }

  private choices(state: RegistrationState): Choice[] {
    return state.institutions.map((i) => ({ id: i.id, label: { da: i.name, en: i.name } }));
  }

  private async ask(context: TurnContext, state: RegistrationState, problem?: string): Promise<void> {
    const t = texts(turnInfo(context).lang);
    const lead = problem ? `${problem}\n\n` : '';
    const lang = turnInfo(context).lang;
    switch (state.step) {
      case 'refused':
        await context.sendActivity(reply(`${lead}**${t.afterRefusal}**`, this.refusalChoices(state).map((c) => c.label[lang])));
        return;
      case 'institution':
        await context.sendActivity(reply(`${lead}**${t.askInstitution}**`, state.institutions.map((i) => i.name)));
        return;
      case 'email':
        await context.sendActivity(reply(`${lead}**${t.askEmail}**`));
        return;
      case 'code':
        await context.sendActivity(reply(`${lead}**${t.askCode}**`, Object.values(AT_CODE).map((c) => c.label[lang])));
        return;
      case 'name':
        if (state.pendingName !== undefined) {
          await context.sendActivity(reply(`${lead}${t.youWrote(quoted(state.pendingName))}\n\n**${t.isThatYourName}**`, yesNoActions(turnInfo(context).lang)));
          return;
        }
        await context.sendActivity(reply(`${lead}**${t.askName}**`));
        return;
    }
  }
}

// ---------------------------------------------------------------------------------------------

export interface ConsentOptions {
  userId: string;
  afterwards: Afterwards;
}

export type ConsentResult = { kind: 'accepted'; user: User; afterwards: Afterwards } | { kind: 'declined' };

const CONSENT_CHOICES = {
  accept: { id: 'accept', label: { da: 'Accepter', en: 'Accept' }, aliases: ['ja', 'yes', 'jeg accepterer', 'accepterer', 'i accept', 'ok'] },
  decline: { id: 'decline', label: { da: 'Afvis', en: 'Decline' }, aliases: ['nej', 'no', 'afviser', 'i decline'] },
} as const satisfies Record<string, Choice>;

/** A consultant reads the consent declaration and accepts it before the first case. */
export class ConsentDialog extends Dialog<ConsentOptions> implements InterruptibleDialog {
  constructor(private readonly deps: { portal: PortalService }) {
    super(DIALOG_IDS.consent);
  }

  override async beginDialog(dc: DialogContext, options?: ConsentOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('DIALOG.NO_OPTIONS: the consent dialog needs the user');
    (dc.activeDialog as DialogInstance<ConsentOptions>).state = options;
    await this.ask(dc.context);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = (dc.activeDialog as DialogInstance<ConsentOptions>).state;
    const { text, lang } = turnInfo(dc.context);
    const t = texts(lang);
    const choice = matchTolerant(Object.values(CONSENT_CHOICES), text);
    if (!choice) {
      await this.ask(dc.context, t.notUnderstoodAnswer);
      return Dialog.EndOfTurn;
    }
    if (choice.id === CONSENT_CHOICES.decline.id) {
      await dc.context.sendActivity(reply(t.consentDeclined));
      return dc.endDialog({ kind: 'declined' } satisfies ConsentResult);
    }
    const accepted = await this.deps.portal.acceptConsent(state.userId, CONSENT_DECLARATION.version);
    if (!accepted.ok) {
      await dc.context.sendActivity(reply(t.refused(accepted.error.message[lang])));
      return dc.endDialog({ kind: 'declined' } satisfies ConsentResult);
    }
    await dc.context.sendActivity(reply(t.consentAccepted));
    return dc.endDialog({ kind: 'accepted', user: accepted.value, afterwards: state.afterwards } satisfies ConsentResult);
  }

  override async repromptDialog(context: TurnContext): Promise<void> {
    await this.ask(context, takeRepromptLead(context));
  }

  help(): Localized {
    return { da: texts('da').consentHelp, en: texts('en').consentHelp };
  }

  expectation(): Expectation {
    return { kind: 'choice', about: 'consent', choices: Object.values(CONSENT_CHOICES) };
  }

  accepts(_instance: DialogInstance, input: string): boolean {
    return matchTolerant(Object.values(CONSENT_CHOICES), input) !== undefined;
  }

  private async ask(context: TurnContext, problem?: string): Promise<void> {
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    const lead = problem ? `${problem}\n\n` : '';
    await context.sendActivity(reply(`${lead}${t.consentIntro}\n\n> ${CONSENT_DECLARATION.text[lang]}`, [t.accept, t.decline]));
  }
}

// ---------------------------------------------------------------------------------------------

export interface CommentOptions {
  userId: string;
  caseNumber: string;
  /** The comment, when the request wrote it ("kommenter SA-…: …"): added at once, as a typed comment is. */
  text?: string;
}

interface CommentState extends CommentOptions {
  /** A comment typed while the router was unsure it was one, waiting for Ja. */
  pending?: string;
}

/** "Tilføj kommentar til SA-…": asks for the text and adds it as the customer's comment. */
export class CommentDialog extends Dialog<CommentOptions> implements InterruptibleDialog {
  constructor(private readonly deps: { portal: PortalService; statusLabel: (status: string, lang: Language) => string }) {
    super(DIALOG_IDS.comment);
  }

  override async beginDialog(dc: DialogContext, options?: CommentOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('DIALOG.NO_OPTIONS: the comment dialog needs the user and the case');
    const { text, ...rest } = options;
    (dc.activeDialog as DialogInstance<CommentState>).state = { ...rest };
    if (text !== undefined && text.trim() !== '') return this.add(dc, text);
    await this.repromptDialog(dc.context, dc.activeDialog as DialogInstance);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = (dc.activeDialog as DialogInstance<CommentState>).state;
    const info = turnInfo(dc.context);
    const pending = state.pending;
    delete state.pending;
    const yes = pending === undefined ? undefined : confirmed(info.text);
    if (yes === false) {
      await this.repromptDialog(dc.context, dc.activeDialog as DialogInstance);
      return Dialog.EndOfTurn;
    }
    // Ja takes the pending comment; anything else is a new comment.
    const text = yes === true && pending !== undefined ? pending : info.text;
    if (yes !== true && info.answerInDoubt === true && text.trim() !== '') {
      state.pending = text;
      await this.repromptDialog(dc.context, dc.activeDialog as DialogInstance);
      return Dialog.EndOfTurn;
    }
    return this.add(dc, text);
  }

  /** Adds the comment; an empty one or one with a CPR number is asked for again. */
  private async add(dc: DialogContext, text: string): Promise<DialogTurnResult> {
    const state = (dc.activeDialog as DialogInstance<CommentState>).state;
    const { lang } = turnInfo(dc.context);
    const t = texts(lang);
    const added = await this.deps.portal.comment(state.userId, state.caseNumber, text);
    if (!added.ok) {
      if (added.error.code === 'CASE.EMPTY_COMMENT' || added.error.code === 'CASE.CPR_NUMBER') {
        await dc.context.sendActivity(reply(`${added.error.message[lang]} ${t.askComment(state.caseNumber)}`));
        return Dialog.EndOfTurn;
      }
      await dc.context.sendActivity(reply(t.refused(added.error.message[lang])));
      return dc.endDialog();
    }
    await dc.context.sendActivity(reply(t.commentAdded(state.caseNumber, this.deps.statusLabel(added.value.case.status, lang))));
    return dc.endDialog();
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = (instance as DialogInstance<CommentState>).state;
    const lead = takeRepromptLead(context);
    const lang = turnInfo(context).lang;
    const t = texts(lang);
    const before = lead ? `${lead}\n\n` : '';
    if (state.pending !== undefined) {
      await context.sendActivity(reply(`${before}${t.youWrote(quoted(state.pending))}\n\n**${t.isThatYourComment(state.caseNumber)}**`, yesNoActions(lang)));
      return;
    }
    await context.sendActivity(reply(`${before}**${t.askComment(state.caseNumber)}**`));
  }

  help(): Localized {
    return { da: texts('da').commentHelp, en: texts('en').commentHelp };
  }

  expectation(instance: DialogInstance): Expectation {
    const state = (instance as DialogInstance<CommentState>).state;
    if (state.pending !== undefined) return { kind: 'yesNo', about: 'confirmAnswer:comment' };
    return { kind: 'field', fieldId: 'comment', label: { da: 'Kommentar', en: 'Comment' }, shape: 'longText', optional: false };
  }

  accepts(_instance: DialogInstance, input: string): boolean {
    return input.trim() !== '';
  }
}
