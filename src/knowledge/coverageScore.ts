/*
 * `scoreQuery`'s formula, for one phrasing and as a bound for all the phrasings of an entry.
 */

/** Query words matched by another phrasing of the same entry count this much. */
const SIBLING_WEIGHT = 0.5;
/**
 * Phrasing coverage mostly ranks (of entries that explain the whole query, prefer the one whose
 * phrasing the query covers best); it lowers the confidence of a full-query match at most to this.
 */
const PHRASING_COVERAGE_FLOOR = 0.5;
/**
 * A score computed in floating point may exceed its bound computed in floating point by a few
 * rounding errors (about 1e-16 each); bounds are raised by far more than that.
 */
const BOUND_SLACK = 1 + 1e-9;

/** `scoreQuery`'s formula for one phrasing. */
export function coverageScore(own: number, entryWeight: number, matchedIdf: number, phrasingWeight: number, total: number, discount: number): number {
  const explained = own + SIBLING_WEIGHT * (entryWeight - own);
  const queryCoverage = Math.min(1, explained / total);
  const phrasingCoverage = Math.min(1, matchedIdf / phrasingWeight);
  return queryCoverage * (PHRASING_COVERAGE_FLOOR + (1 - PHRASING_COVERAGE_FLOOR) * phrasingCoverage) * discount;
}

/**
 * No phrasing of an entry scores above this: the entry's share of the query weight (`entryWeight`
 * of `total`) can only be its phrasings' best, and the query words can cover at most `entryShare`
 * of any one of its phrasings (each word's largest share of a phrasing of the entry, summed).
 */
export function coverageBound(entryWeight: number, entryShare: number, total: number, discount: number): number {
  const coverage = Math.min(1, entryShare);
  return Math.min(1, entryWeight / total) * (PHRASING_COVERAGE_FLOOR + (1 - PHRASING_COVERAGE_FLOOR) * coverage) * discount * BOUND_SLACK;
}
