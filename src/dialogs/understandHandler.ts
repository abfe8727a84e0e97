import type { BotServices } from '../bot/BotServices';
import type { ActionRunners, Turn, TurnHandler } from '../bot/Turn';
import type { KnowledgeEntry, Understanding } from '../knowledge/types';
import type { Choice } from '../reply';
import { answerReply, clarifyReply, referralReply } from './replies';
import { topicMenu } from './topicMenu';

export interface UnderstandHooks {
  /** Called after a knowledge-base answer was given (e.g. to offer the newsletter once). */
  afterAnswer?(turn: Turn, entry: KnowledgeEntry): Promise<void> | void;
  /** Called when the bot could not answer (e.g. to record the question for editors). */
  onUnanswered?(turn: Turn): Promise<void> | void;
  /** Called with every outcome (e.g. for metrics by kind, confidence band and language). */
  onOutcome?(turn: Turn, outcome: Understanding): void;
  /** Extra choices offered after a miss (e.g. "talk to a person" after two misses in a row). */
  choicesAfterMiss?(turn: Turn): Choice[];
}

/**
 * The last handler: does what the message is understood to be — runs an action, answers from the
 * knowledge base, refers what the bot does not cover, asks "did you mean", or says it does not know.
 */
export function understandHandler(services: BotServices, actions: ActionRunners, hooks: UnderstandHooks = {}): TurnHandler {
  const { kb } = services;
  return {
    name: 'understand',
    async handle(turn) {
      if (!turn.text) return false;
      const outcome = turn.understood;
      hooks.onOutcome?.(turn, outcome);
      switch (outcome.kind) {
        case 'action': {
          const run = actions[outcome.action];
          if (!run) return false;
          await run(turn);
          return true;
        }
        case 'answer':
          turn.convo.misses = 0;
          turn.say(answerReply(turn, outcome.entry, kb));
          await hooks.afterAnswer?.(turn, outcome.entry);
          return true;
        case 'referral':
          turn.convo.misses = 0;
          turn.say(referralReply(turn, outcome.entry, kb, outcome.related));
          return true;
        case 'clarify':
          turn.say(clarifyReply(turn, outcome.candidates));
          return true;
        case 'unknown':
          await sayNotKnown(turn, services, hooks);
          return true;
      }
    },
  };
}

/** "I don't know" with the topic menu; counts the miss so a person can be offered. */
export async function sayNotKnown(turn: Turn, services: BotServices, hooks: UnderstandHooks): Promise<void> {
  turn.convo.misses = (turn.convo.misses ?? 0) + 1;
  await hooks.onUnanswered?.(turn);
  const extra = hooks.choicesAfterMiss?.(turn) ?? [];
  turn.say({ kind: 'message', text: turn.t('answer.unknown'), choices: topicMenu(services.kb, turn.lang, extra) });
}
