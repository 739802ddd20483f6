import {
  caseEventRef,
  caseYear,
  checkTransition,
  err,
  formatCaseNumber,
  ok,
  pageSize,
  planComment,
  transitionActorOf,
  canSeeCase,
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

interface Row {
  seq: number;
  idempotencyKey: string;
  case: Case;
  events: CaseEvent[];
}

export interface InMemoryCaseStoreOptions {
  clock?: () => Date;
  publisher?: PortalEventPublisher;
}

/** A {@link CaseStore} in memory, applying the same rules as the PostgreSQL store. */
export class InMemoryCaseStore implements CaseStore {
  private readonly rows: Row[] = [];
  private nextSeq = 1;
  private nextEventId = 1;
  private readonly clock: () => Date;
  private readonly publisher: PortalEventPublisher | undefined;

  constructor(options: InMemoryCaseStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.publisher = options.publisher;
  }

  /** All cases, oldest first (for assertions). */
  all(): Case[] {
    return this.rows.map((r) => r.case);
  }

  async create(input: NewCase, options: CreateCaseOptions): Promise<Result<CreateCaseOutcome, DomainError<'CASE.IDEMPOTENCY_CONFLICT'>>> {
    const existing = this.rows.find((r) => r.idempotencyKey === options.idempotencyKey);
    if (existing) {
      if (existing.case.requesterId !== input.requesterId) {
        return err('CASE.IDEMPOTENCY_CONFLICT', 'Sagen kunne ikke oprettes. Prøv igen.', 'The case could not be created. Try again.');
      }
      return ok({ case: existing.case, created: false });
    }
    const now = this.clock();
    const at = now.toISOString();
    const seq = this.nextSeq++;
    const c: Case = { ...input, id: `case-${seq}`, number: formatCaseNumber(caseYear(now), seq), status: 'modtaget', createdAt: at, updatedAt: at };
    const event: CaseEvent = { id: String(this.nextEventId++), caseId: c.id, caseNumber: c.number, type: 'created', status: 'modtaget', actor: { kind: 'user', userId: input.requesterId }, at };
    this.rows.push({ seq, idempotencyKey: options.idempotencyKey, case: c, events: [event] });
    await this.publish([{ ...caseEventRef(c), type: 'case.created', status: 'modtaget', actor: event.actor, at }]);
    return ok({ case: c, created: true });
  }

  getByNumber(number: CaseNumber): Promise<Case | undefined> {
    return Promise.resolve(this.rows.find((r) => r.case.number === number)?.case);
  }

  listVisible(scope: VisibilityScope, page?: PageRequest & { statuses?: readonly CaseStatus[] }): Promise<Page<Case>> {
    return Promise.resolve(this.page((c) => canSeeCase(scope, c) && (!page?.statuses || page.statuses.includes(c.status)), page));
  }

  search(filter: CaseFilter, page?: PageRequest): Promise<Page<Case>> {
    return Promise.resolve(
      this.page(
        (c) =>
          (!filter.statuses || filter.statuses.includes(c.status)) &&
          (filter.institutionId === undefined || c.institutionId === filter.institutionId) &&
          (filter.areaId === undefined || c.areaId === filter.areaId) &&
          (filter.formId === undefined || c.formId === filter.formId) &&
          (filter.requesterId === undefined || c.requesterId === filter.requesterId) &&
          (filter.sentFromId === undefined || c.sentFromId === filter.sentFromId) &&
          (filter.createdFrom === undefined || Date.parse(c.createdAt) >= Date.parse(filter.createdFrom)) &&
          (filter.createdTo === undefined || Date.parse(c.createdAt) < Date.parse(filter.createdTo)),
        page,
      ),
    );
  }

  async changeStatus(number: CaseNumber, change: StatusChange): Promise<Result<CaseChangeOutcome, StatusChangeError>> {
    const row = this.rows.find((r) => r.case.number === number);
    if (!row) return notFound();
    const allowed = checkTransition(row.case.status, change.to, transitionActorOf(change.actor));
    if (!allowed.ok) return allowed;
    const at = this.clock().toISOString();
    const from = row.case.status;
    row.case = { ...row.case, status: change.to, updatedAt: at };
    const event: CaseEvent = { id: String(this.nextEventId++), caseId: row.case.id, caseNumber: number, type: 'status_changed', from, to: change.to, note: change.note ?? null, actor: change.actor, at };
    row.events.push(event);
    await this.publish([{ ...caseEventRef(row.case), type: 'case.status_changed', from, to: change.to, note: event.note, actor: change.actor, at }]);
    return ok({ case: row.case, events: [event] });
  }

  async addComment(number: CaseNumber, comment: NewComment): Promise<Result<CaseChangeOutcome, CommentError>> {
    const row = this.rows.find((r) => r.case.number === number);
    if (!row) return notFound();
    const plan = planComment(row.case.status, comment.author, comment.text);
    if (!plan.ok) return plan;
    const at = this.clock().toISOString();
    const recorded: CaseEvent[] = [
      { id: String(this.nextEventId++), caseId: row.case.id, caseNumber: number, type: 'comment', author: comment.author, text: plan.value.text, actor: comment.actor, at },
    ];
    const published: PortalEvent[] = [{ ...caseEventRef(row.case), type: 'case.commented', author: comment.author, text: plan.value.text, actor: comment.actor, at }];
    const change = plan.value.statusChange;
    row.case = { ...row.case, status: change?.to ?? row.case.status, updatedAt: at };
    if (change) {
      recorded.push({ id: String(this.nextEventId++), caseId: row.case.id, caseNumber: number, type: 'status_changed', from: change.from, to: change.to, note: null, actor: comment.actor, at });
      published.push({ ...caseEventRef(row.case), type: 'case.status_changed', from: change.from, to: change.to, note: null, actor: comment.actor, at });
    }
    row.events.push(...recorded);
    await this.publish(published);
    return ok({ case: row.case, events: recorded });
  }

  events(number: CaseNumber): Promise<CaseEvent[] | undefined> {
    return Promise.resolve(this.rows.find((r) => r.case.number === number)?.events.slice());
  }

  private page(predicate: (c: Case) => boolean, request: PageRequest | undefined): Page<Case> {
    const limit = pageSize(request);
    const after = request?.after ? Number(request.after) : Number.POSITIVE_INFINITY;
    const matching = this.rows.filter((r) => r.seq < after && predicate(r.case)).sort((a, b) => b.seq - a.seq);
    const items = matching.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map((r) => r.case), next: matching.length > limit && last ? String(last.seq) : null };
  }

  private async publish(events: PortalEvent[]): Promise<void> {
    await this.publisher?.publish(events);
  }
}

function notFound(): { ok: false; error: DomainError<'CASE.NOT_FOUND'> } {
  return err('CASE.NOT_FOUND', 'Sagen findes ikke.', 'The case does not exist.');
}
