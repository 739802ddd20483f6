import { beforeEach, describe, expect, it } from 'vitest';
import {
  CONSENT_DECLARATION,
  DEMO_CASES,
  DEMO_USERS,
  getForm,
  caseEventRecipients,
  InProcessEventBus,
  parseForm,
  PortalService,
  seedDemoData,
  type CaseDraft,
  type PublishedEvent,
  type User,
} from '../../portal/index.js';
import { InMemoryCaseStore } from '../fakes/in-memory-case-store.js';
import { InMemoryDirectoryStore } from '../fakes/in-memory-directory-store.js';
import { steppingClock } from './store-contract.js';

const codeOf = (r: { ok: boolean; error?: { code: string } }): string | undefined => (r.ok ? undefined : r.error?.code);

interface World {
  service: PortalService;
  cases: InMemoryCaseStore;
  directory: InMemoryDirectoryStore;
  published: PublishedEvent[];
  user(email: string): Promise<User>;
}

async function demoWorld(): Promise<World> {
  const clock = steppingClock();
  const bus = new InProcessEventBus();
  const published: PublishedEvent[] = [];
  await bus.subscribe('test', (p) => {
    published.push(p);
  });
  const cases = new InMemoryCaseStore({ clock, publisher: bus });
  const directory = new InMemoryDirectoryStore({ clock, publisher: bus });
  await seedDemoData(directory, cases, clock);
  const service = new PortalService({ cases, directory, clock });
  return {
    service,
    cases,
    directory,
    published,
    async user(email) {
      const u = await directory.getUserByEmail(email);
      if (!u) throw new Error(`no ${email}`);
      return u;
    },
  };
}

const generalDraft = (institutionId: string, key: string, patch: Partial<CaseDraft> = {}): CaseDraft => ({
  formId: 'loen-hr.generel',
  systemId: 'sls',
  institutionId,
  values: { emne: 'Lønseddel', beskrivelse: 'Hvor finder jeg min lønseddel for marts?' },
  idempotencyKey: key,
  ...patch,
});

describe('seedDemoData', () => {
  describe('when run on empty stores', () => {
    it('creates the demo institutions, users, mailbox, community access and cases', async () => {
      const w = await demoWorld();
      expect((await w.directory.listInstitutions()).map((i) => [i.name, i.domains])).toEqual([
        ['Demo-instituttet', ['demo-institut.dk']],
        ['Eksempelstyrelsen', ['eksempelstyrelsen.dk']],
        ['Testministeriet', ['testministeriet.dk']],
      ]);
      const mette = await w.user('mette@eksempelstyrelsen.dk');
      expect(mette.roles).toEqual(['sharedMailboxAdmin']);
      const kim = await w.user('kim@konsulenthuset.dk');
      expect(kim).toMatchObject({ kind: 'consultant', primaryInstitutionId: 'eksempelstyrelsen', consentAcceptedVersion: null });
      const loen = await w.user('loen@eksempelstyrelsen.dk');
      expect(loen.kind).toBe('sharedMailbox');
      expect((await w.directory.membersOf(loen.id)).map((u) => u.email).sort()).toEqual(['anna@eksempelstyrelsen.dk', 'mette@eksempelstyrelsen.dk']);
      const lars = await w.user('lars@testministeriet.dk');
      const larsOptions = await w.service.caseOptions(lars.id);
      expect(larsOptions.ok && larsOptions.value.institutions.map((i) => i.id)).toEqual(['testministeriet', 'eksempelstyrelsen', 'demo-instituttet']);
      // Given the user the conversation already looked up, the same options.
      expect(await w.service.caseOptions(lars)).toEqual(larsOptions);
      const anna = await w.user('anna@eksempelstyrelsen.dk');
      const annaOptions = await w.service.caseOptions(anna);
      expect(annaOptions.ok && annaOptions.value.mailboxes.map((m) => m.email)).toEqual(['loen@eksempelstyrelsen.dk']);
      expect(new Set(w.cases.all().map((c) => c.status))).toEqual(new Set(['modtaget', 'under_behandling', 'afventer_kunde', 'loest', 'lukket']));
      expect(w.cases.all()).toHaveLength(DEMO_CASES.length);
    });
  });

  describe('when run again', () => {
    it('adds nothing', async () => {
      const w = await demoWorld();
      expect(await seedDemoData(w.directory, w.cases)).toEqual({ institutions: 0, users: 0, cases: 0 });
      expect(w.cases.all()).toHaveLength(DEMO_CASES.length);
      expect((await w.directory.listCommunityRequests()).length).toBe(2);
    });
  });

  describe('when checking the demo cases against their forms', () => {
    it('has values that are valid and already normalised', () => {
      for (const demo of DEMO_CASES) {
        const form = getForm(demo.formId);
        if (!form) throw new Error(demo.formId);
        expect(parseForm(form, demo.values), demo.key).toEqual({ ok: true, value: demo.values });
      }
      expect(DEMO_USERS.map((u) => u.email)).toContain('ole@demo-institut.dk');
    });
  });
});

