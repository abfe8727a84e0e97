import { stringify } from 'yaml';
import type { KnowledgeBase, KnowledgeEntry, Lang } from '../knowledge/types';
import { foldText } from '../text/foldText';
import type { Suggestion } from './SuggestionStore';

/** Candidate alternates of one entry in one language (`GET /api/staff/knowledge/suggestions`). */
export interface SuggestionGroup {
  id: string;
  lang: Lang;
  question: string;
  /** Where the entry is written, `knowledge/en/figures.yaml:3`: the file to paste the snippet into. */
  file: string;
  /** Askings in all. */
  count: number;
  suggestions: Array<{ text: string; count: number; lastSeen: string }>;
  /** The alternates as YAML list items, indented to paste under the entry's `alternates:`. */
  yaml: string;
}

/** Indentation of an alternate in the knowledge files (`entries:` → `- id:` → `alternates:` → `- …`). */
const ALTERNATE_INDENT = '      ';

/**
 * Groups suggestions by entry and language, most asked first, leaving out askings the entry already
 * has as its question or an alternate, and entries no longer in the knowledge base.
 */
export function suggestionGroups(suggestions: Suggestion[], kb: KnowledgeBase): SuggestionGroup[] {
  const groups = new Map<string, SuggestionGroup>();
  for (const s of suggestions) {
    const entry = kb.entries[s.lang]?.get(s.entryId);
    if (!entry || known(entry).has(foldText(s.text))) continue;
    const key = `${s.entryId}|${s.lang}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { id: entry.id, lang: s.lang, question: entry.question, file: entry.origin, count: 0, suggestions: [], yaml: '' }));
    group.count += s.count;
    group.suggestions.push({ text: s.text, count: s.count, lastSeen: s.lastSeen });
  }
  for (const group of groups.values()) group.yaml = alternatesYaml(group);
  return [...groups.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/** `# knowledge/en/figures.yaml:3 …` then one `      - text` line per suggestion, quoted where YAML needs it. */
export function alternatesYaml(group: Pick<SuggestionGroup, 'id' | 'file' | 'suggestions'>): string {
  const items = group.suggestions.map((s) => `${ALTERNATE_INDENT}- ${stringify(s.text, { lineWidth: 0 }).trimEnd()}`);
  return [`${ALTERNATE_INDENT}# ${group.file} (${group.id}): add under "alternates:"`, ...items].join('\n') + '\n';
}

const knownCache = new WeakMap<KnowledgeEntry, Set<string>>();

function known(entry: KnowledgeEntry): Set<string> {
  let set = knownCache.get(entry);
  if (!set) knownCache.set(entry, (set = new Set([entry.question, ...entry.alternates].map(foldText))));
  return set;
}
