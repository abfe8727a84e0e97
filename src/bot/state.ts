import type { FeedbackMemory } from '../feedback/FeedbackMemory';
import type { Lang } from '../knowledge/types';

/** What the bot remembers about a person across conversations (user state). */
export interface UserProfile {
  language?: Lang;
  /** True when the person chose the language explicitly (it then beats detection). */
  languageChosen?: boolean;
}

/** One line of the rolling transcript kept for handoff; text is already masked. */
export interface TranscriptLine {
  from: 'user' | 'bot';
  text: string;
  at: string;
}

/** A multi-turn flow in progress (newsletter, handoff request …). */
export interface FlowState {
  name: string;
  step: string;
  tries?: number;
  data?: Record<string, unknown>;
}

/** What the bot remembers about one conversation (conversation state). */
export interface ConversationData {
  flow?: FlowState;
  /** Values of the last menu shown, so "2" or "deux" can pick option 2. */
  lastMenu?: string[];
  /** Questions in a row the bot could not answer. */
  misses?: number;
  /** Answers given in this conversation. */
  answers?: number;
  /** Id of the last activity handled, so a re-delivered activity is not handled twice. */
  lastActivityId?: string;
  /** The newsletter was offered after an answer (offer it only once). */
  newsletterOffered?: boolean;
  /** The newsletter offer was the bot's last question: a bare "yes" or "no" answers it. */
  offerPending?: boolean;
  /** The country the person last said they are in (ISO code), for the emergency numbers. */
  country?: string;
  /** The open handoff ticket, if any. */
  ticketId?: string;
  /** The person was told once that a person will reply. */
  handoffNoticeGiven?: boolean;
  /** When danger signs were last seen (a person asked for soon after is urgent). */
  dangerAt?: string;
  transcript?: TranscriptLine[];
  welcomed?: boolean;
  /** The last answer (for 👍/👎) and the "did you mean" on screen (for suggestions). */
  feedback?: FeedbackMemory;
}

export const TRANSCRIPT_MAX_LINES = 20;
