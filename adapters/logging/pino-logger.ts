import pino from 'pino';
import type { Logger } from '../../bot/logger.js';

/**
 * Keys whose values are personal data or user text wherever they appear (top level or one level
 * down). The code does not log them; this is the net under it, so that a future
 * `logger.info({ activity })` cannot put a message in the log.
 */
const PERSONAL_KEYS = [
  'text',
  'email',
  'name',
  'userName',
  'displayName',
  'question',
  'description',
  'beskrivelse',
  'values',
  'fieldValues',
  'activity',
  'activities',
  'body',
  'params',
  'parameters',
  'document',
  'reference',
  'from',
  'recipient',
  'detail',
  'headers',
  'authorization',
  'token',
];

export const REDACT_PATHS: readonly string[] = [...PERSONAL_KEYS, ...PERSONAL_KEYS.map((key) => `*.${key}`)];

/** Error properties that never carry user data: names, codes and the database's identifiers. */
const SAFE_ERROR_FIELDS = ['code', 'statusCode', 'status', 'severity', 'routine', 'constraint', 'table', 'column', 'schema', 'dataType', 'key', 'retryable'];

const EMAIL = /[^\s"'<>()@,;:]+@[^\s"'<>()@,;:]+\.[a-z]{2,}/gi;

/**
 * Messages quote the value at fault (PostgreSQL's `invalid input syntax for type uuid: "anna@…"`,
 * the state key of an eTag conflict); the identifiers a reader needs are in the error's own
 * fields. Quoted parts and anything shaped like an e-mail address go.
 */
export function withoutValues(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"[value]"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'[value]'")
    .replace(EMAIL, '[e-mail]');
}

function scrubStack(stack: string, message: string, safeMessage: string): string {
  return message === safeMessage ? stack : stack.split(message).join(safeMessage);
}

/**
 * The `err` serializer: type, message, code, stack and the database's identifiers, and the same
 * for its `cause` — never the error's other properties. PGlite puts the statement's parameters on
 * its errors (`params`: a whole activity with the user's text, e-mail and name), node-postgres
 * puts the failing row in `detail`, restify wraps the original error: none of that is logged.
 */
export function safeError(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? '[non-error value]' : value;
  const error = value as Record<string, unknown> & { message?: unknown; stack?: unknown; name?: unknown };
  const rawMessage = typeof error.message === 'string' ? error.message : '';
  const message = withoutValues(rawMessage);
  const out: Record<string, unknown> = {
    type: typeof error.name === 'string' ? error.name : (value.constructor?.name ?? 'Object'),
    message,
  };
  for (const field of SAFE_ERROR_FIELDS) {
    const v = error[field];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[field] = field === 'key' ? '[value]' : v;
  }
  if (typeof error.stack === 'string') out.stack = scrubStack(error.stack, rawMessage, message);
  // botbuilder-dialogs wraps the original in `error`, restify (verror) in `jse_cause`.
  const cause = error.cause ?? (error as { jse_cause?: unknown }).jse_cause;
  if (cause !== undefined && depth < 5) out.cause = safeError(cause, depth + 1);
  const inner = (error as { error?: unknown }).error;
  if (typeof inner === 'object' && inner !== null && depth < 5) out.error = safeError(inner, depth + 1);
  if (Array.isArray((error as { errors?: unknown }).errors) && depth < 5) {
    out.errors = ((error as { errors: unknown[] }).errors).slice(0, 5).map((e) => safeError(e, depth + 1));
  }
  return out;
}

/** URLs are logged without their query string (`?user=<e-mail>`, `?requester=…`). */
export function pathOnly(url: unknown): unknown {
  if (typeof url !== 'string') return url;
  const at = url.indexOf('?');
  return at === -1 ? url : `${url.slice(0, at)}?[query]`;
}

export const LOG_SERIALIZERS = { err: safeError, error: safeError, cause: safeError, url: pathOnly };

/**
 * Structured JSON logs (one object a line) on stdout, or on `destination` (tests), level from
 * LOG_LEVEL. Never message text, names, e-mails or SQL parameters: errors go through
 * {@link safeError}, and {@link REDACT_PATHS} are censored wherever they turn up.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'serviceportal-assistant' },
    serializers: LOG_SERIALIZERS,
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
  };
  return (destination ? pino(options, destination) : pino(options)) as unknown as Logger;
}
