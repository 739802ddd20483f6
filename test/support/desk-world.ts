/**
 * A database with the demo data and desk figures spread over the last weeks, an HTTP server with
 * the agent API's insights routes and the /desk page: shared by the insights route test and the
 * browser test of the page.
 */
import { agentApiRoutes } from '../../adapters/http/agent-api.js';
import { createBotAdapter } from '../../adapters/http/bot-adapter.js';
import { deskPageRoutes } from '../../adapters/http/desk-insights.js';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { PgCaseStore } from '../../adapters/postgres/pg-case-store.js';
import { PgDeskStore } from '../../adapters/postgres/pg-desk-store.js';
import { PgDirectoryStore } from '../../adapters/postgres/pg-directory-store.js';
import { AssistantBot } from '../../bot/assistant-bot.js';
import { silentLogger } from '../../bot/logger.js';
import { questionKey } from '../../knowledge/index.js';
import { seedDemoData } from '../../portal/index.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './database.js';

export const DESK_TOKEN = 'desk-token-0123456789abcdef';
const DAY = 86_400_000;

export interface DeskWorld {
  database: TestDatabase;
  http: HttpServer;
  base: string;
  /** Case numbers of the demo data, with a channel recorded for some. */
  caseNumbers: string[];
  dispose(): Promise<void>;
}

/** Figures of every kind, some in this week, some weeks back and some older than a year. */
async function fill(database: TestDatabase, now: Date): Promise<string[]> {
  const db = database.db;
  const ago = (days: number, hours = 0): string => new Date(now.getTime() - days * DAY - hours * 3_600_000).toISOString();
  const feedback: [string, boolean, number][] = [
    ['glemt-adgangskode', true, 0], ['glemt-adgangskode', true, 8], ['glemt-adgangskode', false, 9], ['loenseddel', false, 1], ['loenseddel', false, 15],
    ['loenseddel', true, 22], ['system-cip', false, 30], ['faellespostkasser', true, 40], ['faellespostkasser', true, 400],
  ];
  for (const [article, helpful, days] of feedback) {
    await db.query("INSERT INTO kb_feedback (question, article_id, helpful, locale, at) VALUES ('spørgsmål', $1, $2, 'da', $3)", [article, helpful, ago(days, 1)]);
  }
  const unanswered: [string, number][] = [
    ['Hvordan bestiller jeg kaffe?', 1], ['hvordan bestiller jeg kaffe', 3], ['HVORDAN bestiller jeg kaffe!', 10], ['Kan jeg få en ny skærm?', 2], ['kan jeg få en ny skærm', 20],
    ['Hvornår kommer min løn?', 5], ['Gammelt spørgsmål', 500],
  ];
  for (const [question, days] of unanswered) {
    await db.query("INSERT INTO kb_unanswered (question, question_key, locale, at) VALUES ($1, $2, 'da', $3)", [question, questionKey(question), ago(days, 2)]);
  }
  for (const [article, days] of [['loenseddel', 0], ['glemt-adgangskode', 6], ['glemt-adgangskode', 13], ['loenseddel', 200]] as const) {
    await db.query("INSERT INTO case_deflection (article_id, area_id, form_id, channel_id, locale, at) VALUES ($1, 'loen-hr', 'loen-hr.fejl-i-loenkoersel', 'webchat', 'da', $2)", [article, ago(days, 3)]);
  }
  // The demo cases, spread over the last weeks (their creation times are the seed's clock's otherwise).
  const numbers = (await db.query<{ number: string }>('SELECT number FROM portal_case ORDER BY seq')).rows.map((r) => r.number);
  for (const [i, number] of numbers.entries()) {
    await db.query('UPDATE portal_case SET created_at = $2 WHERE number = $1', [number, ago(i * 5, 4)]);
    if (i % 3 === 0) await db.query("INSERT INTO case_channel (case_number, channel_id) VALUES ($1, 'webchat')", [number]);
    if (i % 3 === 1) await db.query("INSERT INTO case_channel (case_number, channel_id) VALUES ($1, 'msteams')", [number]);
  }
  const user = (await db.query<{ id: string }>('SELECT id::text AS id FROM portal_user LIMIT 1')).rows[0]?.id;
  const deliveries: [string, string, number][] = [['ev-1', 'failed', 2], ['ev-2', 'failed', 9], ['ev-3', 'sent', 1], ['ev-4', 'failed', 300]];
  for (const [event, status, days] of deliveries) {
    await db.query(
      `INSERT INTO notification_delivery (event_id, user_id, event, status, attempts, channel_id, last_error, created_at)
       VALUES ($1, $2, $3, $4, 5, 'msteams', 'Forbindelsen blev afbrudt', $5)`,
      [event, user, JSON.stringify({ type: 'case.status_changed', caseNumber: numbers[0] }), status, ago(days, 5)],
    );
  }
  return numbers;
}

export async function createDeskWorld(kind: DatabaseKind, options: { token?: string | undefined; now?: Date } = {}): Promise<DeskWorld> {
  const database = await createTestDatabase(kind);
  const directory = new PgDirectoryStore(database.db);
  const cases = new PgCaseStore(database.db);
  await seedDemoData(directory, cases);
  const caseNumbers = await fill(database, options.now ?? new Date());
  const token = 'token' in options ? options.token : DESK_TOKEN;
  const titles: Record<string, string> = { 'glemt-adgangskode': 'Glemt adgangskode', loenseddel: 'Lønseddel', 'system-cip': 'CIP', faellespostkasser: 'Fællespostkasser' };
  const http = createHttpServer({
    adapter: createBotAdapter({ appType: 'MultiTenant', logger: silentLogger, onTurnError: async () => undefined }),
    bot: new AssistantBot(),
    readiness: async () => ({ database: await database.db.ping() }),
    logger: silentLogger,
    maxBodyBytes: 65_536,
    routes: [
      ...(token
        ? [
            agentApiRoutes({
              token,
              cases,
              directory,
              logger: silentLogger,
              insights: {
                source: new PgDeskStore(database.db),
                // A stand-in for the knowledge base's ranking: questions about pay come closest to the payslip article.
                closest: (question) => (/løn/i.test(question) ? { articleId: 'loenseddel', title: 'Lønseddel' } : undefined),
                articleTitle: (id) => titles[id],
              },
            }),
          ]
        : []),
      deskPageRoutes({ enabled: token !== undefined }),
    ],
  });
  const base = await http.listen(0, '127.0.0.1');
  return {
    database,
    http,
    base,
    caseNumbers,
    async dispose() {
      await http.close(1000);
      await database.dispose();
    },
  };
}
