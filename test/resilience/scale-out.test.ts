import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../adapters/postgres/migrate.js';
import type { PgDatabase } from '../../adapters/postgres/pg-database.js';
import { startServerProcess, type ServerProcess } from '../../scripts/bench/load.js';
import { ANNA, annaCaseTurns, caseNumberIn, Chat, FAILURE_REPLY } from '../support/chat.js';
import { connectToSchema, createSchema, dropSchema, newSchemaName, schemaUrl } from '../support/database.js';

/**
 * Several assistant processes on one PostgreSQL schema, as behind a load balancer: real child
 * processes (`main.ts`), real PostgreSQL, the Bot Framework protocol over HTTP.
 */
describe('several assistant processes on one database', () => {
  const schema = newSchemaName();
  const chat = new Chat();
  let db: PgDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let doomed: ServerProcess;
  let successor: ServerProcess | undefined;

  const env = () => ({
    DATABASE_URL: schemaUrl(schema),
    DEMO_MODE: 'true',
    WEBCHAT_TOKEN_SECRET: 'resilience-test-secret-0123456789abcdef',
    NOTIFICATIONS_ENABLED: 'false',
    SHUTDOWN_GRACE_SECONDS: '1',
  });

  async function casesTagged(tag: string): Promise<string[]> {
    const { rows } = await db.query<{ number: string }>(`SELECT number FROM portal_case WHERE field_values->>'beskrivelse' LIKE $1`, [`%${tag}%`]);
    return rows.map((r) => r.number);
  }

  beforeAll(async () => {
    await createSchema(schema);
    db = connectToSchema(schema);
    await migrate(db);
    await chat.start();
    // Started at once: the demo seed must cope with several processes starting together.
    [a, b, doomed] = await Promise.all([startServerProcess('main.ts', env()), startServerProcess('main.ts', env()), startServerProcess('main.ts', env())]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), doomed?.stop(), successor?.stop()]);
    await chat.stop();
    await db?.close();
    await dropSchema(schema);
  }, 30_000);

  describe('when the turns of one case dialog alternate between two processes', () => {
    const tag = `alt-${Date.now()}`;
    const conv = 'scale-alternate';
    let number: string | undefined;

    it('asks every next question on whichever process gets the turn, and creates the case once', async () => {
      const turns = annaCaseTurns(`To medarbejdere mangler løn (${tag}).`);
      for (const [i, [say, want]] of turns.entries()) {
        const reply = await chat.say(i % 2 === 0 ? a.url : b.url, ANNA, conv, say);
        expect(reply.text, `turn ${i} "${say}"`).toContain(want);
      }
      number = caseNumberIn(chat.connector.for(conv).at(-1)?.text ?? '');
      expect(number).toBeDefined();
      expect(await casesTagged(tag)).toEqual([number]);
    });

    it('both processes agree afterwards: a second "Bekræft" on either says it exists, "mine sager" on either lists it', async () => {
      for (const url of [a.url, b.url]) {
        const again = await chat.say(url, ANNA, conv, 'Bekræft');
        expect(again.text).toContain(`allerede oprettet med nummeret **${number}**`);
        const mine = await chat.say(url, ANNA, `${conv}-mine-${url}`, 'mine sager');
        expect(mine.text).toContain(`**${number}**`);
      }
      expect(await casesTagged(tag)).toEqual([number]);
    });
  });

  describe('when two turns of one conversation arrive at two processes at the same moment', () => {
    const tag = `conc-${Date.now()}`;
    const conv = 'scale-concurrent';

    it('answers both sensibly at every step (an answer on one, "mine sager" on the other) and the dialog goes on', async () => {
      const turns = annaCaseTurns(`Løn mangler for to medarbejdere (${tag}).`);
      const [first, ...rest] = turns;
      expect((await chat.say(a.url, ANNA, conv, first?.[0] ?? '')).text).toContain(first?.[1]);
      // Every step but "Bekræft": the answer must move the dialog exactly one step whichever turn wins the race.
      for (const [i, [say, want]] of rest.slice(0, -1).entries()) {
        const [answerAt, interruptAt] = i % 2 === 0 ? [a.url, b.url] : [b.url, a.url];
        const [answer, interrupt] = await Promise.all([chat.say(answerAt, ANNA, conv, say), chat.say(interruptAt, ANNA, conv, 'mine sager')]);
        expect(answer.status, `step ${i + 1}`).toBeLessThan(300);
        expect(answer.text, `step ${i + 1} "${say}"`).toContain(want);
        expect(answer.text).not.toMatch(FAILURE_REPLY);
        expect(interrupt.text, `step ${i + 1} interruption`).toContain('Dine sager');
        expect(interrupt.text).not.toMatch(FAILURE_REPLY);
      }
    });

    it('a double "Bekræft" sent to both processes at once creates one case, and both replies name it', async () => {
      const [onA, onB] = await Promise.all([chat.say(a.url, ANNA, conv, 'Bekræft'), chat.say(b.url, ANNA, conv, 'Bekræft')]);
      const replies = [onA.text, onB.text];
      for (const text of replies) expect(text).not.toMatch(FAILURE_REPLY);
      expect(replies.filter((t) => t.includes('Din sag er oprettet med nummeret'))).toHaveLength(1);
      expect(replies.filter((t) => t.includes('allerede oprettet'))).toHaveLength(1);
      const numbers = replies.map(caseNumberIn);
      expect(numbers[0]).toBeDefined();
      expect(numbers[0]).toBe(numbers[1]);
      expect(await casesTagged(tag)).toEqual([numbers[0]]);
    });

    it('the same answer sent at once to both processes is taken exactly once: the other copy is re-asked, none fails', async () => {
      const twin = 'scale-twins';
      expect((await chat.say(a.url, ANNA, twin, 'opret en sag')).text).toContain('Hvilket område');
      // Without serialised turns both copies would read "which area" and both answer it (last write wins).
      for (let round = 0; round < 6; round++) {
        const [x, y] = await Promise.all([chat.say(a.url, ANNA, twin, 'Statens Løn og HR'), chat.say(b.url, ANNA, twin, 'Statens Løn og HR')]);
        const texts = [x.text, y.text];
        for (const text of texts) {
          expect(text, `round ${round}`).not.toMatch(FAILURE_REPLY);
          expect(text).toContain('Hvilket system');
        }
        expect(texts.filter((t) => t.includes('er ikke en af mulighederne')), `round ${round}: ${JSON.stringify(texts)}`).toHaveLength(1);
        expect((await chat.say(round % 2 === 0 ? b.url : a.url, ANNA, twin, 'forfra')).text).toContain('Hvilket område');
      }
      expect((await chat.say(a.url, ANNA, twin, 'Statens Løn og HR')).text).toContain('Hvilket system');
      expect((await chat.say(b.url, ANNA, twin, 'SLS')).text).toContain('Hvilken formular');
    });
  });

  describe('when a process is killed with SIGKILL in the middle of a turn', () => {
    const tag = `kill-${Date.now()}`;
    const conv = 'scale-sigkill';

    it('a new process continues the conversation where it was, without waiting for the dead process\'s lock, and the case is created once', async () => {
      const turns = annaCaseTurns(`Lønkørslen fejlede (${tag}).`);
      for (const [say, want] of turns.slice(0, 5)) expect((await chat.say(doomed.url, ANNA, conv, say)).text).toContain(want);

      // Killed while its turn holds the conversation lock and waits for the connector: nothing saved.
      const [killedSay] = turns[5] ?? [];
      chat.connector.respond = (activity) => {
        if (activity.conversation?.id === conv) doomed.child.kill('SIGKILL');
        return 200;
      };
      const exited = new Promise<void>((resolve) => doomed.child.once('exit', () => resolve()));
      await chat.say(doomed.url, ANNA, conv, killedSay ?? '').catch(() => undefined);
      await exited;
      chat.connector.respond = () => 200;
      expect(doomed.child.signalCode).toBe('SIGKILL');

      successor = await startServerProcess('main.ts', env());
      const started = performance.now();
      for (const [say, want] of turns.slice(5)) {
        const reply = await chat.say(successor.url, ANNA, conv, say);
        expect(reply.text, `"${say}" on the new process`).toContain(want);
      }
      expect(performance.now() - started).toBeLessThan(10_000);
      const number = caseNumberIn(chat.connector.for(conv).at(-1)?.text ?? '');
      expect(await casesTagged(tag)).toEqual([number]);
    }, 60_000);
  });
});
