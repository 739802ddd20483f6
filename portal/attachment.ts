/**
 * Files attached to cases (issue 16): which kinds are allowed, judged by their content and never
 * by the name alone; how big; how many a case. Pure rules: the content is recognised by a
 * {@link FileSniffer} (an adapter around a well-kept library), the bytes are kept by an
 * {@link AttachmentStore}.
 */
import type { Localized } from './text.js';

/** The kinds of file a case may carry. */
export const ATTACHMENT_KINDS = ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'txt', 'csv'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The Content-Type each kind is stored and served with. */
export const ATTACHMENT_CONTENT_TYPES: Readonly<Record<AttachmentKind, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** The limits and kinds, from the settings. */
export interface AttachmentPolicy {
  /** Largest file, in bytes. Default 10 MB. */
  maxBytes: number;
  /** Most files on one case. Default 5. */
  perCase: number;
  /** The kinds accepted. Default all of {@link ATTACHMENT_KINDS}. */
  kinds: readonly AttachmentKind[];
}

export const DEFAULT_ATTACHMENT_POLICY: AttachmentPolicy = { maxBytes: 10 * 1024 * 1024, perCase: 5, kinds: ATTACHMENT_KINDS };

/** What the content of a file turned out to be (file-type's answer), or undefined when it has no known signature. */
export interface SniffedType {
  ext: string;
  mime: string;
}

/** Recognises a file's kind from its first bytes (the port; adapters/files implements it with file-type). */
export interface FileSniffer {
  sniff(bytes: Uint8Array): Promise<SniffedType | undefined>;
}

/** A file as it arrived: the name the user gave it and its bytes. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** A file that may be stored: its cleaned name, its kind and the type it is served with. */
export interface CheckedFile {
  name: string;
  kind: AttachmentKind;
  contentType: string;
  size: number;
}

export type FileRefusal = { code: 'ATTACHMENT.TOO_LARGE' | 'ATTACHMENT.EMPTY' | 'ATTACHMENT.TYPE_NOT_ALLOWED'; message: Localized };

const MAX_NAME = 120;

/**
 * The name a file is stored and offered under: no folders, no control characters or characters
 * that mean something in a path or a header, at most 120 characters with the extension kept.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F-\u009F"<>:|?*;\\]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (cleaned.length > MAX_NAME) {
    const dot = cleaned.lastIndexOf('.');
    const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
    cleaned = `${cleaned.slice(0, MAX_NAME - ext.length).trimEnd()}${ext}`;
  }
  return cleaned || 'fil';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Text without a signature: valid UTF-8 with no NUL (a binary file renamed .txt is neither, as a rule). */
export function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The kind a file's content shows, given what the sniffer saw and the name (for text and legacy Office only). */
export function kindOf(sniffed: SniffedType | undefined, name: string, bytes: Uint8Array): AttachmentKind | undefined {
  const ext = extensionOf(name);
  if (sniffed) {
    switch (sniffed.ext) {
      case 'pdf':
      case 'png':
      case 'docx':
      case 'xlsx':
      case 'pptx':
        return sniffed.ext;
      case 'jpg':
        return 'jpeg';
      // Legacy Office files are OLE compound files: the container is recognised, the name says which.
      case 'cfb':
        return ext === 'doc' ? 'doc' : ext === 'xls' ? 'xls' : undefined;
      default:
        return undefined;
    }
  }
  if ((ext === 'txt' || ext === 'csv') && isPlainText(bytes)) return ext;
  return undefined;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1).replace('.', ',');
}

/** What the user is told the allowed kinds are, in words. */
export function allowedKindsText(kinds: readonly AttachmentKind[]): Localized {
  const names: Record<AttachmentKind, string> = { pdf: 'PDF', png: 'PNG', jpeg: 'JPEG', docx: 'Word', xlsx: 'Excel', pptx: 'PowerPoint', doc: 'Word', xls: 'Excel', txt: 'tekst (.txt)', csv: 'CSV' };
  const list = [...new Set(kinds.map((k) => names[k]))];
  const join = (and: string) => (list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} ${and} ${list[list.length - 1]}`);
  return { da: join('og'), en: join('and').replace('tekst', 'text') };
}

/** Checks a file against the policy: size first (nothing is read of a file that is too big), then its content. */
export async function checkFile(file: IncomingFile, policy: AttachmentPolicy, sniffer: FileSniffer): Promise<{ ok: true; value: CheckedFile } | { ok: false; error: FileRefusal }> {
  const name = safeFileName(file.name);
  const size = file.bytes.byteLength;
  if (size === 0) {
    return { ok: false, error: { code: 'ATTACHMENT.EMPTY', message: { da: `Filen ${name} er tom.`, en: `The file ${name} is empty.` } } };
  }
  if (size > policy.maxBytes) {
    return {
      ok: false,
      error: {
        code: 'ATTACHMENT.TOO_LARGE',
        message: { da: `Filen ${name} er for stor: en fil må højst fylde ${megabytes(policy.maxBytes)} MB.`, en: `The file ${name} is too large: a file may be at most ${megabytes(policy.maxBytes)} MB.` },
      },
    };
  }
  const kind = kindOf(await sniffer.sniff(file.bytes), name, file.bytes);
  if (!kind || !policy.kinds.includes(kind)) {
    const allowed = allowedKindsText(policy.kinds);
    return {
      ok: false,
      error: {
        code: 'ATTACHMENT.TYPE_NOT_ALLOWED',
        message: {
          da: `Filen ${name} kan ikke vedhæftes: dens indhold er ikke en af de tilladte filtyper (${allowed.da}).`,
          en: `The file ${name} cannot be attached: its content is not one of the allowed file types (${allowed.en}).`,
        },
      },
    };
  }
  return { ok: true, value: { name, kind, contentType: ATTACHMENT_CONTENT_TYPES[kind], size } };
}

/** A file stored for a case (or staged, waiting to be attached: `caseNumber` null). */
export interface Attachment {
  id: string;
  caseNumber: string | null;
  name: string;
  contentType: string;
  size: number;
  /** The portal user who attached it (null while staged). */
  uploaderId: string | null;
  createdAt: Date;
}

/** "skaermbillede.png (12 kB)". */
export function describeAttachment(a: Pick<Attachment, 'name' | 'size'>, lang: 'da' | 'en'): string {
  const kb = a.size / 1024;
  const size = kb < 1024 ? `${Math.max(1, Math.round(kb))} kB` : `${(kb / 1024).toFixed(1)} MB`;
  return `${a.name} (${lang === 'da' ? size.replace('.', ',') : size})`;
}

/** Where attached files are kept (the port; adapters/postgres implements it). */
export interface AttachmentStore {
  /** Keeps a checked file, not yet on any case; returns its metadata. */
  stage(file: CheckedFile & { bytes: Uint8Array }): Promise<Attachment>;
  /** Staged files by id (unknown or already attached ids are left out). */
  staged(ids: readonly string[]): Promise<Attachment[]>;
  /**
   * Links staged files to a case, as one change: refused with `tooMany` when the case would then
   * carry more than `perCase` files. Files already on this case are counted once and kept.
   */
  attach(caseNumber: string, ids: readonly string[], uploaderId: string, perCase: number): Promise<{ ok: true; value: Attachment[] } | { ok: false; tooMany: { existing: number } }>;
  /** The case's files, oldest first. */
  list(caseNumber: string): Promise<Attachment[]>;
  /** One file of a case with its bytes. */
  read(caseNumber: string, id: string): Promise<{ attachment: Attachment; bytes: Uint8Array } | undefined>;
}
