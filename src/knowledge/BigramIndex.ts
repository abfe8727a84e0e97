import { grown } from './grown';

/**
 * Words by (length, letter pair), for the spelling shortlist: per (length, pair) the words holding
 * it, in word order, and each word's number of distinct pairs (see `bigramsOf`). Everything lives
 * in typed arrays (compressed rows, and an open-addressing table from (length, pair) to a row):
 * no object or array per word or pair.
 */
export class BigramIndex {
  /** Per word: how many distinct pairs it has. */
  readonly gramCounts: Int32Array;
  /** Row r lists `words[rowStart[r] .. rowStart[r + 1])`. */
  readonly rowStart: Int32Array;
  readonly words: Int32Array;
  // The table: (length, pair) in two arrays, and the row + 1 (0: empty slot).
  private slotLength = new Int32Array(4096);
  private slotGram = new Uint32Array(4096);
  private slotRow = new Int32Array(4096);
  private shift = 32 - 12;
  private rows = 0;

  constructor(vocabulary: readonly string[]) {
    const pairs: number[] = [];
    this.gramCounts = new Int32Array(vocabulary.length);
    // Each word's pairs as rows, flat, then counted per row and placed (words in order).
    let rowOf: Int32Array = new Int32Array(8 * vocabulary.length + 1);
    let counts: Int32Array = new Int32Array(1024);
    let listed = 0;
    for (let i = 0; i < vocabulary.length; i++) {
      const word = vocabulary[i]!;
      bigramsOf(word, pairs);
      this.gramCounts[i] = pairs.length;
      if (listed + pairs.length > rowOf.length) rowOf = grown(rowOf, listed + pairs.length);
      for (const gram of pairs) {
        const row = this.rowFor(word.length, gram);
        if (row >= counts.length) counts = grown(counts, row + 1);
        counts[row]!++;
        rowOf[listed++] = row;
      }
    }
    this.rowStart = new Int32Array(this.rows + 1);
    for (let r = 0; r < this.rows; r++) this.rowStart[r + 1] = this.rowStart[r]! + counts[r]!;
    const next = this.rowStart.slice(0, this.rows);
    this.words = new Int32Array(listed);
    for (let i = 0, at = 0; i < vocabulary.length; i++) {
      for (const end = at + this.gramCounts[i]!; at < end; at++) this.words[next[rowOf[at]!]!++] = i;
    }
  }

  /** The row of words of `length` holding `gram`, or -1 when there is none. */
  row(length: number, gram: number): number {
    return this.slotRow[this.slot(length, gram)]! - 1;
  }

  private rowFor(length: number, gram: number): number {
    let slot = this.slot(length, gram);
    if (this.slotRow[slot] === 0) {
      if (2 * (this.rows + 1) > this.slotRow.length) {
        this.rehash();
        slot = this.slot(length, gram);
      }
      this.slotLength[slot] = length;
      this.slotGram[slot] = gram;
      this.slotRow[slot] = ++this.rows;
    }
    return this.slotRow[slot]! - 1;
  }

  /** The slot holding (length, gram), or the empty slot where it would go. */
  private slot(length: number, gram: number): number {
    const mask = this.slotRow.length - 1;
    // Fibonacci hashing: the high bits of the product depend on every bit of the key.
    for (let slot = Math.imul(gram ^ Math.imul(length, 0x85ebca6b), 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      if (this.slotRow[slot] === 0 || (this.slotGram[slot] === gram && this.slotLength[slot] === length)) return slot;
    }
  }

  /** Doubles the table. */
  private rehash(): void {
    const [lengths, grams, rows] = [this.slotLength, this.slotGram, this.slotRow];
    this.slotLength = new Int32Array(2 * rows.length);
    this.slotGram = new Uint32Array(2 * rows.length);
    this.slotRow = new Int32Array(2 * rows.length);
    this.shift--;
    for (let s = 0; s < rows.length; s++) {
      if (rows[s] === 0) continue;
      const slot = this.slot(lengths[s]!, grams[s]!);
      this.slotLength[slot] = lengths[s]!;
      this.slotGram[slot] = grams[s]!;
      this.slotRow[slot] = rows[s]!;
    }
  }
}

/**
 * The distinct letter pairs of a word padded with boundary marks ("oim": ^o, oi, im, m$), each as
 * one number (two UTF-16 code units; 0 marks the boundary), into `out`.
 */
export function bigramsOf(word: string, out: number[]): number[] {
  out.length = 0;
  for (let i = 0; i <= word.length; i++) {
    const gram = (i === 0 ? 0 : word.charCodeAt(i - 1)) * 65536 + (i === word.length ? 0 : word.charCodeAt(i));
    if (!out.includes(gram)) out.push(gram);
  }
  return out;
}
