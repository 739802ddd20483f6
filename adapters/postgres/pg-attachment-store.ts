import { z } from 'zod';
import type { Attachment, AttachmentStore, CheckedFile } from '../../portal/index.js';
import type { Database } from './database.js';
import { isUuid } from './pg-case-store.js';

// pg returns timestamps as Date and PGlite too; sizes come back as numbers from both.
const AttachmentRow = z.object({
  id: z.string(),
  case_number: z.string().nullable(),
  name: z.string(),
  content_type: z.string(),
  size: z.coerce.number().int(),
  uploader_id: z.string().nullable(),
  created_at: z.coerce.date(),
});

const COLUMNS = 'id, case_number, name, content_type, size, uploader_id, created_at';

function toAttachment(row: unknown): Attachment {
  const r = AttachmentRow.parse(row);
  return { id: r.id, caseNumber: r.case_number, name: r.name, contentType: r.content_type, size: r.size, uploaderId: r.uploader_id, createdAt: r.created_at };
}

/** pg hands bytea back as a Buffer, PGlite as a Uint8Array: both are Uint8Arrays. */
function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new Error('DB.BAD_ROW: case_attachment.bytes is not binary');
}

/** AttachmentStore on PostgreSQL (pg or PGlite); schema in migrations/100_attachments.sql. */
export class PgAttachmentStore implements AttachmentStore {
  constructor(private readonly db: Database) {}

  async stage(file: CheckedFile & { bytes: Uint8Array }): Promise<Attachment> {
    const result = await this.db.query(
      `INSERT INTO case_attachment (name, content_type, size, bytes) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [file.name, file.contentType, file.bytes.byteLength, file.bytes],
    );
    return toAttachment(result.rows[0]);
  }

  async staged(ids: readonly string[]): Promise<Attachment[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const result = await this.db.query(`SELECT ${COLUMNS} FROM case_attachment WHERE id = ANY($1::uuid[]) AND case_number IS NULL ORDER BY created_at, id`, [valid]);
    return result.rows.map(toAttachment);
  }

  async attach(caseNumber: string, ids: readonly string[], uploaderId: string, perCase: number): ReturnType<AttachmentStore['attach']> {
    const valid = [...new Set(ids.filter(isUuid))];
    return this.db.transaction(async (tx) => {
      // One attach at a time per case: the count and the link are one change.
      const found = await tx.query('SELECT number FROM portal_case WHERE number = $1 FOR UPDATE', [caseNumber]);
      if (found.rows.length === 0) return { ok: true as const, value: [] };
      const existing = await tx.query<{ n: unknown }>('SELECT count(*) AS n FROM case_attachment WHERE case_number = $1', [caseNumber]);
      const count = Number(existing.rows[0]?.n ?? 0);
      const waiting = valid.length === 0 ? [] : (await tx.query<{ id: string }>('SELECT id FROM case_attachment WHERE id = ANY($1::uuid[]) AND case_number IS NULL', [valid])).rows;
      if (count + waiting.length > perCase) return { ok: false as const, tooMany: { existing: count } };
      const linked =
        waiting.length === 0
          ? []
          : (
              await tx.query(
                `UPDATE case_attachment SET case_number = $1, uploader_id = $2, attached_at = now()
                  WHERE id = ANY($3::uuid[]) AND case_number IS NULL RETURNING ${COLUMNS}`,
                [caseNumber, isUuid(uploaderId) ? uploaderId : null, waiting.map((w) => w.id)],
              )
            ).rows.map(toAttachment);
      // Attaching again what is already on this case (a retried confirmation) is no change.
      const already = valid.length === 0 ? [] : (await tx.query(`SELECT ${COLUMNS} FROM case_attachment WHERE id = ANY($1::uuid[]) AND case_number = $2`, [valid, caseNumber])).rows.map(toAttachment);
      const byId = new Map([...already, ...linked].map((a) => [a.id, a]));
      return { ok: true as const, value: [...byId.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()) };
    });
  }

  async list(caseNumber: string): Promise<Attachment[]> {
    const result = await this.db.query(`SELECT ${COLUMNS} FROM case_attachment WHERE case_number = $1 ORDER BY created_at, id`, [caseNumber]);
    return result.rows.map(toAttachment);
  }

  async read(caseNumber: string, id: string): Promise<{ attachment: Attachment; bytes: Uint8Array } | undefined> {
    if (!isUuid(id)) return undefined;
    const result = await this.db.query<Record<string, unknown>>(`SELECT ${COLUMNS}, bytes FROM case_attachment WHERE case_number = $1 AND id = $2`, [caseNumber, id]);
    const row = result.rows[0];
    return row ? { attachment: toAttachment(row), bytes: bytesOf(row.bytes) } : undefined;
  }

  /** Removes staged files never attached, older than `before` (retention). Returns how many. */
  async removeStaged(before: Date): Promise<number> {
    const result = await this.db.query('DELETE FROM case_attachment WHERE case_number IS NULL AND created_at < $1', [before.toISOString()]);
    return result.rowCount;
  }
}
