import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n as I18nInstance, type TOptions } from 'i18next';
import { LANGUAGES, type Lang } from '../knowledge/types';

/** A translate function bound to one language. Keys are `feature.message`. */
export type Translate = (key: string, options?: TOptions) => string;

export interface I18n {
  t(lang: Lang, key: string, options?: TOptions): string;
  /** A list of phrases (arrays in the locale files), e.g. the words that mean "help". */
  list(lang: Lang, key: string): string[];
  forLang(lang: Lang): Translate;
  /** Every short string the bot says, in every language: button labels and the like (what people tap and send back). */
  shortStrings(maxChars: number): string[];
}

/**
 * Loads every `locales/{lng}/*.json` synchronously and deep-merges them into one namespace, so a
 * file groups the keys of one feature owner and keys read `feature.message` (`newsletter.askEmail`).
 * A missing key falls back to English.
 */
export function createI18n(dir: string): I18n {
  const instance: I18nInstance = i18next.createInstance();
  void instance.init({
    resources: {},
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  for (const lang of LANGUAGES) {
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json')).sort()) {
      const bundle = JSON.parse(readFileSync(join(dir, lang, file), 'utf8'));
      instance.addResourceBundle(lang, 'translation', bundle, true, true);
    }
  }

  // Most strings take no options; the resources never change after loading, so each is looked up once.
  const plain = new Map<string, string>();
  const t = (lang: Lang, key: string, options?: TOptions): string => {
    if (options !== undefined) return instance.t(key, { ...options, lng: lang }) as string;
    const id = `${lang}:${key}`;
    let text = plain.get(id);
    if (text === undefined) plain.set(id, (text = instance.t(key, { lng: lang }) as string));
    return text;
  };
  return {
    t,
    list(lang, key) {
      const value = instance.t(key, { lng: lang, returnObjects: true }) as unknown;
      return Array.isArray(value) ? value.map(String) : [];
    },
    forLang: (lang) => (key, options) => t(lang, key, options),
    shortStrings(maxChars) {
      const out: string[] = [];
      const walk = (value: unknown) => {
        if (typeof value === 'string') {
          if (value.length <= maxChars && !value.includes('{{')) out.push(value);
        } else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
      };
      for (const lang of LANGUAGES) walk(instance.getResourceBundle(lang, 'translation'));
      return out;
    },
  };
}
