import type { TurnContext } from 'botbuilder';
import type { ChannelKind } from '../channels/channelKind';
import type { Translate } from '../i18n/i18n';
import type { Lang } from '../knowledge/types';
import type { Reply } from '../reply';
import type { ConversationData, UserProfile } from './state';

/**
 * Everything a handler needs for one incoming message, with no channel knowledge:
 * the cleaned text, the negotiated language, the loaded state, and a queue of neutral replies.
 * The bot renders and sends the queue once every handler is done.
 */
export class Turn {
  readonly replies: Reply[] = [];

  constructor(
    readonly ctx: TurnContext,
    readonly text: string,
    readonly lang: Lang,
    readonly channel: ChannelKind,
    readonly convo: ConversationData,
    readonly user: UserProfile,
    readonly t: Translate,
  ) {}

  /** Queues a reply; a bare string is a plain message. */
  say(reply: Reply | string): void {
    this.replies.push(typeof reply === 'string' ? { kind: 'message', text: reply } : reply);
  }
}

/** One step of the message pipeline. Returns true when it handled the message (later handlers are skipped). */
export interface TurnHandler {
  readonly name: string;
  handle(turn: Turn): Promise<boolean> | boolean;
}
