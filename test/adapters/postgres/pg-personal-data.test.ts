import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDirectoryStore } from '../../../adapters/postgres/pg-directory-store.js';
import { PgFeedbackStore } from '../../../adapters/postgres/pg-feedback-store.js';
import { PgConversationReferenceStore, PgDeliveryLedger } from '../../../adapters/postgres/pg-notifications.js';
import { PgPersonalData, type PersonalDataExport } from '../../../adapters/postgres/pg-personal-data.js';
import { PgStorage } from '../../../adapters/postgres/pg-storage.js';
import { PgAttachmentStore } from '../../../adapters/postgres/pg-attachment-store.js';
import type { CaseDomainEvent } from '../../../portal/index.js';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { ANNA, Chat } from '../../support/chat.js';
import { DATABASE_KINDS } from '../../support/database.js';
import { portalToken, postActivity, startConversation, WEBCHAT_ENV } from '../../support/direct-line-client.js';

const METTE = 'mette@eksempelstyrelsen.dk';
const ANNA_SAYS = 'Min rejseafregning fra Aarhus er afvist igen';
const METTE_SAYS = 'Hvordan tilføjer jeg en kollega til fællespostkassen';

/**
 * A person's data after real conversations with the assistant (web chat and the Bot Framework
 * endpoint), plus the rows the call sites and the notifier write: everything is found by the
 * e-mail address, erasure takes what is hers alone, and nobody else's data is touched.
 */
