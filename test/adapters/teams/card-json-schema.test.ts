import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { adaptiveCardSchema, type AdaptiveCard } from '../../../dialogs/cards/card-schema.js';
import { everyCard } from '../../support/cards.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/adaptive-cards');
/** The official schema file of each card version the assistant declares. */
const SCHEMA_FILES: Record<string, string> = { '1.5': 'adaptive-card-1.5.json' };

const validators = new Map<string, ValidateFunction>();
function validatorFor(version: string): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    const file = SCHEMA_FILES[version];
    if (!file) throw new Error(`no Adaptive Cards schema in the fixtures for version ${version}`);
    const schema = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
    // The published schema is draft-06 and names itself with "id"; the validator needs neither.
    const { $schema: _draft, id: _id, ...body } = schema;
    validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(body);
    validators.set(version, validate);
  }
  return validate;
}

function problems(card: unknown): string[] {
  const version = String((card as { version?: unknown }).version);
  const validate = validatorFor(version);
  return validate(card) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('every card the assistant sends', () => {
  const cards = everyCard();

  it('is a sample of every kind', () => {
    expect(cards.length).toBeGreaterThan(100);
  });

  it.each(cards)('%s validates against the official schema of the version it declares', (_name, card) => {
    expect(problems(card)).toEqual([]);
    expect(() => adaptiveCardSchema.parse(card)).not.toThrow();
  });

  describe('when a card breaks the schema', () => {
    it('the validation names the problem (it can fail)', () => {
      const card = cards[0]?.[1] as AdaptiveCard;
      expect(problems({ ...card, body: [{ type: 'TextBlock', text: 42 }] }).length).toBeGreaterThan(0);
      expect(problems({ ...card, actions: [{ type: 'Action.Submit', title: 'x', style: 'loud' }] }).length).toBeGreaterThan(0);
    });
  });
});
