import { TermIndex } from './bm25';
import { EntryCues } from './EntryCues';
import { EntryScorer } from './EntryScorer';
import { KnownNumbers } from './KnownNumbers';
import { isCanonical, Lexicon, PLACE } from './Lexicon';
import { EntryClassifier } from './EntryClassifier';
import { LexiconReader } from './LexiconReader';
import { describeWord, isLittleWord, isStopWord, tokenise } from './normalise';
import { LittleWords, type PhrasingLittleWords } from './LittleWords';
import { lowScoreAnswer } from './lowScoreAnswer';
import { questionSentences, readings } from './questionSentences';
import { aboutAnother, bandOf, scoreQuery, type QueryTerm } from './scoreQuery';
import { SpellingCorrector } from './spelling';
import { type KnowledgeBase, LANGUAGES, type Lang, type SearchResult, type UnderstoodEntry } from './types';
import { WordTable } from './WordTable';

/** Past this many distinct chunks of text, an index's word table starts over (memory bound). */
const MAX_CHUNKS = 200_000;

/**
 * Ranks everything the bot understands — answers, actions and referrals — for a message. Every
 * phrasing (an answer's question, alternates and answer; an action's or referral's label and
 * examples) of every entry in every language goes into one inverted index, read through the
 * knowledge base's lexicon, so a question in French can match a Spanish phrasing of the same id.
 * See `scoreQuery` for the 0..1 score, which is comparable across kinds: the same bands decide.
 */
export class SearchIndex {
  private readonly scorer: EntryScorer;
  private readonly cues: EntryCues;
  private readonly numbers: KnownNumbers;
  private readonly entryNumber: ReadonlyMap<string, number>;
  /** The word table every text is read into (`LexiconReader`). */
  private readonly words: WordTable;
  /** Made by the first word the index does not know: most questions have none. */
  private spellerMade: SpellingCorrector | undefined;

  private constructor(
    /** Entry number → entry in some language (its id and kind). */
    private readonly entries: readonly UnderstoodEntry[],
    private readonly index: TermIndex,
    kb: KnowledgeBase,
    private readonly lexicon: Lexicon,
    private readonly reader: LexiconReader,
    little: PhrasingLittleWords,
    private readonly classifier: EntryClassifier | undefined,
  ) {
    this.scorer = new EntryScorer(index);
    this.cues = new EntryCues(index, little, entries, kb, lexicon);
    this.numbers = new KnownNumbers(index);
    this.entryNumber = new Map(entries.map((e, n) => [e.id, n]));
    this.words = reader.words;
  }

  /** Indexes a whole knowledge base (all kinds, all languages). */
  static build(kb: KnowledgeBase): SearchIndex {
    const lexicon = new Lexicon(LANGUAGES.map((lang) => kb.lexicon[lang]));
    const reader = new LexiconReader(lexicon, MAX_CHUNKS);
    const { words } = reader;
    const byId = new Map<string, UnderstoodEntry[]>();
    for (const lang of LANGUAGES) {
      for (const kind of [kb.entries[lang], kb.actions[lang], kb.referrals[lang]] as ReadonlyMap<string, UnderstoodEntry>[]) {
        for (const e of kind.values()) (byId.get(e.id) ?? byId.set(e.id, []).get(e.id)!).push(e);
      }
    }
    const versions = [...byId.values()];
    let phrasings = 0;
    let characters = 0;
    for (const list of versions) {
      for (const e of list) {
        for (const text of phrasingsOf(e)) {
          phrasings++;
          characters += text.length;
        }
      }
    }
    const index = new TermIndex(versions.length, words, { phrasings, words: Math.ceil(characters / 8) });
    // Each phrasing's little words are kept too, in index order, for `agreement` (a few per phrasing).
    const little = new LittleWords();
    const add = (n: number, text: string, lang: Lang, skipDigits = false) => {
      const count = reader.read(text, lang, skipDigits);
      index.addPhrasing(n, words.ids, count);
      little.add(words, words.littleCount);
    };
    versions.forEach((list, n) => {
      for (const e of list) {
        // A request's single digits are texting ("talk 2 a person"), not a figure asked about.
        for (const text of phrasingsOf(e)) add(n, text, e.lang, e.kind !== 'answer');
        // An answer's own words too: people ask with them ("preventive and curative programmes").
        // Being long, it covers little of itself, which scores it below a phrasing; its single digits are noise.
        if (e.kind === 'answer') add(n, e.answer, e.lang, true);
      }
    });
    // The classifier learns the same phrasings (not answers' own text: it would learn their wording
    // as the question's). Its weights grow with entries × features: past `MAX_CLASSIFIED` entries
    // the matcher decides alone.
    const classifier =
      versions.length <= MAX_CLASSIFIED
        ? EntryClassifier.train(versions.flatMap((list) => list.flatMap((e) => phrasingsOf(e).map((text) => ({ text, label: e.id })))))
        : undefined;
    return new SearchIndex(versions.map((list) => list[0]!), index.finish(), kb, lexicon, reader, little.finish(), classifier);
  }

