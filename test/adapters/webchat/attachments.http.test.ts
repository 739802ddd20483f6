import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { answerFor, FILES_QUESTION, START_CASE, SUMMARY_QUESTION } from '../../support/case-walk.js';
import { ConnectorListener, postActivity as postToBot } from '../../support/connector-listener.js';
import { getActivities, portalToken, postActivity, startConversation, WEBCHAT_ENV, type DlActivity, type DlConversation } from '../../support/direct-line-client.js';
import { sampleFiles } from '../../support/files.js';
import { teamsActivity } from '../../support/teams.js';

const AGENT_TOKEN = 'agent-token-for-attachments-0123';
const ANNA = 'anna@eksempelstyrelsen.dk';

/** One web chat conversation over real HTTP: say, upload (multipart as DirectLineJS sends it), read the bot's replies. */
class WebChatUser {
  private watermark: string | undefined;
  constructor(
    private readonly url: string,
    readonly conversation: DlConversation,
  ) {}

  private async replies(): Promise<DlActivity[]> {
    const got = await getActivities(this.url, this.conversation, this.watermark);
    const group = got.body as { activities: DlActivity[]; watermark: string };
    this.watermark = group.watermark;
    return group.activities.filter((a) => a.from?.role === 'bot');
  }

  async say(text: string): Promise<string> {
    const posted = await postActivity(this.url, this.conversation, { type: 'message', text, locale: 'da-DK' });
    expect(posted.status).toBe(200);
    return (await this.replies()).map(readable).join('\n\n');
  }