describe('PortalService', () => {
  let w: World;
  beforeEach(async () => {
    w = await demoWorld();
  });

  describe('register', () => {
    describe('when the e-mail fits the institution', () => {
      it('creates the user and links the channel identity', async () => {
        const r = await w.service.register({ email: 'Peter@Eksempelstyrelsen.dk', name: 'Peter', institutionId: 'eksempelstyrelsen', identity: { provider: 'entra', subject: 'oid-peter' } });
        expect(r.ok && r.value).toMatchObject({ email: 'peter@eksempelstyrelsen.dk', kind: 'employee', primaryInstitutionId: 'eksempelstyrelsen' });
        expect((await w.directory.getUserByIdentity({ provider: 'entra', subject: 'oid-peter' }))?.email).toBe('peter@eksempelstyrelsen.dk');
      });
    });
    describe('when refused', () => {
      it.each([
        ['a domain of another institution', 'REGISTRATION.DOMAIN_MISMATCH', 'peter@testministeriet.dk', 'eksempelstyrelsen'],
        ['an unknown institution', 'REGISTRATION.UNKNOWN_INSTITUTION', 'peter@eksempelstyrelsen.dk', 'nope'],
        ['an e-mail already registered', 'REGISTRATION.ALREADY_REGISTERED', 'anna@eksempelstyrelsen.dk', 'eksempelstyrelsen'],
        ['an invalid e-mail', 'REGISTRATION.INVALID_EMAIL', 'peter', 'eksempelstyrelsen'],
      ])('refuses %s with %s', async (_what, code, email, institutionId) => {
        expect(codeOf(await w.service.register({ email, name: 'Peter', institutionId }))).toBe(code);
      });
    });
  });

  describe('createCase', () => {
    describe('when an employee submits a valid form', () => {
      it('creates the case with the form version, normalised values and subject, and publishes it', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        const r = await w.service.createCase(anna.id, generalDraft('eksempelstyrelsen', 'k1', { values: { emne: ' Lønseddel ', beskrivelse: 'Hvor finder jeg min lønseddel?', telefon: '12 34 56 78' } }));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.created).toBe(true);
        expect(r.value.case).toMatchObject({
          formId: 'loen-hr.generel',
          formVersion: 1,
          areaId: 'loen-hr',
          systemId: 'sls',
          subject: 'Lønseddel',
          values: { emne: 'Lønseddel', beskrivelse: 'Hvor finder jeg min lønseddel?', telefon: '+4512345678' },
          requesterId: anna.id,
          sentFromId: anna.id,
          status: 'modtaget',
        });
        expect(w.published.some((p) => p.event.type === 'case.created' && p.event.caseNumber === r.value.case.number)).toBe(true);
      });
    });

    describe('when the same confirmation arrives twice', () => {
      it('creates one case', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        const a = await w.service.createCase(anna.id, generalDraft('eksempelstyrelsen', 'same'));
        const b = await w.service.createCase(anna.id, generalDraft('eksempelstyrelsen', 'same'));
        expect(a.ok && b.ok && a.value.case.number === b.value.case.number && !b.value.created).toBe(true);
      });
    });

    describe('when sent from a shared mailbox', () => {
      it('records the mailbox as sender for a member', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        const loen = await w.user('loen@eksempelstyrelsen.dk');
        const r = await w.service.createCase(anna.id, generalDraft('eksempelstyrelsen', 'mb', { sentFromMailboxId: loen.id }));
        expect(r.ok && r.value.case.sentFromId).toBe(loen.id);
      });
      it('refuses a non-member with MAILBOX.NOT_MEMBER', async () => {
        const ole = await w.user('ole@demo-institut.dk');
        const loen = await w.user('loen@eksempelstyrelsen.dk');
        expect(codeOf(await w.service.createCase(ole.id, generalDraft('demo-instituttet', 'mb2', { sentFromMailboxId: loen.id })))).toBe('MAILBOX.NOT_MEMBER');
      });
    });

    describe('when the user has community access', () => {
      it('creates cases for the other institutions', async () => {
        const lars = await w.user('lars@testministeriet.dk');
        expect((await w.service.createCase(lars.id, generalDraft('demo-instituttet', 'l1'))).ok).toBe(true);
      });
    });

    describe('when the Øvrige form asks for community access', () => {
      it('creates a pending request per institution, tied to the case', async () => {
        const ole = await w.user('ole@demo-institut.dk');
        const r = await w.service.createCase(ole.id, {
          formId: 'oevrige.oevrige',
          systemId: null,
          institutionId: 'demo-instituttet',
          values: { henvendelsestype: 'faellesskab', institutioner: 'Eksempelstyrelsen, Testministeriet', emne: 'Lønfællesskab', beskrivelse: 'Vi er i lønfællesskab med dem.' },
          communityInstitutionIds: ['eksempelstyrelsen', 'testministeriet'],
          idempotencyKey: 'o1',
        });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.communityRequests.map((q) => [q.institutionId, q.status, q.caseNumber])).toEqual([
          ['eksempelstyrelsen', 'pending', r.value.case.number],
          ['testministeriet', 'pending', r.value.case.number],
        ]);
      });
      it('refuses it for a consultant with COMMUNITY.CONSULTANT', async () => {
        const kim = await w.user('kim@konsulenthuset.dk');
        await w.service.acceptConsent(kim.id, CONSENT_DECLARATION.version);
        const r = await w.service.createCase(kim.id, {
          formId: 'oevrige.oevrige',
          systemId: null,
          institutionId: 'eksempelstyrelsen',
          values: { henvendelsestype: 'faellesskab', institutioner: 'Testministeriet', emne: 'Adgang', beskrivelse: 'Jeg skal også bruge Testministeriet.' },
          communityInstitutionIds: ['testministeriet'],
          idempotencyKey: 'k1',
        });
        expect(codeOf(r)).toBe('COMMUNITY.CONSULTANT');
        expect(w.cases.all()).toHaveLength(DEMO_CASES.length);
      });
    });

    describe('when refused', () => {
      it('refuses invalid values with CASE.INVALID_VALUES and the field problems', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        const r = await w.service.createCase(anna.id, generalDraft('eksempelstyrelsen', 'bad', { values: { emne: 'x', telefon: 'abc' } }));
        expect(codeOf(r)).toBe('CASE.INVALID_VALUES');
        expect(r.ok ? [] : r.error.problems?.map((p) => `${p.fieldId}:${p.code}`)).toEqual(['emne:FORM.TOO_SHORT', 'beskrivelse:FORM.REQUIRED', 'telefon:FORM.INVALID_PHONE']);
      });
      it('refuses a CPR number in free text, whichever way the case comes in, and creates nothing', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        const before = w.cases.all().length;
        const r = await w.service.createCase(anna.id, generalDraft('eksempelstyrelsen', 'cpr', { values: { emne: 'Løn', beskrivelse: 'Medarbejderen har CPR 010190-1234 og mangler løn.' } }));
        expect(codeOf(r)).toBe('CASE.INVALID_VALUES');
        expect(r.ok ? [] : r.error.problems?.map((p) => `${p.fieldId}:${p.code}`)).toEqual(['beskrivelse:FORM.CPR_NUMBER']);
        expect(w.cases.all()).toHaveLength(before);
      });
      it('refuses a comment holding a CPR number and stores nothing of it', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        const own = w.cases.all().find((c) => c.requesterId === anna.id);
        if (!own) throw new Error('anna has no demo case');
        const before = (await w.cases.events(own.number))?.length;
        const r = await w.service.comment(anna.id, own.number, 'Det drejer sig om 0101901234, kan I se på det?');
        expect(codeOf(r)).toBe('CASE.CPR_NUMBER');
        expect((await w.cases.events(own.number))?.length).toBe(before);
      });
      it('refuses an unknown form with CASE.UNKNOWN_FORM', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        expect(codeOf(await w.service.createCase(anna.id, generalDraft('eksempelstyrelsen', 'x', { formId: 'nope.nope' })))).toBe('CASE.UNKNOWN_FORM');
      });
      it('refuses a form for another system, or a system outside the area, with CASE.FORM_NOT_FOR_SYSTEM', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        expect(codeOf(await w.service.createCase(anna.id, generalDraft('eksempelstyrelsen', 'x', { formId: 'loen-hr.fejl-i-loenkoersel', systemId: 'statens-refusion' })))).toBe('CASE.FORM_NOT_FOR_SYSTEM');
        expect(codeOf(await w.service.createCase(anna.id, generalDraft('eksempelstyrelsen', 'x', { systemId: 'rejsud' })))).toBe('CASE.FORM_NOT_FOR_SYSTEM');
      });
      it('refuses a consultant without consent with CONSENT.REQUIRED, and allows it after', async () => {
        const kim = await w.user('kim@konsulenthuset.dk');
        expect(codeOf(await w.service.createCase(kim.id, generalDraft('eksempelstyrelsen', 'kim')))).toBe('CONSENT.REQUIRED');
        expect(codeOf(await w.service.acceptConsent(kim.id, CONSENT_DECLARATION.version + 1))).toBe('CONSENT.UNKNOWN_VERSION');
        expect((await w.service.acceptConsent(kim.id, CONSENT_DECLARATION.version)).ok).toBe(true);
        expect((await w.service.createCase(kim.id, generalDraft('eksempelstyrelsen', 'kim'))).ok).toBe(true);
      });
      it('refuses an institution the user may not act for with CASE.INSTITUTION_NOT_ALLOWED', async () => {
        const ole = await w.user('ole@demo-institut.dk');
        expect(codeOf(await w.service.createCase(ole.id, generalDraft('eksempelstyrelsen', 'ole')))).toBe('CASE.INSTITUTION_NOT_ALLOWED');
      });
      it('refuses an unknown user with USER.NOT_FOUND', async () => {
        expect(codeOf(await w.service.createCase('nobody', generalDraft('eksempelstyrelsen', 'n')))).toBe('USER.NOT_FOUND');
      });
    });
  });

  describe('status and my cases', () => {
    describe('when a mailbox member asks', () => {
      it('sees own cases and the mailbox’s cases, newest first', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        const r = await w.service.myCases(anna.id);
        expect(r.ok && r.value.items.map((c) => c.subject)).toEqual(['Brugeradgang til Navision Stat', 'Fejl i lønkørsel', 'Rejseafregning afvist']);
      });
      it('shows a mailbox case with its history', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        const mailboxCase = w.cases.all().find((c) => c.subject === 'Fejl i lønkørsel');
        const r = await w.service.caseFor(anna.id, mailboxCase?.number ?? 'SA-2026-000000');
        expect(r.ok && r.value.events.map((e) => e.type)).toEqual(['created', 'status_changed']);
      });
    });

    describe('when someone asks for a case they may not see', () => {
      it('answers exactly as for a case that does not exist', async () => {
        const lars = await w.user('lars@testministeriet.dk');
        const annas = w.cases.all().find((c) => c.subject === 'Rejseafregning afvist');
        const hidden = await w.service.caseFor(lars.id, annas?.number ?? 'SA-2026-000000');
        const missing = await w.service.caseFor(lars.id, 'SA-2026-999999');
        expect(codeOf(hidden)).toBe('CASE.NOT_VISIBLE');
        expect(hidden).toEqual(missing);
        expect(codeOf(await w.service.comment(lars.id, annas?.number ?? 'SA-2026-000000', 'Hej'))).toBe('CASE.NOT_VISIBLE');
      });
    });

    describe('when the customer answers a case awaiting them', () => {
      it('adds the comment and moves the case to Under behandling', async () => {
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        const waiting = w.cases.all().find((c) => c.status === 'afventer_kunde');
        const r = await w.service.comment(anna.id, waiting?.number ?? 'SA-2026-000000', 'Regnskab 1234.');
        expect(r.ok && r.value.case.status).toBe('under_behandling');
      });
    });

    describe('when the customer changes the status', () => {
      it('may reopen a solved case but not solve one', async () => {
        const lars = await w.user('lars@testministeriet.dk');
        const solved = w.cases.all().find((c) => c.status === 'loest');
        const reopened = await w.service.changeStatus(lars.id, solved?.number ?? 'SA-2026-000000', 'under_behandling');
        expect(reopened.ok && reopened.value.case.status).toBe('under_behandling');
        expect(codeOf(await w.service.changeStatus(lars.id, solved?.number ?? 'SA-2026-000000', 'loest'))).toBe('CASE.TRANSITION_FORBIDDEN');
      });
    });

    describe('when the user is unknown', () => {
      it('answers USER.NOT_FOUND', async () => {
        expect(codeOf(await w.service.myCases('nobody'))).toBe('USER.NOT_FOUND');
        expect(codeOf(await w.service.caseFor('nobody', 'SA-2026-000001'))).toBe('USER.NOT_FOUND');
        expect(codeOf(await w.service.caseOptions('nobody'))).toBe('USER.NOT_FOUND');
      });
    });
  });

  describe('requestCommunityAccess', () => {
    describe('when an employee asks', () => {
      it('creates a pending request, once', async () => {
        const ole = await w.user('ole@demo-institut.dk');
        const r = await w.service.requestCommunityAccess(ole.id, 'eksempelstyrelsen');
        expect(r.ok && r.value.status).toBe('pending');
        expect(codeOf(await w.service.requestCommunityAccess(ole.id, 'eksempelstyrelsen'))).toBe('COMMUNITY.ALREADY_PENDING');
      });
    });
    describe('when refused', () => {
      it('refuses a consultant, an unknown institution and access already granted', async () => {
        const kim = await w.user('kim@konsulenthuset.dk');
        const lars = await w.user('lars@testministeriet.dk');
        expect(codeOf(await w.service.requestCommunityAccess(kim.id, 'testministeriet'))).toBe('COMMUNITY.CONSULTANT');
        expect(codeOf(await w.service.requestCommunityAccess(lars.id, 'nope'))).toBe('INSTITUTION.NOT_FOUND');
        expect(codeOf(await w.service.requestCommunityAccess(lars.id, 'eksempelstyrelsen'))).toBe('COMMUNITY.ALREADY_GRANTED');
      });
    });
  });

  describe('changeMembership', () => {
    describe('when the shared-mailbox administrator attaches and detaches', () => {
      it('changes the members', async () => {
        const mette = await w.user('mette@eksempelstyrelsen.dk');
        const peter = await w.service.register({ email: 'peter@eksempelstyrelsen.dk', name: 'Peter', institutionId: 'eksempelstyrelsen' });
        expect(peter.ok).toBe(true);
        const attached = await w.service.changeMembership(mette.id, 'attach', 'loen@eksempelstyrelsen.dk', 'peter@eksempelstyrelsen.dk');
        expect(attached.ok && attached.value.map((u) => u.email).sort()).toEqual(['anna@eksempelstyrelsen.dk', 'mette@eksempelstyrelsen.dk', 'peter@eksempelstyrelsen.dk']);
        const detached = await w.service.changeMembership(mette.id, 'detach', 'loen@eksempelstyrelsen.dk', 'anna@eksempelstyrelsen.dk');
        expect(detached.ok && detached.value.map((u) => u.email).sort()).toEqual(['mette@eksempelstyrelsen.dk', 'peter@eksempelstyrelsen.dk']);
        const anna = await w.user('anna@eksempelstyrelsen.dk');
        const options = await w.service.caseOptions(anna.id);
        expect(options.ok && options.value.mailboxes).toEqual([]);
      });
    });
    describe('when refused', () => {
      it.each([
        ['an actor without the role', 'MAILBOX.NOT_ADMIN', 'anna@eksempelstyrelsen.dk', 'attach', 'loen@eksempelstyrelsen.dk', 'mette@eksempelstyrelsen.dk'],
        ['a member of another institution', 'MAILBOX.OTHER_INSTITUTION', 'mette@eksempelstyrelsen.dk', 'attach', 'loen@eksempelstyrelsen.dk', 'lars@testministeriet.dk'],
        ['a mailbox that is not a user', 'MAILBOX.NOT_A_MAILBOX', 'mette@eksempelstyrelsen.dk', 'attach', 'nope@eksempelstyrelsen.dk', 'anna@eksempelstyrelsen.dk'],
        ['a member who is not a user', 'USER.NOT_FOUND', 'mette@eksempelstyrelsen.dk', 'attach', 'loen@eksempelstyrelsen.dk', 'nope@eksempelstyrelsen.dk'],
        ['an existing member', 'MAILBOX.ALREADY_MEMBER', 'mette@eksempelstyrelsen.dk', 'attach', 'loen@eksempelstyrelsen.dk', 'anna@eksempelstyrelsen.dk'],
      ] as const)('refuses %s with %s', async (_what, code, actorEmail, op, mailbox, member) => {
        const actor = await w.user(actorEmail);
        expect(codeOf(await w.service.changeMembership(actor.id, op, mailbox, member))).toBe(code);
      });
    });
  });
});

