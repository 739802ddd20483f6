import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerCase, cancel, cloneJson, currentQuestion, expectationOf, fieldShape, helpFor, resume, startCase, type CaseContext, type CaseState, type EngineResult, type Question } from '../../dialogs/form-engine.js';
import { AREAS, FORMS, SYSTEMS } from '../../portal/catalogue.data.js';
import { catalogue, formAppliesTo, getForm, loadCatalogue, parseForm } from '../../portal/index.js';
import { validAnswer } from '../support/case-plans.js';

let keys = 0;
const ctx: CaseContext = {
  catalogue,
  institutions: [
    { id: 'eksempelstyrelsen', name: 'Eksempelstyrelsen' },
    { id: 'testministeriet', name: 'Testministeriet' },
  ],
  mailboxes: [{ id: 'mailbox-1', email: 'loen@eksempelstyrelsen.dk' }],
  userEmail: 'anna@eksempelstyrelsen.dk',
  newKey: () => `key-${++keys}`,
};

/** A valid answer to the question, picked by `n` among its choices. */
function validFor(question: Question, n: number): string {
  if (question.choices.length > 0 && question.kind !== 'text' && question.kind !== 'longText' && question.kind !== 'date' && question.kind !== 'number' && question.kind !== 'email' && question.kind !== 'phone') {
    return question.choices[n % question.choices.length]?.label.da ?? '';
  }
  const form = [...catalogue.forms].find((f) => f.fields.some((field) => field.id === question.field));
  const field = form?.fields.find((f) => f.id === question.field);
  return field ? validAnswer(field) : 'x';
}

const NOISE = ['', ' ', '1', '2', '99', 'ja', 'nej', 'Ja', 'Nej', 'Vælg et andet', 'Andet', 'spring over', 'annuller', 'Bekræft', 'Ret et felt', 'x', '31-02-2026', '01-03-2026', 'abc@', 'a@b.dk', '-5', '1.250,50', 'SLS', 'økonomi', 'Prøv igen', 'Spring feltet over', 'Annuller sagen'];

const PREFILLS = [
  {},
  { description: 'Et spørgsmål fra vidensbasen om noget.' },
  { areaId: 'oekonomi', systemId: 'indfak', formId: 'oekonomi.faktura' },
  { areaId: 'brugeradministration', formId: 'brugeradministration.ny-adgang', description: 'Peter skal have adgang fra 1. april.' },
  { areaId: 'bi' },
];

const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('valid' as const), n: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('noise' as const), text: fc.constantFrom(...NOISE) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random' as const), text: fc.string({ maxLength: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('value' as const), value: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 })) }) },
);

