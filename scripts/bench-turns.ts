/**
 * `npm run bench:turns [-- --json]`: turn latency (p50/p99) and turns per second over HTTP for
 * knowledge answers and for whole case dialogs, against two floors measured in the same run: an
 * echo bot on the same stack (restify, CloudAdapter, the same middleware), and the stateful echo
 * bot (bench/stateful-echo.ts), which also takes the per-turn conversation lease and loads and
 * saves conversation and user state through the assistant's storage stack on the same kind of
 * database. Printed as multiples of both. Targets, against the stateful floor: knowledge turns
 * p50 and p99 ≤ 1.2× and throughput ≥ 0.85×; case-dialog turns p50 and p99 ≤ 1.5×.
 *
 * Knowledge users ask the questions of bench/scenarios.ts, each starting at another question; case
 * users do whole case dialogs (one case per 10 turns), each at another step when the clock starts.
 * The assistant runs as `main.ts` in a child process on a fresh embedded database (PGlite) with
 * the demo data, or on BENCH_DATABASE_URL when set. Settings: BENCH_CONVERSATIONS (default 8),
 * BENCH_TURNS (turns per conversation and phase, default 200; shorter runs leave the echo bot less warmed up than the assistant, which flatters the ratios).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASE_DIALOG_TURNS, KNOWLEDGE_QUESTIONS } from './bench/scenarios.js';
import { figures, ReplyListener, round, runConcurrent, startServerProcess, turn, type LoadFigures, type ServerProcess } from './bench/load.js';

const json = process.argv.includes('--json');
const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 8);
const turnsEach = Number(process.env.BENCH_TURNS ?? 200);
const log = (line: string): void => {
  if (!json) process.stdout.write(`${line}\n`);
};

type Phase = 'echo' | 'statefulEcho' | 'knowledge' | 'caseDialog';

async function measure(server: ServerProcess, listener: ReplyListener, phase: Phase, run: number): Promise<LoadFigures & { errorSamples: string[]; cpuMsPerTurn: number }> {
  const conversationId = (index: number) => `bench-${phase}-${run}-${index}`;
  // Knowledge needs no identity; the case dialog is anna's (an e-mail from.id on the emulator channel).
  const from = (index: number) => (phase === 'caseDialog' ? 'anna@eksempelstyrelsen.dk' : `bench-user-${index}`);
  const step = (index: number, i: number): string =>
    phase === 'caseDialog'
      ? (CASE_DIALOG_TURNS[i % CASE_DIALOG_TURNS.length] ?? '').replace('{tag}', `${run}-${index}`)
      : (KNOWLEDGE_QUESTIONS[(i + index) % KNOWLEDGE_QUESTIONS.length] ?? '');
  // Users are at different steps of their dialogs, as real users are: before the clock starts, user
  // k plays the first k mod 10 steps of a case unmeasured. (Started together, all of them reached
  // the two heavy steps — the first, which looks the user up, and "Bekræft" — at the same moment.)
  const offset = (index: number) => (phase === 'caseDialog' ? index % CASE_DIALOG_TURNS.length : 0);
  await runConcurrent(conversations, async (index) => {
    for (let i = 0; i < offset(index); i++) await turn(server.url, listener, { conversationId: conversationId(index), from: from(index), text: step(index, i) });
  });
  const cpuBefore = server.cpuMs();
  const result = await runConcurrent(conversations, async (index, record) => {
    for (let i = 0; i < turnsEach; i++) {
      record(await turn(server.url, listener, { conversationId: conversationId(index), from: from(index), text: step(index, offset(index) + i) }));
    }
  });
  const cpuMsPerTurn = round((server.cpuMs() - cpuBefore) / Math.max(1, result.latencies.length + result.errors), 2);
  return { ...figures(result.latencies, result.errors, result.seconds), errorSamples: result.errorSamples, cpuMsPerTurn };
}

function ratio(value: number, floor: number): number {
  return floor > 0 ? round(value / floor, 2) : 0;
}

async function main(): Promise<void> {
  const listener = new ReplyListener();
  await listener.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-turns-'));
  // The embedded database belongs to one process: the stateful floor gets a folder of its own.
  const floorDir = mkdtempSync(join(tmpdir(), 'bench-turns-floor-'));
  const env: Record<string, string> = process.env.BENCH_DATABASE_URL
    ? { DATABASE_URL: process.env.BENCH_DATABASE_URL, DEMO_MODE: 'true' }
    : { DATA_DIR: dataDir, DEMO_MODE: 'true' };
  const floorEnv: Record<string, string> = process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : { DATA_DIR: floorDir };
  log(`bench:turns: ${conversations} conversations × ${turnsEach} turns per phase; database ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)'}`);
  const echo = await startServerProcess('scripts/bench/echo-server.ts');
  const statefulEcho = await startServerProcess('scripts/bench/stateful-echo-server.ts', floorEnv);
  const assistant = await startServerProcess('main.ts', { ...env, LOG_LEVEL: 'warn' });
  try {
    // Warm-up: JIT, connection pools, the knowledge answers' cache, the first dialog state rows.
    await measure(echo, listener, 'echo', 0);
    await measure(statefulEcho, listener, 'statefulEcho', 0);
    await measure(assistant, listener, 'knowledge', 0);
    await measure(assistant, listener, 'caseDialog', 0);

    const echoFigures = await measure(echo, listener, 'echo', 1);
    const floor = await measure(statefulEcho, listener, 'statefulEcho', 1);
    const knowledge = await measure(assistant, listener, 'knowledge', 1);
    const caseDialog = await measure(assistant, listener, 'caseDialog', 1);
    for (const [name, f] of [['echo', echoFigures], ['statefulEcho', floor], ['knowledge', knowledge], ['caseDialog', caseDialog]] as const) {
      if (f.errors > 0) process.stderr.write(`bench:turns: ${name}: ${f.errors} errors, e.g. ${f.errorSamples.join('; ')}\n`);
    }
    const pick = (f: LoadFigures & { cpuMsPerTurn: number }) => ({ p50Ms: f.p50Ms, p99Ms: f.p99Ms, turnsPerSecond: f.turnsPerSecond, cpuMsPerTurn: f.cpuMsPerTurn });
    const against = (base: LoadFigures) => ({
      knowledgeP50: ratio(knowledge.p50Ms, base.p50Ms),
      knowledgeP99: ratio(knowledge.p99Ms, base.p99Ms),
      caseDialogP50: ratio(caseDialog.p50Ms, base.p50Ms),
      caseDialogP99: ratio(caseDialog.p99Ms, base.p99Ms),
      knowledgeThroughput: ratio(knowledge.turnsPerSecond, base.turnsPerSecond),
    });
    // `ratios` are against the plain echo bot (as before); `ratios.vsStatefulEcho` against the stateful floor.
    const ratios = { ...against(echoFigures), vsStatefulEcho: against(floor) };
    const stateful = ratios.vsStatefulEcho;
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ echo: pick(echoFigures), statefulEcho: pick(floor), knowledge: pick(knowledge), caseDialog: pick(caseDialog), ratios, loadAverage: round(loadavg()[0] ?? 0, 2) })}\n`,
      );
      return;
    }
    const row = (name: string, f: LoadFigures & { cpuMsPerTurn: number }): string =>
      `${name.padEnd(14)} p50 ${String(f.p50Ms).padStart(7)} ms   p99 ${String(f.p99Ms).padStart(7)} ms   ${String(f.turnsPerSecond).padStart(8)} turns/s   server cpu ${String(f.cpuMsPerTurn).padStart(5)} ms/turn   (${f.turns} turns, ${f.errors} errors)`;
    log(row('echo', echoFigures));
    log(row('stateful echo', floor));
    log(row('knowledge', knowledge));
    log(row('case dialog', caseDialog));
    log('');
    log(`against the stateful echo:`);
    log(`  knowledge   p50 ${stateful.knowledgeP50}×, p99 ${stateful.knowledgeP99}× (target ≤ 1.2×); throughput ${stateful.knowledgeThroughput}× (target ≥ 0.85×)`);
    log(`  case dialog p50 ${stateful.caseDialogP50}×, p99 ${stateful.caseDialogP99}× (target ≤ 1.5×)`);
    log(`  server cpu per turn: knowledge ${ratio(knowledge.cpuMsPerTurn, floor.cpuMsPerTurn)}×, case dialog ${ratio(caseDialog.cpuMsPerTurn, floor.cpuMsPerTurn)}×`);
    log(`against the plain echo:`);
    log(`  knowledge   p50 ${ratios.knowledgeP50}×, p99 ${ratios.knowledgeP99}×; throughput ${ratios.knowledgeThroughput}×`);
    log(`  case dialog p50 ${ratios.caseDialogP50}×, p99 ${ratios.caseDialogP99}×`);
    log(`  server cpu per turn: knowledge ${ratio(knowledge.cpuMsPerTurn, echoFigures.cpuMsPerTurn)}×, case dialog ${ratio(caseDialog.cpuMsPerTurn, echoFigures.cpuMsPerTurn)}×`);
    log(`load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`);
  } finally {
    await Promise.all([echo.stop(), statefulEcho.stop(), assistant.stop()]);
    await listener.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:turns: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
