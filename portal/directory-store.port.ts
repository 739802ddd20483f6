import type { Actor, CommunityAccessRequest, CommunityDecision, CommunityStatus, ExternalIdentity, Institution, MailboxMembership, Role, User, UserKind } from './organisation.js';
import type { DomainError, Result } from './result.js';

export interface NewUser {
  email: string;
  name: string;
  primaryInstitutionId: string;
  kind: UserKind;
  roles?: readonly Role[];
  consentAcceptedVersion?: number | null;
}

export interface InstitutionPatch {
  name?: string;
  allowSubdomains?: boolean;
}

export interface CommunityRequestFilter {
  status?: CommunityStatus;
  userId?: string;
  institutionId?: string;
}

export interface NewCommunityRequest {
  userId: string;
  institutionId: string;
  /** The case (form Øvrige) it came with. */
  caseNumber?: string | null;
}

/**
 * A user with what the rules of creating and seeing cases need about them: their community access
 * requests (oldest first) and the shared mailboxes they are attached to (by e-mail).
 */
export interface UserStanding {
  user: User;
  communityRequests: CommunityAccessRequest[];
  mailboxes: User[];
  /**
   * Only when asked for ({@link StandingOptions.institutions}): the institutions the user may create
   * cases for as the standing stands — their own and those of their approved community access —
   * read with it. One that no longer exists is not there.
   */
  institutions?: Institution[];
}

export interface StandingOptions {
  /** Read the institutions the user may create cases for with the standing (see {@link UserStanding.institutions}). */
  institutions?: boolean;
}

export type InstitutionError = DomainError<'INSTITUTION.NOT_FOUND' | 'INSTITUTION.ALREADY_EXISTS' | 'INSTITUTION.DOMAIN_TAKEN'>;

/**
 * Institutions, users, their identities, shared mailbox memberships and community access
 * requests. Uniqueness is the store's (one user per e-mail, one domain per institution, one
 * pending request per user and institution); the rules of who may do what are the caller's
 * (portal/organisation.ts), except the decision on a community request, which the store applies
 * atomically with {@link decideCommunityRequest} and publishes as an event.
 */
export interface DirectoryStore {
  listInstitutions(): Promise<Institution[]>;
  getInstitution(id: string): Promise<Institution | undefined>;
  /** Institutions that own a domain (exactly, or as a parent domain that allows subdomains). */
  institutionsForDomain(domain: string): Promise<Institution[]>;
  /** The changes below publish `institution.changed` with the actor (default: the system). */
  createInstitution(institution: Institution, actor?: Actor): Promise<Result<Institution, InstitutionError>>;
  updateInstitution(id: string, patch: InstitutionPatch, actor?: Actor): Promise<Result<Institution, InstitutionError>>;
  /** Adding a domain the institution has already is a no-op (no event). */
  addDomain(institutionId: string, domain: string, actor?: Actor): Promise<Result<Institution, InstitutionError>>;
  removeDomain(institutionId: string, domain: string, actor?: Actor): Promise<Result<Institution, InstitutionError>>;

  getUser(id: string): Promise<User | undefined>;
  getUserByEmail(email: string): Promise<User | undefined>;
  getUserByIdentity(identity: ExternalIdentity): Promise<User | undefined>;
  /**
   * The user with their community requests and mailboxes, read together (one statement on
   * PostgreSQL, where {@link getUser}, {@link listCommunityRequests} and {@link mailboxesOf} are three).
   */
  getUserStanding(id: string, options?: StandingOptions): Promise<UserStanding | undefined>;
  /** Creates a user; an e-mail already registered is refused. The rules (domain check) are the caller's. */
  createUser(input: NewUser): Promise<Result<User, DomainError<'REGISTRATION.ALREADY_REGISTERED'>>>;
  /** Ties a channel identity to a user (moving it if another user had it). */
  linkIdentity(userId: string, identity: ExternalIdentity): Promise<Result<undefined, DomainError<'USER.NOT_FOUND'>>>;
  setRoles(userId: string, roles: readonly Role[]): Promise<Result<User, DomainError<'USER.NOT_FOUND'>>>;
  acceptConsent(userId: string, version: number): Promise<Result<User, DomainError<'USER.NOT_FOUND'>>>;

  /** The shared mailboxes a user is attached to. */
  mailboxesOf(memberId: string): Promise<User[]>;
  /** The users attached to a shared mailbox. */
  membersOf(mailboxId: string): Promise<User[]>;
  isMember(mailboxId: string, memberId: string): Promise<boolean>;
  /** Attaches a member (no-op when attached already). */
  attachMember(membership: MailboxMembership): Promise<void>;
  /** Detaches a member; false when they were not attached. */
  detachMember(mailboxId: string, memberId: string): Promise<boolean>;

  getCommunityRequest(id: string): Promise<CommunityAccessRequest | undefined>;
  listCommunityRequests(filter?: CommunityRequestFilter): Promise<CommunityAccessRequest[]>;
  createCommunityRequest(input: NewCommunityRequest): Promise<Result<CommunityAccessRequest, DomainError<'COMMUNITY.ALREADY_PENDING'>>>;
  decideCommunityRequest(
    id: string,
    decision: Omit<CommunityDecision, 'at'>,
  ): Promise<Result<CommunityAccessRequest, DomainError<'COMMUNITY.NOT_FOUND' | 'COMMUNITY.NOT_PENDING' | 'COMMUNITY.NOT_AGENT'>>>;
}
