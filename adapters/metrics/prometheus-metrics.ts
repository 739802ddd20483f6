/**
 * The {@link Metrics} port on prom-client, in a registry of its own (several assistants in one
 * process — the tests — do not share counters), plus prom-client's default process metrics
 * (CPU, memory, garbage collection, event-loop delay) and the database connections read when
 * /metrics is scraped.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { KnowledgeOutcome, Metrics, NotificationOutcome, TurnOutcome } from '../../bot/metrics.js';
import type { LimitKind } from '../../bot/rate-limits.js';
import type { ConnectionStats } from '../postgres/database.js';

/**
 * Channel ids come from the activity, which a client writes (with authentication off, anyone):
 * any other value is counted as `other`, so a label cannot grow without bound.
 */
const KNOWN_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'webchat', 'emulator', 'directline', 'test']);

/** Turn latency buckets, seconds: a knowledge turn takes milliseconds, a turn under load seconds. */
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface PrometheusMetricsOptions {
  /** The database's connections now (read at each scrape); absent: not reported. */
  connections?: () => ConnectionStats;
  /** The catalogue's area ids: any other area is counted as `other`. Default: every area as given. */
  areas?: readonly string[];
}

export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'channel' | 'outcome'>;
  private readonly turnSeconds: Histogram<'channel'>;
  private readonly knowledge: Counter<'outcome'>;
  private readonly cases: Counter<'area'>;
  private readonly notifications: Counter<'outcome'>;
  private readonly limited: Counter<'kind'>;
  private readonly areas: ReadonlySet<string> | undefined;

  constructor(options: PrometheusMetricsOptions = {}) {
    const registers = [this.registry];
    this.areas = options.areas ? new Set(options.areas) : undefined;
    collectDefaultMetrics({ register: this.registry });
    this.turns = new Counter({ name: 'assistant_turns_total', help: 'Turns run, by channel and outcome (ok, failed).', labelNames: ['channel', 'outcome'], registers });
    this.turnSeconds = new Histogram({ name: 'assistant_turn_duration_seconds', help: 'How long a turn took, from the adapter starting it to its end (lease, state and replies included).', labelNames: ['channel'], buckets: TURN_BUCKETS, registers });
    this.knowledge = new Counter({
      name: 'assistant_knowledge_outcomes_total',
      help: "Knowledge answers the router chose (answered, ambiguous, unknown) and users' verdicts on them (helpful, not_helpful).",
      labelNames: ['outcome'],
      registers,
    });
    this.cases = new Counter({ name: 'assistant_cases_created_total', help: 'Cases users created in the chat or from Teams cards, by area.', labelNames: ['area'], registers });
    this.notifications = new Counter({ name: 'assistant_notifications_total', help: 'Notification deliveries by outcome (sent, retried, given_up, skipped).', labelNames: ['outcome'], registers });
    this.limited = new Counter({ name: 'assistant_rate_limited_total', help: 'Requests and turns refused by a rate limit, by kind (turn, address, token, case, agent).', labelNames: ['kind'], registers });
    const connections = options.connections;
    if (connections) {
      const gauge = (name: string, help: string, read: (stats: ConnectionStats) => number) =>
        new Gauge({
          name,
          help,
          registers,
          collect() {
            this.set(read(connections()));
          },
        });
      gauge('assistant_db_connections', 'Database connections open (PostgreSQL: the pool; PGlite: its one connection).', (s) => s.total);
      gauge('assistant_db_connections_in_use', 'Database connections in use (PostgreSQL: checked out of the pool, the LISTEN connection included; PGlite: 1 while a statement or transaction runs).', (s) => s.inUse);
      gauge('assistant_db_connections_waiting', 'Statements waiting for a connection (PostgreSQL: for the pool; PGlite: behind the running statement or transaction).', (s) => s.waiting);
      gauge('assistant_db_connections_max', 'Most connections this process opens (DATABASE_POOL_SIZE; PGlite: 1).', (s) => s.max);
    }
  }

  turnFinished(channel: string, outcome: TurnOutcome, ms: number): void {
    const label = KNOWN_CHANNELS.has(channel) ? channel : 'other';
    this.turns.inc({ channel: label, outcome });
    this.turnSeconds.observe({ channel: label }, ms / 1000);
  }

  knowledgeOutcome(outcome: KnowledgeOutcome): void {
    this.knowledge.inc({ outcome });
  }

  caseCreated(areaId: string): void {
    this.cases.inc({ area: !this.areas || this.areas.has(areaId) ? areaId : 'other' });
  }

  notification(outcome: NotificationOutcome, count = 1): void {
    this.notifications.inc({ outcome }, count);
  }

  rateLimited(kind: LimitKind): void {
    this.limited.inc({ kind });
  }

  /** The registry in the Prometheus text format, and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
