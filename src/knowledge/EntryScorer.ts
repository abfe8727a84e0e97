import type { TermIndex } from './bm25';
import { coverageBound, coverageScore } from './coverageScore';
import { entryScore } from './entryScore';

/** One query word found in the index: its IDF, and its weight (IDF, less for a corrected word). */
export interface QueryTerm {
  term: number;
  weight: number;
  idf: number;
}

/**
 * Reading a word of a phrasing's term list costs a lookup in a small array; a posting costs two
 * updates in an array as long as all phrasings, and a second visit to score the phrasing. (Tried:
 * 2, 4, 8, 16; 8 was best, by a little.)
 */
const READ_RATIO = 8;
/** Below this many postings, scoring every phrasing costs less than working out what to leave out. */
const FEW_POSTINGS = 512;

/**
 * Scores the entries sharing a word with a query (the formula is `scoreQuery`'s) into `best`,
 * with buffers made once per index so a search allocates almost nothing.
 *
 * Common words are in thousands of phrasings, and scoring each of them was most of a slow search.
 * But an entry's phrasings cannot score above a bound known from its entry postings alone (its
 * share of the query's weight, and the most of one of its phrasings the query words could cover:
 * `coverageBound`), so entries are scored from the index's term lists in order of bound, until the next
 * bound is below the lowest score of the top so far: no entry left can reach it.
 * When too many do (a query of common words only), every matching phrasing is scored from the
 * postings instead. Both ways give the same scores, bit for bit: each sum is made in query order.
 * A reading of the query in another language only has to beat the best reading so far: its
 * entries whose bound is above that score are scored first, and if none beats it, no other is.
 */
export class EntryScorer {
  /** Per entry: its best score (0: not scored). */
  readonly best: Float64Array;
  /** The entries sharing a word with the query, in the order they were first met (ties keep that order). */
  readonly touched: Int32Array;
  /**
   * Per entry: summed weight of the query words any of its phrasings has, the sum of their largest
   * shares of one phrasing (`TermIndex.entriesOf`), and its bound.
   */
  private readonly entryWeight: Float64Array;
  private readonly entryShare: Float64Array;
  private readonly bound: Float64Array;
  /**
   * Per phrasing p, at `4 * p`: summed weight and IDF of its query words, its `phrasingWeight`
   * and its entry. Side by side, scoring a phrasing touches one cache line, not four arrays.
   */
  private readonly matched: Float64Array;
  private readonly touchedPhrasings: Int32Array;
  /** Per term: its position in the query + 1 (0: not in the query). */
  private readonly position: Int32Array;
  private hits = new Uint8Array(16);
  private readonly queue: EntryQueue;

  constructor(private readonly index: TermIndex) {
    this.best = new Float64Array(index.entryCount);
    this.touched = new Int32Array(index.entryCount);
    this.entryWeight = new Float64Array(index.entryCount);
    this.entryShare = new Float64Array(index.entryCount);
    this.bound = new Float64Array(index.entryCount);
    this.matched = new Float64Array(4 * index.phrasingCount);
    for (let p = 0; p < index.phrasingCount; p++) {
      this.matched[4 * p + 2] = index.phrasingWeight[p]!;
      this.matched[4 * p + 3] = index.phrasingEntry[p]!;
    }
    this.touchedPhrasings = new Int32Array(index.phrasingCount);
    this.position = new Int32Array(index.terms.size);
    this.queue = new EntryQueue(index.entryCount);
  }

  /**
   * Scores, into `best`, the entries that may rank among the best `keep` for `terms` (whose
   * weights and the unknown words' add up to `total`); returns how many entries `touched` lists.
   * An entry left unscored (`best` 0) scores less than `keep` others. When no entry scores above
   * `mustBeat`, none is left scored (`best` all 0). Call `clear` after reading.
   */
  score(terms: readonly QueryTerm[], total: number, discount: number, keep: number, mustBeat: number): number {
    const { index, entryWeight, entryShare, touched, bound } = this;
    let count = 0;
    let postings = 0;
    for (const { term, weight } of terms) {
      const es = index.entriesOf(term);
      for (let i = es.from; i < es.to; i++) {
        const e = es.list[i]!;
        if (entryWeight[e] === 0) touched[count++] = e;
        entryWeight[e]! += weight;
        entryShare[e]! += es.shares[i]!;
      }
      const ps = index.phrasingsOf(term);
      postings += ps.to - ps.from;
    }
    let highest = 0;
    for (let i = 0; i < count; i++) {
      const e = touched[i]!;
      const b = coverageBound(entryWeight[e]!, entryShare[e]!, total, discount);
      bound[e] = b;
      if (b > highest) highest = b;
    }
    if (highest <= mustBeat) return count;
    if (postings <= FEW_POSTINGS) this.scoreAll(terms, total, discount);
    else if (!this.scoreByBound(terms, total, discount, keep, count, postings * READ_RATIO, mustBeat)) return count;
    // Scored every way but `mayBeat`'s, nothing tells in advance that no entry beats `mustBeat`.
    if (mustBeat >= 0 && !this.anyAbove(count, mustBeat)) this.forget(count);
    return count;
  }

  /** `score` for many postings: by bound when it pays; false when no entry scores above `mustBeat` (`best` all 0). */
  private scoreByBound(terms: readonly QueryTerm[], total: number, discount: number, keep: number, count: number, budget: number, mustBeat: number): boolean {
    const { position } = this;
    terms.forEach(({ term }, k) => (position[term] = k + 1));
    if (this.hits.length < terms.length) this.hits = new Uint8Array(terms.length);
    try {
      if (mustBeat >= 0 && !this.mayBeat(terms, total, discount, count, budget, mustBeat)) return false;
      if (!this.scoreWithinBound(terms, total, discount, keep, count, budget)) this.scoreAll(terms, total, discount);
      return true;
    } finally {
      for (const { term } of terms) position[term] = 0;
    }
  }

