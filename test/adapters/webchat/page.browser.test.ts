import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { portalToken, WEBCHAT_ENV } from '../../support/direct-line-client.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
const WELCOME = 'Jeg er Serviceportalens assistent';

interface Transcript {
  fromUser: string[];
  fromBot: string[];
}

/** What the transcript shows, bubble by bubble (Web Chat's own class names). */
function transcript(page: Page): Promise<Transcript> {
  return page.evaluate(() => {
    const texts = (selector: string) =>
      Array.from(document.querySelectorAll(selector)).map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
    return {
      fromUser: texts('.webchat__bubble.webchat__bubble--from-user .webchat__bubble__content'),
      fromBot: texts('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content'),
    };
  });
}

async function waitForTranscript(page: Page, predicate: (t: Transcript) => boolean, timeoutMs = 15_000): Promise<Transcript> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const t = await transcript(page);
    if (predicate(t)) return t;
    if (Date.now() > deadline) throw new Error(`transcript: condition not met; it shows ${JSON.stringify(t)}`);
    await page.waitForTimeout(100);
  }
}

async function say(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

const welcomes = (t: Transcript) => t.fromBot.filter((b) => b.includes(WELCOME)).length;

/** The bot's bubbles (elements), newest last. */
const botBubbles = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');

/** Clicks the suggested action (Web Chat's button under the transcript) with exactly this title. */
async function clickAction(page: Page, title: string): Promise<void> {
  const button = page.locator('.webchat__suggested-action').filter({ hasText: new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) });
  try {
    await button.first().click({ timeout: 5_000 });
  } catch (error) {
    const shown = await page.locator('.webchat__suggested-action').allTextContents();
    throw new Error(`no suggested action "${title}"; shown: ${JSON.stringify(shown)}; transcript: ${JSON.stringify(await transcript(page))}`, { cause: error });
  }
}

/**
 * One turn: sends `text` (typed, or by clicking the suggested action of that title) and waits for
 * the bot's reply containing `expected`; answers the new bot bubbles' text.
 */
async function turn(page: Page, text: string, expected: string | RegExp, via: 'type' | 'click' = 'type'): Promise<string> {
  const before = await transcript(page);
  if (via === 'click') await clickAction(page, text);
  else await say(page, text);
  const after = await waitForTranscript(page, (t) => {
    if (t.fromUser.length <= before.fromUser.length || t.fromUser.at(-1) !== text) return false;
    const fresh = t.fromBot.slice(before.fromBot.length).join('\n');
    return typeof expected === 'string' ? fresh.includes(expected) : expected.test(fresh);
  });
  return after.fromBot.slice(before.fromBot.length).join('\n');
}

type AxeFinding = { id: string; impact: string | null; targets: string[] };

