import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { ANNA, annaCaseTurns, caseNumberIn, Chat } from '../../support/chat.js';
import { DATABASE_KINDS } from '../../support/database.js';
import { call, message, portalToken, postActivity, startConversation, WEBCHAT_ENV, type DlConversation } from '../../support/direct-line-client.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const AGENT_TOKEN = 'agent-token-0123456789abcdef';

/** One sample of the text format: `name{label="value",…} number` (prom-client writes NaN as `Nan`, which Prometheus reads). */
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*)\})? (-?(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|\+Inf|-Inf|[Nn]a[Nn]))$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

interface Scrape {
  /** `name{a="x",b="y"}` (labels sorted) → value. */
  samples: Map<string, number>;
  /** Family name → its TYPE. */
  types: Map<string, string>;
}

const key = (name: string, labels: Record<string, string> = {}): string => {
  const parts = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`);
  return parts.length > 0 ? `${name}{${parts.join(',')}}` : name;
};

/**
 * Parses the Prometheus text format strictly: every line is a HELP, a TYPE or a sample, and every
 * sample belongs to a family whose HELP and TYPE came first (histograms: `_bucket`, `_sum`,
 * `_count`). Throws on anything else.
 */
function parseExposition(text: string): Scrape {
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  const helps = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$/.exec(line);
    if (help?.[1]) {
      helps.add(help[1]);
      continue;
    }
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type?.[1] && type[2]) {
      types.set(type[1], type[2]);
      continue;
    }
    const sample = SAMPLE.exec(line);
    if (!sample?.[1] || sample[3] === undefined) throw new Error(`not a line of the text format: ${line}`);
    const name = sample[1];
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    if (!types.has(family) || !helps.has(family)) throw new Error(`a sample before its family's HELP and TYPE: ${line}`);
    const labels: Record<string, string> = {};
    for (const m of (sample[2] ?? '').matchAll(LABEL)) if (m[1] && m[2] !== undefined) labels[m[1]] = m[2];
    samples.set(key(name, labels), Number(sample[3]));
  }
  return { samples, types };
}

