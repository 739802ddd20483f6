import pino from 'pino';
import type { Logger } from '../../bot/logger.js';

/** Structured JSON logs on stdout (one object a line), level from LOG_LEVEL. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'serviceportal-assistant' } }) as unknown as Logger;
}
