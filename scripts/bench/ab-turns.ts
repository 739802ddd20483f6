/**
 * A/B of two checkouts on a shared, noisy machine: `tsx scripts/bench/ab-turns.ts <dirA> <dirB>
 * [rounds]` starts the assistant of each (`<dir>/main.ts`, demo data) and the stateful echo floor
 * (this checkout's), and plays the same phases against all three at the same time, so that
 * whatever else the machine does falls on all of them alike: knowledge questions, whole case
 * dialogs, and the load mix of bench:load (half each). Printed per round and phase: server CPU per
 * turn, p50 and p99 of each, and A/B and each against the floor. On PGlite (a data folder each), or
 * on PostgreSQL with BENCH_DATABASE_URL (a fresh schema each, dropped after). Settings:
 * BENCH_CONVERSATIONS (per server, default 8), BENCH_TURNS (per conversation and phase, default 100).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { BenchDatabases, figures, ReplyListener, round, runConcurrent, startServerProcess, turn, type ServerProcess } from './load.js';
import { CASE_DIALOG_TURNS, KNOWLEDGE_QUESTIONS } from './scenarios.js';

const [argA, argB, roundsArg] = process.argv.slice(2);
if (!argA || !argB) throw new Error('usage: ab-turns.ts <dirA> <dirB> [rounds]');
const dirA: string = argA;
const dirB: string = argB;
const rounds = Number(roundsArg ?? 3);
const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 8);
const turnsEach = Number(process.env.BENCH_TURNS ?? 100);
const databaseUrl = process.env.BENCH_DATABASE_URL;

type Phase = 'knowledge' | 'caseDialog' | 'mix';

async function main(): Promise<void> {
  const listener = new ReplyListener();
  await listener.start();
  const databases = new BenchDatabases(databaseUrl, 'ab_');
  const envFor = (demo: boolean): Promise<Record<string, string>> => databases.env(demo ? { DEMO_MODE: 'true' } : {});
  const servers: { name: string; server: ServerProcess }[] = [];
  try {
    // A checkout's main.ts under tsx, or a script given by its path (<dir>/scripts/start.mjs: the build npm start runs).
    const entryOf = (dir: string) => (/\.(?:mjs|cjs|js)$/.test(dir) ? resolve(dir) : resolve(dir, 'main.ts'));
    servers.push({ name: 'A', server: await startServerProcess(entryOf(dirA), { ...(await envFor(true)), LOG_LEVEL: 'warn' }) });
    // BENCH_ENV_B (JSON): settings for B only, e.g. '{"RATE_LIMIT_PER_MINUTE":"0"}' to see what a feature costs.
    const envB = JSON.parse(process.env.BENCH_ENV_B ?? '{}') as Record<string, string>;
    servers.push({ name: 'B', server: await startServerProcess(entryOf(dirB), { ...(await envFor(true)), LOG_LEVEL: 'warn', ...envB }) });
    const floor = await startServerProcess('scripts/bench/stateful-echo-server.ts', await envFor(false));
    process.stdout.write(`ab-turns: A ${dirA}, B ${dirB}; ${databaseUrl ? 'PostgreSQL' : 'PGlite'}; ${conversations} conversations × ${turnsEach} turns a phase each\n`);

    const play = async (server: ServerProcess, phase: Phase | 'floor', tag: string) => {
      const cpuBefore = server.cpuMs();
      const result = await runConcurrent(conversations, async (index, record) => {
        const caseUser = phase === 'caseDialog' || (phase === 'mix' && index % 2 === 1);
        const offset = caseUser ? index % CASE_DIALOG_TURNS.length : 0;
        for (let i = 0; i < turnsEach; i++) {
          const step = offset + i;
          const text =
            phase === 'floor'
              ? 'hej'
              : caseUser
                ? (CASE_DIALOG_TURNS[step % CASE_DIALOG_TURNS.length] ?? '').replace('{tag}', `${tag}-${index}`)
                : (KNOWLEDGE_QUESTIONS[(step + index) % KNOWLEDGE_QUESTIONS.length] ?? '');
          const from = caseUser ? 'anna@eksempelstyrelsen.dk' : `ab-user-${index}`;
          record(await turn(server.url, listener, { conversationId: `ab-${tag}-${index}`, from, text }));
        }
      });
      const f = figures(result.latencies, result.errors, result.seconds);
      return { ...f, cpuMsPerTurn: round((server.cpuMs() - cpuBefore) / Math.max(1, f.turns + f.errors), 2) };
    };

    // Warm-up: every server, every phase, once.
    for (const phase of ['knowledge', 'caseDialog'] as const) await Promise.all([...servers.map((s) => play(s.server, phase, `warm-${phase}-${s.name}`)), play(floor, 'floor', `warm-${phase}-floor`)]);
    const rows: string[] = [];
    for (let r = 1; r <= rounds; r++) {
      for (const phase of ['knowledge', 'caseDialog', 'mix'] as const) {
        const load = round(loadavg()[0] ?? 0, 1);
        const [a, b, f] = await Promise.all([play(servers[0]!.server, phase, `r${r}-${phase}-A`), play(servers[1]!.server, phase, `r${r}-${phase}-B`), play(floor, 'floor', `r${r}-${phase}-floor`)]);
        const ratio = (x: number, y: number) => (y > 0 ? round(x / y, 2) : 0);
        rows.push(
          `round ${r} ${phase.padEnd(10)} load ${String(load).padStart(4)}  cpu ms/turn A ${a.cpuMsPerTurn} B ${b.cpuMsPerTurn} floor ${f.cpuMsPerTurn} (B/A ${ratio(b.cpuMsPerTurn, a.cpuMsPerTurn)}, A/floor ${ratio(a.cpuMsPerTurn, f.cpuMsPerTurn)}, B/floor ${ratio(b.cpuMsPerTurn, f.cpuMsPerTurn)})  ` +
            `p50 A ${a.p50Ms} B ${b.p50Ms}  p99 A ${a.p99Ms} B ${b.p99Ms}  errors ${a.errors}/${b.errors}/${f.errors}`,
        );
        process.stdout.write(`${rows.at(-1)}\n`);
      }
    }
    await floor.stop();
  } finally {
    await Promise.all(servers.map((s) => s.server.stop()));
    await listener.stop();
    await databases.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ab-turns: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
