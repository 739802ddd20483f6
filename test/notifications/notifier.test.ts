import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../adapters/http/bot-connector-sender.js';
import { PgDirectoryStore } from '../../adapters/postgres/pg-directory-store.js';
import { PgConversationReferenceStore, PgDeliveryLedger } from '../../adapters/postgres/pg-notifications.js';
import { silentLogger } from '../../bot/logger.js';
import { Notifier } from '../../bot/notifications/notifier.js';
import { DeliveryError, type ProactiveMessage, type ProactiveSender, type StoredReference } from '../../bot/notifications/ports.js';
import { PgCaseStore } from '../../adapters/postgres/pg-case-store.js';
import { seedDemoData, type CaseDomainEvent } from '../../portal/index.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/database.js';
import { RecordingMetrics } from '../fakes/recording-metrics.js';

class FlakySender implements ProactiveSender {
  readonly sent: Array<{ target: StoredReference; message: ProactiveMessage }> = [];
  calls = 0;
  constructor(private readonly failures: number, private readonly error: () => Error) {}
  async send(target: StoredReference, message: ProactiveMessage): Promise<void> {
    this.calls++;
    if (this.calls <= this.failures) throw this.error();
    this.sent.push({ target, message });
  }
}

describe('Notifier with the PostgreSQL ledger (PGlite)', () => {
  let world: TestDatabase;
  let annaId = '';
  let metteId = '';
  let event: CaseDomainEvent;

  beforeAll(async () => {
    world = await createTestDatabase('pglite');
    const directory = new PgDirectoryStore(world.db);
    await seedDemoData(directory, new PgCaseStore(world.db));
    annaId = (await directory.getUserByEmail('anna@eksempelstyrelsen.dk'))?.id ?? '';
    metteId = (await directory.getUserByEmail('mette@eksempelstyrelsen.dk'))?.id ?? '';
    await new PgConversationReferenceStore(world.db).save(
      annaId,
      { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c-anna', isGroup: false, conversationType: 'personal', name: '' }, activityId: 'a1' },
      'en',
    );
    event = {
      type: 'case.status_changed',
      caseId: 'x',
      caseNumber: 'SA-2026-000001',
      subject: 'Rejseafregning afvist',
      institutionId: 'eksempelstyrelsen',
      requesterId: annaId,
      sentFromId: annaId,
      actor: { kind: 'agent', agentId: 'a' },
      at: new Date().toISOString(),
      from: 'modtaget',
      to: 'under_behandling',
      note: null,
    };
  });
  afterAll(async () => world.dispose());

  const notifier = (sender: ProactiveSender, maxAttempts = 3, metrics = new RecordingMetrics()) =>
    new Notifier({
      metrics,
      ledger: new PgDeliveryLedger(world.db),
      references: new PgConversationReferenceStore(world.db),
      directory: new PgDirectoryStore(world.db),
      senders: new Map([['msteams', sender]]),
      logger: silentLogger,
      maxAttempts,
      retryBaseMs: 5,
      retryMaxMs: 20,
    });

  const drain = async (n: Notifier, rounds = 10) => {
    for (let i = 0; i < rounds; i++) {
      await n.dispatch();
      await new Promise((r) => setTimeout(r, 30));
    }
  };

  const row = async (eventId: string, userId: string) =>
    (await world.db.query<{ status: string; attempts: number }>('SELECT status, attempts FROM notification_delivery WHERE event_id = $1 AND user_id = $2', [eventId, userId])).rows[0];

  describe('when the send keeps failing with a retryable error', () => {
    it('tries maxAttempts times with backoff, then gives up', async () => {
      const sender = new FlakySender(99, () => new DeliveryError('HTTP 502', true, { status: 502 }));
      const metrics = new RecordingMetrics();
      const n = notifier(sender, 3, metrics);
      await n.handle({ id: 'e-giveup', event });
      await drain(n);
      expect(sender.calls).toBe(3);
      expect(await row('e-giveup', annaId)).toEqual({ status: 'failed', attempts: 3 });
      expect(metrics.notifications).toEqual(['retried', 'retried', 'given_up']);
    });
  });

  describe('when the send fails twice and then succeeds', () => {
    it('sends once, in the language stored with the reference', async () => {
      const sender = new FlakySender(2, () => new DeliveryError('HTTP 429', true, { status: 429, retryAfterMs: 10 }));
      const metrics = new RecordingMetrics();
      const n = notifier(sender, 5, metrics);
      await n.handle({ id: 'e-retry', event });
      await n.handle({ id: 'e-retry', event }); // redelivered by the outbox: nothing more is recorded
      await drain(n);
      expect(sender.sent).toHaveLength(1);
      expect(sender.sent[0]?.message.text).toMatch(/^The status of case SA-2026-000001/);
      expect(await row('e-retry', annaId)).toEqual({ status: 'sent', attempts: 3 });
      expect(metrics.notifications).toEqual(['retried', 'retried', 'sent']);
    });
  });

  describe('when the recipient never talked to the assistant', () => {
    it('skips the delivery', async () => {
      const sender = new FlakySender(0, () => new Error('unused'));
      const metrics = new RecordingMetrics();
      const n = notifier(sender, 3, metrics);
      await n.handle({ id: 'e-skip', event: { ...event, requesterId: metteId, sentFromId: metteId } });
      await drain(n, 2);
      expect(sender.calls).toBe(0);
      expect(await row('e-skip', metteId)).toEqual({ status: 'skipped', attempts: 1 });
      expect(metrics.notifications).toEqual(['skipped']);
    });
  });

  describe('when started with a first-round delay (start-up)', () => {
    it('sends a delivery left from before only after the delay', async () => {
      await new PgDeliveryLedger(world.db).enqueue('e-delayed', [annaId], event);
      const sender = new FlakySender(0, () => new Error('unused'));
      const n = notifier(sender, 3);
      const startedAt = Date.now();
      n.start(300);
      try {
        await new Promise((r) => setTimeout(r, 100));
        expect(sender.calls).toBe(0);
        for (let i = 0; i < 200 && sender.sent.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
        expect(sender.sent).toHaveLength(1);
        expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
      } finally {
        await n.stop();
      }
    });
  });

  describe('when a process died while sending (its lease ran out)', () => {
    it('the delivery is given up, never resent', async () => {
      const ledger = new PgDeliveryLedger(world.db);
      await ledger.enqueue('e-crash', [annaId], event);
      const claimed = await ledger.claimDue(10, 1);
      expect(claimed.map((d) => d.eventId)).toContain('e-crash');
      await new Promise((r) => setTimeout(r, 20));
      const sender = new FlakySender(0, () => new Error('unused'));
      const metrics = new RecordingMetrics();
      await notifier(sender, 3, metrics).dispatch();
      expect(sender.calls).toBe(0);
      expect(await row('e-crash', annaId)).toMatchObject({ status: 'failed' });
      expect(metrics.notifications).toEqual(['given_up']);
    });
  });

  describe('classify', () => {
    it.each([
      [{ statusCode: 429, response: { headers: { get: (h: string) => (h === 'retry-after' ? '3' : undefined) } } }, true, 3000],
      [{ statusCode: 412 }, true, undefined],
      [{ statusCode: 504 }, true, undefined],
      [{ statusCode: 403 }, false, undefined],
      [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, true, undefined],
    ])('%j → retryable %s, Retry-After %s ms', (error, retryable, retryAfterMs) => {
      const classified = classify(error);
      expect(classified.retryable).toBe(retryable);
      expect(classified.options.retryAfterMs).toBe(retryAfterMs);
    });
  });
});

/**
 * The retry timing, on the ledger both databases share: each failed attempt must be due again
 * after the doubling backoff (capped), or after the channel's Retry-After when that is longer.
 * The delay is read back from the stored `next_attempt_at`, bracketed by the clock around the send.
 */
describe.each(DATABASE_KINDS)('Notifier retry timing on %s', (kind) => {
  let world: TestDatabase;
  let annaId = '';
  let event: CaseDomainEvent;

  beforeAll(async () => {
    world = await createTestDatabase(kind);
    const directory = new PgDirectoryStore(world.db);
    await seedDemoData(directory, new PgCaseStore(world.db));
    annaId = (await directory.getUserByEmail('anna@eksempelstyrelsen.dk'))?.id ?? '';
    await new PgConversationReferenceStore(world.db).save(
      annaId,
      { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c-anna', isGroup: false, conversationType: 'personal', name: '' } },
      'da',
    );
    event = {
      type: 'case.status_changed',
      caseId: 'x',
      caseNumber: 'SA-2026-000001',
      subject: 'Rejseafregning afvist',
      institutionId: 'eksempelstyrelsen',
      requesterId: annaId,
      sentFromId: annaId,
      actor: { kind: 'agent', agentId: 'a' },
      at: new Date().toISOString(),
      from: 'modtaget',
      to: 'under_behandling',
      note: null,
    };
  });
  afterAll(async () => world?.dispose());

  const notifier = (sender: ProactiveSender) =>
    new Notifier({
      ledger: new PgDeliveryLedger(world.db),
      references: new PgConversationReferenceStore(world.db),
      directory: new PgDirectoryStore(world.db),
      senders: new Map([['msteams', sender]]),
      logger: silentLogger,
      maxAttempts: 10,
      retryBaseMs: 1000,
      retryMaxMs: 10_000,
    });

  /** Runs one attempt of the delivery; answers the bounds of the delay it was given, in ms. */
  async function attempt(n: Notifier, eventId: string): Promise<{ atLeast: number; atMost: number }> {
    // Due now, so this dispatch takes it: the test does not wait out the backoff.
    await world.db.query(`UPDATE notification_delivery SET next_attempt_at = now() - interval '1 second' WHERE event_id = $1`, [eventId]);
    const before = Date.now();
    expect(await n.dispatch()).toBe(1);
    const after = Date.now();
    const { rows } = await world.db.query<{ at: Date | string; status: string }>(
      'SELECT next_attempt_at AS at, status FROM notification_delivery WHERE event_id = $1 AND user_id = $2',
      [eventId, annaId],
    );
    expect(rows[0]?.status).toBe('pending');
    const at = new Date(rows[0]?.at ?? 0).getTime();
    return { atLeast: at - after, atMost: at - before };
  }

  it('doubles the delay after each failure, up to retryMaxMs', async () => {
    const n = notifier(new FlakySender(99, () => new DeliveryError('HTTP 502', true, { status: 502 })));
    await n.handle({ id: `e-backoff-${kind}`, event });
    const expected = [1000, 2000, 4000, 8000, 10_000];
    for (const [i, backoff] of expected.entries()) {
      const delay = await attempt(n, `e-backoff-${kind}`);
      // Up to 10 % jitter on top, never below the backoff.
      expect(delay.atMost, `attempt ${i + 1}`).toBeGreaterThanOrEqual(backoff);
      expect(delay.atLeast, `attempt ${i + 1}`).toBeLessThanOrEqual(backoff * 1.1);
    }
  });

  it('waits the Retry-After when it is longer than the backoff, and the backoff when it is shorter', async () => {
    let retryAfterMs = 30_000;
    const n = notifier(new FlakySender(99, () => new DeliveryError('HTTP 429', true, { status: 429, retryAfterMs })));
    await n.handle({ id: `e-retry-after-${kind}`, event });
    const longer = await attempt(n, `e-retry-after-${kind}`);
    expect(longer.atMost).toBeGreaterThanOrEqual(30_000);
    expect(longer.atLeast).toBeLessThanOrEqual(30_000);
    retryAfterMs = 100; // second attempt: the backoff (2000 ms) is longer
    const shorter = await attempt(n, `e-retry-after-${kind}`);
    expect(shorter.atMost).toBeGreaterThanOrEqual(2000);
    expect(shorter.atLeast).toBeLessThanOrEqual(2200);
  });
});