  private entryScore(e: number, terms: readonly QueryTerm[], total: number, discount: number): number {
    return entryScore(this.index, e, terms, this.position, this.hits, this.entryWeight[e]!, total, discount);
  }

  private anyAbove(count: number, score: number): boolean {
    for (let i = 0; i < count; i++) if (this.best[this.touched[i]!]! > score) return true;
    return false;
  }

  /** Leaves `best` all 0. */
  private forget(count: number): void {
    for (let i = 0; i < count; i++) this.best[this.touched[i]!] = 0;
  }

  /**
   * Whether an entry scores above `mustBeat`, found by scoring (into `best`) entries in order of
   * bound while their bound is above it; true without knowing when that would read more than
   * `budget` words of term lists. When false, `best` is left all 0.
   */
  private mayBeat(terms: readonly QueryTerm[], total: number, discount: number, count: number, budget: number, mustBeat: number): boolean {
    const { best, bound } = this;
    const queue = this.byBound(count);
    let reading = 0;
    for (let e = queue.pop(); e >= 0 && bound[e]! > mustBeat; e = queue.pop()) {
      if ((reading += this.cost(e)) > budget) return true;
      if ((best[e] = this.entryScore(e, terms, total, discount)) > mustBeat) return true;
    }
    this.forget(count);
    return false;
  }

  /** Forgets the last query (`count` as `score` returned it). */
  clear(count: number): void {
    for (let i = 0; i < count; i++) {
      const e = this.touched[i]!;
      this.entryWeight[e] = 0;
      this.entryShare[e] = 0;
      this.best[e] = 0;
    }
  }

  /** Every phrasing holding a query word, from the postings; each sums its words in query order. */
  private scoreAll(terms: readonly QueryTerm[], total: number, discount: number): void {
    const { index, matched, touchedPhrasings, entryWeight, best } = this;
    let count = 0;
    for (const { term, weight, idf } of terms) {
      const ps = index.phrasingsOf(term);
      for (let i = ps.from; i < ps.to; i++) {
        const p = ps.list[i]!;
        if (matched[4 * p] === 0) touchedPhrasings[count++] = p;
        matched[4 * p]! += weight;
        matched[4 * p + 1]! += idf;
      }
    }
    for (let i = 0; i < count; i++) {
      const p = touchedPhrasings[i]!;
      const e = matched[4 * p + 3]!;
      const score = coverageScore(matched[4 * p]!, entryWeight[e]!, matched[4 * p + 1]!, matched[4 * p + 2]!, total, discount);
      if (score > best[e]!) best[e] = score;
      matched[4 * p] = 0;
      matched[4 * p + 1] = 0;
    }
  }

  /**
   * Scores entries in order of bound until the next one's bound is below the `keep`-th best score
   * so far (no entry left can reach the top); false when that would read more than `budget` words
   * of term lists.
   */
  private scoreWithinBound(terms: readonly QueryTerm[], total: number, discount: number, keep: number, count: number, budget: number): boolean {
    const { best, bound } = this;
    const queue = this.byBound(count);
    const kept = new TopScores(keep);
    let reading = 0;
    for (let e = queue.pop(); e >= 0 && bound[e]! >= kept.floor; e = queue.pop()) {
      if (best[e] === 0) {
        if ((reading += this.cost(e)) > budget) return false;
        best[e] = this.entryScore(e, terms, total, discount);
      }
      kept.add(best[e]!);
    }
    return true;
  }

  /** The `count` touched entries, to be taken in order of decreasing bound. */
  private byBound(count: number): EntryQueue {
    this.queue.fill(this.touched, count, this.bound);
    return this.queue;
  }

  /** How many words of term lists scoring an entry reads. */
  private cost(e: number): number {
    const { phrasingTermStart, entryPhrasingStart } = this.index;
    return phrasingTermStart[entryPhrasingStart[e + 1]!]! - phrasingTermStart[entryPhrasingStart[e]!]!;
  }
}

/** Entries taken in order of decreasing value: a binary max-heap, made in linear time. */
class EntryQueue {
  private heap: Int32Array;
  private size = 0;
  private values: Float64Array = new Float64Array(0);

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
  }

  fill(entries: Int32Array, count: number, values: Float64Array): void {
    this.heap.set(entries.subarray(0, count));
    this.size = count;
    this.values = values;
    for (let i = (count >> 1) - 1; i >= 0; i--) this.sink(i);
  }

  /** The entry with the highest value, removed; -1 when none is left. */
  pop(): number {
    if (this.size === 0) return -1;
    const first = this.heap[0]!;
    this.heap[0] = this.heap[--this.size]!;
    this.sink(0);
    return first;
  }

  private sink(i: number): void {
    const { heap, values, size } = this;
    const e = heap[i]!;
    const v = values[e]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && values[heap[child + 1]!]! > values[heap[child]!]!) child++;
      if (values[heap[child]!]! <= v) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = e;
  }
}

/** The `keep` best scores seen; `floor` is the least of them once there are `keep` (0 before). */
class TopScores {
  private readonly scores: number[] = [];
  floor = 0;

  constructor(private readonly keep: number) {}

  add(score: number): void {
    const { scores, keep } = this;
    if (scores.length === keep && score <= scores[keep - 1]!) return;
    let at = scores.length;
    while (at > 0 && scores[at - 1]! < score) at--;
    scores.splice(at, 0, score);
    if (scores.length > keep) scores.pop();
    if (scores.length === keep) this.floor = scores[keep - 1]!;
  }
}
