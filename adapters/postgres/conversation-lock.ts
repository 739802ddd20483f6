import type { MiddlewareHandler } from 'botbuilder';
import type { Database } from './database.js';

/**
 * Runs the turns of one conversation one at a time across every process on the database, so
 * two processes behind a load balancer never interleave a conversation's state read and write:
 * the second turn waits and then reads what the first one saved (see PgDatabase.withLock). A turn that cannot get the lock
 * within `timeoutMs` fails with a LockTimeoutError, which the turn-error handler turns into
 * "skriv det venligst igen".
 */
export function conversationLock(db: Database, timeoutMs = 15_000): MiddlewareHandler {
  return async (context, next) => {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) return next();
    await db.withLock(`conversation:${context.activity.channelId}:${conversationId}`, timeoutMs, next);
  };
}
