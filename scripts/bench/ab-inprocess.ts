/**
 * A/B of two checkouts in one process: `tsx scripts/bench/ab-inprocess.ts <dirA> <dirB> [rounds]`
 * imports `<dir>/main.ts` of each, starts both assistants in this process (demo data, each on its
 * own in-memory PGlite, notifications on) and plays short blocks of one phase on A and B in turn (8
 * conversations × BENCH_BLOCK_TURNS turns, default 10; the order swapped every round). Each block's
 * CPU is this process's (process.cpuUsage: every thread, microseconds), so it includes the client's
 * share — the same for A and B — and A and B run under the same conditions a fraction of a second
 * apart. Printed per phase: the median CPU a turn of each and the median and quartiles of the
 * per-round ratio B/A. For judging a change to the turn's own work on a shared machine; the
 * latencies against the floor are bench:turns' and ab-turns.ts's. Phases: BENCH_PHASES (default
 * `caseDialog,knowledge`).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_LIMITS, median, quartiles, ReplyListener, round, runConcurrent, turn } from './load.js';
import { CASE_DIALOG_TURNS, KNOWLEDGE_QUESTIONS } from './scenarios.js';

const [argA, argB, roundsArg] = process.argv.slice(2);
if (!argA || !argB) throw new Error('usage: ab-inprocess.ts <dirA> <dirB> [rounds]');
const rounds = Number(roundsArg ?? 40);
const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 8);
const blockTurns = Number(process.env.BENCH_BLOCK_TURNS ?? 10);
const phases = (process.env.BENCH_PHASES ?? 'caseDialog,knowledge').split(',') as ('caseDialog' | 'knowledge')[];

interface Started {
  url: string;
  stop(): Promise<void>;
}

async function start(dir: string): Promise<Started> {
  const root = resolve(dir);
  const main = (await import(pathToFileURL(resolve(root, 'main.ts')).href)) as {
    startAssistant(config: unknown, options: unknown): Promise<{ url: string; stop(): Promise<void> }>;
  };
  const { loadConfig } = (await import(pathToFileURL(resolve(root, 'config.ts')).href)) as { loadConfig(env: Record<string, string>): unknown };
  const { PgliteDatabase } = (await import(pathToFileURL(resolve(root, 'adapters/postgres/pglite-database.ts')).href)) as {
    PgliteDatabase: { open(): Promise<{ close(): Promise<void> }> };
  };
  const { silentLogger } = (await import(pathToFileURL(resolve(root, 'bot/logger.ts')).href)) as { silentLogger: unknown };
  const db = await PgliteDatabase.open();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_MODE: 'true', CACHE_DIR: process.env.CACHE_DIR ?? 'off', ...BENCH_LIMITS });
  const assistant = await main.startAssistant(config, { db, logger: silentLogger, watchArticles: false });
  return { url: assistant.url, stop: () => assistant.stop().then(() => db.close()) };
}

async function main(): Promise<void> {
  const listener = new ReplyListener();
  await listener.start();
  const a = await start(argA!);
  const b = await start(argB!);
  const servers = [
    { name: 'A', url: a.url },
    { name: 'B', url: b.url },
  ];
  process.stdout.write(`ab-inprocess: A ${argA}, B ${argB}; blocks of ${conversations} × ${blockTurns} turns; load ${loadavg()[0]?.toFixed(1)}\n`);
  const step = new Map<string, number>();
  const block = async (name: string, url: string, phase: 'caseDialog' | 'knowledge', turns: number) => {
    const before = process.cpuUsage();
    const result = await runConcurrent(conversations, async (index, record) => {
      const key = `${name}-${phase}-${index}`;
      let at = step.get(key) ?? (phase === 'caseDialog' ? index % CASE_DIALOG_TURNS.length : 0);
      for (let i = 0; i < turns; i++, at++) {
        const text =
          phase === 'caseDialog'
            ? (CASE_DIALOG_TURNS[at % CASE_DIALOG_TURNS.length] ?? '').replace('{tag}', `${name}-${index}-${Math.floor(at / CASE_DIALOG_TURNS.length)}`)
            : (KNOWLEDGE_QUESTIONS[(at + index) % KNOWLEDGE_QUESTIONS.length] ?? '');
        const from = phase === 'caseDialog' ? 'anna@eksempelstyrelsen.dk' : `abi-user-${index}`;
        record(await turn(url, listener, { conversationId: `abi-${name}-${phase}-${index}`, from, text }));
      }
      step.set(key, at);
    });
    const used = process.cpuUsage(before);
    return { cpuMs: (used.user + used.system) / 1000 / Math.max(1, result.latencies.length + result.errors), errors: result.errors };
  };
  try {
    for (const phase of phases) {
      for (let w = 0; w < 10; w++) for (const s of servers) await block(s.name, s.url, phase, blockTurns);
      const cpu: Record<string, number[]> = { A: [], B: [] };
      const ratios: number[] = [];
      let errors = 0;
      const loads: number[] = [];
      for (let r = 0; r < rounds; r++) {
        loads.push(loadavg()[0] ?? 0);
        const order = r % 2 === 0 ? servers : [...servers].reverse();
        const got: Record<string, number> = {};
        for (const s of order) {
          const f = await block(s.name, s.url, phase, blockTurns);
          cpu[s.name]!.push(f.cpuMs);
          got[s.name] = f.cpuMs;
          errors += f.errors;
        }
        ratios.push(got.B! / got.A!);
      }
      process.stdout.write(
        `${phase}: ${rounds} rounds, load ${round(Math.min(...loads), 1)}–${round(Math.max(...loads), 1)}, errors ${errors}; ` +
          `cpu ms/turn (median, client included) A ${round(median(cpu.A!), 3)} B ${round(median(cpu.B!), 3)}; ` +
          `B/A median ${round(median(ratios), 3)} (quartiles ${quartiles(ratios)})\n`,
      );
    }
  } finally {
    await a.stop();
    await b.stop();
    await listener.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ab-inprocess: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
