/**
 * `npm run bench:startup [-- --runs N] [--turns N] [--json]`: how long `npm start` takes from the
 * command to a ready assistant (GET /readyz answers 200: the database answers and the knowledge
 * base is loaded), on an existing data folder, on a new one (created, migrated and seeded; the
 * start-up cache warm, as after any earlier start on the machine) and on a new one with an empty
 * start-up cache (the first start after a clone: build, initdb, training, indexing), against the
 * floor: a process that only loads botbuilder and restify and listens (bench/bare-server.mjs, run
 * by node). Prints each as a multiple of the floor, and the resident memory of the process tree
 * once ready. Each figure is the median of N runs (default 3), the kinds interleaved so load on
 * the machine hits them alike.
 *
 * Then the resident memory after start and after 1,000 turns (`--turns`): the turns are posted to
 * /api/messages as the Bot Connector posts them (emulator channel, replies to a local listener),
 * 20 conversations at a time, knowledge questions and anna's "mine sager", on the embedded
 * database and on PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test,
 * as bench:load; in a schema of its own, dropped after; skipped with a note when it does not answer).
 * The starts use a start-up cache of the run's own (CACHE_DIR), filled by a first start that is not counted.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BENCH_LIMITS, ReplyListener, runConcurrent, turn } from './bench/load.js';
import { KNOWLEDGE_QUESTIONS } from './bench/scenarios.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1] ?? 3) : 3;
const turnsIndex = args.indexOf('--turns');
const turns = turnsIndex >= 0 ? Number(args[turnsIndex + 1] ?? 1000) : 1000;
const log = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
};

interface Start {
  ms: number;
  /** The assistant's own process (the floor: itself). */
  rssMb: number;
  /** With npm and its shell. */
  treeRssMb: number;
}

/**
 * Resident memory in MB (from /proc) of `pid` and every process below it (`tree`: for `npm start`
 * npm, its shell and the assistant's node), and of the server's own process (`process`: the node
 * running scripts/start.mjs; for the floor, itself).
 */
function rssMb(pid: number): { tree: number; process: number } {
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
  let tree = 0;
  let server = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    tree += rss.get(p) ?? 0;
    try {
      const argv = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      if (/(?:^|\/)node$/.test(argv[0] ?? '') && argv.some((arg) => /(?:start|bare-server)\.mjs$/.test(arg))) server += rss.get(p) ?? 0;
    } catch {
      // ended while we looked
    }
    stack.push(...(children.get(p) ?? []));
  }
  return { tree: Math.round(tree / 1024), process: Math.round(server / 1024) };
}

/** CPU time (user + system, all threads) in ms of the server's own process below `pid` (see {@link rssMb}). */
function serverCpuMs(pid: number): number {
  const stack = [pid];
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended while we looked
    }
  }
  while (stack.length > 0) {
    const p = stack.pop() as number;
    try {
      const argv = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      if (/(?:^|\/)node$/.test(argv[0] ?? '') && argv.some((arg) => /start\.mjs$/.test(arg))) {
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 a second).
        const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        return (Number(fields[11]) + Number(fields[12])) * 10;
      }
    } catch {
      // ended while we looked
    }
    stack.push(...(children.get(p) ?? []));
  }
  return 0;
}

