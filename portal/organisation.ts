/**
 * Institutions, users, payroll communities (lønfællesskaber), shared mailboxes (fællespostkasser)
 * and consent — and the rules that decide who may do what. Every rule is a pure function that
 * answers with a {@link Result}; none throws for an expected refusal.
 */
import { z } from 'zod';
import { normaliseEmail } from './form.js';
import { err, ok, okVoid, type DomainError, type Result } from './result.js';
import { localizedSchema } from './text.js';

// ---------------------------------------------------------------------------------------------
// Types

export const institutionIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and hyphens');

const DOMAIN = /^(?=.{3,253}$)[a-z0-9æøå](?:[a-z0-9æøå-]{0,61}[a-z0-9æøå])?(?:\.[a-z0-9æøå](?:[a-z0-9æøå-]{0,61}[a-z0-9æøå])?)*\.[a-z]{2,}$/;
/** An e-mail domain, stored in lower case. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(DOMAIN, 'a domain like institution.dk');

export const institutionSchema = z
  .object({
    id: institutionIdSchema,
    name: z.string().trim().min(2).max(200),
    /** The e-mail domains users of this institution register with. */
    domains: z.array(domainSchema),
    /** Whether e-mail addresses on subdomains (x.institution.dk) are accepted too. Default false. */
    allowSubdomains: z.boolean().default(false),
  })
  .strict();
export type Institution = z.infer<typeof institutionSchema>;

export const USER_KINDS = ['employee', 'consultant', 'sharedMailbox'] as const;
export const userKindSchema = z.enum(USER_KINDS);
export type UserKind = z.infer<typeof userKindSchema>;

export const ROLES = ['sharedMailboxAdmin', 'agent'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const userIdSchema = z.string().min(1).max(100);
export type UserId = z.infer<typeof userIdSchema>;

export const emailSchema = z
  .string()
  .transform((raw, ctx) => {
    const email = normaliseEmail(raw);
    if (email === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not an e-mail address' });
      return z.NEVER;
    }
    return email;
  });

export const isoTimestampSchema = z.string().datetime({ offset: true });

export const userSchema = z
  .object({
    id: userIdSchema,
    email: emailSchema,
    name: z.string().trim().min(1).max(200),
    primaryInstitutionId: institutionIdSchema,
    kind: userKindSchema,
    roles: z.array(roleSchema).default([]),
    /** The consent declaration version the user accepted (consultants), or null. */
    consentAcceptedVersion: z.number().int().min(1).nullable().default(null),
    createdAt: isoTimestampSchema,
  })
  .strict();
export type User = z.infer<typeof userSchema>;

/** How a channel identifies a person: Teams (Entra ID object id) or the portal's web-chat token. */
export const IDENTITY_PROVIDERS = ['entra', 'portal'] as const;
export const externalIdentitySchema = z.object({ provider: z.enum(IDENTITY_PROVIDERS), subject: z.string().min(1).max(200) }).strict();
export type ExternalIdentity = z.infer<typeof externalIdentitySchema>;

export const COMMUNITY_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const communityStatusSchema = z.enum(COMMUNITY_STATUSES);
export type CommunityStatus = z.infer<typeof communityStatusSchema>;

export const communityAccessRequestSchema = z
  .object({
    id: z.string().min(1),
    userId: userIdSchema,
    institutionId: institutionIdSchema,
    status: communityStatusSchema,
    requestedAt: isoTimestampSchema,
    /** The case (form Øvrige) the request came with, if any. */
    caseNumber: z.string().nullable().default(null),
    decidedBy: z.string().nullable().default(null),
    decidedAt: isoTimestampSchema.nullable().default(null),
    /** The agent's reason, shown to the user (mostly for a rejection). */
    decisionNote: z.string().max(1000).nullable().default(null),
  })
  .strict();
export type CommunityAccessRequest = z.infer<typeof communityAccessRequestSchema>;

export const mailboxMembershipSchema = z
  .object({ mailboxId: userIdSchema, memberId: userIdSchema, addedBy: z.string().min(1), addedAt: isoTimestampSchema })
  .strict();
export type MailboxMembership = z.infer<typeof mailboxMembershipSchema>;

/** Who acts: a portal user, a service-desk agent (through the agent API), or the system itself. */
export const actorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: userIdSchema }).strict(),
  z.object({ kind: z.literal('agent'), agentId: z.string().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('system') }).strict(),
]);
export type Actor = z.infer<typeof actorSchema>;

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `user:${actor.userId}`;
    case 'agent':
      return `agent:${actor.agentId}`;
    case 'system':
      return 'system';
  }
}

