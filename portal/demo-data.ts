/**
 * The demo world every developer — and every test — can rely on (see the README). Seeding is
 * idempotent: what exists is left alone, what is missing is added, so it runs at every start of
 * the embedded mode.
 */
import type { CaseNumber, CaseStatus } from './case.js';
import type { CaseStore } from './case-store.port.js';
import { getForm } from './catalogue.js';
import type { DirectoryStore } from './directory-store.port.js';
import { CONSENT_DECLARATION, type Actor, type Institution, type Role, type User, type UserKind } from './organisation.js';
import { PortalError } from './result.js';

export const DEMO_INSTITUTIONS: readonly Institution[] = [
  { id: 'eksempelstyrelsen', name: 'Eksempelstyrelsen', domains: ['eksempelstyrelsen.dk'], allowSubdomains: false },
  { id: 'testministeriet', name: 'Testministeriet', domains: ['testministeriet.dk'], allowSubdomains: false },
  { id: 'demo-instituttet', name: 'Demo-instituttet', domains: ['demo-institut.dk'], allowSubdomains: false },
];

export interface DemoUser {
  email: string;
  name: string;
  institutionId: string;
  kind: UserKind;
  roles: Role[];
  consentAccepted: boolean;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'anna@eksempelstyrelsen.dk', name: 'Anna Andersen', institutionId: 'eksempelstyrelsen', kind: 'employee', roles: [], consentAccepted: false },
  { email: 'mette@eksempelstyrelsen.dk', name: 'Mette Madsen', institutionId: 'eksempelstyrelsen', kind: 'employee', roles: ['sharedMailboxAdmin'], consentAccepted: false },
  { email: 'loen@eksempelstyrelsen.dk', name: 'Løn, Eksempelstyrelsen (fællespostkasse)', institutionId: 'eksempelstyrelsen', kind: 'sharedMailbox', roles: [], consentAccepted: false },
  { email: 'lars@testministeriet.dk', name: 'Lars Larsen', institutionId: 'testministeriet', kind: 'employee', roles: [], consentAccepted: false },
  { email: 'kim@konsulenthuset.dk', name: 'Kim Konsulent', institutionId: 'eksempelstyrelsen', kind: 'consultant', roles: [], consentAccepted: false },
  { email: 'ole@demo-institut.dk', name: 'Ole Olsen', institutionId: 'demo-instituttet', kind: 'employee', roles: [], consentAccepted: false },
];

export const DEMO_MAILBOX_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  'loen@eksempelstyrelsen.dk': ['anna@eksempelstyrelsen.dk', 'mette@eksempelstyrelsen.dk'],
};

export const DEMO_COMMUNITY_ACCESS: readonly { email: string; institutionId: string }[] = [
  { email: 'lars@testministeriet.dk', institutionId: 'eksempelstyrelsen' },
  { email: 'lars@testministeriet.dk', institutionId: 'demo-instituttet' },
];

interface DemoCase {
  key: string;
  requester: string;
  /** Sent from this shared mailbox (e-mail) instead of the requester. */
  sentFrom?: string;
  institutionId: string;
  areaId: string;
  systemId: string | null;
  formId: string;
  subject: string;
  values: Record<string, string | number | boolean | string[]>;
  /** Status changes after creation, in order, with an optional agent comment before each. */
  steps: { to: CaseStatus; comment?: string }[];
}

const DEMO_AGENT: Actor = { kind: 'agent', agentId: 'demo-servicedesk' };

