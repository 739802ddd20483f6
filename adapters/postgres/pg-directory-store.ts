/**
 * Institutions, users, identities, shared mailbox memberships and community access requests on
 * PostgreSQL (pg or PGlite). Uniqueness lives in constraints; rows are parsed with zod.
 */
// Rows only (the domain schemas they hand over to are zod 3): zod 4 parses them several times faster.
import { z } from 'zod/v4';
import {
  communityAccessRequestSchema,
  decideCommunityRequest,
  err,
  institutionSchema,
  normaliseEmail,
  ok,
  okVoid,
  PortalError,
  userSchema,
  type Actor,
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
  type PortalEvent,
  type PortalEventPublisher,
  type Result,
  type Role,
  type User,
  type StandingOptions,
  type UserStanding,
} from '../../portal/index.js';
import type { Database, Queryable } from './database.js';
import { isUuid } from './pg-case-store.js';
import { OutboxNotifier, writeOutbox } from './pg-outbox.js';

export interface PgDirectoryStoreOptions {
  /** Default `() => new Date()`. */
  clock?: () => Date;
  /** Also hands committed events to an in-process publisher. */
  inProcess?: PortalEventPublisher;
  /** Wakes outbox consumers after a commit; share one between stores. Default: one of its own. */
  notifier?: OutboxNotifier;
}

const SYSTEM: Actor = { kind: 'system' };

const timestamp = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());
const nullableTimestamp = z.union([z.date(), z.string()]).nullable().transform((v) => (v === null ? null : new Date(v).toISOString()));
const int = z.union([z.number(), z.string(), z.bigint()]).transform((v) => Number(v));

const INSTITUTION_SELECT = `SELECT i.id, i.name, i.allow_subdomains,
    coalesce((SELECT array_agg(d.domain ORDER BY d.added_seq) FROM portal_institution_domain d WHERE d.institution_id = i.id), '{}') AS domains
  FROM portal_institution i`;

const institutionRow = z
  .object({ id: z.string(), name: z.string(), allow_subdomains: z.boolean(), domains: z.array(z.string()) })
  .transform((r) => institutionSchema.parse({ id: r.id, name: r.name, domains: r.domains, allowSubdomains: r.allow_subdomains }));

/**
 * The institutions a user (`u`) may create cases for, as a JSON array of institution rows: their own
 * and those of their approved community access requests (the rule, caseInstitutionIds, is applied by
 * the caller: a consultant's are read and not used). A UNION, not an OR: each institution is found by
 * its key (an OR of the two made PostgreSQL scan the whole institution table).
 */
const STANDING_INSTITUTIONS = `coalesce((SELECT json_agg(json_build_object('id', i.id, 'name', i.name, 'allow_subdomains', i.allow_subdomains,
             'domains', coalesce((SELECT array_agg(d.domain ORDER BY d.added_seq) FROM portal_institution_domain d WHERE d.institution_id = i.id), '{}')) ORDER BY i.id)
           FROM portal_institution i
          WHERE i.id IN (SELECT u.primary_institution_id
                         UNION SELECT c.institution_id FROM portal_community_request c WHERE c.user_id = u.id AND c.status = 'approved')), '[]'::json)`;

const USER_COLUMNS = `u.id, u.email, u.name, u.primary_institution_id, u.kind, u.roles, u.consent_accepted_version, u.created_at`;

const userRow = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    primary_institution_id: z.string(),
    kind: z.string(),
    roles: z.array(z.string()),
    consent_accepted_version: int.nullable(),
    created_at: timestamp,
  })
  .transform((r) =>
    userSchema.parse({
      id: r.id,
      email: r.email,
      name: r.name,
      primaryInstitutionId: r.primary_institution_id,
      kind: r.kind,
      roles: r.roles,
      consentAcceptedVersion: r.consent_accepted_version,
      createdAt: r.created_at,
    }),
  );

const REQUEST_COLUMNS = `id, user_id, institution_id, status, requested_at, case_number, decided_by, decided_at, decision_note`;

