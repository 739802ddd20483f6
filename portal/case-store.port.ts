import type { Case, CaseEvent, CaseNumber, CaseStatus, CommentAuthor, NewCase } from './case.js';
import type { Actor, VisibilityScope } from './organisation.js';
import type { DomainError, Result } from './result.js';

/** Keyset paging, newest first. `after` is the `next` cursor of the previous page. */
export interface PageRequest {
  /** Default 10, at most 100. */
  limit?: number;
  after?: string | null;
}

export interface Page<T> {
  items: T[];
  /** The cursor for the next page, or null on the last page. */
  next: string | null;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

export function pageSize(page: PageRequest | undefined): number {
  return Math.min(Math.max(Math.trunc(page?.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
}

/** The agent's view: any combination; all absent = every case. */
export interface CaseFilter {
  statuses?: readonly CaseStatus[];
  institutionId?: string;
  areaId?: string;
  formId?: string;
  requesterId?: string;
  sentFromId?: string;
  /** Cases created at or after this instant (ISO). */
  createdFrom?: string;
  /** Cases created before this instant (ISO). */
  createdTo?: string;
}

export interface CreateCaseOptions {
  /** The same key twice returns the first case (`created: false`), e.g. a double-clicked confirmation. */
  idempotencyKey: string;
}

export interface CreateCaseOutcome {
  case: Case;
  /** False when the idempotency key had been used: `case` is the first one. */
  created: boolean;
}

export interface StatusChange {
  to: CaseStatus;
  actor: Actor;
  note?: string | undefined;
}

export interface NewComment {
  author: CommentAuthor;
  actor: Actor;
  text: string;
}

export interface CaseChangeOutcome {
  case: Case;
  /** The events the change recorded, oldest first (a comment may record a status change too). */
  events: CaseEvent[];
}

export type StatusChangeError = DomainError<'CASE.NOT_FOUND' | 'CASE.INVALID_TRANSITION' | 'CASE.TRANSITION_FORBIDDEN'>;
export type CommentError = DomainError<'CASE.NOT_FOUND' | 'CASE.CLOSED' | 'CASE.EMPTY_COMMENT' | 'CASE.COMMENT_TOO_LONG'>;

/**
 * Cases and their history. Every change is recorded as a {@link CaseEvent} and published as a
 * domain event in the same unit of work. The store applies the status rules (checkTransition,
 * planComment) atomically; who may see a case is the caller's check (checkCaseVisible).
 */
export interface CaseStore {
  /** Creates a case with status Modtaget and a number `SA-<year>-<6 digits>`; idempotent per key. */
  create(input: NewCase, options: CreateCaseOptions): Promise<Result<CreateCaseOutcome, DomainError<'CASE.IDEMPOTENCY_CONFLICT'>>>;
  getByNumber(number: CaseNumber): Promise<Case | undefined>;
  /** The user's cases and their mailboxes' cases, newest first. */
  listVisible(scope: VisibilityScope, page?: PageRequest & { statuses?: readonly CaseStatus[] }): Promise<Page<Case>>;
  /** The service desk's list, newest first. */
  search(filter: CaseFilter, page?: PageRequest): Promise<Page<Case>>;
  changeStatus(number: CaseNumber, change: StatusChange): Promise<Result<CaseChangeOutcome, StatusChangeError>>;
  /** Adds a comment; a customer's comment may move the status (see planComment). */
  addComment(number: CaseNumber, comment: NewComment): Promise<Result<CaseChangeOutcome, CommentError>>;
  /** The history of a case, oldest first; undefined when there is no such case. */
  events(number: CaseNumber): Promise<CaseEvent[] | undefined>;
}
