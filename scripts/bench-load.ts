/**
 * `npm run bench:load -- --conversations 200 [--processes 1|2] [--json]`
 *
 * Simulated users over HTTP (the Bot Framework protocol; replies received by a local listener)
 * doing knowledge questions and complete case dialogs concurrently, against one assistant
 * process and against two behind a round-robin "load balancer" (every turn goes to the next
 * process, so each conversation hops between them). One in ten case dialogs double-clicks
 * "Bekræft" — both clicks at once, on different processes. Afterwards the database is checked:
 * every confirmed case exists exactly once. In the same run the same load of plain messages
 * gives two floors: an echo bot on the same stack (one process), and the stateful echo bot
 * (bench/stateful-echo.ts: the per-turn conversation lease, conversation and user state through
 * the assistant's storage stack, a counter in state) on the same number of processes behind the
 * same round robin, on a schema of its own on the same PostgreSQL.
 *
 * Runs on a fresh schema of BENCH_DATABASE_URL (default: the machine's PostgreSQL,
 * postgres://postgres@127.0.0.1:5432/test), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { commandCpuMs, figures, ReplyListener, round, runConcurrent, startServerProcess, turn, type ServerProcess, type TurnResult } from './bench/load.js';
import { CASE_DIALOG_TURNS, KNOWLEDGE_QUESTIONS } from './bench/scenarios.js';
import { messages } from '../bot/messages.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const json = args.includes('--json');
const conversations = Number(option('conversations', '200'));
const processCounts = args.includes('--processes') ? [Number(option('processes', '2'))] : [1, 2];
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CASE_NUMBER = /SA-\d{4}-\d{6}/;
/** The turn-error handler's answers (da and en): a reply, but a failed turn. */
const FAILURES = new RegExp(
  (['da', 'en'] as const).flatMap((l) => [messages(l).turnError, messages(l).tryAgainSoon, messages(l).busyRepeat]).map((t) => t.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
);
/** A reply that is the error handler's counts as an error. */
function checked(result: TurnResult): TurnResult {
  const text = String(result.reply?.text ?? '');
  return !result.error && FAILURES.test(text) ? { ...result, error: `error reply: ${text.slice(0, 60)}` } : result;
}
const log = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
};

interface RunFigures {
  conversations: number;
  processes: number;
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  echoTurnsPerSecond: number;
  echoP99Ms: number;
  statefulEchoTurnsPerSecond: number;
  statefulEchoP99Ms: number;
  errors: number;
  casesConfirmed: number;
  casesFound: number;
  casesDuplicated: number;
}

/** A measured turn: what it was and when in the run it started (ms after the run began). */
interface TailSample {
  kind: string;
  at: number;
  ms: number;
}

/**
 * Which turns make the p99: of the turns at or above it, how many of each kind, and when in the
 * run they started (by tenth of the run's length). For finding the cause of a tail before changing
 * anything (a kind of turn, the start burst, the last users alone at the end).
 */
