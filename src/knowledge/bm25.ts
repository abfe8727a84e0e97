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
  /** The IDF of a term no entry uses. */
  maxIdf = 0;
  /** Every folded word form the phrasings use (the spelling vocabulary). */
  readonly surfaces = new Set<string>();

  // Postings in compressed rows: term t's phrasings are phrasings[start[t] .. start[t + 1]).
  private phrasingStart: Int32Array = new Int32Array(1);
  private phrasings: Int32Array = new Int32Array(0);
  private entryStart: Int32Array = new Int32Array(1);
  private entries: Int32Array = new Int32Array(0);

  // While building: each phrasing's entry and distinct terms, flat; postings are made in `finish`.
  private building: {
    phrasingEntry: number[];
    phrasingTerms: number[];
    phrasingTermStart: number[];
    firstSurface: string[];
    /** Per term, the last phrasing that listed it: de-duplicates a phrasing's terms in O(1) (answers are long). */
    lastPhrasing: number[];
  } | null = {
    lastPhrasing: [],
    firstSurface: [],
    phrasingEntry: [],
    phrasingTerms: [],
    phrasingTermStart: [0],
  };

  constructor(readonly entryCount: number) {}

  /** The term number of a stem, or undefined when no phrasing uses it. */
  term(stem: string): number | undefined {
    return this.terms.get(stem);
  }

  /** Adds one phrasing of entry `entry` (words in any order, duplicates allowed). */
  addPhrasing(entry: number, words: ReadonlyArray<{ surface: string; stem: string }>): void {
    const b = this.builder();
    const phrasing = b.phrasingEntry.length;
    for (let i = 0; i < words.length; i++) {
      const { surface, stem } = words[i]!;
      let t = this.terms.get(stem);
      if (t === undefined) {
        this.terms.set(stem, (t = this.terms.size));
        b.firstSurface.push(surface);
        this.surfaces.add(surface);
      } else if (b.firstSurface[t] !== surface) {
        this.surfaces.add(surface);
      }
      if (b.lastPhrasing[t] !== phrasing) {
        b.lastPhrasing[t] = phrasing;
        b.phrasingTerms.push(t);
      }
    }
    b.phrasingEntry.push(entry);
    b.phrasingTermStart.push(b.phrasingTerms.length);
  }

  /** Freezes the index into typed arrays; call once after every `addPhrasing`. */
  finish(): this {
    const { phrasingEntry, phrasingTerms, phrasingTermStart } = this.builder();
    const termCount = this.terms.size;
    const phrasingCount = phrasingEntry.length;
    // Postings in two passes over the flat lists: count, then fill. Phrasings of one entry are
    // contiguous, so "last entry seen" per term is enough to list each entry once.
    const lastEntry = new Int32Array(termCount).fill(-1);
    const phrasingCounts = new Int32Array(termCount);
    const entryCounts = new Int32Array(termCount);
    for (let p = 0; p < phrasingCount; p++) {
      for (let i = phrasingTermStart[p]!; i < phrasingTermStart[p + 1]!; i++) {
        const t = phrasingTerms[i]!;
        phrasingCounts[t]!++;
        if (lastEntry[t] !== phrasingEntry[p]) {
          lastEntry[t] = phrasingEntry[p]!;
          entryCounts[t]!++;
        }
      }
    }
    this.phrasingStart = offsets(phrasingCounts);
    this.entryStart = offsets(entryCounts);
    this.phrasings = new Int32Array(this.phrasingStart[termCount]!);
    this.entries = new Int32Array(this.entryStart[termCount]!);
    const nextPhrasing = this.phrasingStart.slice(0, termCount);
    const nextEntry = this.entryStart.slice(0, termCount);
    lastEntry.fill(-1);
    for (let p = 0; p < phrasingCount; p++) {
      for (let i = phrasingTermStart[p]!; i < phrasingTermStart[p + 1]!; i++) {
        const t = phrasingTerms[i]!;
        this.phrasings[nextPhrasing[t]!++] = p;
        if (lastEntry[t] !== phrasingEntry[p]) {
          lastEntry[t] = phrasingEntry[p]!;
          this.entries[nextEntry[t]!++] = phrasingEntry[p]!;
        }
      }
    }
    const n = Math.max(this.entryCount, 1);
    this.idf = Float64Array.from(entryCounts, (df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    this.maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    this.phrasingEntry = Int32Array.from(phrasingEntry);
    this.phrasingWeight = new Float64Array(phrasingCount);
    for (let p = 0; p < phrasingCount; p++) {
      let weight = 0;
      for (let i = phrasingTermStart[p]!; i < phrasingTermStart[p + 1]!; i++) weight += this.idf[phrasingTerms[i]!]!;
      this.phrasingWeight[p] = weight;
    }
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

  /** Entries with a phrasing holding term `t`: `entries[from .. to)` of the returned list. */
  entriesOf(t: number): { list: Int32Array; from: number; to: number } {
    return { list: this.entries, from: this.entryStart[t]!, to: this.entryStart[t + 1]! };
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
