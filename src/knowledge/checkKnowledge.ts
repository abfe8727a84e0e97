import { MAX_ANSWER_CHARS, MIN_ALTERNATES } from './knowledgeSchema';
import { foldText, isLittleWord, tokenise } from './normalise';
import { SearchIndex } from './SearchIndex';
import { ACTION_IDS, type KnowledgeBase, type KnowledgeEntry, LANGUAGES } from './types';

/**
 * Everything an editor should fix before publishing, one readable line each (empty when clean):
 * ids missing in a language, phrasings shared by two entries (the matcher could not tell them
 * apart), answers over the limit, missing sources, too few alternates, and ids whose source or
 * related list differs between languages. `npm run kb:check` fails on any of them.
 */
export function checkKnowledge(kb: KnowledgeBase, index = SearchIndex.build(kb)): string[] {
  return [...missingIds(kb), ...entryProblems(kb), ...collisions(kb, index), ...parityProblems(kb), ...figureProblems(kb), ...actionProblems(kb)];
}

/** An answer reviewed longer ago than this is reported as stale (`staleEntries`). */
export const STALE_AFTER_DAYS = 365;

/** Entries whose last review is older than `STALE_AFTER_DAYS` on `today`: reported, not refused. */
export function staleEntries(kb: KnowledgeBase, today = new Date()): string[] {
  const limit = new Date(today.getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString().slice(0, 10);
  return [...kb.entries.en.values()].filter((e) => e.reviewed < limit).map((e) => `${e.id} (${e.origin}) was last reviewed on ${e.reviewed}`);
}

function allIds(kb: KnowledgeBase): string[] {
  return [...new Set(LANGUAGES.flatMap((lang) => [...kb.entries[lang].keys()]))].sort();
}

function missingIds(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const id of allIds(kb)) {
    const missing = LANGUAGES.filter((lang) => !kb.entries[lang].has(id));
    if (missing.length) problems.push(`id "${id}" is missing in ${missing.join(', ')}`);
  }
  for (const id of kb.themes.flatMap((t) => t.entries)) {
    const missing = LANGUAGES.filter((lang) => !kb.entries[lang].has(id) && !kb.actions[lang].has(id as never));
    if (missing.length) problems.push(`menu id "${id}" is missing in ${missing.join(', ')}`);
  }
  return problems;
}

function entryProblems(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const lang of LANGUAGES) {
    for (const e of kb.entries[lang].values()) {
      const at = `${e.origin} (${lang} ${e.id})`;
      if (e.answer.length > MAX_ANSWER_CHARS) problems.push(`${at}: answer is ${e.answer.length} characters (max ${MAX_ANSWER_CHARS})`);
      if (!e.source.trim()) problems.push(`${at}: source is missing`);
      else if (!e.source.startsWith('https://')) problems.push(`${at}: source must be an https address (${e.source})`);
      if (e.alternates.length < MIN_ALTERNATES) problems.push(`${at}: ${e.alternates.length} alternates (at least ${MIN_ALTERNATES})`);
      for (const id of e.related) {
        if (!kb.entries[lang].has(id)) problems.push(`${at}: related id "${id}" does not exist in ${lang}`);
      }
    }
  }
  return problems;
}

const phrasings = (e: KnowledgeEntry) => [e.question, ...e.alternates];

/**
 * Two entries sharing a phrasing, compared two ways: the folded text (across all languages, since
 * the index is shared) and, within one language, the terms the matcher reads (stems and little words).
 */
function collisions(kb: KnowledgeBase, index: SearchIndex): string[] {
  const problems: string[] = [];
  const byText = new Map<string, KnowledgeEntry>();
  const byStems = new Map<string, KnowledgeEntry>();
  for (const lang of LANGUAGES) {
    for (const e of kb.entries[lang].values()) {
      for (const phrasing of phrasings(e)) {
        const text = foldText(phrasing);
        // Little words count too: the matcher tells "who has to do the assessment" from "what is the assessment" by them.
        const little = tokenise(phrasing).filter(isLittleWord);
        const stems = `${lang}:${[...new Set([...index.stemsOf(phrasing, lang), ...little])].sort().join(' ')}`;
        const sameText = byText.get(text);
        const sameStems = byStems.get(stems);
        if (sameText && sameText.id !== e.id) {
          problems.push(`"${phrasing}" is a phrasing of both ${sameText.id} (${sameText.origin}) and ${e.id} (${e.origin})`);
        } else if (sameStems && sameStems.id !== e.id) {
          problems.push(`"${phrasing}" (${e.id}, ${e.origin}) normalises like a phrasing of ${sameStems.id} (${sameStems.origin})`);
        }
        if (!sameText) byText.set(text, e);
        if (!sameStems) byStems.set(stems, e);
      }
    }
  }
  return problems;
}

