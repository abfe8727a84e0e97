import { foldMessage, foldText } from '../text/foldText';
import { LANGUAGES, type Lang } from '../knowledge/types';

/**
 * Every way of naming our languages in our languages, from the platform's CLDR data
 * (`Intl.DisplayNames`): "english", "anglais", "ingles", "francais", "espanol" …, plus
 * "in X" / "en X" forms and a few everyday aliases CLDR does not list.
 */
const EXTRA: Record<Lang, string[]> = {
  en: ['eng', 'english please'],
  fr: ['francaise', 'fra', 'francais svp', 'french please'],
  es: ['castellano', 'espanola', 'spanish please', 'espanol por favor'],
};

function buildNames(): Map<string, Lang> {
  const names = new Map<string, Lang>();
  for (const target of LANGUAGES) {
    for (const display of LANGUAGES) {
      const name = foldText(new Intl.DisplayNames([display], { type: 'language' }).of(target) ?? '');
      if (!name) continue;
      for (const form of [name, `in ${name}`, `en ${name}`]) names.set(form, target);
    }
    names.set(target, target);
    for (const alias of EXTRA[target]) names.set(foldText(alias), target);
  }
  return names;
}

const NAMES = buildNames();

/** The language a message names, when the whole message is a language's name ("Français", "in Spanish"). */
export function languageNamedBy(text: string): Lang | undefined {
  return NAMES.get(foldMessage(text));
}

/** Maps a BCP-47 locale such as `fr-FR` to one of our languages, if it is one. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Lang) : undefined;
}
