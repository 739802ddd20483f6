import type { FileSniffer, SniffedType } from '../../portal/index.js';

/**
 * A file's kind from its content, by the file-type library's signatures (it looks inside ZIP
 * containers to tell Word, Excel and PowerPoint apart; OLE files are reported as `cfb`).
 */
export class FileTypeSniffer implements FileSniffer {
  async sniff(bytes: Uint8Array): Promise<SniffedType | undefined> {
    // Loaded at the first file rather than at start (≈60 ms of a start, for a feature used now and then).
    const { fileTypeFromBuffer } = await import('file-type');
    const found = await fileTypeFromBuffer(bytes);
    return found ? { ext: found.ext, mime: found.mime } : undefined;
  }
}