const requestRow = z
  .object({
    id: z.string(),
    user_id: z.string(),
    institution_id: z.string(),
    status: z.string(),
    requested_at: timestamp,
    case_number: z.string().nullable(),
    decided_by: z.string().nullable(),
    decided_at: nullableTimestamp,
    decision_note: z.string().nullable(),
  })
  .transform((r) =>
    communityAccessRequestSchema.parse({
      id: r.id,
      userId: r.user_id,
      institutionId: r.institution_id,
      status: r.status,
      requestedAt: r.requested_at,
      caseNumber: r.case_number,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
    }),
  );

function institutionNotFound(): { ok: false; error: DomainError<'INSTITUTION.NOT_FOUND'> } {
  return err('INSTITUTION.NOT_FOUND', 'Institutionen findes ikke.', 'The institution does not exist.');
}

function domainTaken(domain: string): { ok: false; error: DomainError<'INSTITUTION.DOMAIN_TAKEN'> } {
  return err('INSTITUTION.DOMAIN_TAKEN', `Domænet ${domain} tilhører en anden institution.`, `The domain ${domain} belongs to another institution.`);
}

function userNotFound(): { ok: false; error: DomainError<'USER.NOT_FOUND'> } {
  return err('USER.NOT_FOUND', 'Brugeren findes ikke.', 'The user does not exist.');
}

/** A json column of rows: parsed by pg already, text from PGlite in some versions. */
function jsonRows(value: unknown): unknown[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed : [];
}

/** "a.b.example.dk" → ["b.example.dk", "example.dk", "dk"]. */
function parentDomains(domain: string): string[] {
  const labels = domain.split('.');
  return labels.slice(1).map((_, i) => labels.slice(i + 1).join('.'));
}

export class PgDirectoryStore implements DirectoryStore {
  private readonly clock: () => Date;
  private readonly inProcess: PortalEventPublisher | undefined;
  private readonly notifier: OutboxNotifier;

  constructor(
    private readonly db: Database,
    options: PgDirectoryStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.inProcess = options.inProcess;
    this.notifier = options.notifier ?? new OutboxNotifier(db);
  }

  // --- institutions ----------------------------------------------------------------------------

  async listInstitutions(): Promise<Institution[]> {
    const { rows } = await this.db.query<unknown>(`${INSTITUTION_SELECT} ORDER BY i.name, i.id`);
    return rows.map((r) => institutionRow.parse(r));
  }

  async getInstitution(id: string, q: Queryable = this.db): Promise<Institution | undefined> {
    const { rows } = await q.query<unknown>(`${INSTITUTION_SELECT} WHERE i.id = $1`, [id], { prepareAs: 'institution_by_id' });
    return rows[0] === undefined ? undefined : institutionRow.parse(rows[0]);
  }

  async institutionsForDomain(domain: string): Promise<Institution[]> {
    const d = domain.trim().toLowerCase();
    const { rows } = await this.db.query<unknown>(
      `${INSTITUTION_SELECT}
        WHERE i.id IN (SELECT d.institution_id FROM portal_institution_domain d JOIN portal_institution p ON p.id = d.institution_id
                        WHERE d.domain = $1 OR (p.allow_subdomains AND d.domain = ANY($2::text[])))
        ORDER BY i.name`,
      [d, parentDomains(d)],
    );
    return rows.map((r) => institutionRow.parse(r));
  }

  async createInstitution(institution: Institution, actor: Actor = SYSTEM): Promise<Result<Institution, InstitutionError>> {
    const parsed = institutionSchema.parse(institution);
    try {
      const outcome = await this.db.transaction(async (tx): Promise<Result<{ institution: Institution; events: PortalEvent[] }, InstitutionError>> => {
        const inserted = await tx.query(`INSERT INTO portal_institution (id, name, allow_subdomains) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id`, [
          parsed.id,
          parsed.name,
          parsed.allowSubdomains,
        ]);
        if (inserted.rows.length === 0) return err('INSTITUTION.ALREADY_EXISTS', 'Institutionen findes allerede.', 'The institution already exists.');
        for (const domain of parsed.domains) {
          const added = await tx.query(
            `INSERT INTO portal_institution_domain (domain, institution_id) VALUES ($1, $2) ON CONFLICT (domain) DO NOTHING RETURNING domain`,
            [domain, parsed.id],
          );
          // Throwing rolls the institution back too.
          if (added.rows.length === 0) throw new DomainTaken(domain);
        }
        return ok({ institution: await this.mustInstitution(parsed.id, tx), events: await this.institutionChanged(tx, parsed.id, 'created', null, actor) });
      });
      return await this.committed(outcome);
    } catch (error: unknown) {
      if (error instanceof DomainTaken) return domainTaken(error.domain);
      throw error;
    }
  }

