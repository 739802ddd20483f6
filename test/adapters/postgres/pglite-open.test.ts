import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate } from '../../../adapters/postgres/migrate.js';
import { PGlite } from '@electric-sql/pglite';
import { canKeepRelcache, copyFolder, PgliteDatabase, RELCACHE_RECORD } from '../../../adapters/postgres/pglite-database.js';

const PGLITE_WASM = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'pglite.wasm');

/** Every file and folder below `path` in an Emscripten file system: its path, mode and size, and a file's bytes. */
function emscriptenTree(fs: any, path: string): string[] {
  const out: string[] = [];
  // Not /pglite/data: the database itself, another in each instance.
  for (const name of (fs.readdir(path) as string[]).filter((n) => n !== '.' && n !== '..' && `${path}/${n}` !== '/pglite/data').sort()) {
    const child = `${path}/${name}`;
    const stat = fs.stat(child);
    if (fs.isDir(stat.mode)) out.push(`${child}/ ${stat.mode.toString(8)}`, ...emscriptenTree(fs, child));
    else out.push(`${child} ${stat.mode.toString(8)} ${stat.size} ${Buffer.from(fs.readFile(child) as Uint8Array).toString('base64').slice(0, 64)}`);
  }
  return out;
}

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

  describe('when an existing folder is opened again', () => {
    const initFile = (folder: string) => statSync(join(folder, 'base', '5', 'pg_internal.init'));

    it('keeps PostgreSQL\'s relation cache init files of a clean shutdown instead of removing and building them again', async () => {
      const folder = join(dir, 'relcache');
      await (await PgliteDatabase.open(folder, { template })).close();
      // The first open of a folder this adapter has not recorded: PostgreSQL removes and rebuilds them.
      await (await PgliteDatabase.open(folder)).close();
      const before = initFile(folder);
      expect(canKeepRelcache(folder)).toBe(true);
      const db = await PgliteDatabase.open(folder);
      try {
        // The very file (a rebuilt one is a new file renamed into place).
        expect(initFile(folder).ino).toBe(before.ino);
        expect(initFile(folder).mtimeMs).toBe(before.mtimeMs);
        expect(Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM pg_class')).rows[0]?.n)).toBeGreaterThan(100);
        // After the start PostgreSQL's own removals happen again: a catalog change of a relation
        // described in the file (pg_class's own row) makes it stale, and it is removed.
        await db.exec('VACUUM pg_class');
        expect(() => initFile(folder)).toThrow(/ENOENT/);
      } finally {
        await db.close();
      }
      // The next start finds no file to keep and PostgreSQL builds it again (the removed file's inode
      // number may be reused by the new one, so its being there again is what tells).
      expect(canKeepRelcache(folder)).toBe(false);
      await (await PgliteDatabase.open(folder)).close();
      expect(initFile(folder).isFile()).toBe(true);
      expect(canKeepRelcache(folder)).toBe(true);
    }, 60_000);

    it('lets PostgreSQL rebuild them when they are not the files it recorded, another PGlite made them, or it did not shut down cleanly', () => {
      const folder = join(dir, 'relcache-fake');
      mkdirSync(join(folder, 'global'), { recursive: true });
      mkdirSync(join(folder, 'base', '5'), { recursive: true });
      const control = Buffer.alloc(64);
      control.writeUInt32LE(1, 16); // DB_SHUTDOWNED
      writeFileSync(join(folder, 'global', 'pg_control'), control);
      writeFileSync(join(folder, 'global', 'pg_internal.init'), 'g');
      writeFileSync(join(folder, 'base', '5', 'pg_internal.init'), 'b');
      const record = (files: string[], build?: string) => {
        const entries = Object.fromEntries(files.map((file) => [file, { size: statSync(join(folder, file)).size, mtimeMs: statSync(join(folder, file)).mtimeMs }]));
        const version = build ?? (JSON.parse(readFileSync(join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8')) as { version: string }).version;
        writeFileSync(join(folder, RELCACHE_RECORD), JSON.stringify({ build: version, files: entries }));
      };
      const both = ['base/5/pg_internal.init', 'global/pg_internal.init'];
      expect(canKeepRelcache(folder)).toBe(false); // no record
      record(both);
      expect(canKeepRelcache(folder)).toBe(true);
      record(both, '0.0.1');
      expect(canKeepRelcache(folder)).toBe(false);
      record(['global/pg_internal.init']);
      expect(canKeepRelcache(folder)).toBe(false); // a file the record does not know
      record(both);
      writeFileSync(join(folder, 'base', '5', 'pg_internal.init'), 'changed');
      expect(canKeepRelcache(folder)).toBe(false);
      record(both);
      control.writeUInt32LE(6, 16); // DB_IN_PRODUCTION: stopped without a shutdown, WAL to replay
      writeFileSync(join(folder, 'global', 'pg_control'), control);
      expect(canKeepRelcache(folder)).toBe(false);
    });
  });

  describe('PGlite\'s own files (pglite.data)', () => {
    it('are made in its in-memory file system exactly as PGlite makes them', async () => {
      await copyFolder(template, join(dir, 'plain'));
      const plain = await PGlite.create(join(dir, 'plain'));
      const ours = await PgliteDatabase.open(join(dir, 'ours'), { template });
      try {
        const expected = emscriptenTree(plain.Module.FS, '/pglite');
        expect(expected.length).toBeGreaterThan(700);
        expect(emscriptenTree(ours.db.Module.FS, '/pglite')).toEqual(expected);
        expect(emscriptenTree(ours.db.Module.FS, '/home')).toEqual(emscriptenTree(plain.Module.FS, '/home'));
        // A time zone file read by PostgreSQL.
        await ours.exec("SET TIME ZONE 'Europe/Copenhagen'");
        expect((await ours.query<{ tz: string }>("SELECT to_char(timestamptz '2026-07-01 12:00:00+00', 'HH24 TZ') AS tz")).rows[0]?.tz).toBe('14 CEST');
      } finally {
        await plain.close();
        await ours.close();
      }
    }, 60_000);
  });
});
