import Fuse from 'fuse.js';
import { BigramIndex, bigramsOf } from './BigramIndex';

/** Words shorter than this are never corrected: too many real words lie one letter apart. */
const MIN_LENGTH = 4;
/** Shortlist size and the least share of letter pairs a candidate must have in common. */
const SHORTLIST = 12;
const MIN_DICE = 0.45;
/** fuse.js score (0 exact … 1 unrelated) above which a candidate is not even considered. */
const MAX_FUSE_SCORE = 0.5;

export interface Correction {
  word: string;
  /** 0..1: 1 for a one-letter slip in a long word, lower as the words drift apart. */
  similarity: number;
}

/** Corrections are remembered (a search may analyse the same word as each of three languages). */
const MAX_REMEMBERED = 10_000;

/**
 * Corrects a misspelled word against the knowledge base's own vocabulary. Running fuse.js over the
 * whole vocabulary costs ~12 ms per word at 10,000 words, so letter pairs (bigrams) of words of a
 * similar length pick a short list first and fuse.js ranks only that list. Picking it reads
 * thousands of row entries (pseudo-syllables share pairs), so rows and counters are typed arrays.
 */
export class SpellingCorrector {
  private readonly words: string[];
  private readonly index: BigramIndex;
  private readonly gramCounts: Uint8Array;
  /** Per word: letter pairs shared with the word being corrected; the words with some, in the order met. */
  private readonly counts: Uint16Array;
  private readonly touched: Int32Array;
  private readonly remembered = new Map<string, Correction | null>();

  constructor(vocabulary: Iterable<string>) {
    this.words = [...new Set(vocabulary)].filter((w) => w.length >= MIN_LENGTH - 1 && !hasDigit(w));
    this.index = new BigramIndex(this.words);
    this.gramCounts = Uint8Array.from(this.index.gramCounts, (count) => Math.min(count, 255));
    this.counts = new Uint16Array(this.words.length);
    this.touched = new Int32Array(this.words.length);
  }

  /** The closest vocabulary word, or undefined when nothing is close enough to be a typo. */
  correct(word: string): Correction | undefined {
    if (word.length < MIN_LENGTH || hasDigit(word)) return undefined;
    let correction = this.remembered.get(word);
    if (correction === undefined) {
      correction = this.find(word) ?? null;
      if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
      this.remembered.set(word, correction);
    }
    return correction ?? undefined;
  }

  private find(word: string): Correction | undefined {
    // Only words within reach of an edit can be the answer: the shortlist is measured first, and
    // fuse.js (the costly part) runs only when one is.
    const limit = maxEdits(word.length);
    const shortlist = this.shortlist(word);
    const edits = new Map<string, number>();
    for (const candidate of shortlist) {
      const distance = editDistance(word, candidate);
      if (distance <= limit) edits.set(candidate, distance);
    }
    if (edits.size === 0) return undefined;
    const fuse = new Fuse(shortlist, { includeScore: true, ignoreLocation: true, threshold: MAX_FUSE_SCORE, isCaseSensitive: true });
    // fuse.js ranks; the edit distance decides, since bitap counts a swap of two letters as two errors
    // and would reject "wolrd" while accepting a short word hidden inside a long one.
    // Of those within reach, the fewest edits wins (fuse.js's order on ties).
    let best: Correction | undefined;
    let fewest = limit + 1;
    for (const { item } of fuse.search(word, { limit: 3 })) {
      const distance = edits.get(item) ?? Infinity;
      if (distance < fewest) {
        fewest = distance;
        best = { word: item, similarity: 1 - distance / Math.max(word.length, item.length) };
      }
    }
    return best;
  }

  /** Vocabulary words at most `maxEdits` letters longer or shorter sharing most letter pairs with `word`. */
  private shortlist(word: string): string[] {
    const { index, counts, touched, gramCounts } = this;
    const { rowStart, words } = index;
    const grams = bigramsOf(word, []);
    const slack = maxEdits(word.length);
    let met = 0;
    for (let length = word.length - slack; length <= word.length + slack; length++) {
      for (const gram of grams) {
        const row = index.row(length, gram);
        if (row < 0) continue;
        for (let at = rowStart[row]!, end = rowStart[row + 1]!; at < end; at++) {
          const i = words[at]!;
          if (counts[i]++ === 0) touched[met++] = i;
        }
      }
    }
    const scored: Array<[string, number]> = [];
    for (let k = 0; k < met; k++) {
      const i = touched[k]!;
      const dice = (2 * counts[i]!) / (grams.length + gramCounts[i]!);
      counts[i] = 0;
      if (dice >= MIN_DICE) scored.push([this.words[i]!, dice]);
    }
    return scored
      .sort((a, b) => b[1] - a[1])
      .slice(0, SHORTLIST)
      .map(([w]) => w);
  }
}

/** True when the word holds an ASCII digit (what `/\d/` finds, without a regular expression per word). */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** One slip in a short word, two in a word of 7 letters or more. */
function maxEdits(length: number): number {
  return length >= 7 ? 2 : 1;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  // Three rows of the table (the swap looks two rows back), reused across calls.
  const width = b.length + 1;
  if (rowsOf.length < 3 * width) rowsOf = new Int32Array(3 * width * 2);
  let older = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rowsOf[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rowsOf[current] = i;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rowsOf[previous + j]! + 1, rowsOf[current + j - 1]! + 1, rowsOf[previous + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rowsOf[older + j - 2]! + 1);
      rowsOf[current + j] = d;
    }
    [older, previous, current] = [previous, current, older];
  }
  return rowsOf[previous + b.length]!;
}

let rowsOf = new Int32Array(3 * 32);
