import { type KnowledgeBase, LANGUAGES } from '../knowledge/types';
import { loadDangerExamples } from './dangerExamples';
import { DangerDetector } from './DangerDetector';

/** The bot's own strings up to this long are its button labels and the like (`I18n.shortStrings`). */
export const BOT_LABEL_CHARS = 40;

/**
 * The danger detector for a knowledge folder: learnt from its danger examples, with every phrasing
 * of the knowledge base — questions, requests and what it refers elsewhere — and the labels of
 * the bot's own buttons (`botLabels`: people tap them and send them back) as what people ordinarily write.
 */
export function buildDangerDetector(dir: string, kb: KnowledgeBase, botLabels: readonly string[] = []): DangerDetector {
  const ordinary = [...botLabels, ...LANGUAGES.flatMap((lang) => [
    ...[...kb.entries[lang].values()].flatMap((e) => [e.question, ...e.alternates]),
    ...[...kb.actions[lang].values(), ...kb.referrals[lang].values()].flatMap((e) => e.examples),
  ])];
  return DangerDetector.build(loadDangerExamples(dir), ordinary);
}
