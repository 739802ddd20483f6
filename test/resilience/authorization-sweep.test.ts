import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDirectoryStore } from '../../adapters/postgres/pg-directory-store.js';
import { DEMO_USERS, type User } from '../../portal/index.js';
import { startTestAssistant, type TestAssistant } from '../support/assistant.js';
import { ANNA, annaCaseTurns, Chat } from '../support/chat.js';

const NOT_VISIBLE = 'Jeg kan ikke finde en sag med det nummer, som du har adgang til.';

const METTE = 'mette@eksempelstyrelsen.dk';
const LOEN = 'loen@eksempelstyrelsen.dk';
const LARS = 'lars@testministeriet.dk';
const OLE = 'ole@demo-institut.dk';
const KIM = 'kim@konsulenthuset.dk';

/**
 * The oracle: who may see which case, and why — written by hand from the rule as the README states
 * it ("a user sees their own cases and the cases sent from the shared mailboxes they are attached
 * to — nothing across institutions") and the demo data's table, not computed by the code under
 * test. Cases by idempotency key; `sweep` is the case this test makes. Nobody else sees a case:
 * not kim (a consultant in Eksempelstyrelsen with no cases), not ole for lars's case about his
 * institution (only own cases and mailboxes' cases count), not lars for Eksempelstyrelsen's
 * cases (community access lets him act for an institution, not read its cases).
 */
const ORACLE: Record<string, { requester: string; sentFrom: string; mayBeSeenBy: readonly string[]; why: string }> = {
  'demo-case-1': { requester: ANNA, sentFrom: ANNA, mayBeSeenBy: [ANNA], why: "anna's own (Rejseafregning afvist)" },
  'demo-case-2': { requester: METTE, sentFrom: LOEN, mayBeSeenBy: [METTE, ANNA, LOEN], why: "mette's, sent from loen@, whose members are anna and mette" },
  'demo-case-3': { requester: ANNA, sentFrom: ANNA, mayBeSeenBy: [ANNA], why: "anna's own (Navision Stat access); mette shares loen@ with her but this case was not sent from it" },
  'demo-case-4': { requester: LARS, sentFrom: LARS, mayBeSeenBy: [LARS], why: "lars's own, for Demo-instituttet; ole works there but it is not his" },
  'demo-case-5': { requester: OLE, sentFrom: OLE, mayBeSeenBy: [OLE], why: "ole's own (closed: seen, takes no comments)" },
  'demo-case-6': { requester: LARS, sentFrom: LARS, mayBeSeenBy: [LARS], why: "lars's own (IndFak)" },
  sweep: { requester: ANNA, sentFrom: LOEN, mayBeSeenBy: [ANNA, METTE, LOEN], why: "anna's, sent from loen@: mette is a member" },
};

/**
 * Every demo user asks about every case through the bot (HTTP, the real PostgreSQL stores); what
 * the bot reveals is compared with the hand-written {@link ORACLE}.
 */
