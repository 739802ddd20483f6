import type { TurnContext } from 'botbuilder';

/**
 * The turn-state key under which a channel adapter that authenticated the user itself (the
 * assistant's own Direct Line endpoint, from a signed token) vouches for `activity.from.id`.
 * An activity arriving at /api/messages with the same channel id carries no such mark, so its
 * `from.id` is never trusted as an e-mail.
 */
export const VERIFIED_FROM_ID = Symbol.for('serviceportal.verifiedFromId');

export function markVerifiedFromId(context: TurnContext, fromId: string): void {
  context.turnState.set(VERIFIED_FROM_ID, fromId);
}

export function verifiedFromId(context: TurnContext): string | undefined {
  const value: unknown = context.turnState.get(VERIFIED_FROM_ID);
  return typeof value === 'string' ? value : undefined;
}
