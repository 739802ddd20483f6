/**
 * Demo mode without SMTP_URL (issue 14): the one-time code of a registration is written to the log
 * (with a reference, never the address or the name) and shown on the demo page, from
 * `GET /api/demo/code`. Outside demo mode, or with a mail server, neither exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/logging/pino-logger.js';
import { renderPage } from '../../../adapters/webchat/page.js';
import { loadConfig } from '../../../config.js';
import { startAssistant, type Assistant } from '../../../main.js';
import { GENEROUS_LIMITS, startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { call, getActivities, postActivity, startConversation, TOKEN_SECRET, WEBCHAT_ENV, type DlActivity, type DlConversation } from '../../support/direct-line-client.js';
import { codeIn, startSmtpServer, type TestSmtpServer } from '../../support/smtp.js';
import { LogCapture } from '../../support/log-capture.js';

const EMAIL = 'nora.nord@testministeriet.dk';
const NAME = 'Nora Nordenskjold';

/** Says something in the conversation and returns what the bot answered to it. */
async function say(baseUrl: string, conversation: DlConversation, text: string): Promise<string> {
  const before = ((await getActivities(baseUrl, conversation)).body as { activities: DlActivity[] }).activities.length;
  const posted = await postActivity(baseUrl, conversation, { type: 'message', text, locale: 'da-DK', from: { id: 'whoever', name: 'Whoever' } });
  expect(posted.status).toBe(200);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const all = ((await getActivities(baseUrl, conversation)).body as { activities: DlActivity[] }).activities;
    const replies = all.slice(before).filter((a) => a.from?.role === 'bot' && a.type === 'message');
    if (replies.length > 0) return replies.map((a) => a.text ?? '').join('\n\n');
    if (Date.now() > deadline) throw new Error(`no answer to "${text}"`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('demo mode without SMTP_URL', () => {
  let world: TestDatabase;
  let assistant: Assistant;
  const log = new LogCapture();

  beforeAll(async () => {
    world = await createTestDatabase('pglite');
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', DEMO_MODE: 'true', SHUTDOWN_GRACE_SECONDS: '1', WEBCHAT_TOKEN_SECRET: TOKEN_SECRET, ...GENEROUS_LIMITS });
    assistant = await startAssistant(config, { db: world.db, logger: createLogger('debug', log), watchArticles: false });
  });
  afterAll(async () => {
    await assistant?.stop();
    await world?.dispose();
  });

  it('registers a person the portal does not know with the code from the log and the demo page, and logs neither address nor name', async () => {
    const issued = await call(`${assistant.url}/api/demo/token?user=anonymous`);
    expect(issued.status).toBe(200);
    const { token, userId } = issued.body as { token: string; userId: string };
    expect(userId).toMatch(/^anonym-/);
    const conversation = await startConversation(assistant.url, token);
    const url = assistant.url;

    expect(await say(url, conversation, 'opret mig som bruger')).toContain('Hvilken institution');
    expect(await say(url, conversation, 'Testministeriet')).toContain('Hvad er din e-mailadresse');
    expect((await call(`${url}/api/demo/code`, { token: conversation.token })).status).toBe(204);
    expect(await say(url, conversation, EMAIL)).toContain('Hvad er dit fulde navn?');
    expect(await say(url, conversation, NAME)).toContain(`Jeg har sendt en engangskode på seks cifre til ${EMAIL}`);

    // The demo page's panel asks with the conversation's token.
    const shown = await call(`${url}/api/demo/code`, { token: conversation.token });
    expect(shown.status).toBe(200);
    const code = (shown.body as { code: string }).code;
    expect(code).toMatch(/^\d{6}$/);

    // The log has the code with its reference, and no address or name anywhere.
    const line = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'mail: demo mode without SMTP_URL, the one-time code is not mailed');
    expect(line).toMatchObject({ code, codeRef: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(await say(url, conversation, code)).toContain(`Velkommen, ${NAME}!`);
    expect(log.text).not.toContain(EMAIL);
    expect(log.text).not.toMatch(/@testministeriet\.dk/);
    expect(log.text).not.toContain('Nordenskjold');
  });

  it('shows a code only to the conversation it was sent in', async () => {
    expect((await call(`${assistant.url}/api/demo/code`)).status).toBe(401);
    const other = await call(`${assistant.url}/api/demo/token?user=anonymous`);
    expect((await call(`${assistant.url}/api/demo/code`, { token: (other.body as { token: string }).token })).status).toBe(204);
    const anna = await call(`${assistant.url}/api/demo/token?user=anna@eksempelstyrelsen.dk`);
    expect((await call(`${assistant.url}/api/demo/code`, { token: (anna.body as { token: string }).token })).status).toBe(204);
  });

  it('puts the new-person choice and the code panel on the demo page', async () => {
    const html = await (await fetch(`${assistant.url}/`)).text();
    expect(html).toContain('value="anonymous"');
    expect(html).toContain('id="demo-codes"');
    expect(html).toContain('"demoCodes":true');
  });
});

describe('outside demo mode, or with a mail server', () => {
  let production: TestAssistant;
  let demoWithMail: TestAssistant;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    production = await startTestAssistant('pglite', { ...WEBCHAT_ENV, DEMO_MODE: 'false' });
    demoWithMail = await startTestAssistant('pglite', { ...WEBCHAT_ENV, DEMO_MODE: 'true', SMTP_URL: smtp.url, MAIL_FROM: 'Serviceportalen <noreply@statens-adm.dk>' });
  });
  afterAll(async () => {
    await production?.dispose();
    await demoWithMail?.dispose();
    await smtp?.close();
  });

  it('has no demo code route and no code panel', async () => {
    for (const assistant of [production, demoWithMail]) {
      const token = await call(`${assistant.url}/api/webchat/token`, { token: WEBCHAT_ENV.PORTAL_API_SECRET, body: { user: 'anna@eksempelstyrelsen.dk' } });
      expect((await call(`${assistant.url}/api/demo/code`, { token: (token.body as { token: string }).token })).status).toBe(404);
      const html = await (await fetch(`${assistant.url}/`)).text();
      expect(html).not.toContain('id="demo-codes"');
    }
    expect((await call(`${production.url}/api/demo/token?user=anonymous`)).status).toBe(404);
    expect(renderPage({})).not.toContain('demo-codes');
    expect(renderPage({ demoCodes: true })).not.toContain('demo-codes');
  });

  it('in demo mode with SMTP_URL mails the code instead', async () => {
    const issued = await call(`${demoWithMail.url}/api/demo/token?user=anonymous`);
    const conversation = await startConversation(demoWithMail.url, (issued.body as { token: string }).token);
    const url = demoWithMail.url;
    await say(url, conversation, 'opret mig som bruger');
    await say(url, conversation, 'Testministeriet');
    await say(url, conversation, 'sam@testministeriet.dk');
    expect(await say(url, conversation, 'Sam Sørensen')).toContain('Jeg har sendt en engangskode');
    const mail = await smtp.next();
    expect(mail.to).toEqual(['sam@testministeriet.dk']);
    expect(await say(url, conversation, codeIn(mail))).toContain('Velkommen, Sam Sørensen!');
  });
});
