/**
 * Registration in Teams (issue 14): the roster's e-mail is vouched for by Teams, so a member the
 * portal does not know registers with it and no code; when the roster lookup fails, the member
 * types the address and proves it with the one-time code (mailed over a real SMTP server).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { ConnectorListener, postActivity } from '../../support/connector-listener.js';
import { codeIn, startSmtpServer, type TestSmtpServer } from '../../support/smtp.js';
import { teamsActivity } from '../../support/teams.js';

describe('registration in Teams', () => {
  let assistant: TestAssistant;
  let connector: ConnectorListener;
  let serviceUrl: string;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    connector = new ConnectorListener();
    serviceUrl = await connector.start();
    assistant = await startTestAssistant('pglite', { DEMO_MODE: 'true', NOTIFICATIONS_ENABLED: 'false', SMTP_URL: smtp.url, MAIL_FROM: 'noreply@statens-adm.dk' });
  });
  afterAll(async () => {
    await assistant?.dispose();
    await connector?.stop();
    await smtp?.close();
  });

  /** A member's personal chat: says a text and returns the bot's answer to it. */
  function member(userId: string) {
    const conversationId = `teams-${randomUUID()}`;
    const aadObjectId = randomUUID();
    const messages = () => connector.for(conversationId).filter((a) => a.type === 'message');
    return async (text: string): Promise<string> => {
      const before = messages().length;
      await postActivity(assistant.url, teamsActivity({ serviceUrl, conversationId, userId, aadObjectId, text }));
      await connector.waitFor(() => messages().length > before);
      return messages()
        .slice(before)
        .map((a) => a.text ?? '')
        .join('\n\n');
    };
  }

  it('takes the e-mail from the roster, and asks no code', async () => {
    connector.members.set('29:nyt', { id: '29:nyt', name: 'Nina Ny', aadObjectId: randomUUID(), email: 'nina.ny@testministeriet.dk', userPrincipalName: 'nina.ny@testministeriet.dk' });
    const say = member('29:nyt');
    expect(await say('opret mig som bruger')).toContain('Hvilken institution');
    const welcome = await say('Testministeriet');
    expect(welcome).toContain('Velkommen');
    expect(welcome).not.toContain('engangskode');
    expect(smtp.mails).toHaveLength(0);
    const users = await assistant.db.query<{ email: string }>('SELECT email FROM portal_user WHERE email = $1', ['nina.ny@testministeriet.dk']);
    expect(users.rows).toHaveLength(1);
  });

  it('asks for the address when the roster does not answer, and registers only with the mailed code', async () => {
    const say = member('29:ukendt');
    expect(await say('opret mig som bruger')).toContain('Hvilken institution');
    expect(await say('Testministeriet')).toContain('Hvad er din e-mailadresse');
    expect(await say('otto@testministeriet.dk')).toContain('Jeg har sendt en engangskode på seks cifre til otto@testministeriet.dk');
    const mail = await smtp.next();
    expect(mail.to).toEqual(['otto@testministeriet.dk']);
    expect(await say('000000' === codeIn(mail) ? '000001' : '000000')).toContain('Koden er forkert. Du har 4 forsøg tilbage.');
    expect(await say(codeIn(mail))).toContain('Velkommen');
    const users = await assistant.db.query<{ email: string }>('SELECT email FROM portal_user WHERE email = $1', ['otto@testministeriet.dk']);
    expect(users.rows).toHaveLength(1);
  });
});