describe('caseEventRecipients', () => {
  describe('when an agent comments on a case sent from a shared mailbox', () => {
    it('tells the requester and every member of the mailbox', async () => {
      const w = await demoWorld();
      const p = w.published.find((e) => e.event.type === 'case.status_changed' && e.event.subject === 'Fejl i lønkørsel');
      if (!p || p.event.type !== 'case.status_changed') throw new Error('no event');
      const recipients = await caseEventRecipients(w.directory, p.event);
      expect(recipients.map((u) => u.email).sort()).toEqual(['anna@eksempelstyrelsen.dk', 'mette@eksempelstyrelsen.dk']);
    });
  });
  describe('when the customer comments on their own case', () => {
    it('tells nobody (the actor is not told of their own act)', async () => {
      const w = await demoWorld();
      const anna = await w.user('anna@eksempelstyrelsen.dk');
      const waiting = w.cases.all().find((c) => c.status === 'afventer_kunde');
      await w.service.comment(anna.id, waiting?.number ?? 'SA-2026-000000', 'Svar');
      const p = w.published.filter((e) => e.event.type === 'case.commented').pop();
      if (!p || p.event.type !== 'case.commented') throw new Error('no event');
      expect(await caseEventRecipients(w.directory, p.event)).toEqual([]);
    });
  });
  describe('when an agent changes the status of an own case', () => {
    it('tells the requester only', async () => {
      const w = await demoWorld();
      const p = w.published.find((e) => e.event.type === 'case.status_changed' && e.event.subject === 'Manglende data i LDV');
      if (!p || p.event.type !== 'case.status_changed') throw new Error('no event');
      expect((await caseEventRecipients(w.directory, p.event)).map((u) => u.email)).toEqual(['lars@testministeriet.dk']);
    });
  });
});


