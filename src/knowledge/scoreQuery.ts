import type { EntryScorer, QueryTerm } from './EntryScorer';
import type { ConfidenceBand } from './types';

export type { QueryTerm };

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
export const MARGIN = 0.03;
const MAX_CANDIDATES = 5;
/**
 * Entries scored on their topic words before the little words and the kind of question rerank
 * them: a question of one topic word ("iom since when?") ties many entries on it.
 */
const RERANKED = 15;
/**
 * A candidate whose main question asks for another kind of answer than the query (a number, a
 * person, a reason: `questionCues`) scores this share, when another candidate asks for the query's.
 */
export const CUE_MISMATCH = 0.85;
/** An entry whose phrasings do not name the organisation a question names scores this share. */
export const OTHER_ORGANISATION = 0.3;

/** Whether a query naming the organisations `asked` is about another one than an entry whose phrasings name `named`. */
export function aboutAnother(asked: readonly string[], named: ReadonlySet<string>): boolean {
  return asked.length > 0 && !asked.some((name) => named.has(name));
}

/**
 * What a query says beside its topic words, and what each entry says: the kind of answer asked
 * for (`questionCues` bits) and the other organisations named (`Lexicon.names`). Each only demotes.
 */
export interface Cues {
  kinds: number;
  /** Other organisations' canonical names in the query. */
  names: readonly string[];
  /** An entry's main question's kinds of answer (`questionCues` bits). */
  kindsOf: (entry: number) => number;
  /** The other organisations an entry's phrasings name. */
  namesOf: (entry: number) => ReadonlySet<string>;
  /**
   * How well the query's little words ("what", « c'est quoi », "hola", "can I") agree with an
   * entry's closest phrasing, 0..1 (1 when the query has none). They carry no topic, but they
   * tell "what is IOM?" from "hello IOM!" when the topic words tie.
   */
  agreement: (entry: number) => number;
}

/** The share of a score that little words' agreement can take away (`Cues.agreement`). */
export const LITTLE_WORDS_SHARE = 0.25;

/**
 * Scores every entry that shares a word with the query, 0..1:
 *   query coverage    = weight of query words the entry explains / weight of all query words
 *                       (words the knowledge base never uses count, so "what's the weather" scores 0),
 *   phrasing coverage = IDF of the phrasing's words the query has / IDF of all the phrasing's words,
 *   score             = query coverage × (0.5 + 0.5 × phrasing coverage), best phrasing of each entry.
 * Then bands the best score, demoting a winner without a clear lead over the runner-up.
 * With `mustBeat`, a query whose entries cannot score above it (known before scoring them) has
 * no candidates.
 */
export function scoreQuery(
  terms: readonly QueryTerm[],
  unknownWeight: number,
  scorer: EntryScorer,
  discount = 1,
  mustBeat = -1,
  cues?: Cues,
): { candidates: ScoredEntry[]; band: ConfidenceBand } {
  const total = terms.reduce((sum, t) => sum + t.weight, unknownWeight);
  if (terms.length === 0 || total <= 0) return { candidates: [], band: 'none' };
  const count = scorer.score(terms, total, discount, RERANKED, mustBeat);
  const ranked = top(scorer.touched, count, scorer.best, RERANKED);
  scorer.clear(count);
  const { byKind, candidates } = cues ? rerankedByCues(ranked, cues) : { byKind: ranked, candidates: ranked.slice(0, MAX_CANDIDATES) };
  // Another organisation's question can make an answer less confident, never more.
  const band = lessConfident(bandOf(candidates), bandOf(byKind));
  // One known word beside words the knowledge base never uses ("write me a poem", "fix my phone",
  // "a joke about doctors") is too little evidence to state an answer, or even to suggest one.
  const loneWord = terms.length === 1 && unknownWeight > 0 && (band === 'high' || band === 'medium');
  if (loneWord) return { candidates, band: 'low' };
  // A lone word the speller guessed ("drole" → "droits") is a guess: offered, never stated.
  const guessed = terms.length === 1 && terms[0]!.weight < terms[0]!.idf && band === 'high';
  return { candidates, band: guessed ? 'medium' : band };
}

