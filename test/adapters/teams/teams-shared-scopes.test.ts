import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCaseStore } from '../../../adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from '../../../adapters/postgres/pg-directory-store.js';
import { adaptiveCardSchema, type AdaptiveCard } from '../../../dialogs/cards/card-schema.js';
import { getForm, type Actor } from '../../../portal/index.js';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { ConnectorListener, postActivity, type SentActivity } from '../../support/connector-listener.js';
import { teamsActivity, type TeamsScope } from '../../support/teams.js';

const AGENT: Actor = { kind: 'agent', agentId: 'agent-13' };
const CASE_NUMBER = /SA-\d{4}-\d{6}/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Member {
  userId: string;
  aadObjectId: string;
  email: string;
  name: string;
}
const anna: Member = { userId: '29:anna', aadObjectId: randomUUID(), email: 'anna@eksempelstyrelsen.dk', name: 'Anna Andersen' };
const lars: Member = { userId: '29:lars', aadObjectId: randomUUID(), email: 'lars@testministeriet.dk', name: 'Lars Larsen' };
const mette: Member = { userId: '29:mette', aadObjectId: randomUUID(), email: 'mette@eksempelstyrelsen.dk', name: 'Mette Madsen' };
const ole: Member = { userId: '29:ole', aadObjectId: randomUUID(), email: 'ole@demo-institut.dk', name: 'Ole Olsen' };
/** A member of the team the portal does not know. */
const guest: Member = { userId: '29:guest', aadObjectId: randomUUID(), email: 'guest@example.com', name: 'Gæst' };
const personalOf = (m: Member) => `a:personal:${m.userId}`;

const validAnswers = {
  problem: 'betaling',
  fakturanummer: 'F-13',
  leverandoer: 'Kontorhuset A/S',
  beloeb: '1200',
  fakturadato: '2026-02-01',
  beskrivelse: 'Leverandøren rykker for betaling af fakturaen.',
};

function cardsOf(activity: SentActivity | undefined): AdaptiveCard[] {
  const attachments = (activity?.attachments ?? []) as Array<{ contentType: string; content: unknown }>;
  return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => adaptiveCardSchema.parse(a.content));
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}

