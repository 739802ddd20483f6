import { beforeAll, describe, expect, it } from 'vitest';
import { CaseDialog } from '../../dialogs/case.dialog.js';
import { DIALOG_IDS } from '../../dialogs/dialog-ids.js';
import { answerCase, currentQuestion, expectationOf, helpFor, startCase, type CaseContext, type CaseState, type EngineResult, type Question } from '../../dialogs/form-engine.js';
import type { Language, Slots } from '../../dialogs/ports.js';
import { casePrefillFrom } from '../../dialogs/prefill.js';
import { catalogue, CPR_MASK } from '../../portal/index.js';
import { actions, demoPortal, DialogChat, oneMessage, without } from './dialog-chat.js';

const single: CaseContext = {
  catalogue,
  institutions: [{ id: 'demo-instituttet', name: 'Demo-instituttet' }],
  mailboxes: [],
  userEmail: 'ole@demo-institut.dk',
  newKey: () => 'key-1',
};
const INVOICE = { areaId: 'oekonomi', systemId: 'indfak', formId: 'oekonomi.faktura' } as const;

/** The invoice form answered up to (not including) the field `fieldId`. */
function invoiceAt(fieldId: string): CaseState {
  const before: Record<string, string> = { problem: 'Fakturaen er afvist', fakturanummer: 'F-2026-17', leverandoer: 'Kontorland A/S', cvr: '12345678', fakturadato: '01-03-2026', beloeb: '1.250,50' };
  let state = startCase(INVOICE, single);
  for (const [id, answer] of Object.entries(before)) {
    if (id === fieldId) break;
    state = answerCase(state, answer, single).state;
  }
  expect(currentQuestion(state, single)?.field).toBe(fieldId);
  return state;
}

function asked(result: EngineResult): Question {
  if (result.outcome.kind !== 'ask') throw new Error(`expected a question, got ${result.outcome.kind}`);
  return result.outcome.question;
}

const WITH_CPR = 'Min CPR er 010190-1234 og fakturaen er afvist';

describe('form engine: an answer holding a CPR number', () => {
  // [field, its type, the answer]
  const fields: [string, string, string][] = [
    ['beskrivelse', 'longText', WITH_CPR],
    ['leverandoer', 'text', 'Kontorland, kontakt 0101901234'],
    ['fakturanummer', 'text', '010190 1234'],
  ];

  describe.each(fields)('when it is typed to %s (%s)', (fieldId, _type, typed) => {
    it('does not store it but says why and offers «Fjern CPR-nummeret» / «Skriv svaret igen»', () => {
      const result = answerCase(invoiceAt(fieldId), typed, single);
      const question = asked(result);
      expect(result.state.status).toBe('cprFound');
      expect(result.state.draft.values[fieldId]).toBeUndefined();
      expect(question).toMatchObject({ step: 'cprFound', field: fieldId });
      expect(question.text.da).toContain('CPR-numre hører ikke hjemme i en sag');
      expect(question.text.en).toContain('CPR numbers do not belong in a case');
      expect(question.choices.map((c) => c.label.da)).toEqual(['Fjern CPR-nummeret', 'Skriv svaret igen']);
      expect(question.choices.map((c) => c.label.en)).toEqual(['Remove the CPR number', 'Write the answer again']);
      expect(question.current?.da).toContain(CPR_MASK);
      expect(question.current?.da).not.toMatch(/1234/);
      expect(expectationOf(result.state, single)).toMatchObject({ kind: 'choice', about: `cprFound:${fieldId}` });
      expect(helpFor(result.state, single).da).toContain('Fjern CPR-nummeret');
      expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
    });

    it('stores the answer with ######-#### in place of the number on «Fjern CPR-nummeret»', () => {
      const pending = answerCase(invoiceAt(fieldId), typed, single).state;
      const removed = answerCase(pending, 'Fjern CPR-nummeret', single);
      expect(removed.state.status).not.toBe('cprFound');
      expect(removed.state.draft.values[fieldId]).toBe(typed.replace(/\d{6}[- ]?\d{4}/, CPR_MASK));
      expect(asked(removed).field).not.toBe(fieldId);
    });

    it('asks the field again on «Skriv svaret igen», storing nothing', () => {
      const pending = answerCase(invoiceAt(fieldId), typed, single).state;
      const again = answerCase(pending, 'skriv svaret igen', single);
      expect(asked(again)).toMatchObject({ step: 'field', field: fieldId });
      expect(again.state.draft.values[fieldId]).toBeUndefined();
      expect(again.state.status).toBe('collecting');
    });
  });

  describe('when something else is typed at the question', () => {
    it('takes a new answer without a CPR number', () => {
      const pending = answerCase(invoiceAt('beskrivelse'), WITH_CPR, single).state;
      const next = answerCase(pending, 'Fakturaen er afvist to gange uden begrundelse', single);
      expect(next.state.draft.values.beskrivelse).toBe('Fakturaen er afvist to gange uden begrundelse');
      expect(asked(next).step).toBe('summary');
    });

    it('asks again when the new answer holds a CPR number too', () => {
      const pending = answerCase(invoiceAt('beskrivelse'), WITH_CPR, single).state;
      const next = answerCase(pending, 'Nej, det er 2002021234 der er afvist', single);
      expect(next.state.status).toBe('cprFound');
      expect(next.state.pendingAnswer).toEqual({ fieldId: 'beskrivelse', input: 'Nej, det er 2002021234 der er afvist' });
    });
  });

  describe('when the router is in doubt', () => {
    it('asks about the CPR number straight away, not «Er det dit svar …?» first', () => {
      const result = answerCase(invoiceAt('beskrivelse'), WITH_CPR, single, { confirm: true });
      expect(asked(result).step).toBe('cprFound');
    });
  });

  describe('when the number is not a real date', () => {
    it('takes an invoice number of ten digits as it is', () => {
      const result = answerCase(invoiceAt('fakturanummer'), '3213991234', single);
      expect(result.state.draft.values.fakturanummer).toBe('3213991234');
      expect(asked(result).field).toBe('leverandoer');
    });
  });

  describe('when the first message holds a CPR number', () => {
    it('takes a new text typed at the question as the description, and goes on with the first field', () => {
      const start = startCase({ ...INVOICE, description: WITH_CPR }, single);
      const next = answerCase(start, 'Fakturaen fra Kontorland er afvist', single);
      expect(next.state.draft.values.beskrivelse).toBe('Fakturaen fra Kontorland er afvist');
      expect(asked(next)).toMatchObject({ step: 'field', field: 'problem' });
    });

    it('asks about it at once, after the path chosen, and never shows it in the summary', () => {
      const start = startCase({ ...INVOICE, description: WITH_CPR }, single);
      expect(start.status).toBe('cprFound');
      expect(start.draft.values.beskrivelse).toBeUndefined();
      const question = currentQuestion(start, single);
      expect(question).toMatchObject({ step: 'cprFound', field: 'beskrivelse', path: { da: expect.stringContaining('Jeg har valgt') } });
      let state = answerCase(start, 'fjern', single).state;
      expect(state.draft.values.beskrivelse).toBe(`Min CPR er ${CPR_MASK} og fakturaen er afvist`);
      for (const answer of ['Fakturaen er afvist', 'F-1', 'Kontorland A/S', 'spring over', 'spring over']) state = answerCase(state, answer, single).state;
      const last = answerCase(state, 'spring over', single);
      const summary = asked(last);
      expect(summary.step).toBe('summary');
      expect(JSON.stringify(summary.summary)).toContain(CPR_MASK);
      expect(JSON.stringify(summary.summary)).not.toContain('010190');
    });
  });
});

