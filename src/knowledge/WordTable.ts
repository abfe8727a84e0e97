import { LANGUAGES, type Lang } from './types';
import { grown } from './grown';

/** What the analyser says of a folded word the first time it is seen in a language. */
export interface WordInfo {
  stem: string;
  stop: boolean;
  /** The word may start a phrase of several words that must be read as one (`Lexicon`). */
  trigger?: boolean;
}

const STOP = 1;
/** A single digit ("4 priorities"): kept in questions, noise in long answers. */
const DIGIT = 2;
const TRIGGER = 4;
const SPACE = 32;
const LANGUAGE_NUMBER = Object.fromEntries(LANGUAGES.map((lang, i) => [lang, i])) as Record<Lang, number>;

/**
 * Every chunk of text (the characters between two spaces) analysed so far, per language, with the
 * ids of its words. Indexing a 10,000-entry knowledge base analyses three million chunks but only
 * 75,000 distinct ones, so each distinct chunk is folded and stemmed once, and later found by
 * hashing it where it stands in the text: no substring, no `Map`, no object per word. Chunks live
 * in one typed array (`pool`), each as `[language + 4 × length, ...UTF-16 code units two to a
 * number, word count, ...word ids, note]`; the hash table holds each chunk's hash next to its
 * offset in the pool. Both are kept small (a table three-quarters full, two code units per
 * number): looking a chunk up waits mostly on memory, three million times per build.
 *
 * A word has one id per language however many chunks hold it ("word", "word?", "Word"), so it is
 * stemmed once: a new chunk's words are looked up as chunks of their own.
 *
 * What a caller reads in a chunk's own characters, beside its words (`note`), is worked out once per
 * distinct chunk too, and found with it: an index looks at every text's capitals, digits and phrases.
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
  /** Whether the last `analyse` met a trigger word (`WordInfo.trigger`). */
  sawTrigger = false;
  /** The stop words the last `analyse` left out of `ids` (when it kept only topic words), as `little[0 .. littleCount)`. */
  little = new Int32Array(64);
  littleCount = 0;
  /** The notes (`note`) of the last `analyse`'s chunks that have one (not 0), in text order, as `noted[0 .. notedCount)`. */
  noted = new Int32Array(16);
  notedCount = 0;
  /** The chunk being looked up, two code units to a number. */
  private units = new Int32Array(256);

  constructor(
    /** The folded words of a chunk (`foldChunk`). */
    private readonly fold: (chunk: string) => string[],
    private readonly describe: (word: string, lang: Lang) => WordInfo,
    /** Past this many distinct chunks the table starts over (a bound on memory when fed arbitrary text). */
    private readonly maxChunks: number,
    /** What the caller reads in a chunk (the raw characters between two spaces), as a number: 0 for nothing (`noted`). */
    private readonly note: (chunk: string) => number = () => 0,
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
    const n = text.length;
    if ((n >> 1) + 1 > this.units.length) this.units = new Int32Array((n >> 1) + 1);
    const { units } = this;
    let { ids } = this;
    let count = 0;
    let content = 0;
    let triggers = 0;
    this.notedCount = 0;
    for (let start = 0, end = 0; start < n; start = ++end) {
      // The chunk's code units, two to a number as the pool holds them, hashed as they are read.
      let hash = FNV_OFFSET ^ langNo;
      let size = 0;
      while (end < n) {
        let code = text.charCodeAt(end);
        if (code === SPACE) break;
        if (++end < n) {
          const next = text.charCodeAt(end);
          if (next !== SPACE) {
            code |= next << 16;
            end++;
          }
        }
        units[size++] = code;
        hash = Math.imul(hash ^ code, FNV_PRIME);
      }
      if (end === start) continue;
      const head = langNo + 4 * (end - start);
      let at = this.find(head, units, size, hash);
      if (at < 0) at = this.add(text, start, end, head, size, hash, lang);
      const { pool, flags, base } = this;
      const last = at + pool[at]!;
      for (let j = at + 1; j <= last; j++) {
        const id = pool[j]!;
        const flag = flags[id - base]!;
        triggers |= flag & TRIGGER;
        if (skipDigits && flag & DIGIT) continue;
        if (count === ids.length) this.ids = ids = grown(ids, count);
        ids[count++] = id;
        if (!(flag & STOP)) content++;
      }
      const note = pool[last + 1]!;
      if (note !== 0) {
        if (this.notedCount === this.noted.length) this.noted = grown(this.noted, this.notedCount);
        this.noted[this.notedCount++] = note;
      }
    }
    this.sawTrigger = triggers !== 0;
    this.littleCount = 0;
    if (content !== 0 && content !== count) {
      const { flags, base } = this;
      let kept = 0;
      for (let i = 0; i < count; i++) {
        if (!(flags[ids[i]! - base]! & STOP)) ids[kept++] = ids[i]!;
        else {
          if (this.littleCount === this.little.length) this.little = grown(this.little, this.littleCount);
          this.little[this.littleCount++] = ids[i]!;
        }
      }
      count = kept;
    } else if (content === 0) {
      // Only little words ("who are you"): they are the topic words too.
      if (count > this.little.length) this.little = grown(this.little, count);
      this.little.set(ids.subarray(0, count));
      this.littleCount = count;
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

  /** The pool offset of the word count of the chunk in `units[0 .. size)`, or -1 when it is new. */
  private find(head: number, units: Int32Array, size: number, hash: number): number {
    const { slots, mask, pool } = this;
    for (let slot = firstSlot(hash, mask); ; slot = (slot + 1) & mask) {
      const at = slots[2 * slot + 1]!;
      if (at === 0) return -1;
      if (slots[2 * slot] !== hash || pool[at] !== head) continue;
      let i = 0;
      while (i < size && pool[at + 1 + i] === units[i]) i++;
      if (i === size) return at + 1 + size;
    }
  }

  /** Adds the chunk `text[start .. end)`, whose code units are in `units[0 .. size)`; returns its word count's offset. */
  private add(text: string, start: number, end: number, head: number, size: number, hash: number, lang: Lang): number {
    const chunk = text.slice(start, end);
    const words = this.fold(chunk);
    const at = this.record(head, this.units, size, words.length);
    // Not placed in the table yet: looking its words up may grow the pool (so `this.pool` is read
    // after each) and the table.
    words.forEach((word, j) => {
      const id = word === chunk ? this.addWord(word, lang) : this.wordOf(word, lang);
      this.pool[at + 1 + j] = id;
    });
    const note = this.note(chunk);
    this.pool[at + 1 + words.length] = note;
    this.place(this.slots, this.mask, hash, at - 1 - size);
    this.chunks++;
    return at;
  }

  /** The id of a word met in a chunk that is not the word alone: found as its own chunk, or added as one. */
  private wordOf(word: string, lang: Lang): number {
    const units = new Int32Array((word.length + 1) >> 1);
    let hash = FNV_OFFSET ^ LANGUAGE_NUMBER[lang];
    for (let i = 0; i < units.length; i++) {
      units[i] = word.charCodeAt(2 * i) | (2 * i + 1 < word.length ? word.charCodeAt(2 * i + 1) << 16 : 0);
      hash = Math.imul(hash ^ units[i]!, FNV_PRIME);
    }
    const head = LANGUAGE_NUMBER[lang] + 4 * word.length;
    let at = this.find(head, units, units.length, hash);
    if (at >= 0 && this.pool[at] === 1 && this.surface(this.pool[at + 1]!) === word) return this.pool[at + 1]!;
    const id = this.addWord(word, lang);
    // Only a word that folds to itself may stand for its chunk (folding is idempotent on Latin text).
    const folded = this.fold(word);
    if (at < 0 && folded.length === 1 && folded[0] === word) {
      at = this.record(head, units, units.length, 1);
      const note = this.note(word);
      this.pool[at + 1] = id;
      this.pool[at + 2] = note;
      this.place(this.slots, this.mask, hash, at - 1 - units.length);
      this.chunks++;
    }
    return id;
  }

  /** Room for a chunk record, head and code units written; returns the offset of its word count (set to `count`). */
  private record(head: number, units: Int32Array, size: number, count: number): number {
    const length = 3 + size + count;
    if (this.used + length > this.pool.length) this.pool = grown(this.pool, this.used + length);
    if (4 * (this.chunks + 1) > 3 * (this.mask + 1)) this.rehash();
    const record = this.used;
    const { pool } = this;
    pool[record] = head;
    for (let i = 0; i < size; i++) pool[record + 1 + i] = units[i]!;
    pool[record + 1 + size] = count;
    this.used += length;
    return record + 1 + size;
  }

  private addWord(surface: string, lang: Lang): number {
    const { stem, stop, trigger } = this.describe(surface, lang);
    const index = this.surfaces.length;
    if (index >= this.flags.length) this.flags = grown(this.flags, index);
    this.surfaces.push(surface);
    this.stems.push(stem);
    this.flags[index] = (stop ? STOP : 0) | (surface.length === 1 ? DIGIT : 0) | (trigger ? TRIGGER : 0);
    return this.base + index;
  }

  private place(slots: Int32Array, mask: number, hash: number, record: number): void {
    let slot = firstSlot(hash, mask);
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

/** FNV-1a over pairs of UTF-16 code units, seeded with the language number. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Where a chunk's probing starts. A multiplication carries bits only upwards, so the hash's low
 * bits see only the low bits of each pair (its first code unit): masked as it is, "bamo" and "baxo"
 * start at one slot. Folding the high half in takes a 10,000-entry build's table from 9 probes to
 * place a chunk to 2.5, and its analysis from ~225 to ~190 ms.
 */
function firstSlot(hash: number, mask: number): number {
  return (hash ^ (hash >>> 16)) & mask;
}
