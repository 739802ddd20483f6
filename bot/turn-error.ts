import type { TurnContext } from 'botbuilder';
import type { Logger } from './logger.js';
import { toLocale, type Locale } from './locale.js';
import { messages } from './messages.js';

/** An error that already knows which user-facing message fits it (e.g. the database is down). */
export interface UserFacingError {
  userMessageKey: 'tryAgainSoon' | 'busyRepeat' | 'tooManyCases';
}

function isUserFacing(error: unknown): error is UserFacingError {
  return typeof error === 'object' && error !== null && 'userMessageKey' in error;
}

/**
 * The user-facing error behind `error`, if any: a wrapper may keep the original in `error`
 * (botbuilder-dialogs' DialogContextError did, before the dialogs ran on dialogs/dialog-stack.ts)
 * or in `cause`.
 */
function userFacingIn(error: unknown): UserFacingError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (isUserFacing(current)) return current;
    const wrapper = current as { error?: unknown; cause?: unknown };
    current = wrapper.error ?? wrapper.cause;
  }
  return undefined;
}

/**
 * The one turn-error handler: logs with conversation and activity id, tells the user in Danish
 * (or English) what to do next, and never shows internals.
 */
export function createTurnErrorHandler(logger: Logger, defaultLocale: Locale = 'da') {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const activity = context.activity;
    logger.error(
      {
        err: error,
        code: (error as { code?: unknown }).code,
        conversationId: activity.conversation?.id,
        activityId: activity.id,
        channelId: activity.channelId,
      },
      'turn: unhandled error',
    );
    if (activity.type === 'invoke') return; // the invoke response carries the failure
    // A proactive turn (a notification) has nobody waiting for an answer; its sender retries.
    if (activity.type === 'event' && activity.name === 'ContinueConversation') return;
    const m = messages(toLocale(activity.locale, defaultLocale));
    const userFacing = userFacingIn(error);
    const text = userFacing ? m[userFacing.userMessageKey] : m.turnError;
    try {
      await context.sendActivity(text);
    } catch (sendError: unknown) {
      logger.error({ err: sendError, conversationId: activity.conversation?.id }, 'turn: could not send the error message');
    }
  };
}
