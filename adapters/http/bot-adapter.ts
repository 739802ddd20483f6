import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../../bot/logger.js';

export interface BotAdapterOptions {
  appId?: string;
  appPassword?: string;
  appType: string;
  tenantId?: string;
  logger: Logger;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

/**
 * The CloudAdapter. With no app id, authentication is off (Bot Framework Emulator, local use,
 * tests); with one, every request's JWT is validated and replies are authenticated.
 */
export function createBotAdapter(options: BotAdapterOptions): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppType: options.appType,
    MicrosoftAppTenantId: options.tenantId ?? '',
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = options.onTurnError;
  // One log line per turn, with its latency.
  adapter.use(async (context, next) => {
    const started = performance.now();
    let failed = false;
    try {
      await next();
    } catch (error: unknown) {
      failed = true;
      throw error;
    } finally {
      const a = context.activity;
      options.logger.info(
        {
          conversationId: a.conversation?.id,
          activityId: a.id,
          channelId: a.channelId,
          type: a.type,
          latencyMs: Math.round((performance.now() - started) * 10) / 10,
          failed,
        },
        'turn',
      );
    }
  });
  return adapter;
}
