/**
 * The customer's side of the portal as use cases over the ports: what the dialogs call. Each use
 * case loads what the rules need, applies the rule, and only then writes. Pure: it knows the
 * ports, never an adapter.
 */
import { caseSubject, type Case, type CaseEvent, type CaseNumber, type CaseStatus } from './case.js';
import type { CaseStore, CreateCaseOutcome, Page, PageRequest } from './case-store.port.js';
import { catalogue as defaultCatalogue, COMMUNITY_ACCESS_CHOICE, COMMUNITY_ACCESS_FORM_ID, formAppliesTo, getForm, titleContext, type Catalogue } from './catalogue.js';
import type { DirectoryStore } from './directory-store.port.js';
import type { CaseDomainEvent } from './events.js';
import { parseForm, type FieldProblem } from './form.js';
import { CPR_REFUSAL, cprProblems, hasCprNumber } from './cpr.js';
import {
  canSeeCase,
  caseInstitutionIds,
  caseNotVisible,
  checkCommunityRequest,
  checkConsentAcceptance,
  checkCreateCase,
  checkMembershipChange,
  checkRegistration,
  CONSENT_DECLARATION,
  visibilityScope,
  type CommunityAccessRequest,
  type ExternalIdentity,
  type Institution,
  type User,
  type UserKind,
  type VisibilityScope,
} from './organisation.js';
import { err, ok, type DomainError, type ErrorCode, type Result } from './result.js';
import { checkFile, DEFAULT_ATTACHMENT_POLICY, type Attachment, type AttachmentPolicy, type AttachmentStore, type FileSniffer, type IncomingFile } from './attachment.js';

/** A refusal; an invalid form carries the problem of each field. */
export type ServiceError = DomainError<ErrorCode> & { problems?: FieldProblem[] };
export type ServiceResult<T> = Result<T, ServiceError>;

export interface PortalServiceOptions {
  cases: CaseStore;
  directory: DirectoryStore;
  /** Default: the Serviceportal catalogue. */
  catalogue?: Catalogue;
  /** Default: the current consent declaration's version. */
  consentVersion?: number;
  /** Default: `() => new Date()`. */
  clock?: () => Date;
  /** Files on cases: where they are kept, how their content is recognised, the limits. Default: no attachments. */
  attachments?: { store: AttachmentStore; sniffer: FileSniffer; policy?: AttachmentPolicy };
}

export interface CaseDraft {
  formId: string;
  /** The system chosen, or null when the request is not about one system. */
  systemId: string | null;
  institutionId: string;
  /** Send from this shared mailbox instead of from the user. */
  sentFromMailboxId?: string | null;
  /** Raw answers (chat text, card submission or API body); validated with the form's schema. */
  values: unknown;
  /** For the form Øvrige with community access: the institutions (ids) asked for. */
  communityInstitutionIds?: readonly string[];
  idempotencyKey: string;
  /** The language the user wrote in: the case's title is made in it (default Danish). */
  lang?: 'da' | 'en';
}

export interface CreatedCase extends CreateCaseOutcome {
  /** Community access requests created with the case. */
  communityRequests: CommunityAccessRequest[];
}

export interface Registration {
  email: string;
  name: string;
  institutionId: string;
  /** Default employee. */
  kind?: Exclude<UserKind, 'sharedMailbox'>;
  identity?: ExternalIdentity;
}

function attachmentsNotEnabled(): { ok: false; error: DomainError<'ATTACHMENT.NOT_ENABLED'> } {
  return err('ATTACHMENT.NOT_ENABLED', 'Filer kan ikke vedhæftes her.', 'Files cannot be attached here.');
}

function userNotFound(): { ok: false; error: DomainError<'USER.NOT_FOUND'> } {
  return err('USER.NOT_FOUND', 'Jeg kender dig ikke endnu. Opret dig som bruger først.', 'I do not know you yet. Register as a user first.');
}

/** See {@link PortalService.caseOptions}. */
export interface CaseOptions {
  institutions: Institution[];
  mailboxes: User[];
}

export class PortalService {
  private readonly cases: CaseStore;
  private readonly directory: DirectoryStore;
  private readonly catalogue: Catalogue;
  private readonly consentVersion: number;
  private readonly clock: () => Date;
  private readonly attachments: { store: AttachmentStore; sniffer: FileSniffer; policy: AttachmentPolicy } | undefined;

