import type { SearchIndex } from './SearchIndex';
import { type KnowledgeBase, LANGUAGES } from './types';

/**
 * Phrasings that, sent alone, do not reach their own entry outright: another entry has the same
 * words (« plus d'abonnement merci » under unsubscribe reads as « abonnement », so « m'abonner »
 * became a tie between subscribe and unsubscribe), or scores higher. Reported for editors, who
 * reword the phrasing or the other entry's; not refused, as a short word ("newsletter", "stop")
 * may rightly stay a "did you mean".
 */
export function unclearPhrasings(kb: KnowledgeBase, index: SearchIndex): string[] {
  const found: string[] = [];
  for (const lang of LANGUAGES) {
    const entries = [
      ...[...kb.entries[lang].values()].map((e) => ({ id: e.id, origin: e.origin, phrasings: e.alternates })),
      ...[...kb.actions[lang].values(), ...kb.referrals[lang].values()].map((e) => ({ id: e.id, origin: e.origin, phrasings: e.examples })),
    ];
    for (const { id, origin, phrasings } of entries) {
      for (const phrasing of phrasings) {
        const { band, candidates } = index.search(phrasing, lang);
        if (band === 'high' && candidates[0]?.id === id) continue;
        const others = candidates.filter((c) => c.id !== id).slice(0, 2);
        const reaches = others.map((c) => `${c.id} (${c.score.toFixed(2)})`).join(', ') || 'nothing';
        found.push(`${lang} ${id} (${origin}): "${phrasing}" also reaches ${reaches}`);
      }
    }
  }
  return found;
}