function tailReport(samples: readonly TailSample[], p99Ms: number): string {
  if (samples.length === 0) return 'no turns';
  const tail = samples.filter((s) => s.ms >= p99Ms);
  const end = Math.max(...samples.map((s) => s.at + s.ms));
  const count = (key: (s: TailSample) => string) => {
    const byKey = new Map<string, number>();
    for (const s of tail) byKey.set(key(s), (byKey.get(key(s)) ?? 0) + 1);
    return [...byKey].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  };
  return `${tail.length} turns ≥ p99 ${round(p99Ms)} ms — by kind: ${count((s) => s.kind)}; by tenth of the run: ${count((s) => String(Math.min(9, Math.floor((s.at / end) * 10))))}`;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function schemaUrl(schema: string): string {
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return url.toString();
}

/** Echo floor: the same number of conversations and turns, plain messages, one echo process. */
async function echoFloor(listener: ReplyListener, turnsEach: number): Promise<{ turnsPerSecond: number; p99Ms: number; cpuMsPerTurn: number }> {
  const echo = await startServerProcess('scripts/bench/echo-server.ts');
  try {
    const run = async (tag: string) =>
      runConcurrent(conversations, async (i, record) => {
        for (let t = 0; t < turnsEach; t++) record(await turn(echo.url, listener, { conversationId: `echo-${tag}-${i}`, from: `u${i}`, text: 'hej' }));
      });
    await run('warm');
    const cpuBefore = echo.cpuMs();
    const r = await run('measure');
    const f = figures(r.latencies, r.errors, r.seconds);
    return { turnsPerSecond: f.turnsPerSecond, p99Ms: f.p99Ms, cpuMsPerTurn: round((echo.cpuMs() - cpuBefore) / Math.max(1, f.turns + r.errors), 2) };
  } finally {
    await echo.stop();
  }
}

/**
 * The stateful floor: the same load of plain messages against `processes` stateful echo bots on a
 * fresh schema, every turn to the next process (so each conversation hops between them, and the
 * lease and the state read see the other process's writes).
 */
async function statefulEchoFloor(listener: ReplyListener, processes: number, turnsEach: number, runTag: string): Promise<{ turnsPerSecond: number; p99Ms: number; cpuMsPerTurn: number; errors: number; tail: string }> {
  const schema = `bench_floor_${runTag}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const env = { DATABASE_URL: schemaUrl(schema), DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '20' };
  const servers: ServerProcess[] = [];
  try {
    servers.push(await startServerProcess('scripts/bench/stateful-echo-server.ts', env));
    for (let p = 1; p < processes; p++) servers.push(await startServerProcess('scripts/bench/stateful-echo-server.ts', env));
    let next = 0;
    const pick = () => servers[next++ % servers.length] as ServerProcess;
    const samples: TailSample[] = [];
    let started = performance.now();
    const run = async (tag: string) => {
      samples.length = 0;
      started = performance.now();
      return runConcurrent(conversations, async (i, record) => {
        for (let t = 0; t < turnsEach; t++) {
          const at = performance.now() - started;
          const result = await turn(pick().url, listener, { conversationId: `floor-${tag}-${i}`, from: `u${i}`, text: 'hej' });
          if (!result.error) samples.push({ kind: `turn ${t + 1}`, at, ms: result.ms });
          record(result);
        }
      });
    };
    // Warm-up as the assistant's: every user's connection to every process, then whole runs.
    for (const [p, server] of servers.entries()) {
      await runConcurrent(conversations, async (i, record) => record(await turn(server.url, listener, { conversationId: `floor-hello-${p}-${i}`, from: `u${i}`, text: 'hej' })));
    }
    await run('warm');
    const cpuBefore = servers.reduce((sum, s) => sum + s.cpuMs(), 0);
    const windowStartUs = process.hrtime.bigint() / 1000n;
    const r = await run('measure');
    if (process.env.BENCH_NODE_ARGS) log(`              the floor's measured window (µs): ${windowStartUs} ${process.hrtime.bigint() / 1000n}, pids ${servers.map((s) => s.child.pid).join(' ')}`);
    const f = figures(r.latencies, r.errors, r.seconds);
    const cpu = servers.reduce((sum, s) => sum + s.cpuMs(), 0) - cpuBefore;
    return { turnsPerSecond: f.turnsPerSecond, p99Ms: f.p99Ms, cpuMsPerTurn: round(cpu / Math.max(1, f.turns + r.errors), 2), errors: r.errors, tail: tailReport(samples, f.p99Ms) };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  }
}

/** Waits until `servers` used under 5 % of a CPU over half a second (at most 10 s). */
async function untilIdle(servers: readonly ServerProcess[]): Promise<void> {
  const cpu = () => servers.reduce((sum, s) => sum + s.cpuMs(), 0);
  const deadline = performance.now() + 10_000;
  let before = cpu();
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpu();
    if (now - before < 25) return;
    before = now;
  }
}

