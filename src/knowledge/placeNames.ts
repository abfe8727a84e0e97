import { foldText } from '../text/foldText';
import { LANGUAGES } from './types';

let names: ReadonlySet<string> | undefined;

/**
 * Whether a folded word is a country's name in English, French or Spanish ("mexico", "allemagne",
 * "canada"), from the platform's own region names (`Intl.DisplayNames`). A place is not a typo: the
 * speller would make "mexico" "medico", and Spanish stemming turns "canada" into English "can".
 * Names of more than one word ("united states") are left out: their words are ordinary words.
 */
export function isPlaceName(word: string): boolean {
  names ??= countryNames();
  return names.has(word);
}

/** Short names people type that `Intl.DisplayNames` does not give ("uk", "usa", « eeuu »). */
const SHORT_NAMES = ['uk', 'usa', 'eeuu', 'rdc', 'emirats', 'emiratos'];

function countryNames(): ReadonlySet<string> {
  const found = new Set<string>(SHORT_NAMES);
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  const codes = letters.flatMap((a) => letters.map((b) => a + b));
  for (const lang of LANGUAGES) {
    const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    for (const code of codes) {
      let name: string | undefined;
      try {
        name = regions.of(code);
      } catch {
        continue;
      }
      const folded = name && name !== code ? foldText(name) : '';
      if (folded && !folded.includes(' ')) found.add(folded);
    }
  }
  return found;
}
