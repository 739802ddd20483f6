import type { TurnContext } from 'botbuilder';
import { beforeAll, describe, expect, it } from 'vitest';
import { CardSubmissions } from '../../../adapters/teams/card-submissions.js';
import { silentLogger } from '../../../bot/logger.js';
import { CPR_MASK } from '../../../portal/index.js';
import { demoPortal } from '../../dialogs/dialog-chat.js';

const OWNER = '29:ole';
const context = { activity: { from: { id: OWNER }, conversation: { id: 'c-1' } } } as unknown as TurnContext;

const valid = {
  formStep: 'submit',
  formId: 'oekonomi.faktura',
  owner: OWNER,
  _sentFrom: 'self',
  problem: 'betaling',
  fakturanummer: 'F-77',
  leverandoer: 'Kontorland A/S',
  beskrivelse: 'Leverandøren rykker for betaling af fakturaen.',
};

describe('Teams card submissions: CPR numbers', () => {
  let demo: Awaited<ReturnType<typeof demoPortal>>;
  let submissions: CardSubmissions;
  beforeAll(async () => {
    demo = await demoPortal();
    const ole = await demo.user('ole@demo-institut.dk');
    submissions = new CardSubmissions({ portal: demo.portal, identity: { resolve: () => Promise.resolve({ userId: ole.id }) }, logger: silentLogger });
  });

  describe('when a free-text answer holds a CPR number', () => {
    const cases: [field: string, value: string][] = [
      ['beskrivelse', 'Medarbejderen med CPR 010190-1234 har ikke fået betaling.'],
      ['leverandoer', 'Kontorland 0101901234'],
    ];
    it.each(cases)('refuses the card with the reason as an error at %s, and creates no case', async (field, value) => {
      const before = (await demo.portal.myCases((await demo.user('ole@demo-institut.dk')).id, { limit: 100 }));
      const reply = await submissions.handleSubmission(context, { ...valid, dialogInstanceId: `cpr-${field}`, [field]: value }, 'da');
      const card = JSON.stringify(reply?.card);
      expect(reply?.messages.join(' ')).not.toMatch(/SA-\d{4}/);
      expect(card).toContain(`${field}__error`);
      expect(card).toContain('CPR-numre hører ikke hjemme i en sag');
      expect(card).toContain('Input.');
      const after = await demo.portal.myCases((await demo.user('ole@demo-institut.dk')).id, { limit: 100 });
      expect(after.ok && before.ok && after.value.items.length).toBe(before.ok ? before.value.items.length : -1);
    });

    it('gives the reason in English to an English user', async () => {
      const reply = await submissions.handleSubmission(context, { ...valid, dialogInstanceId: 'cpr-en', beskrivelse: 'The employee 010190 1234 was not paid.' }, 'en');
      expect(JSON.stringify(reply?.card)).toContain('CPR numbers do not belong in a case');
    });
  });

  describe('when the number is masked, or is not a real date', () => {
    it.each([
      ['masked', `Medarbejderen med CPR ${CPR_MASK} har ikke fået betaling.`],
      ['an invoice number', 'Faktura 3213991234 er ikke betalt.'],
    ])('creates the case (%s)', async (_what, beskrivelse) => {
      const reply = await submissions.handleSubmission(context, { ...valid, dialogInstanceId: `ok-${beskrivelse.length}`, beskrivelse }, 'da');
      expect(reply?.messages.join(' ')).toMatch(/SA-\d{4}-\d{6}/);
      expect(JSON.stringify(reply?.card)).not.toContain('__error');
    });
  });
});
