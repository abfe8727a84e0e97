import { MAX_ANSWER_CHARS, MIN_ALTERNATES } from './knowledgeSchema';
import { foldText, isLittleWord, tokenise } from './normalise';
import { SearchIndex } from './SearchIndex';
import { type KnowledgeBase, type KnowledgeEntry, LANGUAGES } from './types';

/**
 * Everything an editor should fix before publishing, one readable line each (empty when clean):
 * ids missing in a language, phrasings shared by two entries (the matcher could not tell them
 * apart), answers over the limit, missing sources, too few alternates, and ids whose source or
 * related list differs between languages. `npm run kb:check` fails on any of them.
 */
export function checkKnowledge(kb: KnowledgeBase): string[] {
  return [...missingIds(kb), ...entryProblems(kb), ...collisions(kb), ...parityProblems(kb)];
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
function collisions(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  const index = SearchIndex.build(kb);
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
