/**
 * Postings in the order documents are added, grouped by key (term and field) at the end.
 *
 * The index builder gets each document's terms in turn but minisearch wants, per term, a map of
 * all its documents. Appending (key, document, count) to one growing Int32Array and regrouping
 * once with a counting sort is sequential work that leaves no garbage; pushing each posting onto
 * one of tens of thousands of per-term arrays was slower and left the garbage collector some
 * 100 MB of arrays for 50k articles.
 */
const INITIAL_TRIPLES = 1 << 14;

export class PostingStream {
  /** (key, document, count) triples. */
  private triples = new Int32Array(3 * INITIAL_TRIPLES);
  private length = 0;

  /** Adds a posting; keys are small non-negative integers, documents and counts integers. */
  append(key: number, document: number, count: number): void {
    if (this.length + 3 > this.triples.length) {
      const grown = new Int32Array(Math.max(3 * INITIAL_TRIPLES, this.triples.length * 2));
      grown.set(this.triples);
      this.triples = grown;
    }
    this.triples[this.length] = key;
    this.triples[this.length + 1] = document;
    this.triples[this.length + 2] = count;
    this.length += 3;
  }

  /**
   * Empties the stream and returns its postings grouped by key, each key's in the order they were
   * appended: key k's are the pairs `starts[k]` to `starts[k + 1] - 1` of `pairs`, a pair i being
   * document `pairs[2i]` with count `pairs[2i + 1]`. `keyCount` must exceed every key appended.
   */
  drain(keyCount: number): { starts: Int32Array; pairs: Int32Array } {
    const triples = this.triples;
    const starts = new Int32Array(keyCount + 1);
    for (let at = 0; at < this.length; at += 3) {
      const after = (triples[at] ?? 0) + 1;
      starts[after] = (starts[after] ?? 0) + 1;
    }
    for (let key = 0; key < keyCount; key += 1) starts[key + 1] = (starts[key + 1] ?? 0) + (starts[key] ?? 0);
    const next = starts.slice(0, keyCount);
    const pairs = new Int32Array((this.length / 3) * 2);
    for (let at = 0; at < this.length; at += 3) {
      const key = triples[at] ?? 0;
      const slot = (next[key] ?? 0) * 2;
      next[key] = (next[key] ?? 0) + 1;
      pairs[slot] = triples[at + 1] ?? 0;
      pairs[slot + 1] = triples[at + 2] ?? 0;
    }
    this.triples = new Int32Array(0);
    this.length = 0;
    return { starts, pairs };
  }
}