function parityProblems(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const id of allIds(kb)) {
    const versions = LANGUAGES.map((lang) => kb.entries[lang].get(id)).filter((e): e is KnowledgeEntry => !!e);
    const [first] = versions;
    if (!first) continue;
    const differs = (key: (e: KnowledgeEntry) => string) => versions.some((e) => key(e) !== key(first));
    const langs = (key: (e: KnowledgeEntry) => string) => versions.map((e) => `${e.lang}: ${key(e) || '-'}`).join('; ');
    const related = (e: KnowledgeEntry) => [...e.related].sort().join(', ');
    if (differs((e) => e.source)) problems.push(`id "${id}" has different sources (${langs((e) => e.source)})`);
    if (differs(related)) problems.push(`id "${id}" has different related ids (${langs(related)})`);
  }
  return problems;
}

/**
 * Answers that state a figure (a number of 10 or more that is not a year) without any year: a
 * figure should say when it was true ("In 2021, …"). Reported for editors, not refused (an
 * emergency number or a count of member states may need none).
 */
export function figuresWithoutYear(kb: KnowledgeBase): string[] {
  const isYear = (n: string) => /^(19|20)\d\d$/.test(n);
  return [...kb.entries.en.values()]
    .filter((e) => {
      // "COVID-19" names a disease, it states no figure.
      const numbers = [...numbersIn(e.answer.replace(/\p{L}+-\d+/gu, ' '))];
      return numbers.some((n) => !isYear(n) && Number(n) >= 10) && !numbers.some(isYear);
    })
    .map((e) => `${e.id} (${e.origin}) states a figure without its year`);
}

/**
 * Numbers in a text, with thousands separators removed ("1,000", "1 000", "1.000" → 1000), so the
 * same figure written the French or Spanish way still counts as the same number.
 */
export function numbersIn(text: string): Set<string> {
  // A time's minutes are written "8:00", « 8 h » or "8 h 00": on the hour, its "00" is no figure.
  const timesRead = text.replace(/(\d)\s*[:h.]\s*00(?!\d)/g, '$1');
  const joined = timesRead.replace(/(?<![\d,.])\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)/g, (n) => n.replace(/\D/g, ''));
  return new Set(joined.match(/\d+/g) ?? []);
}

/** The three languages of an answer carry the same figures: a number in one is in the others. */
function figureProblems(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const id of allIds(kb)) {
    const versions = LANGUAGES.map((lang) => kb.entries[lang].get(id)).filter((e): e is KnowledgeEntry => !!e);
    for (const a of versions) {
      for (const b of versions) {
        if (a === b) continue;
        const theirs = numbersIn(b.answer);
        for (const n of numbersIn(a.answer)) if (!theirs.has(n)) problems.push(`id "${id}": ${a.lang} answer says ${n}, the ${b.lang} answer does not`);
      }
    }
  }
  return problems;
}

/** An action or a referral with examples in one language has them in every language. */
function actionProblems(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const id of ACTION_IDS) {
    const missing = LANGUAGES.filter((lang) => !kb.actions[lang].has(id));
    if (missing.length > 0 && missing.length < LANGUAGES.length) problems.push(`action "${id}" has no examples in ${missing.join(', ')}`);
  }
  const referrals = new Set(LANGUAGES.flatMap((lang) => [...kb.referrals[lang].keys()]));
  for (const id of referrals) {
    const missing = LANGUAGES.filter((lang) => !kb.referrals[lang].has(id));
    if (missing.length) problems.push(`referral "${id}" is missing in ${missing.join(', ')}`);
  }
  return problems;
}
