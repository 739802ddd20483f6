import type { CodeMessage, VerificationCodeSender } from '../../dialogs/address-verification.js';

/** Keeps the codes it is asked to send (dialog tests); `failing` makes it throw like a mail server that is down. */
export class RecordingCodeSender implements VerificationCodeSender {
  readonly sent: CodeMessage[] = [];
  failing = false;

  async send(message: CodeMessage): Promise<void> {
    if (this.failing) throw new Error('MAIL.TEST_DOWN: the test mail server is down');
    this.sent.push(message);
  }

  /** The latest code sent to the address; throws when none was. */
  codeTo(email: string): string {
    const found = this.sent.filter((m) => m.to === email).at(-1);
    if (!found) throw new Error(`no code was sent to ${email}`);
    return found.code;
  }
}
