// `npm start`: builds the assistant once (esbuild bundles main.ts and every module it imports into
// dist/main.js; node_modules stay imports) and runs the bundle with plain node. The build is a
// no-op when nothing it was made from changed: dist/build-manifest.json lists every input with its
// size and modification time, and a start stats them (about 150 files, a few milliseconds) instead
// of transpiling them as tsx does at every start (≈1 s of CPU). `npm run build` forces a build.
//
// Plain JavaScript run by node: this file cannot itself need a build.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// START_BUILD_DIR (under the project, so the bundle finds node_modules): another build folder,
// for bench:startup's first-start runs. Default dist/.
const OUT_DIR = process.env.START_BUILD_DIR ? resolve(ROOT, process.env.START_BUILD_DIR) : join(ROOT, 'dist');
const BUNDLE = join(OUT_DIR, 'main.js');
const MANIFEST = join(OUT_DIR, 'build-manifest.json');
/** Files that change the build without being bundled. */
const BUILD_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/start.mjs'];

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

/** True when dist/main.js was built from the files as they are now. */
export function isFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    statSync(BUNDLE);
  } catch {
    return false;
  }
  if (manifest?.version !== 1 || typeof manifest.inputs !== 'object' || manifest.inputs === null) return false;
  for (const [file, was] of Object.entries(manifest.inputs)) {
    const now = stamp(file);
    if (!now || now.size !== was.size || now.mtimeMs !== was.mtimeMs) return false;
  }
  return true;
}

/**
 * `import.meta.url` in each module is rewritten to that module's own source URL (computed from the
 * bundle's), so files found beside a module (articles, migrations, training data, web chat assets)
 * resolve as they do unbundled.
 * @type {import('esbuild').Plugin}
 */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const fromBundle = relative(OUT_DIR, args.path).split('\\').join('/');
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

/** Bundles main.ts into dist/main.js and writes the manifest; answers how long it took. */
export async function build() {
  const started = performance.now();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['main.ts'],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: BUNDLE,
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [sourceUrls],
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), ...BUILD_FILES]) {
    const s = stamp(file);
    if (s) inputs[file] = s;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  // Written beside and renamed into place: two starts building at once never see half a file.
  const suffix = `.${process.pid}.tmp`;
  for (const file of result.outputFiles) {
    writeFileSync(file.path + suffix, file.contents);
    renameSync(file.path + suffix, file.path);
  }
  writeFileSync(MANIFEST + suffix, JSON.stringify({ version: 1, esbuild: esbuild.version, inputs }));
  renameSync(MANIFEST + suffix, MANIFEST);
  // esbuild's service process would otherwise live (and hold memory) as long as the assistant.
  await esbuild.stop();
  return Math.round(performance.now() - started);
}

async function main() {
  const force = process.argv.includes('--build-only');
  if (force || !isFresh()) {
    const ms = await build();
    if (force) {
      process.stdout.write(`build: ${relative(ROOT, BUNDLE)} in ${ms} ms\n`);
      return;
    }
  }
  const { runFromCommandLine } = await import(pathToFileURL(BUNDLE).href);
  await runFromCommandLine();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    // The same line as `tsx main.ts` prints when the assistant cannot start.
    process.stderr.write(`main: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

