import { type Example, LinearClassifier } from '../text/LinearClassifier';
import { textFeatures } from '../text/textFeatures';
import { LANGUAGES } from '../knowledge/types';
import { DANGER_KINDS, type DangerExamples, type DangerKind } from './dangerExamples';

/** How sure the detector is that a message comes from someone in danger. */
export type DangerLevel = 'urgent' | 'unsure';

export interface DangerSign {
  kind: DangerKind;
  level: DangerLevel;
  /** Probability that the message is urgent (any kind), 0..1. */
  probability: number;
}

/** At or above: the emergency reply. */
export const URGENT_AT = 0.5;
/** At or above (and below `URGENT_AT`): the ordinary reply plus one line with the emergency number. */
export const UNSURE_AT = 0.1;

const NONE = 'none';
const CLASSES = [NONE, ...DANGER_KINDS];

/**
 * Recognises messages from people in danger, learnt at start-up from the examples health staff
 * keep in `knowledge/{lang}/danger.yaml` (urgent, by kind, and look-alikes) and from everything
 * else people ask the bot (`ordinary`: the knowledge base's phrasings), with one classifier for
 * the three languages (people mix them, and a short message's language is a guess).
 */
export class DangerDetector {
  private constructor(private readonly model: LinearClassifier) {}

  static build(data: DangerExamples, ordinary: readonly string[] = [], ordinaryWords: readonly string[] = []): DangerDetector {
    const examples: Example[] = [];
    const urgentCount = LANGUAGES.reduce((n, lang) => n + DANGER_KINDS.reduce((m, k) => m + data.urgent[lang][k].length, 0), 0);
    const lookAlikes = LANGUAGES.flatMap((lang) => data.notUrgent[lang]);
    for (const lang of LANGUAGES) {
      DANGER_KINDS.forEach((kind, k) => {
        for (const text of data.urgent[lang][kind]) examples.push({ features: textFeatures(text), label: k + 1 });
      });
    }
    // Urgent and not urgent weigh the same in all; of the not urgent, the few look-alikes (each
    // teaching a boundary) weigh as much as all the ordinary questions together.
    const half = urgentCount / 2;
    for (const text of lookAlikes) examples.push({ features: textFeatures(text), label: 0, weight: half / Math.max(1, lookAlikes.length) });
    for (const text of ordinary) examples.push({ features: textFeatures(text), label: 0, weight: half / ordinary.length });
    // Single ordinary words weigh little in all: they only teach that a word alone is no situation.
    for (const word of ordinaryWords) examples.push({ features: textFeatures(word), label: 0, weight: (0.1 * half) / ordinaryWords.length });
    return new DangerDetector(LinearClassifier.train(CLASSES, examples));
  }

  /** The danger a message signals, if any: its likeliest kind and how sure the detector is. */
  detect(text: string): DangerSign | undefined {
    // A number or an emoji alone (a menu choice, a vote) says nothing about danger.
    if (!/\p{L}/u.test(text)) return undefined;
    const features = textFeatures(text);
    const p = this.model.predict(features);
    // Words never seen in any example (another language, gibberish) are no evidence either way:
    // the fewer words the detector knows, the less sure it is.
    const probability = (1 - p[0]!) * Math.sqrt(this.model.known(features, 'w:'));
    if (probability < UNSURE_AT) return undefined;
    let best = 1;
    for (let c = 2; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    return { kind: CLASSES[best] as DangerKind, level: probability >= URGENT_AT ? 'urgent' : 'unsure', probability };
  }

  /** The words that weighed most towards a kind (for editors checking a decision). */
  explain(text: string, kind: DangerKind): Array<[string, number]> {
    return this.model.explain(textFeatures(text), CLASSES.indexOf(kind));
  }
}
