import countries from 'i18n-iso-countries/index';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { foldText } from './foldText';

for (const locale of [en, fr, es]) countries.registerLocale(locale);

/** Short forms people type that the country data does not list. */
const SHORT_FORMS: Record<string, string[]> = { US: ['usa', 'eeuu', 'ee uu'], GB: ['uk'], CD: ['rdc', 'drc'], AE: ['emirats', 'emiratos'] };

/**
 * Places whose name is also an everyday word or first name in one of our languages: « réunion »
 * (a meeting), "Jersey", "Man", « Grenade », « Dominique », « Maurice ».
 */
const SKIPPED = new Set(['RE', 'JE', 'IM', 'GD', 'DM', 'MU']);

let byCode: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * Every country's names in English, French and Spanish, folded ("spain", "espagne", "espana",
 * "united states of america", "usa"), by ISO 3166-1 alpha-2 code, from the `i18n-iso-countries`
 * data. Built once.
 */
export function placeNames(): ReadonlyMap<string, readonly string[]> {
  if (!byCode) {
    const names = new Map<string, Set<string>>();
    for (const lang of ['en', 'fr', 'es']) {
      for (const [code, all] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
        if (SKIPPED.has(code)) continue;
        const set = names.get(code) ?? names.set(code, new Set()).get(code)!;
        // "US", "U.S." are also the pronoun: the data's short codes are left out, the forms below kept.
        for (const name of all) if (foldText(name).replace(/ /g, '').length >= 4) set.add(foldText(name));
      }
    }
    for (const [code, forms] of Object.entries(SHORT_FORMS)) for (const f of forms) names.get(code)?.add(f);
    byCode = new Map([...names].map(([code, set]) => [code, [...set].filter(Boolean)]));
  }
  return byCode;
}

/** The ISO code of the country a text names, if it names exactly one ("I am in Libya" → "LY"). */
export function countryNamedIn(text: string): string | undefined {
  const folded = ` ${foldText(text)} `;
  const found = new Set<string>();
  for (const [code, names] of placeNames()) if (names.some((n) => folded.includes(` ${n} `))) found.add(code);
  return found.size === 1 ? [...found][0] : undefined;
}
