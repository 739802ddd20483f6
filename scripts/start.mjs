// `npm start`: builds the assistant once and runs the build with plain node.
//
// The build: esbuild bundles main.ts with every module it imports, node_modules included, into one
// CommonJS file, dist/main.cjs. Loading one file instead of ≈1,800 (resolving, reading and
// compiling each, and the ESM loader's scan of every CommonJS package for its exports) is most of
// what a start saved; the rest is V8's code cache: the bundle is compiled with the bytecode a
// previous start of the same bundle left beside it (dist/main.cjs.<hash>.code-cache, written once
// after the first start of a build is ready), instead of parsing and compiling 10 MB again.
//
// The build is a no-op when nothing it was made from changed: dist/build-manifest.json lists every
// source file with its size and modification time, and a start stats them (about 150 files, a few
// milliseconds). node_modules is covered by npm's record of what it installed
// (node_modules/.package-lock.json) and package-lock.json. `npm run build` forces a build.
//
// `npm start` runs this file as `node --min-semi-space-size=16 scripts/start.mjs`: V8's young
// generation starts at the 16 MB a semi-space it grows to anyway (its maximum on 64-bit), instead of
// growing there through a scavenge every MB or two while the bundle's ≈50 MB of objects are made
// (15 scavenges and 2 full collections until ready → 6 and 1; ≈140–170 ms less of the main
// thread). V8 sizes it when the isolate is made, so it cannot be set from here.
//
// Plain JavaScript run by node: this file cannot itself need a build.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// START_BUILD_DIR (under the project, so the bundle finds node_modules): another build folder,
// for bench:startup's first-start runs. Default dist/.
const OUT_DIR = process.env.START_BUILD_DIR ? resolve(ROOT, process.env.START_BUILD_DIR) : join(ROOT, 'dist');
const BUNDLE = join(OUT_DIR, 'main.cjs');
const MANIFEST = join(OUT_DIR, 'build-manifest.json');
const MANIFEST_VERSION = 2;
/**
 * V8's old generation grows to 1.2× what the last full collection kept, not to as much as 4× (its
 * default for a small heap on a machine with memory to spare): the garbage of a burst of turns is
 * collected as it comes instead of being kept resident (after 1,000 turns on the embedded database
 * ≈290–300 MB instead of ≈315–360 MB), for ≈0.3–0.6 ms more CPU a turn in full collections.
 * Set once the assistant is ready (and its code cache written): during start-up, while the heap
 * grows from nothing to ≈50 MB, it doubled the full collections (2 → 4 Mark-Compacts, ≈100 ms of
 * the main thread's CPU). V8 accepts a code cache made before the flag was set (the flag is not
 * in its check), so every start reads the same cache. V8 applies the growth when a full collection
 * sets the next limit, and start-up's last one set it under the default growth (1,000 turns on
 * the embedded database then ended at 344 MB instead of 296 MB): one full collection a second
 * after start sets it under this flag ({@link settle}).
 */
export const V8_FLAGS = ['--heap-growing-percent=20'];

/**
 * Until the code cache is written, V8 keeps the bytecode of every function it compiled. V8 flushes
 * the bytecode of a function that has not run during its last few full collections (a module body
 * runs once), and the code cache holds only the functions that still have bytecode when it is
 * made. The first start after a clone or a change of the start-up cache's keys (initdb, training,
 * indexing: several seconds and full collections before it is ready) wrote a cache of 2.3 MB
 * instead of 5.2–5.4 MB, and every later start of that build compiled the rest itself: ≈160–170 ms
 * more of the main thread until ready (paired starts on an existing folder). Whichever start writes
 * the cache now writes the whole of it. Flushing is on again once it is written ({@link settle}), so
 * a long-running process sheds run-once bytecode as before.
 */
export const START_V8_FLAGS = ['--no-flush-bytecode'];

/** Before anything is compiled: {@link START_V8_FLAGS}. */
export function beginStart() {
  for (const flag of START_V8_FLAGS) v8.setFlagsFromString(flag);
}

