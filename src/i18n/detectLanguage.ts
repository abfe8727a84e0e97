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
/** tinyld's top accuracy from which its reading counts in full. */
const SURE_ACCURACY = 0.5;

/**
 * Folded words that belong to one or two of our languages, with those languages: the function words
 * only French lists ("quelle"), or French and Spanish ("de", "la": not English).
 */
export type Lexicon = ReadonlyMap<string, readonly Lang[]>;

/** Function words listed by one or two of our languages. */
const FUNCTION_WORDS: Lexicon = wordLanguages(LANGUAGES.map((lang) => [lang, STOP_WORDS[lang]]));

/** The words of the sets that one or two of them hold (not all), with those sets' languages. */
export function wordLanguages(sets: Iterable<readonly [Lang, Iterable<string>]>): Map<string, Lang[]> {
  const seen = new Map<string, Lang[]>();
  for (const [lang, words] of sets) {
    for (const word of words) {
      const langs = seen.get(word);
      if (!langs) seen.set(word, [lang]);
      else if (!langs.includes(lang)) langs.push(lang);
    }
  }
  return new Map([...seen].filter(([, langs]) => langs.length < LANGUAGES.length));
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
 * vocabulary, say) — and half a vote each for a word two languages use ("de", « OIM »). On four-word messages without accents ("donde arreglo mi celular",
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
  // tinyld says 1.0 when it knows and about 0.05 when it guesses ("annee de creation oim"): a guess
  // counts for that much less, and the words decide.
  const sure = Math.min(1, Math.max(ranked[0]?.accuracy ?? 0, 0) / SURE_ACCURACY);
  if (total > 0) for (const d of ranked) scores[d.lang as Lang] += (sure * Math.max(d.accuracy, 0)) / total;
  for (const word of foldMessage(text).split(' ')) {
    // A word two languages use is half a vote for each (and evidence against the third).
    const langs = FUNCTION_WORDS.get(word) ?? lexicon?.get(word);
    if (langs) for (const lang of langs) scores[lang] += WORD_WEIGHT / langs.length;
  }
  const [best, next] = [...LANGUAGES].sort((a, b) => scores[b] - scores[a]) as [Lang, Lang, Lang];
  if (scores[best] <= 0) return undefined;
  return { lang: best, confident: scores[best] - scores[next] >= MIN_LEAD };
}
