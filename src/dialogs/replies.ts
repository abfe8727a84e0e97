import type { Turn } from '../bot/Turn';
import { feedbackPrompt } from '../feedback/feedbackPrompt';
import type { KnowledgeBase, KnowledgeEntry, ReferralEntry, UnderstoodEntry } from '../knowledge/types';
import type { Choice, Reply } from '../reply';
import { topicMenu } from './topicMenu';

export const MAX_RELATED = 3;

/** "Talk to a person" as a menu choice, in the person's language (the value runs the action). */
export function personChoice(turn: Turn, urgent = false): Choice {
  return { label: turn.t(urgent ? 'handoff.urgentChoice' : 'handoff.offerChoice'), value: turn.t('handoff.offerChoice') };
}

/**
 * An answer as a neutral reply: the question as title, the answer, its source, and related
 * questions; an answer that depends on the person also offers a person.
 */
export function answerReply(turn: Turn, entry: KnowledgeEntry, kb: KnowledgeBase): Reply {
  const related = entry.related
    .map((id) => kb.entries[turn.lang].get(id))
    .filter((e): e is KnowledgeEntry => e !== undefined)
    .slice(0, MAX_RELATED)
    .map((e) => ({ label: e.question, value: e.question }));
  const choices = entry.personal ? [...related.slice(0, MAX_RELATED - 1), personChoice(turn)] : related;
  return {
    kind: 'answer',
    title: entry.question,
    text: entry.answer,
    source: { label: turn.t('answer.source'), url: entry.source },
    choices: choices.length ? choices : undefined,
    feedback: feedbackPrompt(turn.t),
  };
}

/**
 * Something the bot does not cover: its kind reply, with a person and the topics offered; with the
 * closest general answer, if there is one, and "all topics" in place of the topics (three choices:
 * WhatsApp shows them as buttons).
 */
export function referralReply(turn: Turn, entry: ReferralEntry, kb: KnowledgeBase, related?: KnowledgeEntry): Reply {
  const allTopics = turn.t('menu.allTopics');
  const rest = related ? [{ label: related.question, value: related.question }, { label: allTopics, value: allTopics }] : topicMenu(kb, turn.lang);
  return { kind: 'message', text: entry.reply, choices: [personChoice(turn), ...rest] };
}

/** "Did you mean": the close candidates (answers by their question, actions by their label), and "none of these". */
export function clarifyReply(turn: Turn, candidates: readonly UnderstoodEntry[]): Reply {
  return {
    kind: 'message',
    text: turn.t('answer.didYouMean'),
    choices: [
      ...candidates.map((e) => (e.kind === 'answer' ? { label: e.question, value: e.question } : { label: e.label, value: e.label })),
      { label: turn.t('answer.noneOfThese'), value: turn.t('answer.noneOfThese') },
    ],
  };
}
