import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAssistant, type TestAssistant } from '../../support/assistant.js';
import { getActivities, message, portalToken, postActivity, startConversation, WEBCHAT_ENV, type DlActivity, type DlConversation } from '../../support/direct-line-client.js';

const TOKEN = 'desk-demo-token-0123456789abcdef';
const ANNA = 'anna@eksempelstyrelsen.dk';

/** The whole assistant in demo mode: a few conversations in web chat, then the desk's figures. */
describe('the desk figures from demo traffic', () => {
  let assistant: TestAssistant;
  let conversation: DlConversation;
  let watermark: string | undefined;

  /** Says a text and waits for the bot's reply containing `expected`. */
  async function say(text: string, expected: string): Promise<string> {
    const posted = await postActivity(assistant.url, conversation, message(text, { from: { id: ANNA, name: 'Anna' } }));
    expect(posted.status).toBe(200);
    const seen: string[] = [];
    for (let i = 0; i < 100; i++) {
      const { body } = await getActivities(assistant.url, conversation, watermark);
      const group = body as { activities: DlActivity[]; watermark?: string };
      if (group.watermark) watermark = group.watermark;
      seen.push(...group.activities.filter((a) => a.from?.role === 'bot' && typeof a.text === 'string').map((a) => a.text as string));
      const hit = seen.find((t) => t.includes(expected));
      if (hit) return hit;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no reply with "${expected}" to "${text}"; saw: ${seen.join(' | ')}`);
  }

  const insights = async (path: string): Promise<Record<string, unknown>> => {
    const response = await fetch(`${assistant.url}/api/agent/insights${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    assistant = await startTestAssistant('pglite', { ...WEBCHAT_ENV, DEMO_MODE: 'true', AGENT_API_TOKEN: TOKEN });
    conversation = await startConversation(assistant.url, await portalToken(assistant.url, ANNA));
  }, 120_000);
  afterAll(async () => assistant?.dispose());

  it('counts an answer marked helpful and an unanswered question, and serves the page', async () => {
    const before = (await insights('/deflection')).totals as { answeredHelpful: number };
    await say('Jeg har glemt min adgangskode til Serviceportalen', 'Hjalp det?');
    await say('Ja', 'Godt at høre');
    await say('Hvordan bestiller jeg zebrafinker til kantinen?', 'Det kan jeg desværre ikke finde');
    const after = (await insights('/deflection')).totals as { answeredHelpful: number; casesCreated: number };
    expect(after.answeredHelpful).toBe(before.answeredHelpful + 1);
    expect(after.casesCreated).toBeGreaterThan(0); // the demo cases
    const unanswered = (await insights('/unanswered')).items as { question: string; count: number }[];
    expect(unanswered).toEqual([expect.objectContaining({ question: 'Hvordan bestiller jeg zebrafinker til kantinen?', count: 1 })]);
    const page = await (await fetch(`${assistant.url}/desk`)).text();
    expect(page).toContain('/desk/desk.js');
  }, 60_000);
});