describe('Teams channels and group chats', () => {
  let assistant: TestAssistant;
  let connector: ConnectorListener;
  let serviceUrl: string;
  /** What must never reach a shared conversation: Anna's case numbers, subjects and mailbox names. */
  const secrets = new Set<string>();
  const shared = { channel: `19:general@thread.tacv2;messageid=${Date.now()}`, groupChat: `19:group-${randomUUID()}@thread.v2` };

  const say = (m: Member, scope: TeamsScope, conversationId: string, extra: Partial<Parameters<typeof teamsActivity>[0]>) =>
    postActivity(assistant.url, teamsActivity({ serviceUrl, conversationId, userId: m.userId, aadObjectId: m.aadObjectId, scope, mention: scope === 'channel', ...extra }));
  const messagesIn = (conversationId: string) => connector.for(conversationId).filter((a) => a.type === 'message');
  const sharedActivities = () => [...connector.for(shared.channel), ...connector.for(shared.groupChat)];
  const userId = async (m: Member) => (await new PgDirectoryStore(assistant.db).getUserByEmail(m.email))?.id ?? '';

  beforeAll(async () => {
    connector = new ConnectorListener();
    serviceUrl = await connector.start();
    for (const m of [anna, lars, ole, mette]) connector.members.set(m.userId, { id: m.userId, name: m.name, aadObjectId: m.aadObjectId, email: m.email, userPrincipalName: m.email });
    // Teams refuses a conversation with Ole (the app is not available to him).
    connector.respondCreate = (parameters) => ((parameters.members as Array<{ id: string }> | undefined)?.[0]?.id === ole.userId ? 403 : 200);
    assistant = await startTestAssistant('pglite', {
      DEMO_MODE: 'true',
      NOTIFICATIONS_ENABLED: 'true',
      NOTIFY_RETRY_BASE_MS: '150',
      NOTIFY_SWEEP_INTERVAL_MS: '300',
      NOTIFY_OUTBOX_POLL_MS: '100',
      TEAMS_TYPING_DELAY_MS: '5000',
    });
    const options = await assistant.portal.caseOptions(await userId(anna));
    if (options.ok) for (const m of options.value.mailboxes) for (const s of [m.name, m.email]) secrets.add(s);
    expect(secrets.size).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await assistant?.dispose();
    await connector?.stop();
  });

  describe('when a member asks a knowledge question in a channel', () => {
    it('answers in the channel, with "Hjalp det?" as card buttons instead of suggested actions', async () => {
      await say(anna, 'channel', shared.channel, { text: 'Hvordan nulstiller jeg min adgangskode til Serviceportalen?' });
      await connector.waitFor(() => messagesIn(shared.channel).length >= 1);
      const answer = messagesIn(shared.channel)[0];
      expect(String(answer?.text)).toMatch(/adgangskode/i);
      expect(answer?.suggestedActions).toBeUndefined();
      const buttons = cardsOf(answer).flatMap((c) => c.actions ?? []);
      expect(buttons.map((b) => b.title)).toEqual(['Ja', 'Nej']);
      expect(buttons[0]?.data).toMatchObject({ msteams: { type: 'messageBack', text: 'Ja' } });
      expect(connector.created).toHaveLength(0);
    });
  });

  describe('when a member writes "opret sag faktura" in a channel', () => {
    it('opens a 1:1 chat with her (member and tenant from the activity) and sends the form there; the channel is told briefly', async () => {
      const before = messagesIn(shared.channel).length;
      await say(anna, 'channel', shared.channel, { text: 'opret sag faktura' });
      await connector.waitFor(() => messagesIn(personalOf(anna)).length >= 1 && messagesIn(shared.channel).length > before);
      expect(connector.created[0]?.parameters).toMatchObject({ isGroup: false, members: [{ id: anna.userId }], tenantId: 'tenant-1', channelData: { tenant: { id: 'tenant-1' } } });
      const form = cardsOf(messagesIn(personalOf(anna))[0])[0];
      expect(JSON.stringify(form)).toContain('"id":"_sentFrom"');
      expect(messagesIn(shared.channel).at(-1)?.text).toMatch(/privat chat/);
      expect(messagesIn(shared.channel).at(-1)?.attachments ?? []).toHaveLength(0);
    });

    it('creates the case from the form submitted in the 1:1 chat', async () => {
      const form = cardsOf(messagesIn(personalOf(anna))[0])[0];
      const data = form?.actions?.[0]?.data ?? {};
      expect(data.owner).toBe(anna.userId);
      const before = messagesIn(personalOf(anna)).length;
      await postActivity(
        assistant.url,
        teamsActivity({ serviceUrl, conversationId: personalOf(anna), userId: anna.userId, aadObjectId: anna.aadObjectId, value: { ...data, _sentFrom: 'self', ...validAnswers } }),
      );
      await connector.waitFor(() => messagesIn(personalOf(anna)).slice(before).some((a) => CASE_NUMBER.test(String(a.text))));
      const number = CASE_NUMBER.exec(messagesIn(personalOf(anna)).map((a) => String(a.text)).join(' '))?.[0] ?? '';
      const found = await assistant.portal.caseFor(await userId(anna), number);
      expect(found.ok).toBe(true);
      if (found.ok) secrets.add(found.value.case.subject);
      secrets.add(number);
    });
  });

  // The first three are the Teams path's cards; the others go through the routing decision.
  describe.each([
    ['channel', 'mine sager', true],
    ['channel', 'status på min sag {number}', true],
    ['groupChat', 'mine sager', true],
    ['groupChat', 'jeg vil gerne tilføje en kommentar til {number}', true],
    ['groupChat', 'se mine sager', true],
    ['channel', 'opret en ny sag', false],
    ['channel', 'registrer mig', false],
    ['groupChat', 'Jeg vil gerne have adgang til Testministeriet', false],
  ] as const)('when a member writes a personal request in a %s ("%s")', (scope, template, showsCase) => {
    it('answers in the 1:1 chat and only tells the shared conversation that it wrote privately', async () => {
      const number = [...secrets].find((s) => CASE_NUMBER.test(s)) ?? '';
      const conversationId = shared[scope];
      const sharedBefore = messagesIn(conversationId).length;
      const privateBefore = messagesIn(personalOf(anna)).length;
      await say(anna, scope, conversationId, { text: template.replace('{number}', number) });
      await connector.waitFor(() => messagesIn(personalOf(anna)).length > privateBefore && messagesIn(conversationId).length > sharedBefore);
      const privately = JSON.stringify(messagesIn(personalOf(anna)).slice(privateBefore));
      if (showsCase) expect(privately).toContain(number);
      const told = messagesIn(conversationId).slice(sharedBefore);
      expect(told).toHaveLength(1);
      expect(told[0]?.text).toMatch(/privat chat/);
    });
  });

  describe('when another member submits her card in the channel', () => {
    it('is refused with a short message and the card is not replaced', async () => {
      const form = cardsOf(messagesIn(personalOf(anna))[0])[0];
      const data = form?.actions?.[0]?.data ?? {};
      const updatesBefore = connector.updated.length;
      const before = messagesIn(shared.channel).length;
      const casesBefore = await assistant.portal.myCases(await userId(lars), { limit: 50 });
      await say(lars, 'channel', shared.channel, { value: { ...data, _sentFrom: 'self', ...validAnswers }, replyToId: 'sent-1' });
      await connector.waitFor(() => messagesIn(shared.channel).length > before);
      expect(messagesIn(shared.channel).at(-1)?.text).toMatch(/sendt til en anden/);
      await sleep(200);
      expect(connector.updated.length).toBe(updatesBefore);
      const casesAfter = await assistant.portal.myCases(await userId(lars), { limit: 50 });
      expect(casesAfter.ok && casesAfter.value.items.length).toBe(casesBefore.ok && casesBefore.value.items.length);
    });

    it('refuses an Action.Execute of her card by him in the invoke response, with no card', async () => {
      const response = await say(lars, 'channel', shared.channel, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'serviceportal.card', data: { formStep: 'submit', formId: 'oekonomi.faktura', dialogInstanceId: 'x-1', owner: anna.userId, ...validAnswers } }, trigger: 'manual' },
      });
      const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
      expect(body.type).toBe('application/vnd.microsoft.activity.message');
      expect(String(body.value)).toMatch(/sendt til en anden/);
    });
  });

  describe('when Teams asks for the refresh of a card (Universal Actions)', () => {
    const refresh = (m: Member, data: Record<string, unknown>) =>
      say(m, 'personal', personalOf(m), { type: 'invoke', name: 'adaptiveCard/action', mention: false, value: { action: { type: 'Action.Execute', verb: 'serviceportal.refresh', data }, trigger: 'automatic' } });
    const caseListOf = { formStep: 'refresh', view: 'caseList', dialogInstanceId: 'case-list', owner: anna.userId };

    it('answers the owner with her own card as it is now', async () => {
      const response = await refresh(anna, caseListOf);
      const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      const card = adaptiveCardSchema.parse(body.value);
      const number = [...secrets].find((x) => CASE_NUMBER.test(x)) ?? '';
      expect(JSON.stringify(card)).toContain(number);
      const buttons = card.body.flatMap((e) => (e.type === 'Container' ? e.items.flatMap((x) => (x.type === 'ActionSet' ? x.actions : [])) : []));
      expect(buttons.length).toBeGreaterThan(0);
      expect(buttons.every((a) => a.data?.owner === anna.userId)).toBe(true);
    });

    it('answers anyone else with a card that says it is someone else\'s, without its content', async () => {
      const response = await refresh(guest, caseListOf);
      const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
      const card = adaptiveCardSchema.parse(body.value);
      expect(JSON.stringify(card)).toMatch(/tilhører en anden/);
      expect(JSON.stringify(card)).not.toMatch(CASE_NUMBER);
      expect(card.actions).toBeUndefined();
    });

    it('answers the owner of a form with her form (her mailboxes), anyone else without it', async () => {
      const form = { formStep: 'refresh', view: 'form', formId: 'oekonomi.faktura', dialogInstanceId: 'form-13', owner: anna.userId };
      const mine = adaptiveCardSchema.parse(((await (await refresh(anna, form)).json()) as { value: unknown }).value);
      expect(JSON.stringify(mine)).toContain('"id":"_sentFrom"');
      expect(mine.actions?.[0]?.data).toMatchObject({ dialogInstanceId: 'form-13', owner: anna.userId });
      const his = adaptiveCardSchema.parse(((await (await refresh(guest, form)).json()) as { value: unknown }).value);
      expect(JSON.stringify(his)).not.toContain('Input.');
    });
  });

  describe('when the app is installed', () => {
    it('welcomes a team with a card that says personal matters go to a private chat, and a personal chat with its buttons', async () => {
      const team = `19:team-${randomUUID()}@thread.tacv2`;
      await say(anna, 'channel', team, { type: 'installationUpdate', action: 'add', mention: false });
      await connector.waitFor(() => messagesIn(team).length >= 1);
      const welcome = cardsOf(messagesIn(team)[0])[0];
      expect(JSON.stringify(welcome)).toMatch(/privat chat/);
      expect(welcome?.actions?.map((a) => a.title)).toEqual(['Stil et spørgsmål']);
      const personal = `a:welcome-${randomUUID()}`;
      await say(anna, 'personal', personal, { type: 'installationUpdate', action: 'add', mention: false });
      await connector.waitFor(() => messagesIn(personal).length >= 1);
      const own = cardsOf(messagesIn(personal)[0])[0];
      expect(JSON.stringify(own)).not.toMatch(/privat chat/);
      expect(own?.actions?.map((a) => a.title)).toEqual(['Stil et spørgsmål', 'Opret sag', 'Mine sager']);
      // A member joining the team is no reason for another welcome.
      await say(lars, 'channel', team, { type: 'conversationUpdate', mention: false });
      await sleep(300);
      expect(messagesIn(team)).toHaveLength(1);
    });
  });

  describe('after all of that', () => {
    it('never sent a case number, case title, form or mailbox to the channel or the group chat', () => {
      const everything = JSON.stringify(sharedActivities());
      expect(sharedActivities().length).toBeGreaterThan(5);
      expect(everything).not.toMatch(CASE_NUMBER);
      for (const secret of secrets) expect(everything).not.toContain(secret);
      expect(everything).not.toContain('Input.');
    });
  });

  describe('when the service desk changes the status of her case', () => {
    it('notifies her as a card in the 1:1 chat only, though she last wrote in the channel', async () => {
      const number = [...secrets].find((s) => CASE_NUMBER.test(s)) ?? '';
      const before = messagesIn(shared.channel).length;
      await say(anna, 'channel', shared.channel, { text: 'Hvordan får jeg adgang til RejsUd?' });
      await connector.waitFor(() => messagesIn(shared.channel).length > before);
      const { rows } = await assistant.db.query<{ reference: unknown }>(`SELECT reference FROM notification_reference WHERE user_id = $1::uuid`, [await userId(anna)]);
      // Her latest personal chat: the one the app was last installed in (above), not the channel.
      const target = (rows[0]?.reference as { conversation?: { id?: string; conversationType?: string } } | undefined)?.conversation;
      expect(target?.conversationType).toBe('personal');
      expect(target?.id).toMatch(/^a:/);
      const personal = target?.id ?? '';
      const changed = await new PgCaseStore(assistant.db).changeStatus(number as never, { to: 'loest', actor: AGENT, note: 'Betalt.' });
      expect(changed.ok).toBe(true);
      await connector.waitFor(() => messagesIn(personal).some((a) => JSON.stringify(a.attachments ?? []).includes('Betalt.')));
      const note = messagesIn(personal).find((a) => JSON.stringify(a.attachments ?? []).includes('Betalt.'));
      const card = cardsOf(note)[0];
      expect(card?.actions?.map((a) => a.title)).toEqual(['Vis sag', 'Svar']);
      expect(JSON.stringify(card)).toContain(number);
      expect(JSON.stringify(sharedActivities())).not.toContain('Betalt.');
    });
  });

  describe('when a member who has only written in a channel gets a notification', () => {
    it('opens his 1:1 chat and sends it there', async () => {
      await say(lars, 'channel', shared.channel, { text: 'Hvordan nulstiller jeg min adgangskode?' });
      await connector.waitFor(() => messagesIn(shared.channel).some((a) => String(a.text).match(/adgangskode/i) && a !== undefined));
      const larsId = await userId(lars);
      const form = getForm('oekonomi.faktura');
      const created = await assistant.portal.createCase(larsId, {
        formId: 'oekonomi.faktura',
        systemId: form?.systemIds[0] ?? null,
        institutionId: 'testministeriet',
        sentFromMailboxId: null,
        values: validAnswers,
        idempotencyKey: randomUUID(),
      });
      expect(created.ok).toBe(true);
      const number = created.ok ? created.value.case.number : '';
      await new PgCaseStore(assistant.db).changeStatus(number as never, { to: 'under_behandling', actor: AGENT });
      await connector.waitFor(() => JSON.stringify(messagesIn(personalOf(lars))).includes(number));
      expect(connector.created.some((c) => (c.parameters.members as Array<{ id: string }>)[0]?.id === lars.userId)).toBe(true);
      expect(JSON.stringify(sharedActivities())).not.toContain(number);
    });
  });

  describe('when Teams refuses a 1:1 chat with the member', () => {
    it('tells the channel to write privately, and records the notification as skipped', async () => {
      const before = messagesIn(shared.channel).length;
      await say(ole, 'channel', shared.channel, { text: 'mine sager' });
      await connector.waitFor(() => messagesIn(shared.channel).length > before);
      expect(messagesIn(shared.channel).at(-1)?.text).toMatch(/Skriv til mig direkte/);
      const oleId = await userId(ole);
      const form = getForm('oekonomi.faktura');
      const created = await assistant.portal.createCase(oleId, {
        formId: 'oekonomi.faktura',
        systemId: form?.systemIds[0] ?? null,
        institutionId: 'demo-instituttet',
        sentFromMailboxId: null,
        values: validAnswers,
        idempotencyKey: randomUUID(),
      });
      expect(created.ok).toBe(true);
      const number = created.ok ? created.value.case.number : '';
      await new PgCaseStore(assistant.db).changeStatus(number as never, { to: 'under_behandling', actor: AGENT });
      const rows = await eventually(
        async () => (await assistant.db.query<{ status: string }>(`SELECT status FROM notification_delivery WHERE event->>'caseNumber' = $1`, [number])).rows,
        (r) => r.some((x) => x.status !== 'pending' && x.status !== 'sending'),
      );
      expect(rows.map((r) => r.status)).toEqual(['skipped']);
      expect(JSON.stringify(connector.received)).not.toContain(number);
    });
  });

  describe('when the app is installed for a shared mailbox\'s member who never wrote', () => {
    it('stores where to reach her, tells her what the desk did on the mailbox\'s cases, and sends later notifications there', async () => {
      const cases = new PgCaseStore(assistant.db);
      const mine = await assistant.portal.myCases(await userId(mette), { limit: 20, after: null });
      const mailboxCase = mine.ok ? mine.value.items.find((c) => c.subject === 'Fejl i lønkørsel') : undefined;
      expect(mailboxCase).toBeDefined();
      const number = mailboxCase?.number ?? '';
      const before = await assistant.db.query(`SELECT 1 FROM notification_reference WHERE user_id = $1::uuid`, [await userId(mette)]);
      expect(before.rows).toHaveLength(0);
      await cases.addComment(number as never, { author: 'agent', actor: AGENT, text: 'Lønkørslen er kørt igen.' });

      const chat = `a:install-${randomUUID()}`;
      await say(mette, 'personal', chat, { type: 'installationUpdate', action: 'add', mention: false });
      await connector.waitFor(() => messagesIn(chat).length >= 2);
      const [welcome, news] = messagesIn(chat);
      expect(JSON.stringify(welcome)).toContain('Mine sager');
      expect(news?.text).toContain('Siden sidst');
      expect(news?.text).toContain(number);
      expect(news?.text).toContain('Lønkørslen er kørt igen.');
      const { rows } = await assistant.db.query<{ reference: { conversation?: { id?: string } } }>(`SELECT reference FROM notification_reference WHERE user_id = $1::uuid`, [await userId(mette)]);
      expect(rows[0]?.reference.conversation?.id).toBe(chat);

      await cases.changeStatus(number as never, { to: 'afventer_kunde', actor: AGENT, note: 'Hvilke medarbejdere mangler stadig løn?' });
      await connector.waitFor(() => messagesIn(chat).some((a) => JSON.stringify(a.attachments ?? []).includes('Hvilke medarbejdere mangler stadig løn?')));
    });
  });
});
