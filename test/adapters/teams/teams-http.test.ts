import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDirectoryStore } from '../../../adapters/postgres/pg-directory-store.js';
import { adaptiveCardSchema, type AdaptiveCard } from '../../../dialogs/cards/card-schema.js';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { ConnectorListener, postActivity, type SentActivity } from '../../support/connector-listener.js';
import { teamsActivity } from '../../support/teams.js';

function cardOf(activity: SentActivity | undefined): AdaptiveCard {
  const attachments = (activity?.attachments ?? []) as Array<{ contentType: string; content: unknown }>;
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return adaptiveCardSchema.parse(attachments[0]?.content);
}

const anna = { userId: '29:anna', aadObjectId: randomUUID(), email: 'anna@eksempelstyrelsen.dk' };

const validAnswers = {
  problem: 'betaling',
  fakturanummer: 'F-77',
  leverandoer: '**Kontor** ${A/S}',
  beloeb: '4999.5',
  fakturadato: '2026-02-01',
  beskrivelse: 'Leverandøren rykker for betaling af fakturaen.',
};

describe('the Teams path over HTTP', () => {
  let assistant: TestAssistant;
  let connector: ConnectorListener;
  let serviceUrl: string;
  let conversationId: string;

  const post = (extra: Partial<Parameters<typeof teamsActivity>[0]>) =>
    postActivity(assistant.url, teamsActivity({ serviceUrl, conversationId, userId: anna.userId, aadObjectId: anna.aadObjectId, ...extra }));
  const messages = () => connector.for(conversationId).filter((a) => a.type === 'message');

  beforeAll(async () => {
    connector = new ConnectorListener();
    serviceUrl = await connector.start();
    connector.members.set(anna.userId, { id: anna.userId, name: 'Anna Andersen', aadObjectId: anna.aadObjectId, email: anna.email, userPrincipalName: anna.email });
    assistant = await startTestAssistant('pglite', { DEMO_MODE: 'true', NOTIFICATIONS_ENABLED: 'false', TEAMS_TYPING_DELAY_MS: '5000' });
  });
  afterAll(async () => {
    await assistant.dispose();
    await connector.stop();
  });

  let formCard: AdaptiveCard;
  let dialogInstanceId: string;

  describe('when a member writes "@Serviceportal opret sag faktura"', () => {
    it('answers with the form as a valid Adaptive Card 1.5, and links the Entra identity to the portal user', async () => {
      conversationId = `teams-${randomUUID()}`;
      const response = await post({ text: 'opret sag faktura', mention: true });
      expect(response.status).toBeLessThan(300);
      await connector.waitFor(() => messages().length >= 1);
      formCard = cardOf(messages()[0]);
      expect(formCard.version).toBe('1.5');
      expect(JSON.stringify(formCard)).toContain('Faktura i IndFak');
      const submit = formCard.actions?.[0];
      expect(submit).toMatchObject({ type: 'Action.Submit', data: { formStep: 'submit', formId: 'oekonomi.faktura' } });
      dialogInstanceId = String(submit?.data?.dialogInstanceId);
      // Anna is attached to a shared mailbox: the card asks where the case is sent from.
      expect(JSON.stringify(formCard)).toContain('"id":"_sentFrom"');
      const linked = await new PgDirectoryStore(assistant.db).getUserByIdentity({ provider: 'entra', subject: anna.aadObjectId });
      expect(linked?.email).toBe(anna.email);
    });

    it('asks the roster once, then knows the member by the linked identity', async () => {
      await post({ text: 'hej' });
      await connector.waitFor(() => messages().length >= 2);
      expect(connector.requests.filter((r) => r.method === 'GET' && r.url.includes('/members/'))).toHaveLength(1);
    });
  });

  describe('when the card is submitted with invalid answers (Action.Submit → message with value)', () => {
    it('updates the card in place with the errors next to the fields', async () => {
      const before = messages().length;
      await post({ value: { formStep: 'submit', formId: 'oekonomi.faktura', dialogInstanceId, problem: 'nonsense', cvr: '12', beskrivelse: 'kort' }, replyToId: 'sent-1' });
      await connector.waitFor(() => connector.updated.length >= 1 && messages().length > before);
      const updated = connector.updated[0];
      expect(updated?.replacedId).toBe('sent-1');
      const card = cardOf(updated);
      const text = JSON.stringify(card);
      for (const id of ['problem__error', 'cvr__error', 'beskrivelse__error', 'fakturanummer__error']) expect(text).toContain(`"id":"${id}"`);
      expect(card.actions).toHaveLength(1);
      expect(card.actions?.[0]?.data?.dialogInstanceId).toBe(dialogInstanceId);
      expect(messages().at(-1)?.text).toMatch(/ikke er udfyldt korrekt/);
    });
  });

  describe('when the corrected card is submitted twice at once (a double click)', () => {
    it('creates one case, replaces the card with a submitted card without actions, and both replies name the same case', async () => {
      const casesBefore = await myCaseCount(assistant, anna.aadObjectId);
      const value = { formStep: 'submit', formId: 'oekonomi.faktura', dialogInstanceId, _sentFrom: 'self', ...validAnswers };
      const updatesBefore = connector.updated.length;
      const before = messages().length;
      await Promise.all([post({ value, replyToId: 'sent-1' }), post({ value, replyToId: 'sent-1' })]);
      await connector.waitFor(() => messages().length >= before + 2 && connector.updated.length >= updatesBefore + 2);
      const replies = messages().slice(before).map((m) => String(m.text));
      const numbers = replies.map((r) => /SA-\d{4}-\d{6}/.exec(r)?.[0]);
      expect(numbers[0]).toBeDefined();
      expect(numbers[1]).toBe(numbers[0]);
      expect(replies.filter((r) => r.startsWith('Tak!'))).toHaveLength(1);
      expect(await myCaseCount(assistant, anna.aadObjectId)).toBe(casesBefore + 1);
      const submitted = cardOf(connector.updated.at(-1));
      expect(submitted.actions).toBeUndefined();
      expect(JSON.stringify(submitted)).not.toContain('Input.');
      // Stored as typed.
      const found = await assistant.portal.caseFor(await annaId(assistant), numbers[0] ?? '');
      expect(found.ok && found.value.case.values.leverandoer).toBe(validAnswers.leverandoer);
    });
  });

  describe('when a card is sent with Action.Execute (an adaptiveCard/action invoke)', () => {
    const invoke = (data: Record<string, unknown>) =>
      post({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'serviceportal.card', data }, trigger: 'manual' } });

    it('answers invalid answers in the HTTP response with the card and its errors', async () => {
      const response = await invoke({ formStep: 'submit', formId: 'oekonomi.faktura', dialogInstanceId: 'exec-1', beskrivelse: 'x' });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      const card = adaptiveCardSchema.parse(body.value);
      expect(JSON.stringify(card)).toContain('"id":"beskrivelse__error"');
    });

    it('creates the case once for the same card, answering with the submitted card', async () => {
      const casesBefore = await myCaseCount(assistant, anna.aadObjectId);
      const data = { formStep: 'submit', formId: 'oekonomi.faktura', dialogInstanceId: 'exec-2', _sentFrom: 'self', ...validAnswers };
      const [first, second] = await Promise.all([invoke(data), invoke(data)]);
      for (const response of [first, second]) {
        const body = (await response.json()) as { statusCode: number; value: unknown };
        expect(body.statusCode).toBe(200);
        expect(adaptiveCardSchema.parse(body.value).actions).toBeUndefined();
      }
      expect(await myCaseCount(assistant, anna.aadObjectId)).toBe(casesBefore + 1);
    });
  });

  describe('when the member asks for "mine sager" and the status of a case', () => {
    it('answers with cards with FactSets', async () => {
      const before = messages().length;
      await post({ text: 'mine sager' });
      await connector.waitFor(() => messages().length > before);
      const list = cardOf(messages().at(-1));
      // One block per case with its own buttons (the case card below has the FactSets).
      expect(list.body.some((e) => e.type === 'Container' && e.items.some((x) => x.type === 'ActionSet'))).toBe(true);
      const number = /SA-\d{4}-\d{6}/.exec(JSON.stringify(list))?.[0] ?? '';
      await post({ text: `status på sag ${number}` });
      await connector.waitFor(() => messages().length > before + 1);
      const caseCard = cardOf(messages().at(-1));
      expect(JSON.stringify(caseCard)).toContain(number);
    });
  });

  describe('when someone the portal does not know writes in Teams', () => {
    it('is told so instead of getting a form', async () => {
      const stranger = `teams-${randomUUID()}`;
      await postActivity(assistant.url, teamsActivity({ serviceUrl, conversationId: stranger, userId: '29:nobody', aadObjectId: randomUUID(), text: 'opret sag' }));
      await connector.waitFor(() => connector.for(stranger).some((a) => a.type === 'message'));
      expect(connector.for(stranger).find((a) => a.type === 'message')?.text).toMatch(/kender dig ikke/);
    });
  });
});

async function annaId(assistant: TestAssistant): Promise<string> {
  const user = await new PgDirectoryStore(assistant.db).getUserByIdentity({ provider: 'entra', subject: anna.aadObjectId });
  return user?.id ?? '';
}

async function myCaseCount(assistant: TestAssistant, _aad: string): Promise<number> {
  const page = await assistant.portal.myCases(await annaId(assistant), { limit: 100 });
  return page.ok ? page.value.items.length : -1;
}
