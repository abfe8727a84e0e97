import { foldText } from '../text/foldText';

/** Features are hashed into 2^16 slots (2^15 measured about the same on the used sets but lost "does IOM have offices in many countries?" to a referral). */
const FEATURE_BITS = 16;
const FEATURES = 1 << FEATURE_BITS;
/**
 * Character n-grams of each word, padded with a space each side ("hiv" → " hi", "hiv", "iv ", " hiv",
 * "hiv "). 3–4 trains in two thirds of the time of 2–5 with the same accuracy (measured 2026-12-05
 * on the used sets with the earlier perceptron: top-1 9,077 and 9,045 of 9,451, within the ±25 its
 * pass order alone moved it).
 */
const MIN_GRAM = 3;
const MAX_GRAM = 4;
/** Passes over the phrasings; the averaged weights settle after a few. */
const EPOCHS = 3;
/**
 * The first step's size, which shrinks to a quarter over the passes. Measured 2026-12-05 on every
 * used set (12,605 messages): 6, 8 and 10 gave 12,092, 12,109 and 12,110 right, refused or run.
 */
const RATE = 8;
/**
 * A class whose probability is this close to right for a phrasing (near 0 for another class, near 1
 * for its own) learns nothing from it: most classes, once the first pass is done, so a step
 * updates a few classes, not all 150.
 */
const SETTLED = 1e-3;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD = /[\p{L}\p{N}]+/gu;

/** A text as hashed features: slot numbers and their tf-idf weights, of unit length. */
interface Features {
  slots: Int32Array;
  values: Float32Array;
}

/** The best class for a text, and by how much it leads the next: the log of how many times likelier it is. */
export interface Classified {
  label: string;
  margin: number;
  /** How far the best class leads `label` (0 for the best; Infinity for a label never learnt). */
  behind(label: string): number;
}

/**
 * A linear classifier over a text's character n-grams (2–5, within words) and its words and word
 * pairs, all hashed, weighted tf-idf and normalised: it learns from the phrasings which pieces of
 * words tell one entry from its neighbours, where the matcher only counts shared words, so it reads
 * "jabs", "vaxx" or "the medical for the visa" from the phrasings that use them in any form.
 * Trained at start-up as a multinomial logistic regression, by stochastic gradient descent with
 * averaged weights: each phrasing moves every class it is not yet settled for a little, in
 * proportion to how wrong its probability is. That keeps the model smooth in its data: an editor's
 * new phrasing moves the answers near it, not answers far from it. (The averaged perceptron it
 * replaces moved two classes by a whole step on each mistake, and which phrasings were mistakes
 * depended on every step before: on every used set (12,605 messages), dropping 1 % of the
 * phrasings changed 288 and 291 outcomes, of which 72 and 16 had nothing to do with the phrasings
 * dropped; with this model, 49 and 67, and 7 and 2. Right answers, refusals and requests: 12,081 →
 * 12,109; training 4.3 → 3.5 s.) Language machinery only: what it knows comes from the knowledge
 * base's phrasings. (The danger detector's `text/LinearClassifier` updates every class on every
 * example, which suits its 8 classes; for 150 entries and 15,000 phrasings it would train for minutes.)
 */
export class EntryClassifier {
  private readonly labelIndex: ReadonlyMap<string, number>;

  private constructor(
    private readonly labels: readonly string[],
    /** Feature-major: the weights of slot f for every class are `weights[f * classes .. (f + 1) * classes)`. */
    private readonly weights: Float32Array,
    private readonly idf: Float32Array,
  ) {
    this.labelIndex = new Map(labels.map((l, i) => [l, i]));
  }

  /**
   * Learns from `examples` (a text and its label). Deterministic (the order of passes is drawn from
   * each example's text), so the last model is kept for the same examples: a process that indexes the same
   * knowledge again (a second bot in one process, the tests) does not train again.
   */
  static train(examples: ReadonlyArray<{ text: string; label: string }>): EntryClassifier {
    const key = examplesKey(examples);
    if (last?.key !== key) last = { key, model: EntryClassifier.learn(examples) };
    return last.model;
  }

