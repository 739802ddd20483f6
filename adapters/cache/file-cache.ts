/**
 * The start-up cache: what a start made and the next can reuse (the trained intent classifier, the
 * knowledge index, a migrated empty embedded database), each stored under a hash of everything it
 * was made from — its input data and the source of the code that made it — so a changed article,
 * utterance or analysis module is a miss, never a stale hit. Entries are written beside and renamed
 * into place (two processes starting at once never read half a file); a write that fails (a
 * read-only folder) only costs the next start the work again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export class FileCache {
  /** `dir` undefined: every read misses and writes do nothing. */
  constructor(readonly dir: string | undefined) {}

  /** The stored bytes of `name` under `key`, or undefined. */
  read(name: string, key: string): Buffer | undefined {
    if (!this.dir) return undefined;
    try {
      return readFileSync(this.path(name, key));
    } catch {
      return undefined;
    }
  }

  /** Stores `data` as `name` under `key` and drops `name`'s entries under other keys. False when it could not. */
  write(name: string, key: string, data: string | Uint8Array): boolean {
    if (!this.dir) return false;
    const target = this.path(name, key);
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, data);
      renameSync(temporary, target);
      this.dropOthers(name, key);
      return true;
    } catch {
      rmSync(temporary, { force: true });
      return false;
    }
  }

  /** Where `name` under `key` is kept (a file or, for {@link FileCache.directory}, a folder). */
  path(name: string, key: string): string {
    return join(this.dir ?? '', `${name}-${key}`);
  }

  /**
   * A folder entry: the path of `name` under `key` when it exists, else `make(temporaryFolder)`
   * fills a temporary folder that is then renamed into place. Undefined when the cache is off or
   * the folder could not be made (the caller then does without).
   */
  async directory(name: string, key: string, make: (folder: string) => Promise<void>): Promise<string | undefined> {
    if (!this.dir) return undefined;
    const target = this.path(name, key);
    if (isDirectory(target)) return target;
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      rmSync(temporary, { recursive: true, force: true });
      await make(temporary);
      try {
        renameSync(temporary, target);
      } catch (error: unknown) {
        // Another process made it first: theirs is as good as ours.
        if (!isDirectory(target)) throw error;
        rmSync(temporary, { recursive: true, force: true });
      }
      this.dropOthers(name, key);
      return target;
    } catch {
      rmSync(temporary, { recursive: true, force: true });
      return undefined;
    }
  }

  private dropOthers(name: string, key: string): void {
    if (!this.dir) return;
    const keep = `${name}-${key}`;
    for (const entry of readdirSync(this.dir)) {
      if (entry.startsWith(`${name}-`) && entry !== keep && !entry.endsWith('.tmp') && /^[0-9a-f]{32}$/.test(entry.slice(name.length + 1))) {
        rmSync(join(this.dir, entry), { recursive: true, force: true });
      }
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A cache key: the first 128 bits of the SHA-256 of the parts (each length-prefixed, so parts cannot run together). */
export function cacheKey(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * A hash of the source of the code that makes a cached thing: every file under `paths` (folders
 * recursively; test and cache folders are not code), names relative to `root` and contents. A
 * changed line in any of them is a different fingerprint.
 */
export function sourceFingerprint(root: string, paths: readonly string[]): string {
  const files: string[] = [];
  const walk = (path: string): void => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      files.push(path);
      return;
    }
    for (const entry of entries) walk(join(path, entry.name));
  };
  for (const path of paths) walk(join(root, path));
  files.sort();
  const parts: (string | Uint8Array)[] = [];
  for (const file of files) {
    parts.push(relative(root, file));
    try {
      parts.push(readFileSync(file));
    } catch {
      parts.push('(missing)');
    }
  }
  return cacheKey(...parts);
}
