/**
 * Domain events: what happened in the portal that someone else (the notifier, an audit log)
 * reacts to. The PostgreSQL stores write them to an outbox in the same transaction as the change,
 * so any process can consume them; {@link InProcessEventBus} delivers them inside one process.
 */
import { z } from 'zod';
import { caseNumberSchema, caseStatusSchema, COMMENT_AUTHORS, type Case } from './case.js';
import { actorSchema, communityStatusSchema, institutionIdSchema, isoTimestampSchema, userIdSchema } from './organisation.js';

const caseRef = {
  caseId: z.string().min(1),
  caseNumber: caseNumberSchema,
  subject: z.string(),
  institutionId: institutionIdSchema,
  requesterId: userIdSchema,
  /** The requester, or the shared mailbox whose members are to be told too. */
  sentFromId: userIdSchema,
  actor: actorSchema,
  at: isoTimestampSchema,
};

export const portalEventSchema = z.discriminatedUnion('type', [
  z.object({ ...caseRef, type: z.literal('case.created'), status: caseStatusSchema }).strict(),
  z.object({ ...caseRef, type: z.literal('case.status_changed'), from: caseStatusSchema, to: caseStatusSchema, note: z.string().nullable() }).strict(),
  z.object({ ...caseRef, type: z.literal('case.commented'), author: z.enum(COMMENT_AUTHORS), text: z.string() }).strict(),
  z
    .object({
      type: z.literal('community.requested'),
      requestId: z.string().min(1),
      userId: userIdSchema,
      institutionId: institutionIdSchema,
      actor: actorSchema,
      at: isoTimestampSchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('community.decided'),
      requestId: z.string().min(1),
      userId: userIdSchema,
      institutionId: institutionIdSchema,
      status: communityStatusSchema,
      note: z.string().nullable(),
      actor: actorSchema,
      at: isoTimestampSchema,
    })
    .strict(),
  z
    .object({
      type: z.literal('institution.changed'),
      institutionId: institutionIdSchema,
      change: z.enum(['created', 'updated', 'domain_added', 'domain_removed']),
      /** The domain added or removed. */
      domain: z.string().nullable(),
      actor: actorSchema,
      at: isoTimestampSchema,
    })
    .strict(),
]);
export type PortalEvent = z.infer<typeof portalEventSchema>;
export type PortalEventType = PortalEvent['type'];
export type CaseDomainEvent = Extract<PortalEvent, { type: `case.${string}` }>;

/** An event as delivered: `id` increases in publication order (the outbox sequence). */
export interface PublishedEvent {
  id: string;
  event: PortalEvent;
}

export function caseEventRef(c: Case): Pick<CaseDomainEvent, 'caseId' | 'caseNumber' | 'subject' | 'institutionId' | 'requesterId' | 'sentFromId'> {
  return { caseId: c.id, caseNumber: c.number, subject: c.subject, institutionId: c.institutionId, requesterId: c.requesterId, sentFromId: c.sentFromId };
}

// ---------------------------------------------------------------------------------------------
// Ports

export interface PortalEventPublisher {
  /** Publishes events (in order) after the change they describe is committed. */
  publish(events: readonly PortalEvent[]): Promise<void>;
}

export type PortalEventHandler = (published: PublishedEvent) => Promise<void> | void;

export interface Subscription {
  close(): Promise<void>;
}

export interface PortalEventSubscriber {
  /**
   * Delivers every event published from now on — and, for a durable implementation, every event
   * since `consumer` last acknowledged one — in order, at least once. Events are acknowledged when
   * the handler resolves; a handler that throws gets the event again later. One `consumer` name
   * is one queue: several processes subscribing with the same name share the work.
   */
  subscribe(consumer: string, handler: PortalEventHandler): Promise<Subscription>;
}

/** Turns a handler error into a log line; the default writes nothing (portal/ has no logger). */
export type ErrorSink = (error: unknown, published: PublishedEvent, consumer: string) => void;

/**
 * Publisher and subscriber in one process: handlers are called in subscription order after
 * `publish`, one event at a time. A failing handler is reported to `onError` and does not stop
 * the others (in-process delivery has nowhere to keep the event for a retry).
 */
export class InProcessEventBus implements PortalEventPublisher, PortalEventSubscriber {
  private readonly handlers = new Map<number, { consumer: string; handler: PortalEventHandler }>();
  private nextHandle = 1;
  private nextId = 1;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly onError: ErrorSink = () => undefined) {}

  publish(events: readonly PortalEvent[]): Promise<void> {
    const published = events.map((event) => ({ id: String(this.nextId++), event }));
    // Keep delivery ordered across concurrent publishers.
    const run = this.chain.then(async () => {
      for (const p of published) {
        for (const { consumer, handler } of [...this.handlers.values()]) {
          try {
            await handler(p);
          } catch (error: unknown) {
            this.onError(error, p, consumer);
          }
        }
      }
    });
    this.chain = run;
    return run;
  }

  subscribe(consumer: string, handler: PortalEventHandler): Promise<Subscription> {
    const handle = this.nextHandle++;
    this.handlers.set(handle, { consumer, handler });
    return Promise.resolve({
      close: () => {
        this.handlers.delete(handle);
        return Promise.resolve();
      },
    });
  }
}
