import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { foldText, stripInvisible } from '../text/foldText';
import { STOP_WORDS } from './stopWords';
import { LANGUAGES, type Lang } from './types';

export { foldText, stripInvisible };

/** One analysed word: its folded surface form and its stem in the analysing language. */
export interface Token {
  surface: string;
  stem: string;
}

const STEMMER_NAMES: Record<Lang, string> = { en: 'english', fr: 'french', es: 'spanish' };
const stemmers = Object.fromEntries(LANGUAGES.map((l) => [l, newStemmer(STEMMER_NAMES[l])])) as Record<Lang, Stemmer>;
/** Stemming dominates analysis time; a vocabulary is small, so remember every word once. */
const stemCache = Object.fromEntries(LANGUAGES.map((l) => [l, new Map<string, string>()])) as Record<Lang, Map<string, string>>;
const MAX_CACHED_STEMS = 200_000;

/**
 * Words Snowball over-stems into another word of this domain: English turns both "international"
 * and "internal" into "intern", and "organization" into "organ". Each maps to its own stem here.
 */
const STEM_EXCEPTIONS: Record<Lang, Record<string, string>> = {
  en: Object.fromEntries([
    ...['international', 'internationally', 'internationals'].map((w) => [w, 'internation']),
    ...['internal', 'internally'].map((w) => [w, 'internal']),
    ...['organization', 'organizations', 'organisation', 'organisations'].map((w) => [w, 'organiz']),
  ]),
  fr: {},
  es: {},
};

/** Folding a word is costly (two Unicode normalisations); texts reuse few words, so remember them. */
const foldCache = new Map<string, string[]>();
const MAX_CACHED_CHUNKS = 200_000;

/**
 * Folded words of a text: invisible and bidi characters removed, lower case, accents and ligatures
 * folded, punctuation as spaces. Single letters are dropped (elided articles, "s" of "IOM's");
 * single digits are kept ("4 priorities").
 */
export function tokenise(text: string): string[] {
  const words: string[] = [];
  for (const chunk of text.replace(/\p{Cf}/gu, '').split(/\s+/)) {
    if (!chunk) continue;
    let folded = foldCache.get(chunk);
    if (!folded) {
      folded = foldChunk(chunk);
      if (foldCache.size >= MAX_CACHED_CHUNKS) foldCache.clear();
      foldCache.set(chunk, folded);
    }
    for (const w of folded) words.push(w);
  }
  return words;
}

function foldChunk(chunk: string): string[] {
  // Most words are plain lower-case ASCII: nothing to fold, skip the Unicode normalisations.
  if (/^[a-z0-9]+$/.test(chunk)) return chunk.length > 1 || /\d/.test(chunk) ? [chunk] : [];
  const folded = foldText(chunk.replace(/[œŒ]/g, 'oe').replace(/[æÆ]/g, 'ae'));
  return folded ? folded.split(' ').filter((w) => w.length > 1 || /\d/.test(w)) : [];
}

/** True when a folded word carries no topic in that language. */
export function isStopWord(word: string, lang: Lang): boolean {
  return STOP_WORDS[lang].has(word);
}

/** The Snowball stem of a folded word; numbers are kept as they are. */
export function stem(word: string, lang: Lang): string {
  const cache = stemCache[lang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d+$/.test(word) ? word : (STEM_EXCEPTIONS[lang][word] ?? stemmers[lang].stem(word));
    if (cache.size >= MAX_CACHED_STEMS) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** Analysing a whole knowledge base repeats the same words millions of times: one lookup per word. */
const wordCache = Object.fromEntries(LANGUAGES.map((l) => [l, new Map<string, readonly Word[]>()])) as Record<Lang, Map<string, readonly Word[]>>;

interface Word extends Token {
  stop: boolean;
}

function wordsOf(chunk: string, lang: Lang): readonly Word[] {
  const cache = wordCache[lang];
  let words = cache.get(chunk);
  if (!words) {
    words = foldChunk(chunk).map((surface) => ({ surface, stem: stem(surface, lang), stop: isStopWord(surface, lang) }));
    if (cache.size >= MAX_CACHED_CHUNKS) cache.clear();
    cache.set(chunk, words);
  }
  return words;
}

/**
 * The topic-bearing words of a text in one language, stemmed. When every word is a stop word
 * ("what can you do", "who are you") all words are kept instead, so such questions still match
 * phrasings written the same way.
 */
export function analyse(text: string, lang: Lang): Token[] {
  const all: Word[] = [];
  let content = 0;
  // U+FEFF counts as whitespace for \s but is an invisible character: remove it, don't split on it.
  const chunks = OTHER_SPACE.test(text) ? text.replace(/\p{Cf}/gu, '').split(/\s+/) : text.split(' ');
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (!chunk) continue;
    const words = wordsOf(chunk, lang);
    for (let j = 0; j < words.length; j++) {
      const w = words[j]!;
      all.push(w);
      if (!w.stop) content++;
    }
  }
  return content === 0 || content === all.length ? all : all.filter((w) => !w.stop);
}

/** Whitespace other than the plain space (splitting on " " alone is much faster). */
const OTHER_SPACE = /[^\S ]/;

/** Just the stems of `analyse`. */
export function analyseStems(text: string, lang: Lang): string[] {
  return analyse(text, lang).map((t) => t.stem);
}
