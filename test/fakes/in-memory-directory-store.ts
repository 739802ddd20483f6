import {
  decideCommunityRequest,
  type Actor,
  domainAllowed,
  err,
  institutionSchema,
  normaliseEmail,
  ok,
  okVoid,
  type CommunityAccessRequest,
  type CommunityDecision,
  type CommunityRequestFilter,
  type DirectoryStore,
  type DomainError,
  type ExternalIdentity,
  type Institution,
  type InstitutionError,
  type InstitutionPatch,
  type MailboxMembership,
  type NewCommunityRequest,
  type NewUser,
  type PortalEventPublisher,
  type Result,
  type Role,
  type User,
  type StandingOptions,
  type UserStanding,
} from '../../portal/index.js';

const SYSTEM: Actor = { kind: 'system' };

export interface InMemoryDirectoryStoreOptions {
  clock?: () => Date;
  publisher?: PortalEventPublisher;
}

/** A {@link DirectoryStore} in memory, with the same uniqueness rules as the PostgreSQL store. */
export class InMemoryDirectoryStore implements DirectoryStore {
  private readonly institutions = new Map<string, Institution>();
  private readonly users = new Map<string, User>();
  private readonly identities = new Map<string, string>();
  private memberships: MailboxMembership[] = [];
  private readonly requests = new Map<string, CommunityAccessRequest>();
  private nextId = 1;
  private readonly clock: () => Date;
  private readonly publisher: PortalEventPublisher | undefined;

  constructor(options: InMemoryDirectoryStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.publisher = options.publisher;
  }

  listInstitutions(): Promise<Institution[]> {
    return Promise.resolve([...this.institutions.values()].sort((a, b) => a.name.localeCompare(b.name, 'da')));
  }

  getInstitution(id: string): Promise<Institution | undefined> {
    return Promise.resolve(this.institutions.get(id));
  }

  institutionsForDomain(domain: string): Promise<Institution[]> {
    return Promise.resolve([...this.institutions.values()].filter((i) => domainAllowed(domain, i)));
  }

  async createInstitution(institution: Institution, actor: Actor = SYSTEM): Promise<Result<Institution, InstitutionError>> {
    if (this.institutions.has(institution.id)) {
      return err('INSTITUTION.ALREADY_EXISTS', 'Institutionen findes allerede.', 'The institution already exists.');
    }
    const copy = institutionSchema.parse(institution);
    const taken = copy.domains.find((d) => this.domainOwner(d) !== undefined);
    if (taken !== undefined) return domainTaken(taken);
    this.institutions.set(copy.id, copy);
    await this.institutionChanged(copy.id, 'created', null, actor);
    return ok(copy);
  }

