/**
 * Cases on PostgreSQL (pg or PGlite, same SQL). Every change runs in one transaction with its
 * history event and its outbox entry; rows are parsed with zod on the way back.
 */
// Rows only (the domain schemas they hand over to are zod 3): zod 4 parses them several times faster.
import { z } from 'zod/v4';
import {
  actorSchema,
  caseEventRef,
  caseEventSchema,
  caseSchema,
  caseYear,
  checkTransition,
  err,
  ok,
  pageSize,
  planComment,
  PortalError,
  transitionActorOf,
  type Actor,
  type Case,
  type CaseChangeOutcome,
  type CaseEvent,
  type CaseFilter,
  type CaseNumber,
  type CaseStatus,
  type CaseStore,
  type CommentError,
  type CreateCaseOptions,
  type CreateCaseOutcome,
  type DomainError,
  type NewCase,
  type NewComment,
  type Page,
  type PageRequest,
  type PortalEvent,
  type PortalEventPublisher,
  type Result,
  type StatusChange,
  type StatusChangeError,
  type VisibilityScope,
} from '../../portal/index.js';
import type { Database, Queryable } from './database.js';
import { OutboxNotifier, writeOutbox } from './pg-outbox.js';

export interface PgCaseStoreOptions {
  /** Default `() => new Date()`. */
  clock?: () => Date;
  /** Also hands committed events to an in-process publisher (e.g. an InProcessEventBus). */
  inProcess?: PortalEventPublisher;
  /** Wakes outbox consumers after a commit; share one between stores. Default: one of its own. */
  notifier?: OutboxNotifier;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

/** The first cursor: higher than any case's seq. */
const NO_CURSOR = Number.MAX_SAFE_INTEGER;

const timestamp = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());
const int = z.union([z.number(), z.string(), z.bigint()]).transform((v) => Number(v));

export const CASE_COLUMNS = `seq, id, number, area_id, system_id, form_id, form_version, field_values, subject, institution_id,
  requester_id, sent_from_id, status, created_at, updated_at`;

/**
 * "My cases": own cases, and the cases sent from each of the user's mailboxes, newest first —
 * two index range scans (requester_id, seq DESC) and per mailbox (sent_from_id, seq DESC), each
 * stopping after $4 rows. $1 user id, $2 mailbox ids, $3 cursor (seq below), $4 limit, $5
 * statuses or null.
 */
export const VISIBLE_CASES_SQL = `SELECT ${CASE_COLUMNS} FROM (
         (SELECT ${CASE_COLUMNS} FROM portal_case
           WHERE requester_id = $1::uuid AND seq < $3::bigint AND ($5::text[] IS NULL OR status = ANY($5::text[]))
           ORDER BY seq DESC LIMIT $4)
         UNION
         (SELECT m.* FROM unnest($2::uuid[]) AS mb(id)
            CROSS JOIN LATERAL (
              SELECT ${CASE_COLUMNS} FROM portal_case
               WHERE sent_from_id = mb.id AND sent_from_id <> requester_id AND seq < $3::bigint
                 AND ($5::text[] IS NULL OR status = ANY($5::text[]))
               ORDER BY seq DESC LIMIT $4) m)
       ) v
       ORDER BY seq DESC LIMIT $4`;