describe.each(DATABASE_KINDS)('export and erasure of a person on %s', (kind) => {
  let assistant: TestAssistant;
  const chat = new Chat();
  let data: PgPersonalData;
  let annaId = '';
  let metteId = '';
  let before: PersonalDataExport;

  beforeAll(async () => {
    await chat.start();
    assistant = await startTestAssistant(kind, { ...WEBCHAT_ENV, DEMO_MODE: 'true', NOTIFICATIONS_ENABLED: 'false' });
    const db = assistant.world.db;
    data = new PgPersonalData(db);
    const directory = new PgDirectoryStore(db);
    annaId = (await directory.getUserByEmail(ANNA))?.id ?? '';
    metteId = (await directory.getUserByEmail(METTE))?.id ?? '';

    // Web chat: anna and mette each talk to the assistant.
    for (const [who, says] of [
      [ANNA, ANNA_SAYS],
      [METTE, METTE_SAYS],
    ] as const) {
      const conversation = await startConversation(assistant.url, await portalToken(assistant.url, who));
      expect((await postActivity(assistant.url, conversation, { type: 'message', text: says, locale: 'da-DK' })).status).toBe(200);
      expect((await postActivity(assistant.url, conversation, { type: 'message', text: 'mine sager', locale: 'da-DK' })).status).toBe(200);
    }
    // The Bot Framework endpoint (Emulator: from.id is the e-mail).
    await chat.say(assistant.url, ANNA, 'anna-emulator', 'status på mine sager');
    // Teams, as the bot would have stored it: a member id that is not her e-mail, a 1:1 chat and a group chat.
    await new PgConversationReferenceStore(db).save(
      annaId,
      { channelId: 'msteams', user: { id: '29:anna-teams', name: 'Anna Andersen' }, conversation: { id: 'a:anna-1on1', isGroup: false, conversationType: 'personal', name: '' } },
      'da',
    );
    await new PgStorage(db).write({
      'msteams/users/29:anna-teams/': { profile: { language: 'da' } },
      'msteams/conversations/a:anna-1on1/': { dialogState: { note: 'teams' } },
      'msteams/conversations/19:group/': { dialogState: { note: `draft adding ${ANNA}` } },
    });
    // What the dialogs record once the lead passes userId, and what the notifier records.
    const feedback = new PgFeedbackStore(db);
    await feedback.recordFeedback({ question: 'glemt kode', articleId: 'glemt-adgangskode', helpful: false, locale: 'da', at: new Date(), userId: annaId });
    await feedback.recordUnanswered({ question: 'zebrafinker i kantinen', locale: 'da', userId: annaId });
    await feedback.recordUnanswered({ question: 'mettes spørgsmål', locale: 'da', userId: metteId });
    const { rows } = await db.query<{ number: string }>('SELECT number FROM portal_case WHERE requester_id = $1 ORDER BY seq LIMIT 1', [annaId]);
    const event: CaseDomainEvent = {
      type: 'case.status_changed',
      caseId: 'x',
      caseNumber: rows[0]?.number ?? '',
      subject: 'Rejseafregning afvist',
      institutionId: 'eksempelstyrelsen',
      requesterId: annaId,
      sentFromId: annaId,
      actor: { kind: 'agent', agentId: 'a' },
      at: new Date().toISOString(),
      from: 'modtaget',
      to: 'under_behandling',
      note: null,
    };
    await new PgDeliveryLedger(db).enqueue('event-1', [annaId], event);
    // A file she attached to her case.
    const files = new PgAttachmentStore(db);
    const staged = await files.stage({ name: 'kvittering.pdf', kind: 'pdf', contentType: 'application/pdf', size: 9, bytes: new TextEncoder().encode('%PDF-1.4\n') });
    await files.attach(rows[0]?.number ?? '', [staged.id], annaId, 5);
    before = await data.export(ANNA);
  }, 90_000);

  afterAll(async () => {
    await assistant?.dispose();
    await chat.stop();
  });

  describe('export', () => {
    it('holds the user, her institutions, mailboxes and cases with their history', () => {
      expect(before.user).toMatchObject({ email: ANNA, name: 'Anna Andersen', primary_institution_id: 'eksempelstyrelsen' });
      expect(before.institutions).toEqual([expect.objectContaining({ id: 'eksempelstyrelsen', relation: 'primary', domains: ['eksempelstyrelsen.dk'] })]);
      expect(before.sharedMailboxes).toEqual([expect.objectContaining({ mailbox: 'loen@eksempelstyrelsen.dk', relation: 'member', member: ANNA })]);
      expect(before.cases.map((c) => c.subject).sort()).toEqual(['Brugeradgang til Navision Stat', 'Rejseafregning afvist']);
      const navision = before.cases.find((c) => c.subject === 'Brugeradgang til Navision Stat');
      expect(navision?.history.map((h) => h.type)).toEqual(['created', 'status_changed', 'comment', 'status_changed']);
    });

    it('holds her transcripts, state, references, feedback, unanswered questions and deliveries — and nothing of mette', () => {
      expect(before.transcripts).toHaveLength(1);
      const said = before.transcripts[0]?.activities.map((a) => (a.activity as { text?: string }).text);
      expect(said).toContain(ANNA_SAYS);
      const keys = before.state.map((s) => s.key);
      expect(keys).toEqual(
        expect.arrayContaining([
          `webchat/users/${ANNA}/`,
          `webchat/conversations/${before.transcripts[0]?.id as string}/`,
          `emulator/users/${ANNA}/`,
          'msteams/users/29:anna-teams/',
          'msteams/conversations/a:anna-1on1/',
        ]),
      );
      expect(keys.some((k) => String(k).includes('mette') || String(k).includes('19:group'))).toBe(false);
      expect(before.stateMentioning.map((s) => s.key)).toEqual(['msteams/conversations/19:group/']);
      // The Emulator has no channel identity, so no reference is stored for it.
      expect(before.conversationReferences.map((r) => r.channel_id).sort()).toEqual(['msteams', 'webchat']);
      expect(before.feedback).toEqual([expect.objectContaining({ question: 'glemt kode', helpful: false })]);
      expect(before.unansweredQuestions.map((q) => q.question)).toEqual(['zebrafinker i kantinen']);
      expect(before.notificationDeliveries).toEqual([expect.objectContaining({ event_id: 'event-1', status: 'pending' })]);
      // Her file: what it is, not its bytes.
      expect(before.attachments).toEqual([expect.objectContaining({ name: 'kvittering.pdf', content_type: 'application/pdf', size: 9, uploaded_by_them: true })]);
      expect(Object.keys(before.attachments[0] ?? {})).not.toContain('bytes');
      expect(JSON.stringify(before)).not.toContain(METTE_SAYS);
    });

    it('of an address nobody has used is empty', async () => {
      const nobody = await data.export('nobody@example.dk');
      expect(nobody.user).toBeNull();
      expect([nobody.cases, nobody.transcripts, nobody.state, nobody.feedback, nobody.unansweredQuestions].every((list) => list.length === 0)).toBe(true);
    });
  });

  describe('erasure', () => {
    it('deletes her transcripts, state, references, feedback and questions, keeps the cases, and says what went', async () => {
      const metteBefore = await data.export(METTE);
      const report = await data.erase(ANNA);
      expect(report.userFound).toBe(true);
      expect(report.deleted).toEqual({
        webchatConversations: 1,
        webchatActivities: before.transcripts[0]?.activities.length,
        botState: before.state.length,
        conversationReferences: 2,
        feedback: 1,
        unansweredQuestions: 1,
        deflections: 0,
        verificationCodes: 0,
      });
      expect(report.kept).toEqual({ cases: 2, attachments: 1, notificationDeliveries: 1 });

      const after = await data.export(ANNA);
      expect([after.transcripts, after.state, after.conversationReferences, after.feedback, after.unansweredQuestions]).toEqual([[], [], [], [], []]);
      expect(after.cases).toEqual(before.cases);
      expect(after.attachments).toEqual(before.attachments);
      expect(after.user).toEqual(before.user);
      // The group chat is not hers alone: kept.
      expect(after.stateMentioning.map((s) => s.key)).toEqual(['msteams/conversations/19:group/']);

      const metteAfter = await data.export(METTE);
      expect({ ...metteAfter, exportedAt: '' }).toEqual({ ...metteBefore, exportedAt: '' });
      expect(metteAfter.transcripts).toHaveLength(1);
      expect(metteAfter.unansweredQuestions).toHaveLength(1);
    });

    it('a second erasure finds nothing', async () => {
      const report = await data.erase(ANNA);
      expect(Object.values(report.deleted).every((n) => n === 0)).toBe(true);
    });
  });
});