// ---------------------------------------------------------------------------------------------
// Consent declaration (samtykkeerklæring) for consultants

export const consentDeclarationSchema = z.object({ version: z.number().int().min(1), text: localizedSchema }).strict();
export type ConsentDeclaration = z.infer<typeof consentDeclarationSchema>;

/** The current consent declaration. Raising `version` asks every consultant to accept again. */
export const CONSENT_DECLARATION: ConsentDeclaration = consentDeclarationSchema.parse({
  version: 1,
  text: {
    da:
      'Samtykkeerklæring for konsulenter: Jeg bruger Serviceportalen på vegne af den institution, min bruger er oprettet for, ' +
      'og kun til opgaver for den institution. Jeg behandler oplysninger, jeg får adgang til, fortroligt og efter institutionens ' +
      'anvisninger, og jeg accepterer, at Statens Administration registrerer mine henvendelser.',
    en:
      'Consent declaration for consultants: I use the Serviceportal on behalf of the institution my user was created for, and only ' +
      'for tasks for that institution. I treat information I get access to as confidential and according to the institution’s ' +
      'instructions, and I accept that Statens Administration records my requests.',
  },
});

// ---------------------------------------------------------------------------------------------
// Registration

/** The domain of an e-mail address in lower case, or undefined when it is not an address. */
export function emailDomain(email: string): string | undefined {
  const normalised = normaliseEmail(email);
  return normalised?.slice(normalised.lastIndexOf('@') + 1);
}

/** Whether an e-mail domain is one the institution may use (subdomains only when allowed). */
export function domainAllowed(domain: string, institution: Institution): boolean {
  const d = domain.toLowerCase();
  return institution.domains.some((allowed) => d === allowed || (institution.allowSubdomains && d.endsWith(`.${allowed}`)));
}

/**
 * The registration rule: the e-mail's domain must be one of the chosen institution's domains
 * (case-insensitive; a subdomain only where the institution allows it). Answers the normalised
 * address.
 */
export function checkRegistration(
  email: string,
  institution: Institution,
): Result<{ email: string; domain: string }, DomainError<'REGISTRATION.INVALID_EMAIL' | 'REGISTRATION.DOMAIN_MISMATCH'>> {
  const normalised = normaliseEmail(email);
  if (normalised === undefined) {
    return err('REGISTRATION.INVALID_EMAIL', 'Det ligner ikke en e-mailadresse.', 'That does not look like an e-mail address.');
  }
  const domain = normalised.slice(normalised.lastIndexOf('@') + 1);
  if (!domainAllowed(domain, institution)) {
    return err(
      'REGISTRATION.DOMAIN_MISMATCH',
      `E-mailadresser på ${domain} kan ikke tilknyttes ${institution.name}. Brug din e-mail fra institutionen, eller vælg den rigtige institution.`,
      `E-mail addresses on ${domain} cannot be tied to ${institution.name}. Use your e-mail from the institution, or choose the right institution.`,
    );
  }
  return ok({ email: normalised, domain });
}

/** The institutions an e-mail address may register with (to suggest one). */
export function institutionsForEmail(email: string, institutions: readonly Institution[]): Institution[] {
  const domain = emailDomain(email);
  return domain === undefined ? [] : institutions.filter((i) => domainAllowed(domain, i));
}

// ---------------------------------------------------------------------------------------------
// Consent

/** Whether the user must accept the (current) consent declaration before creating cases. */
export function needsConsent(user: User, currentVersion: number = CONSENT_DECLARATION.version): boolean {
  return user.kind === 'consultant' && (user.consentAcceptedVersion ?? 0) < currentVersion;
}

