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

  async continueConversation(reference: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    const own = this.inProcess.get((reference.channelId ?? '').toLowerCase());
    if (own) return own.continueConversation(reference, logic);
    const serviceUrl = reference.serviceUrl ?? '';
    if (!this.config.botAuthEnabled && !serviceUrlAllowed(serviceUrl, this.config.SERVICE_URL_ALLOWLIST)) {
      throw new NotDeliverableError('The conversation is on a host the bot may not post to without credentials.');
    }
    await this.http.continueConversationAsync(this.config.MicrosoftAppId ?? '', reference, logic);
  }
}
