import { ActivityTypes, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { ConversationData } from '../state';
import { parseMenuNumber } from '../../i18n/parseMenuNumber';

/**
 * On every channel, a menu can be answered with its number ("2", "2️⃣", "two", "deux", "dos"):
 * the message becomes the value of that option of the last menu shown in this conversation.
 * A number with no menu shown (or beyond its length) stays as text.
 */
export class MenuChoiceMiddleware implements Middleware {
  constructor(private readonly conversation: StatePropertyAccessor<ConversationData>) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    if (ctx.activity.type === ActivityTypes.Message && ctx.activity.text) {
      const n = parseMenuNumber(ctx.activity.text);
      if (n !== undefined) {
        const menu = (await this.conversation.get(ctx, {})).lastMenu ?? [];
        if (n <= menu.length) ctx.activity.text = menu[n - 1];
      }
    }
    await next();
  }
}
