import type { I18n } from '../i18n/i18n';
import { LANGUAGES } from '../knowledge/types';
import { foldText } from '../text/foldText';
import { REASONS, type Reason, type Vote } from './feedbackTables';

const UP = '\u{1F44D}';
const DOWN = '\u{1F44E}';
/** Skin tones and the emoji variation selector, which people's keyboards add to 👍. */
const EMOJI_MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu;

const cache = new WeakMap<I18n, Map<string, Set<string>>>();

/** Folded words of a label in every language ("👍 Helpful" → "helpful"); built once per i18n instance. */
function labels(i18n: I18n, key: string): Set<string> {
  let byKey = cache.get(i18n);
  if (!byKey) cache.set(i18n, (byKey = new Map()));
  let set = byKey.get(key);
  if (!set) byKey.set(key, (set = new Set(LANGUAGES.map((lang) => foldText(i18n.t(lang, key))).filter(Boolean))));
  return set;
}

/**
 * Reads a vote: the message is 👍 or 👎 (any skin tone, repeated or not), or one of the vote buttons'
 * labels in any language ("👍 Helpful", "pas utile"). Anything more ("👍 but what about visas?") is a
 * message, not a vote.
 */
export function readVote(text: string, i18n: I18n): Vote | undefined {
  const bare = text.replace(EMOJI_MODIFIERS, '');
  const up = bare.includes(UP);
  const down = bare.includes(DOWN);
  if (up && down) return undefined;
  const rest = foldText(bare.replaceAll(UP, ' ').replaceAll(DOWN, ' '));
  const isLabel = (vote: Vote) => labels(i18n, `feedback.${vote}`).has(rest);
  if (up) return rest === '' || isLabel('up') ? 'up' : undefined;
  if (down) return rest === '' || isLabel('down') ? 'down' : undefined;
  if (rest === '') return undefined;
  if (isLabel('up')) return 'up';
  if (isLabel('down')) return 'down';
  return undefined;
}

/** Reads one of the reason buttons' labels, in any language ("Not clear", « Plus à jour »). */
export function readReason(text: string, i18n: I18n): Reason | undefined {
  const folded = foldText(text);
  if (!folded) return undefined;
  return REASONS.find((reason) => labels(i18n, `feedback.reason.${reason}`).has(folded));
}
