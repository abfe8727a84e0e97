import { isAskerWord } from './askerWords';
import { TermIndex } from './bm25';
import { analyse, isLittleWord, isStopWord, stem, tokenise, words } from './normalise';
import { EntryScorer } from './EntryScorer';
import { addressesUs, isOrganisationWord, namesIom, otherOrganisationsNamed } from './organisations';
import { asksOutsideTopics } from './outsideTopics';
import { isPlaceName } from './placeNames';
import { COUNT, questionCues, WHEN, WHO, WHY } from './questionCues';
import { readings } from './questionSentences';
import { rewritePhrases } from './rewritePhrases';
import { type Cues, scoreQuery, type QueryTerm } from './scoreQuery';
import { SpellingCorrector } from './spelling';
import { type KnowledgeBase, LANGUAGES, type Lang, type SearchResult } from './types';

/**
 * Finds the knowledge-base entry a message asks about. Every phrasing (question and alternates) of
 * every entry in every language goes into one inverted index, so a question in French can match a
 * Spanish phrasing of the same id. See `scoreQuery` for the 0..1 score.
 */
export class SearchIndex {
  private readonly scorer: EntryScorer;
  /** Per entry: `features`, worked out the first time the entry is a candidate (0 until then). */
  private readonly entryFeatures: Uint8Array;
  /** Per entry, the other organisations its phrasings name; worked out when first needed. */
  private readonly entryOrganisations: (readonly string[] | undefined)[] = [];
  /** The numbers the knowledge base uses, but years (for `nearNumber`); listed when first needed. */
  private numbers: number[] | undefined;
  /**
   * Made by the first word the index does not know (`speller`): most questions have none, and at
   * 10,000 entries per language making it is a tenth of a build.
   */
  private spellerMade: SpellingCorrector | undefined;

  private constructor(
    /** Entry number → id. */
    private readonly ids: string[],
    private readonly index: TermIndex,
    private readonly kb: KnowledgeBase,
  ) {
    this.scorer = new EntryScorer(index);
    this.entryFeatures = new Uint8Array(ids.length);
  }

  /** Indexes a whole knowledge base (all languages). */
  static build(kb: KnowledgeBase): SearchIndex {
    const ids = [...new Set(LANGUAGES.flatMap((lang) => [...kb.entries[lang].keys()]))];
    // Room for every phrasing, and for a word every eight characters (words and spaces).
    let phrasings = 0;
    let characters = 0;
    for (const lang of LANGUAGES) {
      for (const entry of kb.entries[lang].values()) {
        phrasings += 2 + entry.alternates.length;
        characters += entry.question.length + entry.answer.length;
        for (const alternate of entry.alternates) characters += alternate.length;
      }
    }
    const index = new TermIndex(ids.length, words, { phrasings, words: Math.ceil(characters / 8) });
    const add = (n: number, text: string, lang: Lang, skipDigits = false) => index.addPhrasing(n, words.ids, words.analyse(text, lang, skipDigits));
    ids.forEach((id, n) => {
      for (const lang of LANGUAGES) {
        const entry = kb.entries[lang].get(id);
        if (!entry) continue;
        add(n, entry.question, lang);
        for (const alternate of entry.alternates) add(n, alternate, lang);
        // The answer too: people ask with the words of the answer ("preventive and curative
        // programmes"). Being long, it covers little of itself, which scores it below a phrasing.
        // Single digits in an answer are noise.
        add(n, entry.answer, lang, true);
      }
    });
    return new SearchIndex(ids, index.finish(), kb);
  }

  /** Corrects misspelled words against every word form the phrasings use. */
  private get speller(): SpellingCorrector {
    return (this.spellerMade ??= new SpellingCorrector(this.index.surfaces));
  }

  /** Number of distinct entry ids and of indexed phrasings. */
  get size(): { entries: number; phrasings: number; terms: number } {
    return { entries: this.ids.length, phrasings: this.index.phrasingCount, terms: this.index.terms.size };
  }

  /**
   * Candidates for a message written (probably) in `lang`, best first, with a confidence band.
   * The message is analysed as `lang` first; when that gives no clear winner it is also analysed
   * as the other languages (people mix languages, and the reply language may not be the text's),
   * and the best reading wins, with a slight preference for `lang`.
   */
  search(message: string, lang: Lang): SearchResult {
    // A story around the question: its readings (`readings`) in order, the first answered outright
    // wins; else what the whole message gives.
    let whole: SearchResult | undefined;
    for (const text of readings(message)) {
      const result = this.searchText(text, lang);
      if (result.band === 'high') return result;
      if (text === message) whole = result;
    }
    return whole ?? this.searchText(message, lang);
  }

