import { describe, expect, it } from 'vitest';
import { FileTypeSniffer } from '../../../adapters/files/file-type-sniffer.js';
import { PgAttachmentStore } from '../../../adapters/postgres/pg-attachment-store.js';
import { PgCaseStore } from '../../../adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from '../../../adapters/postgres/pg-directory-store.js';
import { DEMO_CASES, PortalService, seedDemoData } from '../../../portal/index.js';
import { createTestDatabase, DATABASE_KINDS } from '../../support/database.js';
import { sampleFiles } from '../../support/files.js';

const ANNA = 'anna@eksempelstyrelsen.dk';

async function world(kind: (typeof DATABASE_KINDS)[number], policy = { maxBytes: 10 * 1024 * 1024, perCase: 5 }) {
  const t = await createTestDatabase(kind);
  const directory = new PgDirectoryStore(t.db);
  const cases = new PgCaseStore(t.db);
  await seedDemoData(directory, cases);
  const store = new PgAttachmentStore(t.db);
  const portal = new PortalService({ cases, directory, attachments: { store, sniffer: new FileTypeSniffer(), policy: { ...policy, kinds: ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'txt', 'csv'] } } });
  const anna = await directory.getUserByEmail(ANNA);
  if (!anna) throw new Error('no anna');
  const own = (await cases.listVisible({ userId: anna.id, mailboxIds: [] }, { limit: 100 })).items[0];
  if (!own) throw new Error('anna has no case');
  const others = (await cases.search({}, { limit: 100 })).items.find((c) => c.requesterId !== anna.id && c.sentFromId !== anna.id);
  if (!others) throw new Error('no other case');
  return { t, db: t.db, store, portal, anna, own: own.number, other: others.number };
}

describe.each(DATABASE_KINDS)('attachments on %s', (kind) => {
  describe('when a PNG and a PDF are staged and attached', () => {
    it('keeps the bytes exactly and lists them on the case', async () => {
      const w = await world(kind);
      try {
        const files = sampleFiles();
        const png = await w.portal.stageFile({ name: 'skærmbillede.png', bytes: files.png });
        const pdf = await w.portal.stageFile({ name: 'afvisning.pdf', bytes: files.pdf });
        if (!png.ok || !pdf.ok) throw new Error('refused');
        expect(png.value).toMatchObject({ contentType: 'image/png', size: files.png.byteLength, caseNumber: null, uploaderId: null });
        const attached = await w.portal.attachFiles(w.anna.id, w.own, [png.value.id, pdf.value.id]);
        expect(attached.ok && attached.value.map((a) => a.name)).toEqual(['skærmbillede.png', 'afvisning.pdf']);
        const listed = await w.portal.attachmentsFor(w.anna.id, w.own);
        expect(listed.ok && listed.value.map((a) => [a.name, a.contentType, a.uploaderId])).toEqual([
          ['skærmbillede.png', 'image/png', w.anna.id],
          ['afvisning.pdf', 'application/pdf', w.anna.id],
        ]);
        const read = await w.store.read(w.own, pdf.value.id);
        expect(Buffer.from(read?.bytes ?? []).equals(Buffer.from(files.pdf))).toBe(true);
        // Attaching the same again (a retried confirmation) changes nothing.
        const again = await w.portal.attachFiles(w.anna.id, w.own, [png.value.id]);
        expect(again.ok && again.value.length).toBe(1);
        expect((await w.store.list(w.own)).length).toBe(2);
        // Nothing of it is read through another case's number.
        expect(await w.store.read(w.other, pdf.value.id)).toBeUndefined();
      } finally {
        await w.t.dispose();
      }
    });
  });

  describe('when a file is not an allowed kind by its content', () => {
    it('refuses an executable named .pdf and stores nothing', async () => {
      const w = await world(kind);
      try {
        const files = sampleFiles();
        const exe = await w.portal.stageFile({ name: 'faktura.pdf', bytes: files.exe });
        expect(exe.ok).toBe(false);
        expect(!exe.ok && exe.error.code).toBe('ATTACHMENT.TYPE_NOT_ALLOWED');
        expect(!exe.ok && exe.error.message.da).toContain('faktura.pdf');
        const binaryTxt = await w.portal.stageFile({ name: 'noter.txt', bytes: files.exe });
        expect(binaryTxt.ok).toBe(false);
        const { rows } = await w.db.query<{ n: unknown }>('SELECT count(*) AS n FROM case_attachment');
        expect(Number(rows[0]?.n)).toBe(0);
      } finally {
        await w.t.dispose();
      }
    });

    it('accepts text and CSV that are UTF-8 without NULs, and Office documents by their content', async () => {
      const w = await world(kind);
      try {
        const files = sampleFiles();
        const csv = await w.portal.stageFile({ name: 'bilag.csv', bytes: new TextEncoder().encode('dato;beløb\n2026-12-01;1250,50\n') });
        expect(csv.ok && csv.value.contentType).toBe('text/csv; charset=utf-8');
        const docx = await w.portal.stageFile({ name: 'notat.docx', bytes: files.docx });
        expect(docx.ok && docx.value.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        // A PNG named .txt is stored as what it is.
        const png = await w.portal.stageFile({ name: 'billede.txt', bytes: files.png });
        expect(png.ok && png.value.contentType).toBe('image/png');
      } finally {
        await w.t.dispose();
      }
    });
  });

  describe('when the limits are reached', () => {
    it('refuses a file over the size limit and a sixth file on a case', async () => {
      const w = await world(kind, { maxBytes: 2048, perCase: 2 });
      try {
        const big = await w.portal.stageFile({ name: 'stor.txt', bytes: new Uint8Array(2049).fill(65) });
        expect(!big.ok && big.error.code).toBe('ATTACHMENT.TOO_LARGE');
        const ids: string[] = [];
        for (const n of [1, 2, 3]) {
          const staged = await w.portal.stageFile({ name: `f${n}.txt`, bytes: new TextEncoder().encode(`fil ${n}`) });
          if (staged.ok) ids.push(staged.value.id);
        }
        const tooMany = await w.portal.attachFiles(w.anna.id, w.own, ids);
        expect(!tooMany.ok && tooMany.error.code).toBe('ATTACHMENT.TOO_MANY');
        expect((await w.store.list(w.own)).length).toBe(0);
        expect((await w.portal.attachFiles(w.anna.id, w.own, ids.slice(0, 2))).ok).toBe(true);
        const third = await w.portal.attachFiles(w.anna.id, w.own, ids.slice(2));
        expect(!third.ok && third.error.message.da).toContain('højst 2 filer');
      } finally {
        await w.t.dispose();
      }
    });
  });

  describe('when the user may not see the case', () => {
    it('attaches nothing and says the case is not visible', async () => {
      const w = await world(kind);
      try {
        const staged = await w.portal.stageFile({ name: 'a.png', bytes: sampleFiles().png });
        if (!staged.ok) throw new Error('refused');
        const denied = await w.portal.attachFiles(w.anna.id, w.other, [staged.value.id]);
        expect(!denied.ok && denied.error.code).toBe('CASE.NOT_VISIBLE');
        expect(await w.store.list(w.other)).toEqual([]);
        expect(DEMO_CASES.length).toBeGreaterThan(1);
      } finally {
        await w.t.dispose();
      }
    });
  });
});
