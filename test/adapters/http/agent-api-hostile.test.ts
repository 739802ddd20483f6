import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';

const TOKEN = 'agent-token-for-hostile-tests-0123456789';
const STACK = /at .*\.(js|ts):\d+|node_modules|TypeError|ReferenceError|syntax error at/;

describe('the agent API with hostile input', () => {
  let assistant: TestAssistant;
  let caseNumber: string;

  beforeAll(async () => {
    assistant = await startTestAssistant('pglite', { AGENT_API_TOKEN: TOKEN, DEMO_MODE: 'true' });
    const list = await call('GET', '/api/agent/cases?limit=1');
    caseNumber = (list.json as { items: Array<{ number: string }> }).items[0]?.number ?? '';
    expect(caseNumber).toMatch(/^SA-\d{4}-\d{6}$/);
  });
  afterAll(async () => assistant.dispose());

  async function call(method: string, path: string, body?: string): Promise<{ status: number; text: string; json: unknown }> {
    const response = await fetch(`${assistant.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  }

  describe('when a comment body is refused', () => {
    it.each([
      ['invalid JSON', '{"text":', 400],
      ['the wrong type', '{"text":42}', 400],
      ['a missing field', '{}', 400],
      ['an array', '[1]', 400],
      ['a 1 MB text', JSON.stringify({ text: 'æ'.repeat(1_000_000) }), 413],
      ['deep nesting', `{"text":"x","extra":${'['.repeat(5000)}${']'.repeat(5000)}}`, 400],
    ])('answers %s with a 4xx and no internals', async (_name, body, status) => {
      const response = await call('POST', `/api/agent/cases/${caseNumber}/comments`, body);
      expect(response.status).toBe(status);
      expect(response.text).not.toMatch(STACK);
    });
  });

  describe('when a comment has unicode edge cases', () => {
    it.each([
      ['RTL', 'مرحبا \u202Eolleh'],
      ['zero-width', 'h\u200Be\u200Cj\u200D'],
      ['emoji', 'Tak 👍🏽 🇩🇰'],
      ['NUL and control characters', 'før\u0000efter\u0007'],
    ])('stores %s without NUL, or refuses it, but never fails', async (_name, text) => {
      const response = await call('POST', `/api/agent/cases/${caseNumber}/comments`, JSON.stringify({ text }));
      expect(response.status).toBeLessThan(500);
      expect(response.text).not.toMatch(STACK);
      if (response.status === 201) expect(response.text).not.toContain('\\u0000');
    });
  });

  describe('after all of that', () => {
    it('still serves the case', async () => {
      expect((await call('GET', `/api/agent/cases/${caseNumber}`)).status).toBe(200);
    });
  });
});
