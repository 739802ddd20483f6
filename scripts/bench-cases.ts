/**
 * npm run bench:cases [-- --db=postgres|pglite] [--cases=100000] [--concurrency=16] [--queries=2000]
 *
 * Creates a directory (institutions, users, shared mailboxes), inserts the cases through
 * PgCaseStore.create (the real path: transaction, history event, outbox), then measures "my
 * cases" (own + my mailboxes', newest first, 10 per page) for random users and for the heaviest
 * user and mailbox. PostgreSQL runs in a fresh schema of --url (default the test database) that
 * is dropped afterwards; PGlite runs in memory.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Database } from '../adapters/postgres/database.js';
import { migrate } from '../adapters/postgres/migrate.js';
import { PgCaseStore, VISIBLE_CASES_SQL } from '../adapters/postgres/pg-case-store.js';
import { PgDatabase, quoteIdent } from '../adapters/postgres/pg-database.js';
import { PgDirectoryStore } from '../adapters/postgres/pg-directory-store.js';
import { PgliteDatabase } from '../adapters/postgres/pglite-database.js';
import { visibilityScope, type NewCase, type User, type VisibilityScope } from '../portal/index.js';

interface Options {
  db: 'postgres' | 'pglite';
  url: string;
  cases: number;
  concurrency: number;
  queries: number;
}

function options(argv: string[]): Options {
  const get = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const db = get('db') ?? 'postgres';
  if (db !== 'postgres' && db !== 'pglite') throw new Error('bench-cases: --db must be postgres or pglite');
  return {
    db,
    url: get('url') ?? 'postgres://postgres@127.0.0.1:5432/test',
    cases: Number(get('cases') ?? 100_000),
    concurrency: Number(get('concurrency') ?? (db === 'pglite' ? 1 : 16)),
    queries: Number(get('queries') ?? 2000),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summary(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const f = (n: number): string => n.toFixed(2);
  return `p50 ${f(percentile(s, 50))} ms · p95 ${f(percentile(s, 95))} ms · p99 ${f(percentile(s, 99))} ms · max ${f(s[s.length - 1] ?? Number.NaN)} ms (n=${s.length})`;
}

/** A small deterministic PRNG, so runs are comparable. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const schema = `bench_${Date.now().toString(36)}`;
  let db: Database;
  let admin: pg.Client | undefined;
  if (o.db === 'postgres') {
    admin = new pg.Client({ connectionString: o.url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    db = new PgDatabase({ connectionString: o.url, schema, poolSize: Math.max(o.concurrency, 4) });
  } else {
    db = await PgliteDatabase.open();
  }
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  try {
    await migrate(db);
    const rand = random(42);
    const cases = new PgCaseStore(db);
    const directory = new PgDirectoryStore(db);

    // Directory: 20 institutions × (100 employees + 3 shared mailboxes with 10 members each).
    const institutions = 20;
    const employees: User[] = [];
    const mailboxes: User[] = [];
    const membersOf = new Map<string, User[]>();
    for (let i = 0; i < institutions; i++) {
      const id = `inst-${i}`;
      await directory.createInstitution({ id, name: `Institution ${i}`, domains: [`inst${i}.dk`], allowSubdomains: false });
      const staff: User[] = [];
      for (let u = 0; u < 100; u++) {
        const r = await directory.createUser({ email: `u${u}@inst${i}.dk`, name: `Bruger ${u}`, primaryInstitutionId: id, kind: 'employee' });
        if (r.ok) staff.push(r.value);
      }
      employees.push(...staff);
      for (let m = 0; m < 3; m++) {
        const r = await directory.createUser({ email: `post${m}@inst${i}.dk`, name: `Postkasse ${m}`, primaryInstitutionId: id, kind: 'sharedMailbox' });
        if (!r.ok) continue;
        mailboxes.push(r.value);
        const members = staff.slice(m * 10, m * 10 + 10);
        membersOf.set(r.value.id, members);
        for (const member of members) {
          await directory.attachMember({ mailboxId: r.value.id, memberId: member.id, addedBy: 'bench', addedAt: new Date().toISOString() });
        }
      }
    }
    // One heavy requester (5% of all cases) and one heavy mailbox (10%), the worst case of "my cases".
    const heavyUser = employees[0];
    const heavyMailbox = mailboxes[0];
    if (!heavyUser || !heavyMailbox) throw new Error('bench-cases: no users');
    log(`bench-cases: ${o.db}, ${employees.length} employees, ${mailboxes.length} shared mailboxes in ${institutions} institutions`);

    const newCase = (n: number): NewCase => {
      const r = rand();
      let requester: User;
      let sentFrom: User;
      if (r < 0.05) {
        requester = heavyUser;
        sentFrom = heavyUser;
      } else if (r < 0.15) {
        const members = membersOf.get(heavyMailbox.id) ?? [heavyUser];
        requester = members[Math.floor(rand() * members.length)] ?? heavyUser;
        sentFrom = heavyMailbox;
      } else if (r < 0.3) {
        const mailbox = mailboxes[Math.floor(rand() * mailboxes.length)] ?? heavyMailbox;
        const members = membersOf.get(mailbox.id) ?? [heavyUser];
        requester = members[Math.floor(rand() * members.length)] ?? heavyUser;
        sentFrom = mailbox;
      } else {
        requester = employees[Math.floor(rand() * employees.length)] ?? heavyUser;
        sentFrom = requester;
      }
      return {
        areaId: 'loen-hr',
        systemId: 'sls',
        formId: 'loen-hr.generel',
        formVersion: 1,
        values: { emne: `Sag ${n}`, beskrivelse: 'Hvor finder jeg min lønseddel for marts? Den mangler i portalen.' },
        subject: `Sag ${n}`,
        institutionId: requester.primaryInstitutionId,
        requesterId: requester.id,
        sentFromId: sentFrom.id,
      };
    };

    // Creation through the store, `concurrency` at a time.
    const createLatencies: number[] = [];
    let next = 0;
    const started = performance.now();
    let lastReport = started;
    const worker = async (): Promise<void> => {
      for (;;) {
        const n = next++;
        if (n >= o.cases) return;
        const input = newCase(n);
        const t0 = performance.now();
        const r = await cases.create(input, { idempotencyKey: `bench-${n}` });
        createLatencies.push(performance.now() - t0);
        if (!r.ok) throw new Error(r.error.code);
        if (performance.now() - lastReport > 10_000) {
          lastReport = performance.now();
          process.stderr.write(`  … ${n} cases\n`);
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, () => worker()));
    const seconds = (performance.now() - started) / 1000;
    log(`create: ${o.cases} cases in ${seconds.toFixed(1)} s = ${(o.cases / seconds).toFixed(0)} cases/s (concurrency ${o.concurrency})`);
    log(`create latency: ${summary(createLatencies)}`);
    await db.query('ANALYZE');

    // "My cases": the scope as the service builds it, then the first page.
    const scopes = new Map<string, VisibilityScope>();
    const scopeOf = async (user: User): Promise<VisibilityScope> => {
      let scope = scopes.get(user.id);
      if (!scope) {
        scope = visibilityScope(user, await directory.mailboxesOf(user.id));
        scopes.set(user.id, scope);
      }
      return scope;
    };
    const measure = async (label: string, users: User[], page: { limit: number; pages: number }): Promise<void> => {
      const samples: number[] = [];
      let seen = 0;
      for (let i = 0; i < o.queries; i++) {
        const user = users[Math.floor(rand() * users.length)] ?? heavyUser;
        const scope = await scopeOf(user);
        let after: string | null = null;
        for (let p = 0; p < page.pages; p++) {
          const t0 = performance.now();
          const result = await cases.listVisible(scope, { limit: page.limit, after });
          samples.push(performance.now() - t0);
          seen += result.items.length;
          after = result.next;
          if (after === null) break;
        }
      }
      log(`my cases, ${label}: ${summary(samples)} · ${(seen / samples.length).toFixed(1)} cases/page`);
    };
    const mailboxMembers = membersOf.get(heavyMailbox.id) ?? [];
    // Warm the caches the way a running service would be.
    await measure('warm-up', employees, { limit: 10, pages: 1 });
    await measure('random user, page 1', employees, { limit: 10, pages: 1 });
    await measure('random mailbox member, page 1', [...membersOf.values()].flat(), { limit: 10, pages: 1 });
    await measure(`heaviest requester (${Math.round(o.cases * 0.05)} own cases + heavy mailbox), page 1`, [heavyUser], { limit: 10, pages: 1 });
    await measure(`heavy mailbox members (~${Math.round(o.cases * 0.1)} mailbox cases), pages 1–5`, mailboxMembers, { limit: 10, pages: 5 });

    // The database's own execution time of the same query (without the client and the network),
    // which separates the query's cost from the scheduling noise of a busy machine.
    const serverSamples: number[] = [];
    for (let i = 0; i < Math.min(o.queries, 500); i++) {
      const user = employees[Math.floor(rand() * employees.length)] ?? heavyUser;
      const scope = await scopeOf(user);
      const explained = await db.query<Record<string, unknown>>(`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) ${VISIBLE_CASES_SQL}`, [
        scope.userId,
        scope.mailboxIds,
        Number.MAX_SAFE_INTEGER,
        11,
        null,
      ]);
      const json = Object.values(explained.rows[0] ?? {})[0];
      const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as Array<{ 'Execution Time': number }>;
      serverSamples.push(parsed[0]?.['Execution Time'] ?? Number.NaN);
    }
    log(`my cases, random user, page 1, execution time inside the database: ${summary(serverSamples)}`);

    const plan = await db.query<Record<string, unknown>>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${VISIBLE_CASES_SQL}`, [
      heavyUser.id,
      (await scopeOf(heavyUser)).mailboxIds,
      Number.MAX_SAFE_INTEGER,
      11,
      null,
    ]);
    log('plan (heaviest requester):');
    for (const row of plan.rows) log(`  ${String(Object.values(row)[0])}`);
  } finally {
    await db.close();
    if (admin) {
      await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await admin.end();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-cases: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
