import type { TeamsThread } from '../../handoff/Ticket';

/**
 * Posting to the staff Teams channel through the Bot Connector API. Implemented over botbuilder's
 * connector client in `src/bot/TeamsChannelClient.ts`; tests point it at a fake connector.
 */
export interface StaffChannelPoster {
  /** Starts a new thread in the staff channel with this Adaptive Card (`POST /v3/conversations`). */
  startThread(card: object, summary: string): Promise<TeamsThread>;
  /** Posts plain text (never read as Markdown) in a thread. */
  post(conversationId: string, text: string): Promise<void>;
  /** Replaces the thread's card (`PUT /v3/conversations/{id}/activities/{activityId}`). */
  updateCard(thread: TeamsThread, card: object): Promise<void>;
}
