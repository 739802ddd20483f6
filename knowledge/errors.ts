/** Error codes of the knowledge component (`AREA.REASON`). */
export type KnowledgeErrorCode = 'KB.BAD_ARTICLE' | 'KB.BAD_SOURCE' | 'KB.BAD_LEXICON' | 'KB.BAD_INDEX';

/**
 * A broken invariant or unusable input in the knowledge component. Loaders throw it with the file
 * (and line or field) at fault so that a bad article fails fast and says where.
 */
export class KnowledgeError extends Error {
  readonly code: KnowledgeErrorCode;
  readonly file: string | undefined;

  constructor(code: KnowledgeErrorCode, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(`${code}: ${message}`, { cause: options.cause });
    this.name = 'KnowledgeError';
    this.code = code;
    this.file = options.file;
  }
}
