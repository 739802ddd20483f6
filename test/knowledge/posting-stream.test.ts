import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingStream } from '../../knowledge/posting-stream.js';

const KEYS = 20;
const posting = fc.tuple(fc.nat(KEYS - 1), fc.nat(1_000_000), fc.integer({ min: 1, max: 500 }));

/** Key → [document, count] pairs, the plain way. */
function groupedPlainly(postings: readonly (readonly [number, number, number])[]): number[][][] {
  const groups: number[][][] = Array.from({ length: KEYS }, () => []);
  for (const [key, document, count] of postings) groups[key]?.push([document, count]);
  return groups;
}

function drained(stream: PostingStream): number[][][] {
  const { starts, pairs } = stream.drain(KEYS);
  return Array.from({ length: KEYS }, (_, key) => {
    const group: number[][] = [];
    for (let pair = starts[key] ?? 0; pair < (starts[key + 1] ?? 0); pair += 1) group.push([pairs[2 * pair] ?? -1, pairs[2 * pair + 1] ?? -1]);
    return group;
  });
}

describe('PostingStream', () => {
  describe('when postings are drained', () => {
    it('groups them by key in the order they were appended', () => {
      fc.assert(
        fc.property(fc.array(posting, { maxLength: 3_000 }), (postings) => {
          const stream = new PostingStream();
          for (const [key, document, count] of postings) stream.append(key, document, count);
          expect(drained(stream)).toEqual(groupedPlainly(postings));
        }),
        { numRuns: 50 },
      );
    });

    it('keeps every posting when it has grown many times over', () => {
      const postings = Array.from({ length: 100_000 }, (_, i) => [(i * 7) % KEYS, i, (i % 13) + 1] as const);
      const stream = new PostingStream();
      for (const [key, document, count] of postings) stream.append(key, document, count);
      expect(drained(stream)).toEqual(groupedPlainly(postings));
    });

    it('is empty afterwards and can be filled again', () => {
      const stream = new PostingStream();
      stream.append(3, 7, 2);
      drained(stream);
      expect(drained(stream).flat()).toEqual([]);
      stream.append(1, 9, 4);
      expect(drained(stream)[1]).toEqual([[9, 4]]);
    });
  });
});
