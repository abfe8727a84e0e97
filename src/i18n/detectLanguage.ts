import { detectAll } from 'tinyld';
import { STOP_WORDS } from '../knowledge/stopWords';
import { LANGUAGES, type Lang } from '../knowledge/types';
import { foldMessage } from '../text/foldText';

/** Below this many words a message never decides the language (too little evidence). */
export const MIN_WORDS_FOR_DETECTION = 3;
/** How far the best language's score must lead the next one's for a confident detection. */
const MIN_LEAD = 0.2;
/** What one word only one of our languages uses adds to that language's score (tinyld's scores add up to 1). */
const WORD_WEIGHT = 0.35;
const ONLY_OURS = { only: [...LANGUAGES] };

/** Folded words that belong to one language only: the function words only it lists ("quelle", "donde", "the"). */
export type Lexicon = ReadonlyMap<string, Lang>;

/** Function words listed by exactly one of our languages. */
const FUNCTION_WORDS: Lexicon = exclusiveWords(LANGUAGES.map((lang) => [lang, STOP_WORDS[lang]]));

/** The words of each set that no other set holds, with their language. */
export function exclusiveWords(sets: Iterable<readonly [Lang, Iterable<string>]>): Map<string, Lang> {
  const seen = new Map<string, Lang | null>();
  for (const [lang, words] of sets) {
    for (const word of words) {
      const before = seen.get(word);
      if (before === undefined) seen.set(word, lang);
      else if (before !== lang) seen.set(word, null);
    }
  }
  return new Map([...seen].filter((e): e is [string, Lang] => e[1] !== null));
}

export interface Detection {
  lang: Lang;
  /** True when the text is long enough and one of our languages clearly leads. */
  confident: boolean;
}

/**
 * Detects en/fr/es on short texts: tinyld restricted to our three languages (its scores as shares
 * of the three, since raw scores are not comparable between texts), plus a vote for each word
 * only one language uses — its own function words, and `lexicon`'s words (the knowledge base's
 * vocabulary, say). On four-word messages without accents ("donde arreglo mi celular",
 * "oim cree en quelle annee") tinyld alone often picks the wrong language; "donde", "mi" and
 * "quelle" do not. Returns undefined when there is no evidence at all.
 */
export function detectLanguage(text: string, lexicon?: Lexicon): Detection | undefined {
  const words = text.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  // Too short to decide anything: skip the detector (it is the costliest step of a turn).
  if (words.length < MIN_WORDS_FOR_DETECTION) return undefined;
  const scores: Record<Lang, number> = { en: 0, fr: 0, es: 0 };
  const ranked = detectAll(text, ONLY_OURS);
  const total = ranked.reduce((sum, d) => sum + Math.max(d.accuracy, 0), 0);
  if (total > 0) for (const d of ranked) scores[d.lang as Lang] += Math.max(d.accuracy, 0) / total;
  for (const word of foldMessage(text).split(' ')) {
    const lang = FUNCTION_WORDS.get(word) ?? lexicon?.get(word);
    if (lang) scores[lang] += WORD_WEIGHT;
  }
  const [best, next] = [...LANGUAGES].sort((a, b) => scores[b] - scores[a]) as [Lang, Lang, Lang];
  if (scores[best] <= 0) return undefined;
  return { lang: best, confident: scores[best] - scores[next] >= MIN_LEAD };
}
