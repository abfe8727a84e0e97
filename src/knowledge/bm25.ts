import { grown } from './grown';
import type { WordTable } from './WordTable';

/**
 * The inverted index behind search: stems → phrasings (a question or an alternate of one entry in
 * one language) and stems → entries. Terms are weighted by BM25's IDF, counted over entry ids so an
 * entry with many alternates does not make its own words look common. Term frequency saturates at
 * one (a phrasing is one short sentence), and BM25's length normalisation is replaced by coverage
 * (how much of the query, and of the phrasing, the shared terms make up), which bounds scores to 0..1.
 *
 * Add every phrasing of an entry before the next entry's (`SearchIndex.build` does), then `finish`.
 */
export class TermIndex {
  /** stem → term number */
  readonly terms = new Map<string, number>();
  /** Per term: BM25 IDF over entry ids. */
  idf: Float64Array = new Float64Array(0);
  /** Per phrasing: the entry it belongs to, and the summed IDF of its distinct terms. */
  phrasingEntry: Int32Array = new Int32Array(0);
  phrasingWeight: Float64Array = new Float64Array(0);
  /** Phrasing p's distinct terms: `phrasingTerms[phrasingTermStart[p] .. phrasingTermStart[p + 1])`. */
  phrasingTermStart: Int32Array = new Int32Array(1);
  phrasingTerms: Int32Array = new Int32Array(0);
  /** Entry e's phrasings, which are consecutive: `entryPhrasingStart[e] .. entryPhrasingStart[e + 1]`. */
  entryPhrasingStart: Int32Array = new Int32Array(1);
  /**
   * Per entry posting (parallel to the entries of `entriesOf`): the largest share of a phrasing's
   * weight the term makes up, over the entry's phrasings holding it. Summed over a query's terms, it
   * bounds how much of any one phrasing of the entry the query can cover.
   */
  private entryShares: Float64Array = new Float64Array(0);
  /** The IDF of a term no entry uses. */
  maxIdf = 0;
  /**
   * Every folded word form the phrasings use (the spelling vocabulary), some more than once (one
   * per word id: "word" and "word?" are two chunks, and French and English share words).
   */
  readonly surfaces: string[] = [];

  // Postings in compressed rows: term t's phrasings are phrasings[start[t] .. start[t + 1]).
  private phrasingStart: Int32Array = new Int32Array(1);
  private phrasings: Int32Array = new Int32Array(0);
  private entryStart: Int32Array = new Int32Array(1);
  private entries: Int32Array = new Int32Array(0);

  // While building: each phrasing's entry and distinct terms, flat; postings are made in `finish`.
  // Typed arrays grown by doubling: a few million numbers, so no boxed values for the collector.
  private building: {
    phrasingCount: number;
    phrasingEntry: Int32Array;
    /** Phrasing p's terms are terms[termStart[p] .. termStart[p + 1]). */
    phrasingTermStart: Int32Array;
    termCount: number;
    phrasingTerms: Int32Array;
    /** Word id → term number + 1 (0: not seen yet). */
    wordTerm: Int32Array;
    /**
     * Per term, the last phrasing that listed it + 1: de-duplicates a phrasing's terms in O(1)
     * (answers are long). Terms are counted in `finish`: the fewer arrays the three million words
     * of a build touch, the more of the word table stays in cache.
     */
    lastPhrasing: Int32Array;
  } | null;

  constructor(
    readonly entryCount: number,
    /** Where the word ids given to `addPhrasing` come from. */
    private readonly words: WordTable,
    /**
     * How many phrasings and words (with repeats) will be added, if known: room made at once, not
     * by doubling (copying a few million numbers, and touching fresh memory twice).
     */
    expected: { phrasings: number; words: number } = { phrasings: 1024, words: 8192 },
  ) {
    this.building = {
      phrasingCount: 0,
      phrasingEntry: new Int32Array(expected.phrasings + 1),
      phrasingTermStart: new Int32Array(expected.phrasings + 2),
      termCount: 0,
      phrasingTerms: new Int32Array(expected.words + 1),
      wordTerm: new Int32Array(1024),
      lastPhrasing: new Int32Array(1024),
    };
  }

  /** The term number of a stem, or undefined when no phrasing uses it. */
  term(stem: string): number | undefined {
    return this.terms.get(stem);
  }

  /**
   * Adds one phrasing of entry `entry`: the ids of its words, `words[0 .. length)` (as
   * `WordTable.analyse` gives them), in any order, duplicates allowed.
   */
  addPhrasing(entry: number, words: Int32Array, length: number): void {
    const b = this.builder();
    const phrasing = b.phrasingCount;
    if (phrasing > 0 && entry < b.phrasingEntry[phrasing - 1]!) throw new Error(`entry ${entry} added after a later entry`);
    if (b.termCount + length > b.phrasingTerms.length) b.phrasingTerms = grown(b.phrasingTerms, b.termCount + length);
    const { phrasingTerms } = b;
    let { lastPhrasing } = b;
    let count = b.termCount;
    for (let i = 0; i < length; i++) {
      const word = words[i]!;
      // Word ids are shared by every text using the word: after the first, an array lookup.
      if (word >= b.wordTerm.length) b.wordTerm = grown(b.wordTerm, word);
      let t = b.wordTerm[word]! - 1;
      if (t < 0) {
        t = this.newWord(word);
        lastPhrasing = b.lastPhrasing;
      }
      if (lastPhrasing[t] !== phrasing + 1) {
        lastPhrasing[t] = phrasing + 1;
        phrasingTerms[count++] = t;
      }
    }
    b.termCount = count;
    if (phrasing + 1 >= b.phrasingEntry.length) {
      b.phrasingEntry = grown(b.phrasingEntry, phrasing + 1);
      b.phrasingTermStart = grown(b.phrasingTermStart, phrasing + 2);
    }
    b.phrasingEntry[phrasing] = entry;
    b.phrasingTermStart[phrasing + 1] = count;
    b.phrasingCount = phrasing + 1;
  }

