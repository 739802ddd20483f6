/**
 * Tells users when their case changes: consumes the portal's case events, records one delivery
 * per (event, recipient) in the shared ledger, and sends each through the sender of the channel
 * where the recipient last talked to the assistant, with retries and backoff. Any process may run
 * it; the ledger makes sure one process sends a delivery and that it is never sent twice.
 */
import type { DirectoryStore, PublishedEvent } from '../../portal/index.js';
import type { Logger } from '../logger.js';
import { noMetrics, type Metrics } from '../metrics.js';
import { isNotifiable, notificationText } from './notification-text.js';
import { DeliveryError, type ConversationReferenceStore, type Delivery, type DeliveryLedger, type ProactiveSender } from './ports.js';

export interface NotifierOptions {
  ledger: DeliveryLedger;
  references: ConversationReferenceStore;
  directory: Pick<DirectoryStore, 'membersOf'>;
  /** Senders by channel id ('msteams', 'emulator', 'webchat', …). */
  senders: ReadonlyMap<string, ProactiveSender>;
  logger: Logger;
  /** Where each delivery's outcome is counted. Default: nowhere. */
  metrics?: Metrics;
  /** Attempts before a delivery is given up. Default 6. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt. Default 2000 ms. */
  retryBaseMs?: number;
  /** Longest retry delay. Default 5 minutes. */
  retryMaxMs?: number;
  /** How often every process looks for due deliveries (retries, other processes' work). Default 15 s. */
  sweepIntervalMs?: number;
  /** How long a claimed delivery is this process's. Default 2 minutes. */
  leaseMs?: number;
  /** Deliveries claimed per round. Default 20. */
  batchSize?: number;
}

type Settings = Required<Omit<NotifierOptions, 'ledger' | 'references' | 'directory' | 'senders' | 'logger' | 'metrics'>>;

const DEFAULTS: Settings = { maxAttempts: 6, retryBaseMs: 2000, retryMaxMs: 300_000, sweepIntervalMs: 15_000, leaseMs: 120_000, batchSize: 20 };

export class Notifier {
  private readonly settings: Settings;
  private readonly log: Logger;
  private readonly metrics: Metrics;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly options: NotifierOptions) {
    this.settings = { ...DEFAULTS, ...definedOnly(options) };
    this.log = options.logger;
    this.metrics = options.metrics ?? noMetrics;
  }

  /** The outbox handler: records the deliveries of a notifiable event (idempotent), then sends soon. */
  async handle(published: PublishedEvent): Promise<void> {
    const event = published.event;
    if (!event.type.startsWith('case.')) return;
    const caseEvent = event as Extract<typeof event, { type: `case.${string}` }>;
    if (!isNotifiable(caseEvent)) return;
    const recipients = new Set<string>([caseEvent.requesterId]);
    if (caseEvent.sentFromId !== caseEvent.requesterId) {
      for (const member of await this.options.directory.membersOf(caseEvent.sentFromId)) recipients.add(member.id);
    }
    // Whoever made the change knows already.
    if (caseEvent.actor.kind === 'user') recipients.delete(caseEvent.actor.userId);
    const added = await this.options.ledger.enqueue(published.id, [...recipients], caseEvent);
    this.log.debug({ eventId: published.id, caseNumber: caseEvent.caseNumber, recipients: recipients.size, added }, 'notify: deliveries recorded');
    this.kick();
  }

  /**
   * Starts the periodic sweep (retries and deliveries recorded by other processes). Its first round
   * runs after `firstRoundDelayMs` (default at once); a delivery recorded meanwhile starts it sooner.
   */
  start(firstRoundDelayMs = 0): void {
    this.stopped = false;
    if (firstRoundDelayMs <= 0) {
      this.kick();
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), firstRoundDelayMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs a dispatch round soon (coalesced with one that is running). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.dispatch()
      .catch((error: unknown) => this.log.error({ err: error }, 'notify: dispatch round failed'))
      .then(() => this.scheduleNext())
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** One round: claims due deliveries until none is left and sends them; answers how many were handled. */
  async dispatch(): Promise<number> {
    const expired = await this.options.ledger.expireInterrupted();
    if (expired > 0) {
      this.log.warn({ count: expired }, 'notify: deliveries interrupted mid-send are given up (never sent twice)');
      this.metrics.notification('given_up', expired);
    }
    let handled = 0;
    for (;;) {
      if (this.stopped && handled > 0) break;
      const batch = await this.options.ledger.claimDue(this.settings.batchSize, this.settings.leaseMs);
      if (batch.length === 0) break;
      await Promise.all(batch.map((d) => this.deliver(d)));
      handled += batch.length;
    }
    return handled;
  }

  private async scheduleNext(): Promise<void> {
    if (this.stopped) return;
    let wait = this.settings.sweepIntervalMs;
    try {
      const due = await this.options.ledger.nextDue();
      if (due) wait = Math.min(wait, Math.max(0, due.getTime() - Date.now()) + 10);
    } catch (error: unknown) {
      this.log.warn({ err: error }, 'notify: could not read the next due delivery');
    }
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), wait);
    this.timer.unref?.();
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { ledger, references, senders } = this.options;
    const log = { eventId: delivery.eventId, userId: delivery.userId, caseNumber: delivery.event.caseNumber, attempt: delivery.attempts };
    const target = await references.latest(delivery.userId);
    if (!target) {
      this.log.info(log, 'notify: the user has no stored conversation; skipped');
      await ledger.markFinal(delivery, 'skipped', 'no conversation reference');
      this.metrics.notification('skipped');
      return;
    }
    const sender = senders.get(target.channelId);
    const text = notificationText(delivery.event, target.locale);
    if (!sender || text === undefined) {
      this.log.warn({ ...log, channelId: target.channelId }, 'notify: no sender for the channel; skipped');
      await ledger.markFinal(delivery, 'skipped', `no sender for channel ${target.channelId}`);
      this.metrics.notification('skipped');
      return;
    }
    try {
      await sender.send(target, { text, locale: target.locale, event: delivery.event, userId: delivery.userId });
    } catch (error: unknown) {
      const retryable = error instanceof DeliveryError ? error.retryable : true;
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof DeliveryError && error.options.skip) {
        await ledger.markFinal(delivery, 'skipped', message);
        this.log.info({ ...log, channelId: target.channelId }, 'notify: the channel refused a conversation with the user; skipped');
        this.metrics.notification('skipped');
        return;
      }
      if (retryable && delivery.attempts < this.settings.maxAttempts) {
        const retryAfter = error instanceof DeliveryError ? (error.options.retryAfterMs ?? 0) : 0;
        const backoff = Math.min(this.settings.retryMaxMs, this.settings.retryBaseMs * 2 ** (delivery.attempts - 1));
        const delay = Math.max(retryAfter, backoff * (1 + Math.random() * 0.1));
        await ledger.markRetry(delivery, new Date(Date.now() + delay), message);
        this.log.warn({ ...log, channelId: target.channelId, err: error, retryInMs: Math.round(delay) }, 'notify: delivery failed; will retry');
        this.metrics.notification('retried');
      } else {
        await ledger.markFinal(delivery, 'failed', message);
        this.log.error({ ...log, channelId: target.channelId, err: error, retryable }, 'notify: delivery failed; giving up');
        this.metrics.notification('given_up');
      }
      return;
    }
    await ledger.markSent(delivery, target.channelId);
    this.log.info({ ...log, channelId: target.channelId }, 'notify: delivered');
    this.metrics.notification('sent');
  }
}

function definedOnly(options: NotifierOptions): Partial<Settings> {
  const out: Partial<Settings> = {};
  for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
