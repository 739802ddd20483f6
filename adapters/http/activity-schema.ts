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
 * Validates an incoming activity and cleans its strings in place of a copy: control characters
 * removed. Returns the cleaned activity or the reason it was refused.
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

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_JSON_DEPTH) return depth;
  if (typeof value !== 'object' || value === null) return depth;
  let max = depth + 1;
  for (const child of Object.values(value)) max = Math.max(max, depthOf(child, depth + 1));
  return max;
}

function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(CONTROL, '');
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(CONTROL, ''), cleanStrings(v)]));
  }
  return value;
}
