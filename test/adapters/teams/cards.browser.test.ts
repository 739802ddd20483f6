import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../../dialogs/cards/card-schema.js';
import { everyCard } from '../../support/cards.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const RENDERER = join(dirname(createRequire(import.meta.url).resolve('adaptivecards/package.json')), 'dist/adaptivecards.min.js');

interface Rendered {
  name: string;
  /** Parse and validation warnings of the renderer. */
  warnings: string[];
  rendered: boolean;
  text: string;
  inputs: number;
  buttons: number;
}

/** Renders cards with the official renderer in the page: its parse and validation events, what shows. */
function render(page: Page, cards: Array<[string, AdaptiveCard]>): Promise<Rendered[]> {
  return page.evaluate((list) => {
    type MarkdownResult = { didProcess: boolean; outputHtml?: string };
    const AC = (window as unknown as { AdaptiveCards: unknown }).AdaptiveCards as {
      AdaptiveCard: (new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: { message: string }[] }; render(): HTMLElement | undefined }) & {
        onProcessMarkdown?: (text: string, result: MarkdownResult) => void;
      };
      CardElement: { langProperty: { regEx?: RegExp } };
      SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
    };
    // Teams renders Markdown: a host processor that shows the text as the escapes mean it (no markup is added).
    AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
      const div = document.createElement('div');
      div.textContent = text.replace(/\\(.)/g, '$1');
      result.outputHtml = div.innerHTML;
      result.didProcess = true;
    };
    return list.map(([name, json]) => {
      // The renderer checks "lang" with a global regular expression whose lastIndex carries over
      // from the previous card, so every other valid "da" would be reported: start it afresh.
      const lang = AC.CardElement.langProperty.regEx;
      if (lang) lang.lastIndex = 0;
      const card = new AC.AdaptiveCard();
      const context = new AC.SerializationContext();
      card.parse(json, context);
      const warnings: string[] = [];
      for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
      for (const e of card.validateProperties().validationEvents) warnings.push(e.message);
      const element = card.render();
      if (element) document.body.appendChild(element);
      return {
        name,
        warnings,
        rendered: element !== undefined,
        text: element?.innerText ?? '',
        inputs: element?.querySelectorAll('input, textarea, select').length ?? 0,
        buttons: element?.querySelectorAll('button').length ?? 0,
      };
    });
  }, cards);
}

function countInputs(card: AdaptiveCard): number {
  let n = 0;
  const walk = (elements: readonly { type: string; items?: unknown }[]): void => {
    for (const e of elements) {
      if (e.type.startsWith('Input.')) n++;
      if (Array.isArray(e.items)) walk(e.items as { type: string }[]);
    }
  };
  walk(card.body);
  return n;
}

describe('every card, rendered by the official adaptivecards renderer in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleWarnings: string[] = [];
  const cards = everyCard();
  let results: Rendered[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') consoleWarnings.push(m.text());
    });
    page.on('pageerror', (e) => consoleWarnings.push(e.message));
    await page.setContent('<!doctype html><html lang="da"><body></body></html>');
    await page.addScriptTag({ path: RENDERER });
    results = await render(page, cards);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(cards.map(([name], i) => [name, i] as const))('%s renders without warnings, with its inputs and actions', (_name, i) => {
    const result = results[i];
    const card = cards[i]?.[1] as AdaptiveCard;
    expect(result?.warnings).toEqual([]);
    expect(result?.rendered).toBe(true);
    expect(result?.inputs).toBeGreaterThanOrEqual(countInputs(card));
    expect(result?.buttons).toBeGreaterThanOrEqual(card.actions?.length ?? 0);
    const heading = card.body.find((e) => e.type === 'TextBlock');
    if (heading && heading.type === 'TextBlock') expect(result?.text).toContain(heading.text.replace(/\\(.)/g, '$1').slice(0, 10));
  });

  it('logged no warning or error in the page', () => {
    expect(consoleWarnings).toEqual([]);
  });

  describe('when a card has something the renderer does not know', () => {
    it('reports it (the test can fail)', async () => {
      const broken = { ...(cards[0]?.[1] as AdaptiveCard), body: [{ type: 'TextBlok', text: 'x' }] } as unknown as AdaptiveCard;
      const [result] = await render(page, [['broken', broken]]);
      expect(result?.warnings.length).toBeGreaterThan(0);
    });
  });
});
