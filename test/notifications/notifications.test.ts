import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgDatabase } from '../../adapters/postgres/pg-database.js';
import { PgCaseStore } from '../../adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from '../../adapters/postgres/pg-directory-store.js';
import { portalEventSchema, type Actor } from '../../portal/index.js';
import { startTestAssistant, type TestAssistant } from '../support/assistant.js';
import { ConnectorListener, postActivity, type SentActivity } from '../support/connector-listener.js';
import { connectToSchema, createTestDatabase, type TestDatabase } from '../support/database.js';
import { teamsActivity } from '../support/teams.js';
import { displayText } from '../../dialogs/cards/card-text.js';

/** What a Teams notification shows: the banner summary, any text, and the card's text blocks and facts. */
function shown(activity: SentActivity | undefined): string {
  const parts: string[] = [String(activity?.summary ?? ''), String(activity?.text ?? '')];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') parts.push(o[key]);
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(activity?.attachments);
  return parts.join('\n');
}

const AGENT: Actor = { kind: 'agent', agentId: 'agent-7' };
const FAST_NOTIFY = { DEMO_MODE: 'true', NOTIFICATIONS_ENABLED: 'true', NOTIFY_RETRY_BASE_MS: '150', NOTIFY_SWEEP_INTERVAL_MS: '300', NOTIFY_OUTBOX_POLL_MS: '100' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}

/**
 * Three "processes" on one PostgreSQL schema, each with its own connection pool: the assistant
 * the user talks to (notifications off), the service desk changing cases through the store, and
 * a second assistant that sends the notifications.
 */
