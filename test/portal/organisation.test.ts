import { describe, expect, it } from 'vitest';
import {
  caseInstitutionIds,
  checkCaseVisible,
  checkCommunityRequest,
  checkConsent,
  checkConsentAcceptance,
  checkCreateCase,
  checkMembershipChange,
  checkRegistration,
  CONSENT_DECLARATION,
  decideCommunityRequest,
  institutionsForEmail,
  institutionSchema,
  needsConsent,
  userSchema,
  visibilityScope,
  type CommunityAccessRequest,
  type Institution,
  type User,
} from '../../portal/index.js';

const T0 = '2026-03-01T09:00:00.000Z';

const institution = (id: string, domains: string[], allowSubdomains = false): Institution =>
  institutionSchema.parse({ id, name: id[0]?.toUpperCase() + id.slice(1), domains, allowSubdomains });

const eks = institution('eksempelstyrelsen', ['eksempelstyrelsen.dk']);
const test = institution('testministeriet', ['testministeriet.dk', 'tm.dk'], true);
const demo = institution('demo-instituttet', ['demo-institut.dk']);

const user = (id: string, patch: Partial<User> = {}): User =>
  userSchema.parse({ id, email: `${id}@eksempelstyrelsen.dk`, name: id, primaryInstitutionId: 'eksempelstyrelsen', kind: 'employee', createdAt: T0, ...patch });

const anna = user('anna');
const mette = user('mette', { roles: ['sharedMailboxAdmin'] });
const loen = user('loen', { kind: 'sharedMailbox' });
const kim = user('kim', { email: 'kim@konsulenthuset.dk', kind: 'consultant' });
const lars = user('lars', { email: 'lars@testministeriet.dk', primaryInstitutionId: 'testministeriet' });
const testAdmin = user('tadmin', { email: 'admin@testministeriet.dk', primaryInstitutionId: 'testministeriet', roles: ['sharedMailboxAdmin'] });
const testMailbox = user('tpost', { email: 'post@testministeriet.dk', primaryInstitutionId: 'testministeriet', kind: 'sharedMailbox' });

const request = (userId: string, institutionId: string, status: CommunityAccessRequest['status']): CommunityAccessRequest => ({
  id: `${userId}-${institutionId}`,
  userId,
  institutionId,
  status,
  requestedAt: T0,
  caseNumber: null,
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
});

const codeOf = (r: { ok: boolean; error?: { code: string } }): string | undefined => (r.ok ? undefined : r.error?.code);

describe('checkRegistration', () => {
  describe('when the domain is one of the institution’s', () => {
    it('accepts it case-insensitively and answers the normalised address', () => {
      expect(checkRegistration(' Anna@EKSEMPELSTYRELSEN.dk ', eks)).toEqual({ ok: true, value: { email: 'anna@eksempelstyrelsen.dk', domain: 'eksempelstyrelsen.dk' } });
      expect(checkRegistration('x@tm.dk', test).ok).toBe(true);
    });
  });

  describe('when the domain belongs to another institution', () => {
    it('refuses with REGISTRATION.DOMAIN_MISMATCH naming domain and institution', () => {
      const r = checkRegistration('anna@testministeriet.dk', eks);
      expect(codeOf(r)).toBe('REGISTRATION.DOMAIN_MISMATCH');
      if (!r.ok) {
        expect(r.error.message.da).toContain('testministeriet.dk');
        expect(r.error.message.da).toContain('Eksempelstyrelsen');
      }
    });
  });

  describe('when the address is on a subdomain', () => {
    it('refuses it where subdomains are not allowed', () => {
      expect(codeOf(checkRegistration('anna@hr.eksempelstyrelsen.dk', eks))).toBe('REGISTRATION.DOMAIN_MISMATCH');
    });
    it('accepts it where they are', () => {
      expect(checkRegistration('lars@hr.testministeriet.dk', test).ok).toBe(true);
    });
    it('does not mistake a look-alike domain for a subdomain', () => {
      expect(codeOf(checkRegistration('lars@falsktestministeriet.dk', test))).toBe('REGISTRATION.DOMAIN_MISMATCH');
      expect(codeOf(checkRegistration('lars@testministeriet.dk.evil.com', test))).toBe('REGISTRATION.DOMAIN_MISMATCH');
    });
  });

  describe('when the address is not an address', () => {
    it('refuses with REGISTRATION.INVALID_EMAIL', () => {
      expect(codeOf(checkRegistration('anna', eks))).toBe('REGISTRATION.INVALID_EMAIL');
    });
  });
});

