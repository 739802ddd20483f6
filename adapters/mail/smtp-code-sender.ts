/**
 * One-time codes by e-mail over SMTP, with nodemailer. The message says what the code is for, how
 * long it is valid, and what to do when the person did not ask for it. Log lines carry the code's
 * reference only: never the address or the code.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { CodeMessage, VerificationCodeSender } from '../../dialogs/address-verification.js';
import type { Logger } from '../../bot/logger.js';

export interface SmtpCodeSenderOptions {
  /** smtp://user:pass@host:port or smtps://… (SMTP_URL). */
  url: string;
  /** The sender, e.g. "Serviceportalen <noreply@statens-adm.dk>" (MAIL_FROM). */
  from: string;
  logger: Logger;
}

const MAIL = {
  da: {
    subject: (code: string) => `${code} er din kode til Serviceportalens assistent`,
    text: (code: string, minutes: number) =>
      [
        `Din engangskode er: ${code}`,
        '',
        `Skriv koden i chatten med Serviceportalens assistent for at bekræfte, at e-mailadressen er din. Koden gælder i ${minutes} minutter.`,
        '',
        'Har du ikke bedt om en kode, kan du se bort fra denne e-mail. Del ikke koden med andre.',
        '',
        'Statens Administration',
      ].join('\n'),
  },
  en: {
    subject: (code: string) => `${code} is your code for the Serviceportal assistant`,
    text: (code: string, minutes: number) =>
      [
        `Your one-time code is: ${code}`,
        '',
        `Type the code in the chat with the Serviceportal assistant to confirm that the e-mail address is yours. The code is valid for ${minutes} minutes.`,
        '',
        'If you did not ask for a code, you can ignore this e-mail. Do not share the code with anyone.',
        '',
        'Statens Administration',
      ].join('\n'),
  },
} as const;

export class SmtpCodeSender implements VerificationCodeSender {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpCodeSenderOptions) {
    this.transport = nodemailer.createTransport(options.url);
  }

  async send(message: CodeMessage): Promise<void> {
    const mail = MAIL[message.lang];
    await this.transport.sendMail({
      from: this.options.from,
      to: message.to,
      subject: mail.subject(message.code),
      text: mail.text(message.code, message.validMinutes),
    });
    this.options.logger.info({ codeRef: message.reference }, 'mail: one-time code sent');
  }

  close(): void {
    this.transport.close();
  }
}