  /**
   * The classifier's reading of a message: the entry id it ranks first (any kind), its lead over
   * the next, and how far it leads any other id; undefined without a classifier or when the message
   * has nothing it learnt.
   */
  classify(message: string): { id: string; margin: number; behind(id: string): number } | undefined {
    if (!this.classifier) return undefined;
    // As for the matcher, words that only say who asks ("I'm a nurse", « mon cousin ») are not the question.
    const words = message.split(/\s+/).filter((raw) => !tokenise(raw).some((w) => this.lexicon.isAsker(w)));
    const found = this.classifier.classify(words.join(' '));
    return found && { id: found.label, margin: found.margin, behind: found.behind };
  }

  /**
   * Whether a message naming the organisations `asked` (`SearchResult.names`) names none that entry
   * `id`'s phrasings name: "how many member states does the UN have" is not IOM's. The matcher
   * demotes such an entry (`OTHER_ORGANISATION`); whatever else reads the message must not choose it either.
   */
  namesAnother(asked: readonly string[], id: string): boolean {
    const entry = this.entryNumber.get(id);
    return entry !== undefined && aboutAnother(asked, this.cues.namesOf(entry));
  }

  private get speller(): SpellingCorrector {
    return (this.spellerMade ??= new SpellingCorrector(this.index.surfaces.filter((s) => !this.lexicon.isWritten(s))));
  }

  /** Number of distinct entry ids and of indexed phrasings. */
  get size(): { entries: number; phrasings: number; terms: number } {
    return { entries: this.entries.length, phrasings: this.index.phrasingCount, terms: this.index.terms.size };
  }

  /**
   * Candidates for a message written (probably) in `lang`, best first, with a confidence band.
   * A message is searched as each of its readings (`readings`: the whole message, then its asking
   * sentences, the question's last clause…) in order; the first answered outright wins (the whole
   * message, if answered only weakly, only to a part answered clearly), else the whole message's
   * result stands, unless it still holds a clear answer (`lowScoreAnswer`).
   */
  search(message: string, lang: Lang): SearchResult {
    let whole: SearchResult | undefined;
    let story: SearchResult | undefined;
    // After the whole message, the story's known words with its question (`storyContext`).
    const texts = readings(message);
    const context = this.storyContext(message, lang);
    if (context !== undefined) texts.splice(1, 0, context);
    // A whole message answered only weakly stands unless one of its parts is answered clearly.
    let weak: SearchResult | undefined;
    for (const text of texts) {
      const result = this.searchText(text, lang);
      if (text === context) story = result;
      const read = whole && result.band === 'high' && asidesAction(whole, result) ? withoutActions(result) : result;
      if (read.band === 'high' && (weak ? top(read) >= CLEAR_MATCH : whole || top(read) >= WEAK_HIGH)) return read;
      if (!whole && read.band === 'high') weak = read;
      whole ??= result;
    }
    if (weak) return weak;
    if (!whole) return this.searchText(message, lang);
    return lowScoreAnswer(whole, story) ?? whole;
  }

  /**
   * A story and its question read as one, without the story's words the knowledge base never uses:
   * "I volunteer at a centre in Marseille. A young woman told me she was raped on the crossing. Where
   * can she get care?" asks about care after rape, but the story's many other words, read as
   * evidence of another topic, leave the whole message no clear match. Undefined for a message of
   * one sentence.
   */
  private storyContext(message: string, lang: Lang): string | undefined {
    const asking = questionSentences(message);
    if (asking.length === 0) return undefined;
    let story = message;
    for (const sentence of asking) story = story.replace(sentence, ' ');
    const kept = story.split(/\s+/).filter((raw) => tokenise(raw).some((w) => !isLittleWord(w) && this.known(w, lang) !== undefined));
    return kept.length === 0 ? undefined : `${kept.join(' ')} ${asking.join(' ')}`;
  }

