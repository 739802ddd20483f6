import { ActivityTypes, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { DeliveryError, type ProactiveMessage, type ProactiveSender, type StoredReference } from '../../bot/notifications/ports.js';

/** Statuses worth another try later: throttled, precondition (Teams' "conversation busy"), upstream trouble. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 412, 429, 500, 502, 503, 504]);
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'REQUEST_SEND_ERROR']);

/**
 * Proactive messages through the Bot Connector (Teams, Emulator): CloudAdapter's
 * continueConversationAsync with the bot's app id (empty with auth off). The send happens inside
 * the turn callback and its failure is carried out of it, so the turn-error handler never turns a
 * failed notification into a message to the user.
 */
export class BotConnectorSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async send(target: StoredReference, message: ProactiveMessage): Promise<void> {
    let failure: unknown;
    let sent = false;
    try {
      await this.adapter.continueConversationAsync(this.appId, target.reference as Partial<ConversationReference>, async (context) => {
        try {
          await context.sendActivity({ type: ActivityTypes.Message, text: message.text, textFormat: 'plain', locale: message.locale === 'en' ? 'en-US' : 'da-DK' });
          sent = true;
        } catch (error: unknown) {
          failure = error;
        }
      });
    } catch (error: unknown) {
      failure ??= error;
    }
    if (failure !== undefined) throw classify(failure);
    if (!sent) throw new DeliveryError('bot-connector: the proactive turn ended before the message was sent', true);
  }
}

/** A connector failure as a DeliveryError: retryable or not, with the Retry-After it asked for. */
export function classify(error: unknown): DeliveryError {
  const e = error as { statusCode?: unknown; code?: unknown; message?: unknown; response?: { status?: unknown; headers?: unknown }; cause?: { code?: unknown } };
  const status = typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.response?.status === 'number' ? e.response.status : undefined;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  const message = `bot-connector: ${status !== undefined ? `HTTP ${status}` : (code ?? 'send failed')}${typeof e?.message === 'string' ? `: ${e.message.slice(0, 200)}` : ''}`;
  if (status !== undefined) {
    return new DeliveryError(message, RETRYABLE_STATUSES.has(status), { status, retryAfterMs: retryAfterMs(e.response?.headers), cause: error });
  }
  return new DeliveryError(message, code === undefined || CONNECTION_ERRORS.has(code), { cause: error });
}

function retryAfterMs(headers: unknown): number | undefined {
  let raw: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === 'function') raw = (headers as { get(name: string): unknown }).get('retry-after');
  else if (headers && typeof headers === 'object') raw = (headers as Record<string, unknown>)['retry-after'];
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