  private static learn(examples: ReadonlyArray<{ text: string; label: string }>): EntryClassifier {
    // Labels and passes in an order drawn from the examples' content: the model depends on which
    // examples there are, not on the order they are listed in.
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const classOf = new Map(labels.map((l, i) => [l, i]));
    // Counts as typed arrays at once (a map per phrasing, all alive together, was 150 MB at the peak).
    const docs = examples.map((e) => countFeatures(e.text));
    const df = new Float32Array(FEATURES);
    for (const { slots } of docs) for (const slot of slots) df[slot]!++;
    const idf = new Float32Array(FEATURES);
    for (let f = 0; f < FEATURES; f++) idf[f] = Math.log((1 + docs.length) / (1 + df[f]!)) + 1;
    for (const d of docs) weigh(d, idf);
    const truth = Int32Array.from(examples, (e) => classOf.get(e.label)!);
    const C = labels.length;
    // Each pass takes the phrasings in an order drawn from their own text, not from their place in
    // the list: an editor's new phrasing falls somewhere in it, and the others keep their order
    // (a shuffle of positions reorders them all, and the averaged model, and so answers far from
    // the edit, moved with it).
    const keys = examples.map((e) => exampleHash(e.label, e.text));
    const order = (pass: number) => {
      const drawn = keys.map((k) => mix(k, pass));
      return Array.from(docs, (_, i) => i).sort((a, b) => drawn[a]! - drawn[b]! || byContent(examples[a]!, examples[b]!));
    };
    const w = new Float32Array(FEATURES * C);
    // Σ step × update, for the average of the weights over all steps: w − total / steps.
    const total = new Float32Array(FEATURES * C);
    const steps = descend(docs, truth, C, w, total, order);
    for (let k = 0; k < w.length; k++) w[k] = w[k]! - total[k]! / steps;
    return new EntryClassifier(labels, w, idf);
  }

  /** The best label for `text` and its lead over the next, or undefined when no feature of the text was seen. */
  classify(text: string): Classified | undefined {
    const { slots, values } = weigh(countFeatures(text), this.idf);
    if (slots.length === 0 || this.labels.length === 0) return undefined;
    const C = this.labels.length;
    const scores = new Float64Array(C);
    scoreInto(scores, this.weights, C, slots, values);
    let best = 0;
    for (let c = 1; c < C; c++) if (scores[c]! > scores[best]!) best = c;
    let second = -Infinity;
    for (let c = 0; c < C; c++) if (c !== best && scores[c]! > second) second = scores[c]!;
    const top = scores[best]!;
    const behind = (label: string) => {
      const c = this.labelIndex.get(label);
      return c === undefined ? Infinity : top - scores[c]!;
    };
    return { label: this.labels[best]!, margin: C > 1 ? top - second : Infinity, behind };
  }
}

/**
 * `EPOCHS` passes of stochastic gradient descent on the log loss, in the orders given. Leaves the
 * weights in `w` and Σ step × update in `total`; returns the number of steps (the average is
 * w − total / steps).
 */
function descend(docs: readonly Features[], truth: Int32Array, C: number, w: Float32Array, total: Float32Array, orderOf: (epoch: number) => number[]): number {
  const scores = new Float64Array(C);
  let step = 1;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const d of orderOf(epoch)) {
      const { slots, values } = docs[d]!;
      scoreInto(scores, w, C, slots, values);
      probabilitiesInto(scores);
      const rate = RATE / (1 + step / docs.length);
      const right = truth[d]!;
      for (let c = 0; c < C; c++) {
        const gradient = scores[c]! - (c === right ? 1 : 0);
        if (gradient > -SETTLED && gradient < SETTLED) continue;
        const change = -rate * gradient;
        for (let k = 0; k < slots.length; k++) {
          const at = slots[k]! * C + c;
          const v = values[k]! * change;
          w[at]! += v;
          total[at]! += step * v;
        }
      }
      step++;
    }
  }
  return step;
}

