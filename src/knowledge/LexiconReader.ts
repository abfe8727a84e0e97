import { foldChunk } from './foldChunk';
import type { Lexicon } from './Lexicon';
import { describeWord, spellDecades } from './normalise';
import type { Lang } from './types';
import { WordTable } from './WordTable';

/**
 * What `note` reads in a chunk: two capitals in a row, a decade's digits, markup; or that it was
 * not read, being first met outside `read`. Above them, the number of its list of trigger words.
 */
const CAPITALS = 1;
const DECADE = 2;
const MARKUP = 4;
const UNREAD = 8;
const LIST_SHIFT = 4;

/**
 * Texts read as the search index reads them: through the knowledge base's lexicon (its phrases and
 * names in capitals as single words, its groups' forms as one canonical word), decades spelt as
 * years, markup left out; into the ids of one word table (`words`), which indexing and every search
 * share.
 *
 * A knowledge base's texts are read through their chunks' notes (`WordTable.noted`): whether a text
 * may hold a decade, a name in capitals, markup or a phrase is looked up once per distinct chunk,
 * not scanned for in each of its three hundred thousand texts, and the lexicon's phrases are looked
 * for only with the trigger words the text's chunks hold.
 */
export class LexiconReader {
  readonly words: WordTable;
  /** The lexicon's trigger words of a chunk (`Lexicon.triggersInChunk`), by number in a note; 0 is none. */
  private readonly triggerLists: (readonly string[])[] = [[]];
  private readonly triggerListNumbers = new Map<string, number>();
  /** Chunks are noted only for `read`: a search's need no notes, and get none. */
  private reading = false;

  constructor(
    private readonly lexicon: Lexicon,
    /** Past this many distinct chunks of text, the word table starts over (memory bound). */
    maxChunks: number,
  ) {
    this.words = new WordTable(
      foldChunk,
      (word, lang) => {
        const canonical = lexicon.canonical(word);
        if (canonical) return { stem: canonical, stop: false };
        const { stem, stop } = describeWord(word, lang);
        return { stem, stop, trigger: lexicon.isTrigger(word) };
      },
      maxChunks,
      (chunk) => (this.reading ? this.note(chunk) : UNREAD),
    );
  }

  /** A message as the word table should read it (`prepare`). */
  prepare(text: string): string {
    return prepare(this.lexicon, text);
  }

  /**
   * Reads a knowledge-base text into `words.ids[0 .. count)` and `words.little`; returns the count.
   * The text is read with its decades spelt and, if a word may start one of the lexicon's phrases or
   * two capitals are in a row, as a message is (`prepare`): `readSlowly` says it plainly. Most texts
   * are read once, as they are; spelt again only when a chunk has a decade's digits, rewritten only
   * when a chunk has a phrase's first word or capitals and the rewriting changed something.
   */
  read(text: string, lang: Lang, skipDigits: boolean): number {
    this.reading = true;
    try {
      const { words } = this;
      let count = words.analyse(text, lang, skipDigits);
      const notes = this.notes();
      if (notes & UNREAD) return this.readSlowly(text, lang, skipDigits);
      let spelt = text;
      if (notes & DECADE) {
        spelt = spellDecades(text);
        if (spelt !== text) {
          count = words.analyse(spelt, lang, skipDigits);
          if (this.notes() & UNREAD) return this.readSlowly(text, lang, skipDigits);
        }
      }
      if (words.sawTrigger || notes & CAPITALS) {
        const prepared = notes & MARKUP ? prepare(this.lexicon, text) : this.lexicon.rewrite(spelt, this.notedTriggers());
        if (prepared !== spelt) count = words.analyse(prepared, lang, skipDigits);
      }
      return count;
    } finally {
      this.reading = false;
    }
  }

  /** What `read` does, without notes: for a text with chunks first met in a search. */
  private readSlowly(text: string, lang: Lang, skipDigits: boolean): number {
    const spelt = spellDecades(text);
    const count = this.words.analyse(spelt, lang, skipDigits);
    return this.words.sawTrigger || hasCapitalPair(text) ? this.words.analyse(prepare(this.lexicon, text), lang, skipDigits) : count;
  }

  /** What a chunk holds that `read` must know of. */
  private note(chunk: string): number {
    let note = (hasCapitalPair(chunk) ? CAPITALS : 0) | (DECADE_DIGITS.test(chunk) ? DECADE : 0) | (chunk.includes('<') ? MARKUP : 0);
    const triggers = this.lexicon.triggersInChunk(chunk);
    if (triggers.length > 0) {
      const key = triggers.join(' ');
      let n = this.triggerListNumbers.get(key);
      if (n === undefined) {
        this.triggerListNumbers.set(key, (n = this.triggerLists.length));
        this.triggerLists.push(triggers);
      }
      note |= n << LIST_SHIFT;
    }
    return note;
  }

  /** The notes of the last text the word table analysed, together. */
  private notes(): number {
    let notes = 0;
    for (let i = 0; i < this.words.notedCount; i++) notes |= this.words.noted[i]!;
    return notes;
  }

  /** The lexicon's trigger words of the last text the word table analysed (`Lexicon.rewrite`'s `triggers`). */
  private notedTriggers(): Set<string> {
    const triggers = new Set<string>();
    for (let i = 0; i < this.words.notedCount; i++) {
      for (const word of this.triggerLists[this.words.noted[i]! >> LIST_SHIFT]!) triggers.add(word);
    }
    return triggers;
  }
}

/**
 * A text as the word analysis reads it: markup left out (a tag says nothing of what is asked), the
 * lexicon's phrases as single words, decades spelt as years.
 */
function prepare(lexicon: Lexicon, text: string): string {
  return lexicon.rewrite(spellDecades(text.includes('<') ? text.replace(MARKUP_TAG, ' ') : text));
}

const MARKUP_TAG = /<[^<>]{0,200}>/g;
/** What `spellDecades` looks for first: a text without it has no decade. */
const DECADE_DIGITS = /\d0/;

/** Two capitals in a row ("WHO", "UN"): a name the lexicon may read in capitals only. */
function hasCapitalPair(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i);
    if (a >= 65 && a <= 90 && b >= 65 && b <= 90) return true;
  }
  return false;
}