export const DEMO_CASES: readonly DemoCase[] = [
  {
    key: 'demo-case-1',
    requester: 'anna@eksempelstyrelsen.dk',
    institutionId: 'eksempelstyrelsen',
    areaId: 'oekonomi',
    systemId: 'rejsud',
    formId: 'oekonomi.rejseafregning',
    subject: 'Rejseafregning afvist',
    values: { problem: 'afvist', afregningsnummer: 'R-2026-0042', beloeb: 1250.5, beskrivelse: 'Min rejseafregning fra konferencen i Aarhus er blevet afvist uden begrundelse.' },
    steps: [],
  },
  {
    key: 'demo-case-2',
    requester: 'mette@eksempelstyrelsen.dk',
    sentFrom: 'loen@eksempelstyrelsen.dk',
    institutionId: 'eksempelstyrelsen',
    areaId: 'loen-hr',
    systemId: 'sls',
    formId: 'loen-hr.fejl-i-loenkoersel',
    subject: 'Fejl i lønkørsel',
    values: {
      udbetalingsdato: '2026-02-27',
      fejltype: ['forkert-beloeb'],
      antalBeroerte: 3,
      haster: true,
      beskrivelse: 'Tre medarbejdere har fået udbetalt for lidt i februar. Medarbejdernumre: 1001, 1002, 1005.',
    },
    steps: [{ to: 'under_behandling' }],
  },
  {
    key: 'demo-case-3',
    requester: 'anna@eksempelstyrelsen.dk',
    institutionId: 'eksempelstyrelsen',
    areaId: 'brugeradministration',
    systemId: 'navision-stat',
    formId: 'brugeradministration.ny-adgang',
    subject: 'Brugeradgang til Navision Stat',
    values: {
      brugerNavn: 'Peter Petersen',
      brugerEmail: 'peter@eksempelstyrelsen.dk',
      rettigheder: 'bogholder',
      startdato: '2026-04-01',
      godkendtAfLeder: true,
      beskrivelse: 'Ny bogholder starter 1. april og skal have adgang til Navision Stat.',
    },
    steps: [{ to: 'under_behandling' }, { to: 'afventer_kunde', comment: 'Hvilket regnskab skal Peter have adgang til?' }],
  },
  {
    key: 'demo-case-4',
    requester: 'lars@testministeriet.dk',
    institutionId: 'demo-instituttet',
    areaId: 'bi',
    systemId: 'ldv',
    formId: 'bi.rapport',
    subject: 'Manglende data i LDV',
    values: { rapportNavn: 'Lønudvikling pr. måned', problem: 'manglende-data', periode: 'januar 2026', beskrivelse: 'Rapporten viser ingen data for januar 2026.' },
    steps: [{ to: 'under_behandling' }, { to: 'loest', comment: 'Data er genindlæst. Rapporten viser nu januar.' }],
  },
  {
    key: 'demo-case-5',
    requester: 'ole@demo-institut.dk',
    institutionId: 'demo-instituttet',
    areaId: 'oevrige',
    systemId: 'campus',
    formId: 'oevrige.oevrige',
    subject: 'Kursustilmelding i Campus',
    values: { henvendelsestype: 'campus', emne: 'Kursustilmelding i Campus', beskrivelse: 'Jeg kan ikke se mine kursustilmeldinger i Campus.' },
    steps: [{ to: 'loest', comment: 'Tilmeldingerne er synlige igen.' }, { to: 'lukket' }],
  },
  {
    key: 'demo-case-6',
    requester: 'lars@testministeriet.dk',
    institutionId: 'testministeriet',
    areaId: 'oekonomi',
    systemId: 'indfak',
    formId: 'oekonomi.faktura',
    subject: 'Faktura ikke betalt',
    values: { problem: 'betaling', fakturanummer: 'F-88812', leverandoer: 'Kontorartikler A/S', cvr: '12345678', beloeb: 4999, beskrivelse: 'Leverandøren rykker for betaling af fakturaen fra januar.' },
    steps: [],
  },
];

/**
 * What a complete demo world has, by key: a store can tell in one look whether {@link seedDemoData}
 * would add anything (when everything here exists it adds nothing), and a start skips it.
 */
export interface DemoWorldKeys {
  institutionIds: readonly string[];
  userEmails: readonly string[];
  /** Shared mailbox and member e-mails. */
  mailboxMembers: readonly { mailbox: string; member: string }[];
  /** Users with approved community access to an institution. */
  communityAccess: readonly { email: string; institutionId: string }[];
  /** The demo cases' idempotency keys. */
  caseKeys: readonly string[];
}

export const DEMO_WORLD_KEYS: DemoWorldKeys = {
  institutionIds: DEMO_INSTITUTIONS.map((institution) => institution.id),
  userEmails: DEMO_USERS.map((user) => user.email),
  mailboxMembers: Object.entries(DEMO_MAILBOX_MEMBERS).flatMap(([mailbox, members]) => members.map((member) => ({ mailbox, member }))),
  communityAccess: DEMO_COMMUNITY_ACCESS,
  caseKeys: DEMO_CASES.map((demo) => demo.key),
};

export interface SeedReport {
  institutions: number;
  users: number;
  cases: number;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new PortalError('DEMO.SEED_FAILED', `demo-data: ${what}`);
  return value;
}

export interface SeedOptions {
  /**
   * The caller found none of the demo world in the store (a new database): nothing is looked up
   * before it is added (11 reads fewer). Adding to a store that has some of it fails instead.
   */
  empty?: boolean;
}

