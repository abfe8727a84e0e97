/**
 * The emergency detector on corpora written apart from its examples (test/emergency/corpus, corpus-B,
 * corpus-C and corpus-D, {en,fr,es}.yaml, or --corpus <dir>[,<dir>]; first runs in test/emergency/README.md): per language and kind, how many urgent messages get
 * the emergency reply ("alarm"), how many get at least the safety-net line with the emergency number ("number"), and
 * how many look-alikes raise an alarm or get the safety-net line.
 * Exits 1 when an urgent message gets no emergency number, or more than 5% of look-alikes raise an alarm.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { BOT_LABEL_CHARS, buildDangerDetector } from '../src/emergency/buildDangerDetector';
import { createI18n } from '../src/i18n/i18n';
import type { DangerDetector } from '../src/emergency/DangerDetector';
import { loadKnowledge } from '../src/knowledge/loadKnowledge';
import { LANGUAGES, type Lang } from '../src/knowledge/types';
import { option, show } from './eval';

export const MAX_FALSE_ALARMS = 0.05;

export const corpusSchema = z.object({
  urgent: z.array(z.object({ text: z.string().min(1), category: z.string().min(1) })).min(1),
  lookalike: z.array(z.object({ text: z.string().min(1), kind: z.string().min(1) })).min(1),
});

interface Tally {
  total: number;
  alarms: number;
  numbers: number;
}

const tally = (): Tally => ({ total: 0, alarms: 0, numbers: 0 });

/** Scores one language's corpus; returns whether it meets both bars. */
export function evaluateDanger(lang: Lang, file: string, detector: DangerDetector, quiet = false): { ok: boolean; urgent: Tally; lookalike: Tally } {
  const corpus = corpusSchema.parse(parse(readFileSync(file, 'utf8')));
  const byCategory = new Map<string, Tally>();
  const byKind = new Map<string, Tally>();
  const urgent = tally();
  const lookalike = tally();
  const misses: string[] = [];
  for (const { text, category } of corpus.urgent) {
    const sign = detector.detect(text);
    const row = byCategory.get(category) ?? byCategory.set(category, tally()).get(category)!;
    for (const t of [row, urgent]) {
      t.total++;
      if (sign?.level === 'urgent') t.alarms++;
      if (sign) t.numbers++;
    }
    if (sign?.level !== 'urgent') misses.push(`${lang} ${category} ${sign ? `only a safety net (${sign.probability.toFixed(2)})` : 'MISSED'}: "${text}"`);
  }
  for (const { text, kind } of corpus.lookalike) {
    const sign = detector.detect(text);
    const row = byKind.get(kind) ?? byKind.set(kind, tally()).get(kind)!;
    for (const t of [row, lookalike]) {
      t.total++;
      if (sign?.level === 'urgent') t.alarms++;
      if (sign) t.numbers++;
    }
    if (sign) misses.push(`${lang} look-alike (${kind}) ${sign.level === 'urgent' ? 'RAISED AN ALARM' : 'got a safety net'} (${sign.kind} ${sign.probability.toFixed(2)}): "${text}"`);
  }
  if (!quiet) {
    console.log(`\n${lang}  urgent: alarm ${show(urgent.alarms, urgent.total)}, number ${show(urgent.numbers, urgent.total)}`);
    for (const [category, t] of byCategory) console.log(`    ${category.padEnd(15)} alarm ${show(t.alarms, t.total)}  number ${show(t.numbers, t.total)}`);
    console.log(`    look-alikes: alarm ${show(lookalike.alarms, lookalike.total)}, safety net ${show(lookalike.numbers - lookalike.alarms, lookalike.total)}`);
    for (const [kind, t] of byKind) console.log(`    ${kind.padEnd(15)} alarm ${show(t.alarms, t.total)}  any ${show(t.numbers, t.total)}`);
    for (const m of misses) console.log(`  - ${m}`);
  }
  const ok = urgent.numbers === urgent.total && lookalike.alarms <= MAX_FALSE_ALARMS * lookalike.total;
  return { ok, urgent, lookalike };
}

/** Corpus A (2026-12-03, first run before the learnt detector), corpora B, C and D (acceptance sets, each run once, then kept). */
export const DANGER_CORPORA = 'test/emergency/corpus,test/emergency/corpus-B,test/emergency/corpus-C,test/emergency/corpus-D';

/** The emergency corpora (directories, comma-separated) in every language; prints the tables; true when both bars are met. */
export function runDangerEval(knowledge: string, dirs: string, quiet = false, locales = 'locales'): boolean {
  const detector = buildDangerDetector(knowledge, loadKnowledge(knowledge), createI18n(locales).shortStrings(BOT_LABEL_CHARS));
  const ok = dirs
    .split(',')
    .flatMap((dir) => {
      console.log(`corpus ${dir}`);
      return LANGUAGES.map((lang) => evaluateDanger(lang, join(dir, `${lang}.yaml`), detector, quiet).ok);
    })
    .every(Boolean);
  console.log(ok ? 'emergency: every urgent message gets the number; false alarms within 5%' : 'emergency: BELOW THE BAR');
  return ok;
}

if (require.main === module) {
  const ok = runDangerEval(option('--knowledge', 'knowledge'), option('--corpus', DANGER_CORPORA), process.argv.includes('--quiet'));
  process.exitCode = ok ? 0 : 1;
}
