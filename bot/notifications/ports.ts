import type { ConversationReference } from 'botbuilder';
import type { CaseDomainEvent } from '../../portal/index.js';
import type { Locale } from '../locale.js';

/** A user's latest conversation in one channel: where a proactive message goes. */
export interface StoredReference {
  userId: string;
  channelId: string;
  reference: Partial<ConversationReference>;
  locale: Locale;
  updatedAt: string;
}

export interface ConversationReferenceStore {
  /**
   * Upserts the user's reference for the reference's channel. `keepExisting`: only when the user
   * has none for that channel yet (a way to reach them never replaces a conversation). Default false.
   */
  save(userId: string, reference: Partial<ConversationReference>, locale: Locale, options?: { keepExisting?: boolean }): Promise<void>;
  /** The reference of the channel the user talked in most recently, if any. */
  latest(userId: string): Promise<StoredReference | undefined>;
}

/** One proactive message to send: one event to one user. */
export interface Delivery {
  eventId: string;
  userId: string;
  event: CaseDomainEvent;
  /** Attempts so far, this one included. */
  attempts: number;
}

/**
 * Delivery bookkeeping shared by every process: one row per (event, user). Enqueueing is
 * insert-if-absent, claiming takes a lease on due rows that no other process holds
 * (`FOR UPDATE SKIP LOCKED`), so a delivery is sent by one process at a time and a sent one is
 * never sent again.
 */
export interface DeliveryLedger {
  /** Adds a pending delivery for each user that has none for this event; answers how many were added. */
  enqueue(eventId: string, userIds: readonly string[], event: CaseDomainEvent): Promise<number>;
  /** Claims up to `limit` due deliveries for `leaseMs` (attempts counted). */
  claimDue(limit: number, leaseMs: number): Promise<Delivery[]>;
  markSent(delivery: Delivery, channelId: string): Promise<void>;
  /** Back to pending, due at `at`. */
  markRetry(delivery: Delivery, at: Date, error: string): Promise<void>;
  /** Final: `failed` (gave up) or `skipped` (nowhere to send). */
  markFinal(delivery: Delivery, status: 'failed' | 'skipped', reason: string): Promise<void>;
  /**
   * Deliveries whose lease ran out while sending (the process died mid-send) are marked failed
   * and never resent: whether the channel got the message is unknown, and a message is never
   * sent twice. Answers how many.
   */
  expireInterrupted(): Promise<number>;
  /** When the next pending delivery is due, if any. */
  nextDue(): Promise<Date | undefined>;
}

/** A proactive message as the notifier composes it. */
export interface ProactiveMessage {
  text: string;
  locale: Locale;
  /** The case event the message tells about (a channel with cards shows it as one). */
  event?: CaseDomainEvent;
  /** The portal user it is for. */
  userId?: string;
}

/** Why a send failed, and whether trying again later may help. `skip`: the channel refused the recipient (recorded as skipped). */
export class DeliveryError extends Error {
  readonly code = 'NOTIFY.DELIVERY_FAILED';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly options: { status?: number | undefined; retryAfterMs?: number | undefined; cause?: unknown; skip?: boolean | undefined } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
  }
}

/**
 * Sends a proactive message into a stored conversation; one implementation per channel
 * (Teams/Emulator through the Bot Connector, web chat through its own Direct Line store).
 * Throws {@link DeliveryError} on failure.
 */
export interface ProactiveSender {
  send(target: StoredReference, message: ProactiveMessage): Promise<void>;
}