describe('PortalService.caseOptions given the user the conversation resolved', () => {
  it('reads the institutions with the standing, in one read of the directory', async () => {
    const w = await demoWorld();
    const lars = await w.user('lars@testministeriet.dk');
    const expected = await w.service.caseOptions(lars.id);
    expect(expected.ok && expected.value.institutions.map((i) => i.id)).toEqual(['testministeriet', 'eksempelstyrelsen', 'demo-instituttet']);
    const calls: string[] = [];
    const directory = Object.create(w.directory) as InMemoryDirectoryStore;
    directory.getUserStanding = (id, options) => {
      calls.push(`standing${options?.institutions ? ' with institutions' : ''}`);
      return w.directory.getUserStanding(id, options);
    };
    directory.getInstitution = (id) => {
      calls.push(`institution ${id}`);
      return w.directory.getInstitution(id);
    };
    const service = new PortalService({ cases: w.cases, directory });
    expect(await service.caseOptions(lars)).toEqual(expected);
    expect(await service.caseOptions(lars.id)).toEqual(expected);
    expect(calls).toEqual(['standing with institutions', 'standing with institutions']);
  });

  it('reads an institution the standing did not have after it (the given user’s institution changed in between)', async () => {
    const w = await demoWorld();
    const lars = await w.user('lars@testministeriet.dk');
    const moved = { ...lars, primaryInstitutionId: 'demo-instituttet' };
    const directory = Object.create(w.directory) as InMemoryDirectoryStore;
    directory.getUserStanding = async (id, options) => {
      const standing = await w.directory.getUserStanding(id, options);
      return standing && { ...standing, institutions: standing.institutions?.filter((i) => i.id !== 'demo-instituttet') };
    };
    const options = await new PortalService({ cases: w.cases, directory }).caseOptions(moved);
    expect(options.ok && options.value.institutions.map((i) => i.id)).toEqual(['demo-instituttet', 'eksempelstyrelsen']);
  });

  it('answers USER.NOT_FOUND for a user no longer there, whatever the institution read did', async () => {
    const w = await demoWorld();
    const lars = await w.user('lars@testministeriet.dk');
    const directory = Object.create(w.directory) as InMemoryDirectoryStore;
    directory.getUserStanding = async () => undefined;
    directory.getInstitution = async () => {
      throw new Error('database gone');
    };
    expect(codeOf(await new PortalService({ cases: w.cases, directory }).caseOptions(lars))).toBe('USER.NOT_FOUND');
  });
});
