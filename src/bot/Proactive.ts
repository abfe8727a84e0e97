import type { BotAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Config } from '../config';
import { serviceUrlAllowed } from '../http/validateActivity';
import type { HttpAdapter } from './HttpAdapter';

/** Thrown when a message cannot be delivered to a conversation (foreign serviceUrl without credentials …). */
export class NotDeliverableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * The channel did not allow the message itself (WhatsApp outside its 24-hour window) and sent the
 * approved template inviting the person back instead.
 */
export class SentAsTemplateError extends Error {
  constructor() {
    super('Outside the 24-hour window: the approved template was sent instead of the message.');
  }
}

/**
 * Continues a conversation on whichever adapter owns its channel: the bot's own Direct Line
 * and WhatsApp adapters register themselves by channelId; everything else goes through the
 * Bot Framework (HTTP) adapter.
 */
export class Proactive {
  private readonly inProcess = new Map<string, BotAdapter>();

  constructor(
    private readonly http: HttpAdapter,
    private readonly config: Readonly<Config>,
  ) {}

  register(channelId: string, adapter: BotAdapter): void {
    this.inProcess.set(channelId.toLowerCase(), adapter);
  }

  /**
   * Runs `logic` in the conversation and throws what it threw. (An adapter hands a turn's errors to
   * its `onTurnError`, which would clear the person's conversation state and let the caller believe
   * the message arrived: caught inside, thrown here.)
   */
  async continueConversation(reference: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    const guarded = async (ctx: TurnContext) => {
      try {
        await logic(ctx);
      } catch (err) {
        failure = err ?? new Error('send failed');
      }
    };
    const own = this.inProcess.get((reference.channelId ?? '').toLowerCase());
    if (own) await own.continueConversation(reference, guarded);
    else {
      const serviceUrl = reference.serviceUrl ?? '';
      if (!this.config.botAuthEnabled && !serviceUrlAllowed(serviceUrl, this.config.SERVICE_URL_ALLOWLIST)) {
        throw new NotDeliverableError('The conversation is on a host the bot may not post to without credentials.');
      }
      await this.http.continueConversationAsync(this.config.MicrosoftAppId ?? '', reference, guarded);
    }
    if (failure) throw failure;
  }
}
