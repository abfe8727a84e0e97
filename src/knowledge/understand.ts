import { isLittleWord, tokenise } from './normalise';
import type { SearchIndex } from './SearchIndex';
import { LOW, MEDIUM } from './scoreQuery';
import { type ActionId, type KnowledgeBase, LANGUAGES, type Lang, type ReferralEntry, type SearchCandidate, type SearchResult, type Understanding, type UnderstoodEntry } from './types';

/** "Did you mean" offers at most this many entries (plus "none of these"). */
export const MAX_CLARIFY = 3;
/** A candidate is offered in "did you mean" only when it is this close to the best one. */
const CLARIFY_SPREAD = 0.2;
/*
 * The classifier's leads below are in log-odds (`EntryClassifier`). They were measured with an
 * earlier classifier (an averaged perceptron) whose leads were about a third as large for the same
 * messages (median lead of a right choice 1.3 against 4.6), and carried over times 3: every used
 * set, 2026-12-05, 12,109 of 12,605 right, refused or run (×2.5: 12,110; ×3.6: 12,091).
 */
/**
 * The classifier's lead above which it overrides the matcher. Measured
 * 2026-12-04 on the sets HE, HF, H17D, H17E (708 questions, 222 out of scope, 240 requests): right
 * 84.7 → 93.1 %, refused 81.5 → 85.1 %, requests 93.8 → 98.3 %; 0.15 and 0.5 gave less.
 */
const CLASSIFIER_MARGIN = 0.9;
/**
 * A matcher's answer scored under `CLEAR_ANSWER` that the classifier ranks more than `DISAGREEMENT`
 * below its own choice is not stated. Measured 2026-12-04 on every used set (6,601 questions, 2,359
 * out of scope): of the answers given so, none was right, 63 were wrong and 19 answered an
 * out-of-scope question; of the 62 wrong ones, 52 now get "did you mean" with the right entry.
 * (Gap 0.5–0.7 with a score under 0.7 never caught a right answer; under 0.8 it caught 2.)
 */
const DISAGREEMENT = 1.5;
const CLEAR_ANSWER = 0.7;
/**
 * The classifier's lead needed to decide a message of one word beside little words. Measured
 * 2026-12-04 on every used set: requests 1,435 → 1,438 of 1,470, out of scope refused +1, right
 * answers unchanged (0.6 gained one answer, 1.5 one request less).
 */
const ONE_WORD_MARGIN = 3;
/**
 * A "did you mean", or an answer marked `personal` (it depends on the person), becomes a referral
 * when the classifier ranks a referral within this much of its choice (`referredInstead`).
 * Measured 2026-12-04 on every used set: of 1,481 personal answers given, this referred 18
 * out-of-scope questions and 5 right answers (within 0.3: 23 and 12, and 2 wrong); of 186 "did you
 * mean", 42 out of scope and 10 in scope (within 0.3: 46 and 12; at 0, 28 and 1).
 */
const REFERRAL_NEAR = 0.6;
/**
 * The same, when the matcher too ranks a referral first (or at least as high as the personal answer
 * it gives). Measured 2026-12-04 on every used set (7,051 questions, 2,584 out of scope): out of
 * scope refused 2,413 → 2,435, right 6,739 → 6,732 (0.5: +11 and −2).
 */
const REFERRAL_NEAR_BOTH = 2.4;

/**
 * Decides what a message is, without acting on it: a clear winner is answered, run (an action) or
 * referred (something the bot does not cover); close candidates are offered as "did you mean"
 * (answers and actions alike); anything weaker is "I don't know". One ranking and one set of
 * bands for every kind. Entries come in the asker's language `lang` whatever language the
 * matching phrasing was in. Pure.
 */
export function understand(text: string, lang: Lang, kb: KnowledgeBase, index: SearchIndex): Understanding {
  const searched = index.search(text, lang);
  const outcome = understood(text, lang, kb, index, searched);
  if (outcome.kind !== 'referral') return outcome;
  // A referral offers the closest general answer, when it is close enough for a "did you mean".
  const near = searched.candidates.find((c) => c.kind === 'answer' && c.score >= MEDIUM);
  const related = near && entryIn(kb, near, lang);
  return related?.kind === 'answer' ? { ...outcome, related } : outcome;
}

