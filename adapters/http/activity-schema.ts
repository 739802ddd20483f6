import { ActivityTypes } from 'botbuilder';
import { z } from 'zod';

/** Deeper JSON than this is refused: nothing the channels send nests that far. */
export const MAX_JSON_DEPTH = 32;

const KNOWN_TYPES = new Set<string>(Object.values(ActivityTypes));

const account = z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional() }).passthrough();

/**
 * The part of an incoming Bot Framework activity the assistant relies on. Everything else passes
 * through untouched; a body that does not fit is refused with 400 and the field at fault.
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().refine((t) => KNOWN_TYPES.has(t), { message: 'is not a Bot Framework activity type' }),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(128),
    serviceUrl: z.string().url().refine((u) => /^https?:\/\//i.test(u), { message: 'must be an http(s) URL' }),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    from: account,
    recipient: account.optional(),
    text: z.string().optional(),
    locale: z.string().max(32).optional(),
  })
  .passthrough();

export type IncomingProblem = { code: 'ACTIVITY.INVALID'; message: string };

/** C0 control characters other than tab, newline and carriage return (NUL above all: PostgreSQL refuses it). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/**
 * A UTF-16 surrogate without its partner. JSON and query strings can carry one ("\ud800"), but it is
 * no character: PostgreSQL refuses it in jsonb and UTF-8 cannot encode it.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without control characters and lone surrogates: what every input is cleaned to. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '');
}

/**
 * Validates an incoming activity and cleans its strings in place of a copy: control characters
 * and lone surrogates removed. Returns the cleaned activity or the reason it was refused.
 */
export function checkIncomingActivity(body: unknown): { ok: true; activity: Record<string, unknown> } | { ok: false; problem: IncomingProblem } {
  if (depthOf(body) > MAX_JSON_DEPTH) {
    return { ok: false, problem: { code: 'ACTIVITY.INVALID', message: `The activity nests deeper than ${MAX_JSON_DEPTH} levels.` } };
  }
  const parsed = incomingActivitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') || 'body';
    return { ok: false, problem: { code: 'ACTIVITY.INVALID', message: `${path}: ${issue?.message ?? 'invalid'}` } };
  }
  return { ok: true, activity: cleanStrings(parsed.data) as Record<string, unknown> };
}

/** How deep a JSON value nests (0 for a scalar). */
export function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_JSON_DEPTH) return depth;
  if (typeof value !== 'object' || value === null) return depth;
  let max = depth + 1;
  for (const child of Object.values(value)) max = Math.max(max, depthOf(child, depth + 1));
  return max;
}

/** A copy with control characters and lone surrogates removed from every string and key. */
export function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanStrings(v)]));
  }
  return value;
}