  private searchText(message: string, lang: Lang): SearchResult {
    const text = rewritePhrases(message);
    const words = tokenise(text);
    const iom = namesIom(words);
    const cues: Cues = {
      kinds: questionCues(text),
      namesIom: iom,
      otherOrganisations: iom ? [] : otherOrganisationsNamed(text, words),
      addressesUs: addressesUs(words),
      country: words.some(isPlaceName),
      outsideTopics: asksOutsideTopics(words),
      kindsOf: (entry) => this.features(entry) & KINDS,
      aboutIom: (entry) => (this.features(entry) & ABOUT_IOM) !== 0,
      organisationsOf: (entry) => this.organisations(entry),
    };
    return this.bestReading(text, words, lang, cues);
  }

  private bestReading(text: string, words: readonly string[], lang: Lang, cues: Cues): SearchResult {
    let best = this.searchAs(text, lang, cues);
    if (best.band === 'high' || words.length === 0) return best;
    const tried = new Set([analysisKey(text, lang)]);
    for (const other of LANGUAGES) {
      if (other === lang) continue;
      const key = analysisKey(text, other);
      if (tried.has(key)) continue;
      tried.add(key);
      const bestScore = best.candidates[0]?.score ?? 0;
      // A reading that cannot beat the best so far is not scored (it would not be kept).
      const result = this.searchAs(text, other, cues, OTHER_LANGUAGE_DISCOUNT, bestScore, lang);
      if ((result.candidates[0]?.score ?? 0) > bestScore) best = result;
    }
    return best;
  }

  private searchAs(text: string, lang: Lang, cues: Cues, discount = 1, mustBeat = -1, asked: Lang = lang): SearchResult {
    const { terms, unknownWeight } = this.queryTerms(text, lang, asked);
    const scored = scoreQuery(terms, unknownWeight, this.scorer, discount, mustBeat, cues);
    return { band: scored.band, candidates: scored.candidates.map((c) => ({ id: this.ids[c.entry]!, score: c.score })) };
  }

  /**
   * Query words as index terms: exact stems, stems under another language, then spelling corrections.
   * Read as another language than the one `asked` in, the asked language's own little words ("en",
   * "de", "can", "you") are still little words, not topic words of the other language.
   */
  private queryTerms(text: string, lang: Lang, asked: Lang = lang): { terms: QueryTerm[]; unknownWeight: number } {
    const terms = new Map<number, QueryTerm>();
    let unknownWeight = 0;
    let unknowns = 0;
    const tokens = analyse(text, lang);
    // A question made only of little words ("who are you", "what time is it") is matched on all of
    // them, so each one the knowledge base never asks with is evidence of another question.
    const littleWords = tokens.every((t) => isStopWord(t.surface, lang));
    for (const token of tokens) {
      if (asked !== lang && isStopWord(token.surface, asked)) continue;
      // A country the knowledge base never names is not a typo, nor another language's word ("canada"
      // is Spanish for "can"); and it says where the asker is more than what they ask about.
      const place = isPlaceName(token.surface);
      const name = place || isOrganisationWord(token.surface);
      let term = name ? this.index.term(token.stem) : this.known(token.surface, lang, token.stem);
      let certainty = 1;
      // People mix languages: an unknown word that is another language's "the" or "please" says
      // nothing; nor does one that only says who asks ("I'm a nurse", « mon frère », "para mi tesis").
      if (term === undefined && !littleWords && (isLittleWord(token.surface) || isAskerWord(token.surface))) continue;
      const near = term === undefined ? this.nearNumber(token.surface) : undefined;
      if (near !== undefined) {
        term = near;
        certainty = CORRECTION_DISCOUNT;
      } else if (term === undefined && !name) {
        const correction = this.speller.correct(token.surface);
        if (correction && correction.similarity >= MIN_CORRECTION_SIMILARITY) {
          term = this.known(correction.word, lang);
          certainty = correction.similarity * CORRECTION_DISCOUNT;
        }
      }
      if (term === undefined) {
        unknowns++;
        const short = token.surface.length <= SHORT_WORD && !littleWords;
        const share = place ? PLACE_WEIGHT : short ? UNKNOWN_WORD_WEIGHT * SHORT_WORD_SHARE : UNKNOWN_WORD_WEIGHT;
        unknownWeight += (share * this.index.maxIdf) / Math.sqrt(unknowns);
        continue;
      }
      const idf = this.index.idf[term]!;
      const weight = idf * certainty;
      // A word the query holds twice (or two words with one stem) counts once.
      if ((terms.get(term)?.weight ?? 0) < weight) terms.set(term, { term, weight, idf });
    }
    return { terms: [...terms.values()], unknownWeight };
  }