  async upload(files: Array<[name: string, bytes: Uint8Array, type: string]>, text = ''): Promise<{ status: number; body: unknown; reply: string }> {
    const form = new FormData();
    form.append(
      'activity',
      new Blob([JSON.stringify({ type: 'message', text, locale: 'da-DK', from: { id: 'someone-else' }, attachments: files.map(([name, , contentType]) => ({ name, contentType })) })], {
        type: 'application/vnd.microsoft.activity',
      }),
    );
    for (const [name, bytes, type] of files) form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const response = await fetch(`${this.url}/v3/directline/conversations/${this.conversation.conversationId}/upload?userId=someone-else`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.conversation.token}` },
      body: form,
    });
    const body: unknown = await response.json().catch(() => undefined);
    const reply = response.status === 200 ? (await this.replies()).map(readable).join('\n\n') : '';
    return { status: response.status, body, reply };
  }
}

async function agent(url: string, path: string): Promise<Response> {
  return fetch(`${url}/api/agent${path}`, { headers: { authorization: `Bearer ${AGENT_TOKEN}` } });
}

/** What a reply says: its text, and a card's fallback text (the summary is a card in web chat). */
function readable(activity: { text?: string; attachments?: Array<{ content?: { fallbackText?: string } }> }): string {
  return [activity.text ?? '', ...(activity.attachments ?? []).map((a) => a.content?.fallbackText ?? '')].filter((t) => t !== '').join('\n\n');
}

describe('attachments on cases over HTTP (web chat upload, Teams files, agent API)', () => {
  let assistant: TestAssistant;
  const files = sampleFiles();

  beforeAll(async () => {
    assistant = await startTestAssistant('pglite', { ...WEBCHAT_ENV, DEMO_MODE: 'true', NOTIFICATIONS_ENABLED: 'false', AGENT_API_TOKEN: AGENT_TOKEN, ATTACHMENT_MAX_BYTES: '65536' });
  });
  afterAll(async () => {
    await assistant?.dispose();
  });

  /** One of the demo cases (not the one the first test creates and fills). */
  async function oldestOwnCase(): Promise<string> {
    const own = (await (await agent(assistant.url, `/cases?requester=${ANNA}&limit=100`)).json()) as { items: Array<{ number: string }> };
    return own.items[own.items.length - 1]?.number ?? '';
  }

  async function anna(): Promise<WebChatUser> {
    return new WebChatUser(assistant.url, await startConversation(assistant.url, await portalToken(assistant.url, ANNA)));
  }

  describe('when files are attached in the case dialog', () => {
    let number = '';

    it('asks for files with the summary, refuses an executable with the reason, lists the files in the summary and attaches them to the new case', async () => {
      const user = await anna();
      let reply = await user.say(START_CASE);
      for (let turn = 0; turn < 12 && !SUMMARY_QUESTION.test(reply); turn++) {
        const answer = answerFor(reply);
        if (!answer) throw new Error(`no answer for: ${reply}`);
        reply = await user.say(answer);
      }
      expect(reply).toMatch(FILES_QUESTION);
      expect(reply).toMatch(SUMMARY_QUESTION);
      const first = await user.upload([
        ['skærmbillede.png', files.png, 'image/png'],
        ['faktura.pdf', files.exe, 'application/pdf'],
      ]);
      expect(first.status).toBe(200);
      expect(first.reply).toContain('Modtaget: skærmbillede.png');
      expect(first.reply).toMatch(/Filen faktura\.pdf kan ikke vedhæftes: dens indhold er ikke en af de tilladte filtyper/);
      expect(first.reply).toContain('Du kan sende flere filer, før du bekræfter');
      const second = await user.upload([['afvisning.pdf', files.pdf, 'application/pdf']]);
      expect(second.reply).toContain('Modtaget: afvisning.pdf');
      const summary = second.reply;
      expect(summary).toMatch(SUMMARY_QUESTION);
      expect(summary).toMatch(/Vedhæftede filer:(?:\*\*)? skærmbillede\.png \(\d+ kB\), afvisning\.pdf/);
      const created = await user.say('Bekræft');
      number = /SA-\d{4}-\d{6}/.exec(created)?.[0] ?? '';
      expect(number).not.toBe('');
      expect(created).toContain('Vedhæftede filer: skærmbillede.png');
    });

    it('lists them in the agent API and serves each file byte for byte, as a download', async () => {
      const got = await agent(assistant.url, `/cases/${number}`);
      expect(got.status).toBe(200);
      const body = (await got.json()) as { attachments: Array<{ id: string; name: string; contentType: string; size: number }> };
      expect(body.attachments.map((a) => [a.name, a.contentType, a.size])).toEqual([
        ['skærmbillede.png', 'image/png', files.png.byteLength],
        ['afvisning.pdf', 'application/pdf', files.pdf.byteLength],
      ]);
      for (const [a, bytes] of [
        [body.attachments[0], files.png],
        [body.attachments[1], files.pdf],
      ] as const) {
        const file = await agent(assistant.url, `/cases/${number}/attachments/${a?.id}`);
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toBe(a?.contentType);
        expect(file.headers.get('x-content-type-options')).toBe('nosniff');
        expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._ -]+"; filename\*=UTF-8''/);
        expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
      }
      expect((await agent(assistant.url, `/cases/${number}/attachments/${randomUUID()}`)).status).toBe(404);
      expect((await agent(assistant.url, `/cases/${number}/attachments/not-an-id`)).status).toBe(404);
      expect((await fetch(`${assistant.url}/api/agent/cases/${number}/attachments/${body.attachments[0]?.id}`)).status).toBe(401);
    });

    it('shows them in the case status in chat', async () => {
      const user = await anna();
      const status = await user.say(`status på ${number}`);
      expect(status).toMatch(/Vedhæftede filer:(?:\*\*)? skærmbillede\.png \(\d+ kB\), afvisning\.pdf/);
    });

    it('attaches to an existing case on "vedhæft en fil til SA-…", and a sixth file is refused', async () => {
      const user = await anna();
      expect(await user.say(`vedhæft en fil til ${number}`)).toContain(`Send filen til ${number} nu`);
      const sent = await user.upload([
        ['notat.docx', files.docx, 'application/octet-stream'],
        ['a.txt', new TextEncoder().encode('a'), 'text/plain'],
        ['b.csv', new TextEncoder().encode('x;y\n1;2\n'), 'text/csv'],
      ]);
      expect(sent.reply).toContain(`Vedhæftet til ${number}: notat.docx`);
      expect(await user.say(`attach a file to ${number}`)).toContain(`Send the file for ${number} now`);
      const sixth = await user.upload([['c.txt', new TextEncoder().encode('c'), 'text/plain']]);
      expect(sixth.reply).toContain('A case can have at most 5 files.');
      // Back to Danish for the tests that follow (the language follows the user's last words).
      await user.say('tak for hjælpen');
    });

    it('asks where a file sent with nothing waiting goes, and attaches it to the case chosen', async () => {
      const user = await anna();
      const target = await oldestOwnCase();
      const sent = await user.upload([['kvittering.jpg', files.png, 'image/png']]);
      expect(sent.reply).toContain('Modtaget: kvittering.jpg');
      expect(sent.reply).toContain('Vil du vedhæfte den til en af dine sager, eller oprette en ny sag med den?');
      expect(await user.say(target)).toContain(`Vedhæftet til ${target}: kvittering.jpg`);
    });

    it('says a file sent while a comment is asked for is not kept, and asks for the comment again', async () => {
      const user = await anna();
      const target = await oldestOwnCase();
      expect(await user.say(`tilføj kommentar til ${target}`)).toBeTruthy();
      const sent = await user.upload([['bilag.png', files.png, 'image/png']]);
      expect(sent.reply).toContain('Filen er ikke gemt: jeg kan ikke tage imod filer lige nu.');
      const listed = (await (await agent(assistant.url, `/cases/${target}`)).json()) as { attachments: Array<{ name: string }> };
      expect(listed.attachments.map((a) => a.name)).not.toContain('bilag.png');
      await user.say('annuller');
    });

    it('does not attach to a case the user may not see', async () => {
      const user = await anna();
      const others = (await (await agent(assistant.url, '/cases?requester=lars@testministeriet.dk&limit=1')).json()) as { items: Array<{ number: string }> };
      const theirs = others.items[0]?.number ?? '';
      expect(theirs).not.toBe('');
      const sent = await user.upload([['a.png', files.png, 'image/png']], `vedhæft til ${theirs}`);
      expect(sent.reply).toContain('som du har adgang til');
      const listed = (await (await agent(assistant.url, `/cases/${theirs}`)).json()) as { attachments: unknown[] };
      expect(listed.attachments).toEqual([]);
    });
  });

  describe('when an upload is malformed or too large', () => {
    it('answers 413, 415 or 400 with the reason, and 403 for another user\'s conversation', async () => {
      const user = await anna();
      const url = `${assistant.url}/v3/directline/conversations/${user.conversation.conversationId}/upload`;
      const auth = { authorization: `Bearer ${user.conversation.token}` };
      // The limit: 5 files at 64 kB plus 1 MB for the rest.
      const huge = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' }, body: new Uint8Array(5 * 65536 + 1_048_577) });
      expect(huge.status).toBe(413);
      expect(((await huge.json()) as { code: string }).code).toBe('WEBCHAT.UPLOAD_TOO_LARGE');
      const json = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
      expect(json.status).toBe(415);
      const broken = await fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' }, body: 'not multipart at all' });
      expect(broken.status).toBe(400);
      const noFile = new FormData();
      noFile.append('activity', new Blob(['{"type":"message"}'], { type: 'application/vnd.microsoft.activity' }));
      expect((await fetch(url, { method: 'POST', headers: auth, body: noFile })).status).toBe(400);
      const badActivity = new FormData();
      badActivity.append('activity', new Blob(['{not json'], { type: 'application/vnd.microsoft.activity' }));
      badActivity.append('file', new Blob([new Uint8Array(files.png)]), 'a.png');
      expect((await fetch(url, { method: 'POST', headers: auth, body: badActivity })).status).toBe(400);
      const mette = await startConversation(assistant.url, await portalToken(assistant.url, 'mette@eksempelstyrelsen.dk'));
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(files.png)]), 'a.png');
      const foreign = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${mette.token}` }, body: form });
      expect(foreign.status).toBe(403);
    });

    it('cleans control characters out of the activity part and the file names, and refuses a file over the size limit in chat', async () => {
      const user = await anna();
      const sent = await user.upload([['ond\u0000\u0007navn<script>.png', files.png, 'image/png'], ['stor.pdf', new Uint8Array(65537), 'application/pdf']], 'hej\u0000');
      expect(sent.status).toBe(200);
      expect(sent.reply).toContain('Modtaget: ondnavnscript.png');
      expect(sent.reply).toContain('Filen stor.pdf er for stor: en fil må højst fylde 0,1 MB.');
    });
  });

  describe('when a Teams user sends a file in the personal chat', () => {
    let connector: ConnectorListener;
    let fileServer: Server;
    let fileUrl = '';
    let serviceUrl = '';

    beforeAll(async () => {
      connector = new ConnectorListener();
      serviceUrl = await connector.start();
      fileServer = createServer((req, res) => {
        if (req.url === '/afvisning.pdf') {
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(files.pdf.byteLength) });
          res.end(files.pdf);
        } else {
          res.writeHead(404).end();
        }
      });
      await new Promise<void>((resolve) => fileServer.listen(0, '127.0.0.1', resolve));
      fileUrl = `http://127.0.0.1:${(fileServer.address() as AddressInfo).port}/afvisning.pdf`;
    });
    afterAll(async () => {
      await connector?.stop();
      await new Promise((resolve) => fileServer?.close(resolve));
    });

    it('downloads the file Teams points to and attaches it to the case asked for', async () => {
      const conversationId = `teams-${randomUUID()}`;
      const annaTeams = { userId: '29:anna-files', aadObjectId: randomUUID() };
      connector.members.set(annaTeams.userId, { id: annaTeams.userId, name: 'Anna Andersen', aadObjectId: annaTeams.aadObjectId, email: ANNA, userPrincipalName: ANNA });
      const target = await oldestOwnCase();
      const base = { serviceUrl, conversationId, ...annaTeams };
      expect((await postToBot(assistant.url, teamsActivity({ ...base, text: `vedhæft en fil til ${target}` }))).status).toBeLessThan(300);
      await connector.waitFor(() => connector.for(conversationId).some((a) => String(a.text ?? '').includes(`Send filen til ${target}`)));
      const fileMessage = {
        ...teamsActivity({ ...base }),
        attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', contentUrl: 'https://contoso.sharepoint.com/x/afvisning.pdf', name: 'afvisning.pdf', content: { downloadUrl: fileUrl, uniqueId: randomUUID(), fileType: 'pdf' } }],
      };
      expect((await postToBot(assistant.url, fileMessage)).status).toBeLessThan(300);
      await connector.waitFor(() => connector.for(conversationId).some((a) => String(a.text ?? '').includes(`Vedhæftet til ${target}: afvisning.pdf`))).catch((error: unknown) => {
        throw new Error(`${String(error)}: ${JSON.stringify(connector.for(conversationId).map((a) => a.text))}`);
      });
      const listed = (await (await agent(assistant.url, `/cases/${target}`)).json()) as { attachments: Array<{ id: string; name: string }> };
      const pdf = listed.attachments.find((a) => a.name === 'afvisning.pdf');
      expect(pdf).toBeDefined();
      const bytes = Buffer.from(await (await agent(assistant.url, `/cases/${target}/attachments/${pdf?.id}`)).arrayBuffer());
      expect(bytes.equals(files.pdf)).toBe(true);
    });
  });
});

describe('the upload rate limit', () => {
  let assistant: TestAssistant;
  beforeAll(async () => {
    assistant = await startTestAssistant('pglite', { ...WEBCHAT_ENV, DEMO_MODE: 'true', NOTIFICATIONS_ENABLED: 'false', RATE_LIMIT_UPLOADS_PER_HOUR: '2' });
  });
  afterAll(async () => {
    await assistant?.dispose();
  });

  it('counts each file: past the limit an upload gets 429 and nothing is stored', async () => {
    const user = new WebChatUser(assistant.url, await startConversation(assistant.url, await portalToken(assistant.url, ANNA)));
    const png = sampleFiles().png;
    const first = await user.upload([
      ['a.png', png, 'image/png'],
      ['b.png', png, 'image/png'],
    ]);
    expect(first.status).toBe(200);
    const third = await user.upload([['c.png', png, 'image/png']]);
    expect(third.status).toBe(429);
    expect((third.body as { code: string }).code).toBe('RATE.LIMITED');
    const { rows } = await assistant.world.db.query<{ name: string }>('SELECT name FROM case_attachment ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(['a.png', 'b.png']);
  });
});
