import type { WordTable } from './WordTable';
import { grown } from './grown';

/**
 * Little words of each phrasing, flat, in the order the phrasings are added, as numbers of their
 * own small vocabulary (a word table's ids do not outlive its clearing; these do).
 */
export class LittleWords {
  readonly vocabulary = new Map<string, number>();
  private ids: Int32Array = new Int32Array(1 << 16);
  private count = 0;
  private starts: Int32Array = new Int32Array(1 << 12);
  private phrasings = 0;
  /**
   * Word id → its vocabulary number + 1 (0: not met yet). A word table never gives an id twice, so
   * each id's surface is looked up in `vocabulary` once, not at each of its million uses in a build.
   */
  private byWord: Int32Array = new Int32Array(1 << 12);

  /** Adds a phrasing's little words: `words.little[0 .. n)`. */
  add(words: WordTable, n: number): void {
    if (this.count + n > this.ids.length) this.ids = grown(this.ids, this.count + n);
    for (let i = 0; i < n; i++) {
      const word = words.little[i]!;
      if (word >= this.byWord.length) this.byWord = grown(this.byWord, word);
      let id = this.byWord[word]! - 1;
      if (id < 0) {
        const surface = words.surface(word);
        id = this.vocabulary.get(surface) ?? -1;
        if (id < 0) this.vocabulary.set(surface, (id = this.vocabulary.size));
        this.byWord[word] = id + 1;
      }
      this.ids[this.count++] = id;
    }
    if (this.phrasings + 2 > this.starts.length) this.starts = grown(this.starts, this.phrasings + 1);
    this.starts[++this.phrasings] = this.count;
  }

  finish(): PhrasingLittleWords {
    return { ids: this.ids.subarray(0, this.count), start: this.starts.slice(0, this.phrasings + 1), vocabulary: this.vocabulary };
  }
}

/** Per phrasing p, its little words (`LittleWords` numbers): `ids[start[p] .. start[p + 1])`. */
export interface PhrasingLittleWords {
  ids: Int32Array;
  start: Int32Array;
  vocabulary: ReadonlyMap<string, number>;
}