describe('the case dialog: a CPR number in an answer', () => {
  let demo: Awaited<ReturnType<typeof demoPortal>>;
  beforeAll(async () => {
    demo = await demoPortal();
  });

  function caseChat(slots: Slots, lang: Language = 'da'): DialogChat {
    const dialog = new CaseDialog({ portal: demo.portal, directory: demo.directory });
    return new DialogChat(
      dialog,
      async (dc, text) => {
        const user = await demo.user('ole@demo-institut.dk');
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

  const upToDescription: [string, string][] = [
    ['opret en sag om en faktura i IndFak', 'Hvad er problemet?'],
    ['Fakturaen er afvist', 'Fakturanummer'],
    ['3213991234', 'Leverandør'],
    ['Kontorland A/S', 'CVR'],
    ['spring over', 'Fakturadato'],
    ['spring over', 'Beløb'],
    ['spring over', 'Beskrivelse'],
  ];

  it('says why, offers to remove it, and sends the case with ######-####', async () => {
    const last = await caseChat({ formId: 'oekonomi.faktura' }).run([
      ...upToDescription,
      ['Min CPR er 010190-1234, fakturaen er afvist', ['CPR-numre hører ikke hjemme i en sag', '\\#\\#\\#\\#\\#\\#-\\#\\#\\#\\#', without('010190'), actions('Fjern CPR-nummeret', 'Skriv svaret igen'), oneMessage]],
      ['Fjern CPR-nummeret', ['Her er din sag', without('010190')]],
      ['Bekræft', 'Din sag er oprettet'],
    ]);
    const number = /SA-\d{4}-\d{6}/.exec(last.text)?.[0] ?? '';
    const created = await demo.cases.getByNumber(number);
    expect(created?.values.beskrivelse).toBe(`Min CPR er ${CPR_MASK}, fakturaen er afvist`);
    expect(created?.values.fakturanummer).toBe('3213991234');
  });

  it('lets the user write the answer again', async () => {
    const last = await caseChat({ formId: 'oekonomi.faktura' }).run([
      ...upToDescription,
      ['Fakturaen for 0101901234 er afvist', ['CPR-numre hører ikke hjemme', actions('Skriv svaret igen')]],
      ['Skriv svaret igen', ['Beskrivelse', without('CPR-numre hører ikke hjemme')]],
      ['Fakturaen for medarbejderen er afvist', 'Her er din sag'],
      ['Bekræft', 'Din sag er oprettet'],
    ]);
    const number = /SA-\d{4}-\d{6}/.exec(last.text)?.[0] ?? '';
    expect((await demo.cases.getByNumber(number))?.values.beskrivelse).toBe('Fakturaen for medarbejderen er afvist');
  });

  it('says it in English to a user writing English', async () => {
    await caseChat({ formId: 'oekonomi.faktura' }, 'en').run([
      ['create a case about an invoice in IndFak', 'What is the problem?'],
      ['The invoice was rejected', 'Invoice number'],
      ['Kontorland 010190 1234', ['CPR numbers do not belong in a case', 'Without the CPR number your answer reads', actions('Remove the CPR number', 'Write the answer again')]],
      ['remove it', 'Supplier'],
    ]);
  });
});
