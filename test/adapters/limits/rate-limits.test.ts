import type { IncomingMessage } from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import type { Response } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpLimits } from '../../../adapters/http/http-limits.js';
import { FlexibleRateLimits, limiterKey, type RateLimitSettings } from '../../../adapters/limits/rate-limits.js';
import { RateLimitedCaseStore } from '../../../adapters/limits/rate-limited-case-store.js';
import type { Database } from '../../../adapters/postgres/database.js';
import { DatabaseUnavailableError } from '../../../adapters/postgres/database.js';
import { silentLogger } from '../../../bot/logger.js';
import { limitTurns, TooManyCasesError } from '../../../bot/rate-limits.js';
import type { CaseStore, NewCase } from '../../../portal/index.js';
import { InMemoryCaseStore } from '../../fakes/in-memory-case-store.js';
import { connectToSchema, createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

const OFF: RateLimitSettings = { turnsPerMinute: 0, burst: 0, addressPerMinute: 0, tokensPerMinute: 0, casesPerHour: 0, agentPerMinute: 0 };

async function takeMany(limits: FlexibleRateLimits, kind: 'turn' | 'address' | 'token' | 'case' | 'agent', key: string, n: number) {
  const decisions = [];
  for (let i = 0; i < n; i++) decisions.push(await limits.take(kind, key));
  return decisions;
}

/** A database that refuses every statement, as PostgreSQL behind a cut connection does. */
function unreachable(inner: Database): Database {
  return { ...inner, kind: inner.kind, query: async () => Promise.reject(new DatabaseUnavailableError()) } as Database;
}

describe('FlexibleRateLimits', () => {
  describe('in memory (the embedded database)', () => {
    it('refuses the request after the limit, with the time until the window ends, and only for that key', async () => {
      const limits = new FlexibleRateLimits({ logger: silentLogger, settings: { ...OFF, tokensPerMinute: 3 } });
      const decisions = await takeMany(limits, 'token', 'anna@eksempelstyrelsen.dk', 4);
      expect(decisions.slice(0, 3).every((d) => d.ok)).toBe(true);
      const refused = decisions[3];
      expect(refused?.ok).toBe(false);
      if (refused && !refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(50_000);
      expect((await limits.take('token', 'ole@eksempelstyrelsen.dk')).ok).toBe(true);
    });

    it('counts each kind on its own: a user out of tokens may still take turns', async () => {
      const limits = new FlexibleRateLimits({ logger: silentLogger, settings: { ...OFF, tokensPerMinute: 1, turnsPerMinute: 60 } });
      await takeMany(limits, 'token', 'anna', 2);
      expect((await limits.take('token', 'anna')).ok).toBe(false);
      expect((await limits.take('turn', 'anna')).ok).toBe(true);
    });

    it('spreads turns over 10-second windows and lets a burst through on top', async () => {
      // 12 a minute → 2 per 10 s; a burst of 3 more.
      const limits = new FlexibleRateLimits({ logger: silentLogger, settings: { ...OFF, turnsPerMinute: 12, burst: 3 } });
      const decisions = await takeMany(limits, 'turn', 'webchat:anna', 7);
      expect(decisions.map((d) => d.ok)).toEqual([true, true, true, true, true, false, false]);
      const refused = decisions[5];
      // Refused until the 10-second window ends, not the burst's minute.
      if (refused && !refused.ok) expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
    });

    it('limits nothing of a kind set to 0', async () => {
      const limits = new FlexibleRateLimits({ logger: silentLogger, settings: OFF });
      expect((await takeMany(limits, 'turn', 'anna', 500)).every((d) => d.ok)).toBe(true);
    });
  });

  describe.each(DATABASE_KINDS)('on %s', (kind) => {
    let world: TestDatabase;
    beforeAll(async () => {
      world = await createTestDatabase(kind);
    });
    afterAll(async () => world.dispose());

    it('counts in the rate_limit table, under digests: no e-mail is stored', async () => {
      const limits = new FlexibleRateLimits({ logger: silentLogger, db: world.db, settings: { ...OFF, tokensPerMinute: 2 } });
      const decisions = await takeMany(limits, 'token', `anna-${kind}@eksempelstyrelsen.dk`, 3);
      expect(decisions.map((d) => d.ok)).toEqual([true, true, false]);
      const { rows } = await world.db.query<{ key: string; points: number }>('SELECT key, points FROM rate_limit');
      expect(rows).toEqual([{ key: `token:${limiterKey('token', `anna-${kind}@eksempelstyrelsen.dk`)}`, points: 3 }]);
      expect(JSON.stringify(rows)).not.toContain('@');
    });

    it('shares the counts between two limiters on the same database (two processes)', async () => {
      const second = world.schema ? connectToSchema(world.schema) : world.db;
      try {
        const settings = { ...OFF, agentPerMinute: 4 };
        const a = new FlexibleRateLimits({ logger: silentLogger, db: world.db, settings });
        const b = new FlexibleRateLimits({ logger: silentLogger, db: second, settings });
        const decisions = [await a.take('agent', 'ida'), await b.take('agent', 'ida'), await a.take('agent', 'ida'), await b.take('agent', 'ida'), await b.take('agent', 'ida')];
        expect(decisions.map((d) => d.ok)).toEqual([true, true, true, true, false]);
        expect((await a.take('agent', 'ida')).ok).toBe(false);
      } finally {
        if (second !== world.db) await second.close();
      }
    });

    it('goes on counting in memory when the database cannot be reached, and never throws', async () => {
      const limits = new FlexibleRateLimits({ logger: silentLogger, db: unreachable(world.db), settings: { ...OFF, addressPerMinute: 2 } });
      const decisions = await takeMany(limits, 'address', '10.0.0.1', 3);
      expect(decisions.map((d) => d.ok)).toEqual([true, true, false]);
    });

    it('counts the takes of one moment in one statement, each as if counted one after another in order', async () => {
      const statements: string[] = [];
      const counted = { ...world.db, kind: world.db.kind, query: (sql: string, params?: readonly unknown[]) => (statements.push(sql), world.db.query(sql, params)) } as Database;
      const limits = new FlexibleRateLimits({ logger: silentLogger, db: counted, settings: { ...OFF, agentPerMinute: 2, addressPerMinute: 1 } });
      const decisions = await Promise.all([
        limits.take('agent', `a-${kind}`),
        limits.take('agent', `b-${kind}`),
        limits.take('address', `10.1.0.1-${kind}`),
        limits.take('agent', `a-${kind}`),
        limits.take('agent', `a-${kind}`),
        limits.take('address', `10.1.0.1-${kind}`),
      ]);
      expect(decisions.map((d) => d.ok)).toEqual([true, true, true, true, false, false]);
      // Three keys, the same key's takes added up: one statement.
      expect(statements.filter((sql) => sql.includes('INSERT INTO rate_limit'))).toHaveLength(1);
      const refused = decisions[4];
      if (refused && !refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(50_000);
      const { rows } = await world.db.query<{ points: number }>('SELECT points FROM rate_limit WHERE key = $1', [`agent:${limiterKey('agent', `a-${kind}`)}`]);
      expect(rows).toEqual([{ points: 3 }]);
    });

    it("counts a Bot Framework activity's address and its user's turn in one statement, and the turn middleware does not count it again", async () => {
      const statements: string[] = [];
      const counted = { ...world.db, kind: world.db.kind, query: (sql: string, params?: readonly unknown[]) => (statements.push(sql), world.db.query(sql, params)) } as Database;
      // 6 turns a minute (1 per 10 s), no burst; 3 requests an address.
      const limits = new FlexibleRateLimits({ logger: silentLogger, db: counted, settings: { ...OFF, turnsPerMinute: 6, addressPerMinute: 3 } });
      const http = new HttpLimits(limits, false);
      const middleware = limitTurns({ limits });
      const address = `10.2.0.${kind === 'pglite' ? 1 : 2}`;
      const request = { headers: {}, socket: { remoteAddress: address } } as unknown as IncomingMessage;
      const refusals: number[] = [];
      const response = { header: () => undefined, send: (status: number) => void refusals.push(status) } as unknown as Response;
      const run = async (from: string) => {
        const activity: Partial<Activity> = { type: 'message', channelId: 'emulator', from: { id: `${from}-${kind}`, name: from }, conversation: { id: 'c' } as Activity['conversation'], text: 'hej' };
        if (!(await http.admitActivity(request, response, activity))) return 'refused (address)';
        let ran = false;
        const context = { activity, sendActivity: async () => undefined } as unknown as TurnContext;
        await middleware(context, async () => void (ran = true));
        return ran ? 'ran' : 'refused (turn)';
      };
      statements.length = 0;
      expect(await run('ida')).toBe('ran');
      expect(statements.filter((sql) => sql.includes('INSERT INTO rate_limit'))).toHaveLength(1);
      // Ida's second turn within 10 s is refused by the turn limit, counted once (else the first would have been refused).
      expect(await run('ida')).toBe('refused (turn)');
      expect(await run('ole')).toBe('ran');
      expect(statements.filter((sql) => sql.includes('INSERT INTO rate_limit'))).toHaveLength(3);
      // The address's fourth request: 429, and the next one refused from memory, without a statement.
      expect(await run('eva')).toBe('refused (address)');
      expect(await run('per')).toBe('refused (address)');
      expect(refusals).toEqual([429, 429]);
      expect(statements.filter((sql) => sql.includes('INSERT INTO rate_limit'))).toHaveLength(4);
    });

    it('gives back a point', async () => {
      const limits = new FlexibleRateLimits({ logger: silentLogger, db: world.db, settings: { ...OFF, casesPerHour: 1 } });
      expect((await limits.take('case', `user-${kind}`)).ok).toBe(true);
      await limits.giveBack('case', `user-${kind}`);
      expect((await limits.take('case', `user-${kind}`)).ok).toBe(true);
      expect((await limits.take('case', `user-${kind}`)).ok).toBe(false);
    });
  });
});

describe('RateLimitedCaseStore', () => {
  const newCase = (requesterId: string, n: number): NewCase => ({
    areaId: 'loen',
    systemId: null,
    formId: 'oevrige',
    formVersion: 1,
    values: { beskrivelse: `sag ${n}` },
    subject: `sag ${n}`,
    institutionId: 'eksempelstyrelsen',
    requesterId,
    sentFromId: requesterId,
  });

  function store(casesPerHour: number): { cases: CaseStore } {
    const limits = new FlexibleRateLimits({ logger: silentLogger, settings: { ...OFF, casesPerHour } });
    return { cases: new RateLimitedCaseStore(new InMemoryCaseStore(), limits) };
  }

  it("refuses the user's case over the limit with TooManyCasesError, and not another user's", async () => {
    const { cases } = store(2);
    expect((await cases.create(newCase('anna', 1), { idempotencyKey: 'a1' })).ok).toBe(true);
    expect((await cases.create(newCase('anna', 2), { idempotencyKey: 'a2' })).ok).toBe(true);
    await expect(cases.create(newCase('anna', 3), { idempotencyKey: 'a3' })).rejects.toBeInstanceOf(TooManyCasesError);
    expect((await cases.create(newCase('ole', 1), { idempotencyKey: 'o1' })).ok).toBe(true);
  });

  it('does not count a retried confirmation (the same idempotency key) as a new case', async () => {
    const { cases } = store(2);
    const first = await cases.create(newCase('anna', 1), { idempotencyKey: 'same' });
    const again = await cases.create(newCase('anna', 1), { idempotencyKey: 'same' });
    expect(first.ok && first.value.created).toBe(true);
    expect(again.ok && !again.value.created).toBe(true);
    expect((await cases.create(newCase('anna', 2), { idempotencyKey: 'other' })).ok).toBe(true);
    await expect(cases.create(newCase('anna', 3), { idempotencyKey: 'third' })).rejects.toBeInstanceOf(TooManyCasesError);
  });
});