describe('the authorization sweep over status, comments and "mine sager"', () => {
  let assistant: TestAssistant;
  const chat = new Chat();
  let directory: PgDirectoryStore;

  beforeAll(async () => {
    await chat.start();
    assistant = await startTestAssistant('postgres', { DEMO_MODE: 'true', NOTIFICATIONS_ENABLED: 'false' });
    directory = new PgDirectoryStore(assistant.world.db);
    // A case made in the test too: anna's, sent from the shared mailbox loen@.
    for (const [say, want] of annaCaseTurns('Sweep: to medarbejdere mangler løn.')) {
      expect((await chat.say(assistant.url, ANNA, 'sweep-create', say)).text).toContain(want);
    }
  }, 60_000);

  afterAll(async () => {
    await assistant.dispose();
    await chat.stop();
  });

  it('reveals exactly what the rule allows to every user, for every case (0 leaks)', async () => {
    const { rows: cases } = await assistant.world.db.query<{ number: string; key: string; requester: string; sent_from: string; status: string }>(
      `SELECT c.number, CASE WHEN c.idempotency_key LIKE 'demo-case-%' THEN c.idempotency_key ELSE 'sweep' END AS key,
              r.email AS requester, s.email AS sent_from, c.status
         FROM portal_case c JOIN portal_user r ON r.id = c.requester_id JOIN portal_user s ON s.id = c.sent_from_id ORDER BY c.seq`,
    );
    // The oracle describes exactly these cases, with these parties (else the demo data changed under it).
    expect(cases.map((c) => [c.key, c.requester, c.sent_from]).sort()).toEqual(Object.entries(ORACLE).map(([key, o]) => [key, o.requester, o.sentFrom]).sort());
    const users = (await Promise.all(DEMO_USERS.map((u) => directory.getUserByEmail(u.email)))).filter((u): u is User => u !== undefined);
    expect(users).toHaveLength(DEMO_USERS.length);
    expect(users.map((u) => u.email).sort()).toEqual([ANNA, KIM, LARS, LOEN, METTE, OLE].sort());

    let attempts = 0;
    const leaks: string[] = [];
    const skipped: string[] = [];
    const leak = (what: string) => leaks.push(what);

    for (const user of users) {
      const may = (c: (typeof cases)[number]) => ORACLE[c.key]?.mayBeSeenBy.includes(user.email) ?? false;
      const conv = `sweep-${user.email}`;

      // "mine sager", every page.
      attempts++;
      const shown = new Set<string>();
      let page = await chat.say(assistant.url, user.email, conv, 'mine sager');
      if (!/Dine sager|ingen sager/.test(page.text)) {
        // A shared mailbox is not someone who chats: the bot must then show nothing at all.
        if (/SA-\d{4}-\d{6}/.test(page.text)) leak(`${user.email}: "mine sager" answered as a non-user but listed cases`);
        skipped.push(`${user.email}: ${page.text.slice(0, 80)}`);
        continue;
      }
      for (let pages = 0; pages < 20; pages++) {
        for (const n of page.text.match(/SA-\d{4}-\d{6}/g) ?? []) shown.add(n);
        if (!page.text.includes('vis flere')) break;
        page = await chat.say(assistant.url, user.email, conv, 'vis flere');
      }
      for (const c of cases) {
        if (may(c) !== shown.has(c.number)) leak(`${user.email}: "mine sager" ${may(c) ? 'hides' : 'shows'} ${c.number}`);
      }

      for (const c of cases) {
        const allowed = may(c);
        attempts++;
        const status = await chat.say(assistant.url, user.email, conv, `status på ${c.number}`);
        const statusShown = status.text.includes(c.number) && !status.text.includes(NOT_VISIBLE);
        if (statusShown !== allowed) leak(`${user.email}: status ${allowed ? 'hides' : 'shows'} ${c.number}: ${status.text.slice(0, 80)}`);

        attempts++;
        const remark = `Kommentar fra ${user.email} til ${c.number}`;
        const asked = await chat.say(assistant.url, user.email, conv, `tilføj kommentar til ${c.number}`);
        let accepted = false;
        if (asked.text.includes(`Skriv din kommentar til ${c.number}`)) {
          if (!allowed) leak(`${user.email}: comment on ${c.number} was prompted for`);
          const answered = await chat.say(assistant.url, user.email, conv, remark);
          accepted = answered.text.includes(`Din kommentar er tilføjet til ${c.number}`);
          // A closed case takes no comments: refused for a reason only someone who may see it hears.
          if (c.status === 'lukket' && !answered.text.includes('Sagen er lukket')) leak(`${user.email}: closed ${c.number}: ${answered.text.slice(0, 80)}`);
        } else if (!asked.text.includes(NOT_VISIBLE)) {
          leak(`${user.email}: comment on ${c.number} got neither a prompt nor a refusal: ${asked.text.slice(0, 80)}`);
        }
        const { rows } = await assistant.world.db.query<{ n: number }>(
          `SELECT count(*) AS n FROM portal_case_event e JOIN portal_case c ON c.seq = e.case_seq WHERE c.number = $1 AND e.type = 'comment' AND e.data->>'text' = $2`,
          [c.number, remark],
        );
        const stored = (rows[0]?.n ?? 0) > 0;
        const commentable = allowed && c.status !== 'lukket';
        if (accepted !== commentable || stored !== commentable) leak(`${user.email}: comment on ${c.number} ${commentable ? 'refused' : 'accepted'} (stored: ${stored})`);
      }
    }

    console.log(`authorization sweep: ${users.length} users × ${cases.length} cases, ${attempts} attempts, ${leaks.length} leaks${skipped.length ? `; skipped: ${skipped.join(' | ')}` : ''}`);
    expect(leaks).toEqual([]);
    expect(skipped.length).toBeLessThanOrEqual(1);
    expect(attempts).toBeGreaterThanOrEqual((users.length - skipped.length) * (1 + 2 * cases.length));
    expect(attempts).toBeGreaterThanOrEqual(60);
  }, 60_000);
});
