import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../adapters/http/agent-api.js';
import { checkFile, DEFAULT_ATTACHMENT_POLICY, isPlainText, kindOf, safeFileName, type FileSniffer } from '../../portal/index.js';

/** A sniffer that has seen nothing: only text can pass. */
const blind: FileSniffer = { sniff: () => Promise.resolve(undefined) };

describe('attachment rules', () => {
  describe('when a file name comes from a user', () => {
    const cases: [string, string][] = [
      ['skærmbillede.png', 'skærmbillede.png'],
      ['C:\\Users\\anna\\Desktop\\faktura.pdf', 'faktura.pdf'],
      ['../../etc/passwd', 'passwd'],
      ['a"b<c>d:e|f?g*h;.txt', 'abcdefgh.txt'],
      ['\u0000\u001f.hidden', 'hidden'],
      ['   ', 'fil'],
      [`${'x'.repeat(300)}.docx`, `${'x'.repeat(115)}.docx`],
    ];
    it.each(cases)('%j is stored as %j', (given, stored) => {
      expect(safeFileName(given)).toBe(stored);
    });

    it('offers it for download with an ASCII fallback and the real name encoded', () => {
      expect(contentDisposition('skærm billede.png')).toBe(`attachment; filename="skaerm billede.png"; filename*=UTF-8''sk%C3%A6rm%20billede.png`);
      expect(contentDisposition('a"b.pdf')).toContain('filename="a_b.pdf"');
    });
  });

  describe('when a file has no signature', () => {
    it('takes UTF-8 text without NULs as .txt or .csv only, never another name', () => {
      const text = new TextEncoder().encode('dato;beløb\n');
      expect(kindOf(undefined, 'a.csv', text)).toBe('csv');
      expect(kindOf(undefined, 'a.txt', text)).toBe('txt');
      expect(kindOf(undefined, 'a.pdf', text)).toBeUndefined();
      expect(isPlainText(new Uint8Array([0x41, 0x00, 0x42]))).toBe(false);
      expect(isPlainText(new Uint8Array([0xc3, 0x28]))).toBe(false);
    });

    it('takes legacy Office files (OLE containers) only under a .doc or .xls name', () => {
      const cfb = { ext: 'cfb', mime: 'application/x-cfb' };
      expect(kindOf(cfb, 'notat.doc', new Uint8Array(8))).toBe('doc');
      expect(kindOf(cfb, 'ark.xls', new Uint8Array(8))).toBe('xls');
      expect(kindOf(cfb, 'installer.msi', new Uint8Array(8))).toBeUndefined();
    });
  });

  describe('when a kind is not in the policy', () => {
    it('refuses it with the kinds allowed, in Danish and English', async () => {
      const refused = await checkFile({ name: 'a.csv', bytes: new TextEncoder().encode('x') }, { ...DEFAULT_ATTACHMENT_POLICY, kinds: ['pdf'] }, blind);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.message.da).toBe('Filen a.csv kan ikke vedhæftes: dens indhold er ikke en af de tilladte filtyper (PDF).');
      expect(!refused.ok && refused.error.message.en).toContain('(PDF)');
    });
  });
});
