import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskWorld, DESK_TOKEN, type DeskWorld } from '../../support/desk-world.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

type AxeFinding = { id: string; impact: string | null; targets: string[] };

/** axe-core's serious and critical violations on the page as it is now. */
async function severeViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Array<{ id: string; impact?: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('the desk page in a browser', () => {
  let world: DeskWorld;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    world = await createDeskWorld('pglite');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${world.base}/desk`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.dispose();
  });

  describe('before the token is entered', () => {
    it('asks for the agent API token and axe-core finds no serious violations', async () => {
      await expect(page.getByLabel("Adgangsnøgle til agent-API'et").isVisible()).resolves.toBe(true);
      expect(await severeViolations(page)).toEqual([]);
    });
  });

  describe('when a wrong token is entered', () => {
    it('says it was not accepted and keeps the form', async () => {
      await page.getByLabel("Adgangsnøgle til agent-API'et").fill('wrong-token-0123456789');
      await page.getByRole('button', { name: 'Vis tallene' }).click();
      await page.getByText('Adgangsnøglen blev ikke godkendt').waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('desk.agentToken'))).toBeNull();
    });
  });

  describe('when the token is entered', () => {
    beforeAll(async () => {
      // The wrong token's requests all answered (their 401s are logged as they arrive), then a clean slate.
      await page.waitForLoadState('networkidle');
      problems.length = 0;
      await page.getByLabel("Adgangsnøgle til agent-API'et").fill(DESK_TOKEN);
      await page.getByRole('button', { name: 'Vis tallene' }).click();
      await page.getByText('Tallene er hentet.').waitFor();
    });

    it('keeps the token in sessionStorage only, and shows every view', async () => {
      expect(await page.evaluate(() => sessionStorage.getItem('desk.agentToken'))).toBe(DESK_TOKEN);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      for (const heading of ['Afledning pr. uge', 'Hyppigste ubesvarede spørgsmål', 'Mindst hjælpsomme artikler', 'Oprettede sager pr. område', 'Oprettede sager pr. formular', 'Oprettede sager pr. kanal', 'Notifikationer, der ikke kunne leveres']) {
        await expect(page.getByRole('heading', { name: heading }).isVisible()).resolves.toBe(true);
      }
      expect(problems).toEqual([]);
    });

    it('draws the charts with data', async () => {
      const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((svg) => ({ bars: svg.querySelectorAll('rect.bar').length, nonZero: Array.from(svg.querySelectorAll('rect.bar')).filter((r) => Number(r.getAttribute('data-value')) > 0).length })));
      expect(charts.length).toBe(5);
      for (const chart of charts) expect(chart.nonZero).toBeGreaterThan(0);
    });

    it('sorts a table by a column when its heading is clicked', async () => {
      const counts = () => page.$$eval('#unanswered tbody tr', (rows) => rows.map((r) => Number(r.children[1]?.textContent)));
      await page.locator('#unanswered').getByRole('button', { name: 'Antal' }).click();
      const first = await counts();
      expect(first).toEqual([...first].sort((a, b) => b - a));
      await page.locator('#unanswered').getByRole('button', { name: 'Antal' }).click();
      const second = await counts();
      expect(second).toEqual([...first].sort((a, b) => a - b));
      expect(await page.locator('#unanswered th').nth(1).getAttribute('aria-sort')).toBe('ascending');
    });

    it('downloads a view as CSV with the rows the table shows', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#cases-area').getByRole('button', { name: /^Hent som CSV/ }).click()]);
      expect(download.suggestedFilename()).toBe('sager-pr-omraade.csv');
      const path = await download.path();
      const csv = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
      const lines = csv.trim().split(/\r\n/);
      expect(lines[0]).toBe('Område;Sager');
      const tableRows = await page.$$eval('#cases-area tbody tr', (rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent).join(';')));
      expect(lines.slice(1).sort()).toEqual(tableRows.sort());
      expect(lines.length).toBeGreaterThan(1);
    });

    it('has no serious accessibility violations (axe-core)', async () => {
      expect(await severeViolations(page)).toEqual([]);
    });
  });
});