describe('form engine', () => {
  describe('when given any sequence of answers', () => {
    it('ends in a valid case, a cancel, or asks again — never throws, never an invalid case', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(step, fc.boolean()), { maxLength: 60 }), fc.constantFrom(...PREFILLS), (steps, prefill) => {
          let state: CaseState = startCase(prefill, ctx);
          for (const [s, confirm] of steps) {
            const question = currentQuestion(state, ctx);
            expect(question).toBeDefined();
            if (!question) return;
            expect(helpFor(state, ctx).da.length).toBeGreaterThan(0);
            const input = s.kind === 'valid' ? validFor(question, s.n) : s.kind === 'value' ? s.value : s.text;
            // Sometimes the router is in doubt: the answer waits for Ja.
            const result = answerCase(state, input, ctx, { confirm });
            state = result.state;
            if (result.outcome.kind === 'cancelled') {
              expect(state.status).toBe('cancelled');
              return;
            }
            if (result.outcome.kind === 'complete') {
              const { submission } = result.outcome;
              const form = getForm(submission.formId);
              expect(form).toBeDefined();
              if (!form) return;
              expect(parseForm(form, submission.values).ok).toBe(true);
              expect(formAppliesTo(form, submission.systemId)).toBe(true);
              expect(ctx.institutions.map((i) => i.id)).toContain(submission.institutionId);
              expect([null, 'mailbox-1']).toContain(submission.sentFromMailboxId);
              expect(submission.idempotencyKey).toMatch(/^key-/);
              return;
            }
            expect(result.outcome.question.text.da.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('when a sentence answers the area, system or form question', () => {
    it('picks no option by a word inside it ("intet") and keeps it as the description', () => {
      const text = 'Tolv ansatte fik for lidt i februar, og intet i lønsedlen forklarer det';
      const result = answerCase(startCase({ areaId: 'loen-hr' }, ctx), text, ctx);
      expect(result.state.draft.systemId).toBeUndefined();
      expect(result.state.draft.values.beskrivelse).toBe(text);
      expect(result.outcome).toMatchObject({ kind: 'ask', question: { step: 'system' }, problem: { da: expect.stringContaining('gemt som sagens beskrivelse') } });
    });

    it('adds it after a description already given, and picks a system the sentence names', () => {
      const start = startCase({ areaId: 'oekonomi', description: 'Afstemningen går ikke op.' }, ctx);
      const result = answerCase(start, 'Periodeafslutningen i Navision Stat kan ikke lukkes på grund af differencer', ctx);
      expect(result.state.draft.systemId).toBe('navision-stat');
      expect(result.state.draft.values.beskrivelse).toBe('Afstemningen går ikke op.\n\nPeriodeafslutningen i Navision Stat kan ikke lukkes på grund af differencer');
    });

    it('still takes a short answer with a typo or by a part of a name', () => {
      expect(answerCase(startCase({ areaId: 'loen-hr' }, ctx), 'intet', ctx).state.draft.systemId).toBeNull();
      expect(answerCase(startCase({ areaId: 'oekonomi' }, ctx), 'navison', ctx).state.draft.systemId).toBe('navision-stat');
    });
  });

  describe('when the summary is shown', () => {
    it('binds one idempotency key to the dialog, kept through changes', () => {
      let state = startCase({ areaId: 'oevrige', systemId: 'cip', description: 'Integrationen til CIP fejler igen.' }, ctx);
      for (const answer of ['Eksempelstyrelsen', 'Fra mig', 'CIP', 'Integration', 'spring over']) state = answerCase(state, answer, ctx).state;
      expect(state.status).toBe('summary');
      const key = state.idempotencyKey;
      expect(key).toBeDefined();
      for (const answer of ['Ret et felt', 'Emne', 'Ny integration']) state = answerCase(state, answer, ctx).state;
      expect(state.status).toBe('summary');
      expect(state.idempotencyKey).toBe(key);
      const done = answerCase(state, 'Bekræft', ctx);
      expect(done.outcome).toMatchObject({ kind: 'complete', submission: { idempotencyKey: key, values: { emne: 'Ny integration' } } });
    });

    it('cancels from any state', () => {
      expect(cancel(startCase({}, ctx)).outcome).toEqual({ kind: 'cancelled' });
    });
  });
});

// ---------------------------------------------------------------------------------------------
// One institution and no mailbox: the invoice form's fields come right after the path.

const single: CaseContext = { ...ctx, institutions: [{ id: 'demo-instituttet', name: 'Demo-instituttet' }], mailboxes: [] };
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

describe('form engine: confirming an answer in doubt', () => {
  // [field, its shape, what the user typed, the value stored after "Ja"]
  const fields: [string, string, string, unknown][] = [
    ['fakturanummer', 'code', 'Hvordan nulstiller jeg min adgangskode?', 'Hvordan nulstiller jeg min adgangskode?'],
    ['leverandoer', 'name', 'hvad er RejsUd?', 'hvad er RejsUd?'],
    ['fakturadato', 'date', '1.3.2026', '2026-03-01'],
    ['beloeb', 'number', '1.250,50', 1250.5],
    ['beskrivelse', 'longText', 'Hvorfor er fakturaen fra Kontorland afvist to gange?', 'Hvorfor er fakturaen fra Kontorland afvist to gange?'],
    ['problem', 'choice', 'afvist', 'afvist'],
  ];

  describe.each(fields)('when the field is %s (%s)', (fieldId, shape, typed, stored) => {
    it('says what it waits for', () => {
      expect(expectationOf(invoiceAt(fieldId), single)).toMatchObject({ kind: 'field', fieldId, shape });
    });

    it('does not store the value but asks «Er det dit svar til …?» with Ja/Nej', () => {
      const result = answerCase(invoiceAt(fieldId), typed, single, { confirm: true });
      const question = asked(result);
      expect(result.state.status).toBe('confirmAnswer');
      expect(result.state.draft.values[fieldId]).toBeUndefined();
      expect(question.step).toBe('confirmAnswer');
      expect(question.text.da).toMatch(/^Er det dit svar til «.+»\?$/);
      expect(question.text.en).toMatch(/^Is that your answer to «.+»\?$/);
      expect(question.choices.map((c) => c.label.da)).toEqual(['Ja', 'Nej']);
      expect(question.current?.da).toBe(typed);
      // Anything but Ja or Nej is a new answer to the field: the router weighs it as at the field.
      expect(expectationOf(result.state, single)).toEqual({ kind: 'yesNo', about: `confirmAnswer:${fieldId}`, answers: expect.objectContaining({ kind: 'field', fieldId }) });
      // Plain JSON: the state survives a round trip through storage.
      expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
    });

    it('stores the value exactly as a normal answer on Ja', () => {
      const pending = answerCase(invoiceAt(fieldId), typed, single, { confirm: true }).state;
      const yes = answerCase(pending, 'Ja', single);
      const normal = answerCase(invoiceAt(fieldId), typed, single);
      expect(yes.state.draft.values[fieldId]).toEqual(stored);
      expect({ ...yes.state, idempotencyKey: undefined }).toEqual({ ...normal.state, idempotencyKey: undefined });
      expect(asked(yes).field).toBe(asked(normal).field);
    });

    it('asks the field again on Nej, storing nothing and counting no attempt', () => {
      const pending = answerCase(invoiceAt(fieldId), typed, single, { confirm: true }).state;
      const no = answerCase(pending, 'nej', single);
      expect(asked(no)).toMatchObject({ step: 'field', field: fieldId });
      expect(no.outcome).not.toHaveProperty('problem');
      expect(no.state.draft.values[fieldId]).toBeUndefined();
      expect(no.state.attempts).toEqual({});
      expect(no.state.status).toBe('collecting');
    });
  });

  describe('when something else is typed at the confirmation', () => {
    it('takes it as a new answer to the field', () => {
      const pending = answerCase(invoiceAt('leverandoer'), 'hvad er RejsUd?', single, { confirm: true }).state;
      const next = answerCase(pending, 'Kontorland A/S', single);
      expect(next.state.draft.values.leverandoer).toBe('Kontorland A/S');
      expect(asked(next).field).toBe('cvr');
    });

    it('re-asks with the reason when the new answer does not fit', () => {
      const pending = answerCase(invoiceAt('fakturadato'), '01-03-2026', single, { confirm: true }).state;
      const next = answerCase(pending, 'engang i sidste uge', single);
      expect(asked(next)).toMatchObject({ step: 'field', field: 'fakturadato' });
      expect(next.outcome).toMatchObject({ problem: { da: expect.stringContaining('Skriv en gyldig dato') } });
    });

    it('asks again when the router is still in doubt', () => {
      const pending = answerCase(invoiceAt('leverandoer'), 'hvad er RejsUd?', single, { confirm: true }).state;
      const next = answerCase(pending, 'hvad er IndFak?', single, { confirm: true });
      expect(next.state.pendingAnswer).toEqual({ fieldId: 'leverandoer', input: 'hvad er IndFak?' });
    });
  });

  describe('when the input in doubt is not a valid value', () => {
    it('re-asks with the reason, counting no attempt', () => {
      const result = answerCase(invoiceAt('beloeb'), 'hvad koster det?', single, { confirm: true });
      expect(asked(result)).toMatchObject({ step: 'field', field: 'beloeb' });
      expect(result.outcome).toMatchObject({ problem: { da: 'Skriv et tal, fx 1.250,50.' } });
      expect(result.state.attempts).toEqual({});
    });
  });

  describe('when an optional field is skipped in doubt', () => {
    it('skips it without asking', () => {
      const result = answerCase(invoiceAt('cvr'), 'spring over', single, { confirm: true });
      expect(result.state.draft.skipped).toContain('cvr');
      expect(result.state.status).toBe('collecting');
    });
  });
});

describe('form engine: values as people write them', () => {
  describe('when an optional field is answered with "nothing to give"', () => {
    it.each(['ikke relevant', 'Ikke relevant.', 'har ikke', 'det har vi ikke', 'ingen', 'n/a', 'N/A', 'none', 'not applicable', "I don't have one"])('"%s" leaves it empty', (typed) => {
      const result = answerCase(invoiceAt('cvr'), typed, single);
      expect(result.state.draft.skipped).toContain('cvr');
      expect(result.state.draft.values.cvr).toBeUndefined();
      expect(asked(result).field).toBe('fakturadato');
    });
    it('re-asks a required field with the reason', () => {
      const state = startCase({ areaId: 'loen-hr', systemId: 'sls', formId: 'loen-hr.fejl-i-loenkoersel' }, single);
      const result = answerCase(state, 'ikke relevant', single);
      expect(result.state.draft.skipped).not.toContain('udbetalingsdato');
      expect(asked(result).field).toBe('udbetalingsdato');
      expect(result.outcome).toMatchObject({ problem: { da: expect.stringContaining('Skriv en gyldig dato') } });
    });
  });

  describe('when an optional yes/no field is answered "nej tak"', () => {
    it('stores no, not a skip', () => {
      const forms = FORMS.map((f) => (f.id === 'oekonomi.bogfoering' ? { ...f, fields: f.fields.map((x) => (x.id === 'haster' ? { ...x, required: false } : x)) } : f));
      const optional: CaseContext = { ...single, catalogue: loadCatalogue({ areas: AREAS, systems: SYSTEMS, forms }) };
      let state = startCase({ areaId: 'oekonomi', systemId: 'navision-stat', formId: 'oekonomi.bogfoering' }, optional);
      state = answerCase(state, 'marts 2026', optional).state;
      expect(state.draft.values.regnskabsperiode).toBe('03-2026');
      expect(currentQuestion(state, optional)?.field).toBe('haster');
      state = answerCase(state, 'nej tak', optional).state;
      expect(state.draft.values.haster).toBe(false);
      expect(state.draft.skipped).not.toContain('haster');
    });
  });

  describe('when a whole-number field is asked', () => {
    it('gives a whole number as its example, not an amount', () => {
      let state = startCase({ areaId: 'loen-hr', systemId: 'sls', formId: 'loen-hr.fejl-i-loenkoersel' }, single);
      state = answerCase(state, '27-02-2026', single).state;
      state = answerCase(state, 'Forkert skat', single).state;
      const question = currentQuestion(state, single);
      expect(question?.field).toBe('antalBeroerte');
      expect(question?.help?.da).toBe('Skriv et helt tal, fx 12 eller "ca. 12".');
      expect(question?.help?.en).toBe('Write a whole number, e.g. 12 or "about 12".');
      const wrong = answerCase(state, 'mange', single);
      expect(wrong.outcome).toMatchObject({ problem: { da: 'Skriv et helt tal, fx 12.' } });
      expect(answerCase(state, 'ca. tolv medarbejdere', single).state.draft.values.antalBeroerte).toBe(12);
    });
  });
});

describe('form engine: typed answers to a choice step', () => {
  it.each([
    ['area', {}, 'økonmi', 'areaId', 'oekonomi'],
    ['area', {}, 'finance and accounting', 'areaId', 'oekonomi'],
    ['system', { areaId: 'oekonomi' }, 'indfak', 'systemId', 'indfak'],
    ['system', { areaId: 'oekonomi' }, 'rejs ud', 'systemId', 'rejsud'],
    ['form', { areaId: 'oekonomi', systemId: 'indfak' }, 'fakturaer', 'formId', 'oekonomi.faktura'],
    ['institution', INVOICE, 'test ministeriet', 'institutionId', 'testministeriet'],
    ['institution', INVOICE, 'eksempelstyrlsen', 'institutionId', 'eksempelstyrelsen'],
    ['institution', INVOICE, 'ministeriet', 'institutionId', 'testministeriet'],
  ] as const)('at the %s step, "%s" names the choice', (stepKind, prefill, typed, key, id) => {
    const state = startCase(prefill, ctx);
    expect(currentQuestion(state, ctx)?.step).toBe(stepKind);
    expect(answerCase(state, typed, ctx).state.draft[key]).toBe(id);
  });
});

describe('form engine: what each step waits for', () => {
  it('answers a choice with the options at the catalogue steps and the summary', () => {
    const area = expectationOf(startCase({}, ctx), ctx);
    expect(area).toMatchObject({ kind: 'choice', about: 'area' });
    expect(area.kind === 'choice' && area.choices.map((c) => c.id)).toEqual(catalogue.areas.map((a) => a.id));
    const system = expectationOf(startCase({ areaId: 'bi' }, ctx), ctx);
    expect(system.kind === 'choice' && system.choices.map((c) => c.id)).toEqual(['ldv', 'isola', 'oes-indsigt', 'ingen', 'vaelg-et-andet']);
    let state = startCase(INVOICE, ctx);
    expect(expectationOf(state, ctx)).toMatchObject({ kind: 'choice', about: 'institution', choices: expect.arrayContaining([expect.objectContaining({ id: 'testministeriet' })]) });
    state = answerCase(state, 'Eksempelstyrelsen', ctx).state;
    expect(expectationOf(state, ctx)).toMatchObject({ kind: 'choice', about: 'sentFrom' });
  });

  it('gives text fields their shape from the catalogue, and whether they are optional', () => {
    const cases: [string, object][] = [
      ['problem', { shape: 'choice', optional: false, label: { da: 'Hvad er problemet?', en: 'What is the problem?' } }],
      ['fakturanummer', { shape: 'code', optional: false }],
      ['leverandoer', { shape: 'name', optional: false, label: { da: 'Leverandør', en: 'Supplier' } }],
      ['cvr', { shape: 'code', optional: true }],
      ['beskrivelse', { shape: 'longText', optional: false }],
    ];
    for (const [fieldId, expected] of cases) expect(expectationOf(invoiceAt(fieldId), single)).toMatchObject({ kind: 'field', fieldId, ...expected });
  });

  it('maps every field type of the catalogue to a shape', () => {
    const shapes = new Set(catalogue.forms.flatMap((f) => f.fields.map((field) => `${field.type}→${fieldShape(field)}`)));
    expect([...shapes].sort()).toEqual(
      ['choice→choice', 'date→date', 'email→email', 'longText→longText', 'multiChoice→choice', 'number→number', 'phone→phone', 'text→code', 'text→name', 'text→shortText', 'yesNo→yesNo'].sort(),
    );
  });
});

describe('form engine: the path chosen from the first message', () => {
  describe('when area, system and form are known', () => {
    it('says the path and offers another with the first open question', () => {
      const question = asked(resume(startCase(INVOICE, single), single));
      expect(question).toMatchObject({ step: 'field', field: 'problem' });
      expect(question.path).toEqual({ da: 'Jeg har valgt Økonomi og Regnskab → IndFak/SDI → Faktura i IndFak.', en: 'I have chosen Finance and Accounting → IndFak/SDI → Invoice in IndFak.' });
      expect(question.choices.at(-1)?.label).toEqual({ da: 'Vælg et andet', en: 'Choose another' });
    });

    it.each(['Vælg et andet', 'vælg et andet område', 'Choose another', 'forkert område'])('goes back to the area keeping nothing of the path on "%s"', (typed) => {
      const result = answerCase(startCase({ ...INVOICE, description: 'Fakturaen fra Kontorland er afvist to gange.' }, single), typed, single);
      expect(asked(result)).toMatchObject({ step: 'area' });
      expect(asked(result).path).toBeUndefined();
      expect(result.state.draft).toEqual({ values: { beskrivelse: 'Fakturaen fra Kontorland er afvist to gange.' }, skipped: [], institutionId: 'demo-instituttet', sentFromMailboxId: null });
      expect(result.state.pathFromPrefill).toBeUndefined();
    });

    it('says in the help how to choose another', () => {
      expect(helpFor(startCase(INVOICE, single), single).da).toContain('Skriv "Vælg et andet" for at vælge et andet område');
      expect(helpFor(startCase({}, single), single).da).not.toContain('Vælg et andet');
    });

    it('takes "Andet" as the field\'s own choice, not as choosing another path', () => {
      const result = answerCase(startCase(INVOICE, single), 'Andet', single);
      expect(result.state.draft.values.problem).toBe('andet');
    });

    it('stops saying the path once the first answer is taken, but not after an invalid one', () => {
      const invalid = answerCase(startCase(INVOICE, single), 'bananer', single);
      expect(asked(invalid).path).toBeDefined();
      const taken = answerCase(invalid.state, 'Fakturaen er afvist', single);
      expect(asked(taken).path).toBeUndefined();
      expect(asked(taken).choices.map((c) => c.id)).not.toContain('vaelg-et-andet');
      // The button's words, no longer offered, are no invoice number either: asked again with why (explore-A 3).
      const typed = answerCase(taken.state, 'Vælg et andet', single);
      expect(typed.state.draft.values.fakturanummer).toBeUndefined();
      expect(typed.outcome).toMatchObject({ problem: { da: expect.stringContaining('er et valg på en knap') } });
    });
  });

  describe('when only the area is known', () => {
    it('asks the system next, saying the area', () => {
      const question = asked(resume(startCase({ areaId: 'oekonomi' }, single), single));
      expect(question).toMatchObject({ step: 'system', path: { da: 'Jeg har valgt Økonomi og Regnskab.' } });
    });
  });

  describe('when the form is known before the system', () => {
    it('asks the system and keeps the form when it is offered for it', () => {
      const start = startCase({ areaId: 'brugeradministration', formId: 'brugeradministration.ny-adgang' }, single);
      expect(asked(resume(start, single))).toMatchObject({ step: 'system', path: { da: 'Jeg har valgt Brugeradministration → Brugeradgang til et system.' } });
      const next = answerCase(start, 'RejsUd', single);
      expect(next.state.draft).toMatchObject({ systemId: 'rejsud', formId: 'brugeradministration.ny-adgang' });
      expect(asked(next)).toMatchObject({ step: 'field', field: 'brugerNavn' });
    });

    it('drops a form not offered for the system chosen', () => {
      const start = startCase({ areaId: 'oekonomi', formId: 'oekonomi.faktura' }, single);
      const next = answerCase(start, 'RejsUd', single);
      expect(next.state.draft.formId).toBeUndefined();
      expect(asked(next).step).toBe('form');
    });
  });

  describe('when the shared mailbox is named by what it is', () => {
    const two: CaseContext = { ...single, mailboxes: [{ id: 'mb-loen', email: 'loen@eksempelstyrelsen.dk' }, { id: 'mb-regnskab', email: 'regnskab@eksempelstyrelsen.dk' }] };
    const atSentFrom = (c: CaseContext): CaseState => startCase({ areaId: 'oekonomi', systemId: 'indfak', formId: 'oekonomi.faktura' }, c);

    it('picks the one mailbox', () => {
      const one: CaseContext = { ...single, mailboxes: [{ id: 'mb-loen', email: 'loen@eksempelstyrelsen.dk' }] };
      for (const said of ['fra fællespostkassen', 'from the shared mailbox', 'postkassen']) {
        expect(answerCase(atSentFrom(one), said, one).state.draft.sentFromMailboxId, said).toBe('mb-loen');
      }
      expect(answerCase(atSentFrom(one), 'fra mig selv', one).state.draft.sentFromMailboxId).toBeNull();
    });

    it('asks which of several, and takes one named', () => {
      const asked = answerCase(atSentFrom(two), 'fra fællespostkassen', two);
      expect(asked.state.draft.sentFromMailboxId).toBeUndefined();
      expect(asked.outcome).toMatchObject({ problem: { da: expect.stringContaining('Hvilken skal sagen sendes fra: loen@eksempelstyrelsen.dk, regnskab@eksempelstyrelsen.dk?') } });
      expect(answerCase(asked.state, 'fra regnskab', two).state.draft.sentFromMailboxId).toBe('mb-regnskab');
    });
  });

  describe('when nothing was prefilled', () => {
    it('says no path', () => {
      const state = answerCase(startCase({}, single), 'Økonomi og Regnskab', single).state;
      expect(currentQuestion(state, single)?.path).toBeUndefined();
    });
  });
});

describe('cloneJson', () => {
  /** Every object and array inside a value. */
  const containers = (value: unknown, into: object[] = []): object[] => {
    if (typeof value === 'object' && value !== null) {
      into.push(value);
      for (const inner of Object.values(value)) containers(inner, into);
    }
    return into;
  };

  describe('when given plain JSON data', () => {
    it('answers an equal copy that shares no object or array with the original', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const copy = cloneJson(value);
          expect(copy).toStrictEqual(structuredClone(value));
          const originals = new Set(containers(value));
          expect(containers(copy).filter((inner) => originals.has(inner))).toEqual([]);
        }),
        { numRuns: 500 },
      );
    });

    it('keeps a key "__proto__" an own property', () => {
      const value = JSON.parse('{"__proto__": {"a": 1}, "b": [1]}') as Record<string, unknown>;
      const copy = cloneJson(value);
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(Object.keys(copy)).toEqual(['__proto__', 'b']);
      expect(copy).toStrictEqual(value);
    });

    it('copies a case state so that answering the copy leaves the original as it was', () => {
      const ctx: CaseContext = { catalogue, institutions: [{ id: 'i1', name: 'Testministeriet' }], mailboxes: [], userEmail: 'anna@eksempelstyrelsen.dk', newKey: () => 'key' };
      const state = startCase({ areaId: 'oekonomi' }, ctx);
      const before = JSON.stringify(state);
      const copy = cloneJson(state);
      copy.draft.values.beskrivelse = 'ændret';
      copy.draft.skipped.push('x');
      expect(JSON.stringify(state)).toBe(before);
    });
  });
});
