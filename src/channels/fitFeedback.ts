import type { Choice, Reply } from '../reply';

/** 👍 and 👎. */
export const FEEDBACK_BUTTONS = 2;

/** A reply's buttons with the feedback vote fitted in, and the hint text when it is not a button. */
export interface FittedChoices {
  choices: Choice[];
  /** Set when the vote is offered as text instead (no room for two more buttons). */
  hint?: string;
}

/**
 * Puts 👍/👎 after a reply's own choices when both fit within `max` buttons; otherwise the answer's
 * follow-ups keep every button and the vote becomes a line of text ("Reply 👍 or 👎").
 */
export function fitFeedback(reply: Reply, max: number): FittedChoices {
  const choices = (reply.choices ?? []).slice(0, max);
  if (!reply.feedback) return { choices };
  if (choices.length + FEEDBACK_BUTTONS > max) return { choices, hint: reply.feedback.hint };
  return { choices: [...choices, reply.feedback.up, reply.feedback.down] };
}

/** The vote as a line of text, for channels without buttons. */
export function feedbackHint(reply: Reply): string | undefined {
  return reply.feedback?.hint;
}