/** Scores made probabilities (softmax), in place. */
function probabilitiesInto(scores: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (scores[c]! > max) max = scores[c]!;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += scores[c] = Math.exp(scores[c]! - max);
  for (let c = 0; c < scores.length; c++) scores[c]! /= sum;
}

/** A 32-bit hash of one example. */
function exampleHash(label: string, text: string): number {
  return fnv(`${label}\u0000${text}`, FNV_OFFSET) >>> 0;
}

function byContent(a: { label: string; text: string }, b: { label: string; text: string }): number {
  return a.label < b.label ? -1 : a.label > b.label ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/** `key` and `salt` mixed into a new 32-bit number (murmur3's finaliser). */
function mix(key: number, salt: number): number {
  let h = (key ^ Math.imul(salt + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The model trained last, and what it learnt from. */
let last: { key: string; model: EntryClassifier } | undefined;

/** A digest of the examples, labels and texts in order (two 32-bit hashes and the count). */
function examplesKey(examples: ReadonlyArray<{ text: string; label: string }>): string {
  let a = FNV_OFFSET;
  let b = 0x9747b28c;
  for (const { text, label } of examples) {
    for (const s of [label, '\u0000', text, '\u0001']) {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        a = Math.imul(a ^ c, FNV_PRIME);
        b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
      }
    }
  }
  return `${examples.length}:${a >>> 0}:${b >>> 0}`;
}

function scoreInto(scores: Float64Array, w: Float32Array, C: number, slots: Int32Array, values: Float32Array): void {
  scores.fill(0);
  for (let k = 0; k < slots.length; k++) {
    let at = slots[k]! * C;
    const v = values[k]!;
    // Four classes a turn: a third faster, and this loop is most of the training time.
    let c = 0;
    for (; c + 3 < C; c += 4, at += 4) {
      scores[c]! += v * w[at]!;
      scores[c + 1]! += v * w[at + 1]!;
      scores[c + 2]! += v * w[at + 2]!;
      scores[c + 3]! += v * w[at + 3]!;
    }
    for (; c < C; c++, at++) scores[c]! += v * w[at]!;
  }
}

/** Hashed feature counts of a text (as `values`): character n-grams of each folded word, its words and word pairs. */
function countFeatures(text: string): Features {
  const counts = new Map<number, number>();
  const add = (h: number) => {
    const slot = h & (FEATURES - 1);
    counts.set(slot, (counts.get(slot) ?? 0) + 1);
  };
  const words = foldText(text).match(WORD) ?? [];
  words.forEach((word, i) => {
    const padded = ` ${word} `;
    for (let start = 0; start + MIN_GRAM <= padded.length; start++) {
      let h = Math.imul(FNV_OFFSET ^ 0x63, FNV_PRIME);
      for (let end = start; end < padded.length && end - start < MAX_GRAM; end++) {
        h = Math.imul(h ^ padded.charCodeAt(end), FNV_PRIME);
        if (end - start + 1 >= MIN_GRAM) add(h);
      }
    }
    add(hashWord(0x77, word));
    if (i + 1 < words.length) add(hashWord(0x62, `${word} ${words[i + 1]}`));
  });
  return { slots: Int32Array.from(counts.keys()), values: Float32Array.from(counts.values()) };
}

function hashWord(kind: number, text: string): number {
  return fnv(text, Math.imul(FNV_OFFSET ^ kind, FNV_PRIME));
}

/** FNV-1a of `text`'s UTF-16 code units, from `h`. */
function fnv(text: string, h: number): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Counts made sub-linear tf × idf, normalised to unit length, in place. */
function weigh(features: Features, idf: Float32Array): Features {
  const { slots, values } = features;
  let norm = 0;
  for (let k = 0; k < slots.length; k++) {
    const v = (1 + Math.log(values[k]!)) * idf[slots[k]!]!;
    values[k] = v;
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < values.length; k++) values[k]! *= scale;
  return features;
}