export function checkConsent(user: User, currentVersion: number = CONSENT_DECLARATION.version): Result<undefined, DomainError<'CONSENT.REQUIRED'>> {
  if (!needsConsent(user, currentVersion)) return okVoid();
  return err(
    'CONSENT.REQUIRED',
    'Som konsulent skal du acceptere samtykkeerklæringen, før du kan oprette sager.',
    'As a consultant you must accept the consent declaration before you can create cases.',
  );
}

/** Accepting a version of the declaration: only the current one (an old card must not count). */
export function checkConsentAcceptance(version: number, currentVersion: number = CONSENT_DECLARATION.version): Result<undefined, DomainError<'CONSENT.UNKNOWN_VERSION'>> {
  if (version === currentVersion) return okVoid();
  return err(
    'CONSENT.UNKNOWN_VERSION',
    'Samtykkeerklæringen er blevet opdateret. Læs den nye version, og accepter igen.',
    'The consent declaration has been updated. Read the new version and accept again.',
  );
}

// ---------------------------------------------------------------------------------------------
// Community access (lønfællesskaber)

/** The institutions a user may create cases for: the primary one plus approved community access;
 * a consultant (and a shared mailbox) only their one institution. */
export function caseInstitutionIds(user: User, requests: readonly CommunityAccessRequest[]): string[] {
  const ids = [user.primaryInstitutionId];
  if (user.kind !== 'employee') return ids;
  for (const r of requests) {
    if (r.userId === user.id && r.status === 'approved' && !ids.includes(r.institutionId)) ids.push(r.institutionId);
  }
  return ids;
}

type CommunityRequestError = DomainError<
  'COMMUNITY.CONSULTANT' | 'COMMUNITY.SHARED_MAILBOX' | 'COMMUNITY.OWN_INSTITUTION' | 'COMMUNITY.ALREADY_GRANTED' | 'COMMUNITY.ALREADY_PENDING'
>;

/** May this user ask for access to this institution? */
export function checkCommunityRequest(
  user: User,
  institution: Institution,
  existing: readonly CommunityAccessRequest[],
): Result<undefined, CommunityRequestError> {
  if (user.kind === 'consultant') {
    return err(
      'COMMUNITY.CONSULTANT',
      'Konsulenter kan ikke bestille adgang til flere institutioner. Brug den bruger, du er oprettet med for den enkelte institution.',
      'Consultants cannot order access to more institutions. Use the user you were created with for each institution.',
    );
  }
  if (user.kind === 'sharedMailbox') {
    return err('COMMUNITY.SHARED_MAILBOX', 'En fællespostkasse kan ikke bestille adgang til andre institutioner.', 'A shared mailbox cannot order access to other institutions.');
  }
  if (institution.id === user.primaryInstitutionId) {
    return err('COMMUNITY.OWN_INSTITUTION', `${institution.name} er allerede din primære institution.`, `${institution.name} is already your primary institution.`);
  }
  const mine = existing.filter((r) => r.userId === user.id && r.institutionId === institution.id);
  if (mine.some((r) => r.status === 'approved')) {
    return err('COMMUNITY.ALREADY_GRANTED', `Du har allerede adgang til ${institution.name}.`, `You already have access to ${institution.name}.`);
  }
  if (mine.some((r) => r.status === 'pending')) {
    return err('COMMUNITY.ALREADY_PENDING', `Du har allerede bestilt adgang til ${institution.name}. Den er ved at blive behandlet.`, `You have already ordered access to ${institution.name}. It is being processed.`);
  }
  return okVoid();
}

export interface CommunityDecision {
  approve: boolean;
  by: Actor;
  at: string;
  note?: string | undefined;
}