  constructor(options: PortalServiceOptions) {
    this.cases = options.cases;
    this.directory = options.directory;
    this.catalogue = options.catalogue ?? defaultCatalogue;
    this.consentVersion = options.consentVersion ?? CONSENT_DECLARATION.version;
    this.clock = options.clock ?? (() => new Date());
    this.attachments = options.attachments ? { ...options.attachments, policy: options.attachments.policy ?? DEFAULT_ATTACHMENT_POLICY } : undefined;
  }

  // --- who is this -----------------------------------------------------------------------------

  /** Registers a person with the e-mail domain check; links the channel identity when given. */
  async register(input: Registration): Promise<ServiceResult<User>> {
    const institution = await this.directory.getInstitution(input.institutionId);
    if (!institution) {
      return err('REGISTRATION.UNKNOWN_INSTITUTION', 'Jeg kender ikke den institution.', 'I do not know that institution.');
    }
    const checked = checkRegistration(input.email, institution);
    if (!checked.ok) return checked;
    const created = await this.directory.createUser({
      email: checked.value.email,
      name: input.name,
      primaryInstitutionId: institution.id,
      kind: input.kind ?? 'employee',
    });
    if (!created.ok) return created;
    if (input.identity) {
      const linked = await this.directory.linkIdentity(created.value.id, input.identity);
      if (!linked.ok) return linked;
    }
    return created;
  }

  async acceptConsent(userId: string, version: number): Promise<ServiceResult<User>> {
    const accepted = checkConsentAcceptance(version, this.consentVersion);
    if (!accepted.ok) return accepted;
    return this.directory.acceptConsent(userId, version);
  }

  // --- what may this user do -------------------------------------------------------------------

  /**
   * What the user chooses between when creating a case: the institutions they may create cases
   * for (ask which when more than one) and the shared mailboxes they may send from (ask which when
   * there are any). Given the user's id, the user is looked up once; given the user just looked
   * up (the conversation resolved them this turn), not at all. The institutions they may create
   * cases for are read with the standing, in the same statement (in "opret en sag", the heaviest
   * first turn, one statement where there were two); one the standing's read did not have (the
   * given user's institution changed in between) is read after it.
   */
  async caseOptions(who: string | User): Promise<ServiceResult<CaseOptions>> {
    const standing = await this.directory.getUserStanding(typeof who === 'string' ? who : who.id, { institutions: true });
    if (!standing) return userNotFound();
    // A user the caller has already read is taken as given (the requests and mailboxes are read now).
    const user = typeof who === 'string' ? standing.user : who;
    const { communityRequests: requests, mailboxes } = standing;
    const read = new Map((standing.institutions ?? []).map((i) => [i.id, i]));
    const institutions = await Promise.all(caseInstitutionIds(user, requests).map((id) => read.get(id) ?? this.directory.getInstitution(id)));
    const scope = visibilityScope(user, mailboxes);
    return ok({
      institutions: institutions.filter((i): i is Institution => i !== undefined),
      mailboxes: mailboxes.filter((m) => scope.mailboxIds.includes(m.id)),
    });
  }

  async scopeOf(userId: string): Promise<VisibilityScope | undefined> {
    const standing = await this.directory.getUserStanding(userId);
    return standing ? visibilityScope(standing.user, standing.mailboxes) : undefined;
  }

  // --- cases -----------------------------------------------------------------------------------

