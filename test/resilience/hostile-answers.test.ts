import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../support/assistant.js';
import { ANNA, annaCaseTurns, caseNumberIn, Chat } from '../support/chat.js';

/**
 * Form answers that are SQL, HTML, Markdown or Adaptive Card template syntax, typed through the
 * whole case dialog over HTTP into the real PostgreSQL stores. (Teams cards with such values are
 * covered in test/adapters/teams/cards.test.ts: structure unchanged, no template expression left.)
 */
const HOSTILE: ReadonlyArray<{ name: string; text: string; raw: string[]; escaped: string[] }> = [
  { name: 'SQL', text: "'); DROP TABLE portal_case;--", raw: [], escaped: ["'); DROP TABLE portal\\_case;--"] },
  { name: 'HTML', text: '<script>alert(1)</script>', raw: ['<script>', '</script>'], escaped: ['&lt;script&gt;alert(1)&lt;/script&gt;'] },
  { name: 'Markdown', text: '**bold** [x](javascript:alert(1))', raw: ['**bold**', '[x](javascript'], escaped: ['\\*\\*bold\\*\\* \\[x\\](javascript:alert(1))'] },
  { name: 'template', text: '${user.secret}', raw: [], escaped: ['${user.secret}'] },
];

describe('hostile form answers', () => {
  let assistant: TestAssistant;
  const chat = new Chat();

  beforeAll(async () => {
    await chat.start();
    assistant = await startTestAssistant('postgres', { DEMO_MODE: 'true', NOTIFICATIONS_ENABLED: 'false' });
  }, 60_000);

  afterAll(async () => {
    await assistant.dispose();
    await chat.stop();
  });

  describe.each(HOSTILE)('when the description is $name', ({ name, text, raw, escaped }) => {
    const conv = `hostile-${name}`;
    let number: string | undefined;

    it('is shown escaped in the summary, "mine sager" and the status, never as markup', async () => {
      const turns = annaCaseTurns(text);
      let summary = '';
      for (const [say, want] of turns) {
        const reply = await chat.say(assistant.url, ANNA, conv, say);
        expect(reply.text, `"${say}"`).toContain(want);
        if (want === 'Her er din sag') summary = reply.text;
        number = caseNumberIn(reply.text) ?? number;
      }
      const mine = (await chat.say(assistant.url, ANNA, `${conv}-mine`, 'mine sager')).text;
      const status = (await chat.say(assistant.url, ANNA, `${conv}-status`, `status på ${number}`)).text;
      for (const shown of [summary, mine, status]) {
        for (const markup of raw) expect(shown).not.toContain(markup);
        for (const literal of escaped) expect(shown).toContain(literal);
      }
    });

    it('is stored exactly as typed, and the tables are all still there', async () => {
      const { rows } = await assistant.world.db.query<{ beskrivelse: string }>(`SELECT field_values->>'beskrivelse' AS beskrivelse FROM portal_case WHERE number = $1`, [number]);
      expect(rows).toEqual([{ beskrivelse: text }]);
      const { rows: count } = await assistant.world.db.query<{ n: number }>('SELECT count(*) AS n FROM portal_case');
      expect(count[0]?.n).toBeGreaterThan(0);
    });
  });
});
