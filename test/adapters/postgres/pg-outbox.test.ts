import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../adapters/postgres/database.js';
import { OutboxNotifier, PgOutboxSubscriber, writeOutbox } from '../../../adapters/postgres/pg-outbox.js';
import type { PortalEvent, PublishedEvent, Subscription } from '../../../portal/index.js';
import { eventually } from '../../portal/store-contract.js';
import { connectToSchema, createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

const event = (n: number): PortalEvent => ({
  type: 'institution.changed',
  institutionId: `inst-${n}`,
  change: 'updated',
  domain: null,
  actor: { kind: 'system' },
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
});
const ids = (got: PublishedEvent[]): string[] => got.map((p) => (p.event.type === 'institution.changed' ? p.event.institutionId : '?'));

async function publish(db: Database, ...ns: number[]): Promise<void> {
  await db.transaction(async (tx) => writeOutbox(tx, ns.map(event)));
  new OutboxNotifier(db).poke();
}

for (const kind of DATABASE_KINDS) {
  describe(`PgOutboxSubscriber on ${kind}`, () => {
    let t: TestDatabase;
    const subs: Subscription[] = [];
    const fast = { pollIntervalMs: 30, retryDelayMs: 100 };
    beforeAll(async () => {
      t = await createTestDatabase(kind);
    }, 60_000);
    afterAll(async () => {
      for (const s of subs) await s.close();
      await t.dispose();
    }, 60_000);

    const collect = async (consumer: string, sub: PgOutboxSubscriber, into: PublishedEvent[], fail?: (p: PublishedEvent) => boolean): Promise<Subscription> => {
      const s = await sub.subscribe(consumer, (p) => {
        if (fail?.(p)) throw new Error('handler failed');
        into.push(p);
      });
      subs.push(s);
      return s;
    };

    describe('when a new consumer subscribes', () => {
      it('starts from now by default, or from the beginning when asked', async () => {
        await publish(t.db, 1, 2);
        const fromNow: PublishedEvent[] = [];
        const fromStart: PublishedEvent[] = [];
        await collect('now', new PgOutboxSubscriber(t.db, fast), fromNow);
        await collect('start', new PgOutboxSubscriber(t.db, { ...fast, startFrom: 'beginning' }), fromStart);
        await publish(t.db, 3);
        await eventually(() => (fromNow.length >= 1 && fromStart.length >= 3 ? true : undefined));
        expect(ids(fromNow)).toEqual(['inst-3']);
        expect(ids(fromStart)).toEqual(['inst-1', 'inst-2', 'inst-3']);
      });
    });

    describe('when a consumer comes back after a stop', () => {
      it('gets what was published meanwhile, and nothing twice', async () => {
        const first: PublishedEvent[] = [];
        const s = await collect('durable', new PgOutboxSubscriber(t.db, fast), first);
        await publish(t.db, 10);
        await eventually(() => (first.length >= 1 ? true : undefined));
        await s.close();
        await publish(t.db, 11, 12);
        const second: PublishedEvent[] = [];
        await collect('durable', new PgOutboxSubscriber(t.db, fast), second);
        await eventually(() => (second.length >= 2 ? true : undefined));
        await new Promise((r) => setTimeout(r, 100));
        expect(ids(first)).toEqual(['inst-10']);
        expect(ids(second)).toEqual(['inst-11', 'inst-12']);
      });
    });

    describe('when the first round is delayed (start-up)', () => {
      it('leaves what was published before for the delay, and a new event starts the round at once', async () => {
        const late: PublishedEvent[] = [];
        const startedAt = Date.now();
        const s = await collect('delayed', new PgOutboxSubscriber(t.db, { ...fast, startFrom: 'beginning', firstRoundDelayMs: 400 }), late);
        await new Promise((r) => setTimeout(r, 150));
        // On PostgreSQL another test file's NOTIFY on the outbox channel (another schema, same
        // database) may wake it early: the delay is checked where notifications stay in-process.
        if (kind === 'pglite') expect(late).toEqual([]);
        await eventually(() => (late.length > 0 ? true : undefined));
        if (kind === 'pglite') expect(Date.now() - startedAt).toBeGreaterThanOrEqual(400);
        await s.close();

        const woken: PublishedEvent[] = [];
        const before = late.length;
        expect(before).toBeGreaterThan(0);
        await collect('delayed-woken', new PgOutboxSubscriber(t.db, { ...fast, firstRoundDelayMs: 60_000 }), woken);
        await publish(t.db, 40);
        await eventually(() => (woken.length >= 1 ? true : undefined));
        expect(ids(woken)).toEqual(['inst-40']);
      });
    });

    describe('when the handler fails', () => {
      it('gets the same event again, and the later ones only after it', async () => {
        const got: PublishedEvent[] = [];
        let failures = 0;
        await collect('flaky', new PgOutboxSubscriber(t.db, fast), got, (p) => p.event.type === 'institution.changed' && p.event.institutionId === 'inst-20' && failures++ < 2);
        await publish(t.db, 20, 21);
        await eventually(() => (got.length >= 2 ? true : undefined));
        expect(failures).toBe(3);
        expect(ids(got)).toEqual(['inst-20', 'inst-21']);
      });
    });

    describe('when a malformed event is in the outbox', () => {
      it('reports it and delivers the ones after it', async () => {
        const got: PublishedEvent[] = [];
        const errors: string[] = [];
        const s = await new PgOutboxSubscriber(t.db, { ...fast, onError: (e, ctx) => errors.push(`${ctx.consumer}:${String(e)}`) }).subscribe('poison', (p) => {
          got.push(p);
        });
        subs.push(s);
        await t.db.query(`INSERT INTO portal_outbox (type, payload) VALUES ('x', '{"type":"x"}'::jsonb)`);
        await publish(t.db, 70);
        await eventually(() => (got.length >= 1 ? true : undefined));
        expect(ids(got)).toEqual(['inst-70']);
        expect(errors).toEqual([expect.stringContaining('poison:Error: pg-outbox: event')]);
      });
    });

    describe('when a round delivers one event', () => {
      it('takes two statements: the claim with the horizon and the batch, and the release with the cursor', async () => {
        const statements: string[] = [];
        const counted: Database = {
          ...t.db,
          kind: t.db.kind,
          query: (sql, params) => {
            statements.push(sql.replace(/\s+/g, ' ').trim());
            return t.db.query(sql, params);
          },
          listen: (channel, handler) => t.db.listen(channel, handler),
        };
        const got: PublishedEvent[] = [];
        const s = await collect('counted', new PgOutboxSubscriber(counted, { ...fast, pollIntervalMs: 60_000 }), got);
        await eventually(() => (statements.some((q) => q.includes('locked_by = NULL')) ? true : undefined));
        statements.length = 0;
        await publish(t.db, 70);
        await eventually(() => (got.length >= 1 && statements.some((q) => q.includes('locked_by = NULL')) ? true : undefined));
        await s.close();
        const round = statements.slice(0, statements.findIndex((q) => q.includes('locked_by = NULL')) + 1);
        expect(round).toEqual([
          expect.stringMatching(/^WITH claim AS \( UPDATE portal_outbox_consumer SET locked_by = \$2.*RETURNING last_txid, last_id, pg_snapshot_xmin.*SELECT id, txid, payload FROM portal_outbox/),
          expect.stringMatching(/^UPDATE portal_outbox_consumer SET last_txid = \$3, last_id = \$4, .*locked_by = NULL/),
        ]);
        const again: PublishedEvent[] = [];
        await collect('counted', new PgOutboxSubscriber(t.db, fast), again);
        await publish(t.db, 71);
        await eventually(() => (again.length >= 1 ? true : undefined));
        expect(ids(again)).toEqual(['inst-71']);
      });
    });

    describe('when two processes share a consumer name', () => {
      it('delivers each event once between them', async () => {
        const other = kind === 'postgres' && t.schema ? connectToSchema(t.schema) : t.db;
        const a: PublishedEvent[] = [];
        const b: PublishedEvent[] = [];
        await collect('shared', new PgOutboxSubscriber(t.db, fast), a);
        await collect('shared', new PgOutboxSubscriber(other, fast), b);
        for (let i = 30; i < 50; i++) await publish(t.db, i);
        await eventually(() => (a.length + b.length >= 20 ? true : undefined));
        await new Promise((r) => setTimeout(r, 200));
        const all = [...ids(a), ...ids(b)].sort();
        expect(all).toEqual(Array.from({ length: 20 }, (_, i) => `inst-${30 + i}`).sort());
        if (other !== t.db) {
          for (const s of subs.splice(-2)) await s.close();
          await other.close();
        }
      });
    });

    if (kind === 'postgres') {
      describe('when an earlier transaction commits after a later one', () => {
        it('still delivers its event, in transaction order', async () => {
          const got: PublishedEvent[] = [];
          await collect('late', new PgOutboxSubscriber(t.db, fast), got);
          let release: () => void = () => undefined;
          const gate = new Promise<void>((r) => (release = r));
          let wrote: () => void = () => undefined;
          const written = new Promise<void>((r) => (wrote = r));
          const slow = t.db.transaction(async (tx) => {
            await writeOutbox(tx, [event(60)]);
            wrote();
            await gate;
          });
          await written;
          await publish(t.db, 61);
          await new Promise((r) => setTimeout(r, 150));
          expect(ids(got)).toEqual([]);
          release();
          await slow;
          await eventually(() => (got.length >= 2 ? true : undefined));
          expect(ids(got)).toEqual(['inst-60', 'inst-61']);
        });
      });
    }
  });
}