  async createCase(userId: string, draft: CaseDraft): Promise<ServiceResult<CreatedCase>> {
    const form = getForm(draft.formId, this.catalogue);
    if (!form) return err('CASE.UNKNOWN_FORM', 'Jeg kender ikke den formular.', 'I do not know that form.');
    const area = this.catalogue.areas.find((a) => a.id === form.areaId);
    if ((draft.systemId !== null && !area?.systemIds.includes(draft.systemId)) || !formAppliesTo(form, draft.systemId)) {
      return err('CASE.FORM_NOT_FOR_SYSTEM', 'Formularen passer ikke til det valgte system.', 'The form does not fit the chosen system.');
    }
    const values = parseForm(form, draft.values);
    if (!values.ok) {
      return { ok: false, error: { code: 'CASE.INVALID_VALUES', message: { da: 'Nogle felter er ikke udfyldt korrekt.', en: 'Some fields are not filled in correctly.' }, problems: values.error } };
    }
    // Whatever way a case comes in, a CPR number in free text is not stored (the dialogs and cards ask first).
    const cpr = cprProblems(form, values.value);
    if (cpr.length > 0) {
      return { ok: false, error: { code: 'CASE.INVALID_VALUES', message: { da: 'Nogle felter er ikke udfyldt korrekt.', en: 'Some fields are not filled in correctly.' }, problems: cpr } };
    }
    // Who the user is now, their community access and their mailboxes: read at the moment of creating.
    const standing = await this.directory.getUserStanding(userId);
    if (!standing) return userNotFound();
    const { user, communityRequests: requests } = standing;
    let sentFrom: { mailbox: User; isMember: boolean } | undefined;
    if (draft.sentFromMailboxId) {
      const attached = standing.mailboxes.find((m) => m.id === draft.sentFromMailboxId);
      const mailbox = attached ?? (await this.directory.getUser(draft.sentFromMailboxId));
      if (!mailbox) return err('MAILBOX.NOT_MEMBER', 'Du er ikke tilknyttet den fællespostkasse.', 'You are not attached to that shared mailbox.');
      sentFrom = { mailbox, isMember: attached !== undefined };
    }
    const allowed = checkCreateCase({ user, institutionId: draft.institutionId, communityRequests: requests, sentFrom, consentVersion: this.consentVersion });
    if (!allowed.ok) return allowed;

    const wantsCommunity = form.id === COMMUNITY_ACCESS_FORM_ID && values.value.henvendelsestype === COMMUNITY_ACCESS_CHOICE;
    const communityIds = wantsCommunity ? [...new Set(draft.communityInstitutionIds ?? [])] : [];
    const communityInstitutions: Institution[] = [];
    for (const id of communityIds) {
      const institution = await this.directory.getInstitution(id);
      if (!institution) return err('INSTITUTION.NOT_FOUND', 'Jeg kender ikke den institution.', 'I do not know that institution.');
      const may = checkCommunityRequest(user, institution, requests);
      if (!may.ok) return may;
      communityInstitutions.push(institution);
    }

    const created = await this.cases.create(
      {
        areaId: form.areaId,
        systemId: draft.systemId,
        formId: form.id,
        formVersion: form.version,
        values: values.value,
        subject: caseSubject(values.value, form.title[draft.lang ?? 'da'], titleContext(form, draft.systemId, values.value, draft.lang ?? 'da', this.catalogue)),
        institutionId: draft.institutionId,
        requesterId: user.id,
        sentFromId: sentFrom?.mailbox.id ?? user.id,
      },
      { idempotencyKey: draft.idempotencyKey },
    );
    if (!created.ok) return created;
    const communityRequests: CommunityAccessRequest[] = [];
    if (created.value.created) {
      for (const institution of communityInstitutions) {
        const request = await this.directory.createCommunityRequest({ userId: user.id, institutionId: institution.id, caseNumber: created.value.case.number });
        if (request.ok) communityRequests.push(request.value);
      }
    }
    return ok({ ...created.value, communityRequests });
  }

  /** A case and its history, if the user may see it (`CASE.NOT_VISIBLE` otherwise, also when it does not exist). */
  async caseFor(userId: string, number: CaseNumber): Promise<ServiceResult<{ case: Case; events: CaseEvent[] }>> {
    const scope = await this.scopeOf(userId);
    if (!scope) return userNotFound();
    const found = await this.cases.getByNumber(number);
    if (!found || !canSeeCase(scope, found)) return caseNotVisible();
    return ok({ case: found, events: (await this.cases.events(number)) ?? [] });
  }

  /** "Mine sager": own cases and the cases of the user's shared mailboxes, newest first. */
  async myCases(userId: string, page?: PageRequest & { statuses?: readonly CaseStatus[] }): Promise<ServiceResult<Page<Case>>> {
    const scope = await this.scopeOf(userId);
    if (!scope) return userNotFound();
    return ok(await this.cases.listVisible(scope, page));
  }

