/**
 * Proof of an e-mail address (issue 14): a person whose channel does not vouch for their address
 * (web chat without the portal's signed token, Teams without the roster's e-mail, …) gets a
 * six-digit one-time code at the address they typed, and is registered only after typing it.
 *
 * The code itself is never stored: only a salted SHA-256 of it, tied to the channel user and the
 * address. It expires after 15 minutes and allows 5 tries; then a new code must be sent. Sending
 * is throttled per channel user and per address. The store and the sender are ports: PostgreSQL
 * (adapters/postgres) and SMTP with nodemailer or, in demo mode, the log (adapters/mail).
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Language } from './ports.js';

/** The rules; every field can be overridden (tests), the defaults are what the README says. */
export interface VerificationRules {
  /** How long a code is valid. Default 15 minutes. */
  codeTtlMs: number;
  /** Tries per code; after them a new code must be sent. Default 5. */
  maxTries: number;
  /** Least time between two codes to one channel user. Default 60 s. */
  resendAfterMs: number;
  /** Most codes to one channel user, and to one address, within `sendWindowMs`. Default 5 and 10. */
  maxSendsPerSubject: number;
  maxSendsPerAddress: number;
  /** The window the send counts are kept for. Default 1 hour. */
  sendWindowMs: number;
}

export const DEFAULT_VERIFICATION_RULES: VerificationRules = Object.freeze({
  codeTtlMs: 15 * 60_000,
  maxTries: 5,
  resendAfterMs: 60_000,
  maxSendsPerSubject: 5,
  maxSendsPerAddress: 10,
  sendWindowMs: 60 * 60_000,
});

/** The pending code of one channel user, as stored (one row per channel user). */
export interface StoredCode {
  /** The channel user: `<channel id>:<from.id>`. */
  subject: string;
  email: string;
  /** hex SHA-256 of salt, subject, address and code. */
  codeHash: string;
  /** hex, 16 random bytes, new for every code. */
  salt: string;
  /** A random, non-identifying reference that log lines about the code carry. */
  reference: string;
  /** Tries counted against this code so far. */
  tries: number;
  /** Codes sent to this channel user in the window that began at `windowStartedAt`. */
  sends: number;
  windowStartedAt: Date;
  sentAt: Date;
  expiresAt: Date;
}

/** Where pending codes are kept (PostgreSQL/PGlite in the service; rows deleted on use and by the retention job). */
export interface VerificationCodeStore {
  /** The channel user's pending code, if any. */
  get(subject: string): Promise<StoredCode | undefined>;
  /** Codes sent to the address by every channel user since `since`. */
  sendsToAddressSince(email: string, since: Date): Promise<number>;
  /** Stores the channel user's new code (replacing any earlier one). */
  put(code: StoredCode): Promise<void>;
  /**
   * Counts one try against the channel user's pending code for this address, atomically (two
   * turns at once cannot both have the fifth try), and returns the row with the try counted.
   */
  countTry(subject: string, email: string): Promise<StoredCode | undefined>;
  delete(subject: string): Promise<void>;
}

/** One code to send. `to` and the code are for the message only: never for a log line. */
export interface CodeMessage {
  to: string;
  code: string;
  lang: Language;
  validMinutes: number;
  /** The channel user the code is for (the demo page shows a code to its own conversation only). */
  subject: string;
  /** The non-identifying reference for log lines. */
  reference: string;
}

/** Sends a one-time code to an address (SMTP with nodemailer; the log in demo mode). Throws when it cannot. */
export interface VerificationCodeSender {
  send(message: CodeMessage): Promise<void>;
}

export type SendOutcome =
  | { kind: 'sent'; to: string; validMinutes: number; reference: string }
  /** Too soon after the last code: wait this many seconds. */
  | { kind: 'wait'; seconds: number }
  /** Too many codes within the window: wait this many minutes. */
  | { kind: 'tooMany'; minutes: number }
  /** The sender failed (the mail server did not take it). Nothing was stored. */
  | { kind: 'failed' };

export type CheckOutcome =
  | { kind: 'verified' }
  | { kind: 'wrong'; triesLeft: number }
  /** Every try is used: a new code must be sent. */
  | { kind: 'exhausted' }
  | { kind: 'expired' }
  /** No code is pending for this channel user and address. */
  | { kind: 'none' };

/** Six digits, spaces and hyphens between them allowed ("123 456", "123-456"). */
export function readCode(text: string): string | undefined {
  const digits = text.trim().replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}

function hashCode(salt: string, subject: string, email: string, code: string): string {
  return createHash('sha256').update(`${salt}\u0000${subject}\u0000${email}\u0000${code}`).digest('hex');
}

