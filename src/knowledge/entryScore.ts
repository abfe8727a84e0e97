import type { TermIndex } from './bm25';
import { coverageScore } from './coverageScore';
import type { QueryTerm } from './EntryScorer';

/**
 * An entry's best phrasing score, from each phrasing's term list (`TermIndex.phrasingTerms`):
 * `position` gives each query term's position in `terms` + 1 (0 for other terms), `hits` is
 * scratch of `terms.length` zeros (left zero). Each phrasing sums its query words in query order,
 * as scoring from the postings does, so both give the same score, bit for bit.
 */
export function entryScore(
  index: TermIndex,
  e: number,
  terms: readonly QueryTerm[],
  position: Int32Array,
  hits: Uint8Array,
  entryWeight: number,
  total: number,
  discount: number,
): number {
  const { phrasingTermStart: start, phrasingTerms: list } = index;
  let best = 0;
  for (let p = index.entryPhrasingStart[e]!; p < index.entryPhrasingStart[e + 1]!; p++) {
    let found = 0;
    for (let i = start[p]!; i < start[p + 1]!; i++) {
      const k = position[list[i]!]!;
      if (k !== 0) {
        hits[k - 1] = 1;
        found++;
      }
    }
    if (found === 0) continue;
    let own = 0;
    let idf = 0;
    for (let k = 0; k < terms.length; k++) {
      if (hits[k] === 0) continue;
      own += terms[k]!.weight;
      idf += terms[k]!.idf;
      hits[k] = 0;
    }
    const score = coverageScore(own, entryWeight, idf, index.phrasingWeight[p]!, total, discount);
    if (score > best) best = score;
  }
  return best;
}
