/**
 * Demo mode without SMTP_URL: a one-time code is not mailed but written to the log (with its
 * non-identifying reference, never the address) and kept for the demo page, which shows the
 * latest code to the conversation it was sent for. Never constructed outside demo mode (main.ts).
 */
import type { CodeMessage, VerificationCodeSender } from '../../dialogs/address-verification.js';
import type { Logger } from '../../bot/logger.js';

export interface DemoCode {
  code: string;
  reference: string;
  sentAt: string;
}

export class DemoCodeSender implements VerificationCodeSender {
  /** The latest code per channel user; the oldest dropped beyond 1000. */
  private readonly latest = new Map<string, DemoCode>();

  constructor(private readonly logger: Logger) {}

  async send(message: CodeMessage): Promise<void> {
    this.logger.info({ codeRef: message.reference, code: message.code }, 'mail: demo mode without SMTP_URL, the one-time code is not mailed');
    this.latest.delete(message.subject);
    this.latest.set(message.subject, { code: message.code, reference: message.reference, sentAt: new Date().toISOString() });
    if (this.latest.size > 1000) this.latest.delete(this.latest.keys().next().value ?? '');
  }

  /** The latest code sent for a channel user (`<channel id>:<from.id>`). */
  codeFor(subject: string): DemoCode | undefined {
    return this.latest.get(subject);
  }
}

/** Outside demo mode without SMTP_URL: no code can be sent (the user is told to contact the desk). */
export class UnconfiguredCodeSender implements VerificationCodeSender {
  async send(): Promise<void> {
    throw new Error('MAIL.NOT_CONFIGURED: SMTP_URL is not set, so one-time codes cannot be sent');
  }
}
