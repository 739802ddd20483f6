import { beforeAll, describe, expect, it } from 'vitest';
import { CaseDialog } from '../../dialogs/case.dialog.js';
import { DIALOG_IDS } from '../../dialogs/dialog-ids.js';
import type { Language, Slots } from '../../dialogs/ports.js';
import { casePrefillFrom } from '../../dialogs/prefill.js';
import { actions, demoPortal, DialogChat, oneMessage, without } from './dialog-chat.js';
import { CASE_NUMBER } from '../support/case-number.js';

/** Demo-instituttet only, no shared mailbox: the form's first field comes right after the path. */
const OLE = 'ole@demo-institut.dk';

describe('the case dialog', () => {
  let demo: Awaited<ReturnType<typeof demoPortal>>;
  beforeAll(async () => {
    demo = await demoPortal();
  });

  /** The case dialog begun as the router begins it: with the prefill from the first message and its slots. */
  function caseChat(slots: Slots, lang: Language = 'da'): DialogChat {
    const dialog = new CaseDialog({ portal: demo.portal, directory: demo.directory });
    return new DialogChat(
      dialog,
      async (dc, text) => {
        const user = await demo.user(OLE);
        const options = await demo.portal.caseOptions(user);
        if (!options.ok) throw new Error('no case options');
        return dc.beginDialog(DIALOG_IDS.createCase, {
          prefill: casePrefillFrom(text, slots),
          userId: user.id,
          userEmail: user.email,
          institutions: options.value.institutions.map((i) => ({ id: i.id, name: i.name })),
          mailboxes: options.value.mailboxes.map((m) => ({ id: m.id, email: m.email })),
        });
      },
      lang,
    );
  }

  describe('when the first message names area, system and form', () => {
    it('says the path it chose and asks the first field in the same message; «Vælg et andet» goes back to the area', async () => {
      await caseChat({ systemId: 'indfak', formId: 'oekonomi.faktura' }).run([
        ['kan du oprette en sag til mig om en faktura i IndFak', ['Jeg har valgt Økonomi og Regnskab → IndFak/SDI → Faktura i IndFak.', 'Hvad er problemet?', actions('Fakturaen er afvist', 'Vælg et andet'), oneMessage]],
        ['Vælg et andet', ['Hvilket område', without('Jeg har valgt'), without('Vælg et andet')]],
        ['Økonomi og Regnskab', ['Hvilket system', without('Jeg har valgt')]],
        ['RejsUd', 'Hvilken formular'],
      ]);
    });

    it('says it in English to a user writing English, and takes the typed words', async () => {
      await caseChat({ systemId: 'indfak', formId: 'oekonomi.faktura' }, 'en').run([
        ['please create a case about an invoice in IndFak', ['I have chosen Finance and Accounting → IndFak/SDI → Invoice in IndFak.', 'What is the problem?', actions('Choose another'), oneMessage]],
        ['choose another', 'Which area is your request about?'],
      ]);
    });

    it('takes the first answer and stops offering another path', async () => {
      await caseChat({ systemId: 'indfak', formId: 'oekonomi.faktura' }).run([
        ['opret en sag om en faktura i IndFak', 'Jeg har valgt'],
        ['Fakturaen er afvist', ['Fakturanummer', without('Jeg har valgt'), (reply) => expect(reply.actions).not.toContain('Vælg et andet')]],
      ]);
    });
  });

  describe('when the first message names only the area', () => {
    it('says the area and asks the system', async () => {
      await caseChat({ areaId: 'oekonomi' }).run([['opret en sag om økonomi', ['Jeg har valgt Økonomi og Regnskab.', 'Hvilket system', actions('RejsUd', 'Vælg et andet'), oneMessage]]]);
    });
  });

  describe('when the first message says what is wrong', () => {
    it('takes it as the description and does not ask for one', async () => {
      const said = 'opret en sag: fakturaen fra Kontorland A/S er afvist tre gange i denne måned';
      await caseChat({ formId: 'oekonomi.faktura' }).run([
        [said, ['Fra din besked har jeg udfyldt «Hvad er problemet» Fakturaen er afvist og «Leverandør» Kontorland A/S.', 'Fakturanummer']],
        ['F-1', 'CVR'],
        ['spring over', 'Fakturadato'],
        ['spring over', 'Beløb'],
        ['spring over', ['Her er din sag', 'afvist tre gange i denne måned', without('**Beskrivelse**\n')]],
      ]);
    });
  });

  describe('when the router is in doubt that a text answers the field', () => {
    it('asks «Er det dit svar til …?» at choice, code, name, date, number and long-text fields, and stores only what the user confirms', async () => {
      const last = await caseChat({ formId: 'oekonomi.faktura' }).run([
        ['opret en sag om en faktura i IndFak', 'Hvad er problemet?'],
        [{ doubt: 'afvist' }, ['Du skrev «afvist».', 'Er det dit svar til «Hvad er problemet?»?', actions('Ja', 'Nej'), oneMessage]],
        ['Ja', 'Fakturanummer'],
        [{ doubt: 'Hvordan nulstiller jeg min adgangskode?' }, ['Du skrev «Hvordan nulstiller jeg min adgangskode?».', 'Er det dit svar til «Fakturanummer»?']],
        ['Nej', ['Fakturanummer', without('Er det dit svar'), without('Skriv')]],
        ['F-2026-17', 'Leverandør'],
        [{ doubt: 'hvad er RejsUd?' }, 'Er det dit svar til «Leverandør»?'],
        ['Kontorland A/S', 'CVR-nummer'],
        ['spring over', 'Fakturadato'],
        [{ doubt: '32-13-2026' }, ['Skriv en gyldig dato', 'Fakturadato', without('Er det dit svar')]],
        [{ doubt: '01-03-2026' }, 'Er det dit svar til «Fakturadato»?'],
        ['ja', 'Beløb'],
        [{ doubt: '1.250,50' }, 'Er det dit svar til «Beløb»?'],
        ['Ja', 'Beskrivelse'],
        [{ doubt: 'Hvorfor er fakturaen afvist, når den er konteret rigtigt?' }, 'Er det dit svar til «Beskrivelse»?'],
        ['Ja', ['Her er din sag', 'Kontorland A/S', '1.250,50 kr.']],
        ['Bekræft', 'Din sag er oprettet'],
      ]);
      const number = CASE_NUMBER.exec(last.text)?.[0] ?? '';
      const created = await demo.cases.getByNumber(number);
      expect(created?.values).toEqual({
        problem: 'afvist',
        fakturanummer: 'F-2026-17',
        leverandoer: 'Kontorland A/S',
        fakturadato: '2026-03-01',
        beloeb: 1250.5,
        beskrivelse: 'Hvorfor er fakturaen afvist, når den er konteret rigtigt?',
      });
    });

    it('asks in English too', async () => {
      await caseChat({ formId: 'oekonomi.faktura' }, 'en').run([
        ['create a case about an invoice', 'What is the problem?'],
        ['The invoice was rejected', 'Invoice number'],
        [{ doubt: 'what is an invoice number?' }, ['You wrote «what is an invoice number?».', 'Is that your answer to «Invoice number»?', actions('Yes', 'No')]],
        ['No', 'Invoice number'],
      ]);
    });
  });
});