function understood(text: string, lang: Lang, kb: KnowledgeBase, index: SearchIndex, searched: SearchResult): Understanding {
  const matched = matchedUnderstanding(searched, lang, kb);
  // Among the matcher's candidates, the classifier decides when it is sure of another than the
  // matcher's choice (or of one where the matcher was unsure): it tells neighbouring entries apart
  // by what their phrasings do not share. It never brings in an answer or action the matcher found
  // no words for, so the matcher's scope (words the knowledge base never uses, a number alone) stands.
  // A single word is too little to state an answer the matcher hesitated over ("objectifs": whose?),
  // unless the classifier is sure of it ("un humano porfa", "get me a person pls").
  if (searched.candidates.length === 0) return matched;
  const found = index.classify(text);
  if (!found) return matched;
  if (tokenise(text).filter((w) => !isLittleWord(w)).length < 2 && found.margin < ONE_WORD_MARGIN) return matched;
  const entry = entryById(kb, found.id, lang);
  // The classifier reads no names: an answer about IOM is not chosen for a question about another organisation.
  const classified = { ...found, entry, aboutAnother: entry?.kind !== 'referral' && index.namesAnother(searched.names ?? [], found.id) };
  const outcome = reconciled(matched, classified, searched, kb, lang);
  return referredInstead(outcome, classified, searched, kb, lang) ?? outcome;
}

/** The matcher's understanding and the classifier's reading of the same message, made one. */
function reconciled(matched: Understanding, classified: Classified, searched: SearchResult, kb: KnowledgeBase, lang: Lang): Understanding {
  if (classified.margin < CLASSIFIER_MARGIN || chose(matched) === classified.id || classified.aboutAnother) return doubted(matched, classified, kb, lang);
  // A referral states no fact, only what the bot does not cover, and its phrasings' topic words are
  // the answers' ("my X-ray", "is it TB"): what tells it apart is how the asker says it, which the
  // classifier reads and the matcher does not. So the classifier refers on its own margin, even to
  // a referral the matcher ranked below topic answers ("J'ai des sueurs la nuit… c'est la tuberculose ?").
  if (classified.entry?.kind === 'referral') return { kind: 'referral', entry: classified.entry, score: classified.margin, band: 'high' };
  const candidate = searched.candidates.find((c) => c.id === classified.id);
  if (!candidate) return doubted(matched, classified, kb, lang);
  // The matcher's lead over the classifier's choice, when larger than the classifier's own lead,
  // stands ("casi 300 millones de migrantes": the matcher reads 300 as the 281 million it knows).
  const lead = searched.candidates[0]!.score - candidate.score;
  if (lead > classified.margin) return doubted(matched, classified, kb, lang);
  return decided({ ...candidate, score: classified.margin }, 'high', kb, lang) ?? matched;
}

/**
 * The matcher's answer or action, unless it is not clear and the classifier ranks it far below its
 * own choice: then the bot neither states it nor acts on it (a long question's "where am I supposed
 * to go" is no request for help, nor « au final » one to go back to the bot). If the classifier chose
 * another answer or an action, it asks "did you mean" with both; if it chose a referral (not surely
 * enough to refer), "I don't know".
 */
function doubted(matched: Understanding, classified: Classified, kb: KnowledgeBase, lang: Lang): Understanding {
  if (matched.kind !== 'answer' && matched.kind !== 'action') return matched;
  if (matched.score >= CLEAR_ANSWER || classified.behind(chose(matched)!) <= DISAGREEMENT) return matched;
  const mine = matched.kind === 'answer' ? matched.entry : entryIn(kb, { id: matched.action, kind: 'action' }, lang);
  const other = classified.entry;
  return mine && other && other.kind !== 'referral' && !classified.aboutAnother ? { kind: 'clarify', candidates: [mine, other], band: 'medium' } : { kind: 'unknown', band: 'medium' };
}

/**
 * A referral instead of "did you mean" or of an answer marked `personal`, when the classifier
 * ranks one within `REFERRAL_NEAR` of its choice (`REFERRAL_NEAR_BOTH` when the matcher ranks one
 * first): the message is most likely something the bot does not cover, or the asker's own case,
 * which no general answer settles. The referral offers the closest answer beside a person (`related`).
 */
