/**
 * `npm run eval`: answer quality on the hand-written set in test/eval/{en,fr,es}.yaml.
 *   top-1        the bot answers (no "did you mean") with the expected entry
 *   reply lang   the language a fresh conversation (no platform locale) would reply in, negotiated as the
 *                bot does (`negotiateLanguage`), is the set's language; in- and out-of-scope
 *   refusals     out-of-scope questions get "I don't know" (never an answer or a "did you mean")
 * Prints a table and the misses; exits 1 when any figure is under 90%.
 * Options: --knowledge <dir> (default knowledge), --eval <dir> (default test/eval), --quiet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Lexicon } from '../src/i18n/detectLanguage';
import { negotiateLanguage } from '../src/i18n/negotiateLanguage';
import { knowledgeLexicon } from '../src/knowledge/knowledgeLexicon';
import { understand } from '../src/knowledge/understand';
import { loadKnowledge } from '../src/knowledge/loadKnowledge';
import { foldText } from '../src/knowledge/normalise';
import { SearchIndex } from '../src/knowledge/SearchIndex';
import { DANGER_CORPORA, runDangerEval } from './eval-danger';
import { type KnowledgeBase, type KnowledgeEntry, LANGUAGES, type Lang, type Understanding } from '../src/knowledge/types';

export const PASS = 0.9;

/**
 * Answers whose question an action serves as well: the newsletter sign-up opens with the same
 * explanation as the "what is the newsletter" answer, and "help" says what the bot can do. A set
 * written for the answer counts the action as right.
 */
export const SERVED_BY_ACTION: Readonly<Record<string, string>> = { 'newsletter-about': 'subscribe', 'bot-what-can-you-do': 'help' };

/** Whether an outcome gives the asker entry `id`'s answer (or an action that serves it as well). */
export function rightFor(outcome: Understanding, id: string): boolean {
  return (outcome.kind === 'answer' && outcome.entry.id === id) || (outcome.kind === 'action' && SERVED_BY_ACTION[id] === outcome.action);
}

export const evalSetSchema = z.object({
  /** `also`: other entries that answer the question as well (one written later, covering the same ask). */
  questions: z.array(z.object({ q: z.string().min(1), id: z.string().min(1), also: z.array(z.string().min(1)).default([]) })).min(1),
  out_of_scope: z.array(z.string().min(1)).min(1),
  /** Requests, each with the action it should run (optional). */
  actions: z.array(z.object({ q: z.string().min(1), action: z.string().min(1) })).default([]),
});

export interface LanguageScore {
  lang: Lang;
  questions: number;
  top1: number;
  replyLanguage: number;
  outOfScope: number;
  refusals: number;
  /** Out-of-scope questions that got a referral (a kind "not covered, ask a person"), among the refusals. */
  referred: number;
  actions: number;
  actionsRun: number;
  /** Eval questions identical (after folding) to a knowledge-base phrasing. */
  verbatim: number;
  misses: string[];
}

/** The reply language of a fresh conversation with no platform locale, negotiated as the bot does. */
export function replyLanguage(text: string, lexicon?: Lexicon): Lang {
  return negotiateLanguage({ text, lexicon }).lang;
}

export function describe(outcome: Understanding): string {
  if (outcome.kind === 'answer') return `answered ${outcome.entry.id} (${outcome.score.toFixed(2)})`;
  if (outcome.kind === 'action') return `ran ${outcome.action} (${outcome.score.toFixed(2)})`;
  if (outcome.kind === 'referral') return `referred ${outcome.entry.id} (${outcome.score.toFixed(2)})`;
  if (outcome.kind === 'clarify') return `asked "did you mean" ${outcome.candidates.map((e) => e.id).join(' / ')}`;
  return `did not know (${outcome.band})`;
}