  async updateInstitution(id: string, patch: InstitutionPatch, actor: Actor = SYSTEM): Promise<Result<Institution, InstitutionError>> {
    const current = this.institutions.get(id);
    if (!current) return institutionNotFound();
    const next = { ...current, ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.allowSubdomains !== undefined ? { allowSubdomains: patch.allowSubdomains } : {}) };
    this.institutions.set(id, next);
    await this.institutionChanged(id, 'updated', null, actor);
    return ok(next);
  }

  async addDomain(institutionId: string, domain: string, actor: Actor = SYSTEM): Promise<Result<Institution, InstitutionError>> {
    const current = this.institutions.get(institutionId);
    if (!current) return institutionNotFound();
    const d = domain.trim().toLowerCase();
    const owner = this.domainOwner(d);
    if (owner === institutionId) return ok(current);
    if (owner !== undefined) return domainTaken(d);
    const next = { ...current, domains: [...current.domains, d] };
    this.institutions.set(institutionId, next);
    await this.institutionChanged(institutionId, 'domain_added', d, actor);
    return ok(next);
  }

  async removeDomain(institutionId: string, domain: string, actor: Actor = SYSTEM): Promise<Result<Institution, InstitutionError>> {
    const current = this.institutions.get(institutionId);
    if (!current) return institutionNotFound();
    const d = domain.trim().toLowerCase();
    if (!current.domains.includes(d)) return ok(current);
    const next = { ...current, domains: current.domains.filter((x) => x !== d) };
    this.institutions.set(institutionId, next);
    await this.institutionChanged(institutionId, 'domain_removed', d, actor);
    return ok(next);
  }

  getUser(id: string): Promise<User | undefined> {
    return Promise.resolve(this.users.get(id));
  }

  async getUserStanding(id: string, options: StandingOptions = {}): Promise<UserStanding | undefined> {
    const user = this.users.get(id);
    if (!user) return undefined;
    const [communityRequests, mailboxes] = await Promise.all([this.listCommunityRequests({ userId: id }), this.mailboxesOf(id)]);
    if (!options.institutions) return { user, communityRequests, mailboxes };
    const ids = new Set([user.primaryInstitutionId, ...communityRequests.filter((r) => r.status === 'approved').map((r) => r.institutionId)]);
    const institutions = (await this.listInstitutions()).filter((i) => ids.has(i.id));
    return { user, communityRequests, mailboxes, institutions };
  }

  getUserByEmail(email: string): Promise<User | undefined> {
    const normalised = normaliseEmail(email) ?? email.toLowerCase();
    return Promise.resolve([...this.users.values()].find((u) => u.email === normalised));
  }

  getUserByIdentity(identity: ExternalIdentity): Promise<User | undefined> {
    const userId = this.identities.get(identityKey(identity));
    return Promise.resolve(userId === undefined ? undefined : this.users.get(userId));
  }

  async createUser(input: NewUser): Promise<Result<User, DomainError<'REGISTRATION.ALREADY_REGISTERED'>>> {
    const email = normaliseEmail(input.email) ?? input.email.toLowerCase();
    if (await this.getUserByEmail(email)) {
      return err('REGISTRATION.ALREADY_REGISTERED', `${email} er allerede oprettet som bruger.`, `${email} is already registered.`);
    }
    const user: User = {
      id: `user-${this.nextId++}`,
      email,
      name: input.name,
      primaryInstitutionId: input.primaryInstitutionId,
      kind: input.kind,
      roles: [...(input.roles ?? [])],
      consentAcceptedVersion: input.consentAcceptedVersion ?? null,
      createdAt: this.clock().toISOString(),
    };
    this.users.set(user.id, user);
    return ok(user);
  }

  linkIdentity(userId: string, identity: ExternalIdentity): Promise<Result<undefined, DomainError<'USER.NOT_FOUND'>>> {
    if (!this.users.has(userId)) return Promise.resolve(userNotFound());
    this.identities.set(identityKey(identity), userId);
    return Promise.resolve(okVoid());
  }

  setRoles(userId: string, roles: readonly Role[]): Promise<Result<User, DomainError<'USER.NOT_FOUND'>>> {
    return Promise.resolve(this.update(userId, (u) => ({ ...u, roles: [...new Set(roles)] })));
  }

  acceptConsent(userId: string, version: number): Promise<Result<User, DomainError<'USER.NOT_FOUND'>>> {
    return Promise.resolve(this.update(userId, (u) => ({ ...u, consentAcceptedVersion: version })));
  }

  mailboxesOf(memberId: string): Promise<User[]> {
    return Promise.resolve(this.memberships.filter((m) => m.memberId === memberId).flatMap((m) => this.userList(m.mailboxId)));
  }

  membersOf(mailboxId: string): Promise<User[]> {
    return Promise.resolve(this.memberships.filter((m) => m.mailboxId === mailboxId).flatMap((m) => this.userList(m.memberId)));
  }

  isMember(mailboxId: string, memberId: string): Promise<boolean> {
    return Promise.resolve(this.memberships.some((m) => m.mailboxId === mailboxId && m.memberId === memberId));
  }

  async attachMember(membership: MailboxMembership): Promise<void> {
    if (!(await this.isMember(membership.mailboxId, membership.memberId))) this.memberships.push({ ...membership });
  }

  detachMember(mailboxId: string, memberId: string): Promise<boolean> {
    const before = this.memberships.length;
    this.memberships = this.memberships.filter((m) => !(m.mailboxId === mailboxId && m.memberId === memberId));
    return Promise.resolve(this.memberships.length < before);
  }

  getCommunityRequest(id: string): Promise<CommunityAccessRequest | undefined> {
    return Promise.resolve(this.requests.get(id));
  }

  listCommunityRequests(filter: CommunityRequestFilter = {}): Promise<CommunityAccessRequest[]> {
    return Promise.resolve(
      [...this.requests.values()].filter(
        (r) =>
          (filter.status === undefined || r.status === filter.status) &&
          (filter.userId === undefined || r.userId === filter.userId) &&
          (filter.institutionId === undefined || r.institutionId === filter.institutionId),
      ),
    );
  }

  async createCommunityRequest(input: NewCommunityRequest): Promise<Result<CommunityAccessRequest, DomainError<'COMMUNITY.ALREADY_PENDING'>>> {
    const pending = [...this.requests.values()].some((r) => r.userId === input.userId && r.institutionId === input.institutionId && r.status === 'pending');
    if (pending) return err('COMMUNITY.ALREADY_PENDING', 'Adgangen er allerede bestilt.', 'Access has already been ordered.');
    const at = this.clock().toISOString();
    const request: CommunityAccessRequest = {
      id: `community-${this.nextId++}`,
      userId: input.userId,
      institutionId: input.institutionId,
      status: 'pending',
      requestedAt: at,
      caseNumber: input.caseNumber ?? null,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    };
    this.requests.set(request.id, request);
    await this.publisher?.publish([{ type: 'community.requested', requestId: request.id, userId: request.userId, institutionId: request.institutionId, actor: { kind: 'user', userId: request.userId }, at }]);
    return ok(request);
  }

  async decideCommunityRequest(
    id: string,
    decision: Omit<CommunityDecision, 'at'>,
  ): Promise<Result<CommunityAccessRequest, DomainError<'COMMUNITY.NOT_FOUND' | 'COMMUNITY.NOT_PENDING' | 'COMMUNITY.NOT_AGENT'>>> {
    const request = this.requests.get(id);
    if (!request) return err('COMMUNITY.NOT_FOUND', 'Anmodningen findes ikke.', 'The request does not exist.');
    const actorUser = decision.by.kind === 'user' ? this.users.get(decision.by.userId) : undefined;
    const at = this.clock().toISOString();
    const decided = decideCommunityRequest(request, { ...decision, at }, actorUser);
    if (!decided.ok) return decided;
    this.requests.set(id, decided.value);
    await this.publisher?.publish([
      { type: 'community.decided', requestId: id, userId: request.userId, institutionId: request.institutionId, status: decided.value.status, note: decided.value.decisionNote, actor: decision.by, at },
    ]);
    return decided;
  }

  private async institutionChanged(institutionId: string, change: 'created' | 'updated' | 'domain_added' | 'domain_removed', domain: string | null, actor: Actor): Promise<void> {
    await this.publisher?.publish([{ type: 'institution.changed', institutionId, change, domain, actor, at: this.clock().toISOString() }]);
  }

  private userList(id: string): User[] {
    const user = this.users.get(id);
    return user ? [user] : [];
  }

  private update(userId: string, change: (u: User) => User): Result<User, DomainError<'USER.NOT_FOUND'>> {
    const user = this.users.get(userId);
    if (!user) return userNotFound();
    const next = change(user);
    this.users.set(userId, next);
    return ok(next);
  }

  private domainOwner(domain: string): string | undefined {
    return [...this.institutions.values()].find((i) => i.domains.includes(domain.toLowerCase()))?.id;
  }
}

function identityKey(identity: ExternalIdentity): string {
  return `${identity.provider}:${identity.subject}`;
}

function userNotFound(): { ok: false; error: DomainError<'USER.NOT_FOUND'> } {
  return err('USER.NOT_FOUND', 'Brugeren findes ikke.', 'The user does not exist.');
}

function institutionNotFound(): { ok: false; error: DomainError<'INSTITUTION.NOT_FOUND'> } {
  return err('INSTITUTION.NOT_FOUND', 'Institutionen findes ikke.', 'The institution does not exist.');
}

function domainTaken(domain: string): { ok: false; error: DomainError<'INSTITUTION.DOMAIN_TAKEN'> } {
  return err('INSTITUTION.DOMAIN_TAKEN', `Domænet ${domain} tilhører en anden institution.`, `The domain ${domain} belongs to another institution.`);
}
