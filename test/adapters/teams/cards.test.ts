import { describe, expect, it } from 'vitest';
import { adaptiveCardSchema, type AdaptiveCard, type CardElement } from '../../../dialogs/cards/card-schema.js';
import { displayText, restoreSubmitted } from '../../../dialogs/cards/card-text.js';
import {
  FORM_STEP,
  questionFromField,
  renderCaseCard,
  renderCaseListCard,
  renderFormCard,
  renderFormChooserCard,
  renderQuestionCard,
  renderSubmittedFormCard,
} from '../../../dialogs/cards/render.js';
import { catalogue, getForm, parseForm, type Case, type CaseEvent, type FormDefinition } from '../../../portal/index.js';

function inputs(card: AdaptiveCard): CardElement[] {
  const out: CardElement[] = [];
  const walk = (elements: readonly CardElement[]): void => {
    for (const e of elements) {
      if (e.type === 'Container') walk(e.items);
      else if (e.type.startsWith('Input.')) out.push(e);
    }
  };
  walk(card.body);
  return out;
}

/** The card's shape without its texts: element types, ids and property names, in order. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'type' || k === 'id' ? v : shape(v)]));
  }
  return typeof value;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

const faktura = getForm('oekonomi.faktura') as FormDefinition;

const demoCase: Case = {
  id: 'c1',
  number: 'SA-2026-000042',
  areaId: 'oekonomi',
  systemId: 'indfak',
  formId: 'oekonomi.faktura',
  formVersion: 1,
  values: { problem: 'betaling', fakturanummer: 'F-1', leverandoer: 'A/S', beskrivelse: 'Fakturaen er ikke betalt endnu.' },
  subject: 'Faktura **ikke** betalt ${x}',
  institutionId: 'eksempelstyrelsen',
  requesterId: 'u1',
  sentFromId: 'u1',
  status: 'afventer_kunde',
  createdAt: '2026-03-01T09:05:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
};

describe('Adaptive Card rendering', () => {
  describe('when every form of the catalogue is rendered as one card', () => {
    it.each(catalogue.forms.map((f) => [f.id, f] as const))('%s is a valid 1.5 card with one input per field', (_id, form) => {
      const card = renderFormCard(form, {}, [], 'da', { dialogInstanceId: 'dlg-1', institutions: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], mailboxes: [{ id: 'm', name: 'Løn' }] });
      expect(() => adaptiveCardSchema.parse(card)).not.toThrow();
      expect(card.version).toBe('1.5');
      const ids = inputs(card).map((i) => i.id);
      for (const field of form.fields) expect(ids).toContain(field.id);
      const byId = new Map(inputs(card).map((i) => [i.id, i]));
      for (const field of form.fields) {
        const input = byId.get(field.id);
        const expected = { text: 'Input.Text', longText: 'Input.Text', email: 'Input.Text', phone: 'Input.Text', choice: 'Input.ChoiceSet', multiChoice: 'Input.ChoiceSet', yesNo: 'Input.ChoiceSet', date: 'Input.Date', number: 'Input.Number' }[field.type];
        expect(input?.type).toBe(expected);
        if (field.type === 'longText') expect(input).toMatchObject({ isMultiline: true });
        if (field.type === 'multiChoice') expect(input).toMatchObject({ isMultiSelect: true });
      }
      expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.Submit', data: { formStep: FORM_STEP.submit, formId: form.id, dialogInstanceId: 'dlg-1' } })]);
    });
  });

  describe('when a submission had errors', () => {
    it('shows each error in an attention-coloured TextBlock next to its field, and keeps the answers', () => {
      const parsed = parseForm(faktura, { problem: 'betaling', fakturanummer: 'F-1', leverandoer: 'A/S', cvr: '123', beskrivelse: 'kort' });
      expect(parsed.ok).toBe(false);
      const errors = parsed.ok ? [] : parsed.error;
      const card = renderFormCard(faktura, { problem: 'betaling', cvr: '123', beskrivelse: 'kort' }, errors, 'da', { dialogInstanceId: 'dlg-1' });
      adaptiveCardSchema.parse(card);
      const flat = JSON.stringify(card);
      expect(flat).toContain('"id":"cvr__error"');
      expect(flat).toContain('"id":"beskrivelse__error"');
      const cvrError = card.body.find((e) => e.id === 'cvr__error');
      expect(cvrError).toMatchObject({ type: 'TextBlock', color: 'Attention' });
      expect(inputs(card).find((i) => i.id === 'cvr')).toMatchObject({ value: '123' });
      expect(card.body[2]).toMatchObject({ type: 'Container', style: 'attention' });
    });
  });

  describe('when answers contain Markdown, HTML and template syntax', () => {
    const hostile = {
      fakturanummer: '${user.password}',
      leverandoer: '**fed** <script>alert(1)</script> [klik](https://evil.example) _x_',
      beskrivelse: '# Overskrift\n- punkt\n1. nummer\n${"type":"Action.OpenUrl"}\n"},{"type":"Action.Submit"',
      problem: 'andet',
    };

    it('does not change the card structure', () => {
      const plain = renderFormCard(faktura, { fakturanummer: 'a', leverandoer: 'b', beskrivelse: 'c', problem: 'andet' }, [], 'da', { dialogInstanceId: 'd' });
      const evil = renderFormCard(faktura, hostile, [], 'da', { dialogInstanceId: 'd' });
      adaptiveCardSchema.parse(evil);
      expect(shape(evil)).toEqual(shape(plain));
      expect(evil.actions).toHaveLength(1);
    });

    it('leaves no template expression in any string, and the submission restores what was typed', () => {
      const evil = renderFormCard(faktura, hostile, [], 'da', { dialogInstanceId: 'd' });
      expect(strings(evil).some((s) => s.includes('${'))).toBe(false);
      const submitted = Object.fromEntries(inputs(evil).flatMap((i) => ('value' in i && i.value !== undefined ? [[i.id, i.value]] : [])));
      expect(restoreSubmitted(submitted)).toMatchObject({ fakturanummer: hostile.fakturanummer, leverandoer: hostile.leverandoer, beskrivelse: hostile.beskrivelse });
    });

    it('escapes Markdown in display text so it shows as typed', () => {
      expect(displayText('**fed** [x](y) _i_')).toBe('\\*\\*fed\\*\\* \\[x\\]\\(y\\) \\_i\\_');
      expect(displayText('- a\n1. b\n# c')).toBe('\\- a\n1\\. b\n\\# c');
      expect(displayText('${x}')).toBe('$\u200B{x}');
    });

    it('shows a hostile subject on the case card as facts only', () => {
      const card = renderCaseCard(demoCase, [], 'da');
      adaptiveCardSchema.parse(card);
      expect(card.actions).toBeUndefined();
      expect(strings(card).some((s) => s.includes('${'))).toBe(false);
    });
  });

  describe('when single questions are rendered', () => {
    it.each(faktura.fields.map((f) => [f.type, f.id, f] as const))('a %s question (%s) is a valid card with one Next action', (_type, _id, field) => {
      const card = renderQuestionCard(questionFromField(field, 'dlg-2', undefined, { da: 'Forkert', en: 'Wrong' }), 'en');
      adaptiveCardSchema.parse(card);
      expect(card.actions?.[0]).toMatchObject({ data: { formStep: field.id, dialogInstanceId: 'dlg-2' } });
      expect(card.body.some((e) => e.type === 'TextBlock' && e.color === 'Attention')).toBe(true);
    });

    it('renders a confirm question as a summary with confirm, change and cancel', () => {
      const card = renderQuestionCard(
        { kind: 'confirm', fieldId: 'summary', label: { da: 'Tjek', en: 'Check' }, summary: [{ label: { da: 'Emne', en: 'Subject' }, value: '*x*' }], dialogInstanceId: 'd', formStep: 'confirm' },
        'da',
        'execute',
      );
      adaptiveCardSchema.parse(card);
      expect(card.actions?.map((a) => a.type)).toEqual(['Action.Execute', 'Action.Execute', 'Action.Execute']);
      expect(card.actions?.map((a) => a.data?.answer)).toEqual(['confirm', 'change', 'cancel']);
    });
  });

  describe('when a form was sent, and for status and "mine sager"', () => {
    it('the submitted card has the answers as facts and no inputs or actions', () => {
      const card = renderSubmittedFormCard(faktura, demoCase.values, demoCase.number, 'da');
      adaptiveCardSchema.parse(card);
      expect(inputs(card)).toHaveLength(0);
      expect(card.actions).toBeUndefined();
      expect(JSON.stringify(card)).toContain('SA-2026-000042');
    });

    it('the case card shows status and history as FactSets in Danish time', () => {
      const events: CaseEvent[] = [
        { id: '1', caseId: 'c1', caseNumber: demoCase.number, type: 'created', status: 'modtaget', actor: { kind: 'user', userId: 'u1' }, at: '2026-03-01T09:05:00.000Z' },
        { id: '2', caseId: 'c1', caseNumber: demoCase.number, type: 'comment', author: 'agent', text: 'Hvilken faktura?', actor: { kind: 'agent', agentId: 'a' }, at: '2026-03-02T10:00:00.000Z' },
      ];
      const card = renderCaseCard(demoCase, events, 'da');
      adaptiveCardSchema.parse(card);
      const facts = card.body.filter((e) => e.type === 'FactSet');
      expect(facts).toHaveLength(2);
      expect(JSON.stringify(facts[0])).toContain('Afventer kunde');
      expect(JSON.stringify(facts[1])).toContain('01-03-2026 10:05');
    });

    it('the case list has one block per case, each with its own "Vis" and, waiting for the customer, "Svar"', () => {
      const cases = Array.from({ length: 7 }, (_, i) => ({ ...demoCase, number: `SA-2026-00000${i + 1}`, status: i === 2 ? ('afventer_kunde' as const) : ('modtaget' as const) }));
      const card = renderCaseListCard(cases, 'en', { hasMore: true });
      adaptiveCardSchema.parse(card);
      const rows = card.body.filter((e) => e.type === 'Container');
      expect(rows).toHaveLength(7);
      const titles = rows.map((row) => (row.type === 'Container' ? row.items.flatMap((e) => (e.type === 'ActionSet' ? e.actions.map((a) => a.title) : [])) : []));
      expect(titles[0]).toEqual(['Show SA-2026-000001']);
      expect(titles[2]).toEqual(['Show SA-2026-000003', 'Answer SA-2026-000003']);
      expect(card.fallbackText).toContain('SA-2026-000003');
      expect(renderCaseListCard([], 'da').body).toHaveLength(2);
    });

    it('the form chooser offers every form', () => {
      const names = Object.fromEntries(catalogue.areas.map((a) => [a.id, a.name]));
      const card = renderFormChooserCard(catalogue.forms, names, 'da', 'd');
      adaptiveCardSchema.parse(card);
      const choiceSet = inputs(card)[0];
      expect(choiceSet?.type === 'Input.ChoiceSet' ? choiceSet.choices.length : 0).toBe(catalogue.forms.length);
    });
  });

  describe('when cards are read (issue 13)', () => {
    it('names the case each of the case list\'s buttons acts on (title and tooltip), so a screen reader tells them apart', () => {
      const cases = [
        { ...demoCase, number: 'SA-2026-000001', subject: 'Løn til ny medarbejder' },
        { ...demoCase, number: 'SA-2026-000002', subject: 'Faktura fra Kontorhuset' },
        { ...demoCase, number: 'SA-2026-000003', subject: 'Faktura fra Kontorhuset' },
        { ...demoCase, number: 'SA-2026-000004', subject: 'En meget lang overskrift på en sag om refusion af barselsløn i SLS' },
      ];
      const walk = (elements: readonly CardElement[]): { title: string; tooltip?: string | undefined }[] =>
        elements.flatMap((e) => (e.type === 'ActionSet' ? e.actions : e.type === 'Container' ? walk(e.items) : []));
      const buttons = walk(renderCaseListCard(cases.map((c) => ({ ...c, status: 'modtaget' as const })), 'da').body);
      expect(buttons.map((b) => b.title)).toEqual(['Vis SA-2026-000001', 'Vis SA-2026-000002', 'Vis SA-2026-000003', 'Vis SA-2026-000004']);
      const tooltips = buttons.map((b) => b.tooltip ?? '');
      expect(tooltips[0]).toBe('Vis sag SA-2026-000001: Løn til ny medarbejder');
      expect(new Set(tooltips).size).toBe(tooltips.length);
      expect(tooltips[3]?.length).toBeLessThanOrEqual(70);
    });

    it('offers the forms in a choice that Adaptive Cards 1.5 knows (no "filtered")', () => {
      const names = Object.fromEntries(catalogue.areas.map((a) => [a.id, a.name]));
      const chooser = inputs(renderFormChooserCard(catalogue.forms, names, 'da', 'd'))[0];
      expect(chooser).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact' });
    });

    it('says nothing about typing dd-mm-åååå under a date picker, nor about a decimal comma under a number input', () => {
      const datedForms = catalogue.forms.filter((f) => f.fields.some((x) => x.type === 'date' && /dd-mm/.test(x.help?.da ?? '')));
      expect(datedForms.length).toBeGreaterThan(0);
      for (const form of catalogue.forms) {
        const problems = form.fields
          .filter((f) => f.type === 'date' || f.type === 'number')
          .map((f) => ({ fieldId: f.id, code: f.type === 'date' ? ('FORM.INVALID_DATE' as const) : ('FORM.INVALID_NUMBER' as const), message: { da: 'Skriv en gyldig dato som dd-mm-åååå. Skriv et tal, fx 1.250,50.', en: 'x' } }));
        const card = renderFormCard(form, {}, problems, 'da', { dialogInstanceId: 'd' });
        const text = JSON.stringify(card);
        expect(text).not.toMatch(/dd-mm-åååå/);
        expect(text).not.toMatch(/1\.250,50/);
      }
      const card = renderFormCard(datedForms[0] as FormDefinition, {}, [], 'da', { dialogInstanceId: 'd' });
      expect(JSON.stringify(card)).not.toMatch(/\(\)/);
      // The chat's help says dates may be typed in words; a date picker's says nothing of typing.
      for (const form of datedForms) {
        for (const lang of ['da', 'en'] as const) {
          const text = JSON.stringify(renderFormCard(form, {}, [], lang, { dialogInstanceId: 'd' }));
          expect(text).not.toMatch(/med ord|in words|i morgen|tomorrow|\(\)/);
        }
      }
    });

    it('marks a card as its owner\'s: every action carries the owner, and with Action.Execute a refresh for the owner alone', () => {
      const submit = renderFormCard(faktura, {}, [], 'da', { dialogInstanceId: 'd', ownerId: '29:anna' });
      expect(submit.actions?.every((a) => a.data?.owner === '29:anna')).toBe(true);
      expect(submit.refresh).toBeUndefined();
      const execute = renderFormCard(faktura, {}, [], 'da', { dialogInstanceId: 'd', ownerId: '29:anna', action: 'execute' });
      expect(execute.refresh).toMatchObject({ userIds: ['29:anna'], action: { type: 'Action.Execute', verb: 'serviceportal.refresh', data: { formStep: 'refresh', view: 'form', formId: faktura.id, owner: '29:anna', dialogInstanceId: 'd' } } });
      adaptiveCardSchema.parse(execute);
    });
  });

  describe('when card inputs come back as strings', () => {
    it('the portal form schema parses them', () => {
      const raw = restoreSubmitted({ problem: 'betaling', fakturanummer: 'F-1', leverandoer: 'A/S', beloeb: '1250.5', fakturadato: '2026-02-01', beskrivelse: 'Leverandøren rykker for betaling.', formStep: 'submit', dialogInstanceId: 'x' });
      expect(parseForm(faktura, raw)).toEqual({ ok: true, value: expect.objectContaining({ beloeb: 1250.5, fakturadato: '2026-02-01', problem: 'betaling' }) });
    });
  });
});
