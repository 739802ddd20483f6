import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceNumber, editDistance, editDistanceWithin } from '../../dialogs/matching.js';

/** The textbook table: optimal string alignment distance, the whole table, no shortcuts. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      let v = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'ø'), maxLength: 14 });

describe('editDistance', () => {
  it('counts a typo, a missing letter and a swap as one each', () => {
    expect(editDistance('navision', 'navison')).toBe(1);
    expect(editDistance('indfak', 'indfka')).toBe(1);
    expect(editDistance('rejsud', 'rejseud')).toBe(1);
    expect(editDistance('okonomi', 'okonmi')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('equals the whole-table distance', () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)), { numRuns: 2000 });
  });

  it('gives the same distance after a longer text grew its rows', () => {
    expect(editDistance('a'.repeat(200), 'b'.repeat(190))).toBe(200);
    expect(editDistance('lonrapport', 'lonraport')).toBe(1);
  });
});

describe('editDistanceWithin', () => {
  it('gives the distance when it is within the bound, and a number above the bound otherwise', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = reference(a, b);
        const bounded = editDistanceWithin(a, b, max);
        return exact <= max ? bounded === exact : bounded > max;
      }),
      { numRuns: 3000 },
    );
  });
});

describe('choiceNumber', () => {
  it.each([
    ['2', 2], ['2.', 2], ['nr. 3', 3], ['nummer 1', 1], ['option 2', 2], ['den første', 1], ['første', 1], ['den anden', 2],
    ['the second one', 2], ['first', 1], ['den sidste', 4], ['the last', 4],
  ] as const)('"%s" is place %i', (text, n) => {
    expect(choiceNumber(text, 4)).toBe(n);
  });

  it.each(['en anden', 'anden', 'andet system', 'Økonomi', 'den første sag om løn'])('"%s" names no place', (text) => {
    expect(choiceNumber(text, 4)).toBeUndefined();
  });
});