/** An agent approves or rejects a pending request; answers the decided request. */
export function decideCommunityRequest(
  request: CommunityAccessRequest,
  decision: CommunityDecision,
  actorUser?: User,
): Result<CommunityAccessRequest, DomainError<'COMMUNITY.NOT_PENDING' | 'COMMUNITY.NOT_AGENT'>> {
  const isAgent = decision.by.kind === 'agent' || (decision.by.kind === 'user' && actorUser?.id === decision.by.userId && actorUser.roles.includes('agent'));
  if (!isAgent) {
    return err('COMMUNITY.NOT_AGENT', 'Kun servicedesken kan godkende eller afvise adgang.', 'Only the service desk can approve or reject access.');
  }
  if (request.status !== 'pending') {
    return err(
      'COMMUNITY.NOT_PENDING',
      `Anmodningen er allerede ${request.status === 'approved' ? 'godkendt' : 'afvist'}.`,
      `The request has already been ${request.status}.`,
    );
  }
  return ok({
    ...request,
    status: decision.approve ? 'approved' : 'rejected',
    decidedBy: actorLabel(decision.by),
    decidedAt: decision.at,
    decisionNote: decision.note ?? null,
  });
}

// ---------------------------------------------------------------------------------------------
// Creating cases

export interface CreateCaseContext {
  user: User;
  institutionId: string;
  /** The user's community access requests (any status). */
  communityRequests: readonly CommunityAccessRequest[];
  /** When the case is sent from a shared mailbox: that mailbox, and whether the user is attached to it. */
  sentFrom?: { mailbox: User; isMember: boolean } | undefined;
  consentVersion?: number;
}

type CreateCaseError = DomainError<
  'CASE.REQUESTER_IS_MAILBOX' | 'CONSENT.REQUIRED' | 'CASE.INSTITUTION_NOT_ALLOWED' | 'MAILBOX.NOT_A_MAILBOX' | 'MAILBOX.NOT_MEMBER'
>;

/** May this user create a case for this institution (and send it from this mailbox)? */
export function checkCreateCase(ctx: CreateCaseContext): Result<undefined, CreateCaseError> {
  const { user } = ctx;
  if (user.kind === 'sharedMailbox') {
    return err(
      'CASE.REQUESTER_IS_MAILBOX',
      'En fællespostkasse kan ikke selv oprette sager; en bruger, der er tilknyttet den, sender sagen fra den.',
      'A shared mailbox cannot create cases itself; a user attached to it sends the case from it.',
    );
  }
  const consent = checkConsent(user, ctx.consentVersion);
  if (!consent.ok) return consent;
  if (!caseInstitutionIds(user, ctx.communityRequests).includes(ctx.institutionId)) {
    return err(
      'CASE.INSTITUTION_NOT_ALLOWED',
      user.kind === 'consultant'
        ? 'Som konsulent kan du kun oprette sager for den institution, din bruger er oprettet for.'
        : 'Du kan ikke oprette sager for den institution. Bestil adgang via området Øvrige, formularen Øvrige.',
      user.kind === 'consultant'
        ? 'As a consultant you can only create cases for the institution your user was created for.'
        : 'You cannot create cases for that institution. Order access through the area Øvrige, form Øvrige.',
    );
  }
  if (ctx.sentFrom) {
    if (ctx.sentFrom.mailbox.kind !== 'sharedMailbox') {
      return err('MAILBOX.NOT_A_MAILBOX', `${ctx.sentFrom.mailbox.email} er ikke en fællespostkasse.`, `${ctx.sentFrom.mailbox.email} is not a shared mailbox.`);
    }
    if (!ctx.sentFrom.isMember || ctx.sentFrom.mailbox.primaryInstitutionId !== user.primaryInstitutionId) {
      return err('MAILBOX.NOT_MEMBER', `Du er ikke tilknyttet fællespostkassen ${ctx.sentFrom.mailbox.email}.`, `You are not attached to the shared mailbox ${ctx.sentFrom.mailbox.email}.`);
    }
  }
  return okVoid();
}

// ---------------------------------------------------------------------------------------------
// Who may see which cases

/** What a user may see: their own cases and those sent from the mailboxes they are attached to. */
export interface VisibilityScope {
  userId: string;
  mailboxIds: readonly string[];
}

/**
 * The scope of a user, from the mailboxes they are attached to. Only mailboxes of the user's own
 * institution count: membership never reaches across institutions.
 */
export function visibilityScope(user: User, mailboxes: readonly User[]): VisibilityScope {
  return {
    userId: user.id,
    mailboxIds: mailboxes.filter((m) => m.kind === 'sharedMailbox' && m.primaryInstitutionId === user.primaryInstitutionId).map((m) => m.id),
  };
}

