import type { EntryScorer, QueryTerm } from './EntryScorer';
import { COUNT } from './questionCues';
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
export const MARGIN = 0.05;
const MAX_CANDIDATES = 5;
/**
 * A candidate whose main question asks for another kind of answer than the query (a number, a
 * person, a reason: `questionCues`) scores this share, when another candidate asks for the query's.
 */
export const CUE_MISMATCH = 0.85;
/** An entry that does not name the organisation a question is about scores this share (`aboutOtherOrganisation`). */
export const OTHER_ORGANISATION = 0.3;
/** An entry not about IOM itself scores this share for a question naming IOM, when another candidate is about IOM. */
export const IOM_NAMED = 0.95;

/**
 * What a query says beside its topic words, and what each entry's main question says: the kind of
 * answer asked for (`questionCues` bits), whether the query names another organisation and not IOM,
 * and whether it names a country. Each only demotes candidates.
 */
export interface Cues {
  kinds: number;
  /** Whether the query names IOM (« OIM »). */
  namesIom: boolean;
  /** The other organisations the query names, when it does not name IOM (`otherOrganisationsNamed`). */
  otherOrganisations: readonly string[];
  /** Whether the query speaks to the bot, and so to IOM ("are you part of the UN": `addressesUs`). */
  addressesUs: boolean;
  country: boolean;
  /** Whether the query asks about papers, a disease alone or the weather (`asksOutsideTopics`). */
  outsideTopics: boolean;
  /** An entry's main question's kinds of answer (`questionCues` bits). */
  kindsOf: (entry: number) => number;
  /** Whether an entry's main question is about IOM itself ("When was IOM founded?"). */
  aboutIom: (entry: number) => boolean;
  /** The other organisations an entry's phrasings name ("Is IOM part of the United Nations?"). */
  organisationsOf: (entry: number) => readonly string[];
}

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
  const count = scorer.score(terms, total, discount, MAX_CANDIDATES, mustBeat);
  const ranked = top(scorer.touched, count, scorer.best, MAX_CANDIDATES);
  scorer.clear(count);
  const byKind = cues ? byKindOfQuestion(ranked, cues) : ranked;
  const byIom = cues?.namesIom ? aboutIomNamed(byKind, cues) : byKind;
  const candidates = cues?.otherOrganisations.length ? aboutOtherOrganisation(byIom, cues) : byIom;
  // Another organisation's question can make an answer less confident, never more.
  const band = lessConfident(bandOf(candidates), bandOf(byIom));
  // "How many people live in Canada", "how many migrants are in Spain", "how many members does the
  // UN have": the knowledge base's figures are the world's or IOM's, never a country's or another body's.
  if ((cues?.country || cues?.otherOrganisations.length) && cues.kinds & COUNT && band !== 'none') return { candidates, band: 'low' };
  // "How do I get a visa", « c'est quoi le paludisme », "el clima mañana": words of ours, not our topic.
  if (cues?.outsideTopics && band !== 'none') return { candidates, band: 'low' };
  // One known word beside words the knowledge base never uses ("write me a poem", "fix my phone",
  // "a joke about doctors") is too little evidence to state an answer, or even to suggest one.
  const loneWord = terms.length === 1 && unknownWeight > 0 && (band === 'high' || band === 'medium');
  if (loneWord) return { candidates, band: 'low' };
  // A lone word the speller guessed ("drole" → "droits") is a guess: offered, never stated.
  const guessed = terms.length === 1 && terms[0]!.weight < terms[0]!.idf && band === 'high';
  return { candidates, band: guessed ? 'medium' : band };
}

/** `candidates` with those whose main question asks for another kind of answer demoted, if any asks for the query's. */
function byKindOfQuestion(candidates: ScoredEntry[], { kinds, kindsOf }: Cues): ScoredEntry[] {
  const asks = candidates.map((c) => (kindsOf(c.entry) & kinds) !== 0);
  if (!asks.includes(true)) return candidates;
  return reranked(candidates, (c, i) => (asks[i] ? 1 : CUE_MISMATCH));
}

/**
 * `candidates` that do not name the organisation asked about demoted: "when was WHO founded" is not
 * IOM's 1951, « c'est quoi l'ONU » not the UN's migrant figures. An entry about IOM itself keeps its
 * score only when the query also speaks to us ("are you part of the UN?": "Is IOM part of the
 * United Nations?"; but "what is the UN" is not about IOM).
 */
function aboutOtherOrganisation(candidates: ScoredEntry[], { aboutIom, otherOrganisations, organisationsOf, addressesUs }: Cues): ScoredEntry[] {
  const namesIt = (entry: number) => organisationsOf(entry).some((o) => otherOrganisations.includes(o)) && (addressesUs || !aboutIom(entry));
  return reranked(candidates, (c) => (namesIt(c.entry) ? 1 : OTHER_ORGANISATION));
}

/** `candidates` with those not about IOM itself slightly demoted, if any is. */
function aboutIomNamed(candidates: ScoredEntry[], { aboutIom }: Cues): ScoredEntry[] {
  const about = candidates.map((c) => aboutIom(c.entry));
  if (!about.includes(true)) return candidates;
  return reranked(candidates, (c, i) => (about[i] ? 1 : IOM_NAMED));
}

function reranked(candidates: ScoredEntry[], factor: (c: ScoredEntry, i: number) => number): ScoredEntry[] {
  return candidates.map((c, i) => ({ entry: c.entry, score: c.score * factor(c, i) })).sort((a, b) => b.score - a.score || a.entry - b.entry);
}

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
    best.push({ entry, score });
    best.sort((a, b) => b.score - a.score || a.entry - b.entry);
    if (best.length > k) best.pop();
  }
  return best;
}
