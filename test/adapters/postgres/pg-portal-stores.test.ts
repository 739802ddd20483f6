import { InProcessEventBus, type PublishedEvent } from '../../../portal/index.js';
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
