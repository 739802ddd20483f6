/**
 * Telling apart the failures an HTTP route answers without internals: the database unreachable
 * (503, try again), a network failure towards a service the request depends on (503), and
 * everything else (500). Response bodies never carry an error's class, text or stack.
 */

/** Seconds a client is asked to wait (`Retry-After`) when the database or a key service is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
]);

function* causes(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    yield current as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

/** The database could not be reached (the Database port's `DB.UNAVAILABLE`). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causes(error)) if (e.code === 'DB.UNAVAILABLE') return true;
  return false;
}

/** A request to another service failed for want of a network (DNS, refused, reset, timed out). */
export function isNetworkFailure(error: unknown): boolean {
  for (const e of causes(error)) {
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
    if (e.name === 'FetchError' || e.name === 'AbortError' || e.name === 'TimeoutError') return true;
    if (e instanceof TypeError && e.message === 'fetch failed') return true;
  }
  return false;
}

/** An authentication refusal (the Bot Framework's AuthenticationError carries a 4xx `statusCode`). */
export function isAuthenticationRefusal(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
