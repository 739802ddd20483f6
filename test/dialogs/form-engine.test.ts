import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerCase, cancel, currentQuestion, helpFor, startCase, type CaseContext, type CaseState, type Question } from '../../dialogs/form-engine.js';
import { catalogue, formAppliesTo, getForm, parseForm } from '../../portal/index.js';
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

const NOISE = ['', ' ', '1', '2', '99', 'ja', 'nej', 'spring over', 'annuller', 'Bekræft', 'Ret et felt', 'x', '31-02-2026', '01-03-2026', 'abc@', 'a@b.dk', '-5', '1.250,50', 'SLS', 'økonomi', 'Prøv igen', 'Spring feltet over', 'Annuller sagen'];

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
        fc.property(fc.array(step, { maxLength: 60 }), fc.boolean(), (steps, prefill) => {
          let state: CaseState = startCase(prefill ? { description: 'Et spørgsmål fra vidensbasen om noget.' } : {}, ctx);
          for (const s of steps) {
            const question = currentQuestion(state, ctx);
            expect(question).toBeDefined();
            if (!question) return;
            expect(helpFor(state, ctx).da.length).toBeGreaterThan(0);
            const input = s.kind === 'valid' ? validFor(question, s.n) : s.kind === 'value' ? s.value : s.text;
            const result = answerCase(state, input, ctx);
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
