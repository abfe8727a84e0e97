import type { Turn, TurnHandler } from '../bot/Turn';
import { answerQuestion } from '../knowledge/answerQuestion';
import type { AnswerOutcome, KnowledgeBase, KnowledgeEntry } from '../knowledge/types';
import type { BotServices } from '../bot/BotServices';
import type { Choice, Reply } from '../reply';
import { feedbackPrompt } from '../feedback/feedbackPrompt';
import { matchesIntent } from '../i18n/matchIntent';
import { topicMenu } from './topicMenu';

export const MAX_RELATED = 3;

export interface AnswerHooks {
  /** Called after a knowledge-base answer was given (e.g. to offer the newsletter once). */
  afterAnswer?(turn: Turn, entry: KnowledgeEntry): Promise<void> | void;
  /** Called when the bot could not answer (e.g. to record the question for editors). */
  onUnanswered?(turn: Turn): Promise<void> | void;
  /** Called with every outcome (e.g. for metrics by confidence band and language). */
  onOutcome?(turn: Turn, outcome: AnswerOutcome): void;
  /** Extra choices offered after a miss (e.g. "talk to a person" after two misses in a row). */
  choicesAfterMiss?(turn: Turn): Choice[];
}

/** The last handler: answers from the knowledge base, asks "did you mean", or says it does not know. */
export function answerHandler(services: BotServices, hooks: AnswerHooks = {}): TurnHandler {
  const { kb, index } = services;
  return {
    name: 'answer',
    async handle(turn) {
      if (!turn.text) return false;
      if (matchesIntent(services.i18n, 'intents.noneOfThese', turn.text)) {
        await sayNotKnown(turn, services, hooks);
        return true;
      }
      const outcome = answerQuestion(turn.text, turn.lang, kb, index);
      hooks.onOutcome?.(turn, outcome);
      switch (outcome.kind) {
        case 'answer':
          turn.convo.misses = 0;
          turn.say(answerReply(turn, outcome.entry, kb));
          await hooks.afterAnswer?.(turn, outcome.entry);
          return true;
        case 'clarify':
          turn.say({
            kind: 'message',
            text: turn.t('answer.didYouMean'),
            choices: [
              ...outcome.candidates.map((e) => ({ label: e.question, value: e.question })),
              { label: turn.t('answer.noneOfThese'), value: turn.t('answer.noneOfThese') },
            ],
          });
          return true;
        case 'unknown':
          await sayNotKnown(turn, services, hooks);
          return true;
      }
      return false;
    },
  };
}

/** "I don't know" with the topic menu; counts the miss so a person can be offered. */
export async function sayNotKnown(turn: Turn, services: BotServices, hooks: AnswerHooks): Promise<void> {
  turn.convo.misses = (turn.convo.misses ?? 0) + 1;
  await hooks.onUnanswered?.(turn);
  const extra = hooks.choicesAfterMiss?.(turn) ?? [];
  turn.say({ kind: 'message', text: turn.t('answer.unknown'), choices: topicMenu(services.kb, turn.lang, extra) });
}

/** An answer as a neutral reply: the question as title, the answer, its source, related questions and 👍/👎. */
export function answerReply(turn: Turn, entry: KnowledgeEntry, kb: KnowledgeBase): Reply {
  const related = entry.related
    .map((id) => kb.entries[turn.lang].get(id))
    .filter((e): e is KnowledgeEntry => e !== undefined)
    .slice(0, MAX_RELATED);
  return {
    kind: 'answer',
    title: entry.question,
    text: entry.answer,
    source: { label: turn.t('answer.source'), url: entry.source },
    choices: related.length ? related.map((e) => ({ label: e.question, value: e.question })) : undefined,
    feedback: feedbackPrompt(turn.t),
  };
}