export interface AddressVerificationOptions {
  store: VerificationCodeStore;
  sender: VerificationCodeSender;
  rules?: Partial<VerificationRules>;
  /** The clock. Default `Date.now`. */
  now?: () => number;
  /** Told when the sender fails (the adapter's logger; never the address). */
  onSendFailed?: (error: unknown, reference: string) => void;
}

/** Sends codes and checks them, by the {@link VerificationRules}. */
export class AddressVerification {
  readonly rules: VerificationRules;
  private readonly now: () => number;

  constructor(private readonly options: AddressVerificationOptions) {
    this.rules = { ...DEFAULT_VERIFICATION_RULES, ...options.rules };
    this.now = options.now ?? Date.now;
  }

  /** Sends a new code to `email` for the channel user, unless the throttle says wait. */
  async send(subject: string, email: string, lang: Language): Promise<SendOutcome> {
    const { store } = this.options;
    const rules = this.rules;
    const now = this.now();
    const previous = await store.get(subject);
    const windowOpen = previous !== undefined && now - previous.windowStartedAt.getTime() < rules.sendWindowMs;
    if (previous && now - previous.sentAt.getTime() < rules.resendAfterMs) {
      return { kind: 'wait', seconds: Math.ceil((rules.resendAfterMs - (now - previous.sentAt.getTime())) / 1000) };
    }
    if (previous && windowOpen && previous.sends >= rules.maxSendsPerSubject) {
      return { kind: 'tooMany', minutes: Math.ceil((previous.windowStartedAt.getTime() + rules.sendWindowMs - now) / 60_000) };
    }
    const toAddress = await store.sendsToAddressSince(email, new Date(now - rules.sendWindowMs));
    if (toAddress >= rules.maxSendsPerAddress) return { kind: 'tooMany', minutes: Math.ceil(rules.sendWindowMs / 60_000) };

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const reference = randomBytes(6).toString('hex');
    const validMinutes = Math.round(rules.codeTtlMs / 60_000);
    try {
      await this.options.sender.send({ to: email, code, lang, validMinutes, subject, reference });
    } catch (error: unknown) {
      this.options.onSendFailed?.(error, reference);
      return { kind: 'failed' };
    }
    await store.put({
      subject,
      email,
      codeHash: hashCode(salt, subject, email, code),
      salt,
      reference,
      tries: 0,
      // The send count follows the channel user across addresses: changing the address does not reset it.
      sends: windowOpen && previous ? previous.sends + 1 : 1,
      windowStartedAt: windowOpen && previous ? previous.windowStartedAt : new Date(now),
      sentAt: new Date(now),
      expiresAt: new Date(now + rules.codeTtlMs),
    });
    return { kind: 'sent', to: email, validMinutes, reference };
  }

  /** Checks a typed code (six digits, see {@link readCode}); the pending code goes once it is right. */
  async check(subject: string, email: string, code: string): Promise<CheckOutcome> {
    const { store } = this.options;
    const row = await store.countTry(subject, email);
    if (!row) return { kind: 'none' };
    if (row.tries > this.rules.maxTries) return { kind: 'exhausted' };
    if (this.now() >= row.expiresAt.getTime()) return { kind: 'expired' };
    const expected = Buffer.from(row.codeHash, 'hex');
    const actual = Buffer.from(hashCode(row.salt, subject, email, code), 'hex');
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
      await store.delete(subject);
      return { kind: 'verified' };
    }
    const triesLeft = this.rules.maxTries - row.tries;
    return triesLeft > 0 ? { kind: 'wrong', triesLeft } : { kind: 'exhausted' };
  }
}

/** Keeps codes in memory (dialog tests). */
export class InMemoryVerificationCodeStore implements VerificationCodeStore {
  private readonly rows = new Map<string, StoredCode>();

  async get(subject: string): Promise<StoredCode | undefined> {
    const row = this.rows.get(subject);
    return row ? { ...row } : undefined;
  }

  async sendsToAddressSince(email: string, since: Date): Promise<number> {
    let n = 0;
    for (const row of this.rows.values()) if (row.email === email && row.windowStartedAt >= since) n += row.sends;
    return n;
  }

  async put(code: StoredCode): Promise<void> {
    this.rows.set(code.subject, { ...code });
  }

  async countTry(subject: string, email: string): Promise<StoredCode | undefined> {
    const row = this.rows.get(subject);
    if (!row || row.email !== email) return undefined;
    row.tries += 1;
    return { ...row };
  }

  async delete(subject: string): Promise<void> {
    this.rows.delete(subject);
  }
}
