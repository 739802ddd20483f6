import { fileTypeFromBuffer } from 'file-type';
import type { FileSniffer, SniffedType } from '../../portal/index.js';

/**
 * A file's kind from its content, by the file-type library's signatures (it looks inside ZIP
 * containers to tell Word, Excel and PowerPoint apart; OLE files are reported as `cfb`).
 */
export class FileTypeSniffer implements FileSniffer {
  async sniff(bytes: Uint8Array): Promise<SniffedType | undefined> {
    const found = await fileTypeFromBuffer(bytes);
    return found ? { ext: found.ext, mime: found.mime } : undefined;
  }
}
