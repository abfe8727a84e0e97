import { foldText } from '../text/foldText';
import { LANGUAGES, type Lang } from '../knowledge/types';
import type { I18n } from './i18n';

/**
 * True when the message *is* one of the phrases listed under `key` in any language
 * (people mix languages in short commands: "aide", "help", "ayuda").
 * Matches the whole folded message, or the message with a polite prefix/suffix only.
 */
export function matchesIntent(i18n: I18n, key: string, text: string): boolean {
  const folded = foldText(text);
  if (!folded || folded.split(' ').length > 8) return false;
  return LANGUAGES.some((lang: Lang) => i18n.list(lang, key).some((phrase) => foldText(phrase) === folded));
}

/** True when the message contains one of the phrases under `key` (any language) as whole words. */
export function containsIntent(i18n: I18n, key: string, text: string): boolean {
  const folded = ` ${foldText(text)} `;
  return LANGUAGES.some((lang) => i18n.list(lang, key).some((phrase) => folded.includes(` ${foldText(phrase)} `)));
}
