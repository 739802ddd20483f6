/**
 * Expected outcomes are values, not exceptions: every rule in portal/ answers with a
 * {@link Result}. A refusal carries an `AREA.REASON` code and a Danish and English reason, so the
 * edge (chat, card, HTTP) can phrase it without knowing the rule.
 */
import type { Localized } from './text.js';

export type ErrorCode =
  | 'REGISTRATION.INVALID_EMAIL'
  | 'REGISTRATION.DOMAIN_MISMATCH'
  | 'REGISTRATION.UNKNOWN_INSTITUTION'
  | 'REGISTRATION.ALREADY_REGISTERED'
  | 'COMMUNITY.CONSULTANT'
  | 'COMMUNITY.SHARED_MAILBOX'
  | 'COMMUNITY.OWN_INSTITUTION'
  | 'COMMUNITY.ALREADY_GRANTED'
  | 'COMMUNITY.ALREADY_PENDING'
  | 'COMMUNITY.NOT_PENDING'
  | 'COMMUNITY.NOT_AGENT'
  | 'COMMUNITY.NOT_FOUND'
  | 'CONSENT.REQUIRED'
  | 'CONSENT.UNKNOWN_VERSION'
  | 'MAILBOX.NOT_ADMIN'
  | 'MAILBOX.OTHER_INSTITUTION'
  | 'MAILBOX.NOT_A_MAILBOX'
  | 'MAILBOX.MEMBER_IS_MAILBOX'
  | 'MAILBOX.ALREADY_MEMBER'
  | 'MAILBOX.NOT_MEMBER'
  | 'USER.NOT_FOUND'
  | 'CASE.NOT_FOUND'
  | 'CASE.NOT_VISIBLE'
  | 'CASE.INVALID_TRANSITION'
  | 'CASE.TRANSITION_FORBIDDEN'
  | 'CASE.CLOSED'
  | 'CASE.EMPTY_COMMENT'
  | 'CASE.CPR_NUMBER'
  | 'CASE.COMMENT_TOO_LONG'
  | 'CASE.REQUESTER_IS_MAILBOX'
  | 'CASE.INSTITUTION_NOT_ALLOWED'
  | 'CASE.IDEMPOTENCY_CONFLICT'
  | 'CASE.UNKNOWN_FORM'
  | 'CASE.FORM_NOT_FOR_SYSTEM'
  | 'CASE.INVALID_VALUES'
  | 'INSTITUTION.NOT_FOUND'
  | 'INSTITUTION.ALREADY_EXISTS'
  | 'INSTITUTION.DOMAIN_TAKEN'
  | 'ATTACHMENT.TOO_LARGE'
  | 'ATTACHMENT.EMPTY'
  | 'ATTACHMENT.TYPE_NOT_ALLOWED'
  | 'ATTACHMENT.TOO_MANY'
  | 'ATTACHMENT.NOT_ENABLED'
  | FormErrorCode;

export type FormErrorCode =
  | 'FORM.REQUIRED'
  | 'FORM.INVALID_TYPE'
  | 'FORM.TOO_SHORT'
  | 'FORM.TOO_LONG'
  | 'FORM.PATTERN'
  | 'FORM.INVALID_EMAIL'
  | 'FORM.INVALID_PHONE'
  | 'FORM.INVALID_DATE'
  | 'FORM.DATE_OUT_OF_RANGE'
  | 'FORM.INVALID_NUMBER'
  | 'FORM.NOT_INTEGER'
  | 'FORM.OUT_OF_RANGE'
  | 'FORM.INVALID_CHOICE'
  | 'FORM.TOO_FEW_CHOICES'
  | 'FORM.TOO_MANY_CHOICES'
  | 'FORM.INVALID_YES_NO'
  | 'FORM.UNKNOWN_FIELD'
  /** A free-text answer holds a CPR-like number (refused where the user cannot be asked to remove it). */
  | 'FORM.CPR_NUMBER';

export interface DomainError<C extends ErrorCode = ErrorCode> {
  code: C;
  /** The reason, for the user: Danish first, English. */
  message: Localized;
}

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function okVoid(): { ok: true; value: undefined } {
  return { ok: true, value: undefined };
}

export function err<C extends ErrorCode>(code: C, da: string, en: string): { ok: false; error: DomainError<C> } {
  return { ok: false, error: { code, message: { da, en } } };
}

/** A broken invariant (a bug or bad data), as opposed to an expected refusal. */
export class PortalError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PortalError';
  }
}