describe('notifications across processes', () => {
  let world: TestDatabase;
  let front: TestAssistant;
  let sender: TestAssistant;
  let sender2: TestAssistant | undefined;
  let agentDb: PgDatabase;
  let desk: PgCaseStore;
  let connector: ConnectorListener;
  let serviceUrl: string;
  const extraDbs: PgDatabase[] = [];
  const anna = { userId: '29:anna', aadObjectId: randomUUID(), email: 'anna@eksempelstyrelsen.dk', conversationId: `teams-${randomUUID()}` };
  let annaId = '';

  const startSender = async (): Promise<TestAssistant> => {
    const schema = world.schema ?? '';
    const db = connectToSchema(schema);
    extraDbs.push(db);
    return startTestAssistant('postgres', FAST_NOTIFY, { db, schema, dispose: async () => undefined });
  };
  const toAnna = (number: string): SentActivity[] => connector.for(anna.conversationId).filter((a) => a.type === 'message' && shown(a).includes(number));
  const caseOf = async (key: string): Promise<string> => {
    const { rows } = await world.db.query<{ number: string }>('SELECT number FROM portal_case WHERE idempotency_key = $1', [key]);
    return rows[0]?.number ?? '';
  };
  const deliveries = async (number: string) =>
    (await world.db.query<{ user_id: string; status: string; attempts: number; channel_id: string | null }>(`SELECT user_id, status, attempts, channel_id FROM notification_delivery WHERE event->>'caseNumber' = $1`, [number])).rows;

  beforeAll(async () => {
    world = await createTestDatabase('postgres');
    connector = new ConnectorListener();
    serviceUrl = await connector.start();
    connector.members.set(anna.userId, { id: anna.userId, name: 'Anna Andersen', aadObjectId: anna.aadObjectId, email: anna.email });
    front = await startTestAssistant('postgres', { DEMO_MODE: 'true', NOTIFICATIONS_ENABLED: 'false' }, world);
    sender = await startSender();
    agentDb = connectToSchema(world.schema ?? '');
    desk = new PgCaseStore(agentDb);
    // Anna talks to the assistant in Teams once: her conversation is remembered.
    await postActivity(front.url, teamsActivity({ serviceUrl, conversationId: anna.conversationId, userId: anna.userId, aadObjectId: anna.aadObjectId, text: 'hej', locale: 'da-DK' }));
    await connector.waitFor(() => connector.for(anna.conversationId).some((a) => a.type === 'message'));
    annaId = (await new PgDirectoryStore(world.db).getUserByEmail(anna.email))?.id ?? '';
  });

  afterAll(async () => {
    await sender2?.dispose();
    await sender?.dispose();
    await front?.dispose();
    for (const db of extraDbs) await db.close();
    await agentDb?.close();
    await connector.stop();
    await world.dispose();
  });

  describe('when an agent changes the status of a case in one process', () => {
    it('the requester gets a Danish message in her Teams conversation, sent by the other process', async () => {
      const number = await caseOf('demo-case-1');
      const changed = await desk.changeStatus(number, { to: 'under_behandling', actor: AGENT, note: 'Vi kigger på den.' });
      expect(changed.ok).toBe(true);
      await connector.waitFor(() => toAnna(number).length >= 1);
      await sleep(800);
      const sent = toAnna(number);
      expect(sent).toHaveLength(1);
      expect(shown(sent[0])).toContain('Status på sag');
      expect(shown(sent[0])).toContain('Under behandling');
      expect(shown(sent[0])).toContain('Vi kigger på den.');
      expect(sent[0]?.conversation?.id).toBe(anna.conversationId);
      expect(await deliveries(number)).toEqual([expect.objectContaining({ user_id: annaId, status: 'sent', channel_id: 'msteams' })]);
    });
  });

  describe('when an agent comments on a case sent from a shared mailbox', () => {
    it('every member with a conversation gets it; a member without one is skipped and logged', async () => {
      const number = await caseOf('demo-case-2'); // Mette's case, sent from the Løn mailbox (Anna and Mette are members)
      const commented = await desk.addComment(number, { author: 'agent', actor: AGENT, text: 'Vi har brug for **medarbejdernumrene**.' });
      expect(commented.ok).toBe(true);
      await connector.waitFor(() => toAnna(number).length >= 1);
      expect(shown(toAnna(number)[0])).toContain('Servicedesken har skrevet en kommentar');
      expect(shown(toAnna(number)[0])).toContain(displayText('Vi har brug for **medarbejdernumrene**.')); // shown as typed, never as markup
      const rows = await eventually(() => deliveries(number), (r) => r.length === 2 && r.every((d) => d.status !== 'sending' && d.status !== 'pending'));
      expect(rows.map((r) => r.status).sort()).toEqual(['sent', 'skipped']);
    });
  });

  describe('when the Bot Connector refuses the first two attempts (429, then 502)', () => {
    it('retries with backoff and delivers exactly once', async () => {
      const number = await caseOf('demo-case-3');
      let failures = 0;
      connector.failureHeaders = { 'Retry-After': '0' };
      connector.respond = (activity) => {
        if (shown(activity).includes(number) && failures < 2) return failures++ === 0 ? 429 : 502;
        return 200;
      };
      try {
        const changed = await desk.changeStatus(number, { to: 'under_behandling', actor: AGENT });
        expect(changed.ok).toBe(true);
        await connector.waitFor(() => toAnna(number).length >= 1, 20_000);
        await sleep(1000);
        expect(failures).toBe(2);
        expect(toAnna(number)).toHaveLength(1);
        const failed = connector.requests.filter((r) => r.status >= 400 && shown(r.activity).includes(number));
        expect(failed.map((r) => r.status)).toEqual([429, 502]);
        const [row] = await eventually(() => deliveries(number), (r) => r[0]?.status === 'sent');
        expect(row).toMatchObject({ status: 'sent' });
      } finally {
        connector.respond = () => 200;
        connector.failureHeaders = {};
      }
    });
  });

  describe('when the Bot Connector answers 412 twice (which the SDK does not retry itself)', () => {
    it('the ledger retries later and delivers exactly once on the third attempt', async () => {
      const number = await caseOf('demo-case-1');
      let failures = 0;
      connector.respond = (activity) => (shown(activity).includes(number) && shown(activity).includes('Afventer kunde') && failures++ < 2 ? 412 : 200);
      try {
        expect((await desk.changeStatus(number, { to: 'afventer_kunde', actor: AGENT })).ok).toBe(true);
        await connector.waitFor(() => toAnna(number).some((a) => shown(a).includes('Afventer kunde')), 20_000);
        const rows = await eventually(() => deliveries(number), (r) => r.some((d) => d.attempts === 3 && d.status === 'sent'));
        expect(rows).toContainEqual(expect.objectContaining({ status: 'sent', attempts: 3 }));
        await sleep(500);
        expect(toAnna(number).filter((a) => shown(a).includes('Afventer kunde'))).toHaveLength(1);
      } finally {
        connector.respond = () => 200;
      }
    });

    it('gives up at once on a refusal (403) and sends nothing', async () => {
      const number = await caseOf('demo-case-1');
      connector.respond = (activity) => (shown(activity).includes(number) && shown(activity).includes('Løst') ? 403 : 200);
      try {
        expect((await desk.changeStatus(number, { to: 'loest', actor: AGENT })).ok).toBe(true);
        const rows = await eventually(() => deliveries(number), (r) => r.some((d) => d.status === 'failed'));
        expect(rows).toContainEqual(expect.objectContaining({ status: 'failed', attempts: 1 }));
        expect(toAnna(number).filter((a) => shown(a).includes('Løst'))).toHaveLength(0);
      } finally {
        connector.respond = () => 200;
      }
    });
  });

  describe('when two processes send and an event is delivered twice', () => {
    it('the message is sent once', async () => {
      sender2 = await startSender();
      const number = await caseOf('demo-case-3');
      const changed = await desk.changeStatus(number, { to: 'loest', actor: AGENT });
      expect(changed.ok).toBe(true);
      await connector.waitFor(() => toAnna(number).some((a) => shown(a).includes('Løst')));
      // The same outbox event handed to both notifiers again, and both dispatch at once.
      const { rows } = await world.db.query<{ id: string | number; payload: unknown }>(`SELECT id, payload FROM portal_outbox WHERE payload->>'caseNumber' = $1 ORDER BY id DESC LIMIT 1`, [number]);
      const published = { id: String(rows[0]?.id), event: portalEventSchema.parse(rows[0]?.payload) };
      await Promise.all([sender.notifier?.handle(published), sender2.notifier?.handle(published), sender.notifier?.dispatch(), sender2.notifier?.dispatch()]);
      await sleep(1200);
      expect(toAnna(number).filter((a) => shown(a).includes('Løst'))).toHaveLength(1);
      const rowsForEvent = await world.db.query(`SELECT status FROM notification_delivery WHERE event_id = $1`, [published.id]);
      expect(rowsForEvent.rows).toEqual([{ status: 'sent' }]);
    });
  });
});