/** axe-core's serious and critical violations on the page as it is now. */
async function severeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A fresh browser context (own sessionStorage) on the page, with `email` picked and the chat started. */
async function openAs(browser: Browser, url: string, email: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${url}/`);
  await page.selectOption('#demo-user', email);
  await page.getByRole('button', { name: 'Start samtalen' }).click();
  await page.waitForSelector('[data-id="webchat-sendbox-input"]');
  await waitForTranscript(page, (t) => welcomes(t) === 1);
  return { page, problems, close: () => context.close() };
}

describe('the web chat page in a browser', () => {
  let assistant: TestAssistant;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const sockets: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    assistant = await startTestAssistant('pglite', WEBCHAT_ENV);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await assistant?.dispose();
  });

  describe('when a demo user is picked and says "hej"', () => {
    it('shows the Danish welcome and the message as the user\'s', async () => {
      await page.goto(`${assistant.url}/`);
      expect(await page.locator('h1').textContent()).toBe('Serviceportalens assistent');
      await page.selectOption('#demo-user', 'anna@eksempelstyrelsen.dk');
      await page.getByRole('button', { name: 'Start samtalen' }).click();
      await page.waitForSelector('[data-id="webchat-sendbox-input"]');
      await waitForTranscript(page, (t) => welcomes(t) === 1);
      await say(page, 'hej');
      const t = await waitForTranscript(page, (x) => x.fromUser.includes('hej') && welcomes(x) === 2);
      expect(t.fromUser).toEqual(['hej']);
      expect(await page.locator('#chat-user').textContent()).toContain('Anna Andersen');
      // Web Chat's default transport: the replies came over the Direct Line WebSocket stream.
      expect(sockets.some((u) => /\/v3\/directline\/conversations\/[^/]+\/stream\?/.test(u))).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'webchat-welcome.png'), fullPage: true });
      expect(problems).toEqual([]);
    });
  });

  describe('when the page is reloaded', () => {
    it('resumes the same conversation and shows its history', async () => {
      const before = await page.evaluate(() => sessionStorage.getItem('serviceportal.webchat.conversation'));
      await page.reload();
      await page.waitForSelector('[data-id="webchat-sendbox-input"]');
      const t = await waitForTranscript(page, (x) => x.fromUser.includes('hej') && welcomes(x) === 2);
      expect(t.fromUser).toEqual(['hej']);
      const after = await page.evaluate(() => sessionStorage.getItem('serviceportal.webchat.conversation'));
      expect(JSON.parse(after ?? '{}').conversationId).toBe(JSON.parse(before ?? '{}').conversationId);
      // The conversation goes on after the reload.
      await say(page, 'hjælp');
      await waitForTranscript(page, (x) => x.fromUser.length === 2 && welcomes(x) === 3);
      await page.screenshot({ path: join(ARTIFACTS, 'webchat-reloaded.png'), fullPage: true });
      expect(problems).toEqual([]);
    });
  });

  describe('when axe-core checks the page', () => {
    it('finds no serious or critical violation', async () => {
      expect(await severeViolations(page)).toEqual([]);
    });
  });

  describe('when a user switches to another demo user', () => {
    it('starts a new conversation for them', async () => {
      await page.selectOption('#demo-user', 'lars@testministeriet.dk');
      await page.getByRole('button', { name: 'Start samtalen' }).click();
      await page.waitForSelector('[data-id="webchat-sendbox-input"]');
      const t = await waitForTranscript(page, (x) => welcomes(x) === 1);
      expect(t.fromUser).toEqual([]);
      expect(await page.locator('#chat-user').textContent()).toContain('Lars Larsen');
    });
  });

  describe('when Web Chat polls instead of using the WebSocket (?transport=polling)', () => {
    it('works the same', async () => {
      const context = await browser.newContext({ locale: 'da-DK' });
      const polling = await context.newPage();
      let sockets = 0;
      polling.on('websocket', () => sockets++);
      try {
        await polling.goto(`${assistant.url}/?transport=polling`);
        await polling.selectOption('#demo-user', 'ole@demo-institut.dk');
        await polling.getByRole('button', { name: 'Start samtalen' }).click();
        await polling.waitForSelector('[data-id="webchat-sendbox-input"]');
        await waitForTranscript(polling, (t) => welcomes(t) === 1);
        await say(polling, 'hej');
        const t = await waitForTranscript(polling, (x) => x.fromUser.includes('hej') && welcomes(x) === 2);
        expect(t.fromUser).toEqual(['hej']);
        expect(sockets).toBe(0);
      } finally {
        await context.close();
      }
    });
  });

  describe('when a demo user asks a knowledge question', () => {
    it('answers from the right article and shows its title, as a link when the article has a url', async () => {
      const { page: chat, problems: seen, close } = await openAs(browser, assistant.url, 'lars@testministeriet.dk');
      try {
        // knowledge/articles/portal/glemt-adgangskode.da.md names its source page: the title links to it.
        // Web Chat sets zero-width spaces around a link's text.
        const password = (await turn(chat, 'Hvordan nulstiller jeg min adgangskode?', 'Kilde:')).replace(/\u200b/g, '');
        expect(password).toContain('nulstiller du den via det samme link, som bruges til at oprette en ny bruger');
        expect(password).toContain('Kilde: Glemt adgangskode til Serviceportalen');
        expect(password).toContain('Hjalp det?');
        const passwordLink = botBubbles(chat).last().locator('a', { hasText: 'Glemt adgangskode til Serviceportalen' });
        expect(await passwordLink.count()).toBe(1);
        expect(await passwordLink.getAttribute('href')).toBe('https://statens-adm.dk/support/serviceportalen');
        await chat.screenshot({ path: join(ARTIFACTS, 'webchat-knowledge-answer.png'), fullPage: true });

        // The feedback question's button, then another article's link.
        await turn(chat, 'Ja', /.+/, 'click');
        const portal = await turn(chat, 'Hvad er Serviceportalen?', 'Kilde:');
        expect(portal).toContain('Serviceportalen er Statens Administrations portal for løn, regnskab');
        const link = botBubbles(chat).last().locator('a', { hasText: 'Hvad er Serviceportalen?' });
        expect(await link.count()).toBe(1);
        expect(await link.getAttribute('href')).toBe('https://statens-adm.dk/support/serviceportalen');
        await chat.screenshot({ path: join(ARTIFACTS, 'webchat-knowledge-link.png'), fullPage: true });
        expect(seen).toEqual([]);
      } finally {
        await close();
      }
    });
  });

  describe('when anna creates a case through the dialog and reloads the page', () => {
    it('shows the case number, and after the reload the whole conversation with it', async () => {
      const { page: chat, problems: seen, close } = await openAs(browser, assistant.url, 'anna@eksempelstyrelsen.dk');
      try {
        // The turns of test/adapters/http/conversations.http.test.ts, in the real widget: choices
        // by clicking Web Chat's suggested-action buttons, free text typed in the send box.
        await turn(chat, 'Opret en sag', 'Hvilket område', 'click');
        await turn(chat, 'Statens Løn og HR', 'Hvilket system', 'click');
        await turn(chat, 'SLS', 'Hvilken formular');
        await turn(chat, 'Fejl i lønkørsel', 'Skal sagen sendes fra', 'click');
        await turn(chat, 'Fra loen@eksempelstyrelsen.dk', 'Udbetalingsdato', 'click');
        await turn(chat, '27-03-2026', 'Hvilke fejl');
        // Typed: a click on the card's checkboxes is covered in cards.browser.test.ts.
        await turn(chat, 'Manglende udbetaling', 'Antal berørte');
        await turn(chat, '2', 'Haster sagen?');
        await turn(chat, 'ja', 'Beskrivelse');
        await turn(chat, 'To medarbejdere har ikke fået løn i marts.', 'Telefonnummer');
        const summary = await turn(chat, 'spring over', 'Her er din sag');
        expect(summary).toContain('loen@eksempelstyrelsen.dk');
        const created = await turn(chat, 'Bekræft', /SA-\d{4}-\d{6}/);
        const number = /SA-\d{4}-\d{6}/.exec(created)?.[0] ?? '';
        expect(created).toContain(`Tak! Din sag er oprettet med nummeret ${number}.`);
        expect(number).toMatch(new RegExp(`^SA-${new Date().getFullYear()}-\\d{6}$`));
        await chat.screenshot({ path: join(ARTIFACTS, 'webchat-case-created.png'), fullPage: true });
        const shown = await transcript(chat);

        await chat.reload();
        await chat.waitForSelector('[data-id="webchat-sendbox-input"]');
        const history = await waitForTranscript(chat, (t) => t.fromBot.some((b) => b.includes(`nummeret ${number}`)) && t.fromUser.length === shown.fromUser.length);
        expect(history.fromUser).toEqual(shown.fromUser);
        expect(history.fromUser.at(-1)).toBe('Bekræft');
        expect(history.fromBot.filter((b) => b.includes(number))).toHaveLength(1);
        expect(history.fromBot.some((b) => b.includes('Her er din sag'))).toBe(true);
        await chat.screenshot({ path: join(ARTIFACTS, 'webchat-case-history.png'), fullPage: true });

        // The conversation goes on with the case: "mine sager" lists it.
        const mine = await turn(chat, 'Mine sager', number);
        // The title made from the description's first sentence; the list is a card with a block per case.
        expect(mine).toContain(`${number} Fejl i lønkørsel (SLS/HR-Løn): To medarbejdere har ikke fået løn i marts`);

        // A transcript full of markdown, lists and buttons is still accessible.
        expect(await severeViolations(chat)).toEqual([]);
        expect(seen).toEqual([]);
      } finally {
        await close();
      }
    }, 90_000);
  });
});

describe('the web chat page embedded by the portal (no demo mode)', () => {
  let assistant: TestAssistant;
  let browser: Browser;

  beforeAll(async () => {
    assistant = await startTestAssistant('pglite', { ...WEBCHAT_ENV, DEMO_MODE: 'false' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await assistant?.dispose();
  });

  describe('when opened with the portal\'s token in the fragment', () => {
    it('shows no picker, talks as that user, drops the token from the address, and resumes on reload', async () => {
      const page = await browser.newPage({ locale: 'da-DK' });
      const token = await portalToken(assistant.url, 'mette@eksempelstyrelsen.dk');
      await page.goto(`${assistant.url}/#token=${token}`);
      await page.waitForSelector('[data-id="webchat-sendbox-input"]');
      expect(await page.locator('#demo-user').count()).toBe(0);
      expect(page.url()).not.toContain('token=');
      await waitForTranscript(page, (t) => welcomes(t) === 1);
      await say(page, 'hej');
      await waitForTranscript(page, (x) => x.fromUser.includes('hej') && welcomes(x) === 2);
      expect(await page.locator('#chat-user').textContent()).toContain('mette@eksempelstyrelsen.dk');
      await page.reload();
      await page.waitForSelector('[data-id="webchat-sendbox-input"]');
      const t = await waitForTranscript(page, (x) => x.fromUser.includes('hej') && welcomes(x) === 2);
      expect(t.fromUser).toEqual(['hej']);
      await page.screenshot({ path: join(ARTIFACTS, 'webchat-portal-embedded.png'), fullPage: true });
    });
  });

  describe('when opened without a token', () => {
    it('says to open it from the portal', async () => {
      const page = await browser.newPage({ locale: 'da-DK' });
      await page.goto(`${assistant.url}/`);
      await page.waitForFunction(() => (document.getElementById('chat-status')?.textContent ?? '').includes('Serviceportalen'));
      expect(await page.locator('[data-id="webchat-sendbox-input"]').count()).toBe(0);
    });
  });
});
