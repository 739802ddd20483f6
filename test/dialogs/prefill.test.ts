import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casePrefillFrom, contentWords } from '../../dialogs/prefill.js';
import type { Slots } from '../../dialogs/ports.js';

interface Example {
  u: string;
  description: boolean;
}

function examples(file: string): Example[] {
  return readFileSync(join(import.meta.dirname, '../fixtures/prefill', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Example);
}

describe('casePrefillFrom', () => {
  describe('when the message says no more than the request', () => {
    it.each([
      ['kan du oprette en sag til mig om en faktura i IndFak', { systemId: 'indfak', formId: 'oekonomi.faktura' }],
      ['opret sag', {}],
      ['I want to open a ticket about RejsUd', { systemId: 'rejsud' }],
      ['opert en sag om indfak', { systemId: 'indfak' }],
    ] as [string, Slots][])('"%s" has no description', (text, slots) => {
      expect(casePrefillFrom(text, slots)).not.toHaveProperty('description');
    });
  });

  describe('when the message says more', () => {
    it('is the description, the whole message as written', () => {
      const text = 'opret en sag: lønnen til 3 medarbejdere blev ikke udbetalt den 28.';
      expect(casePrefillFrom(text, {})).toEqual({ description: text, told: text });
      expect(contentWords(text)).toEqual(['3', 'medarbejdere', 'ikke', 'udbetalt', '28']);
    });
  });

  // Tuned on tune.jsonl; held-out.jsonl was written at the same time and not tuned on.
  describe.each(['tune.jsonl', 'held-out.jsonl'])('on the examples in %s', (file) => {
    it.each(examples(file).map((e) => [e.u, e.description] as const))('"%s" → description: %s', (text, description) => {
      expect(casePrefillFrom(text, {}).description !== undefined, JSON.stringify(contentWords(text))).toBe(description);
    });
  });

  describe('when the message tells anything beyond the request', () => {
    it('keeps it to read the values it tells once the form is known, also when it is too short for a description', () => {
      const text = 'RejsUd vil ikke lade mig oprette min rejseafregning';
      expect(casePrefillFrom(text, { systemId: 'rejsud' })).toEqual({ areaId: 'oekonomi', systemId: 'rejsud', told: text });
      expect(casePrefillFrom('opret en sag om en faktura i IndFak', { systemId: 'indfak', formId: 'oekonomi.faktura' })).not.toHaveProperty('told');
    });
  });

  describe('when the slots name a path', () => {
    const paths: [string, Slots, object][] = [
      ['all three that fit', { areaId: 'oekonomi', systemId: 'indfak', formId: 'oekonomi.faktura' }, { areaId: 'oekonomi', systemId: 'indfak', formId: 'oekonomi.faktura' }],
      ['a form made for one system: its area and system', { formId: 'oekonomi.faktura' }, { areaId: 'oekonomi', systemId: 'indfak', formId: 'oekonomi.faktura' }],
      ['a system in one area (Brugeradministration aside)', { systemId: 'rejsud' }, { areaId: 'oekonomi', systemId: 'rejsud' }],
      ['a system in two areas: nothing', { systemId: 'sls' }, {}],
      ['a system outside the area: the area', { areaId: 'loen-hr', systemId: 'rejsud' }, { areaId: 'loen-hr' }],
      ['a form not offered for the system: area and system', { areaId: 'oekonomi', systemId: 'rejsud', formId: 'oekonomi.faktura' }, { areaId: 'oekonomi', systemId: 'rejsud' }],
      ['a form of another area: the area', { areaId: 'bi', formId: 'oekonomi.faktura' }, { areaId: 'bi' }],
      ['a form for every system: area and form, the system to ask', { formId: 'brugeradministration.ny-adgang' }, { areaId: 'brugeradministration', formId: 'brugeradministration.ny-adgang' }],
      ['an unknown area: nothing', { areaId: 'kantinen' }, {}],
    ];
    it.each(paths)('keeps what fits: %s', (_what, slots, expected) => {
      expect(casePrefillFrom('opret en sag', slots)).toEqual(expected);
    });

    it('looks for area and system in the text when there are no slots at all', () => {
      expect(casePrefillFrom('opret sag om rejsud', {})).toEqual({ areaId: 'oekonomi', systemId: 'rejsud' });
      expect(casePrefillFrom('opret sag om rejsud', { areaId: 'bi' })).toEqual({ areaId: 'bi' });
    });
  });
});
