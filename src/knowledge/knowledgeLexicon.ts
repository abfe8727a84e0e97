import { type Lexicon, wordLanguages } from '../i18n/detectLanguage';
import { tokenise } from './normalise';
import { type KnowledgeBase, LANGUAGES } from './types';

/**
 * The folded words only one or two languages' entries use (questions, alternates, answers): "salud",
 * "riesgos", "sante"; « oim » (French and Spanish). Evidence for the language detector on short texts in the bot's own domain,
 * which a general-purpose detector often gets wrong without accents.
 */
export function knowledgeLexicon(kb: KnowledgeBase): Lexicon {
  return wordLanguages(
    LANGUAGES.map((lang) => {
      const words = new Set<string>();
      for (const e of kb.entries[lang].values()) for (const text of [e.question, ...e.alternates, e.answer]) for (const w of tokenise(text)) words.add(w);
      return [lang, words] as const;
    }),
  );
}
