import { type KnowledgeBase, LANGUAGES } from '../knowledge/types';
import { foldText } from '../text/foldText';
import { loadDangerExamples } from './dangerExamples';
import { DangerDetector } from './DangerDetector';

/** The bot's own strings up to this long are its button labels and the like (`I18n.shortStrings`). */
export const BOT_LABEL_CHARS = 40;
/**
 * Ordinary writing is learnt from at most this many phrasings of each entry (the first ones), so
 * that phrasings added for the matcher do not move the detector. 3,600 more in December 2026
 * (stories about "my friend", "my brother" at the medical) took the four corpora's urgent messages
 * raising an alarm from 490 to 481 (the others got the safety net); with 30 an entry, 487.
 */
const ORDINARY_PER_ENTRY = 30;

/**
 * The danger detector for a knowledge folder: learnt from its danger examples, with every phrasing
 * of the knowledge base — questions, requests and what it refers elsewhere — and the labels of
 * the bot's own buttons (`botLabels`: people tap them and send them back) as what people ordinarily write.
 */
export function buildDangerDetector(dir: string, kb: KnowledgeBase, botLabels: readonly string[] = []): DangerDetector {
  const ordinary = [...botLabels, ...LANGUAGES.flatMap((lang) => [
    ...[...kb.entries[lang].values()].flatMap((e) => [e.question, ...e.alternates.slice(0, ORDINARY_PER_ENTRY)]),
    ...[...kb.actions[lang].values(), ...kb.referrals[lang].values()].flatMap((e) => e.examples.slice(0, ORDINARY_PER_ENTRY)),
  ])];
  // Every word of the answers alone, too: a single ordinary word ("read", « lire », "leer") is no
  // emergency, however its letters look.
  const words = new Set(LANGUAGES.flatMap((lang) => [...kb.entries[lang].values()].flatMap((e) => foldText(e.answer).split(' '))));
  const danger = loadDangerExamples(dir);
  const urgentWords = new Set(LANGUAGES.flatMap((lang) => Object.values(danger.urgent[lang]).flat().flatMap((t) => foldText(t).split(' '))));
  const single = [...words].filter((w) => w.length > 2 && !urgentWords.has(w));
  return DangerDetector.build(danger, ordinary, single);
}
