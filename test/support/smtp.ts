/**
 * A real SMTP server in the test process (the `smtp-server` package): nodemailer talks SMTP to it
 * over TCP, with a user name and password, and the test reads what arrived.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as it arrived (headers and body). */
  raw: string;
  /** The body, quoted-printable decoded. */
  body: string;
  subject: string;
}

export interface TestSmtpServer {
  /** smtp://user:password@127.0.0.1:port */
  url: string;
  mails: ReceivedMail[];
  /** The next mail to arrive (or one that arrived and was not taken yet). */
  next(timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export async function startSmtpServer(credentials = { user: 'assistant', password: 'hemmeligt-kodeord' }): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  let taken = 0;
  const waiting: Array<() => void> = [];
  const server = new SMTPServer({
    // Plain SMTP on the loopback: no STARTTLS (no certificate to trust), AUTH PLAIN/LOGIN required.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.password) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const split = raw.indexOf('\r\n\r\n');
        const headers = raw.slice(0, split);
        const qp = /content-transfer-encoding:\s*quoted-printable/i.test(headers);
        const body = raw.slice(split + 4);
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          body: qp ? decodeQuotedPrintable(body) : body,
          subject: /^subject:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? '',
        });
        waiting.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${credentials.user}:${credentials.password}@127.0.0.1:${port}`,
    mails,
    async next(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length <= taken) {
        if (Date.now() > deadline) throw new Error('no mail arrived at the test SMTP server');
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      const mail = mails[taken++];
      if (!mail) throw new Error('no mail');
      return mail;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The six-digit code in a code mail (Danish or English). */
export function codeIn(mail: ReceivedMail): string {
  const found = /(?:engangskode er|one-time code is): (\d{6})/.exec(mail.body)?.[1];
  if (!found) throw new Error(`no code in the mail: ${mail.body}`);
  return found;
}
