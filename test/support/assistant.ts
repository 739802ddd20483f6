import { ConnectorListener } from './connector-listener.js';
import { loadConfig } from '../../config.js';
import { startAssistant, type Assistant } from '../../main.js';
import { silentLogger } from '../../bot/logger.js';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './database.js';

/**
 * Rate limits far above what any test does, so a test that chats a lot is not cut off; the limits
 * are still counted (the code path runs). Tests of the limits set their own values.
 */
export const GENEROUS_LIMITS: Readonly<Record<string, string>> = {
  RATE_LIMIT_PER_MINUTE: '100000',
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
  RATE_LIMIT_TOKENS_PER_MINUTE: '100000',
  RATE_LIMIT_CASES_PER_HOUR: '100000',
  RATE_LIMIT_AGENT_PER_MINUTE: '1000000',
};

export interface TestAssistant extends Assistant {
  world: TestDatabase;
  dispose(): Promise<void>;
}

/**
 * A whole assistant on a random port over a fresh test database of the given kind. Demo data is
 * off unless the test asks for it (`DEMO_MODE: 'true'`): seeding costs time on every start.
 */
export async function startTestAssistant(
  kind: DatabaseKind = 'pglite',
  env: Record<string, string> = {},
  world?: TestDatabase,
): Promise<TestAssistant> {
  const db = world ?? (await createTestDatabase(kind));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHUTDOWN_GRACE_SECONDS: '2', ...GENEROUS_LIMITS, ...env });
  const assistant = await startAssistant(config, { db: db.db, logger: silentLogger, watchArticles: false });
  return {
    ...assistant,
    world: db,
    async dispose() {
      await assistant.stop();
      if (!world) await db.dispose();
    },
  };
}

/** An assistant on a fresh database plus a local listener standing in for the Bot Connector. */
export interface AssistantWithConnector {
  assistant: TestAssistant;
  connector: ConnectorListener;
  /** The listener's address, to put in activities' `serviceUrl`. */
  serviceUrl: string;
  dispose(): Promise<void>;
}

export async function startAssistantWithConnector(kind: DatabaseKind = 'pglite', env: Record<string, string> = {}): Promise<AssistantWithConnector> {
  const connector = new ConnectorListener();
  const serviceUrl = await connector.start();
  const assistant = await startTestAssistant(kind, env);
  return {
    assistant,
    connector,
    serviceUrl,
    async dispose() {
      await assistant.dispose();
      await connector.stop();
    },
  };
}

/**
 * Starts an assistant with a connector listener before the tests of the enclosing describe and
 * stops both after them; the returned object is filled in by the time the tests run.
 */
export function useAssistantWithConnector(kind: DatabaseKind = 'pglite', env: Record<string, string> = {}): AssistantWithConnector {
  const world = {} as AssistantWithConnector;
  beforeAll(async () => {
    Object.assign(world, await startAssistantWithConnector(kind, env));
  });
  afterAll(() => world.dispose());
  return world;
}
