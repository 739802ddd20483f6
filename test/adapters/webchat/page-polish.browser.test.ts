import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { portalToken, WEBCHAT_ENV } from '../../support/direct-line-client.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const WELCOME = 'Jeg er Serviceportalens assistent';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const CONVERSATION_KEY = 'serviceportal.webchat.conversation';

const userBubbles = (page: Page) => page.locator('.webchat__bubble.webchat__bubble--from-user .webchat__bubble__content').allTextContents();
const botBubbles = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content').allTextContents();

async function waitFor(page: Page, what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; bot: ${JSON.stringify(await botBubbles(page))}`);
    await page.waitForTimeout(100);
  }
}

async function say(page: Page, text: string): Promise<void> {
  const input = page.locator(SEND_BOX);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

const welcomed = (page: Page) => waitFor(page, 'welcome', async () => (await botBubbles(page)).some((b) => b.includes(WELCOME)));

async function pickDemoUser(page: Page, email: string): Promise<void> {
  await page.selectOption('#demo-user', email);
  await page.getByRole('button', { name: 'Start samtalen' }).click();
  await page.waitForSelector(SEND_BOX);
  await welcomed(page);
}

const storedConversation = async (page: Page): Promise<string | undefined> =>
  page.evaluate((key) => (JSON.parse(sessionStorage.getItem(key) ?? 'null') as { conversationId?: string } | null)?.conversationId, CONVERSATION_KEY);

describe('the web chat page, polished (issue 16)', () => {
  let assistant: TestAssistant;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    assistant = await startTestAssistant('pglite', WEBCHAT_ENV);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await assistant?.dispose();
  });

  describe('when "Ny samtale" is clicked', () => {
    it('starts a new conversation without the old history', async () => {
      const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      try {
        await page.goto(`${assistant.url}/`);
        await pickDemoUser(page, 'anna@eksempelstyrelsen.dk');
        await say(page, 'hej');
        await waitFor(page, 'reply to hej', async () => (await userBubbles(page)).includes('hej') && (await botBubbles(page)).filter((b) => b.includes(WELCOME)).length === 2);
        await waitFor(page, 'stored conversation', async () => (await storedConversation(page)) !== undefined);
        const before = await storedConversation(page);
        await page.getByRole('button', { name: 'Ny samtale' }).click();
        await page.waitForLoadState('load');
        await page.waitForSelector(SEND_BOX);
        await welcomed(page);
        await waitFor(page, 'new stored conversation', async () => (await storedConversation(page)) !== undefined);
        expect(await storedConversation(page)).not.toBe(before);
        expect(await userBubbles(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  describe('when the page is opened in demo mode with the portal\'s #token=', () => {
    it('talks as the token\'s user, drops the token from the address, and goes on after a reload', async () => {
      const context = await browser.newContext({ locale: 'da-DK' });
      const page = await context.newPage();
      try {
        const token = await portalToken(assistant.url, 'mette@eksempelstyrelsen.dk');
        await page.goto(`${assistant.url}/#token=${token}`);
        await page.waitForSelector(SEND_BOX);
        expect(page.url()).not.toContain('token=');
        await welcomed(page);
        expect(await page.locator('#chat-user').textContent()).toContain('mette@eksempelstyrelsen.dk');
        await say(page, 'hej');
        // The assistant's reply, not only the bubble Web Chat shows at once: a reload before the message has
        // reached the server (a loaded machine) resumes a conversation without it.
        await waitFor(page, 'reply', async () => (await userBubbles(page)).includes('hej') && (await botBubbles(page)).filter((b) => b.includes(WELCOME)).length === 2);
        await page.reload();
        await page.waitForSelector(SEND_BOX);
        await waitFor(page, 'history after reload', async () => (await userBubbles(page)).includes('hej'));
        expect(await page.locator('#chat-user').textContent()).toContain('mette@eksempelstyrelsen.dk');
      } finally {
        await context.close();
      }
    });
  });

  describe('when a message\'s time is shown', () => {
    it('writes it in 24-hour Danish, never AM/PM', async () => {
      const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
      const page = await context.newPage();
      try {
        await page.goto(`${assistant.url}/`);
        await pickDemoUser(page, 'ole@demo-institut.dk');
        await say(page, 'hej');
        await waitFor(page, 'the reply', async () => (await botBubbles(page)).filter((b) => b.includes(WELCOME)).length === 2);
        await waitFor(page, 'a time', async () => /Sendt/.test((await page.locator('#webchat').textContent()) ?? ''));
        const text = (await page.locator('#webchat').textContent()) ?? '';
        // The times come from the server's clock: whatever the hour, "kl." once, two-digit hours, no AM/PM.
        expect(text).toMatch(/Sendt (?:\d{1,2}\. \p{L}+ )?kl\. [0-2]\d\.[0-5]\d/u);
        expect(text).not.toMatch(/\d\s?(?:AM|PM)\b/);
        expect(text).not.toMatch(/kl\. \d{1,2}\. \p{L}+ kl\./u);
      } finally {
        await context.close();
      }
    });
  });

  describe.each([
    { name: 'desktop 1280×1000', width: 1280, height: 1000 },
    { name: 'phone 390×844', width: 390, height: 844 },
  ])('when the page opens on a $name screen', ({ name, width, height }) => {
    it('shows the whole conversation with the send box inside the viewport, and the page itself does not scroll', async () => {
      const context = await browser.newContext({ locale: 'da-DK', viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 });
      const page = await context.newPage();
      try {
        await page.goto(`${assistant.url}/`);
        await pickDemoUser(page, 'lars@testministeriet.dk');
        const box = await page.locator(SEND_BOX).boundingBox();
        expect(box).not.toBeNull();
        expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(height);
        const scrollable = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
        expect(scrollable).toBeLessThanOrEqual(1);
        await page.screenshot({ path: join(ARTIFACTS, `webchat-layout-${width}x${height}.png`) });
        void name;
      } finally {
        await context.close();
      }
    });
  });
});
