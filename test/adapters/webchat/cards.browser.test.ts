import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCaseStore } from '../../../adapters/postgres/pg-case-store.js';
import { PgDirectoryStore } from '../../../adapters/postgres/pg-directory-store.js';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { WEBCHAT_ENV } from '../../support/direct-line-client.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const WELCOME = 'Jeg er Serviceportalens assistent';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const ANNA = 'anna@eksempelstyrelsen.dk';
const AGENT = { kind: 'agent' as const, agentId: 'agent-1' };

const chatText = async (page: Page): Promise<string> => (await page.locator('#webchat').textContent()) ?? '';
/** How many of the bot's bubbles show `text` (the chat's own text repeats messages for screen readers). */
const count = async (page: Page, text: string): Promise<number> =>
  (await page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content').allTextContents()).filter((b) => b.includes(text)).length;

async function waitFor(page: Page, what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; chat: ${(await chatText(page)).slice(-1500)}`);
    await page.waitForTimeout(100);
  }
}

/** Types a message and waits until the chat shows `expected` once more than before. */
async function say(page: Page, text: string, expected: string): Promise<void> {
  const before = await count(page, expected);
  const input = page.locator(SEND_BOX);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await waitFor(page, `"${expected}" after "${text}"`, async () => (await count(page, expected)) > before);
}

async function open(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.selectOption('#demo-user', email);
  await page.getByRole('button', { name: 'Start samtalen' }).click();
  await page.waitForSelector(SEND_BOX);
  await waitFor(page, 'welcome', async () => (await chatText(page)).includes(WELCOME));
}

describe('web chat cards in headless Chromium (issue 16)', () => {
  let assistant: TestAssistant;
  let browser: Browser;

  beforeAll(async () => {
    assistant = await startTestAssistant('pglite', WEBCHAT_ENV);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await assistant?.dispose();
  });

  it('ticks several values of a multi-choice field on a card, confirms the summary card by its button, and the case has all of them', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    try {
      await open(page, assistant.url, ANNA);
      await say(page, 'opret sag', 'Hvilket område');
      await say(page, 'Statens Løn og HR', 'Hvilket system');
      await say(page, 'SLS', 'Hvilken formular');
      await say(page, 'Fejl i lønkørsel', 'Skal sagen sendes fra');
      await say(page, 'Fra mig', 'Udbetalingsdato');
      await say(page, '27-02-2026', 'Hvilke fejl ser I?');
      await page.getByRole('checkbox', { name: 'Forkert beløb' }).check();
      await page.getByRole('checkbox', { name: 'Forkert skat' }).check();
      await page.locator('#webchat button:visible', { hasText: 'Næste' }).last().click();
      await waitFor(page, 'the next question', async () => (await chatText(page)).includes('Antal berørte medarbejdere'));
      // The click sent the card's value, not a label as text: no user bubble saying "Forkert beløb".
      const userBubbles = await page.locator('.webchat__bubble--from-user').allTextContents();
      expect(userBubbles.some((b) => /Forkert/.test(b))).toBe(false);
      await say(page, '4', 'Haster sagen?');
      await say(page, 'nej', 'Beskrivelse');
      await say(page, 'Fire medarbejdere fik forkert løn i februar. Det gælder afdeling B.', 'Telefonnummer');
      await say(page, 'spring over', 'Her er din sag');
      expect(await chatText(page)).toContain('Forkert beløb, Forkert skat');
      await page.locator('#webchat button:visible', { hasText: 'Bekræft' }).last().click();
      await waitFor(page, 'the case created', async () => (await chatText(page)).includes('Din sag er oprettet'));
      const number = /Din sag er oprettet[^S]*(SA-\d{4}-\d{6})/.exec(await chatText(page))?.[1] ?? '';
      const created = await new PgCaseStore(assistant.db).getByNumber(number as never);
      expect(created?.values.fejltype).toEqual(['forkert-beloeb', 'skat']);
      expect(created?.subject).toBe('Fejl i lønkørsel (SLS/HR-Løn): Fire medarbejdere fik forkert løn i februar'); // the form, the system and the first sentence (round 21)

      // "Mine sager": a card with a Vis per case; Vis shows the status.
      await say(page, 'mine sager', 'Dine sager');
      await page.locator('#webchat button:visible', { hasText: `Vis ${number}` }).last().click();
      await waitFor(page, 'the status', async () => (await count(page, `${number} – Fejl i lønkørsel (SLS/HR-Løn): Fire medarbejdere`)) >= 1);
      expect(await chatText(page)).toMatch(/Status: Modtaget/);
    } finally {
      await context.close();
    }
  });

  it('says "Siden sidst" when the page comes back to a stored conversation, once', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: 'da-DK' });
    const page = await context.newPage();
    try {
      await open(page, assistant.url, 'mette@eksempelstyrelsen.dk');
      await say(page, 'hej', WELCOME);
      const cases = new PgCaseStore(assistant.db);
      const mailboxCase = (await assistant.portal.myCases((await new PgDirectoryStore(assistant.db).getUserByEmail('mette@eksempelstyrelsen.dk'))?.id ?? '', { limit: 20, after: null }));
      const fejl = mailboxCase.ok ? mailboxCase.value.items.find((c) => c.subject === 'Fejl i lønkørsel') : undefined;
      expect(fejl).toBeDefined();
      await cases.addComment(fejl?.number as never, { author: 'agent', actor: AGENT, text: 'Lønkørslen er kørt igen.' });
      await page.reload();
      await page.waitForSelector(SEND_BOX);
      await waitFor(page, 'Siden sidst', async () => (await chatText(page)).includes('Lønkørslen er kørt igen.'));
      expect(await chatText(page)).toContain('Siden sidst');
      expect(await count(page, WELCOME)).toBe(2); // the opening's and the reply to "hej": no new welcome
      await page.reload();
      await page.waitForSelector(SEND_BOX);
      await waitFor(page, 'history', async () => (await chatText(page)).includes('Lønkørslen er kørt igen.'));
      await page.waitForTimeout(1500);
      expect(await count(page, 'Siden sidst')).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('shows the example e-mail address as code, not as a mailto link', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ locale: 'da-DK' });
    const page = await context.newPage();
    try {
      await open(page, assistant.url, ANNA);
      await say(page, 'opret sag', 'Hvilket område');
      await say(page, 'Brugeradministration', 'Hvilket system');
      await say(page, 'Navision Stat', 'Hvilken formular');
      await say(page, 'Nulstilling af adgangskode eller låst bruger', 'Skal sagen sendes fra');
      await say(page, 'Fra mig', 'Brugerens e-mail');
      await say(page, 'forkert', 'Det ligner ikke en e-mailadresse');
      expect(await chatText(page)).toContain('navn@institution.dk');
      expect(await page.locator('#webchat a[href^="mailto:"]').count()).toBe(0);
      expect(await page.locator('#webchat code', { hasText: 'navn@institution.dk' }).count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
