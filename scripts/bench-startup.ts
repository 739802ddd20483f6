/**
 * `npm run bench:startup [-- --runs N] [--json]`: how long `npm start` takes from the command to
 * a ready assistant (GET /readyz answers 200: the database answers and the knowledge base is
 * loaded), on a new data folder (the embedded database created, migrated and seeded) and on an
 * existing one, against the floor: a process that only loads botbuilder and restify and listens
 * (bench/bare-server.mjs, run by node). Prints each as a multiple of the floor, and the resident
 * memory of the process tree once ready. Each figure is the median of N runs (default 3), the
 * runs of the three kinds interleaved so load on the machine hits them alike.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1] ?? 3) : 3;
const log = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
};

interface Start {
  ms: number;
  rssMb: number;
}

/** Resident memory of `pid` and every process below it, in MB (from /proc). */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kb);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return Math.round(total / 1024);
}

/** Runs `command`, waits for its "kører: <url>" line, then polls /readyz until 200; stops it. */
async function timeToReady(command: string, commandArgs: string[], env: Record<string, string>): Promise<Start> {
  const started = performance.now();
  const child = spawn(command, commandArgs, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench:startup: ${command} ${commandArgs.join(' ')} did not start: ${out.slice(-300)}`)), 120_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /kører: (http:\/\/\S+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`bench:startup: ${command} exited with ${code}: ${out.slice(-300)}`)));
    });
    for (;;) {
      const ok = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const ms = performance.now() - started;
    return { ms: Math.round(ms), rssMb: treeRssMb(child.pid ?? 0) };
  } finally {
    const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
    // The whole group: npm, its shell and node.
    try {
      process.kill(-(child.pid ?? 0), 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const existing = mkdtempSync(join(tmpdir(), 'bench-startup-existing-'));
  const fresh: string[] = [];
  const figures = { floor: [] as Start[], existing: [] as Start[], fresh: [] as Start[] };
  const env = { DEMO_MODE: 'true' };
  try {
    log(`bench:startup: ${runs} runs each; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`);
    // The existing folder: made once by a start that is not counted.
    await timeToReady('npm', ['start', '--silent'], { ...env, DATA_DIR: existing });
    for (let i = 0; i < runs; i++) {
      figures.floor.push(await timeToReady(process.execPath, ['scripts/bench/bare-server.mjs'], {}));
      figures.existing.push(await timeToReady('npm', ['start', '--silent'], { ...env, DATA_DIR: existing }));
      const dir = mkdtempSync(join(tmpdir(), 'bench-startup-new-'));
      fresh.push(dir);
      figures.fresh.push(await timeToReady('npm', ['start', '--silent'], { ...env, DATA_DIR: join(dir, 'pglite') }));
    }
    const summary = (list: Start[]) => ({ ms: median(list.map((s) => s.ms)), rssMb: median(list.map((s) => s.rssMb)), runsMs: list.map((s) => s.ms) });
    const floor = summary(figures.floor);
    const existingFigures = summary(figures.existing);
    const freshFigures = summary(figures.fresh);
    const ratio = (ms: number) => Math.round((ms / Math.max(1, floor.ms)) * 100) / 100;
    const result = {
      floor,
      existingDataFolder: { ...existingFigures, ratio: ratio(existingFigures.ms) },
      newDataFolder: { ...freshFigures, ratio: ratio(freshFigures.ms) },
      loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    };
    if (json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    const row = (name: string, s: { ms: number; rssMb: number; runsMs: number[] }, r?: number) =>
      `${name.padEnd(28)} ${String(s.ms).padStart(6)} ms${r === undefined ? '         ' : ` (${String(r).padStart(4)}×)`}   resident ${s.rssMb} MB   runs ${s.runsMs.join(', ')} ms`;
    log(row('floor (botbuilder+restify)', floor));
    log(row('npm start, existing folder', existingFigures, result.existingDataFolder.ratio));
    log(row('npm start, new folder', freshFigures, result.newDataFolder.ratio));
    log(`targets: existing ≤ 2×, new ≤ 3×; load average now ${loadavg()[0]?.toFixed(1)}`);
  } finally {
    rmSync(existing, { recursive: true, force: true });
    for (const dir of fresh) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