/** The parts of a case visibility depends on. */
export interface CaseParties {
  requesterId: string;
  sentFromId: string;
}

export function canSeeCase(scope: VisibilityScope, c: CaseParties): boolean {
  return c.requesterId === scope.userId || c.sentFromId === scope.userId || scope.mailboxIds.includes(c.sentFromId);
}

/**
 * May the user see (and so update) this case? A case the user may not see gets the same answer
 * as a case that does not exist: `CASE.NOT_VISIBLE` never says which.
 */
export function checkCaseVisible(scope: VisibilityScope, c: CaseParties | undefined): Result<undefined, DomainError<'CASE.NOT_VISIBLE'>> {
  if (c !== undefined && canSeeCase(scope, c)) return okVoid();
  return caseNotVisible();
}

export function caseNotVisible(): { ok: false; error: DomainError<'CASE.NOT_VISIBLE'> } {
  return err('CASE.NOT_VISIBLE', 'Jeg kan ikke finde en sag med det nummer, som du har adgang til.', 'I cannot find a case with that number that you have access to.');
}

// ---------------------------------------------------------------------------------------------
// Shared mailbox membership

export interface MembershipChange {
  op: 'attach' | 'detach';
  actor: User;
  mailbox: User;
  member: User;
  /** Whether `member` is attached to `mailbox` now. */
  isMember: boolean;
}

type MembershipError = DomainError<
  'MAILBOX.NOT_ADMIN' | 'MAILBOX.NOT_A_MAILBOX' | 'MAILBOX.OTHER_INSTITUTION' | 'MAILBOX.MEMBER_IS_MAILBOX' | 'MAILBOX.ALREADY_MEMBER' | 'MAILBOX.NOT_MEMBER'
>;

/**
 * May the actor attach or detach this member? Only an administrator of shared mailboxes of the
 * mailbox's institution; the mailbox must be a shared-mailbox user; the member a person (not a
 * mailbox) of the same institution.
 */
export function checkMembershipChange(change: MembershipChange): Result<undefined, MembershipError> {
  const { actor, mailbox, member } = change;
  if (!actor.roles.includes('sharedMailboxAdmin')) {
    return err(
      'MAILBOX.NOT_ADMIN',
      'Du skal have rollen administrator af fællespostkasser for at tilknytte eller fjerne brugere.',
      'You need the role shared mailbox administrator to attach or detach users.',
    );
  }
  if (mailbox.kind !== 'sharedMailbox') {
    return err('MAILBOX.NOT_A_MAILBOX', `${mailbox.email} er ikke oprettet som fællespostkasse.`, `${mailbox.email} is not set up as a shared mailbox.`);
  }
  if (actor.primaryInstitutionId !== mailbox.primaryInstitutionId) {
    return err(
      'MAILBOX.OTHER_INSTITUTION',
      `Fællespostkassen ${mailbox.email} hører til en anden institution end din.`,
      `The shared mailbox ${mailbox.email} belongs to another institution than yours.`,
    );
  }
  if (change.op === 'attach') {
    if (member.kind === 'sharedMailbox') {
      return err('MAILBOX.MEMBER_IS_MAILBOX', `${member.email} er selv en fællespostkasse.`, `${member.email} is itself a shared mailbox.`);
    }
    if (member.primaryInstitutionId !== mailbox.primaryInstitutionId) {
      return err(
        'MAILBOX.OTHER_INSTITUTION',
        `${member.email} er bruger i en anden institution og kan ikke tilknyttes ${mailbox.email}.`,
        `${member.email} is a user of another institution and cannot be attached to ${mailbox.email}.`,
      );
    }
    if (change.isMember) {
      return err('MAILBOX.ALREADY_MEMBER', `${member.email} er allerede tilknyttet ${mailbox.email}.`, `${member.email} is already attached to ${mailbox.email}.`);
    }
  } else if (!change.isMember) {
    return err('MAILBOX.NOT_MEMBER', `${member.email} er ikke tilknyttet ${mailbox.email}.`, `${member.email} is not attached to ${mailbox.email}.`);
  }
  return okVoid();
}
