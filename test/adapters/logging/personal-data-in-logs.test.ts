import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, safeError } from '../../../adapters/logging/pino-logger.js';
import { loadConfig } from '../../../config.js';
import { startAssistant, type Assistant } from '../../../main.js';
import { ANNA, annaCaseTurns, Chat } from '../../support/chat.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../support/database.js';
import { call, startConversation, TOKEN_SECRET, PORTAL_SECRET, type DlConversation } from '../../support/direct-line-client.js';
import { LogCapture } from '../../support/log-capture.js';

const NAME = 'Anna Andersen';
/** What the user types that must never reach a log (each a phrase no log line would hold by chance). */
const SAID = {
  question: 'hvordan nulstiller jeg min adgangskode til Navision Stat',
  unknown: 'kan I fodre zebrafinkerne i kantinen på Bornholm',
  description: 'Kirsten Kjærgaard har ikke fået løn for marts',
  // These two make the database fail (a CHECK constraint the test adds), with the text as a parameter.
  failingActivity: 'Giraffen Gunhild skriver til servicedesken',
  failingState: 'Okapien Oskar mangler sin feriepenge',
  english: 'How do I reset the password of my flamingo account',
  viaBotFramework: 'Flamingoen Frida kan ikke logge på RejsUd',
};

describe.each(DATABASE_KINDS)('the logs of a whole conversation on %s', (kind) => {
  let world: TestDatabase;
  let assistant: Assistant;
  const log = new LogCapture();
  const chat = new Chat();
  let conversation: DlConversation;
  const statuses: number[] = [];

  /** Posts as the user; a post the server never answers counts as status 0 after 10 s. */
  const say = async (text: string) => {
    const response = await fetch(`${assistant.url}/v3/directline/conversations/${encodeURIComponent(conversation.conversationId)}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, locale: 'da-DK' }),
      signal: AbortSignal.timeout(10_000),
    }).catch(() => undefined);
    await response?.arrayBuffer();
    const status = response?.status ?? 0;
    statuses.push(status);
    return status;
  };

  beforeAll(async () => {
    world = await createTestDatabase(kind);
    await chat.start();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      DEMO_MODE: 'true',
      SHUTDOWN_GRACE_SECONDS: '1',
      WEBCHAT_TOKEN_SECRET: TOKEN_SECRET,
      PORTAL_API_SECRET: PORTAL_SECRET,
    });
    assistant = await startAssistant(config, { db: world.db, logger: createLogger('debug', log), watchArticles: false });

    // Web chat, as the portal embeds it: a token for anna with her name.
    const token = await call(`${assistant.url}/api/webchat/token`, { token: PORTAL_SECRET, body: { user: ANNA, name: NAME } });
    expect(token.status).toBe(200);
    conversation = await startConversation(assistant.url, (token.body as { token: string }).token);
    await say(SAID.question);
    await say('nej');
    await say(SAID.unknown);
    for (const [text] of annaCaseTurns(SAID.description)) await say(text);
    await say('mine sager');

    // A database error while storing the user's activity (the statement's parameter is the whole activity).
    await world.db.exec(`ALTER TABLE webchat_activities ADD CONSTRAINT privacy_probe CHECK (activity::text NOT LIKE '%Giraffen%') NOT VALID`);
    await say(SAID.failingActivity);
    await world.db.exec('ALTER TABLE webchat_activities DROP CONSTRAINT privacy_probe');
    // …and while storing the bot's reply to her (it is addressed to her: e-mail and name).
    await world.db.exec(`ALTER TABLE webchat_activities ADD CONSTRAINT privacy_probe CHECK (activity->'from'->>'role' IS DISTINCT FROM 'bot') NOT VALID`);
    await say(SAID.question);
    await world.db.exec('ALTER TABLE webchat_activities DROP CONSTRAINT privacy_probe');

    // A database error inside a turn: saving the state that holds the user's answer.
    await world.db.exec(`ALTER TABLE bot_state ADD CONSTRAINT privacy_probe CHECK (document::text NOT LIKE '%Okapien%') NOT VALID`);
    await say('opret en sag');
    await say('Statens Løn og HR');
    await say('SLS');
    await say('Fejl i lønkørsel');
    await say('loen@eksempelstyrelsen.dk');
    await say('27-03-2026');
    await say('Manglende udbetaling');
    await say('2');
    await say('ja');
    await say(SAID.failingState);
    await world.db.exec('ALTER TABLE bot_state DROP CONSTRAINT privacy_probe');
    // …and saving her user state (its key holds her e-mail; PostgreSQL's error detail quotes the row).
    await world.db.exec(`ALTER TABLE bot_state ADD CONSTRAINT privacy_probe CHECK (key NOT LIKE '%/users/%') NOT VALID`);
    await say(SAID.english);
    await world.db.exec('ALTER TABLE bot_state DROP CONSTRAINT privacy_probe');

    // The Bot Framework endpoint (Emulator channel: from.id is the e-mail).
    await chat.say(assistant.url, ANNA, 'privacy-emulator', SAID.viaBotFramework);
  }, 120_000);

  afterAll(async () => {
    await assistant?.stop();
    await chat.stop();
    await world?.dispose();
  });

  it('the conversation ran and both database errors were logged', () => {
    const entries = log.parsed();
    expect(entries.filter((e) => e.msg === 'turn').length).toBeGreaterThanOrEqual(20);
    // The activity that could not be stored is refused or never answered (issue 14's "failing cleanly").
    expect(statuses.some((status) => status === 0 || status >= 500)).toBe(true);
    const failures = entries.filter((e) => (e.level as number) >= 50);
    const codes = failures.map((e) => (e.err as { code?: unknown; cause?: { code?: unknown } } | undefined)).map((err) => err?.code ?? err?.cause?.code);
    // 23514: check_violation, for the bot's reply and for the two states at least.
    expect(codes.filter((code) => code === '23514').length).toBeGreaterThanOrEqual(3);
    expect(entries.some((e) => e.msg === 'turn: unhandled error')).toBe(true);
  });

  it('holds none of the user\'s texts, nor her e-mail or name', () => {
    const text = log.text;
    for (const [what, said] of Object.entries(SAID)) {
      // A distinctive word of each text is enough to find it, also cut or escaped.
      const word = said.split(' ').find((w) => w.length >= 7) ?? said;
      expect(text.includes(word), `${what}: "${word}" is in the log`).toBe(false);
    }
    expect(text.toLowerCase()).not.toContain(ANNA);
    expect(text).not.toContain('anna@');
    expect(text).not.toContain(NAME);
    expect(text).not.toContain('Andersen');
  });
});

describe('safeError', () => {
  it('keeps the type, code and identifiers, and drops parameters, detail and quoted values', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "anna@eksempelstyrelsen.dk"'), {
      code: '22P02',
      severity: 'ERROR',
      table: 'portal_user',
      params: ['anna@eksempelstyrelsen.dk', 'Anna Andersen'],
      detail: 'Failing row contains (Anna Andersen).',
      cause: Object.assign(new Error('wrapped anna@eksempelstyrelsen.dk'), { query: 'SELECT 1', params: ['x'] }),
    });
    const safe = safeError(error) as Record<string, unknown>;
    expect(safe).toMatchObject({ type: 'Error', code: '22P02', table: 'portal_user', message: 'invalid input syntax for type uuid: "[value]"' });
    expect(JSON.stringify(safe)).not.toMatch(/anna|Andersen|params|detail/);
    expect((safe.cause as Record<string, unknown>).message).toBe('wrapped [e-mail]');
  });
});
