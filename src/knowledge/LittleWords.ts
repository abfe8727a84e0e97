import type { WordTable } from './WordTable';

/**
 * Little words of each phrasing, flat, in the order the phrasings are added, as numbers of their
 * own small vocabulary (a word table's ids do not outlive its clearing; these do).
 */
export class LittleWords {
  readonly vocabulary = new Map<string, number>();
  private ids = new Int32Array(1 << 16);
  private count = 0;
  private starts: number[] = [0];

  add(words: WordTable, n: number): void {
    if (this.count + n > this.ids.length) {
      const bigger = new Int32Array(Math.max(this.ids.length * 2, this.count + n));
      bigger.set(this.ids);
      this.ids = bigger;
    }
    for (let i = 0; i < n; i++) {
      const surface = words.surface(words.little[i]!);
      let id = this.vocabulary.get(surface);
      if (id === undefined) this.vocabulary.set(surface, (id = this.vocabulary.size));
      this.ids[this.count++] = id;
    }
    this.starts.push(this.count);
  }

  finish(): PhrasingLittleWords {
    return { ids: this.ids.subarray(0, this.count), start: Int32Array.from(this.starts), vocabulary: this.vocabulary };
  }
}

/** Per phrasing p, its little words (`LittleWords` numbers): `ids[start[p] .. start[p + 1])`. */
export interface PhrasingLittleWords {
  ids: Int32Array;
  start: Int32Array;
  vocabulary: ReadonlyMap<string, number>;
}
