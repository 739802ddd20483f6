/**
 * The behaviour every CaseStore and DirectoryStore must have, run against the in-memory fakes
 * (test/portal/in-memory-stores.test.ts) and the PostgreSQL stores on real PostgreSQL and PGlite
 * (test/adapters/postgres/). A fake that passes this may stand in for the real thing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Case,
  type CaseStore,
  type DirectoryStore,
  type NewCase,
  type PortalEventSubscriber,
  type PublishedEvent,
  type Subscription,
  type User,
} from '../../portal/index.js';

export interface StoreWorld {
  cases: CaseStore;
  directory: DirectoryStore;
  events: PortalEventSubscriber;
  dispose(): Promise<void>;
}

/** A fresh, empty world (migrated database, no rows) using the given clock. */
export type WorldFactory = (clock: () => Date) => Promise<StoreWorld>;

/** A clock that moves one second per reading, so "newest first" is well defined. */
export function steppingClock(start = Date.UTC(2026, 2, 1, 9, 0, 0)): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

const codeOf = (r: { ok: boolean; error?: { code: string } }): string | undefined => (r.ok ? undefined : r.error?.code);

export async function eventually<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('eventually: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function describeStoreContract(name: string, factory: WorldFactory, options: { timeoutMs?: number } = {}): void {
  describe(name, { timeout: options.timeoutMs ?? 30_000 }, () => {
    let world: StoreWorld;
    let anna: User;
    let mette: User;
    let loen: User;
    let lars: User;
    let ole: User;
    let subscription: Subscription;
    const published: PublishedEvent[] = [];

    const newCase = (requester: User, patch: Partial<NewCase> = {}): NewCase => ({
      areaId: 'oekonomi',
      systemId: 'rejsud',
      formId: 'oekonomi.rejseafregning',
      formVersion: 1,
      values: { problem: 'afvist', beskrivelse: 'Afregningen er afvist uden grund.', beloeb: 1250.5, fejl: ['a', 'b'], haster: false },
      subject: 'Rejseafregning afvist',
      institutionId: requester.primaryInstitutionId,
      requesterId: requester.id,
      sentFromId: requester.id,
      ...patch,
    });

    const create = async (requester: User, key: string, patch: Partial<NewCase> = {}): Promise<Case> => {
      const r = await world.cases.create(newCase(requester, patch), { idempotencyKey: key });
      if (!r.ok) throw new Error(r.error.code);
      return r.value.case;
    };

    beforeAll(async () => {
      world = await factory(steppingClock());
      const d = world.directory;
      for (const inst of [
        { id: 'eksempelstyrelsen', name: 'Eksempelstyrelsen', domains: ['eksempelstyrelsen.dk'], allowSubdomains: false },
        { id: 'testministeriet', name: 'Testministeriet', domains: ['testministeriet.dk'], allowSubdomains: true },
        { id: 'demo-instituttet', name: 'Demo-instituttet', domains: ['demo-institut.dk'], allowSubdomains: false },
      ]) {
        const r = await d.createInstitution(inst);
        if (!r.ok) throw new Error(r.error.code);
      }
      const user = async (email: string, primaryInstitutionId: string, kind: User['kind'] = 'employee'): Promise<User> => {
        const r = await d.createUser({ email, name: email.split('@')[0] ?? email, primaryInstitutionId, kind });
        if (!r.ok) throw new Error(r.error.code);
        return r.value;
      };
      anna = await user('anna@eksempelstyrelsen.dk', 'eksempelstyrelsen');
      mette = await user('mette@eksempelstyrelsen.dk', 'eksempelstyrelsen');
      loen = await user('loen@eksempelstyrelsen.dk', 'eksempelstyrelsen', 'sharedMailbox');
      lars = await user('lars@testministeriet.dk', 'testministeriet');
      ole = await user('ole@demo-institut.dk', 'demo-instituttet');
      subscription = await world.events.subscribe('contract-test', (p) => {
        published.push(p);
      });
    }, 60_000);

    afterAll(async () => {
      await subscription.close();
      await world.dispose();
    }, 60_000);

    describe('DirectoryStore', () => {
      describe('when institutions are managed', () => {
        it('lists them by name and reads one back', async () => {
          expect((await world.directory.listInstitutions()).map((i) => i.id)).toEqual(['demo-instituttet', 'eksempelstyrelsen', 'testministeriet']);
          expect(await world.directory.getInstitution('testministeriet')).toEqual({ id: 'testministeriet', name: 'Testministeriet', domains: ['testministeriet.dk'], allowSubdomains: true });
          expect(await world.directory.getInstitution('nope')).toBeUndefined();
        });
        it('refuses a second institution with the same id, or with a domain already taken', async () => {
          expect(codeOf(await world.directory.createInstitution({ id: 'testministeriet', name: 'Xx', domains: [], allowSubdomains: false }))).toBe('INSTITUTION.ALREADY_EXISTS');
          expect(codeOf(await world.directory.createInstitution({ id: 'ny', name: 'Ny', domains: ['testministeriet.dk'], allowSubdomains: false }))).toBe('INSTITUTION.DOMAIN_TAKEN');
        });
        it('adds and removes domains, refusing one owned by another institution', async () => {
          const added = await world.directory.addDomain('demo-instituttet', 'Demo.dk', { kind: 'agent', agentId: 'sd-9' });
          expect(added.ok && added.value.domains).toEqual(['demo-institut.dk', 'demo.dk']);
          expect((await world.directory.addDomain('demo-instituttet', 'demo.dk')).ok).toBe(true);
          expect(codeOf(await world.directory.addDomain('eksempelstyrelsen', 'demo.dk'))).toBe('INSTITUTION.DOMAIN_TAKEN');
          const removed = await world.directory.removeDomain('demo-instituttet', 'demo.dk');
          expect(removed.ok && removed.value.domains).toEqual(['demo-institut.dk']);
          expect(codeOf(await world.directory.addDomain('nope', 'x.dk'))).toBe('INSTITUTION.NOT_FOUND');
          expect(codeOf(await world.directory.removeDomain('nope', 'x.dk'))).toBe('INSTITUTION.NOT_FOUND');
          const changes = await eventually(() => {
            const mine = published.filter((p) => p.event.type === 'institution.changed' && p.event.institutionId === 'demo-instituttet');
            return mine.length >= 2 ? mine.map((p) => p.event) : undefined;
          });
          // Each change once: the repeated add and the refused add publish nothing.
          expect(changes).toEqual([
            expect.objectContaining({ change: 'domain_added', domain: 'demo.dk', actor: { kind: 'agent', agentId: 'sd-9' } }),
            expect.objectContaining({ change: 'domain_removed', domain: 'demo.dk', actor: { kind: 'system' } }),
          ]);
        });
        it('updates name and subdomain setting', async () => {
          const r = await world.directory.updateInstitution('demo-instituttet', { name: 'Demo-instituttet (ny)', allowSubdomains: true });
          expect(r.ok && r.value).toMatchObject({ name: 'Demo-instituttet (ny)', allowSubdomains: true });
          await world.directory.updateInstitution('demo-instituttet', { name: 'Demo-instituttet', allowSubdomains: false });
          expect(codeOf(await world.directory.updateInstitution('nope', { name: 'X' }))).toBe('INSTITUTION.NOT_FOUND');
        });
        it('finds the institutions for a domain, subdomains only where allowed', async () => {
          expect((await world.directory.institutionsForDomain('EKSEMPELSTYRELSEN.DK')).map((i) => i.id)).toEqual(['eksempelstyrelsen']);
          expect((await world.directory.institutionsForDomain('hr.testministeriet.dk')).map((i) => i.id)).toEqual(['testministeriet']);
          expect(await world.directory.institutionsForDomain('hr.eksempelstyrelsen.dk')).toEqual([]);
        });
      });

      describe('when users are created', () => {
        it('reads them back by id and by e-mail, case-insensitively', async () => {
          expect(await world.directory.getUser(anna.id)).toEqual(anna);
          expect(await world.directory.getUserByEmail('ANNA@eksempelstyrelsen.dk')).toEqual(anna);
          expect(anna).toMatchObject({ kind: 'employee', roles: [], consentAcceptedVersion: null, primaryInstitutionId: 'eksempelstyrelsen' });
          expect(await world.directory.getUser('00000000-0000-0000-0000-000000000000')).toBeUndefined();
        });
        it('refuses a second user with the same e-mail', async () => {
          expect(codeOf(await world.directory.createUser({ email: 'Anna@Eksempelstyrelsen.dk', name: 'Anna 2', primaryInstitutionId: 'eksempelstyrelsen', kind: 'employee' }))).toBe(
            'REGISTRATION.ALREADY_REGISTERED',
          );
        });
        it('links channel identities, moving one that another user had', async () => {
          expect((await world.directory.linkIdentity(anna.id, { provider: 'entra', subject: 'oid-1' })).ok).toBe(true);
          expect((await world.directory.getUserByIdentity({ provider: 'entra', subject: 'oid-1' }))?.id).toBe(anna.id);
          expect(await world.directory.getUserByIdentity({ provider: 'portal', subject: 'oid-1' })).toBeUndefined();
          await world.directory.linkIdentity(mette.id, { provider: 'entra', subject: 'oid-1' });
          expect((await world.directory.getUserByIdentity({ provider: 'entra', subject: 'oid-1' }))?.id).toBe(mette.id);
          expect(codeOf(await world.directory.linkIdentity('00000000-0000-0000-0000-000000000000', { provider: 'entra', subject: 'x' }))).toBe('USER.NOT_FOUND');
        });
        it('sets roles and records accepted consent', async () => {
          const roles = await world.directory.setRoles(mette.id, ['sharedMailboxAdmin', 'sharedMailboxAdmin']);
          expect(roles.ok && roles.value.roles).toEqual(['sharedMailboxAdmin']);
          const consent = await world.directory.acceptConsent(mette.id, 1);
          expect(consent.ok && consent.value.consentAcceptedVersion).toBe(1);
          expect(codeOf(await world.directory.setRoles('00000000-0000-0000-0000-000000000000', []))).toBe('USER.NOT_FOUND');
          expect(codeOf(await world.directory.acceptConsent('00000000-0000-0000-0000-000000000000', 1))).toBe('USER.NOT_FOUND');
        });
      });

      describe('when shared mailbox members are attached and detached', () => {
        it('keeps one membership per pair and answers both directions', async () => {
          const at = new Date().toISOString();
          await world.directory.attachMember({ mailboxId: loen.id, memberId: anna.id, addedBy: mette.id, addedAt: at });
          await world.directory.attachMember({ mailboxId: loen.id, memberId: anna.id, addedBy: mette.id, addedAt: at });
          await world.directory.attachMember({ mailboxId: loen.id, memberId: mette.id, addedBy: mette.id, addedAt: at });
          expect((await world.directory.membersOf(loen.id)).map((u) => u.email).sort()).toEqual(['anna@eksempelstyrelsen.dk', 'mette@eksempelstyrelsen.dk']);
          expect((await world.directory.mailboxesOf(anna.id)).map((u) => u.id)).toEqual([loen.id]);
          expect(await world.directory.isMember(loen.id, anna.id)).toBe(true);
          expect(await world.directory.detachMember(loen.id, mette.id)).toBe(true);
          expect(await world.directory.detachMember(loen.id, mette.id)).toBe(false);
          expect(await world.directory.isMember(loen.id, mette.id)).toBe(false);
          await world.directory.attachMember({ mailboxId: loen.id, memberId: mette.id, addedBy: mette.id, addedAt: at });
        });
      });

      describe('when community access is requested and decided', () => {
        it('keeps one pending request per user and institution', async () => {
          const first = await world.directory.createCommunityRequest({ userId: lars.id, institutionId: 'eksempelstyrelsen', caseNumber: 'SA-2026-000001' });
          expect(first.ok && first.value).toMatchObject({ status: 'pending', userId: lars.id, institutionId: 'eksempelstyrelsen', caseNumber: 'SA-2026-000001', decidedBy: null });
          expect(codeOf(await world.directory.createCommunityRequest({ userId: lars.id, institutionId: 'eksempelstyrelsen' }))).toBe('COMMUNITY.ALREADY_PENDING');
        });
        it('records the decision with who and when, once, and publishes it', async () => {
          const [pending] = await world.directory.listCommunityRequests({ userId: lars.id, status: 'pending' });
          if (!pending) throw new Error('no pending request');
          const approved = await world.directory.decideCommunityRequest(pending.id, { approve: true, by: { kind: 'agent', agentId: 'sd-1' }, note: 'OK' });
          expect(approved.ok && approved.value).toMatchObject({ status: 'approved', decidedBy: 'agent:sd-1', decisionNote: 'OK' });
          expect(approved.ok && approved.value.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
          expect(await world.directory.getCommunityRequest(pending.id)).toEqual(approved.ok ? approved.value : undefined);
          expect(codeOf(await world.directory.decideCommunityRequest(pending.id, { approve: false, by: { kind: 'agent', agentId: 'sd-1' } }))).toBe('COMMUNITY.NOT_PENDING');
          const decided = await eventually(() => published.find((p) => p.event.type === 'community.decided'));
          expect(decided.event).toMatchObject({ type: 'community.decided', requestId: pending.id, userId: lars.id, status: 'approved' });
        });
        it('refuses an unknown request and a decider who is not an agent', async () => {
          expect(codeOf(await world.directory.decideCommunityRequest('00000000-0000-0000-0000-000000000000', { approve: true, by: { kind: 'agent', agentId: 'x' } }))).toBe('COMMUNITY.NOT_FOUND');
          const r = await world.directory.createCommunityRequest({ userId: lars.id, institutionId: 'demo-instituttet' });
          if (!r.ok) throw new Error(r.error.code);
          expect(codeOf(await world.directory.decideCommunityRequest(r.value.id, { approve: true, by: { kind: 'user', userId: anna.id } }))).toBe('COMMUNITY.NOT_AGENT');
        });
        it('filters requests by status, user and institution', async () => {
          expect((await world.directory.listCommunityRequests({ userId: lars.id })).length).toBe(2);
          expect((await world.directory.listCommunityRequests({ status: 'approved' })).map((r) => r.institutionId)).toEqual(['eksempelstyrelsen']);
          expect((await world.directory.listCommunityRequests({ institutionId: 'demo-instituttet', status: 'pending' })).length).toBe(1);
          expect(await world.directory.listCommunityRequests({ userId: anna.id })).toEqual([]);
        });
      });

      describe('when a user’s standing is read', () => {
        it('answers the user with the same requests and mailboxes as the separate reads', async () => {
          const standing = await world.directory.getUserStanding(lars.id);
          expect(standing?.user).toEqual(await world.directory.getUser(lars.id));
          expect(standing?.communityRequests).toEqual(await world.directory.listCommunityRequests({ userId: lars.id }));
          expect(standing?.communityRequests.map((r) => r.status)).toEqual(['approved', 'pending']);
          expect(standing?.mailboxes).toEqual([]);
          const annas = await world.directory.getUserStanding(anna.id);
          expect(annas?.mailboxes).toEqual(await world.directory.mailboxesOf(anna.id));
          expect(annas?.mailboxes.map((m) => m.id)).toEqual([loen.id]);
          expect(annas?.communityRequests).toEqual([]);
        });

        it('reads, when asked, the institutions the user may create cases for with it: their own and their approved community access', async () => {
          expect((await world.directory.getUserStanding(lars.id))?.institutions).toBeUndefined();
          const standing = await world.directory.getUserStanding(lars.id, { institutions: true });
          const byId = (ids: string[]) => Promise.all(ids.map((id) => world.directory.getInstitution(id)));
          // Own (testministeriet) and approved (eksempelstyrelsen); the pending request's institution is not one.
          expect(standing?.institutions?.map((i) => i.id).sort()).toEqual(['eksempelstyrelsen', 'testministeriet']);
          expect(standing?.institutions?.sort((a, b) => a.id.localeCompare(b.id))).toEqual(await byId(['eksempelstyrelsen', 'testministeriet']));
          const { institutions: _institutions, ...rest } = standing ?? {};
          expect(rest).toEqual(await world.directory.getUserStanding(lars.id));
          expect((await world.directory.getUserStanding(anna.id, { institutions: true }))?.institutions).toEqual(await byId([anna.primaryInstitutionId]));
        });

        it('answers undefined for an unknown user', async () => {
          expect(await world.directory.getUserStanding('00000000-0000-0000-0000-000000000000', { institutions: true })).toBeUndefined();
          expect(await world.directory.getUserStanding('00000000-0000-0000-0000-000000000000')).toBeUndefined();
          expect(await world.directory.getUserStanding('not-a-uuid')).toBeUndefined();
        });
      });
    });

    describe('CaseStore', () => {
      describe('when a case is created', () => {
        it('numbers it SA-<year>-<6 digits> with status Modtaget and a created event', async () => {
          const r = await world.cases.create(newCase(anna), { idempotencyKey: 'k-1' });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value.created).toBe(true);
          const c = r.value.case;
          expect(c.number).toMatch(/^SA-2026-\d{6}$/);
          expect(c).toMatchObject({ status: 'modtaget', requesterId: anna.id, sentFromId: anna.id, formVersion: 1, systemId: 'rejsud' });
          expect(c.values).toEqual(newCase(anna).values);
          expect(await world.cases.getByNumber(c.number)).toEqual(c);
          const events = await world.cases.events(c.number);
          expect(events?.map((e) => e.type)).toEqual(['created']);
          expect(events?.[0]?.actor).toEqual({ kind: 'user', userId: anna.id });
          const event = await eventually(() => published.find((p) => p.event.type === 'case.created' && p.event.caseNumber === c.number));
          expect(event.event).toMatchObject({ requesterId: anna.id, sentFromId: anna.id, institutionId: 'eksempelstyrelsen', status: 'modtaget' });
        });

        it('gives consecutive cases increasing numbers', async () => {
          const a = await create(anna, 'k-2');
          const b = await create(anna, 'k-3');
          const seq = (c: Case): number => Number(c.number.slice(-6));
          expect(seq(b)).toBeGreaterThan(seq(a));
        });

        it('keeps a case without a system', async () => {
          const c = await create(anna, 'k-nosys', { systemId: null, formId: 'oekonomi.generel' });
          expect((await world.cases.getByNumber(c.number))?.systemId).toBeNull();
        });
      });

      describe('when the same idempotency key comes twice', () => {
        it('returns the first case, created: false', async () => {
          const first = await world.cases.create(newCase(anna), { idempotencyKey: 'dup-1' });
          const second = await world.cases.create(newCase(anna, { subject: 'Andet emne' }), { idempotencyKey: 'dup-1' });
          expect(first.ok && second.ok).toBe(true);
          if (!first.ok || !second.ok) return;
          expect(second.value).toEqual({ case: first.value.case, created: false });
        });

        it('creates exactly one case when the requests race', async () => {
          const results = await Promise.all(Array.from({ length: 8 }, () => world.cases.create(newCase(anna), { idempotencyKey: 'race-1' })));
          const numbers = new Set(results.map((r) => (r.ok ? r.value.case.number : r.error.code)));
          expect(numbers.size).toBe(1);
          expect(results.filter((r) => r.ok && r.value.created).length).toBe(1);
          const [number] = [...numbers];
          expect((await world.cases.events(number as Case['number']))?.length).toBe(1);
        });

        it('refuses the key for another requester with CASE.IDEMPOTENCY_CONFLICT', async () => {
          expect(codeOf(await world.cases.create(newCase(mette), { idempotencyKey: 'dup-1' }))).toBe('CASE.IDEMPOTENCY_CONFLICT');
        });
      });

      describe('when listing a user’s visible cases', () => {
        let own: Case[];
        let fromMailbox: Case;
        let mettesOwn: Case;
        let larsForEks: Case;

        beforeAll(async () => {
          own = [];
          for (let i = 0; i < 5; i++) own.push(await create(ole, `ole-${i}`));
          fromMailbox = await create(mette, 'mette-loen', { sentFromId: loen.id });
          mettesOwn = await create(mette, 'mette-own');
          larsForEks = await create(lars, 'lars-eks', { institutionId: 'eksempelstyrelsen' });
        });

        it('answers own cases newest first', async () => {
          const page = await world.cases.listVisible({ userId: ole.id, mailboxIds: [] }, { limit: 10 });
          expect(page.items.map((c) => c.number)).toEqual(own.map((c) => c.number).reverse());
          expect(page.next).toBeNull();
        });

        it('pages with a cursor without gaps or repeats', async () => {
          const scope = { userId: ole.id, mailboxIds: [] };
          const first = await world.cases.listVisible(scope, { limit: 2 });
          const second = await world.cases.listVisible(scope, { limit: 2, after: first.next });
          const third = await world.cases.listVisible(scope, { limit: 2, after: second.next });
          expect([...first.items, ...second.items, ...third.items].map((c) => c.number)).toEqual(own.map((c) => c.number).reverse());
          expect(first.next).not.toBeNull();
          expect(third.next).toBeNull();
        });

        it('includes cases sent from the user’s mailboxes, once', async () => {
          const annas = await world.cases.listVisible({ userId: anna.id, mailboxIds: [loen.id] }, { limit: 100 });
          const numbers = annas.items.map((c) => c.number);
          expect(numbers).toContain(fromMailbox.number);
          expect(numbers).not.toContain(mettesOwn.number);
          expect(numbers).not.toContain(larsForEks.number);
          const mettes = await world.cases.listVisible({ userId: mette.id, mailboxIds: [loen.id] }, { limit: 100 });
          expect(mettes.items.filter((c) => c.number === fromMailbox.number)).toHaveLength(1);
          expect(mettes.items.map((c) => c.number).slice(0, 2)).toEqual([mettesOwn.number, fromMailbox.number]);
        });

        it('filters by status', async () => {
          await world.cases.changeStatus(own[0]?.number ?? 'SA-2026-000000', { to: 'under_behandling', actor: { kind: 'agent', agentId: 'sd' } });
          const page = await world.cases.listVisible({ userId: ole.id, mailboxIds: [] }, { statuses: ['under_behandling'] });
          expect(page.items.map((c) => c.number)).toEqual([own[0]?.number]);
        });

        it('lets the desk search by institution, requester, mailbox and status', async () => {
          const byInst = await world.cases.search({ institutionId: 'demo-instituttet' }, { limit: 100 });
          expect(byInst.items.every((c) => c.institutionId === 'demo-instituttet')).toBe(true);
          expect(byInst.items.length).toBe(5);
          expect((await world.cases.search({ sentFromId: loen.id })).items.map((c) => c.number)).toEqual([fromMailbox.number]);
          expect((await world.cases.search({ requesterId: lars.id, institutionId: 'eksempelstyrelsen' })).items.map((c) => c.number)).toEqual([larsForEks.number]);
          expect((await world.cases.search({ statuses: ['under_behandling'], areaId: 'oekonomi', formId: 'oekonomi.rejseafregning' })).items.map((c) => c.number)).toEqual([own[0]?.number]);
          const all = await world.cases.search({}, { limit: 3 });
          expect(all.items).toHaveLength(3);
          expect(all.next).not.toBeNull();
          const future = await world.cases.search({ createdFrom: '2999-01-01T00:00:00Z' });
          expect(future.items).toEqual([]);
          const past = await world.cases.search({ createdTo: '2000-01-01T00:00:00Z' });
          expect(past.items).toEqual([]);
        });
      });

      describe('when the status changes', () => {
        it('records the change with actor, note and time, and publishes it', async () => {
          const c = await create(anna, 'status-1');
          const r = await world.cases.changeStatus(c.number, { to: 'under_behandling', actor: { kind: 'agent', agentId: 'sd-2' }, note: 'Vi kigger på det' });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value.case.status).toBe('under_behandling');
          expect(r.value.case.updatedAt > c.updatedAt).toBe(true);
          expect(r.value.events).toEqual([expect.objectContaining({ type: 'status_changed', from: 'modtaget', to: 'under_behandling', note: 'Vi kigger på det', actor: { kind: 'agent', agentId: 'sd-2' } })]);
          expect((await world.cases.getByNumber(c.number))?.status).toBe('under_behandling');
          const event = await eventually(() => published.find((p) => p.event.type === 'case.status_changed' && p.event.caseNumber === c.number));
          expect(event.event).toMatchObject({ from: 'modtaget', to: 'under_behandling', requesterId: anna.id, note: 'Vi kigger på det' });
        });

        it('refuses an invalid transition and records nothing', async () => {
          const c = await create(anna, 'status-2');
          const r = await world.cases.changeStatus(c.number, { to: 'afventer_kunde', actor: { kind: 'user', userId: anna.id } });
          expect(codeOf(r)).toBe('CASE.TRANSITION_FORBIDDEN');
          await world.cases.changeStatus(c.number, { to: 'lukket', actor: { kind: 'agent', agentId: 'sd' } });
          expect(codeOf(await world.cases.changeStatus(c.number, { to: 'under_behandling', actor: { kind: 'agent', agentId: 'sd' } }))).toBe('CASE.INVALID_TRANSITION');
          expect((await world.cases.events(c.number))?.map((e) => e.type)).toEqual(['created', 'status_changed']);
          expect((await world.cases.getByNumber(c.number))?.status).toBe('lukket');
        });

        it('answers CASE.NOT_FOUND for an unknown number', async () => {
          expect(codeOf(await world.cases.changeStatus('SA-1999-000001', { to: 'loest', actor: { kind: 'agent', agentId: 'sd' } }))).toBe('CASE.NOT_FOUND');
          expect(codeOf(await world.cases.addComment('SA-1999-000001', { author: 'agent', actor: { kind: 'agent', agentId: 'sd' }, text: 'x' }))).toBe('CASE.NOT_FOUND');
          expect(await world.cases.getByNumber('SA-1999-000001')).toBeUndefined();
          expect(await world.cases.events('SA-1999-000001')).toBeUndefined();
        });

        it('serialises concurrent changes: only one of two racing identical transitions wins', async () => {
          const c = await create(anna, 'status-race');
          const results = await Promise.all([0, 1, 2].map(() => world.cases.changeStatus(c.number, { to: 'under_behandling', actor: { kind: 'agent', agentId: 'sd' } })));
          expect(results.filter((r) => r.ok)).toHaveLength(1);
          expect((await world.cases.events(c.number))?.length).toBe(2);
        });
      });

      describe('when comments are added', () => {
        it('moves a case awaiting the customer back to Under behandling on the customer’s answer', async () => {
          const c = await create(anna, 'comment-1');
          const agent = { kind: 'agent', agentId: 'sd-3' } as const;
          await world.cases.changeStatus(c.number, { to: 'under_behandling', actor: agent });
          const asked = await world.cases.addComment(c.number, { author: 'agent', actor: agent, text: 'Send venligst bilag.' });
          expect(asked.ok && asked.value.events.map((e) => e.type)).toEqual(['comment']);
          await world.cases.changeStatus(c.number, { to: 'afventer_kunde', actor: agent });
          const answered = await world.cases.addComment(c.number, { author: 'customer', actor: { kind: 'user', userId: anna.id }, text: '  Bilag vedhæftet.  ' });
          expect(answered.ok).toBe(true);
          if (!answered.ok) return;
          expect(answered.value.case.status).toBe('under_behandling');
          expect(answered.value.events).toEqual([
            expect.objectContaining({ type: 'comment', author: 'customer', text: 'Bilag vedhæftet.' }),
            expect.objectContaining({ type: 'status_changed', from: 'afventer_kunde', to: 'under_behandling', actor: { kind: 'user', userId: anna.id } }),
          ]);
          const history = await world.cases.events(c.number);
          expect(history?.map((e) => (e.type === 'status_changed' ? `${e.type}:${e.to}` : e.type))).toEqual([
            'created',
            'status_changed:under_behandling',
            'comment',
            'status_changed:afventer_kunde',
            'comment',
            'status_changed:under_behandling',
          ]);
          const times = history?.map((e) => e.at) ?? [];
          expect([...times].sort()).toEqual(times);
          const commented = await eventually(() => {
            const mine = published.filter((p) => 'caseNumber' in p.event && p.event.caseNumber === c.number).map((p) => p.event.type);
            return mine.length >= 6 ? mine : undefined;
          });
          expect(commented).toEqual(['case.created', 'case.status_changed', 'case.commented', 'case.status_changed', 'case.commented', 'case.status_changed']);
        });

        it('refuses comments on a closed case and empty comments', async () => {
          const c = await create(anna, 'comment-2');
          expect(codeOf(await world.cases.addComment(c.number, { author: 'customer', actor: { kind: 'user', userId: anna.id }, text: '   ' }))).toBe('CASE.EMPTY_COMMENT');
          await world.cases.changeStatus(c.number, { to: 'lukket', actor: { kind: 'user', userId: anna.id } });
          expect(codeOf(await world.cases.addComment(c.number, { author: 'agent', actor: { kind: 'agent', agentId: 'sd' }, text: 'Hej' }))).toBe('CASE.CLOSED');
          expect((await world.cases.events(c.number))?.length).toBe(2);
        });
      });

      describe('when events are delivered', () => {
        it('delivers them in publication order with increasing ids', () => {
          const ids = published.map((p) => BigInt(p.id));
          for (let i = 1; i < ids.length; i++) expect((ids[i] ?? 0n) > (ids[i - 1] ?? 0n)).toBe(true);
        });
      });
    });
  });
}
