/** One training example: its features (names, repeats allowed), its class and how much it counts. */
export interface Example {
  features: readonly string[];
  label: number;
  weight?: number;
}

export interface TrainingOptions {
  /** Passes over the examples. */
  epochs?: number;
  /** Adagrad's base step. */
  rate?: number;
  /** L2 penalty per step on the weights an example touches. */
  l2?: number;
  /** Seed of the shuffle, so a build is repeatable. */
  seed?: number;
}

const DEFAULTS: Required<TrainingOptions> = { epochs: 12, rate: 0.5, l2: 1e-4, seed: 1 };

/**
 * A multinomial logistic regression over sparse binary features, trained at start-up from data
 * files (a few thousand short texts train in well under a second). Features never seen in training
 * carry no weight. Each example's features are scaled to unit length, so a long message is not more
 * certain than a short one for having more words.
 */
export class LinearClassifier {
  private constructor(
    readonly classes: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    /** Feature f's weight for class c at `f * classes.length + c`. */
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
  ) {}

  /** Learns weights from `examples` (labels index `classes`). */
  static train(classes: readonly string[], examples: readonly Example[], options: TrainingOptions = {}): LinearClassifier {
    const { epochs, rate, l2, seed } = { ...DEFAULTS, ...options };
    const index = new Map<string, number>();
    const rows = examples.map((e) => ({ ids: featureIds(e.features, index, true), label: e.label, weight: e.weight ?? 1 }));
    const k = classes.length;
    const weights = new Float32Array(index.size * k);
    const squares = new Float32Array(index.size * k).fill(1e-6);
    const bias = new Float32Array(k);
    const biasSquares = new Float32Array(k).fill(1e-6);
    const model = new LinearClassifier(classes, index, weights, bias);
    const order = rows.map((_, i) => i);
    const random = seeded(seed);
    const probabilities = new Float64Array(k);
    // The weights of the last half of the passes are averaged: the model depends much less on the
    // order the examples came in, so adding one example to the data moves other decisions less.
    const averaged = new Float64Array(weights.length);
    const averagedBias = new Float64Array(k);
    let passesAveraged = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (const i of order) {
        const { ids, label, weight } = rows[i]!;
        const scale = ids.length ? 1 / Math.sqrt(ids.length) : 0;
        model.probabilities(ids, scale, probabilities);
        for (let c = 0; c < k; c++) {
          const gradient = weight * (probabilities[c]! - (c === label ? 1 : 0));
          biasSquares[c]! += gradient * gradient;
          bias[c]! -= (rate * gradient) / Math.sqrt(biasSquares[c]!);
          for (const f of ids) {
            const at = f * k + c;
            const g = gradient * scale + l2 * weights[at]!;
            squares[at]! += g * g;
            weights[at]! -= (rate * g) / Math.sqrt(squares[at]!);
          }
        }
      }
      if (epoch >= epochs / 2) {
        passesAveraged++;
        for (let i = 0; i < weights.length; i++) averaged[i]! += weights[i]!;
        for (let c = 0; c < k; c++) averagedBias[c]! += bias[c]!;
      }
    }
    for (let i = 0; i < weights.length; i++) weights[i] = averaged[i]! / passesAveraged;
    for (let c = 0; c < k; c++) bias[c] = averagedBias[c]! / passesAveraged;
    return model;
  }

  /** Each class's probability for a text's features, in `classes` order. */
  predict(features: readonly string[]): Float64Array {
    const ids = featureIds(features, this.index, false);
    const out = new Float64Array(this.classes.length);
    // Unseen features still count in the length: a message mostly of words never seen is less sure.
    return this.probabilities(ids, features.length ? 1 / Math.sqrt(new Set(features).size) : 0, out);
  }

  /** The share of `features` (among those starting with `prefix`) seen in training, 0..1 (1 when there are none). */
  known(features: readonly string[], prefix = ''): number {
    const relevant = features.filter((f) => f.startsWith(prefix));
    return relevant.length === 0 ? 1 : relevant.filter((f) => this.index.has(f)).length / relevant.length;
  }

  /** The features that pushed most towards class `c`, strongest first (for explaining a decision). */
  explain(features: readonly string[], c: number, top = 8): Array<[string, number]> {
    const k = this.classes.length;
    return [...new Set(features)]
      .map((f): [string, number] => {
        const id = this.index.get(f);
        return [f, id === undefined ? 0 : this.weights[id * k + c]!];
      })
      .filter(([, w]) => w !== 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, top);
  }

  private probabilities(ids: readonly number[], scale: number, out: Float64Array): Float64Array {
    const k = this.classes.length;
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      let sum = this.bias[c]!;
      for (const f of ids) sum += this.weights[f * k + c]! * scale;
      out[c] = sum;
      if (sum > max) max = sum;
    }
    let total = 0;
    for (let c = 0; c < k; c++) total += out[c] = Math.exp(out[c]! - max);
    for (let c = 0; c < k; c++) out[c]! /= total;
    return out;
  }
}

/** Distinct feature numbers of `features`; new names get numbers only while training. */
function featureIds(features: readonly string[], index: Map<string, number> | ReadonlyMap<string, number>, grow: boolean): number[] {
  const ids = new Set<number>();
  for (const f of features) {
    let id = index.get(f);
    if (id === undefined && grow) (index as Map<string, number>).set(f, (id = index.size));
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

/** A small seeded generator (mulberry32): the same data trains the same model every time. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}
