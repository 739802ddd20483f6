import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../../adapters/postgres/pglite-database.js';
import { readMigrations } from '../../adapters/postgres/migrate.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** `node scripts/start.mjs` (what `npm start` runs) until it listens: its URL, and a stop. */
async function start(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /kører: (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`start.mjs exited with ${code}: ${out.slice(-500)}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function isFresh(): Promise<boolean> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "import('./scripts/start.mjs').then((m) => process.stdout.write(String(m.isFresh())))"], { cwd: ROOT });
  return stdout === 'true';
}

describe('npm start (scripts/start.mjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-'));
  const cache = join(dir, 'cache');
  beforeAll(async () => {
    await run(process.execPath, ['scripts/start.mjs', '--build-only'], { cwd: ROOT, timeout: 120_000 });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('the build', () => {
    it('lists every module of the assistant it bundled, and is stale once one of them changes', async () => {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/build-manifest.json'), 'utf8')) as { inputs: Record<string, unknown> };
      for (const file of ['main.ts', 'config.ts', 'bot/recognizer.ts', 'knowledge/loader.ts', 'adapters/postgres/pglite-database.ts', 'package-lock.json']) {
        expect(Object.keys(manifest.inputs)).toContain(file);
      }
      expect(await isFresh()).toBe(true);
      const file = join(ROOT, 'knowledge/loader.ts');
      const { atime, mtime } = statSync(file);
      try {
        utimesSync(file, atime, new Date(mtime.getTime() + 5_000));
        expect(await isFresh()).toBe(false);
      } finally {
        utimesSync(file, atime, mtime);
      }
      expect(await isFresh()).toBe(true);
    }, 60_000);

    it("bundles PGlite with no dynamic import of node's modules left (a script run from a code cache has no dynamic-import callback in Node 20)", () => {
      const bundle = readFileSync(join(ROOT, 'dist/main.cjs'), 'latin1');
      // PGlite's own JavaScript, finding pglite.wasm and pglite.data beside its own files (not the bundle's).
      expect(bundle).toMatch(/new URL\("[^"]*@electric-sql\/pglite\/dist\/[^"]+\.js",__bundleUrl\)/);
      expect(bundle.match(/\bimport\((["'])[^"']+\1\)/g) ?? []).toEqual([]);
    });
  });

  describe('on new data folders', () => {
    it('is ready from the bundle (articles, migrations, training data and web chat page found), the second folder a copy of the cached template', async () => {
      for (const folder of ['a', 'b']) {
        const assistant = await start({ DATA_DIR: join(dir, folder), CACHE_DIR: cache, DEMO_MODE: 'true' });
        try {
          expect((await fetch(`${assistant.url}/readyz`)).status).toBe(200);
          const page = await fetch(`${assistant.url}/`);
          expect(page.status).toBe(200);
          expect(await page.text()).toContain('<html');
        } finally {
          await assistant.stop();
        }
      }
      const templates = readdirSync(cache).filter((entry) => entry.startsWith('pglite-template-'));
      expect(templates).toHaveLength(1);
      // Every folder is migrated and seeded on its own; the template holds the schema and nothing else.
      const latest = Math.max(...readMigrations().map((m) => m.version));
      for (const folder of ['a', 'b']) {
        const db = await PgliteDatabase.open(join(dir, folder));
        try {
          expect((await db.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v).toBe(latest);
          expect(Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM portal_user')).rows[0]?.n)).toBeGreaterThan(0);
        } finally {
          await db.close();
        }
      }
      const copy = join(dir, 'template-copy');
      cpSync(join(cache, templates[0] ?? ''), copy, { recursive: true });
      const template = await PgliteDatabase.open(copy);
      try {
        expect((await template.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v).toBe(latest);
        expect(Number((await template.query<{ n: string }>('SELECT count(*) AS n FROM portal_user')).rows[0]?.n)).toBe(0);
        // Made small to copy: 1 MB WAL segments, and only the database PGlite uses.
        expect((await template.query<{ datname: string }>('SELECT datname FROM pg_database ORDER BY datname')).rows.map((r) => r.datname)).toEqual(['postgres']);
        expect((await template.query<{ wal_segment_size: string }>('SHOW wal_segment_size')).rows[0]?.wal_segment_size).toBe('1MB');
      } finally {
        await template.close();
      }
      expect(existsSync(join(cache, templates[0] ?? '', 'PG_VERSION'))).toBe(true);
    }, 180_000);
  });

  describe("PGlite's WebAssembly", () => {
    it('is compiled on a worker thread for the embedded database, and not at all for PostgreSQL', async () => {
      // Plain JavaScript without declarations: imported by a path the compiler does not follow.
      const startScript = pathToFileURL(join(ROOT, 'scripts/start.mjs')).href;
      const { compilePglite } = (await import(startScript)) as { compilePglite: (env: Record<string, string | undefined>) => Promise<WebAssembly.Module | undefined> | undefined };
      const compiled = await compilePglite({ DATABASE_URL: '' });
      expect(compiled).toBeInstanceOf(WebAssembly.Module);
      expect(WebAssembly.Module.exports(compiled as WebAssembly.Module).map((e) => e.name)).toContain('PostgresMainLoopOnce');
      expect(compilePglite({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' })).toBeUndefined();
    }, 60_000);
  });

  describe('the code cache', () => {
    // A bundle of 300 functions, each run once (as module bodies are), loaded as start.mjs loads
    // the assistant's, in a process of its own where V8 flushes the bytecode of every function not
    // running at each full collection (`--stress-flush-code`: what ageing does to run-once code in
    // a long first start: initdb, training, indexing). The cache is written after a collection.
    const cacheSize = async (steps: 'plain' | 'start' | 'settled'): Promise<number> => {
      const out = mkdtempSync(join(tmpdir(), 'code-cache-'));
      try {
        const functions = Array.from({ length: 300 }, (_, i) => `function f${i}(n) { const a = []; for (let j = 0; j < n; j++) a.push(j * ${i} + n); return a.length; }`);
        const calls = Array.from({ length: 300 }, (_, i) => `t += f${i}(3);`);
        writeFileSync(join(out, 'main.cjs'), `${functions.join('\n')}\nlet t = 0;\n${calls.join('\n')}\nmodule.exports.t = t;\n`);
        const probe = `
          const start = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'scripts/start.mjs')).href)});
          if (${JSON.stringify(steps)} !== 'plain') start.beginStart();
          if (${JSON.stringify(steps)} === 'settled') start.settle();
          const bundle = start.load('probe');
          gc();
          bundle.saveCodeCache();
          const { readdirSync, statSync } = await import('node:fs');
          const file = readdirSync(${JSON.stringify(out)}).find((name) => name.endsWith('.code-cache'));
          process.stdout.write(String(statSync(${JSON.stringify(out)} + '/' + file).size));`;
        const { stdout } = await run(process.execPath, ['--expose-gc', '--stress-flush-code', '--input-type=module', '-e', probe], {
          cwd: ROOT,
          env: { ...process.env, START_BUILD_DIR: out },
        });
        return Number(stdout);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    };

    it('holds every function the start ran, however many collections came before it is written; flushing is on again after', async () => {
      const [plain, start, settled] = [await cacheSize('plain'), await cacheSize('start'), await cacheSize('settled')];
      // The 300 functions' bytecode is most of the cache: with it the cache is several times larger.
      expect(start).toBeGreaterThan(plain * 3);
      expect(settled).toBeLessThan(start / 3);
    }, 60_000);
  });

  describe("botbuilder-dialogs' text recognizers", () => {
    // What the stand-ins give botbuilder-dialogs, run in a process of its own: which recognizer
    // packages node has loaded after loading botbuilder-dialogs, the culture names its prompts read
    // at load, a choice recognised by ordinal and by number (both through the recognizers), and
    // which packages are loaded after that.
    const probe = `
      const loaded = () => Object.keys(require.cache).filter((file) => /recognizers-text-(number|date-time|choice|suite)/.test(file)).length > 0;
      const dialogs = require(process.argv[1]);
      const before = loaded();
      const cultures = dialogs.PromptCultureModels.getSupportedCultures().map((culture) => culture.locale);
      const choices = [dialogs.recognizeChoices('the second one', ['rød', 'grøn', 'blå']), dialogs.recognizeChoices('3', ['rød', 'grøn', 'blå'])];
      process.stdout.write(JSON.stringify({ before, cultures, choices, after: loaded() }));
    `;
    const runProbe = async (module: string) => JSON.parse((await run(process.execPath, ['-e', probe, module], { cwd: ROOT })).stdout) as { before: boolean; cultures: string[]; choices: unknown; after: boolean };

    it('are loaded on first use, and answer as when loaded by node', async () => {
      // Plain JavaScript without declarations: imported by a path the compiler does not follow.
      const startScript = pathToFileURL(join(ROOT, 'scripts/start.mjs')).href;
      const { lazyRecognizers } = (await import(startScript)) as { lazyRecognizers: (outDir: string) => unknown };
      const esbuild = await import('esbuild');
      const out = join(ROOT, 'dist', `test-recognizers-${process.pid}`);
      try {
        await esbuild.build({
          absWorkingDir: ROOT,
          stdin: { contents: "module.exports = require('botbuilder-dialogs');", resolveDir: ROOT, loader: 'js' },
          bundle: true,
          platform: 'node',
          format: 'cjs',
          outfile: join(out, 'dialogs.cjs'),
          logLevel: 'error',
          plugins: [lazyRecognizers(out) as never],
        });
        const bundled = await runProbe(join(out, 'dialogs.cjs'));
        const plain = await runProbe('botbuilder-dialogs');
        expect(plain.before).toBe(true);
        expect(bundled.before).toBe(false);
        expect(bundled.cultures).toEqual(plain.cultures);
        expect(bundled.cultures).toContain('en-us');
        expect(bundled.choices).toEqual(plain.choices);
        expect(bundled.after).toBe(true);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }, 60_000);
  });
});
