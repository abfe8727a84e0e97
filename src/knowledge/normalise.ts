import { StemmerEn } from '@nlpjs/lang-en-min';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stemmer as stemSpanish } from '@orama/stemmers/spanish';
import { foldText, stripInvisible } from '../text/foldText';
import { foldChunk } from './foldChunk';
import { STOP_WORDS } from './stopWords';
import { LANGUAGES, type Lang } from './types';
import { type WordInfo, WordTable } from './WordTable';

export { foldText, stripInvisible };

/** One analysed word: its folded surface form and its stem in the analysing language. */
export interface Token {
  surface: string;
  stem: string;
}

/**
 * Snowball stemmers (Porter2 for English). Both packages give the Snowball project's stems, about
 * five times faster than its Java-to-JavaScript port, which made stemming most of an index build.
 */
const english = new StemmerEn();
const stemmers: Record<Lang, (word: string) => string> = {
  // Not `stemWord`: it memoises every word ever stemmed in a plain object, forever (slow to grow,
  // and unbounded on users' text); `stem` below keeps a bounded memo.
  en: (word) => {
    english.setCurrent(word);
    english.innerStem();
    return english.getCurrent();
  },
  fr: stemFrench,
  es: stemSpanish,
};
/** Stemming dominates analysis time; a vocabulary is small, so remember every word once. */
const stemCache = Object.fromEntries(LANGUAGES.map((l) => [l, new Map<string, string>()])) as Record<Lang, Map<string, string>>;
const MAX_CACHED_STEMS = 200_000;

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

/** True when a folded word carries no topic in that language. */
export function isStopWord(word: string, lang: Lang): boolean {
  return STOP_WORDS[lang].has(word);
}

/** True when a folded word carries no topic in any of our languages ("de", "what", « quoi »). */
export function isLittleWord(word: string): boolean {
  return LANGUAGES.some((lang) => STOP_WORDS[lang].has(word));
}

/** The Snowball stem of a folded word; numbers are kept as they are. */
export function stem(word: string, lang: Lang): string {
  const cache = stemCache[lang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = stemOnce(word, lang);
    if (cache.size >= MAX_CACHED_STEMS) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** `stem` without the memo. */
function stemOnce(word: string, lang: Lang): string {
  if (isNumber(word)) return word;
  return stemmers[lang](lang === 'es' ? withoutEnclitic(word) : word);
}

/**
 * A Spanish imperative without the pronoun joined to it: « anótame », « avísenme », « ayúdame »,
 * « explícamelo » ask to note, warn, help, explain. Snowball strips such pronouns only after an
 * infinitive or a gerund (« anotarme »). Only "me" (and "melo", "selo"…) after a vowel or "n":
 * "nos", "les", "la", "te" end too many nouns (« humanos », « escuela », « tomate »).
 */
function withoutEnclitic(word: string): string {
  if (word.length < 6) return word;
  const m = ENCLITIC.exec(word);
  return m ? word.slice(0, m.index + 1) : word;
}

const ENCLITIC = /[aein](?:me|melo|mela|melos|melas|selo|sela|selos|selas)$/;

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return word.length > 0;
}

/** Every chunk of text analysed so far, with its words: see `WordTable`. */
export const words = new WordTable(foldChunk, describeWord, MAX_CACHED_CHUNKS);

/**
 * A folded word's stem and whether it is a stop word. Not through `stem`'s memo: the word table
 * sees each word once per language.
 */
export function describeWord(word: string, lang: Lang): WordInfo {
  return { stem: stemOnce(word, lang), stop: isStopWord(word, lang) };
}

/**
 * The topic-bearing words of a text in one language, stemmed. When every word is a stop word
 * ("what can you do", "who are you") all words are kept instead, so such questions still match
 * phrasings written the same way. (`words.analyse` gives word ids, for indexing without objects.)
 */
export function analyse(text: string, lang: Lang): Token[] {
  const tokens: Token[] = [];
  for (let i = 0, count = words.analyse(text, lang); i < count; i++) {
    const id = words.ids[i]!;
    tokens.push({ surface: words.surface(id), stem: words.stem(id) });
  }
  return tokens;
}

/** Just the stems of `analyse`. */
export function analyseStems(text: string, lang: Lang): string[] {
  return analyse(text, lang).map((t) => t.stem);
}

/**
 * Decades as "1950s": "the 50s", "50's", « les années 50 », "los años 50" (`SearchIndex` reads a
 * decade as the knowledge base's year in it).
 */
export function spellDecades(text: string): string {
  if (!/\d0/.test(text)) return text;
  const decade = (_: string, century: string | undefined, tens: string) => ` ${century ?? '19'}${tens}0s `;
  return text.replace(DECADE, decade).replace(DECADE_AFTER_WORD, decade);
}

/** "50s", "1950s", "50's". */
const DECADE = /(?<![\p{L}\p{N}])(19|20)?([1-9])0['’]?s(?![\p{L}\p{N}])/giu;
/** « années 50 », "años 50", "años 1950". */
const DECADE_AFTER_WORD = /(?<![\p{L}\p{N}])(?:ann[ée]es|a[ñn]os)\s+(19|20)?([1-9])0(?![\p{L}\p{N}])/giu;
