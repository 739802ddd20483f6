import { describe, expect, it } from 'vitest';
import { messageActivity, postActivity, type SentActivity } from '../../support/connector-listener.js';
import { useAssistantWithConnector } from '../../support/assistant.js';

describe('the demo users over HTTP (/api/messages)', () => {
  const world = useAssistantWithConnector('pglite');

  /** Posts one message and waits for the bot's replies to it; answers their texts joined. */
  async function say(from: string, conversationId: string, text: string): Promise<string> {
    const activity = messageActivity({ serviceUrl: world.serviceUrl, conversationId, text, from });
    const before = world.connector.for(conversationId).length;
    const response = await postActivity(world.assistant.url, activity);
    expect(response.status).toBeLessThan(300);
    // With auth off the replies are posted before the 200 is sent back.
    await world.connector.waitFor(() => world.connector.for(conversationId).length > before);
    return world.connector
      .for(conversationId)
      .slice(before)
      .map((a: SentActivity) => a.text ?? '')
      .join('\n\n');
  }

  it('anna creates a case from the mailbox loen@, mette sees it in "mine sager", ole gets the not-found answer', async () => {
    const anna = 'anna@eksempelstyrelsen.dk';
    const conv = 'http-anna';
    expect(await say(anna, conv, 'opret en sag')).toContain('Hvilket område');
    expect(await say(anna, conv, 'Statens Løn og HR')).toContain('Hvilket system');
    expect(await say(anna, conv, 'SLS')).toContain('Hvilken formular');
    expect(await say(anna, conv, 'Fejl i lønkørsel')).toContain('Skal sagen sendes fra');
    expect(await say(anna, conv, 'loen@eksempelstyrelsen.dk')).toContain('Udbetalingsdato');
    expect(await say(anna, conv, '27-03-2026')).toContain('Hvilke fejl');
    expect(await say(anna, conv, 'Manglende udbetaling')).toContain('Antal berørte');
    expect(await say(anna, conv, '2')).toContain('Haster sagen?');
    expect(await say(anna, conv, 'ja')).toContain('Beskrivelse');
    expect(await say(anna, conv, 'To medarbejdere har ikke fået løn i marts.')).toContain('Telefonnummer');
    const summary = await say(anna, conv, 'spring over');
    expect(summary).toContain('Her er din sag');
    expect(summary).toContain('loen@eksempelstyrelsen.dk');
    const created = await say(anna, conv, 'Bekræft');
    const number = /SA-\d{4}-\d{6}/.exec(created)?.[0];
    expect(number).toBeDefined();

    const mette = await say('mette@eksempelstyrelsen.dk', 'http-mette', 'mine sager');
    expect(mette).toContain(`**${number}** Fejl i lønkørsel (SLS/HR-Løn): To medarbejdere har ikke fået løn i marts – `); // the title: the form, the system and the first sentence
    expect(mette.indexOf(number ?? '')).toBeLessThan(mette.indexOf('Fejl i lønkørsel'));

    const ole = await say('ole@demo-institut.dk', 'http-ole', `status på ${number}`);
    expect(ole).toBe('Jeg kan ikke finde en sag med det nummer, som du har adgang til.');
  });

  describe('when an activity at /api/messages claims the web chat channel', () => {
    it('does not trust its from.id: anna\'s cases stay hidden', async () => {
      const conversationId = 'spoofed-webchat';
      const activity = { ...messageActivity({ serviceUrl: world.serviceUrl, conversationId, text: 'mine sager', from: 'anna@eksempelstyrelsen.dk' }), channelId: 'webchat' };
      await postActivity(world.assistant.url, activity);
      await world.connector.waitFor(() => world.connector.for(conversationId).length >= 1);
      const text = world.connector.for(conversationId).map((a) => a.text ?? '').join('\n');
      expect(text).not.toMatch(/SA-\d{4}-\d{6}/);
      expect(text).not.toContain('Her er dine sager');
    });
  });
});