async function assistantRun(listener: ReplyListener, processes: number, runTag: string): Promise<Omit<RunFigures, 'echoTurnsPerSecond' | 'echoP99Ms' | 'statefulEchoTurnsPerSecond' | 'statefulEchoP99Ms'> & { turnsEach: number; errorSamples: string[]; cpuMsPerTurn: { assistant: number; postgres: number }; tail: string }> {
  const schema = `bench_${runTag}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const env = { DATABASE_URL: schemaUrl(schema), DEMO_MODE: 'true', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '20' };
  const servers: ServerProcess[] = [];
  try {
    // Start one first so demo data and migrations are in place; the others join it.
    servers.push(await startServerProcess('main.ts', env));
    for (let p = 1; p < processes; p++) servers.push(await startServerProcess('main.ts', env));
    let next = 0;
    const pick = () => servers[next++ % servers.length] as ServerProcess;

    const confirmed = new Map<string, string>(); // conversation → case number in the reply
    const turnsEach = CASE_DIALOG_TURNS.length;
    const samples: TailSample[] = [];
    let started = performance.now();
    const scenario = async (phase: string, i: number, recordRaw: (r: TurnResult) => void) => {
      let kind = '';
      let at = 0;
      const record = (r: TurnResult) => {
        const result = checked(r);
        if (!result.error) samples.push({ kind, at, ms: result.ms });
        recordRaw(result);
      };
      const conversationId = `load-${runTag}-${phase}-${i}`;
      if (i % 2 === 0) {
        for (let t = 0; t < turnsEach; t++) {
          const text = KNOWLEDGE_QUESTIONS[(i + t) % KNOWLEDGE_QUESTIONS.length] ?? 'hej';
          kind = `knowledge ${t + 1}`;
          at = performance.now() - started;
          record(await turn(pick().url, listener, { conversationId, from: `bench-${i}@eksempel.invalid`, text }));
        }
        return;
      }
      const tag = `${runTag}-${phase}-${i}`;
      for (const [index, step] of CASE_DIALOG_TURNS.entries()) {
        kind = `case ${index + 1}`;
        at = performance.now() - started;
        const text = step.replace('{tag}', tag);
        const isConfirm = step === CASE_DIALOG_TURNS.at(-1);
        if (isConfirm && i % 10 === 1) {
          // A double click: the same confirmation to two processes at once.
          const [a, b] = await Promise.all([
            turn(pick().url, listener, { conversationId, from: 'anna@eksempelstyrelsen.dk', text, want: (r) => CASE_NUMBER.test(String(r.text ?? '')) }),
            turn(pick().url, listener, { conversationId, from: 'anna@eksempelstyrelsen.dk', text }),
          ]);
          record(a);
          const number = CASE_NUMBER.exec(String(a.reply?.text ?? ''))?.[0];
          if (number) confirmed.set(tag, number);
          void b;
          continue;
        }
        const result = await turn(pick().url, listener, { conversationId, from: 'anna@eksempelstyrelsen.dk', text });
        record(result);
        if (isConfirm) {
          const number = CASE_NUMBER.exec(String(result.reply?.text ?? ''))?.[0];
          if (number) confirmed.set(tag, number);
        }
      }
    };
    // Warm-up as the stateful floor's: every simulated user opens its connection (a greeting in a
    // conversation of its own) on every process, then a whole run of every user warms the JIT, the
    // pool and the caches. (Until round 5 only 20 scenarios: the measured window then still paid
    // for the JIT's warm-up, ≈20 % more CPU a turn than after a whole run; BENCH_WARMUP_SCENARIOS=20
    // for that.) The cases the warm-up created are then delivered (the outbox, notifications): the
    // run is measured once the processes are idle again, as the floor's (which has no such work).
    for (const [p, server] of servers.entries()) {
      await runConcurrent(conversations, async (i, record) =>
        record(await turn(server.url, listener, { conversationId: `load-${runTag}-hello-${p}-${i}`, from: `bench-${i}@eksempel.invalid`, text: 'hej' })),
      );
    }
    await runConcurrent(Math.min(conversations, Number(process.env.BENCH_WARMUP_SCENARIOS ?? conversations)), (i, record) => scenario('warm', i, record));
    await untilIdle(servers);
    confirmed.clear();
    samples.length = 0;
    started = performance.now();
    const cpuBefore = { assistant: servers.reduce((sum, s) => sum + s.cpuMs(), 0), postgres: commandCpuMs('postgres') };
    const windowStartUs = process.hrtime.bigint() / 1000n;
    const r = await runConcurrent(conversations, (i, record) => scenario('measure', i, record));
    // With BENCH_NODE_ARGS=--cpu-prof…: the measured window on the profiles' clock, to cut them to it.
    if (process.env.BENCH_NODE_ARGS) log(`              measured window (µs): ${windowStartUs} ${process.hrtime.bigint() / 1000n}, pids ${servers.map((s) => s.child.pid).join(' ')}`);
    const f = figures(r.latencies, r.errors, r.seconds);
    const perTurn = (ms: number) => round(ms / Math.max(1, f.turns + r.errors), 2);
    const cpuMsPerTurn = {
      assistant: perTurn(servers.reduce((sum, s) => sum + s.cpuMs(), 0) - cpuBefore.assistant),
      postgres: perTurn(commandCpuMs('postgres') - cpuBefore.postgres),
    };

    // Every confirmed case exactly once: look each dialog's tag up in the stored field values.
    const found = await admin(async (c) => {
      const { rows } = await c.query<{ tag: string; n: string; numbers: string[] }>(
        `SELECT substring(field_values::text from '${runTag}-measure-[0-9]+') AS tag, count(*) AS n, array_agg(number) AS numbers
           FROM ${schema}.portal_case WHERE field_values::text LIKE $1 GROUP BY 1`,
        [`%${runTag}-measure-%`],
      );
      return rows;
    });
    const casesDuplicated = found.filter((row) => Number(row.n) > 1).length;
    const byTag = new Map(found.map((row) => [row.tag, row.numbers]));
    let casesFound = 0;
    for (const [tag, number] of confirmed) if (byTag.get(tag)?.includes(number)) casesFound++;
    // Every measured turn (kind, start, latency) for a closer look at the tail.
    if (process.env.BENCH_SAMPLES_FILE) writeFileSync(process.env.BENCH_SAMPLES_FILE, JSON.stringify(samples));
    // A case dialog that ended without a case number in the reply counts as an error.
    const dialogsWithoutCase = Math.floor(conversations / 2) - confirmed.size;
    return {
      conversations,
      processes,
      turns: f.turns,
      turnsPerSecond: f.turnsPerSecond,
      p50Ms: f.p50Ms,
      p99Ms: f.p99Ms,
      errors: f.errors + dialogsWithoutCase,
      casesConfirmed: confirmed.size,
      casesFound,
      casesDuplicated,
      turnsEach,
      errorSamples: r.errorSamples,
      cpuMsPerTurn,
      tail: tailReport(samples, f.p99Ms),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  }
}

async function main(): Promise<void> {
  const listener = new ReplyListener();
  await listener.start();
  const results: RunFigures[] = [];
  try {
    log(`bench:load: ${conversations} conversations (half knowledge questions, half whole case dialogs), ${CASE_DIALOG_TURNS.length} turns each`);
    const echo = await echoFloor(listener, CASE_DIALOG_TURNS.length);
    log(`echo floor    ${String(echo.turnsPerSecond).padStart(7)} turns/s   p99 ${echo.p99Ms} ms`);
    for (const processes of processCounts) {
      const runTag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
      const floor = await statefulEchoFloor(listener, processes, CASE_DIALOG_TURNS.length, runTag);
      log(
        `stateful echo ${String(floor.turnsPerSecond).padStart(7)} turns/s   p99 ${floor.p99Ms} ms   on ${processes} process${processes > 1 ? 'es' : ''}, cpu per turn ${floor.cpuMsPerTurn} ms, errors ${floor.errors}`,
      );
      const run = await assistantRun(listener, processes, runTag);
      const { turnsEach: _t, errorSamples, cpuMsPerTurn, tail, ...figuresOnly } = run;
      results.push({ ...figuresOnly, echoTurnsPerSecond: echo.turnsPerSecond, echoP99Ms: echo.p99Ms, statefulEchoTurnsPerSecond: floor.turnsPerSecond, statefulEchoP99Ms: floor.p99Ms });
      log(
        `${processes} process${processes > 1 ? 'es' : '  '}   ${String(run.turnsPerSecond).padStart(7)} turns/s   p50 ${run.p50Ms} ms   p99 ${run.p99Ms} ms ` +
          `(${round(run.p99Ms / Math.max(floor.p99Ms, 0.1), 2)}× stateful echo p99, ${round(run.p99Ms / Math.max(echo.p99Ms, 0.1), 2)}× echo p99)   errors ${run.errors}   cases confirmed ${run.casesConfirmed}, found ${run.casesFound}, duplicated ${run.casesDuplicated}`,
      );
      log(`              cpu per turn: assistant ${cpuMsPerTurn.assistant} ms, PostgreSQL ${cpuMsPerTurn.postgres} ms (echo ${echo.cpuMsPerTurn} ms)`);
      log(`              the assistant's tail: ${tail}`);
      log(`              the stateful echo's tail: ${floor.tail}`);
      if (errorSamples.length > 0) log(`  e.g. ${errorSamples.join('; ')}`);
    }
  } finally {
    await listener.stop();
  }
  const last = results.at(-1);
  if (json && last) process.stdout.write(`${JSON.stringify({ ...last, runs: results, loadAverage: round(loadavg()[0] ?? 0, 2) })}\n`);
  else log(`load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:load: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
