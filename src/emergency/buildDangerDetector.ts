import { type KnowledgeBase, LANGUAGES } from '../knowledge/types';
import { loadDangerExamples } from './dangerExamples';
import { DangerDetector } from './DangerDetector';

/**
 * The danger detector for a knowledge folder: learnt from its danger examples, with every phrasing
 * of the knowledge base — questions, requests and what it refers elsewhere — as what people
 * ordinarily write.
 */
export function buildDangerDetector(dir: string, kb: KnowledgeBase): DangerDetector {
  const ordinary = LANGUAGES.flatMap((lang) => [
    ...[...kb.entries[lang].values()].flatMap((e) => [e.question, ...e.alternates]),
    ...[...kb.actions[lang].values(), ...kb.referrals[lang].values()].flatMap((e) => e.examples),
  ]);
  return DangerDetector.build(loadDangerExamples(dir), ordinary);
}
