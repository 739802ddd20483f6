/**
 * A/B of two checkouts taking turns rather than running at once: `tsx scripts/bench/ab-serial.ts
 * <dirA> <dirB> [rounds]` starts the assistant of each (`<dir>/main.ts`, demo data, PGlite or
 * BENCH_DATABASE_URL) and this checkout's stateful echo floor, then plays short blocks of one phase
 * (8 conversations × BENCH_BLOCK_TURNS turns, default 10) on A, B and the floor in turn — the order
 * rotated every round — so the three never compete with each other for the 2 CPUs, and whatever else
 * the machine does in a minute falls on all three alike. The conversations go on from block to block
 * (a case dialog continues where it was). Printed per phase: the median over the rounds of each
 * server's CPU a turn (/proc) and p50, and the median and quartiles of the per-round ratios B/A,
 * A/floor and B/floor. Phases: BENCH_PHASES (default `caseDialog,knowledge`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { BenchDatabases, median, percentile, quartiles, ReplyListener, round, runConcurrent, startServerProcess, turn, type ServerProcess } from './load.js';
import { CASE_DIALOG_TURNS, KNOWLEDGE_QUESTIONS } from './scenarios.js';

const [argA, argB, roundsArg] = process.argv.slice(2);
if (!argA || !argB) throw new Error('usage: ab-serial.ts <dirA> <dirB> [rounds]');
const rounds = Number(roundsArg ?? 40);
const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 8);
const blockTurns = Number(process.env.BENCH_BLOCK_TURNS ?? 10);
const phases = (process.env.BENCH_PHASES ?? 'caseDialog,knowledge').split(',') as ('caseDialog' | 'knowledge')[];
const databaseUrl = process.env.BENCH_DATABASE_URL;

/** CPU time of every thread of a process so far, in ms, from /proc/<pid>/task/<tid>/schedstat (nanoseconds; /proc/<pid>/stat counts 10 ms ticks). */
function preciseCpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended while we looked.
    }
  }
  return ns / 1e6;
}

async function main(): Promise<void> {
  const listener = new ReplyListener();
  await listener.start();
  const databases = new BenchDatabases(databaseUrl, 'abs_');
  const envFor = (demo: boolean): Promise<Record<string, string>> => databases.env(demo ? { DEMO_MODE: 'true', LOG_LEVEL: 'warn' } : {});
  const servers: ServerProcess[] = [];
  try {
    const a = await startServerProcess(resolve(argA!, 'main.ts'), await envFor(true));
    servers.push(a);
    const b = await startServerProcess(resolve(argB!, 'main.ts'), await envFor(true));
    servers.push(b);
    const floor = await startServerProcess('scripts/bench/stateful-echo-server.ts', await envFor(false));
    servers.push(floor);
    const named = [
      { name: 'A', server: a },
      { name: 'B', server: b },
      { name: 'floor', server: floor },
    ];
    process.stdout.write(`ab-serial: A ${argA}, B ${argB}; ${databaseUrl ? 'PostgreSQL' : 'PGlite'}; blocks of ${conversations} × ${blockTurns} turns; load ${loadavg()[0]?.toFixed(1)}\n`);
    const step = new Map<string, number>();
    const block = async (name: string, server: ServerProcess, phase: 'caseDialog' | 'knowledge' | 'floor', turns: number) => {
      const cpuBefore = preciseCpuMs(server.child.pid);
      const result = await runConcurrent(conversations, async (index, record) => {
        const key = `${name}-${phase}-${index}`;
        // Users start at different steps (as in bench:turns) and go on from block to block.
        let at = step.get(key) ?? (phase === 'caseDialog' ? index % CASE_DIALOG_TURNS.length : 0);
        for (let i = 0; i < turns; i++, at++) {
          const dialog = Math.floor(at / CASE_DIALOG_TURNS.length);
          const text =
            phase === 'floor'
              ? 'hej'
              : phase === 'caseDialog'
                ? (CASE_DIALOG_TURNS[at % CASE_DIALOG_TURNS.length] ?? '').replace('{tag}', `${name}-${index}-${dialog}`)
                : (KNOWLEDGE_QUESTIONS[(at + index) % KNOWLEDGE_QUESTIONS.length] ?? '');
          const from = phase === 'caseDialog' ? 'anna@eksempelstyrelsen.dk' : `abs-user-${index}`;
          record(await turn(server.url, listener, { conversationId: `abs-${name}-${phase}-${index}`, from, text }));
        }
        step.set(key, at);
      });
      const sorted = [...result.latencies].sort((x, y) => x - y);
      return { cpu: (preciseCpuMs(server.child.pid) - cpuBefore) / Math.max(1, result.latencies.length + result.errors), p50: percentile(sorted, 50), errors: result.errors };
    };
    for (const phase of phases) {
      // Warm-up: each server a few blocks of the phase.
      for (let w = 0; w < 10; w++) for (const s of named) await block(s.name, s.server, s.name === 'floor' ? 'floor' : phase, blockTurns);
      const cpu: Record<string, number[]> = { A: [], B: [], floor: [] };
      const p50: Record<string, number[]> = { A: [], B: [], floor: [] };
      const ba: number[] = [];
      const af: number[] = [];
      const bf: number[] = [];
      let errors = 0;
      const loads: number[] = [];
      for (let r = 0; r < rounds; r++) {
        loads.push(loadavg()[0] ?? 0);
        // Rotate the order: A B F, B F A, F A B, then the reverse ones.
        const order = [0, 1, 2].map((i) => named[(i + r) % 3]!);
        if (Math.floor(r / 3) % 2 === 1) order.reverse();
        const got: Record<string, number> = {};
        for (const s of order) {
          const f = await block(s.name, s.server, s.name === 'floor' ? 'floor' : phase, blockTurns);
          cpu[s.name]!.push(f.cpu);
          p50[s.name]!.push(f.p50);
          got[s.name] = f.cpu;
          errors += f.errors;
        }
        ba.push(got.B! / got.A!);
        af.push(got.A! / got.floor!);
        bf.push(got.B! / got.floor!);
      }
      process.stdout.write(
        `${phase}: ${rounds} rounds, load ${round(Math.min(...loads), 1)}–${round(Math.max(...loads), 1)}, errors ${errors}\n` +
          `  cpu ms/turn (median) A ${round(median(cpu.A!), 3)} B ${round(median(cpu.B!), 3)} floor ${round(median(cpu.floor!), 3)}; p50 ms A ${round(median(p50.A!), 1)} B ${round(median(p50.B!), 1)} floor ${round(median(p50.floor!), 1)}\n` +
          `  B/A median ${round(median(ba), 3)} (quartiles ${quartiles(ba)}); A/floor ${round(median(af), 3)} (${quartiles(af)}); B/floor ${round(median(bf), 3)} (${quartiles(bf)})\n`,
      );
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await listener.stop();
    await databases.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ab-serial: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
