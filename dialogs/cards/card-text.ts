/**
 * User text on a card is data, never markup: Adaptive Card TextBlocks render a Markdown subset
 * and a templating host would expand `${…}`. These helpers make a string show exactly as typed.
 */

/** Zero-width space: breaks `${` for a template engine while looking the same. */
const ZWSP = '\u200B';
const TEMPLATE_OPEN = /\$\{/g;
const NEUTRALISED_OPEN = /\$\u200B\{/g;

/** `${` → `$\u200B{`, so a card template engine never evaluates user text. */
export function neutraliseTemplate(value: string): string {
  return value.replace(TEMPLATE_OPEN, `$${ZWSP}{`);
}

/** Undoes {@link neutraliseTemplate} on a submitted value, so what is stored is what was typed. */
export function restoreTemplate(value: string): string {
  return value.replace(NEUTRALISED_OPEN, '${');
}

/**
 * For a TextBlock or Fact: Markdown characters escaped with a backslash (the escapes are not
 * shown), list and heading markers at a line start escaped, and `${` neutralised.
 */
export function displayText(value: string): string {
  const escaped = value
    .replace(/[\\`*_[\]()~|]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
  return neutraliseTemplate(escaped);
}

/** Deeply restores every string of a submitted card payload. */
export function restoreSubmitted(value: unknown): unknown {
  if (typeof value === 'string') return restoreTemplate(value);
  if (Array.isArray(value)) return value.map(restoreSubmitted);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreSubmitted(v)]));
  }
  return value;
}