  async comment(userId: string, number: CaseNumber, text: string): Promise<ServiceResult<{ case: Case; events: CaseEvent[] }>> {
    const visible = await this.caseFor(userId, number);
    if (!visible.ok) return visible;
    // A comment is read by the desk and the mailbox's members: a CPR number is not stored.
    if (hasCprNumber(text)) return { ok: false, error: { code: 'CASE.CPR_NUMBER', message: { da: CPR_REFUSAL.da, en: CPR_REFUSAL.en } } };
    const changed = await this.cases.addComment(number, { author: 'customer', actor: { kind: 'user', userId }, text });
    return changed.ok ? ok(changed.value) : changed;
  }

  /** The customer reopens (Løst → Under behandling), accepts (Løst → Lukket) or withdraws (Modtaget → Lukket). */
  async changeStatus(userId: string, number: CaseNumber, to: CaseStatus): Promise<ServiceResult<{ case: Case; events: CaseEvent[] }>> {
    const visible = await this.caseFor(userId, number);
    if (!visible.ok) return visible;
    const changed = await this.cases.changeStatus(number, { to, actor: { kind: 'user', userId } });
    return changed.ok ? ok(changed.value) : changed;
  }

  // --- attachments -----------------------------------------------------------------------------

  /** The limits and kinds of attached files, or undefined when attachments are not enabled. */
  get attachmentPolicy(): AttachmentPolicy | undefined {
    return this.attachments?.policy;
  }

  /**
   * A file as it arrived (the web chat's upload, a file sent in Teams): checked by size and by
   * content, and kept until it is attached to a case ({@link attachFiles}). Nothing is stored of a
   * refused file.
   */
  async stageFile(file: IncomingFile): Promise<ServiceResult<Attachment>> {
    if (!this.attachments) return attachmentsNotEnabled();
    const checked = await checkFile(file, this.attachments.policy, this.attachments.sniffer);
    if (!checked.ok) return { ok: false, error: checked.error };
    return ok(await this.attachments.store.stage({ ...checked.value, bytes: file.bytes }));
  }

  /** Staged files by id, for showing what waits to be attached. */
  async stagedFiles(ids: readonly string[]): Promise<Attachment[]> {
    return this.attachments && ids.length > 0 ? this.attachments.store.staged(ids) : [];
  }

  /** Attaches staged files to a case the user may see, within the per-case limit. */
  async attachFiles(userId: string, number: CaseNumber, ids: readonly string[]): Promise<ServiceResult<Attachment[]>> {
    if (!this.attachments) return attachmentsNotEnabled();
    const visible = await this.caseFor(userId, number);
    if (!visible.ok) return visible;
    const { perCase } = this.attachments.policy;
    const attached = await this.attachments.store.attach(number, ids, userId, perCase);
    if (!attached.ok) {
      const left = Math.max(0, perCase - attached.tooMany.existing);
      return err(
        'ATTACHMENT.TOO_MANY',
        `En sag kan have højst ${perCase} filer. ${number} har ${attached.tooMany.existing}, så der er plads til ${left} mere.`,
        `A case can have at most ${perCase} files. ${number} has ${attached.tooMany.existing}, so there is room for ${left} more.`,
      );
    }
    return ok(attached.value);
  }

  /** The files on a case the user may see. */
  async attachmentsFor(userId: string, number: CaseNumber): Promise<ServiceResult<Attachment[]>> {
    const visible = await this.caseFor(userId, number);
    if (!visible.ok) return visible;
    return ok(this.attachments ? await this.attachments.store.list(number) : []);
  }

  // --- community access ------------------------------------------------------------------------

  async requestCommunityAccess(userId: string, institutionId: string, caseNumber?: string): Promise<ServiceResult<CommunityAccessRequest>> {
    const may = await this.mayRequestCommunityAccess(userId, institutionId);
    if (!may.ok) return may;
    return this.directory.createCommunityRequest({ userId, institutionId, caseNumber: caseNumber ?? null });
  }

  /**
   * Whether the user may order access to the institution (a consultant may not; nor access already granted, asked
   * for or to the user's own institution): the institution, or why not. Nothing is created — the chat checks before
   * it begins the case on the form Øvrige that orders it.
   */
  async mayRequestCommunityAccess(userId: string, institutionId: string): Promise<ServiceResult<Institution>> {
    const user = await this.directory.getUser(userId);
    if (!user) return userNotFound();
    const institution = await this.directory.getInstitution(institutionId);
    if (!institution) return err('INSTITUTION.NOT_FOUND', 'Jeg kender ikke den institution.', 'I do not know that institution.');
    const may = checkCommunityRequest(user, institution, await this.directory.listCommunityRequests({ userId }));
    return may.ok ? ok(institution) : may;
  }

