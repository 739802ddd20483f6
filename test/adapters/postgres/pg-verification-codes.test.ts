import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../bot/logger.js';
import { PgPersonalData } from '../../../adapters/postgres/pg-personal-data.js';
import { PgRetention } from '../../../adapters/postgres/pg-retention.js';
import { PgVerificationCodeStore } from '../../../adapters/postgres/pg-verification-codes.js';
import { AddressVerification, readCode, type StoredCode } from '../../../dialogs/address-verification.js';
import { RecordingCodeSender } from '../../fakes/recording-code-sender.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';

const MINUTE = 60_000;

function row(subject: string, email: string, at: number, overrides: Partial<StoredCode> = {}): StoredCode {
  return {
    subject,
    email,
    codeHash: 'a'.repeat(64),
    salt: 'b'.repeat(32),
    reference: `ref-${subject}`,
    tries: 0,
    sends: 1,
    windowStartedAt: new Date(at),
    sentAt: new Date(at),
    expiresAt: new Date(at + 15 * MINUTE),
    ...overrides,
  };
}

describe.each(DATABASE_KINDS)('one-time codes on %s', (kind) => {
  let world: TestDatabase;
  let store: PgVerificationCodeStore;
  beforeAll(async () => {
    world = await createTestDatabase(kind);
    store = new PgVerificationCodeStore(world.db);
  });
  afterAll(async () => world?.dispose());

  describe('the store', () => {
    it('keeps one row per channel user, replaced by the next code, and gives it back as stored', async () => {
      const at = Date.parse('2026-12-01T10:00:00Z');
      await store.put(row('emulator:a', 'a@testministeriet.dk', at));
      await store.put(row('emulator:a', 'a2@testministeriet.dk', at + MINUTE, { sends: 2, windowStartedAt: new Date(at) }));
      expect(await store.get('emulator:a')).toEqual(row('emulator:a', 'a2@testministeriet.dk', at + MINUTE, { sends: 2, windowStartedAt: new Date(at) }));
      expect(await store.get('emulator:nobody')).toBeUndefined();
      const n = await world.db.query<{ n: unknown }>("SELECT count(*) AS n FROM address_verification WHERE subject = 'emulator:a'");
      expect(Number(n.rows[0]?.n)).toBe(1);
    });

    it('counts every try once, also when tries come at the same time', async () => {
      await store.put(row('emulator:b', 'b@testministeriet.dk', Date.now()));
      const tries = await Promise.all(Array.from({ length: 8 }, () => store.countTry('emulator:b', 'b@testministeriet.dk')));
      expect(tries.map((t) => t?.tries).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(await store.countTry('emulator:b', 'other@testministeriet.dk')).toBeUndefined();
      await store.delete('emulator:b');
      expect(await store.countTry('emulator:b', 'b@testministeriet.dk')).toBeUndefined();
    });

    it('adds up the codes sent to an address within the window, across channel users', async () => {
      const now = Date.now();
      await store.put(row('emulator:c1', 'c@testministeriet.dk', now - 5 * MINUTE, { sends: 3 }));
      await store.put(row('msteams:c2', 'c@testministeriet.dk', now - 2 * MINUTE, { sends: 2 }));
      await store.put(row('emulator:c3', 'c@testministeriet.dk', now - 90 * MINUTE, { sends: 4 }));
      expect(await store.sendsToAddressSince('c@testministeriet.dk', new Date(now - 60 * MINUTE))).toBe(5);
      expect(await store.sendsToAddressSince('nobody@testministeriet.dk', new Date(now - 60 * MINUTE))).toBe(0);
    });
  });

  describe('the verification over this store', () => {
    it('stores no code, only its hash; a right code verifies once and its row goes', async () => {
      const sender = new RecordingCodeSender();
      const verification = new AddressVerification({ store, sender });
      const sent = await verification.send('webchat:d', 'd@testministeriet.dk', 'da');
      expect(sent.kind).toBe('sent');
      const code = sender.codeTo('d@testministeriet.dk');
      expect(readCode(code)).toBe(code);
      const stored = await world.db.query<Record<string, unknown>>("SELECT * FROM address_verification WHERE subject = 'webchat:d'");
      expect(JSON.stringify(stored.rows)).not.toContain(code);
      expect(stored.rows[0]?.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await verification.check('webchat:d', 'd@testministeriet.dk', code === '000000' ? '000001' : '000000')).toEqual({ kind: 'wrong', triesLeft: 4 });
      expect(await verification.check('webchat:d', 'd@testministeriet.dk', code)).toEqual({ kind: 'verified' });
      expect(await store.get('webchat:d')).toBeUndefined();
      expect(await verification.check('webchat:d', 'd@testministeriet.dk', code)).toEqual({ kind: 'none' });
    });

    it('gives the same salt to no two codes, so equal codes have different hashes', async () => {
      const sender = new RecordingCodeSender();
      let now = Date.now();
      const verification = new AddressVerification({ store, sender, now: () => now });
      await verification.send('webchat:e', 'e@testministeriet.dk', 'da');
      const first = await store.get('webchat:e');
      now += 2 * MINUTE;
      await verification.send('webchat:e', 'e@testministeriet.dk', 'da');
      const second = await store.get('webchat:e');
      expect(first?.salt).not.toBe(second?.salt);
      expect(second?.sends).toBe(2);
    });
  });

  describe('personal data', () => {
    it('gdpr:export shows the codes sent to the address without hash or salt; gdpr:erase deletes them', async () => {
      await store.put(row('emulator:f', 'f@testministeriet.dk', Date.now()));
      const data = new PgPersonalData(world.db);
      const exported = await data.export('F@testministeriet.dk');
      expect(exported.verificationCodes).toEqual([expect.objectContaining({ subject: 'emulator:f', code_reference: 'ref-emulator:f', tries: 0, sends: 1 })]);
      expect(JSON.stringify(exported.verificationCodes)).not.toMatch(/aaaaaaaa|bbbbbbbb/);
      const erased = await data.erase('f@testministeriet.dk');
      expect(erased.deleted.verificationCodes).toBe(1);
      expect(await store.get('emulator:f')).toBeUndefined();
    });

    it('the retention job deletes codes past expiry and their send window, and no pending code', async () => {
      const now = Date.now();
      await world.db.query('DELETE FROM address_verification');
      await store.put(row('emulator:old', 'g@testministeriet.dk', now - 2 * 60 * MINUTE));
      // Expired, but the window still counts its sends (the throttle needs it).
      await store.put(row('emulator:window', 'g@testministeriet.dk', now - 30 * MINUTE));
      await store.put(row('emulator:pending', 'g@testministeriet.dk', now - 5 * MINUTE));
      const report = await new PgRetention(world.db, { days: 90, logger: silentLogger, now: () => now }).runOnce();
      expect(report?.verificationCodes).toBe(1);
      const left = (await world.db.query<{ subject: string }>('SELECT subject FROM address_verification ORDER BY subject')).rows.map((r) => r.subject);
      expect(left).toEqual(['emulator:pending', 'emulator:window']);
    });
  });
});
