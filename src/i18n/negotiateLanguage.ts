import type { Lang } from '../knowledge/types';
import { detectLanguage, type Lexicon } from './detectLanguage';
import { langFromLocale, languageNamedBy } from './languageNames';

export interface LanguageContext {
  text: string;
  /** The person's saved language, and whether they chose it explicitly. */
  saved?: Lang;
  chosen?: boolean;
  /** The platform's locale (Teams, Web Chat send one). */
  locale?: string;
  /** Words only one language's knowledge base uses (`knowledgeLexicon`), as evidence for detection. */
  lexicon?: Lexicon;
}

export interface Negotiated {
  lang: Lang;
  /** The message named a language: an explicit choice that sticks. */
  explicit: boolean;
}

/**
 * The reply language, in this order: a language the message names (explicit, sticks) → a confident
 * detection on a message of 3+ words, unless the person chose explicitly → the saved language →
 * the platform locale → the detector's best guess on 3+ words when nothing else is known → English.
 * One- and two-word messages never change anything.
 */
export function negotiateLanguage(c: LanguageContext): Negotiated {
  const named = languageNamedBy(c.text);
  if (named) return { lang: named, explicit: true };
  // After an explicit choice only the saved language counts: no need to run the detector.
  if (c.chosen && c.saved) return { lang: c.saved, explicit: false };
  const detected = c.text ? detectLanguage(c.text, c.lexicon) : undefined;
  if (detected?.confident) return { lang: detected.lang, explicit: false };
  return { lang: c.saved ?? langFromLocale(c.locale) ?? detected?.lang ?? 'en', explicit: false };
}
