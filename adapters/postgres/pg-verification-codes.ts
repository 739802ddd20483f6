import { z } from 'zod';
import type { StoredCode, VerificationCodeStore } from '../../dialogs/address-verification.js';
import type { Queryable } from './database.js';

// pg returns timestamps as Date and PGlite too; integers may come as strings: coerce.
const CodeRow = z.object({
  subject: z.string(),
  email: z.string(),
  code_hash: z.string().regex(/^[0-9a-f]{64}$/),
  salt: z.string().regex(/^[0-9a-f]+$/),
  reference: z.string(),
  tries: z.coerce.number().int().min(0),
  sends: z.coerce.number().int().min(1),
  window_started_at: z.coerce.date(),
  sent_at: z.coerce.date(),
  expires_at: z.coerce.date(),
});

function toCode(row: unknown): StoredCode {
  const r = CodeRow.parse(row);
  return {
    subject: r.subject,
    email: r.email,
    codeHash: r.code_hash,
    salt: r.salt,
    reference: r.reference,
    tries: r.tries,
    sends: r.sends,
    windowStartedAt: r.window_started_at,
    sentAt: r.sent_at,
    expiresAt: r.expires_at,
  };
}

const COLUMNS = 'subject, email, code_hash, salt, reference, tries, sends, window_started_at, sent_at, expires_at';

/** The one-time codes of address verification on PostgreSQL or PGlite (migrations/110_address_verification.sql). */
export class PgVerificationCodeStore implements VerificationCodeStore {
  constructor(private readonly db: Queryable) {}

  async get(subject: string): Promise<StoredCode | undefined> {
    const { rows } = await this.db.query(`SELECT ${COLUMNS} FROM address_verification WHERE subject = $1`, [subject]);
    return rows[0] === undefined ? undefined : toCode(rows[0]);
  }

  async sendsToAddressSince(email: string, since: Date): Promise<number> {
    const { rows } = await this.db.query<{ n: unknown }>(
      'SELECT COALESCE(sum(sends), 0) AS n FROM address_verification WHERE email = $1 AND window_started_at >= $2',
      [email, since.toISOString()],
    );
    return z.coerce.number().int().parse(rows[0]?.n ?? 0);
  }

  async put(code: StoredCode): Promise<void> {
    await this.db.query(
      `INSERT INTO address_verification (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (subject) DO UPDATE SET email = EXCLUDED.email, code_hash = EXCLUDED.code_hash, salt = EXCLUDED.salt,
         reference = EXCLUDED.reference, tries = EXCLUDED.tries, sends = EXCLUDED.sends,
         window_started_at = EXCLUDED.window_started_at, sent_at = EXCLUDED.sent_at, expires_at = EXCLUDED.expires_at`,
      [
        code.subject,
        code.email,
        code.codeHash,
        code.salt,
        code.reference,
        code.tries,
        code.sends,
        code.windowStartedAt.toISOString(),
        code.sentAt.toISOString(),
        code.expiresAt.toISOString(),
      ],
    );
  }

  async countTry(subject: string, email: string): Promise<StoredCode | undefined> {
    // One statement: two turns at once each count their try, and each sees the other's.
    const { rows } = await this.db.query(`UPDATE address_verification SET tries = tries + 1 WHERE subject = $1 AND email = $2 RETURNING ${COLUMNS}`, [subject, email]);
    return rows[0] === undefined ? undefined : toCode(rows[0]);
  }

  async delete(subject: string): Promise<void> {
    await this.db.query('DELETE FROM address_verification WHERE subject = $1', [subject]);
  }
}
