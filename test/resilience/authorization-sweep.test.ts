import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDirectoryStore } from '../../adapters/postgres/pg-directory-store.js';
import { canSeeCase, DEMO_USERS, visibilityScope, type User } from '../../portal/index.js';
import { startTestAssistant, type TestAssistant } from '../support/assistant.js';
import { ANNA, annaCaseTurns, Chat } from '../support/chat.js';

const NOT_VISIBLE = 'Jeg kan ikke finde en sag med det nummer, som du har adgang til.';

/**
 * Every demo user asks about every case through the bot (HTTP, the real PostgreSQL stores); what
 * the bot reveals is compared with the portal's pure rule (visibilityScope + canSeeCase).
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
    const { rows: cases } = await assistant.world.db.query<{ number: string; requester_id: string; sent_from_id: string; status: string }>(
      'SELECT number, requester_id::text, sent_from_id::text, status FROM portal_case ORDER BY seq',
    );
    expect(cases.length).toBeGreaterThanOrEqual(4);
    const users = (await Promise.all(DEMO_USERS.map((u) => directory.getUserByEmail(u.email)))).filter((u): u is User => u !== undefined);
    expect(users).toHaveLength(DEMO_USERS.length);

    let attempts = 0;
    const leaks: string[] = [];
    const skipped: string[] = [];
    const leak = (what: string) => leaks.push(what);

    for (const user of users) {
      const scope = visibilityScope(user, await directory.mailboxesOf(user.id));
      const may = (c: (typeof cases)[number]) => canSeeCase(scope, { requesterId: c.requester_id, sentFromId: c.sent_from_id });
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
