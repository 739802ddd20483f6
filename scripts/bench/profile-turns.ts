/**
 * Where a turn's CPU goes: `tsx scripts/bench/profile-turns.ts <knowledge|caseDialog|statefulEcho> [turns]`
 * starts the server (main.ts on a fresh PGlite with the demo data, or the stateful echo) with
 * `--cpu-prof`, warms it up, runs 8 conversations × `turns` (default 300) of the phase, stops it,
 * and prints the CPU per turn of the measured window by package and by function (self time), from
 * the profile's samples inside that window only (start-up and warm-up left out). With
 * BENCH_DATABASE_URL set, the server runs on a fresh schema of that PostgreSQL instead (dropped after).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASE_DIALOG_TURNS, KNOWLEDGE_QUESTIONS } from './scenarios.js';
import { ReplyListener, runConcurrent, startServerProcess, turn } from './load.js';

const phase = process.argv[2] ?? 'knowledge';
const turnsEach = Number(process.argv[3] ?? 300);
const conversations = 8;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  const listener = new ReplyListener();
  await listener.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'profile-turns-'));
  const profDir = mkdtempSync(join(tmpdir(), 'profile-turns-prof-'));
  const entry = phase === 'statefulEcho' ? 'scripts/bench/stateful-echo-server.ts' : 'main.ts';
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const schema = `profile_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  let env: Record<string, string> = { DATA_DIR: dataDir, DEMO_MODE: 'true' };
  if (databaseUrl) {
    await admin(`CREATE SCHEMA ${schema}`);
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema},public`);
    env = { DATABASE_URL: url.toString(), DEMO_MODE: 'true' };
  }
  const server = await startServerProcess(entry, env, [], ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=200']);
  const from = (index: number) => (phase === 'caseDialog' ? 'anna@eksempelstyrelsen.dk' : `bench-user-${index}`);
  const step = (run: number, index: number, i: number): string =>
    phase === 'caseDialog'
      ? (CASE_DIALOG_TURNS[i % CASE_DIALOG_TURNS.length] ?? '').replace('{tag}', `${run}-${index}`)
      : (KNOWLEDGE_QUESTIONS[(i + index) % KNOWLEDGE_QUESTIONS.length] ?? '');
  const play = (run: number, count: number) =>
    runConcurrent(conversations, async (index, record) => {
      const offset = phase === 'caseDialog' ? index % CASE_DIALOG_TURNS.length : 0;
      for (let i = 0; i < count; i++) record(await turn(server.url, listener, { conversationId: `p-${run}-${index}`, from: from(index), text: step(run, index, offset + i) }));
    });
  let startUs = 0;
  let endUs = 0;
  let turns = 0;
  try {
    await play(0, 200);
    startUs = Number(process.hrtime.bigint() / 1000n);
    const result = await play(1, turnsEach);
    endUs = Number(process.hrtime.bigint() / 1000n);
    turns = result.latencies.length;
    process.stdout.write(`${phase}: ${turns} turns, ${result.errors} errors, ${(turns / result.seconds).toFixed(1)} turns/s\n`);
  } finally {
    await server.stop();
    await listener.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < startUs || t > endUs) continue;
    const id = profile.samples[i] ?? 0;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  }
  const where = (url: string): string => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m?.[1]) return m[1];
    if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
    if (url.includes('/wt-') || url.includes('/work/')) return 'app:' + url.replace(/^.*\/work\/[^/]+\//, '').split('/').slice(0, 2).join('/');
    return url === '' ? '(native)' : url;
  };
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  // Inclusive time per app file/package: a sample counts once for each distinct group on its stack.
  const inclusive = new Map<string, number>();
  // Inclusive time per function (a sample counts once per distinct function on its stack).
  const inclusiveFn = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const name = node.callFrame.functionName || '(anonymous)';
    const key = where(node.callFrame.url);
    byPackage.set(key, (byPackage.get(key) ?? 0) + us);
    const fn = `${name} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '')}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const seen = new Set<string>();
    const seenFn = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const frame = byId.get(n)?.callFrame;
      if (!frame) continue;
      const f = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/[^/]+\//, '')}:${frame.lineNumber + 1}`;
      if (!seenFn.has(f)) {
        seenFn.add(f);
        inclusiveFn.set(f, (inclusiveFn.get(f) ?? 0) + us);
      }
      const g = where(frame.url);
      if (!seen.has(g)) {
        seen.add(g);
        inclusive.set(g, (inclusive.get(g) ?? 0) + us);
      }
    }
  }
  const perTurn = (us: number) => (us / Math.max(1, turns)).toFixed(1).padStart(7);
  process.stdout.write(`sampled CPU in window ${(total / 1000).toFixed(0)} ms = ${perTurn(total)} µs/turn\n\nself time by package (µs/turn):\n`);
  for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`${perTurn(v)}  ${k}\n`);
  process.stdout.write(`\ninclusive by package/app folder (µs/turn):\n`);
  for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(`${perTurn(v)}  ${k}\n`);
  process.stdout.write(`\nself time by function (µs/turn):\n`);
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 45)) process.stdout.write(`${perTurn(v)}  ${k}\n`);
  process.stdout.write(`\ninclusive by function (µs/turn):\n`);
  for (const [k, v] of [...inclusiveFn].sort((a, b) => b[1] - a[1]).slice(0, 90)) process.stdout.write(`${perTurn(v)}  ${k}\n`);
  process.stdout.write(`\nprofile: ${join(profDir, file)}\nwindow: ${startUs} ${endUs} ${turns}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`profile-turns: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
