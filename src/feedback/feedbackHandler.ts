import type { BotServices } from '../bot/BotServices';
import type { Turn, TurnHandler } from '../bot/Turn';
import { answerReply, personChoice } from '../dialogs/replies';
import { topicMenu } from '../dialogs/topicMenu';
import type { KnowledgeEntry } from '../knowledge/types';
import type { AnsweredMemory } from './FeedbackMemory';
import type { Reason, Vote } from './feedbackTables';
import { reasonChoices } from './feedbackPrompt';
import { readReason, readVote } from './readFeedback';

/** "Did you mean" after "not my question" offers at most this many other entries (plus a person). */
export const MAX_ALTERNATIVES = 3;
/** An entry is offered after "not my question" only if the question was at least this close to it (the low band). */
const ALTERNATIVE_MIN_SCORE = 0.3;

/**
 * 👍/👎 on the last answer, tapped or typed (on WhatsApp a vote is typed). A vote is stored at once;
 * 👎 then asks, once, what was wrong, in one tap; "not my question" offers "did you mean" and a person,
 * the other reasons a person. Runs before small talk and the knowledge base, so "👍" is never taken
 * for a question.
 */
export function feedbackHandler(services: BotServices): TurnHandler {
  return {
    name: 'feedback',
    async handle(turn) {
      const answered = turn.convo.feedback?.answer;
      const vote = readVote(turn.text, services.i18n);
      if (vote) {
        await onVote(turn, vote, answered, services);
        return true;
      }
      if (!answered?.awaitingReason) return false;
      answered.awaitingReason = false;
      const reason = readReason(turn.text, services.i18n);
      if (!reason) return false;
      await onReason(turn, reason, answered, services);
      return true;
    },
  };
}

async function onVote(turn: Turn, vote: Vote, answered: AnsweredMemory | undefined, services: BotServices): Promise<void> {
  if (!answered) {
    turn.say({ kind: 'message', text: turn.t('feedback.nothingToRate'), choices: topicMenu(services.kb, turn.lang) });
    return;
  }
  if (answered.vote === vote) {
    turn.say({ kind: 'message', text: turn.t('feedback.noted'), choices: followUps(turn, answered, services) });
    return;
  }
  const store = services.insights?.feedback;
  if (store && answered.voteId) await store.change(answered.voteId, vote);
  else if (store) answered.voteId = await store.add({ day: services.insights!.today(), entryId: answered.entryId, lang: answered.lang, channel: turn.channel, vote });
  answered.vote = vote;
  services.metrics?.feedback.inc({ vote, lang: answered.lang });
  if (vote === 'up') {
    answered.awaitingReason = false;
    turn.say({ kind: 'message', text: turn.t('feedback.thanks'), choices: followUps(turn, answered, services) });
  } else if (!answered.reasonAsked) {
    answered.reasonAsked = answered.awaitingReason = true;
    turn.say({ kind: 'message', text: turn.t('feedback.whatWasWrong'), choices: reasonChoices(turn.t) });
  } else {
    turn.say({ kind: 'message', text: turn.t('feedback.noted'), choices: [personChoice(turn)] });
  }
}

async function onReason(turn: Turn, reason: Reason, answered: AnsweredMemory, services: BotServices): Promise<void> {
  if (answered.voteId) await services.insights?.feedback.giveReason(answered.voteId, reason);
  if (reason !== 'not-my-question') {
    turn.say({ kind: 'message', text: turn.t('feedback.thanksReason'), choices: [personChoice(turn)] });
    return;
  }
  const others = alternatives(turn, answered, services);
  if (others.length === 0) {
    turn.say({ kind: 'message', text: turn.t('feedback.askAgain'), choices: [personChoice(turn)] });
    return;
  }
  // A pick from this list is a real question resolved by a tap: a suggestion, as after "did you mean".
  turn.convo.feedback!.clarify = { question: answered.question, offered: others.map((e) => ({ id: e.id, label: e.question })) };
  turn.say({ kind: 'message', text: turn.t('feedback.didYouMean'), choices: [...others.map((e) => ({ label: e.question, value: e.question })), personChoice(turn)] });
}

/** Other entries the question was close to, in the person's language. */
function alternatives(turn: Turn, answered: AnsweredMemory, services: BotServices): KnowledgeEntry[] {
  return services.index
    .search(answered.question, turn.lang)
    .candidates.filter((c) => c.kind === 'answer' && c.id !== answered.entryId && c.score >= ALTERNATIVE_MIN_SCORE)
    .map((c) => services.kb.entries[turn.lang].get(c.id))
    .filter((e): e is KnowledgeEntry => e !== undefined)
    .slice(0, MAX_ALTERNATIVES);
}

/** The rated answer's own follow-up questions, offered again (the vote's tap removed them from the screen). */
function followUps(turn: Turn, answered: AnsweredMemory, services: BotServices) {
  const entry = services.kb.entries[turn.lang].get(answered.entryId);
  return entry ? answerReply(turn, entry, services.kb).choices : undefined;
}
