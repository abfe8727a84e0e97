import Fuse from 'fuse.js';

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
 * similar length pick a short list first and fuse.js ranks only that list.
 */
export class SpellingCorrector {
  private readonly words: string[];
  /** Per word length: bigram (see `bigramsOf`) → words of that length holding it. */
  private readonly postings: Array<Map<number, number[]>> = [];
  private readonly gramCounts: Uint8Array;
  private readonly counts: Uint16Array;
  private readonly touched: number[] = [];
  private readonly remembered = new Map<string, Correction | null>();

  constructor(vocabulary: Iterable<string>) {
    this.words = [...new Set(vocabulary)].filter((w) => w.length >= MIN_LENGTH - 1 && !/\d/.test(w));
    this.gramCounts = new Uint8Array(this.words.length);
    const grams: number[] = [];
    this.words.forEach((w, i) => {
      bigramsOf(w, grams);
      this.gramCounts[i] = Math.min(grams.length, 255);
      const postings = (this.postings[w.length] ??= new Map());
      for (const g of grams) {
        const list = postings.get(g);
        if (list) list.push(i);
        else postings.set(g, [i]);
      }
    });
    this.counts = new Uint16Array(this.words.length);
  }

  /** The closest vocabulary word, or undefined when nothing is close enough to be a typo. */
  correct(word: string): Correction | undefined {
    if (word.length < MIN_LENGTH || /\d/.test(word)) return undefined;
    let correction = this.remembered.get(word);
    if (correction === undefined) {
      correction = this.find(word) ?? null;
      if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
      this.remembered.set(word, correction);
    }
    return correction ?? undefined;
  }

  private find(word: string): Correction | undefined {
    const shortlist = this.shortlist(word);
    if (shortlist.length === 0) return undefined;
    const fuse = new Fuse(shortlist, { includeScore: true, ignoreLocation: true, threshold: MAX_FUSE_SCORE, isCaseSensitive: true });
    // fuse.js ranks; the edit distance decides, since bitap counts a swap of two letters as two errors
    // and would reject "wolrd" while accepting a short word hidden inside a long one.
    for (const { item } of fuse.search(word, { limit: 3 })) {
      const edits = editDistance(word, item);
      if (edits <= maxEdits(word.length)) return { word: item, similarity: 1 - edits / Math.max(word.length, item.length) };
    }
    return undefined;
  }

  /** Vocabulary words at most `maxEdits` letters longer or shorter sharing most letter pairs with `word`. */
  private shortlist(word: string): string[] {
    const grams = bigramsOf(word, []);
    const slack = maxEdits(word.length);
    for (let length = word.length - slack; length <= word.length + slack; length++) {
      const postings = this.postings[length];
      if (!postings) continue;
      for (const g of grams) {
        for (const i of postings.get(g) ?? []) {
          if (this.counts[i]++ === 0) this.touched.push(i);
        }
      }
    }
    const scored: Array<[string, number]> = [];
    for (const i of this.touched) {
      const dice = (2 * this.counts[i]!) / (grams.length + this.gramCounts[i]!);
      this.counts[i] = 0;
      if (dice >= MIN_DICE) scored.push([this.words[i]!, dice]);
    }
    this.touched.length = 0;
    return scored
      .sort((a, b) => b[1] - a[1])
      .slice(0, SHORTLIST)
      .map(([w]) => w);
  }
}

/** One slip in a short word, two in a word of 7 letters or more. */
function maxEdits(length: number): number {
  return length >= 7 ? 2 : 1;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The distinct letter pairs of a word padded with boundary marks ("oim": ^o, oi, im, m$), each as
 * one number (two UTF-16 code units; 0 marks the boundary), into `out`.
 */
function bigramsOf(word: string, out: number[]): number[] {
  out.length = 0;
  for (let i = 0; i <= word.length; i++) {
    const gram = (i === 0 ? 0 : word.charCodeAt(i - 1)) * 65536 + (i === word.length ? 0 : word.charCodeAt(i));
    if (!out.includes(gram)) out.push(gram);
  }
  return out;
}
