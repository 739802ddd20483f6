import type { MiddlewareHandler } from 'botbuilder';
import { toLocale, type Locale } from './locale.js';
import { messages } from './messages.js';

/** Longest message text the assistant reads. Default 4000 characters (a long case description fits). */
export const MAX_TEXT_CHARS = 4000;

/**
 * Answers an over-long message politely instead of feeding it to the dialogs, so nothing of it is
 * stored and nothing downstream has to cope with it.
 */
export function rejectOverlongText(maxChars = MAX_TEXT_CHARS, defaultLocale: Locale = 'da'): MiddlewareHandler {
  return async (context, next) => {
    const text = context.activity.type === 'message' ? context.activity.text : undefined;
    if (typeof text === 'string' && text.length > maxChars) {
      const m = messages(toLocale(context.activity.locale, defaultLocale));
      await context.sendActivity(m.tooLong(maxChars));
      return;
    }
    await next();
  };
}
