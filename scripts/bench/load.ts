import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Latency figures of one run, in milliseconds. */
export interface LoadFigures {
  turns: number;
  errors: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/** The median of unsorted values. */
export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** The first and third quartile of unsorted values, as "q1–q3" to three decimals. */
export function quartiles(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${round(percentile(sorted, 25), 3)}–${round(percentile(sorted, 75), 3)}`;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Stands in for the Bot Connector: receives the bot's replies and resolves the turn that
 * is waiting for a reply to that activity id. Keep-alive on both sides.
 */
export class ReplyListener {
  private readonly server: Server;
  private readonly waiting = new Map<string, { resolve: (activity: Record<string, unknown>) => void; want: (a: Record<string, unknown>) => boolean }>();
  readonly byConversation = new Map<string, Record<string, unknown>[]>();
  url = '';

  constructor() {
    this.server = createServer({ keepAlive: true }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"r"}');
        if (!match) return;
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        const conversationId = decodeURIComponent(match[1] ?? '');
        const list = this.byConversation.get(conversationId) ?? [];
        list.push(activity);
        this.byConversation.set(conversationId, list);
        const replyTo = String(activity.replyToId ?? (match[2] ? decodeURIComponent(match[2]) : ''));
        const waiter = this.waiting.get(replyTo);
        if (waiter && waiter.want(activity)) {
          this.waiting.delete(replyTo);
          waiter.resolve(activity);
        }
      });
    });
    this.server.keepAliveTimeout = 60_000;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** A promise for the first reply to `activityId` that satisfies `want` (default: any message). */
  expect(activityId: string, want: (a: Record<string, unknown>) => boolean = (a) => a.type === 'message'): Promise<Record<string, unknown>> {
    return new Promise((resolve) => this.waiting.set(activityId, { resolve, want }));
  }

  cancel(activityId: string): void {
    this.waiting.delete(activityId);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

let sequence = 0;

export interface TurnResult {
  ms: number;
  reply?: Record<string, unknown>;
  error?: string;
}

/** Posts one message activity and waits for the bot's reply at the listener. */
export async function turn(
  baseUrl: string,
  listener: ReplyListener,
  options: { conversationId: string; from: string; text?: string; value?: unknown; locale?: string; timeoutMs?: number; want?: (a: Record<string, unknown>) => boolean },
): Promise<TurnResult> {
  const id = `b${process.pid}-${++sequence}`;
  const activity = {
    type: 'message',
    id,
    channelId: 'emulator',
    serviceUrl: listener.url,
    conversation: { id: options.conversationId },
    from: { id: options.from, name: options.from },
    recipient: { id: 'bot', name: 'Assistent' },
    locale: options.locale ?? 'da-DK',
    text: options.text,
    ...(options.value === undefined ? {} : { value: options.value }),
    timestamp: new Date().toISOString(),
  };
  const replied = listener.expect(id, options.want);
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const body = JSON.stringify(activity);
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${baseUrl}/api/messages`);
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    if (status >= 300) {
      listener.cancel(id);
      return { ms: performance.now() - started, error: `HTTP ${status}` };
    }
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), options.timeoutMs ?? 30_000);
    });
    const reply = await Promise.race([replied, timeout]);
    if (!reply) {
      listener.cancel(id);
      return { ms: performance.now() - started, error: 'no reply' };
    }
    return { ms: performance.now() - started, reply };
  } catch (error: unknown) {
    listener.cancel(id);
    return { ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Summarises turn latencies measured over `seconds`. */
export function figures(latencies: number[], errors: number, seconds: number): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    turns: latencies.length,
    errors,
    turnsPerSecond: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
  };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** CPU time (user + system) the process has used so far, in milliseconds; 0 where /proc is missing. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** CPU time used so far by every process whose command is `name` (e.g. the PostgreSQL server's backends), in milliseconds. */
export function commandCpuMs(name: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === name) total += processCpuMs(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/** CPU time of a process from /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms). */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * A bench is one client hammering the assistant: the rate limits are set far above what it does,
 * but still counted, so their cost is part of the figures.
 */
export const BENCH_LIMITS: Readonly<Record<string, string>> = {
  RATE_LIMIT_PER_MINUTE: '100000',
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
  RATE_LIMIT_TOKENS_PER_MINUTE: '100000',
  RATE_LIMIT_CASES_PER_HOUR: '100000',
  RATE_LIMIT_AGENT_PER_MINUTE: '1000000',
};

/** Starts `entry` with tsx in a child process (node given `nodeArgs`, e.g. `--cpu-prof`) and waits for its "kører: <url>" line. */
export async function startServerProcess(entry: string, env: Record<string, string> = {}, args: string[] = [], nodeArgs: string[] = []): Promise<ServerProcess> {
  // A plain JavaScript entry (scripts/start.mjs: the build `npm start` runs) without tsx.
  const loader = /\.(?:mjs|cjs|js)$/.test(entry) ? [] : ['--import', 'tsx'];
  // BENCH_NODE_ARGS: node options for every server a bench starts (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
  const benchNodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...benchNodeArgs, ...nodeArgs, ...loader, entry, ...args], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_NO_WARNINGS: '1', ...BENCH_LIMITS, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    // BENCH_START_TIMEOUT_MS: a start on a busy shared machine can take longer than the default minute.
    const timer = setTimeout(() => reject(new Error(`bench: ${entry} did not start: ${out.slice(-500)}`)), Number(process.env.BENCH_START_TIMEOUT_MS ?? 60_000));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /kører: (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`bench: ${entry} exited with ${code}: ${out.slice(-500)}`)));
  });
  child.stdout?.resume();
  return {
    url,
    child,
    cpuMs: () => processCpuMs(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs `conversations` concurrent users, each doing `turnsEach` sequential turns. */
export async function runConcurrent(
  conversations: number,
  userTurns: (index: number, record: (result: TurnResult) => void) => Promise<void>,
): Promise<{ latencies: number[]; errors: number; seconds: number; errorSamples: string[] }> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const record = (result: TurnResult) => {
    if (result.error) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(result.error);
    } else latencies.push(result.ms);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: conversations }, (_, i) => userTurns(i, record)));
  return { latencies, errors, seconds: (performance.now() - started) / 1000, errorSamples };
}

/**
 * A database for each benchmark server: a data folder of its own (PGlite), or a fresh schema on
 * `databaseUrl` (PostgreSQL); {@link dispose} removes them all.
 */
export class BenchDatabases {
  private readonly folders: string[] = [];
  private readonly schemas: string[] = [];

  constructor(
    private readonly databaseUrl: string | undefined,
    /** Names the folders and schemas ("ab_" → ab_1a2b3c4d). */
    private readonly prefix: string,
  ) {}

  /** The settings that point a server at a new database of its own, with `extra` beside them. */
  async env(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    if (this.databaseUrl) {
      const schema = `${this.prefix}${randomBytes(4).toString('hex')}`;
      await this.admin(`CREATE SCHEMA ${schema}`);
      this.schemas.push(schema);
      const url = new URL(this.databaseUrl);
      url.searchParams.set('options', `-c search_path=${schema},public`);
      return { DATABASE_URL: url.toString(), ...extra };
    }
    const folder = mkdtempSync(join(tmpdir(), this.prefix));
    this.folders.push(folder);
    return { DATA_DIR: folder, ...extra };
  }

  async dispose(): Promise<void> {
    for (const folder of this.folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    for (const schema of this.schemas.splice(0)) await this.admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  }
}