describe('GET /metrics', () => {
  describe('when METRICS_ENABLED is not set', () => {
    let assistant: TestAssistant;
    beforeAll(async () => {
      assistant = await startTestAssistant('pglite');
    });
    afterAll(async () => assistant?.dispose());

    it('answers 404: there is no such route', async () => {
      const response = await fetch(`${assistant.url}/metrics`);
      expect(response.status).toBe(404);
      expect(assistant.metrics).toBeUndefined();
    });
  });

  describe('when METRICS_ENABLED is set without a token', () => {
    let assistant: TestAssistant;
    beforeAll(async () => {
      assistant = await startTestAssistant('pglite', { METRICS_ENABLED: 'true' });
    });
    afterAll(async () => assistant?.dispose());

    it('serves the metrics to whoever asks', async () => {
      const response = await fetch(`${assistant.url}/metrics`);
      expect(response.status).toBe(200);
      expect(parseExposition(await response.text()).types.get('assistant_turns_total')).toBe('counter');
    });
  });

  describe.each(DATABASE_KINDS)('on %s, with METRICS_ENABLED and METRICS_TOKEN', (kind) => {
    let assistant: TestAssistant;
    let conversation: DlConversation;
    const chat = new Chat();

    const scrape = async (): Promise<Scrape> => {
      const response = await fetch(`${assistant.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      return parseExposition(await response.text());
    };
    const value = (s: Scrape, name: string, labels: Record<string, string> = {}): number => s.samples.get(key(name, labels)) ?? 0;

    beforeAll(async () => {
      assistant = await startTestAssistant(kind, {
        ...WEBCHAT_ENV,
        DEMO_MODE: 'true',
        METRICS_ENABLED: 'true',
        METRICS_TOKEN,
        AGENT_API_TOKEN: AGENT_TOKEN,
        RATE_LIMIT_TOKENS_PER_MINUTE: '3',
      });
      await chat.start();
      conversation = await startConversation(assistant.url, await portalToken(assistant.url, ANNA));
    }, 120_000);
    afterAll(async () => {
      await chat.stop();
      await assistant?.dispose();
    });

    it('refuses a scrape without the token, or with another one (401)', async () => {
      const without = await fetch(`${assistant.url}/metrics`);
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toBe('Bearer');
      expect(await without.text()).not.toContain('assistant_');
      const wrong = await fetch(`${assistant.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
      expect(wrong.status).toBe(401);
      const notBearer = await fetch(`${assistant.url}/metrics`, { headers: { authorization: `Basic ${METRICS_TOKEN}` } });
      expect(notBearer.status).toBe(401);
    });

    it("serves the text format, with the process's default metrics and the event-loop delay", async () => {
      // The event-loop delay is sampled every 10 ms and reset at each scrape: give it samples.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const response = await fetch(`${assistant.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const s = parseExposition(await response.text());
      expect(s.types.get('assistant_turn_duration_seconds')).toBe('histogram');
      for (const name of ['assistant_turns_total', 'assistant_knowledge_outcomes_total', 'assistant_cases_created_total', 'assistant_notifications_total', 'assistant_rate_limited_total']) {
        expect(s.types.get(name), name).toBe('counter');
      }
      expect(s.types.get('nodejs_eventloop_lag_p99_seconds')).toBe('gauge');
      expect(value(s, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
      expect(value(s, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it('counts a web chat turn with its latency, the knowledge answer and the verdict on it', async () => {
      const before = await scrape();
      const asked = await postActivity(assistant.url, conversation, message('Jeg har glemt min adgangskode til Serviceportalen', { from: { id: ANNA, name: 'Anna' } }));
      expect(asked.status).toBe(200);
      const verdict = await postActivity(assistant.url, conversation, message('Ja', { from: { id: ANNA, name: 'Anna' } }));
      expect(verdict.status).toBe(200);
      const after = await scrape();
      const turns = { channel: 'webchat', outcome: 'ok' };
      expect(value(after, 'assistant_turns_total', turns) - value(before, 'assistant_turns_total', turns)).toBe(2);
      const latency = { channel: 'webchat' };
      expect(value(after, 'assistant_turn_duration_seconds_count', latency) - value(before, 'assistant_turn_duration_seconds_count', latency)).toBe(2);
      expect(value(after, 'assistant_turn_duration_seconds_sum', latency)).toBeGreaterThan(value(before, 'assistant_turn_duration_seconds_sum', latency));
      expect(value(after, 'assistant_turn_duration_seconds_bucket', { ...latency, le: '+Inf' })).toBe(value(after, 'assistant_turn_duration_seconds_count', latency));
      const outcome = (o: string) => value(after, 'assistant_knowledge_outcomes_total', { outcome: o }) - value(before, 'assistant_knowledge_outcomes_total', { outcome: o });
      expect([outcome('answered'), outcome('helpful'), outcome('unknown')]).toEqual([1, 1, 0]);
    });

    it('counts a Bot Framework turn under its channel, and a question nobody can answer', async () => {
      const before = await scrape();
      const reply = await chat.say(assistant.url, ANNA, `metrics-${randomUUID()}`, 'Hvordan bestiller jeg zebrafinker til kantinen?');
      expect(reply.text).toContain('Det kan jeg desværre ikke finde');
      const after = await scrape();
      const turns = { channel: 'emulator', outcome: 'ok' };
      expect(value(after, 'assistant_turns_total', turns) - value(before, 'assistant_turns_total', turns)).toBe(1);
      expect(value(after, 'assistant_knowledge_outcomes_total', { outcome: 'unknown' }) - value(before, 'assistant_knowledge_outcomes_total', { outcome: 'unknown' })).toBe(1);
    });

    it("counts a case under its area, and the notification the desk's comment sends", async () => {
      const before = await scrape();
      const conversationId = `metrics-${randomUUID()}`;
      let number: string | undefined;
      for (const [say, expected] of annaCaseTurns(`Lønnen mangler for to medarbejdere (${randomUUID()}).`)) {
        const reply = await chat.say(assistant.url, ANNA, conversationId, say);
        expect(reply.text, say).toContain(expected);
        number ??= caseNumberIn(reply.text);
      }
      expect(number).toBeDefined();
      const area = { area: 'loen-hr' };
      const created = await scrape();
      expect(value(created, 'assistant_cases_created_total', area) - value(before, 'assistant_cases_created_total', area)).toBe(1);

      const comment = await call(`${assistant.url}/api/agent/cases/${number}/comments`, { token: AGENT_TOKEN, body: { text: 'Vi kigger på lønkørslen i dag.' } });
      expect(comment.status).toBe(201);
      let sent = 0;
      for (let i = 0; i < 100 && sent < 1; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        sent = value(await scrape(), 'assistant_notifications_total', { outcome: 'sent' }) - value(before, 'assistant_notifications_total', { outcome: 'sent' });
      }
      expect(sent).toBe(1);
    }, 60_000);

    it('counts requests a rate limit refuses, by kind', async () => {
      const before = await scrape();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await call(`${assistant.url}/api/webchat/token`, { token: WEBCHAT_ENV.PORTAL_API_SECRET, body: { user: 'lars@testministeriet.dk' } })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const after = await scrape();
      expect(value(after, 'assistant_rate_limited_total', { kind: 'token' }) - value(before, 'assistant_rate_limited_total', { kind: 'token' })).toBe(2);
    });

    it("reports the database's connections", async () => {
      const s = await scrape();
      if (kind === 'pglite') {
        expect(value(s, 'assistant_db_connections_max')).toBe(1);
        expect(value(s, 'assistant_db_connections')).toBe(1);
      } else {
        // The test database's pool (5 connections), of which the LISTEN connection is always in use.
        expect(value(s, 'assistant_db_connections_max')).toBe(5);
        expect(value(s, 'assistant_db_connections_in_use')).toBeGreaterThanOrEqual(1);
        expect(value(s, 'assistant_db_connections')).toBeGreaterThanOrEqual(value(s, 'assistant_db_connections_in_use'));
      }
      expect(value(s, 'assistant_db_connections_waiting')).toBeGreaterThanOrEqual(0);
      expect(s.types.get('assistant_db_connections_waiting')).toBe('gauge');
    });
  });
});
