import { TermIndex } from './bm25';
import { EntryCues } from './EntryCues';
import { EntryScorer } from './EntryScorer';
import { Lexicon } from './Lexicon';
import { EntryClassifier } from './EntryClassifier';
import { LexiconReader } from './LexiconReader';
import { tokenise } from './normalise';
import { LittleWords, type PhrasingLittleWords } from './LittleWords';
import { lowScoreAnswer } from './lowScoreAnswer';
import { QueryTerms } from './QueryTerms';
import { readings } from './questionSentences';
import { aboutAnother, bandOf, scoreQuery } from './scoreQuery';
import { storyContext } from './storyContext';
import { type KnowledgeBase, LANGUAGES, type Lang, type SearchResult, type UnderstoodEntry } from './types';
import type { WordTable } from './WordTable';

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
  private readonly terms: QueryTerms;
  private readonly entryNumber: ReadonlyMap<string, number>;

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
    this.terms = new QueryTerms(reader.words, index, lexicon);
    this.entryNumber = new Map(entries.map((e, n) => [e.id, n]));
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

  /** The word table every text is read into (`LexiconReader`). */
  private get words(): WordTable {
    return this.reader.words;
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
    const context = storyContext(message, (word) => this.terms.known(word, lang) !== undefined);
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
    const { terms, unknownWeight, names } = this.terms.of(text, lang, asked);
    const scored = scoreQuery(terms, unknownWeight, this.scorer, discount, mustBeat, this.cues.of(text, terms, names));
    return {
      band: scored.band,
      candidates: scored.candidates.map((c) => ({ id: this.entries[c.entry]!.id, kind: this.entries[c.entry]!.kind, score: c.score })),
      ...(names.length > 0 && { names }),
    };
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