  /** What an entry's main question says in any language: its kinds of answer (`questionCues`), and `ABOUT_IOM`. */
  private features(entry: number): number {
    if (this.entryFeatures[entry] === 0) {
      const questions = this.mainQuestions(entry);
      const kinds = questions.reduce((all, q) => all | questionCues(q), 0);
      this.entryFeatures[entry] = FEATURES_KNOWN | kinds | (questions.some((q) => namesIom(tokenise(q))) ? ABOUT_IOM : 0);
    }
    return this.entryFeatures[entry]!;
  }

  /** The other organisations than IOM an entry's phrasings name, in any language. */
  private organisations(entry: number): readonly string[] {
    if (!this.entryOrganisations[entry]) {
      const id = this.ids[entry]!;
      const phrasings = LANGUAGES.flatMap((lang) => {
        const e = this.kb.entries[lang].get(id);
        return e ? [e.question, ...e.alternates] : [];
      });
      this.entryOrganisations[entry] = [...new Set(phrasings.flatMap((q) => otherOrganisationsNamed(q, tokenise(q))))];
    }
    return this.entryOrganisations[entry]!;
  }

  private mainQuestions(entry: number): string[] {
    return LANGUAGES.map((lang) => this.kb.entries[lang].get(this.ids[entry]!)?.question ?? '');
  }

  /**
   * The knowledge base's number closest to a number the query rounds ("300 million" for 281
   * million, "750" for 740), within `NUMBER_TOLERANCE`. Years are exact: 2008 is not 2010.
   */
  private nearNumber(surface: string): number | undefined {
    const decade = /^(\d{3})0s$/.exec(surface);
    if (decade) return this.yearIn(Number(decade[1]) * 10);
    const asked = /^\d{2,}$/.test(surface) ? Number(surface) : NaN;
    if (!(asked >= 10) || isYear(asked)) return undefined;
    this.numbers ??= [...this.index.terms.keys()].filter((t) => /^\d{2,}$/.test(t) && !isYear(Number(t))).map(Number);
    let best: number | undefined;
    for (const n of this.numbers) {
      if (Math.abs(n - asked) <= NUMBER_TOLERANCE * n && (best === undefined || Math.abs(n - asked) < Math.abs(best - asked))) best = n;
    }
    return best === undefined ? undefined : this.index.term(String(best));
  }

  /** The knowledge base's year in the decade from `start` ("the 50s": 1951), if it has exactly one. */
  private yearIn(start: number): number | undefined {
    const years = [...this.index.terms.keys()].filter((t) => /^\d{4}$/.test(t) && Number(t) >= start && Number(t) < start + 10);
    return years.length === 1 ? this.index.term(years[0]!) : undefined;
  }

  private known(surface: string, lang: Lang, stemmed = stem(surface, lang)): number | undefined {
    const exact = this.index.term(stemmed);
    if (exact !== undefined) return exact;
    for (const other of LANGUAGES) {
      if (other === lang) continue;
      const t = this.index.term(stem(surface, other));
      if (t !== undefined) return t;
    }
    return undefined;
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
/** `features` bits beside the kinds of answer (`KINDS`): the entry is about IOM; the bits are worked out. */
const KINDS = COUNT | WHO | WHY | WHEN;
const ABOUT_IOM = 8;
const FEATURES_KNOWN = 16;
/** A country's name the knowledge base never uses weighs less: the knowledge base is the same everywhere. */
const PLACE_WEIGHT = 0.4;
/**
 * A correction must be close: one slip in a word of five letters or more. Four-letter words are
 * too close to each other ("joke" is one letter from French "joue").
 */
const MIN_CORRECTION_SIMILARITY = 0.8;
/** How far a number may be from the knowledge base's to be read as it, rounded: a share of the knowledge base's. */
const NUMBER_TOLERANCE = 0.1;

function isYear(n: number): boolean {
  return n >= 1900 && n <= 2100;
}

/** A corrected word counts a little less than a word spelt right. */
const CORRECTION_DISCOUNT = 0.9;
/** Reading the text as another language than the asker's is slightly less likely to be right. */
const OTHER_LANGUAGE_DISCOUNT = 0.97;

function analysisKey(text: string, lang: Lang): string {
  return analyse(text, lang)
    .map((t) => t.stem)
    .join(' ');
}
