import { loadConfig } from '../../config.js';
import { startAssistant, type Assistant } from '../../main.js';
import { silentLogger } from '../../bot/logger.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './database.js';

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
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHUTDOWN_GRACE_SECONDS: '2', ...env });
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
