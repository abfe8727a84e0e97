import { foldMessage, foldText } from '../text/foldText';
import { LANGUAGES } from '../knowledge/types';
import type { I18n } from './i18n';

/** Folded phrases of each intent key, all languages together; built once per i18n instance. */
const cache = new WeakMap<I18n, Map<string, Set<string>>>();

function phrases(i18n: I18n, key: string): Set<string> {
  let byKey = cache.get(i18n);
  if (!byKey) cache.set(i18n, (byKey = new Map()));
  let set = byKey.get(key);
  if (!set) {
    set = new Set(LANGUAGES.flatMap((lang) => i18n.list(lang, key).map(foldText)).filter(Boolean));
    byKey.set(key, set);
  }
  return set;
}

/**
 * True when the message *is* one of the phrases listed under `key` in any language
 * (people mix languages in short commands: "aide", "help", "ayuda"), after folding case,
 * accents, punctuation and invisible characters.
 */
export function matchesIntent(i18n: I18n, key: string, text: string): boolean {
  const f = foldMessage(text);
  return f !== '' && phrases(i18n, key).has(f);
}

/** True when the message contains one of the phrases under `key` (any language) as whole words. */
export function containsIntent(i18n: I18n, key: string, text: string): boolean {
  const padded = ` ${foldMessage(text)} `;
  for (const phrase of phrases(i18n, key)) if (padded.includes(` ${phrase} `)) return true;
  return false;
}