describe('institutionsForEmail', () => {
  describe('when a person types their e-mail', () => {
    it('suggests the institutions that accept it', () => {
      expect(institutionsForEmail('ole@demo-institut.dk', [eks, test, demo]).map((i) => i.id)).toEqual(['demo-instituttet']);
      expect(institutionsForEmail('kim@konsulenthuset.dk', [eks, test, demo])).toEqual([]);
      expect(institutionsForEmail('nonsense', [eks])).toEqual([]);
    });
  });
});

describe('consent', () => {
  describe('when a consultant has not accepted the current version', () => {
    it('is required, with CONSENT.REQUIRED', () => {
      expect(needsConsent(kim)).toBe(true);
      expect(codeOf(checkConsent(kim))).toBe('CONSENT.REQUIRED');
      expect(needsConsent({ ...kim, consentAcceptedVersion: CONSENT_DECLARATION.version })).toBe(false);
    });
    it('is required again when the declaration gets a new version', () => {
      expect(needsConsent({ ...kim, consentAcceptedVersion: 1 }, 2)).toBe(true);
    });
  });
  describe('when the user is an employee', () => {
    it('is not required', () => {
      expect(needsConsent(anna)).toBe(false);
      expect(checkConsent(anna).ok).toBe(true);
    });
  });
  describe('when accepting an old version', () => {
    it('refuses with CONSENT.UNKNOWN_VERSION', () => {
      expect(codeOf(checkConsentAcceptance(1, 2))).toBe('CONSENT.UNKNOWN_VERSION');
      expect(checkConsentAcceptance(2, 2).ok).toBe(true);
    });
  });
});

describe('caseInstitutionIds', () => {
  describe('when an employee has community access', () => {
    it('answers the primary institution and the approved ones, not pending or rejected', () => {
      const requests = [request('lars', 'eksempelstyrelsen', 'approved'), request('lars', 'demo-instituttet', 'pending'), request('lars', 'x', 'rejected'), request('anna', 'y', 'approved')];
      expect(caseInstitutionIds(lars, requests)).toEqual(['testministeriet', 'eksempelstyrelsen']);
    });
  });
  describe('when the user is a consultant', () => {
    it('answers only their one institution, whatever requests exist', () => {
      expect(caseInstitutionIds(kim, [request('kim', 'testministeriet', 'approved')])).toEqual(['eksempelstyrelsen']);
    });
  });
});

describe('checkCommunityRequest', () => {
  describe('when an employee asks for another institution', () => {
    it('allows it', () => {
      expect(checkCommunityRequest(lars, eks, []).ok).toBe(true);
    });
    it('allows asking again after a rejection', () => {
      expect(checkCommunityRequest(lars, eks, [request('lars', 'eksempelstyrelsen', 'rejected')]).ok).toBe(true);
    });
  });
  describe('when refused', () => {
    it.each([
      ['a consultant', 'COMMUNITY.CONSULTANT', kim, test, []],
      ['a shared mailbox', 'COMMUNITY.SHARED_MAILBOX', loen, test, []],
      ['the own institution', 'COMMUNITY.OWN_INSTITUTION', lars, test, []],
      ['access already granted', 'COMMUNITY.ALREADY_GRANTED', lars, eks, [request('lars', 'eksempelstyrelsen', 'approved')]],
      ['a request already pending', 'COMMUNITY.ALREADY_PENDING', lars, eks, [request('lars', 'eksempelstyrelsen', 'pending')]],
    ] as const)('refuses %s with %s', (_what, code, who, where, existing) => {
      expect(codeOf(checkCommunityRequest(who, where, existing))).toBe(code);
    });
  });
});