  async updateInstitution(id: string, patch: InstitutionPatch, actor: Actor = SYSTEM): Promise<Result<Institution, InstitutionError>> {
    const outcome = await this.db.transaction(async (tx): Promise<Result<{ institution: Institution; events: PortalEvent[] }, InstitutionError>> => {
      const { rows } = await tx.query(
        `UPDATE portal_institution SET name = coalesce($2, name), allow_subdomains = coalesce($3, allow_subdomains) WHERE id = $1 RETURNING id`,
        [id, patch.name ?? null, patch.allowSubdomains ?? null],
      );
      if (rows.length === 0) return institutionNotFound();
      return ok({ institution: await this.mustInstitution(id, tx), events: await this.institutionChanged(tx, id, 'updated', null, actor) });
    });
    return this.committed(outcome);
  }

  async addDomain(institutionId: string, domain: string, actor: Actor = SYSTEM): Promise<Result<Institution, InstitutionError>> {
    const d = domain.trim().toLowerCase();
    const outcome = await this.db.transaction(async (tx): Promise<Result<{ institution: Institution; events: PortalEvent[] }, InstitutionError>> => {
      if (!(await this.getInstitution(institutionId, tx))) return institutionNotFound();
      const added = await tx.query(`INSERT INTO portal_institution_domain (domain, institution_id) VALUES ($1, $2) ON CONFLICT (domain) DO NOTHING RETURNING domain`, [
        d,
        institutionId,
      ]);
      if (added.rows.length === 0) {
        const owner = await tx.query<{ institution_id: string }>(`SELECT institution_id FROM portal_institution_domain WHERE domain = $1`, [d]);
        if (owner.rows[0]?.institution_id !== institutionId) return domainTaken(d);
        return ok({ institution: await this.mustInstitution(institutionId, tx), events: [] });
      }
      return ok({ institution: await this.mustInstitution(institutionId, tx), events: await this.institutionChanged(tx, institutionId, 'domain_added', d, actor) });
    });
    return this.committed(outcome);
  }

  async removeDomain(institutionId: string, domain: string, actor: Actor = SYSTEM): Promise<Result<Institution, InstitutionError>> {
    const d = domain.trim().toLowerCase();
    const outcome = await this.db.transaction(async (tx): Promise<Result<{ institution: Institution; events: PortalEvent[] }, InstitutionError>> => {
      if (!(await this.getInstitution(institutionId, tx))) return institutionNotFound();
      const removed = await tx.query(`DELETE FROM portal_institution_domain WHERE domain = $1 AND institution_id = $2 RETURNING domain`, [d, institutionId]);
      const events = removed.rows.length > 0 ? await this.institutionChanged(tx, institutionId, 'domain_removed', d, actor) : [];
      return ok({ institution: await this.mustInstitution(institutionId, tx), events });
    });
    return this.committed(outcome);
  }

  // --- users -----------------------------------------------------------------------------------