function referredInstead(outcome: Understanding, classified: Classified, searched: SearchResult, kb: KnowledgeBase, lang: Lang): Understanding | undefined {
  const unsure = outcome.kind === 'clarify' || (outcome.kind === 'answer' && outcome.entry.personal);
  if (!unsure) return undefined;
  // Both readers near a referral: the matcher ranks one first, and the classifier not far below its choice.
  const matcherRefers = searched.candidates[0]?.kind === 'referral' || (outcome.kind === 'answer' && searched.candidates.some((c) => c.kind === 'referral' && c.score >= outcome.score));
  const near = matcherRefers ? REFERRAL_NEAR_BOTH : REFERRAL_NEAR;
  let nearest: { entry: ReferralEntry; behind: number } | undefined;
  for (const entry of kb.referrals[lang].values()) {
    const behind = classified.behind(entry.id);
    if (behind <= near && behind < (nearest?.behind ?? Infinity)) nearest = { entry, behind };
  }
  return nearest && { kind: 'referral', entry: nearest.entry, score: outcome.kind === 'answer' ? outcome.score : 0, band: outcome.band };
}

/** What the classifier says of a message, with its choice looked up in the asker's language. */
interface Classified {
  id: string;
  margin: number;
  entry?: UnderstoodEntry;
  /** The message names another organisation than any the chosen entry's phrasings do (`SearchIndex.namesAnother`). */
  aboutAnother: boolean;
  behind(id: string): number;
}

/** The entry of any kind with this id, in the asker's language (`entryIn`). */
function entryById(kb: KnowledgeBase, id: string, lang: Lang): UnderstoodEntry | undefined {
  return (['answer', 'action', 'referral'] as const).map((kind) => entryIn(kb, { id, kind }, lang)).find((e) => e !== undefined);
}

/** The entry an understanding chose, if it chose one. */
function chose(u: Understanding): string | undefined {
  return u.kind === 'answer' || u.kind === 'referral' ? u.entry.id : u.kind === 'action' ? u.action : undefined;
}

/** What the matcher alone understands (`SearchIndex.search` and its bands). */
function matchedUnderstanding({ band, candidates }: SearchResult, lang: Lang, kb: KnowledgeBase): Understanding {
  const [best] = candidates;
  if (!best) return { kind: 'unknown', band };
  if (band === 'high') {
    const outcome = decided(best, band, kb, lang);
    if (outcome) return outcome;
  }
  if (band === 'high' || band === 'medium') {
    const close = candidates
      .filter((c) => c.score >= Math.max(LOW, best.score - CLARIFY_SPREAD) && c.kind !== 'referral')
      .map((c) => entryIn(kb, c, lang))
      .filter((e): e is UnderstoodEntry => e !== undefined)
      .slice(0, MAX_CLARIFY);
    if (close.length > 0) return { kind: 'clarify', candidates: close, band };
    // Only things the bot does not cover come close: say so.
    if (best.kind === 'referral') return decided(best, band, kb, lang) ?? { kind: 'unknown', band };
  }
  return { kind: 'unknown', band };
}

/** Which action a message asks for, if it clearly asks for one (for flows that only listen for a few). */
export function actionAsked(text: string, lang: Lang, kb: KnowledgeBase, index: SearchIndex): ActionId | undefined {
  const outcome = understand(text, lang, kb, index);
  return outcome.kind === 'action' ? outcome.action : undefined;
}

function decided(c: SearchCandidate, band: Understanding['band'], kb: KnowledgeBase, lang: Lang): Understanding | undefined {
  const entry = entryIn(kb, c, lang);
  if (!entry) return undefined;
  switch (entry.kind) {
    case 'answer':
      return { kind: 'answer', entry, score: c.score, band };
    case 'action':
      return { kind: 'action', action: entry.id, score: c.score, band };
    case 'referral':
      return { kind: 'referral', entry, score: c.score, band };
  }
}

/** The entry in the asker's language; another language's version only if an editor forgot one. */
export function entryIn(kb: KnowledgeBase, c: Pick<SearchCandidate, 'id' | 'kind'>, lang: Lang): UnderstoodEntry | undefined {
  const maps = (l: Lang) => (c.kind === 'answer' ? kb.entries[l] : c.kind === 'action' ? kb.actions[l] : kb.referrals[l]) as Map<string, UnderstoodEntry>;
  return maps(lang).get(c.id) ?? LANGUAGES.map((l) => maps(l).get(c.id)).find((e) => e !== undefined);
}
