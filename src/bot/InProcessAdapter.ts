import {
  type Activity,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';

/** Where an in-process channel delivers the bot's replies (Direct Line store, WhatsApp Graph API …). */
export type Deliver = (activities: Partial<Activity>[], reference: Partial<ConversationReference>) => Promise<void>;

/**
 * An adapter for channels the bot hosts itself (its Direct Line endpoint, the WhatsApp webhook).
 * It runs the same middleware and bot as `/api/messages`, and hands replies to `deliver`
 * instead of posting them to a Bot Framework serviceUrl.
 */
export class InProcessAdapter extends BotAdapter {
  constructor(private readonly deliver: Deliver) {
    super();
  }

  /** Runs one inbound activity through middleware and `logic`. */
  async processActivity(activity: Partial<Activity>, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    const ctx = new TurnContext(this, activity);
    await this.runMiddleware(ctx, logic);
  }

  async sendActivities(ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const reference = TurnContext.getConversationReference(ctx.activity);
    const out: Partial<Activity>[] = [];
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, Number(activity.value) || 0));
        continue;
      }
      const id = activity.id ?? randomUUID();
      out.push({ ...activity, id, timestamp: new Date() });
      responses.push({ id });
    }
    if (out.length > 0) await this.deliver(out, reference);
    return responses;
  }

  async updateActivity(): Promise<void> {
    // In-process channels show replies as sent; edits are not supported.
  }

  async deleteActivity(): Promise<void> {
    // As above: nothing to delete once delivered.
  }

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    const ctx = new TurnContext(this, activity);
    await this.runMiddleware(ctx, logic);
  }
}
