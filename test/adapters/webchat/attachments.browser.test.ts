import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { answerFor, START_CASE } from '../../support/case-walk.js';
import { WEBCHAT_ENV } from '../../support/direct-line-client.js';
import { sampleFiles } from '../../support/files.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const WELCOME = 'Jeg er Serviceportalens assistent';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const AGENT_TOKEN = 'agent-token-for-browser-files-01';

const botBubbles = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content').allTextContents();

async function waitFor(page: Page, what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; bot: ${JSON.stringify((await botBubbles(page)).slice(-3))}`);
    await page.waitForTimeout(100);
  }
}

/** Does something and returns the bot's newest bubble once a new one has come. */
async function andReply(page: Page, what: string, act: () => Promise<void>, until: (text: string) => boolean = () => true, all = false): Promise<string> {
  const before = (await botBubbles(page)).length;
  await act();
  let last = '';
  await waitFor(page, what, async () => {
    const bubbles = await botBubbles(page);
    // The newest bubble, or (all) every new one: a reply may be a line and a card after it.
    last = all ? bubbles.slice(before).join('\n') : (bubbles[bubbles.length - 1] ?? '');
    return bubbles.length > before && until(last);
  });
  return last;
}

async function say(page: Page, text: string): Promise<string> {
  return andReply(page, `reply to ${text}`, async () => {
    const input = page.locator(SEND_BOX);
    await input.click();
    await input.fill(text);
    await input.press('Enter');
  });
}

/** Chooses files with Web Chat's own upload button (its file input), which sends them at once. */
async function attach(page: Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>, until: RegExp): Promise<string> {
  return andReply(page, `reply to ${files.map((f) => f.name).join(', ')}`, () => page.locator('.webchat__upload-button input[type="file"]').setInputFiles(files), (t) => until.test(t), true);
}

describe('attaching files in the web chat page (issue 16)', () => {
  let assistant: TestAssistant;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    assistant = await startTestAssistant('pglite', { ...WEBCHAT_ENV, AGENT_API_TOKEN: AGENT_TOKEN, NOTIFICATIONS_ENABLED: 'false' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await assistant?.dispose();
  });

  describe('when a user attaches a PNG and a PDF in a case through the upload button', () => {
    it('creates the case with both files byte for byte, and refuses an executable with the reason', async () => {
      const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      const files = sampleFiles();
      try {
        await page.goto(`${assistant.url}/`);
        await page.selectOption('#demo-user', 'anna@eksempelstyrelsen.dk');
        await page.getByRole('button', { name: 'Start samtalen' }).click();
        await page.waitForSelector(SEND_BOX);
        await waitFor(page, 'welcome', async () => (await botBubbles(page)).some((b) => b.includes(WELCOME)));
        expect(await page.locator('.webchat__upload-button').isVisible()).toBe(true);

        let reply = await say(page, START_CASE);
        for (let turn = 0; turn < 12 && !/Skal jeg sende den/.test(reply); turn++) {
          const answer = answerFor(reply);
          if (!answer) throw new Error(`no answer for: ${reply}`);
          reply = await say(page, answer);
        }
        // The question about files is said with the summary (in Web Chat the summary itself is a card).
        expect((await botBubbles(page)).some((b) => b.includes('Vil du vedhæfte filer, fx et skærmbillede'))).toBe(true);

        reply = await attach(
          page,
          [
            { name: 'skærmbillede.png', mimeType: 'image/png', buffer: files.png },
            { name: 'afvisning.pdf', mimeType: 'application/pdf', buffer: files.pdf },
          ],
          /Modtaget/,
        );
        expect(reply).toMatch(/Modtaget: skærmbillede\.png \(\d+ kB\), afvisning\.pdf \(\d+ kB\)\./);
        expect(reply).toMatch(/Vedhæftede filer:?\s+skærmbillede\.png \(\d+ kB\), afvisning\.pdf/);
        reply = await attach(page, [{ name: 'opdatering.exe', mimeType: 'application/x-msdownload', buffer: files.exe }], /kan ikke vedhæftes/);
        expect(reply).toContain('Filen opdatering.exe kan ikke vedhæftes: dens indhold er ikke en af de tilladte filtyper');
        await page.screenshot({ path: join(ARTIFACTS, 'attachments-in-case.png') });

        expect(reply).not.toMatch(/Vedhæftede filer:?\s+[^\n]*opdatering\.exe/);
        const created = await say(page, 'Bekræft');
        const number = /SA-\d{4}-\d{6}/.exec(created)?.[0];
        expect(number).toBeDefined();

        const got = await fetch(`${assistant.url}/api/agent/cases/${number}`, { headers: { authorization: `Bearer ${AGENT_TOKEN}` } });
        const body = (await got.json()) as { attachments: Array<{ id: string; name: string; contentType: string; size: number }> };
        expect(body.attachments.map((a) => [a.name, a.contentType])).toEqual([
          ['skærmbillede.png', 'image/png'],
          ['afvisning.pdf', 'application/pdf'],
        ]);
        for (const [attachment, bytes] of [
          [body.attachments[0], files.png],
          [body.attachments[1], files.pdf],
        ] as const) {
          const file = await fetch(`${assistant.url}/api/agent/cases/${number}/attachments/${attachment?.id}`, { headers: { authorization: `Bearer ${AGENT_TOKEN}` } });
          expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
        }
      } finally {
        await context.close();
      }
    });
  });
});