/** After start-up: {@link V8_FLAGS}, bytecode flushing on again, and one full collection a second later (unref'd). */
export function settle() {
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
  v8.setFlagsFromString('--flush-bytecode');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  setTimeout(() => gc(), 1000).unref();
}

/**
 * PGlite's WebAssembly (pglite.wasm, 9 MB) read and compiled on a worker thread from the first
 * line, while this thread loads the bundle; the compiled module is handed to the assistant, whose
 * PGlite then instantiates it instead of reading and compiling the file itself once the bundle has
 * loaded (≈ 50 ms of this thread, and ≈ 60 ms of decoding it waited for). A module compiled on one
 * thread is shared with another, not copied. Nothing when DATABASE_URL is set (PostgreSQL: no
 * PGlite); undefined when the compile fails (PGlite then compiles its own). The worker ends once it
 * has answered and never holds the process.
 * @returns {Promise<WebAssembly.Module | undefined> | undefined}
 */
export function compilePglite(env = process.env) {
  if (env.DATABASE_URL) return undefined;
  let wasm;
  try {
    wasm = join(dirname(createRequire(join(ROOT, 'package.json')).resolve('@electric-sql/pglite')), 'pglite.wasm');
  } catch {
    return undefined;
  }
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     WebAssembly.compile(require('node:fs').readFileSync(workerData)).then((module) => parentPort.postMessage(module), () => parentPort.postMessage(undefined));`,
    { eval: true, workerData: wasm, stdout: false, stderr: false },
  );
  worker.unref();
  return new Promise((resolve) => {
    worker.once('message', (module) => {
      resolve(module instanceof WebAssembly.Module ? module : undefined);
      void worker.terminate();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/** Files that change the build without being bundled (node_modules/.package-lock.json: what npm installed). */
const BUILD_FILES = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json', 'scripts/start.mjs'];
/**
 * Left to node at run time: esbuild only builds; the rest are optional native add-ons their
 * packages try to load. PGlite is bundled (its JavaScript, 0.5 MB, then comes from the code cache
 * instead of being compiled at every open: ≈40 ms of the main thread), with its own URL
 * ({@link sourceUrls}).
 */
const EXTERNAL = ['esbuild', 'pg-native', 'bufferutil', 'utf-8-validate', 'dtrace-provider'];

/** @param {string} file @returns {{ size: number, mtimeMs: number } | undefined} */
function stamp(file) {
  try {
    const s = statSync(join(ROOT, file));
    // Whole milliseconds: a file system's nanoseconds do not survive a Date (utimes, copies), rounded so a restored time compares equal.
    return { size: s.size, mtimeMs: Math.round(s.mtimeMs) };
  } catch {
    return undefined;
  }
}

/** @returns {{ version: number, bundleHash: string, inputs: Record<string, { size: number, mtimeMs: number }> } | undefined} */
function readManifest() {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    statSync(BUNDLE);
    if (manifest?.version !== MANIFEST_VERSION || typeof manifest.bundleHash !== 'string' || typeof manifest.inputs !== 'object' || manifest.inputs === null) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

/** True when dist/main.cjs was built from the files as they are now. */
export function isFresh() {
  const manifest = readManifest();
  if (!manifest) return false;
  for (const [file, was] of Object.entries(manifest.inputs)) {
    const now = stamp(file);
    if (!now || now.size !== was.size || now.mtimeMs !== was.mtimeMs) return false;
  }
  return true;
}

/**
 * `import.meta.url` in each of the assistant's modules is rewritten to that module's own source
 * URL (computed from the bundle's), so files found beside a module (articles, migrations, training
 * data, web chat assets) resolve as they do unbundled; so is PGlite's, which finds its WebAssembly
 * (pglite.wasm, initdb.wasm) and file-system image (pglite.data) beside its own files. (Elsewhere
 * in node_modules only `open`, which @azure/identity uses for a browser sign-in the assistant never
 * does, reads it: it gets the bundle's.)
 * @type {import('esbuild').Plugin}
 */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    const ownUrl = (path) => `new URL(${JSON.stringify(relative(OUT_DIR, path).split('\\').join('/'))}, __bundleUrl).href`;
    build.onLoad({ filter: /\.ts$/ }, (args) => ({ contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', ownUrl(args.path)), loader: 'ts' }));
    build.onLoad({ filter: /[\\/]@electric-sql[\\/]pglite[\\/]dist[\\/][^\\/]+\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', ownUrl(args.path)),
      loader: 'js',
    }));
  },
};

/**
 * A dynamic `import()` of one of node's own modules (PGlite's `import("fs")`, `import("node:module")`
 * and five more) made a require from the bundle: esbuild keeps such an import as it is, and in
 * Node 20 a script compiled with a code cache has no dynamic-import callback (the second start,
 * the first with the cache, failed with "A dynamic import callback was not specified").
 * @type {import('esbuild').Plugin}
 */
const builtinImports = {
  name: 'builtin-imports',
  setup(build) {
    build.onResolve({ filter: /^[a-z:_/]+$/ }, (args) => (args.kind === 'dynamic-import' && isBuiltin(args.path) ? { path: args.path, namespace: 'builtin-import' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'builtin-import' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/**
 * botbuilder-dialogs loads the text recognizers (numbers, dates, choices: ≈5 MB of JavaScript and
 * thousands of regular expressions) for its prompts, which the assistant does not use. Each is
 * left out of the bundle and replaced by a stand-in that loads it with node on first use; the
 * culture names the prompts read when their module loads are answered from the small base package.
 * @returns {import('esbuild').Plugin}
 */
export const lazyRecognizers = (outDir = OUT_DIR) => ({
  name: 'lazy-recognizers',
  setup(build) {
    const toBundle = (file) => {
      const path = relative(outDir, file).split('\\').join('/');
      return path.startsWith('.') ? path : `./${path}`;
    };
    build.onResolve({ filter: /^@microsoft\/recognizers-text-/ }, async (args) => {
      if (args.namespace === 'lazy-recognizer' || args.pluginData?.real) return undefined;
      const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      const base = await build.resolve('@microsoft/recognizers-text', { kind: 'require-call', resolveDir: dirname(real.path), pluginData: { real: true } });
      return { path: args.path, namespace: 'lazy-recognizer', pluginData: { real: toBundle(real.path), base: base.errors.length === 0 ? toBundle(base.path) : undefined } };
    });
    // The stand-in's own require of the real file stays a require at run time (relative to the bundle).
    build.onResolve({ filter: /^\.\.?\//, namespace: 'lazy-recognizer' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-recognizer' }, (args) => ({
      resolveDir: outDir,
      loader: 'js',
      contents: `
let real;
const load = () => (real ??= require(${JSON.stringify(args.pluginData.real)}));
const constants = ${args.pluginData.base ? `() => require(${JSON.stringify(args.pluginData.base)}).Culture` : 'undefined'};
// Culture.English and the like: plain strings, the same in the base package.
const culture = constants && new Proxy({}, {
  get: (_, key) => (typeof constants()[key] === 'string' ? constants()[key] : load().Culture[key]),
  has: (_, key) => key in load().Culture,
  ownKeys: () => Reflect.ownKeys(load().Culture),
  getOwnPropertyDescriptor: (_, key) => configurable(Reflect.getOwnPropertyDescriptor(load().Culture, key)),
});
const configurable = (descriptor) => descriptor && { ...descriptor, configurable: true };
module.exports = new Proxy({}, {
  get: (_, key) => (key === '__esModule' ? true : key === 'Culture' && culture ? culture : load()[key]),
  has: (_, key) => key === '__esModule' || key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => configurable(Reflect.getOwnPropertyDescriptor(load(), key)),
});
`,
    }));
  },
});

/**
 * The code cache of a bundle: its name carries the bundle's hash, so a cache never meets another
 * bundle, and a hash of node's version and flags (V8 refuses a cache made under other flags: npm
 * start's and a test's `node scripts/start.mjs` each keep their own) and of {@link START_V8_FLAGS}
 * (a cache written without them may lack most of the start's functions).
 */
const codeCacheFile = (bundleHash) => {
  const flags = createHash('sha256').update(JSON.stringify([process.version, process.execArgv, process.env.NODE_OPTIONS ?? '', START_V8_FLAGS])).digest('hex').slice(0, 8);
  return join(OUT_DIR, `main.cjs.${bundleHash}.${flags}.code-cache`);
};

/** Bundles main.ts into dist/main.cjs and writes the manifest; answers how long it took. */
export async function build() {
  const started = performance.now();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['main.ts'],
    bundle: true,
    external: EXTERNAL,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: BUNDLE,
    // ASCII only (esbuild's default): the runner reads it as latin1, one byte a character.
    charset: 'ascii',
    // Whitespace and syntax only: names stay (stack traces, class names some libraries read).
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__bundleUrl' },
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [sourceUrls, builtinImports, lazyRecognizers()],
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs).filter((file) => !/(^|\/)node_modules\//.test(file) && !file.includes(':')), ...BUILD_FILES]) {
    const s = stamp(file);
    if (s) inputs[file] = s;
  }
  const bundle = result.outputFiles.find((file) => file.path === BUNDLE);
  if (!bundle) throw new Error('start: esbuild wrote no bundle');
  const bundleHash = createHash('sha256').update(bundle.contents).digest('hex').slice(0, 16);
  mkdirSync(OUT_DIR, { recursive: true });
  // Written beside and renamed into place: two starts building at once never see half a file.
  const suffix = `.${process.pid}.tmp`;
  for (const file of result.outputFiles) {
    writeFileSync(file.path + suffix, file.contents);
    renameSync(file.path + suffix, file.path);
  }
  writeFileSync(MANIFEST + suffix, JSON.stringify({ version: MANIFEST_VERSION, esbuild: esbuild.version, bundleHash, inputs }));
  renameSync(MANIFEST + suffix, MANIFEST);
  for (const entry of readdirSync(OUT_DIR)) {
    if (/^main\.(?:js|js\.map|cjs\.(?:[0-9a-f]+\.)+code-cache)$/.test(entry) && !entry.startsWith(`main.cjs.${bundleHash}.`)) rmSync(join(OUT_DIR, entry), { force: true });
  }
  // esbuild's service process would otherwise live (and hold memory) as long as the assistant.
  await esbuild.stop();
  return Math.round(performance.now() - started);
}

/**
 * Runs the bundle as CommonJS, compiled with its code cache when there is one; answers its
 * exports, and `saveCodeCache` to call once the assistant is ready (a no-op when the cache was
 * used): then every function the start compiled is in the cache.
 * @param {string} bundleHash
 */
export function load(bundleHash) {
  const cacheFile = codeCacheFile(bundleHash);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(BUNDLE, 'latin1')}\n})`, {
    filename: BUNDLE,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  cachedData = undefined;
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, OUT_DIR);
  return {
    exports: module.exports,
    saveCodeCache() {
      if (used) return;
      try {
        const suffix = `.${process.pid}.tmp`;
        writeFileSync(cacheFile + suffix, script.createCachedData());
        renameSync(cacheFile + suffix, cacheFile);
      } catch {
        // A read-only checkout starts without the cache.
      }
    },
  };
}

async function main() {
  beginStart();
  const force = process.argv.includes('--build-only');
  const pgliteWasmModule = force ? undefined : compilePglite();
  if (force || !isFresh()) {
    const ms = await build();
    if (force) {
      process.stdout.write(`build: ${relative(ROOT, BUNDLE)} in ${ms} ms\n`);
      return;
    }
  }
  const manifest = readManifest();
  if (!manifest) throw new Error(`start: no build in ${relative(ROOT, OUT_DIR)}`);
  const bundle = load(manifest.bundleHash);
  await bundle.exports.runFromCommandLine(pgliteWasmModule ? { pgliteWasmModule } : {});
  setImmediate(() => {
    bundle.saveCodeCache();
    settle();
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    // The same line as `tsx main.ts` prints when the assistant cannot start.
    process.stderr.write(`main: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
