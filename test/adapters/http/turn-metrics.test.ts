import { TestAdapter } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { turnLoggingMiddleware } from '../../../adapters/http/bot-adapter.js';
import { silentLogger } from '../../../bot/logger.js';
import { RecordingMetrics } from '../../fakes/recording-metrics.js';

describe('turnLoggingMiddleware', () => {
  describe('when a turn runs to the end, and when one throws', () => {
    it('counts each under its channel, ok or failed, with its latency', async () => {
      const metrics = new RecordingMetrics();
      const adapter = new TestAdapter(async (context) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (context.activity.text === 'fejl') throw new Error('boom');
        await context.sendActivity('ok');
      });
      adapter.onTurnError = async () => undefined;
      adapter.use(turnLoggingMiddleware(silentLogger, metrics));
      await adapter.send('hej').assertReply('ok');
      await adapter.send('fejl');
      expect(metrics.turns.map(({ channel, outcome }) => [channel, outcome])).toEqual([
        ['test', 'ok'],
        ['test', 'failed'],
      ]);
      for (const turn of metrics.turns) expect(turn.ms).toBeGreaterThanOrEqual(15);
    });
  });
});
