import { detectAll } from 'tinyld';
import { LANGUAGES, type Lang } from '../knowledge/types';

/** Below this many words a message never decides the language (too little evidence). */
export const MIN_WORDS_FOR_DETECTION = 3;
/** The best language's share of the three scores needed to call a detection confident. */
const MIN_SHARE = 0.6;
const ONLY_OURS = { only: [...LANGUAGES] };

export interface Detection {
  lang: Lang;
  /** True when the text is long enough and the detector clearly prefers one of our languages. */
  confident: boolean;
}

/**
 * Detects en/fr/es on short texts with tinyld restricted to our three languages.
 * tinyld's raw scores are not comparable between texts, so confidence is the best
 * language's share of the three. Returns undefined when tinyld has no opinion.
 */
export function detectLanguage(text: string): Detection | undefined {
  const words = text.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  // Too short to decide anything: skip the detector (it is the costliest step of a turn).
  if (words.length < MIN_WORDS_FOR_DETECTION) return undefined;
  const ranked = detectAll(text, ONLY_OURS);
  const [best] = ranked;
  if (!best || best.accuracy <= 0) return undefined;
  const total = ranked.reduce((sum, d) => sum + d.accuracy, 0);
  return {
    lang: best.lang as Lang,
    confident: best.accuracy / total >= MIN_SHARE,
  };
}
