import { TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { limitTurns, turnSubject, type LimitDecision, type RateLimits } from '../../bot/rate-limits.js';

/** Lets the first `allowed` turns of each subject through, refuses the rest for 8 s. */
class CountingLimits implements RateLimits {
  readonly taken: string[] = [];
  constructor(private readonly allowed: number) {}
  async take(_kind: string, key: string): Promise<LimitDecision> {
    this.taken.push(key);
    return this.taken.filter((k) => k === key).length <= this.allowed ? { ok: true } : { ok: false, retryAfterMs: 7_400 };
  }
  async giveBack(): Promise<void> {}
}

function adapterWith(limits: RateLimits) {
  const ran: string[] = [];
  const adapter = new TestAdapter(async (context) => {
    ran.push(context.activity.text ?? context.activity.name ?? '');
    if (context.activity.type === 'message') await context.sendActivity(`svar på ${context.activity.text}`);
  });
  adapter.use(limitTurns({ limits }));
  return { adapter, ran };
}

describe('limitTurns', () => {
  describe('when a user goes over the limit', () => {
    it('answers the first refused message once in Danish, runs no turn, and stays silent for the rest of the window', async () => {
      const { adapter, ran } = adapterWith(new CountingLimits(1));
      await adapter
        .send('hej')
        .assertReply('svar på hej')
        .send('glemt kode')
        .assertReply('Du skriver hurtigere, end jeg kan følge med. Vent venligst 8 sekunder, og skriv så igen.')
        .send('glemt kode igen')
        .assertNoReply();
      expect(ran).toEqual(['hej']);
    });

    it('answers in English when the activity is English', async () => {
      const { adapter } = adapterWith(new CountingLimits(0));
      await adapter
        .send({ type: 'message', text: 'hello', locale: 'en-US' } as Partial<Activity>)
        .assertReply('You are writing faster than I can keep up with. Please wait 8 seconds and write again.');
    });

    it('answers a card action (invoke) with the text in its invoke response, and runs no turn', async () => {
      const { adapter, ran } = adapterWith(new CountingLimits(0));
      await adapter.send({ type: 'invoke', name: 'adaptiveCard/action', value: {} } as Partial<Activity>).assertReply((reply) => {
        expect(reply.type).toBe('invokeResponse');
        expect((reply.value as { body: { value: string } }).body.value).toMatch(/^Du skriver hurtigere/);
      });
      expect(ran).toEqual([]);
    });
  });

  it('keys users by channel and Entra object id when there is one', () => {
    expect(turnSubject({ channelId: 'msteams', from: { id: '29:abc', name: 'A', aadObjectId: 'oid-1' } as Activity['from'] })).toBe('msteams:oid-1');
    expect(turnSubject({ channelId: 'emulator', from: { id: 'anna@x.dk', name: 'A' } })).toBe('emulator:anna@x.dk');
  });
});