/** Scores one language's eval set against a loaded knowledge base and index. */
export function evaluateLanguage(lang: Lang, file: string, kb: KnowledgeBase, index: SearchIndex, lexicon: Lexicon): LanguageScore {
  const set = evalSetSchema.parse(parse(readFileSync(file, 'utf8')));
  const phrasings = new Set(LANGUAGES.flatMap((l) => [...kb.entries[l].values()].flatMap((e: KnowledgeEntry) => [e.question, ...e.alternates].map(foldText))));
  const score: LanguageScore = { lang, questions: set.questions.length, top1: 0, replyLanguage: 0, outOfScope: set.out_of_scope.length, refusals: 0, referred: 0, actions: set.actions.length, actionsRun: 0, verbatim: 0, misses: [] };
  for (const { q, id, also } of set.questions) {
    for (const known of [id, ...also]) if (!LANGUAGES.some((l) => kb.entries[l].has(known))) throw new Error(`${file}: "${q}" expects unknown id "${known}"`);
    const replyLang = replyLanguage(q, lexicon);
    if (replyLang === lang) score.replyLanguage++;
    if (phrasings.has(foldText(q))) score.verbatim++;
    const outcome = understand(q, replyLang, kb, index);
    if ([id, ...also].some((right) => rightFor(outcome, right))) score.top1++;
    else score.misses.push(`${lang} "${q}": expected ${id}, ${describe(outcome)}`);
  }
  for (const q of set.out_of_scope) {
    const replyLang = replyLanguage(q, lexicon);
    if (replyLang === lang) score.replyLanguage++;
    const outcome = understand(q, replyLang, kb, index);
    if (outcome.kind === 'unknown' || outcome.kind === 'referral') score.refusals++;
    else score.misses.push(`${lang} out of scope "${q}": ${describe(outcome)}`);
    if (outcome.kind === 'referral') score.referred++;
  }
  for (const { q, action } of set.actions) {
    const outcome = understand(q, replyLanguage(q, lexicon), kb, index);
    if (outcome.kind === 'action' && outcome.action === action) score.actionsRun++;
    else score.misses.push(`${lang} action ${action} "${q}": ${describe(outcome)}`);
  }
  return score;
}

export const pct = (n: number, of: number) => (of === 0 ? 1 : n / of);
export const show = (n: number, of: number) => `${(100 * pct(n, of)).toFixed(1).padStart(5)}% (${n}/${of})`;

/** Runs the whole evaluation, prints the table; returns true when every figure is ≥ 90%. */
export function runEval(knowledgeDir: string, evalDir: string, quiet = false): boolean {
  const kb = loadKnowledge(knowledgeDir);
  const index = SearchIndex.build(kb);
  const lexicon = knowledgeLexicon(kb);
  const scores = LANGUAGES.map((lang) => evaluateLanguage(lang, join(evalDir, `${lang}.yaml`), kb, index, lexicon));
  if (!quiet) for (const s of scores) for (const miss of s.misses) console.log(`  miss: ${miss}`);
  console.log('lang  answers: right fact  reply language     out of scope: refused or referred (referred)  actions run        verbatim copies');
  let pass = true;
  for (const s of scores) {
    const all = s.questions + s.outOfScope;
    console.log(`${s.lang}    ${show(s.top1, s.questions)}  ${show(s.replyLanguage, all)}  ${show(s.refusals, s.outOfScope)} (${s.referred})                     ${show(s.actionsRun, s.actions)}  ${s.verbatim}/${s.questions}`);
    pass &&= [pct(s.top1, s.questions), pct(s.replyLanguage, all), pct(s.refusals, s.outOfScope), pct(s.actionsRun, s.actions)].every((x) => x >= PASS);
  }
  console.log(pass ? `eval: every figure ≥ ${PASS * 100}%` : `eval: FAILED, a figure is under ${PASS * 100}%`);
  return pass;
}

/** A command-line option's value: `--eval dir`. */
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

if (require.main === module) {
  const knowledge = option('--knowledge', 'knowledge');
  const quiet = process.argv.includes('--quiet');
  const answers = runEval(knowledge, option('--eval', 'test/eval'), quiet);
  // Another knowledge base (a clinic's FAQ) may have no danger examples: then only its answers are measured.
  const hasDanger = existsSync(join(knowledge, 'en', 'danger.yaml'));
  if (!hasDanger) console.log(`emergency: not measured, ${knowledge} has no danger examples`);
  const danger = !hasDanger || runDangerEval(knowledge, option('--corpus', DANGER_CORPORA), quiet);
  process.exitCode = answers && danger ? 0 : 1;
}
