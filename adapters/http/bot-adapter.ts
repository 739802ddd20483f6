import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type MiddlewareHandler,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../../bot/logger.js';
import { noMetrics, type Metrics } from '../../bot/metrics.js';

export interface BotAdapterOptions {
  appId?: string;
  appPassword?: string;
  appType: string;
  tenantId?: string;
  logger: Logger;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** Where each turn is counted (with its latency). Default: nowhere. */
  metrics?: Metrics;
}

/**
 * The CloudAdapter, with its turn processing open to the HTTP route: `CloudAdapter.process` answers
 * any failure with the error's text (a failed fetch of the Bot Framework's signing keys gave
 * HTTP 500 with the fetch error), so the route runs the activity itself and answers failures cleanly.
 */
export class AssistantCloudAdapter extends CloudAdapter {
  /**
   * Authenticates the request's `Authorization` header and runs the activity's turn; resolves with
   * the invoke response, if any. Throws what authentication throws (an error with a 4xx
   * `statusCode` for a bad token; a network error when the signing keys cannot be fetched).
   */
  runActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * The CloudAdapter. With no app id, authentication is off (Bot Framework Emulator, local use,
 * tests); with one, every request's JWT is validated and replies are authenticated.
 */
export function createBotAdapter(options: BotAdapterOptions): AssistantCloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppType: options.appType,
    MicrosoftAppTenantId: options.tenantId ?? '',
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new AssistantCloudAdapter(auth);
  adapter.onTurnError = options.onTurnError;
  adapter.use(turnLoggingMiddleware(options.logger, options.metrics));
  return adapter;
}

/**
 * One log line per turn, with its latency, and the same turn counted in `metrics`. Every adapter
 * (the CloudAdapter here, the web chat's Direct Line adapter) runs it, so turns log and count the
 * same whichever channel they came from.
 */
export function turnLoggingMiddleware(logger: Logger, metrics: Metrics = noMetrics): MiddlewareHandler {
  return async (context, next) => {
    const started = performance.now();
    let failed = false;
    try {
      await next();
    } catch (error: unknown) {
      failed = true;
      throw error;
    } finally {
      const a = context.activity;
      const latencyMs = performance.now() - started;
      metrics.turnFinished(a.channelId ?? '', failed ? 'failed' : 'ok', latencyMs);
      logger.info(
        {
          conversationId: a.conversation?.id,
          activityId: a.id,
          channelId: a.channelId,
          type: a.type,
          latencyMs: Math.round(latencyMs * 10) / 10,
          failed,
        },
        'turn',
      );
    }
  };
}
