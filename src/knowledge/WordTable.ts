import { LANGUAGES, type Lang } from './types';

/** A word of a chunk as the analyser describes it the first time the chunk is seen. */
export interface ChunkWord {
  surface: string;
  stem: string;
  stop: boolean;
}

const STOP = 1;
/** A single digit ("4 priorities"): kept in questions, noise in long answers. */
const DIGIT = 2;
const SPACE = 32;
const LANGUAGE_NUMBER = Object.fromEntries(LANGUAGES.map((lang, i) => [lang, i])) as Record<Lang, number>;

/**
 * Every chunk of text (the characters between two spaces) analysed so far, per language, with the
 * ids of its words. Indexing a 10,000-entry knowledge base analyses three million chunks but only
 * 75,000 distinct ones, so each distinct chunk is folded and stemmed once, and later found by
 * hashing it where it stands in the text: no substring, no `Map`, no object per word. Chunks live
 * in one typed array (`pool`), each as `[language, length, ...UTF-16 code units, word count,
 * ...word ids]`; the hash table holds each chunk's hash next to its offset in the pool.
 *
 * Word ids are never reused, so an index may remember terms by word id across `clear`s; they stay
 * valid (`surface`, `stem`) until the table is cleared, which only happens between two texts.
 */
export class WordTable {
  private slots = new Int32Array(2 * 4096);
  private mask = 4095;
  private chunks = 0;
  private pool = new Int32Array(1 << 16);
  /** Offset 0 stays unused: a slot's offset 0 means "empty". */
  private used = 1;

  /** The id of `surfaces[0]`. */
  private base = 0;
  private surfaces: string[] = [];
  private stems: string[] = [];
  private flags = new Uint8Array(4096);
  /**
   * The word ids the last `analyse` found, in `ids[0 .. count)`. A typed array the table keeps:
   * a JS array emptied with `length = 0` gives its storage back, and indexing refills it a
   * growth step at a time, three hundred thousand times per build.
   */
  ids = new Int32Array(256);

  constructor(
    private readonly describe: (chunk: string, lang: Lang) => ChunkWord[],
    /** Past this many distinct chunks the table starts over (a bound on memory when fed arbitrary text). */
    private readonly maxChunks: number,
  ) {}

  surface(id: number): string {
    return this.surfaces[id - this.base]!;
  }

  stem(id: number): string {
    return this.stems[id - this.base]!;
  }

  /**
   * The ids of the topic-bearing words of `text`, in order, as `ids[0 .. count)`; returns the count.
   * When every word is a stop word ("what can you do") all are kept, so such questions still match
   * phrasings written the same way. `skipDigits` leaves out single digits.
   */
  analyse(text: string, lang: Lang, skipDigits = false): number {
    if (this.chunks >= this.maxChunks) this.clear();
    const langNo = LANGUAGE_NUMBER[lang];
    let { ids } = this;
    let count = 0;
    let content = 0;
    for (let start = 0, end = 0; start < text.length; start = ++end) {
      let hash = FNV_OFFSET ^ langNo;
      for (let code; end < text.length && (code = text.charCodeAt(end)) !== SPACE; end++) hash = Math.imul(hash ^ code, FNV_PRIME);
      if (end === start) continue;
      let at = this.find(text, start, end, hash, langNo);
      if (at < 0) at = this.add(text, start, end, hash, lang);
      const { pool, flags, base } = this;
      for (let j = at + 1, last = at + pool[at]!; j <= last; j++) {
        const id = pool[j]!;
        const flag = flags[id - base]!;
        if (skipDigits && flag & DIGIT) continue;
        if (count === ids.length) this.ids = ids = grown(ids, count);
        ids[count++] = id;
        if (!(flag & STOP)) content++;
      }
    }
    if (content !== 0 && content !== count) {
      const { flags, base } = this;
      let kept = 0;
      for (let i = 0; i < count; i++) if (!(flags[ids[i]! - base]! & STOP)) ids[kept++] = ids[i]!;
      count = kept;
    }
    return count;
  }

  /** Forgets every chunk and word (ids already given out are never given again). */
  clear(): void {
    this.slots.fill(0);
    this.chunks = 0;
    this.used = 1;
    this.base += this.surfaces.length;
    this.surfaces = [];
    this.stems = [];
  }

  /** The pool offset of the chunk's word count, or -1 when the chunk is new. */
  private find(text: string, start: number, end: number, hash: number, langNo: number): number {
    const { slots, mask, pool } = this;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slots[2 * slot + 1]!;
      if (at === 0) return -1;
      if (slots[2 * slot] !== hash || pool[at] !== langNo || pool[at + 1] !== length) continue;
      let i = 0;
      while (i < length && pool[at + 2 + i] === text.charCodeAt(start + i)) i++;
      if (i === length) return at + 2 + length;
    }
  }

  private add(text: string, start: number, end: number, hash: number, lang: Lang): number {
    const words = this.describe(text.slice(start, end), lang);
    const length = end - start;
    const size = 3 + length + words.length;
    if (this.used + size > this.pool.length) this.pool = grown(this.pool, this.used + size);
    if (2 * (this.chunks + 1) > this.mask + 1) this.rehash();
    const record = this.used;
    const { pool } = this;
    pool[record] = LANGUAGE_NUMBER[lang];
    pool[record + 1] = length;
    for (let i = 0; i < length; i++) pool[record + 2 + i] = text.charCodeAt(start + i);
    const at = record + 2 + length;
    pool[at] = words.length;
    words.forEach((word, j) => (pool[at + 1 + j] = this.addWord(word)));
    this.used += size;
    this.chunks++;
    this.place(this.slots, this.mask, hash, record);
    return at;
  }

  private addWord(word: ChunkWord): number {
    const index = this.surfaces.length;
    if (index >= this.flags.length) this.flags = grown(this.flags, index);
    this.surfaces.push(word.surface);
    this.stems.push(word.stem);
    this.flags[index] = (word.stop ? STOP : 0) | (word.surface.length === 1 ? DIGIT : 0);
    return this.base + index;
  }

  private place(slots: Int32Array, mask: number, hash: number, record: number): void {
    let slot = hash & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = record;
  }

  /** Doubles the hash table. */
  private rehash(): void {
    const old = this.slots;
    this.mask = 2 * (this.mask + 1) - 1;
    this.slots = new Int32Array(2 * (this.mask + 1));
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(this.slots, this.mask, old[i]!, old[i + 1]!);
  }
}

/** FNV-1a over UTF-16 code units, seeded with the language number. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function grown<T extends Int32Array | Uint8Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed + 1, array.length * 2));
  bigger.set(array);
  return bigger;
}
