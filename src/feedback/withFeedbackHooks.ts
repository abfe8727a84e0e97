import type { BotServices } from '../bot/BotServices';
import type { Turn } from '../bot/Turn';
import type { UnderstandHooks } from '../dialogs/understandHandler';
import { maskPersonalData } from '../privacy/maskPersonalData';
import { foldText } from '../text/foldText';
import { countInTurn } from '../usage/usageTally';
import type { FeedbackMemory } from './FeedbackMemory';
import { MAX_SUGGESTION_CHARS } from './SuggestionStore';

const memoryOf = (turn: Turn): FeedbackMemory => (turn.convo.feedback ??= {});
const masked = (text: string) => maskPersonalData(text).slice(0, MAX_SUGGESTION_CHARS);

/**
 * Adds feedback and usage to the answer handler's hooks (the given hooks still run):
 * - every answer is remembered, so a 👍/👎 that follows knows which entry it rates, and counted;
 * - a "did you mean" is remembered with the question as asked (masked); when the next answer is one
 *   of the entries offered, picked by its label, the question is stored as a suggested alternate;
 * - clarifications and fallbacks are counted for the usage report.
 * This is the one seam between "did you mean" and suggestions: re-attach it where outcomes are decided.
 */
export function withFeedbackHooks(services: BotServices, hooks: UnderstandHooks): UnderstandHooks {
  return {
    ...hooks,
    onOutcome(turn, outcome) {
      hooks.onOutcome?.(turn, outcome);
      if (outcome.kind !== 'clarify') return;
      countInTurn(turn.ctx, 'clarifications');
      memoryOf(turn).clarify = { question: masked(turn.text), offered: outcome.candidates.map((e) => ({ id: e.id, label: e.kind === 'answer' ? e.question : e.label })) };
    },
    async afterAnswer(turn, entry) {
      countInTurn(turn.ctx, 'answers', entry.id);
      const memory = memoryOf(turn);
      const picked = memory.clarify?.offered.some((o) => o.id === entry.id && foldText(o.label) === foldText(turn.text));
      if (picked && services.insights) await services.insights.suggestions.record(memory.clarify!.question, entry.id, turn.lang, services.insights.today());
      memory.clarify = undefined;
      memory.answer = { entryId: entry.id, lang: turn.lang, question: masked(turn.text) };
      await hooks.afterAnswer?.(turn, entry);
    },
    async onUnanswered(turn) {
      countInTurn(turn.ctx, 'fallbacks');
      if (turn.convo.feedback) turn.convo.feedback.clarify = undefined;
      await hooks.onUnanswered?.(turn);
    },
  };
}
