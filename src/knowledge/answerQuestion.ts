import type { SearchIndex } from './SearchIndex';
import { type AnswerOutcome, type KnowledgeBase, type KnowledgeEntry, LANGUAGES, type Lang } from './types';
import { LOW } from './scoreQuery';

/** "Did you mean" offers at most this many entries (plus "none of these"). */
export const MAX_CLARIFY = 3;
/** A candidate is offered in "did you mean" only when it is this close to the best one. */
const CLARIFY_SPREAD = 0.2;

/**
 * Decides what to say to a question, without saying it: a clear winner is answered, close
 * candidates are offered as "did you mean", anything weaker is "I don't know". Entries are given
 * in the asker's language `lang` whatever language the matching phrasing was in. Pure.
 */
export function answerQuestion(text: string, lang: Lang, kb: KnowledgeBase, index: SearchIndex): AnswerOutcome {
  const { band, candidates } = index.search(text, lang);
  const [best] = candidates;
  if (!best) return { kind: 'unknown', band };
  if (band === 'high') {
    const entry = entryIn(kb, best.id, lang);
    if (entry) return { kind: 'answer', entry, score: best.score, band };
  }
  if (band === 'high' || band === 'medium') {
    const close = candidates
      .filter((c) => c.score >= Math.max(LOW, best.score - CLARIFY_SPREAD))
      .map((c) => entryIn(kb, c.id, lang))
      .filter((e): e is KnowledgeEntry => e !== undefined)
      .slice(0, MAX_CLARIFY);
    if (close.length > 0) return { kind: 'clarify', candidates: close, band };
  }
  return { kind: 'unknown', band };
}

/** The entry in the asker's language; another language's version only if an editor forgot one. */
function entryIn(kb: KnowledgeBase, id: string, lang: Lang): KnowledgeEntry | undefined {
  return kb.entries[lang].get(id) ?? LANGUAGES.map((l) => kb.entries[l].get(id)).find((e) => e !== undefined);
}
