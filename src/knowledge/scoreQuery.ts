import type { TermIndex } from './bm25';
import type { ConfidenceBand } from './types';

/** One query word found in the index: its IDF, and its weight (IDF, less for a corrected word). */
export interface QueryTerm {
  term: number;
  weight: number;
  idf: number;
}

/** Reusable per-index buffers, so a search allocates almost nothing. */
export interface Scratch {
  matched: Float64Array;
  matchedIdf: Float64Array;
  entryMatched: Float64Array;
  best: Float64Array;
}

export interface ScoredEntry {
  entry: number;
  score: number;
}

/**
 * Confidence bands, in the spirit of Azure question answering's high/medium/low but calibrated on
 * this score (query coverage × phrasing coverage), whose scale differs: measured on the answer-quality
 * set (test/eval), right answers score 0.33–1.0 and out-of-scope questions mostly below 0.32.
 * high: answer; medium: "did you mean"; low/none: "I don't know".
 */
export const HIGH = 0.33;
export const MEDIUM = 0.32;
export const LOW = 0.2;
/** A winner must lead the runner-up by this much to be answered without asking. */
export const MARGIN = 0.05;
const MAX_CANDIDATES = 5;

/** Query words matched by another phrasing of the same entry count this much. */
const SIBLING_WEIGHT = 0.5;
/**
 * Phrasing coverage mostly ranks (of entries that explain the whole query, prefer the one whose
 * phrasing the query covers best); it lowers the confidence of a full-query match at most to this.
 */
const PHRASING_COVERAGE_FLOOR = 0.5;

/**
 * Scores every entry that shares a word with the query, 0..1:
 *   query coverage    = weight of query words the entry explains / weight of all query words
 *                       (words the knowledge base never uses count, so "what's the weather" scores 0),
 *   phrasing coverage = IDF of the phrasing's words the query has / IDF of all the phrasing's words,
 *   score             = query coverage × (0.5 + 0.5 × phrasing coverage), best phrasing of each entry.
 * Then bands the best score, demoting a winner without a clear lead over the runner-up.
 */
export function scoreQuery(
  index: TermIndex,
  terms: readonly QueryTerm[],
  unknownWeight: number,
  s: Scratch,
  discount = 1,
): { candidates: ScoredEntry[]; band: ConfidenceBand } {
  const total = terms.reduce((sum, t) => sum + t.weight, unknownWeight);
  if (terms.length === 0 || total <= 0) return { candidates: [], band: 'none' };
  const phrasings: number[] = [];
  const entries: number[] = [];
  for (const { term, weight, idf } of terms) {
    const ps = index.phrasingsOf(term);
    for (let i = ps.from; i < ps.to; i++) {
      const p = ps.list[i]!;
      if (s.matched[p] === 0) phrasings.push(p);
      s.matched[p]! += weight;
      s.matchedIdf[p]! += idf;
    }
    const es = index.entriesOf(term);
    for (let i = es.from; i < es.to; i++) {
      const e = es.list[i]!;
      if (s.entryMatched[e] === 0) entries.push(e);
      s.entryMatched[e]! += weight;
    }
  }
  for (const p of phrasings) {
    const e = index.phrasingEntry[p]!;
    const own = s.matched[p]!;
    const explained = own + SIBLING_WEIGHT * (s.entryMatched[e]! - own);
    const queryCoverage = Math.min(1, explained / total);
    const phrasingCoverage = Math.min(1, s.matchedIdf[p]! / index.phrasingWeight[p]!);
    const score = queryCoverage * (PHRASING_COVERAGE_FLOOR + (1 - PHRASING_COVERAGE_FLOOR) * phrasingCoverage) * discount;
    if (score > s.best[e]!) s.best[e] = score;
    s.matched[p] = 0;
    s.matchedIdf[p] = 0;
  }
  const candidates = top(entries, s.best, MAX_CANDIDATES);
  for (const e of entries) {
    s.entryMatched[e] = 0;
    s.best[e] = 0;
  }
  return { candidates, band: bandOf(candidates) };
}

/** The band of a ranked candidate list. */
export function bandOf(candidates: readonly ScoredEntry[]): ConfidenceBand {
  const first = candidates[0]?.score ?? 0;
  const second = candidates[1]?.score ?? 0;
  if (first >= HIGH) return first - second >= MARGIN ? 'high' : 'medium';
  if (first >= MEDIUM) return 'medium';
  if (first >= LOW) return 'low';
  return 'none';
}

function top(entries: readonly number[], scores: Float64Array, k: number): ScoredEntry[] {
  const best: ScoredEntry[] = [];
  for (const entry of entries) {
    const score = scores[entry]!;
    if (score <= 0 || (best.length === k && score <= best[k - 1]!.score)) continue;
    best.push({ entry, score });
    best.sort((a, b) => b.score - a.score || a.entry - b.entry);
    if (best.length > k) best.pop();
  }
  return best;
}