/**
 * The best `MAX_CANDIDATES` of `ranked` once the cues have reranked them, with and without the
 * demotion of entries about another organisation than the one asked about. Each cue only demotes:
 * the little words' agreement (`Cues.agreement`) to 1 − LITTLE_WORDS_SHARE at most; an entry
 * whose main question asks for another kind of answer (when another asks for the query's) to
 * CUE_MISMATCH; an entry that does not name the organisation asked about ("when was WHO founded"
 * is not IOM's 1951) to OTHER_ORGANISATION. Agreement reads each phrasing of the entry, so it is
 * worked out best bound first, and only until no entry left can reach either top.
 */
function rerankedByCues(ranked: readonly ScoredEntry[], cues: Cues): { byKind: ScoredEntry[]; candidates: ScoredEntry[] } {
  const asks = ranked.map((c) => (cues.kindsOf(c.entry) & cues.kinds) !== 0);
  const kindFactor = asks.includes(true) ? asks.map((a) => (a ? 1 : CUE_MISMATCH)) : asks.map(() => 1);
  const names = cues.names;
  const otherFactor = ranked.map((c) => (aboutAnother(names, cues.namesOf(c.entry)) ? OTHER_ORGANISATION : 1));
  // Agreement is at most 1, so `score × kind` bounds the score by kind and, times the other factor, the final one.
  const order: Array<{ i: number; bound: number }> = [];
  ranked.forEach((c, i) => insertRanked(order, { i, bound: c.score * kindFactor[i]! }, boundFirst, ranked.length));
  const laterFinal = new Float64Array(order.length + 1);
  for (let k = order.length - 1; k >= 0; k--) laterFinal[k] = Math.max(laterFinal[k + 1]!, order[k]!.bound * otherFactor[order[k]!.i]!);
  const byKind: ScoredEntry[] = [];
  const candidates: ScoredEntry[] = [];
  for (let k = 0; k < order.length; k++) {
    const { i, bound } = order[k]!;
    if (bound < floorOf(byKind) && laterFinal[k]! < floorOf(candidates)) break;
    const c = ranked[i]!;
    const agreeing = c.score * (1 - LITTLE_WORDS_SHARE * (1 - cues.agreement(c.entry)));
    const kind = agreeing * kindFactor[i]!;
    insertRanked(byKind, { entry: c.entry, score: kind }, scoreFirst, MAX_CANDIDATES);
    insertRanked(candidates, { entry: c.entry, score: kind * otherFactor[i]! }, scoreFirst, MAX_CANDIDATES);
  }
  return { byKind, candidates };
}

/** The score an entry must reach to enter `best` (−1 while it has room). */
function floorOf(best: readonly ScoredEntry[]): number {
  return best.length < MAX_CANDIDATES ? -1 : best[best.length - 1]!.score;
}

/**
 * Puts `item` into `list`, kept in the order `before` gives, and drops what falls past `limit`. The
 * lists are a handful long and met on every search: an insertion allocates nothing, where
 * `Array.prototype.sort` copies the array on each call (a search made ~50 KB of such copies).
 */
function insertRanked<T>(list: T[], item: T, before: (a: T, b: T) => boolean, limit: number): void {
  let at = list.length;
  list.push(item);
  for (; at > 0 && before(item, list[at - 1]!); at--) list[at] = list[at - 1]!;
  list[at] = item;
  if (list.length > limit) list.pop();
}

/** Best score first, equal scores by entry. */
const scoreFirst = (a: ScoredEntry, b: ScoredEntry): boolean => a.score > b.score || (a.score === b.score && a.entry < b.entry);
const boundFirst = (a: { i: number; bound: number }, b: { i: number; bound: number }): boolean => a.bound > b.bound || (a.bound === b.bound && a.i < b.i);

const BANDS: readonly ConfidenceBand[] = ['high', 'medium', 'low', 'none'];

function lessConfident(a: ConfidenceBand, b: ConfidenceBand): ConfidenceBand {
  return BANDS.indexOf(a) > BANDS.indexOf(b) ? a : b;
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

/** The `k` best of `entries[0 .. count)`, scanned in order: of equal scores at the cut, the first met stays. */
function top(entries: Int32Array, count: number, scores: Float64Array, k: number): ScoredEntry[] {
  const best: ScoredEntry[] = [];
  for (let i = 0; i < count; i++) {
    const entry = entries[i]!;
    const score = scores[entry]!;
    if (score <= 0 || (best.length === k && score <= best[k - 1]!.score)) continue;
    insertRanked(best, { entry, score }, scoreFirst, k);
  }
  return best;
}
