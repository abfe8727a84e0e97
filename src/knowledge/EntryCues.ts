import type { TermIndex } from './bm25';
import type { Lexicon } from './Lexicon';
import type { PhrasingLittleWords } from './LittleWords';
import { isLittleWord, tokenise } from './normalise';
import { questionCues } from './questionCues';
import type { Cues, QueryTerm } from './scoreQuery';
import { type KnowledgeBase, LANGUAGES, type UnderstoodEntry } from './types';

/**
 * What a query says beside its topic words, and what each entry says, for `scoreQuery` to rerank
 * by (`Cues`): the kind of answer asked for, other organisations named, and how well the query's
 * little words agree with an entry's closest phrasing. Per-entry facts are worked out when first
 * needed; marks are stamps in arrays made once, so a query allocates almost nothing.
 */
export class EntryCues {
  /** Per entry, what its phrasings say beyond their words: kinds of answer, names. Worked out when first needed. */
  private readonly entryKinds: Int8Array;
  private readonly entryNames: (ReadonlySet<string> | undefined)[] = [];
  /** Stamps for `agreement`: the query's terms and little words, and the little words of the phrasing looked at. */
  private readonly termStamp: Int32Array;
  private readonly littleStamp: Int32Array;
  private readonly littleSeen: Int32Array;
  private queryStamp = 0;
  private nameTerms: Map<number, string> | undefined;
  /** The last text `of` read: its little words and the kinds of answer it asks for. */
  private read: { text: string; little: string[]; kinds: number } | undefined;
  private phrasingStamp = 0;

  constructor(
    private readonly index: TermIndex,
    private readonly little: PhrasingLittleWords,
    /** Entry number → entry in some language (its id and kind). */
    private readonly entries: readonly UnderstoodEntry[],
    private readonly kb: KnowledgeBase,
    private readonly lexicon: Lexicon,
  ) {
    this.termStamp = new Int32Array(index.terms.size);
    this.littleStamp = new Int32Array(little.vocabulary.size);
    this.littleSeen = new Int32Array(little.vocabulary.size);
    this.entryKinds = new Int8Array(entries.length).fill(-1);
  }

  /** The cues of a query `text` read as `terms`, naming the other organisations `names`; valid until the next call. */
  of(text: string, terms: readonly QueryTerm[], names: readonly string[]): Cues {
    // A search reads one text as each language in turn: its little words and kinds are worked out once.
    if (this.read?.text !== text) this.read = { text, little: tokenise(text).filter(isLittleWord), kinds: questionCues(text) };
    const query = this.agreementQuery(this.read.little, terms);
    return {
      kinds: this.read.kinds,
      names,
      kindsOf: (entry) => this.kindsOf(entry),
      namesOf: (entry) => this.namesOf(entry),
      agreement: (entry) => this.agreement(entry, query),
    };
  }

  /**
   * The best Dice overlap between the query's little words and those of one of the entry's
   * phrasings that share a topic word with the query (the phrasings that matched). Marks are
   * stamps in arrays made once, so the hundreds of phrasings a query looks at allocate nothing.
   */
  private agreement(entry: number, query: AgreementQuery): number {
    const { phrasingTermStart, entryPhrasingStart, phrasingTerms } = this.index;
    const { ids, start } = this.little;
    const seen = this.littleSeen;
    let best = 0;
    for (let p = entryPhrasingStart[entry]!; p < entryPhrasingStart[entry + 1]!; p++) {
      let matched = query.terms === 0;
      for (let i = phrasingTermStart[p]!; i < phrasingTermStart[p + 1]! && !matched; i++) matched = this.termStamp[phrasingTerms[i]!] === query.stamp;
      if (!matched) continue;
      const stamp = ++this.phrasingStamp;
      let distinct = 0;
      let shared = 0;
      for (let i = start[p]!; i < start[p + 1]!; i++) {
        const v = ids[i]!;
        if (seen[v] === stamp) continue;
        seen[v] = stamp;
        distinct++;
        if (this.littleStamp[v] === query.stamp) shared++;
      }
      // Neither has little words: they agree fully.
      const dice = query.little + distinct === 0 ? 1 : (2 * shared) / (query.little + distinct);
      if (dice > best) best = dice;
    }
    return best;
  }

  /** Marks a query's terms and little words for `agreement`. */
  private agreementQuery(little: readonly string[], terms: readonly QueryTerm[]): AgreementQuery {
    const stamp = ++this.queryStamp;
    for (const t of terms) this.termStamp[t.term] = stamp;
    const distinct = new Set(little);
    for (const w of distinct) {
      const v = this.little.vocabulary.get(w);
      if (v !== undefined) this.littleStamp[v] = stamp;
    }
    return { stamp, terms: terms.length, little: distinct.size };
  }

  /** The kinds of answer an entry's main question asks for, in any language (`questionCues`). */
  private kindsOf(entry: number): number {
    if (this.entryKinds[entry] === -1) {
      const id = this.entries[entry]!.id;
      this.entryKinds[entry] = LANGUAGES.reduce((all, lang) => {
        const e = this.kb.entries[lang].get(id);
        return all | (e ? questionCues(e.question) : 0);
      }, 0);
    }
    return this.entryKinds[entry]!;
  }

  /** The other organisations an entry's phrasings name, in any language. */
  namesOf(entry: number): ReadonlySet<string> {
    let names = this.entryNames[entry];
    if (!names) {
      const found = new Set<string>();
      const { phrasingTermStart, entryPhrasingStart, phrasingTerms } = this.index;
      const nameTerms = (this.nameTerms ??= this.termsNaming());
      for (let p = entryPhrasingStart[entry]!; p < entryPhrasingStart[entry + 1]!; p++) {
        for (let i = phrasingTermStart[p]!; i < phrasingTermStart[p + 1]!; i++) {
          const name = nameTerms.get(phrasingTerms[i]!);
          if (name) found.add(name);
        }
      }
      this.entryNames[entry] = names = found;
    }
    return names;
  }

  /** The index's terms that name an organisation (`Lexicon.names`), by term number. */
  private termsNaming(): Map<number, string> {
    const terms = new Map<number, string>();
    for (const name of this.lexicon.names) {
      const term = this.index.term(name);
      if (term !== undefined) terms.set(term, name);
    }
    return terms;
  }
}

/** A query as `agreement` sees it: its stamp, and how many topic terms and distinct little words it has. */
interface AgreementQuery {
  stamp: number;
  terms: number;
  little: number;
}
