import type { TermIndex } from './bm25';
import { KnownNumbers } from './KnownNumbers';
import { isCanonical, type Lexicon, PLACE } from './Lexicon';
import { describeWord, isLittleWord, isStopWord } from './normalise';
import type { QueryTerm } from './scoreQuery';
import { SpellingCorrector } from './spelling';
import { LANGUAGES, type Lang } from './types';
import type { WordTable } from './WordTable';

/**
 * A query's words as the index's terms, for `scoreQuery`: exact stems, stems under another
 * language, a number near one the knowledge base gives, then spelling corrections; with the weight
 * of the words the knowledge base never uses (evidence of another topic) and the other
 * organisations the query names.
 */
export class QueryTerms {
  private readonly numbers: KnownNumbers;
  /** Made by the first word the index does not know: most questions have none. */
  private spellerMade: SpellingCorrector | undefined;

  constructor(
    /** The word table the index's texts were read into (`LexiconReader`). */
    private readonly words: WordTable,
    private readonly index: TermIndex,
    private readonly lexicon: Lexicon,
  ) {
    this.numbers = new KnownNumbers(index);
  }

  /**
   * The terms of a query `text` (read through the lexicon) in `lang`. Read as another language than
   * the one `asked` in, the asked language's own little words ("en", "de", "can") are still little
   * words, not topic words of the other language.
   */
  of(text: string, lang: Lang, asked: Lang): { terms: QueryTerm[]; unknownWeight: number; names: string[] } {
    const terms = new Map<number, QueryTerm>();
    const names: string[] = [];
    let unknownWeight = 0;
    let unknowns = 0;
    const count = this.words.analyse(text, lang);
    const ids = this.words.ids.slice(0, count);
    const surfaces = [...ids].map((id) => this.words.surface(id));
    // A question made only of little words ("who are you", "what time is it") is matched on all of
    // them, so each one the knowledge base never asks with is evidence of another question.
    const littleWords = surfaces.every((s) => isStopWord(s, lang));
    ids.forEach((id, i) => {
      const surface = surfaces[i]!;
      const stem = this.words.stem(id);
      if (asked !== lang && isStopWord(surface, asked)) return;
      const canonical = isCanonical(stem);
      if (canonical && this.lexicon.names.has(stem)) names.push(stem);
      let term = canonical ? this.index.term(stem) : this.known(surface, lang, stem);
      let certainty = 1;
      // An unknown word that is another language's "the", or only says who asks ("I'm a nurse",
      // « mon frère », "para mi tesis"), says nothing about the question.
      if (term === undefined && !littleWords && (isLittleWord(surface) || this.lexicon.isAsker(surface))) return;
      const near = term === undefined && !canonical ? this.numbers.termNear(surface) : undefined;
      if (near !== undefined) {
        term = near;
        certainty = CORRECTION_DISCOUNT;
      } else if (term === undefined && !canonical) {
        const correction = this.speller.correct(surface);
        if (correction && correction.similarity >= MIN_CORRECTION_SIMILARITY) {
          term = this.known(correction.word, lang);
          certainty = correction.similarity * CORRECTION_DISCOUNT;
        }
      }
      // A place says where the asker is more than what they ask ("I'm in Spain, why…").
      const share = stem === PLACE ? PLACE_WEIGHT : 1;
      if (term === undefined) {
        unknowns++;
        const short = surface.length <= SHORT_WORD && !littleWords;
        unknownWeight += ((short ? UNKNOWN_WORD_WEIGHT * SHORT_WORD_SHARE : UNKNOWN_WORD_WEIGHT) * share * this.index.maxIdf) / Math.sqrt(unknowns);
        return;
      }
      const idf = this.index.idf[term]!;
      const weight = idf * certainty * share;
      // A word the query holds twice (or two words with one stem) counts once.
      if ((terms.get(term)?.weight ?? 0) < weight) terms.set(term, { term, weight, idf });
    });
    // A number alone ("2", not a menu choice) is not a question: single digits count only beside words.
    if (terms.size > 0 && surfaces.every((w) => w.length === 1)) return { terms: [], unknownWeight, names };
    return { terms: [...terms.values()], unknownWeight, names };
  }

  /** The term of a folded word in `lang` (its stem there, `stemmed` if known), or under another language; undefined when none. */
  known(surface: string, lang: Lang, stemmed?: string): number | undefined {
    // A word the lexicon names (a correction may be one: "newsleter" → "newsletter") is its canonical term.
    const canonical = this.lexicon.canonical(surface);
    if (canonical) return this.index.term(canonical);
    const exact = this.index.term(stemmed ?? describeWord(surface, lang).stem);
    if (exact !== undefined) return exact;
    for (const other of LANGUAGES) {
      if (other === lang) continue;
      const t = this.index.term(describeWord(surface, other).stem);
      if (t !== undefined) return t;
    }
    return undefined;
  }

  private get speller(): SpellingCorrector {
    return (this.spellerMade ??= new SpellingCorrector(this.index.surfaces.filter((s) => !this.lexicon.isWritten(s))));
  }
}

/** A word the knowledge base never uses weighs this share of the rarest word: it is evidence of another topic. */
const UNKNOWN_WORD_WEIGHT = 0.8;
/**
 * An unknown word of this many letters or fewer weighs `SHORT_WORD_SHARE` of an unknown word: it is
 * more often a particle, slang or a slip ("po", "pe") than another topic; but in a question of
 * little words ("what is it") every word counts in full.
 */
const SHORT_WORD = 3;
const SHORT_WORD_SHARE = 0.5;
/** A country's name weighs this share of its word's weight: the knowledge base is the same everywhere. */
const PLACE_WEIGHT = 0.4;
/**
 * A correction must be close: one slip in a word of five letters or more. Four-letter words are
 * too close to each other ("joke" is one letter from French "joue").
 */
const MIN_CORRECTION_SIMILARITY = 0.8;
/** A corrected word counts a little less than a word spelt right. */
const CORRECTION_DISCOUNT = 0.9;
