import { cleanText } from './tokenizer.js';

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
let bmpTable: Uint8Array | undefined;

/** 1 for each UTF-16 code unit of the Basic Multilingual Plane that is a letter or digit. */
function letterOrDigitTable(): Uint8Array {
  if (!bmpTable) {
    const table = new Uint8Array(0x10000);
    for (let code = 0; code < 0x10000; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (LETTER_OR_DIGIT.test(String.fromCharCode(code))) table[code] = 1;
    }
    bmpTable = table;
  }
  return bmpTable;
}

/** Code units of the letter or digit at `i` (2 for one outside the BMP), 0 if there is none. */
function letterOrDigitAt(text: string, i: number, table: Uint8Array): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdfff) return table[code] ?? 0;
  if (code > 0xdbff || i + 1 >= text.length) return 0;
  const low = text.charCodeAt(i + 1);
  if (low < 0xdc00 || low > 0xdfff) return 0;
  return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
}

const HYPHEN = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const INITIAL_SLOTS = 1 << 12;

/**
 * Gives each distinct written word (see `words` in tokenizer.ts) a small integer id, scanning the
 * text by hand and looking words up in its own hash table, so that an occurrence of a known word
 * costs no string and no regular expression. The index builder runs every document through this:
 * a large corpus has millions of tokens but only tens of thousands of distinct words.
 * `wordsOf(text)` is always `words(text)` (test/knowledge/analysis.test.ts checks it).
 */
export class WordTable {
  private readonly list: string[] = [];
  private readonly hashes: number[] = [];
  // Open addressing: id + 1 per slot, 0 for empty.
  private slots = new Int32Array(INITIAL_SLOTS);
  private readonly table = letterOrDigitTable();

  get size(): number {
    return this.list.length;
  }

  word(id: number): string {
    return this.list[id] ?? '';
  }

  /** Calls `emit` with the id of each word of the text, in order. */
  scan(text: string, emit: (id: number) => void): void {
    const clean = cleanText(text);
    const table = this.table;
    const length = clean.length;
    let i = 0;
    while (i < length) {
      let step = letterOrDigitAt(clean, i, table);
      if (step === 0) {
        i += 1;
        continue;
      }
      const start = i;
      i += step;
      for (;;) {
        while (i < length && (step = letterOrDigitAt(clean, i, table)) > 0) i += step;
        const code = clean.charCodeAt(i);
        if ((code === HYPHEN || code === DOT || code === SLASH) && i + 1 < length && (step = letterOrDigitAt(clean, i + 1, table)) > 0) {
          i += 1 + step;
          continue;
        }
        break;
      }
      emit(this.idOf(clean, start, i));
    }
  }

  /** The words of a text as ids (see `scan`). */
  idsOf(text: string): number[] {
    const ids: number[] = [];
    this.scan(text, (id) => ids.push(id));
    return ids;
  }

  /** The words of a text as strings: the same as `words(text)`. */
  wordsOf(text: string): string[] {
    return this.idsOf(text).map((id) => this.word(id));
  }

  private idOf(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0;
      if (entry === 0) {
        const id = this.list.length;
        this.list.push(text.slice(start, end));
        this.hashes.push(hash);
        this.slots[slot] = id + 1;
        if (this.list.length * 2 > this.slots.length) this.grow();
        return id;
      }
      const id = entry - 1;
      const known = this.list[id] ?? '';
      if (this.hashes[id] === hash && known.length === length && text.startsWith(known, start)) return id;
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, id) => {
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    });
    this.slots = slots;
  }
}