  /** The term of a word id seen for the first time (a new term when its stem is new). */
  private newWord(word: number): number {
    const b = this.builder();
    const stem = this.words.stem(word);
    let t = this.terms.get(stem);
    if (t === undefined) {
      this.terms.set(stem, (t = this.terms.size));
      if (t >= b.lastPhrasing.length) b.lastPhrasing = grown(b.lastPhrasing, t);
    }
    b.wordTerm[word] = t + 1;
    this.surfaces.push(this.words.surface(word));
    return t;
  }

  /** Freezes the index into typed arrays; call once after every `addPhrasing`. */
  finish(): this {
    const { phrasingEntry, phrasingTerms, phrasingTermStart, phrasingCount, termCount: listed } = this.builder();
    const termCount = this.terms.size;
    // Postings in two passes over the flat lists: count, then fill. Phrasings of one entry are
    // contiguous, so "last entry seen" per term is enough to list each entry once. (Fields are
    // read into locals: the loops run over two million postings.)
    const lastEntry = new Int32Array(termCount).fill(-1);
    const phrasingCounts = new Int32Array(termCount);
    const entryCounts = new Int32Array(termCount);
    for (let p = 0, i = 0; p < phrasingCount; p++) {
      const entry = phrasingEntry[p]!;
      for (const end = phrasingTermStart[p + 1]!; i < end; i++) {
        const t = phrasingTerms[i]!;
        phrasingCounts[t]!++;
        if (lastEntry[t] !== entry) {
          lastEntry[t] = entry;
          entryCounts[t]!++;
        }
      }
    }
    const phrasingStart = offsets(phrasingCounts);
    const entryStart = offsets(entryCounts);
    const phrasings = new Int32Array(phrasingStart[termCount]!);
    const entries = new Int32Array(entryStart[termCount]!);
    // The counts become each row's next free place.
    const nextPhrasing = phrasingStart.slice(0, termCount);
    const nextEntry = entryStart.slice(0, termCount);
    lastEntry.fill(-1);
    const n = Math.max(this.entryCount, 1);
    const idf = Float64Array.from(entryCounts, (df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    const phrasingWeight = new Float64Array(phrasingCount);
    const entryPhrasingStart = new Int32Array(this.entryCount + 1);
    for (let p = 0, i = 0; p < phrasingCount; p++) {
      let weight = 0;
      for (const end = phrasingTermStart[p + 1]!; i < end; i++) weight += idf[phrasingTerms[i]!]!;
      phrasingWeight[p] = weight;
      entryPhrasingStart[phrasingEntry[p]! + 1] = p + 1;
    }
    const entryShares = new Float64Array(entries.length);
    for (let p = 0, i = 0; p < phrasingCount; p++) {
      const entry = phrasingEntry[p]!;
      const weight = phrasingWeight[p]!;
      for (const end = phrasingTermStart[p + 1]!; i < end; i++) {
        const t = phrasingTerms[i]!;
        phrasings[nextPhrasing[t]!++] = p;
        if (lastEntry[t] !== entry) {
          lastEntry[t] = entry;
          entries[nextEntry[t]!++] = entry;
        }
        // The entry's posting for t is the last one written.
        const share = idf[t]! / weight;
        const at = nextEntry[t]! - 1;
        if (share > entryShares[at]!) entryShares[at] = share;
      }
    }
    // An entry without phrasings starts (and ends) where the one before it ended.
    for (let e = 1; e <= this.entryCount; e++) {
      entryPhrasingStart[e] = Math.max(entryPhrasingStart[e]!, entryPhrasingStart[e - 1]!);
    }
    this.phrasingStart = phrasingStart;
    this.entryStart = entryStart;
    this.phrasings = phrasings;
    this.entries = entries;
    this.idf = idf;
    this.phrasingWeight = phrasingWeight;
    this.entryPhrasingStart = entryPhrasingStart;
    this.entryShares = entryShares;
    this.maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    // Views, not copies: the builder's spare room was never written, so it costs no memory.
    this.phrasingEntry = phrasingEntry.subarray(0, phrasingCount);
    this.phrasingTermStart = phrasingTermStart.subarray(0, phrasingCount + 1);
    this.phrasingTerms = phrasingTerms.subarray(0, listed);
    this.building = null;
    return this;
  }

  get phrasingCount(): number {
    return this.phrasingEntry.length;
  }

  /** Phrasings holding term `t`: `phrasings[from .. to)` of the returned list. */
  phrasingsOf(t: number): { list: Int32Array; from: number; to: number } {
    return { list: this.phrasings, from: this.phrasingStart[t]!, to: this.phrasingStart[t + 1]! };
  }

  /**
   * Entries with a phrasing holding term `t`: `entries[from .. to)` of the returned list, with the
   * largest share of one of their phrasings' weight the term makes up at the same places of `shares`.
   */
  entriesOf(t: number): { list: Int32Array; shares: Float64Array; from: number; to: number } {
    return { list: this.entries, shares: this.entryShares, from: this.entryStart[t]!, to: this.entryStart[t + 1]! };
  }

  private builder() {
    if (!this.building) throw new Error('TermIndex is finished');
    return this.building;
  }
}

/** Start offsets of consecutive rows of the given lengths (one more than there are rows). */
function offsets(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) start[i + 1] = start[i]! + counts[i]!;
  return start;
}
