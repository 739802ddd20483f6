import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTranscript } from '../support/case-plans.js';
import { actions, Chat, createConversationWorld, without, type ConversationWorld, type TranscriptRow } from '../support/conversation.js';

const ANNA = 'anna@eksempelstyrelsen.dk';
/** A description the shipped article about payslips answers. */
const DESCRIPTION = 'Jeg kan ikke se min lønseddel i e-Boks';

/** Anna's case about a payroll run up to its description (the next field is the phone number). */
function upToDescription(): TranscriptRow[] {
  const rows = caseTranscript({ areaId: 'loen-hr', systemSays: 'sls', formId: 'loen-hr.fejl-i-loenkoersel', sentFromSays: 'Fra mig', answers: { beskrivelse: DESCRIPTION } });
  const at = rows.findIndex(([says]) => says === DESCRIPTION);
  if (at < 0) throw new Error('the plan has no description');
  return rows.slice(0, at);
}

describe('deflection at submit', () => {
  let world: ConversationWorld;
  beforeAll(async () => {
    world = await createConversationWorld();
  });
  afterAll(async () => world.dispose());

  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await world.database.db.query<{ n: unknown }>(sql, params)).rows[0]?.n);

  describe('when the description is answered by an article', () => {
    it('offers the article before the summary; «Det løste det» creates no case and records a deflection with the user', async () => {
      const casesBefore = (await world.allCases()).length;
      const chat = new Chat(world, ANNA);
      await chat.run([
        ...upToDescription(),
        [DESCRIPTION, ['Måske kan denne artikel hjælpe:', 'lønseddel', 'e-Boks', actions('Det løste det', 'Send sagen alligevel'), without('Telefonnummer')]],
        ['Det løste det', ['ikke oprettet nogen sag', without('SA-')]],
      ]);
      expect((await world.allCases()).length).toBe(casesBefore);
      const anna = await world.directory.getUserByEmail(ANNA);
      const rows = await world.database.db.query<{ article_id: string; user_id: string; form_id: string; area_id: string; locale: string }>(
        'SELECT article_id, user_id::text AS user_id, form_id, area_id, locale FROM case_deflection',
      );
      expect(rows.rows).toEqual([{ article_id: 'loenseddel', user_id: anna?.id, form_id: 'loen-hr.fejl-i-loenkoersel', area_id: 'loen-hr', locale: 'da' }]);
    });

    it('«Send sagen alligevel» goes on to the next field and the summary, and the case records the article offered', async () => {
      const deflectedBefore = await count('SELECT count(*) AS n FROM case_deflection');
      const chat = new Chat(world, ANNA);
      const last = await chat.run([
        ...upToDescription(),
        [DESCRIPTION, 'Måske kan denne artikel hjælpe:'],
        ['Send sagen alligevel', ['Telefonnummer', without('Måske kan denne artikel')]],
        ['12345678', ['Her er din sag', DESCRIPTION]],
        ['Bekræft', 'Din sag er oprettet med nummeret'],
      ]);
      const number = /SA-\d{4}-\d{6}/.exec(last.text)?.[0];
      expect(number).toBeDefined();
      expect(await count('SELECT count(*) AS n FROM case_deflection')).toBe(deflectedBefore);
      const channel = await world.database.db.query<{ offered_article_id: string | null }>('SELECT offered_article_id FROM case_channel WHERE case_number = $1', [number]);
      expect(channel.rows).toEqual([{ offered_article_id: 'loenseddel' }]);
    });

    it('asks again, with the article, when the answer is neither choice', async () => {
      const chat = new Chat(world, ANNA);
      await chat.run([
        ...upToDescription(),
        [DESCRIPTION, 'Måske kan denne artikel hjælpe:'],
        ['måske', ['Vælg "Det løste det" eller "Send sagen alligevel"', actions('Det løste det', 'Send sagen alligevel')]],
        ['send sagen alligevel', 'Telefonnummer'],
      ]);
    });
  });

  describe('when no article answers the description clearly', () => {
    it('goes straight on with the case', async () => {
      const chat = new Chat(world, ANNA);
      await chat.run([...upToDescription(), ['Integrationen til CIP fejler.', ['Telefonnummer', without('Måske kan denne artikel')]]]);
    });
  });
});