describe('decideCommunityRequest', () => {
  const pending = request('lars', 'eksempelstyrelsen', 'pending');
  describe('when an agent approves a pending request', () => {
    it('records who and when', () => {
      const r = decideCommunityRequest(pending, { approve: true, by: { kind: 'agent', agentId: 'sd-17' }, at: '2026-03-02T10:00:00.000Z' });
      expect(r).toEqual({ ok: true, value: { ...pending, status: 'approved', decidedBy: 'agent:sd-17', decidedAt: '2026-03-02T10:00:00.000Z', decisionNote: null } });
    });
  });
  describe('when a user with the agent role rejects it', () => {
    it('records the rejection with the note', () => {
      const agentUser = user('desk', { roles: ['agent'] });
      const r = decideCommunityRequest(pending, { approve: false, by: { kind: 'user', userId: 'desk' }, at: T0, note: 'Ikke i lønfællesskab' }, agentUser);
      expect(r.ok && r.value).toMatchObject({ status: 'rejected', decidedBy: 'user:desk', decisionNote: 'Ikke i lønfællesskab' });
    });
  });
  describe('when the decider is not an agent', () => {
    it('refuses with COMMUNITY.NOT_AGENT', () => {
      expect(codeOf(decideCommunityRequest(pending, { approve: true, by: { kind: 'user', userId: 'mette' }, at: T0 }, mette))).toBe('COMMUNITY.NOT_AGENT');
      expect(codeOf(decideCommunityRequest(pending, { approve: true, by: { kind: 'system' }, at: T0 }))).toBe('COMMUNITY.NOT_AGENT');
    });
  });
  describe('when the request was decided already', () => {
    it('refuses with COMMUNITY.NOT_PENDING', () => {
      expect(codeOf(decideCommunityRequest({ ...pending, status: 'approved' }, { approve: false, by: { kind: 'agent', agentId: 'a' }, at: T0 }))).toBe('COMMUNITY.NOT_PENDING');
    });
  });
});

describe('checkCreateCase', () => {
  describe('when an employee creates a case for their institution', () => {
    it('allows it', () => {
      expect(checkCreateCase({ user: anna, institutionId: 'eksempelstyrelsen', communityRequests: [] }).ok).toBe(true);
    });
  });
  describe('when an employee with approved community access creates a case for that institution', () => {
    it('allows it', () => {
      expect(checkCreateCase({ user: lars, institutionId: 'eksempelstyrelsen', communityRequests: [request('lars', 'eksempelstyrelsen', 'approved')] }).ok).toBe(true);
    });
  });
  describe('when the institution is not one the user may act for', () => {
    it('refuses with CASE.INSTITUTION_NOT_ALLOWED, pointing at the form Øvrige', () => {
      const r = checkCreateCase({ user: lars, institutionId: 'demo-instituttet', communityRequests: [request('lars', 'demo-instituttet', 'pending')] });
      expect(codeOf(r)).toBe('CASE.INSTITUTION_NOT_ALLOWED');
      if (!r.ok) expect(r.error.message.da).toContain('Øvrige');
    });
    it('refuses a consultant with their own reason', () => {
      const consented = { ...kim, consentAcceptedVersion: CONSENT_DECLARATION.version };
      const r = checkCreateCase({ user: consented, institutionId: 'testministeriet', communityRequests: [] });
      expect(codeOf(r)).toBe('CASE.INSTITUTION_NOT_ALLOWED');
      if (!r.ok) expect(r.error.message.da).toContain('konsulent');
    });
  });
  describe('when a consultant has not accepted the consent declaration', () => {
    it('refuses with CONSENT.REQUIRED', () => {
      expect(codeOf(checkCreateCase({ user: kim, institutionId: 'eksempelstyrelsen', communityRequests: [] }))).toBe('CONSENT.REQUIRED');
    });
    it('allows it once accepted', () => {
      expect(checkCreateCase({ user: { ...kim, consentAcceptedVersion: 1 }, institutionId: 'eksempelstyrelsen', communityRequests: [], consentVersion: 1 }).ok).toBe(true);
    });
  });
  describe('when the requester is a shared mailbox', () => {
    it('refuses with CASE.REQUESTER_IS_MAILBOX', () => {
      expect(codeOf(checkCreateCase({ user: loen, institutionId: 'eksempelstyrelsen', communityRequests: [] }))).toBe('CASE.REQUESTER_IS_MAILBOX');
    });
  });
  describe('when sent from a shared mailbox', () => {
    const base = { user: anna, institutionId: 'eksempelstyrelsen', communityRequests: [] };
    it('allows it for a member', () => {
      expect(checkCreateCase({ ...base, sentFrom: { mailbox: loen, isMember: true } }).ok).toBe(true);
    });
    it('refuses a non-member with MAILBOX.NOT_MEMBER', () => {
      expect(codeOf(checkCreateCase({ ...base, sentFrom: { mailbox: loen, isMember: false } }))).toBe('MAILBOX.NOT_MEMBER');
    });
    it('refuses a mailbox of another institution with MAILBOX.NOT_MEMBER', () => {
      expect(codeOf(checkCreateCase({ ...base, sentFrom: { mailbox: testMailbox, isMember: true } }))).toBe('MAILBOX.NOT_MEMBER');
    });
    it('refuses a "mailbox" that is a person with MAILBOX.NOT_A_MAILBOX', () => {
      expect(codeOf(checkCreateCase({ ...base, sentFrom: { mailbox: mette, isMember: true } }))).toBe('MAILBOX.NOT_A_MAILBOX');
    });
  });
});