  private searchText(message: string, lang: Lang): SearchResult {
    const text = this.reader.prepare(message);
    let best = this.searchAs(text, lang);
    if (best.band === 'high' && top(best) >= CLEAR_MATCH) return best;
    // People mix languages, and the reply language may not be the text's: the text is also read as
    // the other languages, and the best reading wins, with a slight preference for `lang`.
    const tried = new Set([this.analysisKey(text, lang)]);
    for (const other of LANGUAGES) {
      if (other === lang) continue;
      const key = this.analysisKey(text, other);
      if (tried.has(key)) continue;
      tried.add(key);
      const bestScore = best.candidates[0]?.score ?? 0;
      const result = this.searchAs(text, other, OTHER_LANGUAGE_DISCOUNT, bestScore, lang);
      if ((result.candidates[0]?.score ?? 0) > bestScore) best = result;
    }
    return best;
  }

  private searchAs(text: string, lang: Lang, discount = 1, mustBeat = -1, asked: Lang = lang): SearchResult {
    const { terms, unknownWeight, names } = this.queryTerms(text, lang, asked);
    const scored = scoreQuery(terms, unknownWeight, this.scorer, discount, mustBeat, this.cues.of(text, terms, names));
    return {
      band: scored.band,
      candidates: scored.candidates.map((c) => ({ id: this.entries[c.entry]!.id, kind: this.entries[c.entry]!.kind, score: c.score })),
      ...(names.length > 0 && { names }),
    };
  }

  /**
   * Query words as index terms: exact stems, stems under another language, then spelling
   * corrections. Read as another language than the one `asked` in, the asked language's own little
   * words ("en", "de", "can") are still little words, not topic words of the other language.
   */
  private queryTerms(text: string, lang: Lang, asked: Lang): { terms: QueryTerm[]; unknownWeight: number; names: string[] } {
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

  private known(surface: string, lang: Lang, stemmed?: string): number | undefined {
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

  /** The terms a text is read as in one language (after the lexicon), for editors' checks and tests. */
  stemsOf(text: string, lang: Lang): string[] {
    const count = this.words.analyse(this.reader.prepare(text), lang);
    return Array.from(this.words.ids.subarray(0, count), (id) => this.words.stem(id));
  }

  private analysisKey(text: string, lang: Lang): string {
    const count = this.words.analyse(text, lang);
    let key = '';
    for (let i = 0; i < count; i++) key += `${this.words.stem(this.words.ids[i]!)} `;
    return key;
  }
}

/** The phrasings of an entry that the index holds (an answer's own text is added apart). */
function phrasingsOf(e: UnderstoodEntry): string[] {
  return e.kind === 'answer' ? [e.question, ...e.alternates] : [e.label, ...e.examples];
}

/**
 * A reading in the asker's language this clear is kept without reading the text as the other
 * languages (a Spanish speaker typing English gets a weak Spanish reading of English words).
 */
const CLEAR_MATCH = 0.8;
/** The classifier is trained for at most this many entries (ids; its weights are 256 KB an entry). */
const MAX_CLASSIFIED = 2_000;
/**
 * A whole message answered below this is a weak match: a long story's words can lift an entry just
 * over the band while the message's own question, read alone, matches another clearly ("my permit
 * expired and I'm lost … can you put me through to an agent?"). (Used sets, 2026-12-04: 0.45–0.65
 * all gain 10–13 right answers and 2–3 requests; 0.5 kept.)
 */
const WEAK_HIGH = 0.5;

const top = (result: SearchResult) => result.candidates[0]?.score ?? 0;

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
/**
 * Whether a part of a message reads as an action the whole message does not point to at all: "…was
 * found with high blood pressure at my visit. What happens now?" is no "what's up?". Acting is
 * asked for in so many words; a question's generic last sentence does not ask it.
 */
function asidesAction(whole: SearchResult, part: SearchResult): boolean {
  const action = part.candidates[0]!;
  return action.kind === 'action' && whole.candidates.length > 0 && whole.candidates[0]!.kind !== 'action' && !whole.candidates.some((c) => c.id === action.id);
}

/** A result without its actions, banded again: what a message's question asks, when it asks no action. */
function withoutActions(result: SearchResult): SearchResult {
  const candidates = result.candidates.filter((c) => c.kind !== 'action');
  return { candidates, band: bandOf(candidates.map((c, entry) => ({ entry, score: c.score }))) };
}

/** Reading the text as another language than the asker's is slightly less likely to be right. */
const OTHER_LANGUAGE_DISCOUNT = 0.97;
