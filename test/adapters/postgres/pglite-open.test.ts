import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate } from '../../../adapters/postgres/migrate.js';
import { copyFolder, PgliteDatabase } from '../../../adapters/postgres/pglite-database.js';

const PGLITE_WASM = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'pglite.wasm');

/** Every file below `dir`, relative, with its bytes. */
function files(dir: string, under = ''): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true })) {
    const path = join(under, entry.name);
    if (entry.isDirectory()) for (const [file, bytes] of files(dir, path)) found.set(file, bytes);
    else found.set(path, readFileSync(join(dir, path)));
  }
  return found;
}

describe('PgliteDatabase.open', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pglite-open-'));
  const template = join(dir, 'template');
  beforeAll(async () => {
    await PgliteDatabase.makeTemplate(template, async (db) => void (await migrate(db)));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  describe('when given PGlite\'s WebAssembly compiled ahead', () => {
    it('instantiates that module instead of compiling pglite.wasm again, and the new folder is the template\'s database', async () => {
      const compiled = await WebAssembly.compile(readFileSync(PGLITE_WASM));
      const instantiate = vi.spyOn(WebAssembly, 'instantiate');
      const db = await PgliteDatabase.open(join(dir, 'ahead'), { template, wasmModule: Promise.resolve(compiled) });
      try {
        expect(instantiate.mock.calls).toHaveLength(1);
        // The very object (toEqual would find any two modules alike).
        expect(instantiate.mock.calls[0]?.[0]).toBe(compiled);
        expect(Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations')).rows[0]?.n)).toBeGreaterThan(0);
      } finally {
        await db.close();
      }
    }, 60_000);

    it('compiles its own when the compile ahead failed or gave nothing', async () => {
      for (const [name, wasmModule] of [
        ['failed', () => Promise.reject(new Error('no module'))],
        ['nothing', () => Promise.resolve(undefined)],
      ] as const) {
        const db = await PgliteDatabase.open(join(dir, name), { template, wasmModule: wasmModule() });
        try {
          expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
        } finally {
          await db.close();
        }
      }
    }, 60_000);
  });

  describe('when a new folder is made from a template', () => {
    it('copies every file and folder of it, and reopens as the same database', async () => {
      const copy = join(dir, 'copy');
      const db = await PgliteDatabase.open(copy, { template });
      await db.close();
      // The copy as made (the open above has written to its own since).
      const again = join(dir, 'copy-again');
      await copyFolder(template, again);
      expect([...files(again).keys()].sort()).toEqual([...files(template).keys()].sort());
      for (const [file, bytes] of files(template)) expect(files(again).get(file)?.equals(bytes), file).toBe(true);
      const reopened = await PgliteDatabase.open(copy);
      try {
        expect(Number((await reopened.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations')).rows[0]?.n)).toBeGreaterThan(0);
      } finally {
        await reopened.close();
      }
    }, 60_000);

    it('copies nested folders, empty ones too, and fails on what is neither a file nor a folder', async () => {
      const from = join(dir, 'tree');
      mkdirSync(join(from, 'a', 'b'), { recursive: true });
      mkdirSync(join(from, 'empty'));
      writeFileSync(join(from, 'top'), 'top');
      writeFileSync(join(from, 'a', 'b', 'deep'), 'deep');
      const to = join(dir, 'tree-copy');
      await copyFolder(from, to);
      expect(readFileSync(join(to, 'a', 'b', 'deep'), 'utf8')).toBe('deep');
      expect(readFileSync(join(to, 'top'), 'utf8')).toBe('top');
      expect(statSync(join(to, 'empty')).isDirectory()).toBe(true);
      symlinkSync(join(from, 'top'), join(from, 'link'));
      await expect(copyFolder(from, join(dir, 'tree-copy-2'))).rejects.toThrow(/neither a file nor a folder/);
    });
  });
});