  // --- shared mailboxes ------------------------------------------------------------------------

  /**
   * Who is attached to a shared mailbox (by e-mail): for the mailbox institution's shared-mailbox
   * administrators and for the users attached to it.
   */
  async mailboxMembers(actorId: string, mailboxEmail: string): Promise<ServiceResult<{ mailbox: User; members: User[] }>> {
    const actor = await this.directory.getUser(actorId);
    if (!actor) return userNotFound();
    const mailbox = await this.directory.getUserByEmail(mailboxEmail);
    if (!mailbox || mailbox.kind !== 'sharedMailbox') {
      return err('MAILBOX.NOT_A_MAILBOX', `${mailboxEmail} er ikke oprettet som fællespostkasse.`, `${mailboxEmail} is not set up as a shared mailbox.`);
    }
    const members = await this.directory.membersOf(mailbox.id);
    const admin = actor.roles.includes('sharedMailboxAdmin') && actor.primaryInstitutionId === mailbox.primaryInstitutionId;
    if (!admin && !members.some((m) => m.id === actor.id)) {
      return err(
        'MAILBOX.NOT_ADMIN',
        `Kun administratorer af fællespostkasser og brugere, der er tilknyttet ${mailbox.email}, kan se, hvem der er tilknyttet.`,
        `Only shared mailbox administrators and users attached to ${mailbox.email} can see who is attached.`,
      );
    }
    return ok({ mailbox, members });
  }

  /**
   * A shared-mailbox administrator attaches a user to, or detaches one from, a mailbox (by e-mail).
   * With `check` nothing changes: the answer says whether the change would be allowed (the chat
   * asks before it detaches).
   */
  async changeMembership(actorId: string, op: 'attach' | 'detach', mailboxEmail: string, memberEmail: string, options: { check?: boolean } = {}): Promise<ServiceResult<User[]>> {
    const actor = await this.directory.getUser(actorId);
    if (!actor) return userNotFound();
    const mailbox = await this.directory.getUserByEmail(mailboxEmail);
    if (!mailbox) {
      return err('MAILBOX.NOT_A_MAILBOX', `${mailboxEmail} er ikke oprettet som bruger i Serviceportalen.`, `${mailboxEmail} is not a user of the Serviceportal.`);
    }
    const member = await this.directory.getUserByEmail(memberEmail);
    if (!member) {
      return err('USER.NOT_FOUND', `${memberEmail} er ikke oprettet som bruger i Serviceportalen.`, `${memberEmail} is not a user of the Serviceportal.`);
    }
    const isMember = await this.directory.isMember(mailbox.id, member.id);
    const may = checkMembershipChange({ op, actor, mailbox, member, isMember });
    if (!may.ok) return may;
    if (options.check) return ok(await this.directory.membersOf(mailbox.id));
    if (op === 'attach') {
      await this.directory.attachMember({ mailboxId: mailbox.id, memberId: member.id, addedBy: actor.id, addedAt: this.clock().toISOString() });
    } else {
      await this.directory.detachMember(mailbox.id, member.id);
    }
    return ok(await this.directory.membersOf(mailbox.id));
  }
}

/**
 * Who is told about a case event: the requester and — for a case sent from a shared mailbox —
 * every user attached to the mailbox (of the mailbox's institution), but not the user who caused
 * the event. For the notifier, which consumes the outbox.
 */
export async function caseEventRecipients(directory: DirectoryStore, event: CaseDomainEvent): Promise<User[]> {
  const recipients = new Map<string, User>();
  const requester = await directory.getUser(event.requesterId);
  if (requester) recipients.set(requester.id, requester);
  if (event.sentFromId !== event.requesterId) {
    const mailbox = await directory.getUser(event.sentFromId);
    if (mailbox?.kind === 'sharedMailbox') {
      for (const member of await directory.membersOf(mailbox.id)) {
        if (member.primaryInstitutionId === mailbox.primaryInstitutionId) recipients.set(member.id, member);
      }
    }
  }
  if (event.actor.kind === 'user') recipients.delete(event.actor.userId);
  return [...recipients.values()];
}
