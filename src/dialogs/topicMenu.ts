import type { KnowledgeBase, Lang } from '../knowledge/types';
import type { Choice } from '../reply';

/** The welcome/topic menu: the menu entries' questions in the person's language. */
export function topicMenu(kb: KnowledgeBase, lang: Lang, extra: Choice[] = []): Choice[] {
  const topics = kb.menu
    .map((id) => kb.entries[lang].get(id))
    .filter((e) => e !== undefined)
    .map((e) => ({ label: e.question, value: e.question }));
  return [...topics, ...extra];
}