/**
 * Seeds the demo world through the ports; safe to run any number of times. Answers how many
 * things it added. Cases are created with idempotency keys `demo-case-N` and walked through their
 * statuses only when newly created.
 */
export async function seedDemoData(directory: DirectoryStore, cases: CaseStore, clock: () => Date = () => new Date(), options: SeedOptions = {}): Promise<SeedReport> {
  const empty = options.empty === true;
  const report: SeedReport = { institutions: 0, users: 0, cases: 0 };
  for (const institution of DEMO_INSTITUTIONS) {
    if (!empty && (await directory.getInstitution(institution.id))) continue;
    const created = await directory.createInstitution(institution);
    if (!created.ok) throw new PortalError('DEMO.SEED_FAILED', `demo-data: institution ${institution.id}: ${created.error.code}`);
    report.institutions++;
  }
  const users = new Map<string, User>();
  for (const demo of DEMO_USERS) {
    let user = empty ? undefined : await directory.getUserByEmail(demo.email);
    if (!user) {
      const created = await directory.createUser({
        email: demo.email,
        name: demo.name,
        primaryInstitutionId: demo.institutionId,
        kind: demo.kind,
        roles: demo.roles,
        consentAcceptedVersion: demo.consentAccepted ? CONSENT_DECLARATION.version : null,
      });
      if (!created.ok) throw new PortalError('DEMO.SEED_FAILED', `demo-data: user ${demo.email}: ${created.error.code}`);
      user = created.value;
      report.users++;
    }
    users.set(demo.email, user);
  }
  const userId = (email: string): string => must(users.get(email), `unknown demo user ${email}`).id;

  for (const [mailbox, members] of Object.entries(DEMO_MAILBOX_MEMBERS)) {
    for (const member of members) {
      await directory.attachMember({ mailboxId: userId(mailbox), memberId: userId(member), addedBy: userId('mette@eksempelstyrelsen.dk'), addedAt: clock().toISOString() });
    }
  }

  for (const access of DEMO_COMMUNITY_ACCESS) {
    const id = userId(access.email);
    const existing = empty ? [] : await directory.listCommunityRequests({ userId: id, institutionId: access.institutionId });
    if (existing.some((r) => r.status === 'approved')) continue;
    let pending = existing.find((r) => r.status === 'pending');
    if (!pending) {
      const created = await directory.createCommunityRequest({ userId: id, institutionId: access.institutionId });
      if (!created.ok) throw new PortalError('DEMO.SEED_FAILED', `demo-data: community ${access.email} → ${access.institutionId}: ${created.error.code}`);
      pending = created.value;
    }
    const decided = await directory.decideCommunityRequest(pending.id, { approve: true, by: DEMO_AGENT, note: 'Demo' });
    if (!decided.ok) throw new PortalError('DEMO.SEED_FAILED', `demo-data: approving ${pending.id}: ${decided.error.code}`);
  }

  for (const demo of DEMO_CASES) {
    const requesterId = userId(demo.requester);
    const created = await cases.create(
      {
        areaId: demo.areaId,
        systemId: demo.systemId,
        formId: demo.formId,
        formVersion: must(getForm(demo.formId), `unknown form ${demo.formId}`).version,
        values: demo.values,
        subject: demo.subject,
        institutionId: demo.institutionId,
        requesterId,
        sentFromId: demo.sentFrom ? userId(demo.sentFrom) : requesterId,
      },
      { idempotencyKey: demo.key },
    );
    if (!created.ok) throw new PortalError('DEMO.SEED_FAILED', `demo-data: case ${demo.key}: ${created.error.code}`);
    if (!created.value.created) continue;
    report.cases++;
    const number: CaseNumber = created.value.case.number;
    for (const step of demo.steps) {
      if (step.comment !== undefined) {
        const commented = await cases.addComment(number, { author: 'agent', actor: DEMO_AGENT, text: step.comment });
        if (!commented.ok) throw new PortalError('DEMO.SEED_FAILED', `demo-data: comment on ${demo.key}: ${commented.error.code}`);
      }
      const changed = await cases.changeStatus(number, { to: step.to, actor: DEMO_AGENT });
      if (!changed.ok) throw new PortalError('DEMO.SEED_FAILED', `demo-data: ${demo.key} → ${step.to}: ${changed.error.code}`);
    }
  }
  return report;
}
