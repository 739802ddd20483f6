import { DEMO_CASES, InProcessEventBus, seedDemoData, type PublishedEvent } from '../../../portal/index.js';
import { describe, expect, it } from 'vitest';
import { PgCaseStore } from '../../../adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from '../../../adapters/postgres/pg-directory-store.js';
import { PgOutboxSubscriber } from '../../../adapters/postgres/pg-outbox.js';
import { describeStoreContract, eventually, steppingClock } from '../../portal/store-contract.js';
import { createTestDatabase, DATABASE_KINDS } from '../../support/database.js';

for (const kind of DATABASE_KINDS) {
  describeStoreContract(`PgCaseStore + PgDirectoryStore on ${kind}`, async (clock) => {
    const t = await createTestDatabase(kind);
    return {
      cases: new PgCaseStore(t.db, { clock }),
      directory: new PgDirectoryStore(t.db, { clock }),
      events: new PgOutboxSubscriber(t.db, { pollIntervalMs: 50 }),
      dispose: () => t.dispose(),
    };
  });

  describe(`seedDemoData on ${kind}`, () => {
    describe('when run twice', () => {
      it('seeds the demo world once', async () => {
        const t = await createTestDatabase(kind);
        try {
          const directory = new PgDirectoryStore(t.db);
          const cases = new PgCaseStore(t.db);
          expect(await seedDemoData(directory, cases)).toEqual({ institutions: 3, users: 6, cases: DEMO_CASES.length });
          expect(await seedDemoData(directory, cases)).toEqual({ institutions: 0, users: 0, cases: 0 });
          const lars = await directory.getUserByEmail('lars@testministeriet.dk');
          expect((await directory.listCommunityRequests({ userId: lars?.id ?? '' })).map((r) => r.status)).toEqual(['approved', 'approved']);
          expect((await cases.search({}, { limit: 100 })).items.map((c) => c.status).sort()).toEqual(
            ['afventer_kunde', 'loest', 'lukket', 'modtaget', 'modtaget', 'under_behandling'],
          );
        } finally {
          await t.dispose();
        }
      });
    });
  });

  describe(`PgCaseStore on ${kind}`, () => {
    describe('when given an in-process publisher', () => {
      it('hands it the committed events too', async () => {
        const t = await createTestDatabase(kind);
        try {
          const bus = new InProcessEventBus();
          const got: PublishedEvent[] = [];
          await bus.subscribe('x', (p) => {
            got.push(p);
          });
          const clock = steppingClock();
          const directory = new PgDirectoryStore(t.db, { clock, inProcess: bus });
          const cases = new PgCaseStore(t.db, { clock, inProcess: bus });
          await directory.createInstitution({ id: 'eksempelstyrelsen', name: 'Eksempelstyrelsen', domains: ['eksempelstyrelsen.dk'], allowSubdomains: false });
          const anna = await directory.createUser({ email: 'anna@eksempelstyrelsen.dk', name: 'Anna', primaryInstitutionId: 'eksempelstyrelsen', kind: 'employee' });
          if (!anna.ok) throw new Error(anna.error.code);
          const created = await cases.create(
            {
              areaId: 'oevrige',
              systemId: null,
              formId: 'oevrige.oevrige',
              formVersion: 1,
              values: { beskrivelse: 'Hej med dig' },
              subject: 'Hej',
              institutionId: 'eksempelstyrelsen',
              requesterId: anna.value.id,
              sentFromId: anna.value.id,
            },
            { idempotencyKey: 'k' },
          );
          expect(created.ok).toBe(true);
          await eventually(() => (got.length >= 2 ? true : undefined));
          expect(got.map((p) => p.event.type)).toEqual(['institution.changed', 'case.created']);
        } finally {
          await t.dispose();
        }
      });
    });
  });
}
