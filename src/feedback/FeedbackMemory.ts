import type { Lang } from '../knowledge/types';
import type { Vote } from './feedbackTables';

/** The last answer given in a conversation, so a later 👍/👎 (tapped or typed) knows what it rates. */
export interface AnsweredMemory {
  entryId: string;
  /** The language the answer was given in (votes are counted under it). */
  lang: Lang;
  /** The question as asked, masked; kept only to offer "did you mean" after "not my question". */
  question: string;
  /** Id of the stored vote, once there is one (a second vote changes it instead of adding one). */
  voteId?: string;
  vote?: Vote;
  /** What was wrong was asked once already (the person is never asked twice about one answer). */
  reasonAsked?: boolean;
  /** The reason choices are showing right now (cleared by any other message). */
  awaitingReason?: boolean;
}

/** A "did you mean" on screen: the question as asked (masked) and the entries offered. */
export interface ClarifyMemory {
  question: string;
  offered: Array<{ id: string; label: string }>;
}

/** What feedback keeps in conversation state (purged with it, erased by "forget me"). */
export interface FeedbackMemory {
  answer?: AnsweredMemory;
  clarify?: ClarifyMemory;
}