  async getUser(id: string): Promise<User | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.db.query<unknown>(`SELECT ${USER_COLUMNS} FROM portal_user u WHERE u.id = $1::uuid`, [id], { prepareAs: 'user_by_id' });
    return rows[0] === undefined ? undefined : userRow.parse(rows[0]);
  }

  async getUserStanding(id: string, options: StandingOptions = {}): Promise<UserStanding | undefined> {
    if (!isUuid(id)) return undefined;
    // The requests and mailboxes as JSON arrays beside the user's row: one round trip, not three.
    // Asked for, the institutions the user may create cases for too (a statement of its own, so the
    // reads that need no institutions do not pay for them).
    const { rows } = await this.db.query<{ requests: unknown; mailboxes: unknown; institutions?: unknown }>(
      `SELECT ${USER_COLUMNS},
         coalesce((SELECT json_agg(r ORDER BY r.seq) FROM (SELECT seq, ${REQUEST_COLUMNS} FROM portal_community_request WHERE user_id = u.id) r), '[]'::json) AS requests,
         coalesce((SELECT json_agg(mb ORDER BY mb.email) FROM (SELECT ${USER_COLUMNS} FROM portal_mailbox_member m JOIN portal_user u ON u.id = m.mailbox_id WHERE m.member_id = $1::uuid) mb), '[]'::json) AS mailboxes${
           options.institutions ? `,
         ${STANDING_INSTITUTIONS} AS institutions` : ''
         }
         FROM portal_user u WHERE u.id = $1::uuid`,
      [id],
      // Planned once per connection: it is read at every case and planning it cost four times its execution.
      { prepareAs: options.institutions ? 'user_standing_institutions' : 'user_standing' },
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    const { requests, mailboxes, institutions, ...user } = row;
    return {
      user: userRow.parse(user),
      communityRequests: jsonRows(requests).map((r) => requestRow.parse(r)),
      mailboxes: jsonRows(mailboxes).map((r) => userRow.parse(r)),
      ...(options.institutions ? { institutions: jsonRows(institutions).map((r) => institutionRow.parse(r)) } : {}),
    };
  }

  async getUserByEmail(email: string): Promise<User | undefined> {
    const normalised = normaliseEmail(email) ?? email.trim().toLowerCase();
    const { rows } = await this.db.query<unknown>(`SELECT ${USER_COLUMNS} FROM portal_user u WHERE u.email = $1`, [normalised], { prepareAs: 'user_by_email' });
    return rows[0] === undefined ? undefined : userRow.parse(rows[0]);
  }

  async getUserByIdentity(identity: ExternalIdentity): Promise<User | undefined> {
    const { rows } = await this.db.query<unknown>(
      `SELECT ${USER_COLUMNS} FROM portal_user_identity x JOIN portal_user u ON u.id = x.user_id WHERE x.provider = $1 AND x.subject = $2`,
      [identity.provider, identity.subject],
      { prepareAs: 'user_by_identity' },
    );
    return rows[0] === undefined ? undefined : userRow.parse(rows[0]);
  }

  async createUser(input: NewUser): Promise<Result<User, DomainError<'REGISTRATION.ALREADY_REGISTERED'>>> {
    const email = normaliseEmail(input.email);
    if (email === undefined) throw new PortalError('USER.BAD_EMAIL', `pg-directory-store: not an e-mail address: ${input.email}`);
    const { rows } = await this.db.query<unknown>(
      `INSERT INTO portal_user AS u (email, name, primary_institution_id, kind, roles, consent_accepted_version, created_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7::timestamptz)
       ON CONFLICT (email) DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [email, input.name, input.primaryInstitutionId, input.kind, [...new Set(input.roles ?? [])], input.consentAcceptedVersion ?? null, this.clock().toISOString()],
    );
    if (rows[0] === undefined) return err('REGISTRATION.ALREADY_REGISTERED', `${email} er allerede oprettet som bruger.`, `${email} is already registered.`);
    return ok(userRow.parse(rows[0]));
  }

  async linkIdentity(userId: string, identity: ExternalIdentity): Promise<Result<undefined, DomainError<'USER.NOT_FOUND'>>> {
    if (!(await this.getUser(userId))) return userNotFound();
    await this.db.query(
      `INSERT INTO portal_user_identity (provider, subject, user_id) VALUES ($1, $2, $3::uuid)
       ON CONFLICT (provider, subject) DO UPDATE SET user_id = excluded.user_id`,
      [identity.provider, identity.subject, userId],
    );
    return okVoid();
  }

  async setRoles(userId: string, roles: readonly Role[]): Promise<Result<User, DomainError<'USER.NOT_FOUND'>>> {
    return this.updateUser(userId, `roles = $2::text[]`, [[...new Set(roles)]]);
  }

  async acceptConsent(userId: string, version: number): Promise<Result<User, DomainError<'USER.NOT_FOUND'>>> {
    return this.updateUser(userId, `consent_accepted_version = $2`, [version]);
  }

  // --- shared mailboxes ------------------------------------------------------------------------

  async mailboxesOf(memberId: string): Promise<User[]> {
    if (!isUuid(memberId)) return [];
    const { rows } = await this.db.query<unknown>(
      `SELECT ${USER_COLUMNS} FROM portal_mailbox_member m JOIN portal_user u ON u.id = m.mailbox_id WHERE m.member_id = $1::uuid ORDER BY u.email`,
      [memberId],
    );
    return rows.map((r) => userRow.parse(r));
  }

  async membersOf(mailboxId: string): Promise<User[]> {
    if (!isUuid(mailboxId)) return [];
    const { rows } = await this.db.query<unknown>(
      `SELECT ${USER_COLUMNS} FROM portal_mailbox_member m JOIN portal_user u ON u.id = m.member_id WHERE m.mailbox_id = $1::uuid ORDER BY u.email`,
      [mailboxId],
    );
    return rows.map((r) => userRow.parse(r));
  }

  async isMember(mailboxId: string, memberId: string): Promise<boolean> {
    if (!isUuid(mailboxId) || !isUuid(memberId)) return false;
    const { rows } = await this.db.query(`SELECT 1 FROM portal_mailbox_member WHERE mailbox_id = $1::uuid AND member_id = $2::uuid`, [mailboxId, memberId]);
    return rows.length > 0;
  }

  async attachMember(membership: MailboxMembership): Promise<void> {
    await this.db.query(
      `INSERT INTO portal_mailbox_member (mailbox_id, member_id, added_by, added_at) VALUES ($1::uuid, $2::uuid, $3, $4::timestamptz)
       ON CONFLICT (mailbox_id, member_id) DO NOTHING`,
      [membership.mailboxId, membership.memberId, membership.addedBy, membership.addedAt],
    );
  }

  async detachMember(mailboxId: string, memberId: string): Promise<boolean> {
    if (!isUuid(mailboxId) || !isUuid(memberId)) return false;
    const { rows } = await this.db.query(`DELETE FROM portal_mailbox_member WHERE mailbox_id = $1::uuid AND member_id = $2::uuid RETURNING 1 AS gone`, [mailboxId, memberId]);
    return rows.length > 0;
  }

  // --- community access ------------------------------------------------------------------------

  async getCommunityRequest(id: string): Promise<CommunityAccessRequest | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.db.query<unknown>(`SELECT ${REQUEST_COLUMNS} FROM portal_community_request WHERE id = $1::uuid`, [id]);
    return rows[0] === undefined ? undefined : requestRow.parse(rows[0]);
  }

  async listCommunityRequests(filter: CommunityRequestFilter = {}): Promise<CommunityAccessRequest[]> {
    if (filter.userId !== undefined && !isUuid(filter.userId)) return [];
    const { rows } = await this.db.query<unknown>(
      `SELECT ${REQUEST_COLUMNS} FROM portal_community_request
        WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR user_id = $2::uuid) AND ($3::text IS NULL OR institution_id = $3)
        ORDER BY seq`,
      [filter.status ?? null, filter.userId ?? null, filter.institutionId ?? null],
    );
    return rows.map((r) => requestRow.parse(r));
  }

  async createCommunityRequest(input: NewCommunityRequest): Promise<Result<CommunityAccessRequest, DomainError<'COMMUNITY.ALREADY_PENDING'>>> {
    const at = this.clock().toISOString();
    const outcome = await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<unknown>(
        `INSERT INTO portal_community_request (user_id, institution_id, status, requested_at, case_number)
         VALUES ($1::uuid, $2, 'pending', $3::timestamptz, $4)
         ON CONFLICT (user_id, institution_id) WHERE status = 'pending' DO NOTHING
         RETURNING ${REQUEST_COLUMNS}`,
        [input.userId, input.institutionId, at, input.caseNumber ?? null],
      );
      if (rows[0] === undefined) return undefined;
      const request = requestRow.parse(rows[0]);
      const events: PortalEvent[] = [
        { type: 'community.requested', requestId: request.id, userId: request.userId, institutionId: request.institutionId, actor: { kind: 'user', userId: request.userId }, at },
      ];
      await writeOutbox(tx, events);
      return { request, events };
    });
    if (!outcome) return err('COMMUNITY.ALREADY_PENDING', 'Adgangen er allerede bestilt.', 'Access has already been ordered.');
    this.notifier.poke();
    await this.inProcess?.publish(outcome.events);
    return ok(outcome.request);
  }

  async decideCommunityRequest(
    id: string,
    decision: Omit<CommunityDecision, 'at'>,
  ): Promise<Result<CommunityAccessRequest, DomainError<'COMMUNITY.NOT_FOUND' | 'COMMUNITY.NOT_PENDING' | 'COMMUNITY.NOT_AGENT'>>> {
    const actorUser = decision.by.kind === 'user' ? await this.getUser(decision.by.userId) : undefined;
    const outcome = await this.db.transaction(async (tx) => {
      if (!isUuid(id)) return err('COMMUNITY.NOT_FOUND', 'Anmodningen findes ikke.', 'The request does not exist.');
      const { rows } = await tx.query<unknown>(`SELECT ${REQUEST_COLUMNS} FROM portal_community_request WHERE id = $1::uuid FOR UPDATE`, [id]);
      if (rows[0] === undefined) return err('COMMUNITY.NOT_FOUND', 'Anmodningen findes ikke.', 'The request does not exist.');
      const at = this.clock().toISOString();
      const decided = decideCommunityRequest(requestRow.parse(rows[0]), { ...decision, at }, actorUser);
      if (!decided.ok) return decided;
      const r = decided.value;
      await tx.query(
        `UPDATE portal_community_request SET status = $2, decided_by = $3, decided_at = $4::timestamptz, decision_note = $5 WHERE id = $1::uuid`,
        [id, r.status, r.decidedBy, r.decidedAt, r.decisionNote],
      );
      const events: PortalEvent[] = [
        { type: 'community.decided', requestId: r.id, userId: r.userId, institutionId: r.institutionId, status: r.status, note: r.decisionNote, actor: decision.by, at },
      ];
      await writeOutbox(tx, events);
      return ok({ request: r, events });
    });
    if (!outcome.ok) return outcome;
    this.notifier.poke();
    await this.inProcess?.publish(outcome.value.events);
    return ok(outcome.value.request);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private async institutionChanged(
    tx: Queryable,
    institutionId: string,
    change: 'created' | 'updated' | 'domain_added' | 'domain_removed',
    domain: string | null,
    actor: Actor,
  ): Promise<PortalEvent[]> {
    const events: PortalEvent[] = [{ type: 'institution.changed', institutionId, change, domain, actor, at: this.clock().toISOString() }];
    await writeOutbox(tx, events);
    return events;
  }

  private async committed(outcome: Result<{ institution: Institution; events: PortalEvent[] }, InstitutionError>): Promise<Result<Institution, InstitutionError>> {
    if (!outcome.ok) return outcome;
    if (outcome.value.events.length > 0) {
      this.notifier.poke();
      await this.inProcess?.publish(outcome.value.events);
    }
    return ok(outcome.value.institution);
  }

  private async mustInstitution(id: string, q: Queryable = this.db): Promise<Institution> {
    const institution = await this.getInstitution(id, q);
    if (!institution) throw new PortalError('INSTITUTION.LOST', `pg-directory-store: institution ${id} vanished`);
    return institution;
  }

  private async updateUser(userId: string, set: string, params: unknown[]): Promise<Result<User, DomainError<'USER.NOT_FOUND'>>> {
    if (!isUuid(userId)) return userNotFound();
    const { rows } = await this.db.query<unknown>(`UPDATE portal_user AS u SET ${set} WHERE u.id = $1::uuid RETURNING ${USER_COLUMNS}`, [userId, ...params]);
    return rows[0] === undefined ? userNotFound() : ok(userRow.parse(rows[0]));
  }
}

class DomainTaken extends Error {
  constructor(readonly domain: string) {
    super(`domain ${domain} taken`);
  }
}