const caseRowSchema = z
  .object({
    seq: int,
    id: z.string(),
    number: z.string(),
    area_id: z.string(),
    system_id: z.string().nullable(),
    form_id: z.string(),
    form_version: int,
    field_values: z.unknown(),
    subject: z.string(),
    institution_id: z.string(),
    requester_id: z.string(),
    sent_from_id: z.string(),
    status: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .transform((r) => ({
    seq: r.seq,
    case: caseSchema.parse({
      id: r.id,
      number: r.number,
      areaId: r.area_id,
      systemId: r.system_id,
      formId: r.form_id,
      formVersion: r.form_version,
      values: typeof r.field_values === 'string' ? (JSON.parse(r.field_values) as unknown) : r.field_values,
      subject: r.subject,
      institutionId: r.institution_id,
      requesterId: r.requester_id,
      sentFromId: r.sent_from_id,
      status: r.status,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }),
  }));

const eventRowSchema = z.object({
  id: int,
  case_id: z.string(),
  number: z.string(),
  type: z.string(),
  actor: z.unknown(),
  at: timestamp,
  data: z.record(z.string(), z.unknown()),
});

function parseEvent(raw: unknown): CaseEvent {
  const row = eventRowSchema.parse(raw);
  return caseEventSchema.parse({ ...row.data, id: String(row.id), caseId: row.case_id, caseNumber: row.number, type: row.type, actor: actorSchema.parse(row.actor), at: row.at });
}

function parseCaseRow(raw: unknown): { seq: number; case: Case } {
  return caseRowSchema.parse(raw);
}

function notFound(): { ok: false; error: DomainError<'CASE.NOT_FOUND'> } {
  return err('CASE.NOT_FOUND', 'Sagen findes ikke.', 'The case does not exist.');
}

export class PgCaseStore implements CaseStore {
  private readonly clock: () => Date;
  private readonly inProcess: PortalEventPublisher | undefined;
  private readonly notifier: OutboxNotifier;

  constructor(
    private readonly db: Database,
    options: PgCaseStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.inProcess = options.inProcess;
    this.notifier = options.notifier ?? new OutboxNotifier(db);
  }

  async create(input: NewCase, options: CreateCaseOptions): Promise<Result<CreateCaseOutcome, DomainError<'CASE.IDEMPOTENCY_CONFLICT'>>> {
    const now = this.clock();
    const at = now.toISOString();
    const actor: Actor = { kind: 'user', userId: input.requesterId };
    // One statement, so one round trip and atomic without an explicit transaction: the case, its
    // "created" event and the outbox entry (the same shape as caseEventRef + type/status/actor/at,
    // checked by portalEventSchema when consumed).
    const inserted = await this.db.query<unknown>(
      `WITH n AS (SELECT nextval('portal_case_seq') AS seq),
       ins AS (
         INSERT INTO portal_case (seq, number, idempotency_key, area_id, system_id, form_id, form_version, field_values, subject,
                                  institution_id, requester_id, sent_from_id, status, created_at, updated_at)
         SELECT n.seq, 'SA-' || $1::text || '-' || lpad(n.seq::text, 6, '0'), $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::uuid, $11::uuid,
                'modtaget', $12::timestamptz, $12::timestamptz
           FROM n
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING ${CASE_COLUMNS}),
       ev AS (
         INSERT INTO portal_case_event (case_seq, type, actor, at, data)
         SELECT seq, 'created', $13::jsonb, $12::timestamptz, '{"status":"modtaget"}'::jsonb FROM ins),
       ob AS (
         INSERT INTO portal_outbox (type, payload)
         SELECT 'case.created', jsonb_build_object(
                  'type', 'case.created', 'caseId', id::text, 'caseNumber', number, 'subject', subject, 'institutionId', institution_id,
                  'requesterId', requester_id::text, 'sentFromId', sent_from_id::text, 'status', 'modtaget', 'actor', $13::jsonb, 'at', $14::text)
           FROM ins)
       SELECT * FROM ins`,
      [
        String(caseYear(now)),
        options.idempotencyKey,
        input.areaId,
        input.systemId,
        input.formId,
        input.formVersion,
        JSON.stringify(input.values),
        input.subject,
        input.institutionId,
        input.requesterId,
        input.sentFromId,
        at,
        JSON.stringify(actor),
        at,
      ],
      { prepareAs: 'case_create' },
    );
    const row = inserted.rows[0];
    if (row !== undefined) {
      const c = parseCaseRow(row).case;
      await this.afterCommit([{ ...caseEventRef(c), type: 'case.created', status: 'modtaget', actor, at }]);
      return ok({ case: c, created: true });
    }
    // The key was used: its statement has committed (ON CONFLICT waited for it).
    const existing = await this.db.query<unknown>(`SELECT ${CASE_COLUMNS} FROM portal_case WHERE idempotency_key = $1`, [options.idempotencyKey]);
    const first = existing.rows[0];
    if (first === undefined) throw new PortalError('CASE.IDEMPOTENCY_LOST', `pg-case-store: key ${options.idempotencyKey} conflicted but no case has it`);
    const c = parseCaseRow(first).case;
    if (c.requesterId !== input.requesterId) {
      return err('CASE.IDEMPOTENCY_CONFLICT', 'Sagen kunne ikke oprettes. Prøv igen.', 'The case could not be created. Try again.');
    }
    return ok({ case: c, created: false });
  }

  async getByNumber(number: CaseNumber): Promise<Case | undefined> {
    const { rows } = await this.db.query<unknown>(`SELECT ${CASE_COLUMNS} FROM portal_case WHERE number = $1`, [number]);
    return rows[0] === undefined ? undefined : parseCaseRow(rows[0]).case;
  }

  async listVisible(scope: VisibilityScope, page?: PageRequest & { statuses?: readonly CaseStatus[] }): Promise<Page<Case>> {
    const limit = pageSize(page);
    const userId = isUuid(scope.userId) ? scope.userId : '00000000-0000-0000-0000-000000000000';
    // canSeeCase: the user's own cases, and those sent from the user (a mailbox) or from its mailboxes.
    const mailboxIds = [...new Set([...scope.mailboxIds, userId])].filter(isUuid);
    const statuses = page?.statuses ? [...page.statuses] : null;
    const { rows } = await this.db.query<unknown>(
      VISIBLE_CASES_SQL,
      [userId, mailboxIds, this.cursor(page), limit + 1, statuses],
    );
    return this.toPage(rows, limit);
  }

  async search(filter: CaseFilter, page?: PageRequest): Promise<Page<Case>> {
    const limit = pageSize(page);
    const where: string[] = ['seq < $1::bigint'];
    const params: unknown[] = [this.cursor(page)];
    const add = (sql: (p: string) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.statuses) add((p) => `status = ANY(${p}::text[])`, [...filter.statuses]);
    if (filter.institutionId !== undefined) add((p) => `institution_id = ${p}`, filter.institutionId);
    if (filter.areaId !== undefined) add((p) => `area_id = ${p}`, filter.areaId);
    if (filter.formId !== undefined) add((p) => `form_id = ${p}`, filter.formId);
    if (filter.requesterId !== undefined) add((p) => `requester_id::text = ${p}`, filter.requesterId);
    if (filter.sentFromId !== undefined) add((p) => `sent_from_id::text = ${p}`, filter.sentFromId);
    if (filter.createdFrom !== undefined) add((p) => `created_at >= ${p}::timestamptz`, filter.createdFrom);
    if (filter.createdTo !== undefined) add((p) => `created_at < ${p}::timestamptz`, filter.createdTo);
    params.push(limit + 1);
    const { rows } = await this.db.query<unknown>(`SELECT ${CASE_COLUMNS} FROM portal_case WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT $${params.length}`, params);
    return this.toPage(rows, limit);
  }

  async changeStatus(number: CaseNumber, change: StatusChange): Promise<Result<CaseChangeOutcome, StatusChangeError>> {
    const outcome = await this.db.transaction(async (tx): Promise<Result<CaseChangeOutcome & { published: PortalEvent[] }, StatusChangeError>> => {
      const current = await this.lock(tx, number);
      if (!current) return notFound();
      const allowed = checkTransition(current.case.status, change.to, transitionActorOf(change.actor));
      if (!allowed.ok) return allowed;
      const at = this.clock().toISOString();
      const updated = await this.setStatus(tx, current.seq, change.to, at);
      const note = change.note ?? null;
      const event = await this.insertEvent(tx, current.seq, 'status_changed', change.actor, at, { from: current.case.status, to: change.to, note });
      const published: PortalEvent[] = [{ ...caseEventRef(updated), type: 'case.status_changed', from: current.case.status, to: change.to, note, actor: change.actor, at }];
      await writeOutbox(tx, published);
      return ok({ case: updated, events: [event], published });
    });
    if (!outcome.ok) return outcome;
    await this.afterCommit(outcome.value.published);
    return ok({ case: outcome.value.case, events: outcome.value.events });
  }

  async addComment(number: CaseNumber, comment: NewComment): Promise<Result<CaseChangeOutcome, CommentError>> {
    const outcome = await this.db.transaction(async (tx): Promise<Result<CaseChangeOutcome & { published: PortalEvent[] }, CommentError>> => {
      const current = await this.lock(tx, number);
      if (!current) return notFound();
      const plan = planComment(current.case.status, comment.author, comment.text);
      if (!plan.ok) return plan;
      const at = this.clock().toISOString();
      const change = plan.value.statusChange;
      const updated = await this.setStatus(tx, current.seq, change?.to ?? current.case.status, at);
      const events = [await this.insertEvent(tx, current.seq, 'comment', comment.actor, at, { author: comment.author, text: plan.value.text })];
      const published: PortalEvent[] = [{ ...caseEventRef(updated), type: 'case.commented', author: comment.author, text: plan.value.text, actor: comment.actor, at }];
      if (change) {
        events.push(await this.insertEvent(tx, current.seq, 'status_changed', comment.actor, at, { from: change.from, to: change.to, note: null }));
        published.push({ ...caseEventRef(updated), type: 'case.status_changed', from: change.from, to: change.to, note: null, actor: comment.actor, at });
      }
      await writeOutbox(tx, published);
      return ok({ case: updated, events, published });
    });
    if (!outcome.ok) return outcome;
    await this.afterCommit(outcome.value.published);
    return ok({ case: outcome.value.case, events: outcome.value.events });
  }

  async events(number: CaseNumber): Promise<CaseEvent[] | undefined> {
    const found = await this.db.query<{ seq: unknown }>(`SELECT seq FROM portal_case WHERE number = $1`, [number]);
    const row = found.rows[0];
    if (row === undefined) return undefined;
    const { rows } = await this.db.query<unknown>(
      `SELECT e.id, c.id AS case_id, c.number, e.type, e.actor, e.at, e.data
         FROM portal_case_event e JOIN portal_case c ON c.seq = e.case_seq
        WHERE e.case_seq = $1::bigint
        ORDER BY e.id`,
      [int.parse(row.seq)],
    );
    return rows.map(parseEvent);
  }

  private cursor(page: PageRequest | undefined): number {
    const after = page?.after;
    if (after === undefined || after === null) return NO_CURSOR;
    const n = Number(after);
    return Number.isSafeInteger(n) && n > 0 ? n : NO_CURSOR;
  }

  private toPage(rows: unknown[], limit: number): Page<Case> {
    const parsed = rows.map(parseCaseRow);
    const items = parsed.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map((r) => r.case), next: parsed.length > limit && last ? String(last.seq) : null };
  }

  private async lock(tx: Queryable, number: CaseNumber): Promise<{ seq: number; case: Case } | undefined> {
    const { rows } = await tx.query<unknown>(`SELECT ${CASE_COLUMNS} FROM portal_case WHERE number = $1 FOR UPDATE`, [number]);
    return rows[0] === undefined ? undefined : parseCaseRow(rows[0]);
  }

  private async setStatus(tx: Queryable, seq: number, status: CaseStatus, at: string): Promise<Case> {
    const { rows } = await tx.query<unknown>(
      `UPDATE portal_case SET status = $2, updated_at = greatest(updated_at, $3::timestamptz) WHERE seq = $1::bigint RETURNING ${CASE_COLUMNS}`,
      [seq, status, at],
    );
    if (rows[0] === undefined) throw new PortalError('CASE.LOST', `pg-case-store: case ${seq} vanished inside its transaction`);
    return parseCaseRow(rows[0]).case;
  }

  private async insertEvent(tx: Queryable, seq: number, type: CaseEvent['type'], actor: Actor, at: string, data: Record<string, unknown>): Promise<CaseEvent> {
    const { rows } = await tx.query<unknown>(
      `WITH e AS (
         INSERT INTO portal_case_event (case_seq, type, actor, at, data) VALUES ($1::bigint, $2, $3::jsonb, $4::timestamptz, $5::jsonb)
         RETURNING id, case_seq, type, actor, at, data)
       SELECT e.id, c.id AS case_id, c.number, e.type, e.actor, e.at, e.data FROM e JOIN portal_case c ON c.seq = e.case_seq`,
      [seq, type, JSON.stringify(actor), at, JSON.stringify(data)],
    );
    return parseEvent(rows[0]);
  }

  private async afterCommit(events: readonly PortalEvent[]): Promise<void> {
    if (events.length === 0) return;
    this.notifier.poke();
    await this.inProcess?.publish(events);
  }
}