describe('case visibility', () => {
  const own = { requesterId: 'anna', sentFromId: 'anna' };
  const fromLoen = { requesterId: 'mette', sentFromId: 'loen' };
  const mettes = { requesterId: 'mette', sentFromId: 'mette' };

  describe('when the case is the user’s own', () => {
    it('is visible', () => {
      expect(checkCaseVisible(visibilityScope(anna, []), own).ok).toBe(true);
    });
  });
  describe('when the case was sent from a mailbox the user is attached to', () => {
    it('is visible to every member', () => {
      expect(checkCaseVisible(visibilityScope(anna, [loen]), fromLoen).ok).toBe(true);
    });
    it('stays visible to its requester after they are detached', () => {
      expect(checkCaseVisible(visibilityScope(mette, []), fromLoen).ok).toBe(true);
    });
  });
  describe('when the case is a colleague’s own case', () => {
    it('is not visible, even within the same institution and mailbox', () => {
      expect(codeOf(checkCaseVisible(visibilityScope(anna, [loen]), mettes))).toBe('CASE.NOT_VISIBLE');
    });
  });
  describe('when the mailbox belongs to another institution', () => {
    it('does not count: nothing is visible across institutions', () => {
      const scope = visibilityScope(lars, [loen]);
      expect(scope.mailboxIds).toEqual([]);
      expect(codeOf(checkCaseVisible(scope, fromLoen))).toBe('CASE.NOT_VISIBLE');
    });
  });
  describe('when the case does not exist', () => {
    it('gets the very same answer as a case the user may not see', () => {
      const missing = checkCaseVisible(visibilityScope(anna, []), undefined);
      const hidden = checkCaseVisible(visibilityScope(anna, []), mettes);
      expect(missing).toEqual(hidden);
    });
  });
});

describe('checkMembershipChange', () => {
  describe('when a shared-mailbox administrator attaches a colleague', () => {
    it('allows it', () => {
      expect(checkMembershipChange({ op: 'attach', actor: mette, mailbox: loen, member: anna, isMember: false }).ok).toBe(true);
    });
  });
  describe('when the administrator detaches a member', () => {
    it('allows it', () => {
      expect(checkMembershipChange({ op: 'detach', actor: mette, mailbox: loen, member: anna, isMember: true }).ok).toBe(true);
    });
  });
  describe('when refused', () => {
    it.each([
      ['an actor without the role', 'MAILBOX.NOT_ADMIN', { op: 'attach', actor: anna, mailbox: loen, member: mette, isMember: false }],
      ['a mailbox that is a person', 'MAILBOX.NOT_A_MAILBOX', { op: 'attach', actor: mette, mailbox: anna, member: mette, isMember: false }],
      ['an administrator of another institution', 'MAILBOX.OTHER_INSTITUTION', { op: 'attach', actor: testAdmin, mailbox: loen, member: anna, isMember: false }],
      ['a member of another institution', 'MAILBOX.OTHER_INSTITUTION', { op: 'attach', actor: mette, mailbox: loen, member: lars, isMember: false }],
      ['a mailbox as member', 'MAILBOX.MEMBER_IS_MAILBOX', { op: 'attach', actor: mette, mailbox: loen, member: user('other', { kind: 'sharedMailbox' }), isMember: false }],
      ['attaching a member twice', 'MAILBOX.ALREADY_MEMBER', { op: 'attach', actor: mette, mailbox: loen, member: anna, isMember: true }],
      ['detaching a non-member', 'MAILBOX.NOT_MEMBER', { op: 'detach', actor: mette, mailbox: loen, member: anna, isMember: false }],
    ] as const)('refuses %s with %s', (_what, code, change) => {
      expect(codeOf(checkMembershipChange(change))).toBe(code);
    });
  });
});

describe('institutionSchema', () => {
  describe('when domains are typed in capitals', () => {
    it('stores them in lower case', () => {
      expect(institutionSchema.parse({ id: 'x-y', name: 'XY', domains: [' X.DK '] }).domains).toEqual(['x.dk']);
    });
  });
  describe('when a domain is not a domain', () => {
    it('refuses it', () => {
      expect(institutionSchema.safeParse({ id: 'x-y', name: 'XY', domains: ['x'] }).success).toBe(false);
      expect(institutionSchema.safeParse({ id: 'X Y', name: 'XY', domains: [] }).success).toBe(false);
    });
  });
});
