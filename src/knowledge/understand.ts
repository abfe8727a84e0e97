import type { SearchIndex } from './SearchIndex';
import { LOW } from './scoreQuery';
import { type ActionId, type KnowledgeBase, LANGUAGES, type Lang, type SearchCandidate, type Understanding, type UnderstoodEntry } from './types';

/** "Did you mean" offers at most this many entries (plus "none of these"). */
export const MAX_CLARIFY = 3;
/** A candidate is offered in "did you mean" only when it is this close to the best one. */
const CLARIFY_SPREAD = 0.2;

/**
 * Decides what a message is, without acting on it: a clear winner is answered, run (an action) or
 * referred (something the bot does not cover); close candidates are offered as "did you mean"
 * (answers and actions alike); anything weaker is "I don't know". One ranking and one set of
 * bands for every kind. Entries come in the asker's language `lang` whatever language the
 * matching phrasing was in. Pure.
 */
export function understand(text: string, lang: Lang, kb: KnowledgeBase, index: SearchIndex): Understanding {
  const { band, candidates } = index.search(text, lang);
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
