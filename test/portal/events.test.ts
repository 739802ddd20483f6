import { describe, expect, it } from 'vitest';
import { InProcessEventBus, portalEventSchema, type PortalEvent, type PublishedEvent } from '../../portal/index.js';

const event = (n: number): PortalEvent => ({
  type: 'case.commented',
  caseId: 'c1',
  caseNumber: `SA-2026-${String(n).padStart(6, '0')}`,
  subject: 'Emne',
  institutionId: 'eksempelstyrelsen',
  requesterId: 'u1',
  sentFromId: 'u1',
  author: 'agent',
  text: 'Hej',
  actor: { kind: 'agent', agentId: 'sd' },
  at: '2026-03-01T09:00:00.000Z',
});

describe('InProcessEventBus', () => {
  describe('when events are published', () => {
    it('delivers them to every subscriber in order with increasing ids', async () => {
      const bus = new InProcessEventBus();
      const a: PublishedEvent[] = [];
      const b: PublishedEvent[] = [];
      await bus.subscribe('a', (p) => {
        a.push(p);
      });
      await bus.subscribe('b', async (p) => {
        await new Promise((r) => setTimeout(r, 1));
        b.push(p);
      });
      await Promise.all([bus.publish([event(1), event(2)]), bus.publish([event(3)])]);
      expect(a.map((p) => p.event.type === 'case.commented' && p.event.caseNumber)).toEqual(['SA-2026-000001', 'SA-2026-000002', 'SA-2026-000003']);
      expect(b.map((p) => p.id)).toEqual(['1', '2', '3']);
    });
  });

  describe('when a handler throws', () => {
    it('reports it and still delivers to the others', async () => {
      const errors: string[] = [];
      const bus = new InProcessEventBus((error, p, consumer) => errors.push(`${consumer}:${p.id}:${String(error)}`));
      const got: string[] = [];
      await bus.subscribe('bad', () => {
        throw new Error('boom');
      });
      await bus.subscribe('good', (p) => {
        got.push(p.id);
      });
      await bus.publish([event(1)]);
      expect(errors).toEqual(['bad:1:Error: boom']);
      expect(got).toEqual(['1']);
    });
  });

  describe('when a subscription is closed', () => {
    it('delivers no more', async () => {
      const bus = new InProcessEventBus();
      const got: string[] = [];
      const sub = await bus.subscribe('x', (p) => {
        got.push(p.id);
      });
      await bus.publish([event(1)]);
      await sub.close();
      await bus.publish([event(2)]);
      expect(got).toEqual(['1']);
    });
  });
});

describe('portalEventSchema', () => {
  describe('when an event comes back from the outbox as JSON', () => {
    it('parses it', () => {
      expect(portalEventSchema.parse(JSON.parse(JSON.stringify(event(7))))).toEqual(event(7));
    });
    it('refuses a malformed one', () => {
      expect(portalEventSchema.safeParse({ ...event(7), caseNumber: 'X' }).success).toBe(false);
    });
  });
});
