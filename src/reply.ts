/**
 * The neutral reply: what the bot wants to say, with no knowledge of any channel.
 * `render(reply, channel)` in `src/channels` is the only place that turns it into activities.
 * Text is plain (no Markdown, no HTML); paragraphs are separated by a blank line.
 */
export interface Choice {
  /** What the person sees on the button or menu line. */
  label: string;
  /** What is sent back as the person's message when the choice is picked (a text the bot understands). */
  value: string;
}

export interface ReplySource {
  label: string;
  url: string;
}

/**
 * "Was this helpful?" after an answer. Channels with buttons show `up` and `down` after the answer's
 * own choices; text-only channels (and buttons that would not fit) show `hint`, and people type 👍 or 👎.
 */
export interface FeedbackPrompt {
  up: Choice;
  down: Choice;
  hint: string;
}

export type ReplyKind = 'message' | 'answer' | 'emergency' | 'handoff' | 'staff';

export interface Reply {
  kind: ReplyKind;
  /** Optional heading, e.g. the question an answer answers. */
  title?: string;
  text: string;
  /** Where the facts come from (answers only). */
  source?: ReplySource;
  /** A menu: buttons, suggested actions or a numbered list, depending on the channel. */
  choices?: Choice[];
  /** Answers only: a one-tap vote, fitted to the channel by each renderer (see `fitFeedback`). */
  feedback?: FeedbackPrompt;
}

export const textReply = (text: string, choices?: Choice[]): Reply => ({ kind: 'message', text, choices });