interface Running extends Start {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Runs `command`, waits for its "kører: <url>" line, then polls /readyz until 200. */
async function startToReady(command: string, commandArgs: string[], env: Record<string, string>): Promise<Running> {
  const started = performance.now();
  const child = spawn(command, commandArgs, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const stop = async () => {
    const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
    // The whole group: npm, its shell and node.
    try {
      process.kill(-(child.pid ?? 0), 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  };
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench:startup: ${command} ${commandArgs.join(' ')} did not start: ${out.slice(-300)}`)), 180_000);
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
    child.stdout?.resume();
    const memory = rssMb(child.pid ?? 0);
    return { ms: Math.round(ms), rssMb: memory.process, treeRssMb: memory.tree, url, pid: child.pid ?? 0, stop };
  } catch (error: unknown) {
    await stop();
    throw error;
  }
}

async function timeToReady(command: string, commandArgs: string[], env: Record<string, string>): Promise<Start> {
  const running = await startToReady(command, commandArgs, env);
  await running.stop();
  return { ms: running.ms, rssMb: running.rssMb, treeRssMb: running.treeRssMb };
}

interface Memory {
  database: 'embedded' | 'postgres';
  /** The assistant's process; `Tree`: with npm and its shell. */
  afterStartMb: number;
  afterTurnsMb: number;
  afterStartTreeMb: number;
  afterTurnsTreeMb: number;
  turns: number;
  errors: number;
  turnsPerSecond: number;
  /** CPU time of the assistant's process during the turns, a turn. */
  cpuMsPerTurn: number;
}

/** Starts the assistant, then posts `turns` turns (20 conversations at a time); resident memory before and after. */
async function memoryAfterTurns(database: Memory['database'], env: Record<string, string>): Promise<Memory> {
  const listener = new ReplyListener();
  await listener.start();
  const assistant = await startToReady('npm', ['start', '--silent'], { ...env, ...BENCH_LIMITS });
  try {
    // Settle: the first turn's lazily made parts belong to "after start".
    await turn(assistant.url, listener, { conversationId: 'memory-warm', from: 'bench-memory', text: 'hej' });
    const afterStart = rssMb(assistant.pid);
    const cpuBefore = serverCpuMs(assistant.pid);
    const conversations = 20;
    const each = Math.ceil(turns / conversations);
    const result = await runConcurrent(conversations, async (index, record) => {
      for (let i = 0; i < each; i++) {
        const mine = i % 10 === 9;
        record(
          await turn(assistant.url, listener, {
            conversationId: `memory-${database}-${index}`,
            from: mine ? 'anna@eksempelstyrelsen.dk' : `bench-memory-${index}`,
            text: mine ? 'mine sager' : (KNOWLEDGE_QUESTIONS[(i + index * 7) % KNOWLEDGE_QUESTIONS.length] ?? 'hej'),
          }),
        );
      }
    });
    const afterTurns = rssMb(assistant.pid);
    const cpuMs = serverCpuMs(assistant.pid) - cpuBefore;
    const done = result.latencies.length + result.errors;
    return {
      database,
      afterStartMb: afterStart.process,
      afterTurnsMb: afterTurns.process,
      afterStartTreeMb: afterStart.tree,
      afterTurnsTreeMb: afterTurns.tree,
      turns: done,
      errors: result.errors,
      turnsPerSecond: Math.round((result.latencies.length / result.seconds) * 10) / 10,
      cpuMsPerTurn: Math.round((cpuMs / Math.max(1, done)) * 100) / 100,
    };
  } finally {
    await assistant.stop();
    await listener.stop();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** A schema of its own on BENCH_DATABASE_URL, and the URL that puts it first on the search path. */
async function benchSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `bench_startup_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const withPath = new URL(url);
  withPath.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    url: withPath.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

async function main(): Promise<void> {
  const existing = mkdtempSync(join(tmpdir(), 'bench-startup-existing-'));
  // A start-up cache of this run's own, filled by the first start (not counted): another checkout
  // or test run sharing node_modules/.cache would otherwise replace its entries between the runs.
  const cacheDir = mkdtempSync(join(tmpdir(), 'bench-startup-cache-'));
  const fresh: string[] = [cacheDir];
  const builds: string[] = [];
  const figures = { floor: [] as Start[], existing: [] as Start[], fresh: [] as Start[], firstStart: [] as Start[] };
  const env = { DEMO_MODE: 'true', DATABASE_URL: '', CACHE_DIR: cacheDir };
  try {
    log(`bench:startup: ${runs} runs each; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`);
    // The existing folder: made once by a start that is not counted.
    await timeToReady('npm', ['start', '--silent'], { ...env, DATA_DIR: existing });
    const folder = () => {
      const dir = mkdtempSync(join(tmpdir(), 'bench-startup-new-'));
      fresh.push(dir);
      return dir;
    };
    for (let i = 0; i < runs; i++) {
      figures.floor.push(await timeToReady(process.execPath, ['scripts/bench/bare-server.mjs'], {}));
      figures.existing.push(await timeToReady('npm', ['start', '--silent'], { ...env, DATA_DIR: existing }));
      figures.fresh.push(await timeToReady('npm', ['start', '--silent'], { ...env, DATA_DIR: join(folder(), 'pglite') }));
      // The first start after a clone: no build to reuse (one to a folder of its own under dist/) and an empty start-up cache.
      const first = folder();
      const build = join('dist', `bench-first-start-${process.pid}-${i}`);
      builds.push(build);
      figures.firstStart.push(await timeToReady('npm', ['start', '--silent'], { ...env, DATA_DIR: join(first, 'pglite'), CACHE_DIR: join(first, 'cache'), START_BUILD_DIR: build }));
    }
    const summary = (list: Start[]) => ({
      ms: median(list.map((s) => s.ms)),
      rssMb: median(list.map((s) => s.rssMb)),
      treeRssMb: median(list.map((s) => s.treeRssMb)),
      runsMs: list.map((s) => s.ms),
    });
    const floor = summary(figures.floor);
    const existingFigures = summary(figures.existing);
    const freshFigures = summary(figures.fresh);
    const firstFigures = summary(figures.firstStart);
    const ratio = (ms: number) => Math.round((ms / Math.max(1, floor.ms)) * 100) / 100;
    const row = (name: string, s: { ms: number; rssMb: number; treeRssMb: number; runsMs: number[] }, r?: number) =>
      `${name.padEnd(34)} ${String(s.ms).padStart(6)} ms${r === undefined ? '         ' : ` (${String(r).padStart(4)}×)`}   resident ${s.rssMb} MB${s.treeRssMb !== s.rssMb ? ` (${s.treeRssMb} MB with npm)` : ''}   runs ${s.runsMs.join(', ')} ms`;
    log(row('floor (botbuilder+restify)', floor));
    log(row('npm start, existing folder', existingFigures, ratio(existingFigures.ms)));
    log(row('npm start, new folder', freshFigures, ratio(freshFigures.ms)));
    log(row('npm start, new folder, first start', firstFigures, ratio(firstFigures.ms)));
    log(`targets: existing ≤ 2×, new ≤ 3×; load average now ${loadavg()[0]?.toFixed(1)}`);

    const memory: Memory[] = [];
    if (turns > 0) {
      memory.push(await memoryAfterTurns('embedded', { ...env, DATA_DIR: existing }));
      const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
      const schema = await benchSchema(postgresUrl).catch((error: unknown) => {
        log(`(PostgreSQL not measured: ${postgresUrl}: ${error instanceof Error ? error.message : String(error)}; set BENCH_DATABASE_URL)`);
        return undefined;
      });
      if (schema) {
        try {
          memory.push(await memoryAfterTurns('postgres', { ...env, DATABASE_URL: schema.url }));
        } finally {
          await schema.drop();
        }
      }
      const times = (mb: number) => `${mb} MB (${(Math.round((mb / Math.max(1, floor.rssMb)) * 100) / 100).toFixed(2)}× the floor's ${floor.rssMb} MB)`;
      for (const m of memory) {
        log(
          `resident, ${m.database.padEnd(8)}: after start ${times(m.afterStartMb)}; after ${m.turns} turns ${times(m.afterTurnsMb)}${m.errors ? `; ${m.errors} errors` : ''}` +
            ` (with npm: ${m.afterStartTreeMb} / ${m.afterTurnsTreeMb} MB); ${m.turnsPerSecond} turns/s, ${m.cpuMsPerTurn} ms CPU a turn`,
        );
      }
      log(`memory targets: embedded < 3×, PostgreSQL < 2× the floor; load average now ${loadavg()[0]?.toFixed(1)}`);
    }
    if (json) {
      const memoryRatio = (mb: number) => Math.round((mb / Math.max(1, floor.rssMb)) * 100) / 100;
      process.stdout.write(
        `${JSON.stringify({
          floor,
          existingDataFolder: { ...existingFigures, ratio: ratio(existingFigures.ms) },
          newDataFolder: { ...freshFigures, ratio: ratio(freshFigures.ms) },
          firstStart: { ...firstFigures, ratio: ratio(firstFigures.ms) },
          memory: memory.map((m) => ({ ...m, afterStartRatio: memoryRatio(m.afterStartMb), afterTurnsRatio: memoryRatio(m.afterTurnsMb) })),
          loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
        })}\n`,
      );
    }
  } finally {
    rmSync(existing, { recursive: true, force: true });
    for (const dir of [...fresh, ...builds]) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
