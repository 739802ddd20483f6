/**
 * The demo page in headless Chromium (issue 14): "Ny bruger uden login" registers with the one-time
 * code the demo panel shows, the way a person would use it without a mail server.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { WEBCHAT_ENV } from '../../support/direct-line-client.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

const botText = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')).map((e) => (e.textContent ?? '').replace(/\u200b/g, '').replace(/\s+/g, ' ').trim()));

async function turn(page: Page, text: string, expected: string): Promise<void> {
  const before = (await botText(page)).length;
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const fresh = (await botText(page)).slice(before).join('\n');
    if (fresh.includes(expected)) return;
    if (Date.now() > deadline) throw new Error(`after "${text}" no "${expected}"; the bot said ${JSON.stringify(fresh)}`);
    await page.waitForTimeout(100);
  }
}

describe('the demo page with a new person and no mail server', () => {
  let assistant: TestAssistant;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    assistant = await startTestAssistant('pglite', { ...WEBCHAT_ENV, DEMO_MODE: 'true' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await assistant?.dispose();
  });

  it('shows the one-time code in the demo panel, and the code registers the person', async () => {
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${assistant.url}/`);
    expect(await page.locator('#demo-codes').isHidden()).toBe(true);
    await page.selectOption('#demo-user', 'anonymous');
    await page.getByRole('button', { name: 'Start samtalen' }).click();
    await page.waitForSelector('[data-id="webchat-sendbox-input"]');

    await turn(page, 'opret mig som bruger', 'Hvilken institution');
    await turn(page, 'Testministeriet', 'Hvad er din e-mailadresse');
    await turn(page, 'lea@testministeriet.dk', 'Hvad er dit fulde navn?');
    await turn(page, 'Lea Lund', 'Jeg har sendt en engangskode på seks cifre til lea@testministeriet.dk');

    await page.locator('#demo-codes').waitFor({ state: 'visible', timeout: 10_000 });
    const code = (await page.locator('#demo-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await turn(page, code, 'Velkommen, Lea Lund!');
    const users = await assistant.db.query<{ name: string }>('SELECT name FROM portal_user WHERE email = $1', ['lea@testministeriet.dk']);
    expect(users.rows.map((u) => u.name)).toEqual(['Lea Lund']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
