import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { TURN_TRUNCATED } from '../turnKeys';
import { stripInvisible } from '../../text/foldText';

/**
 * Cleans incoming text before anything reads it: invisible, bidi and control characters go
 * (they would break matching and command words), and very long messages are cut to their
 * first part at a word boundary — the bot answers that part and never echoes the text back.
 */
export class InputMiddleware implements Middleware {
  constructor(private readonly maxChars: number) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = ctx.activity;
    if (activity.type === ActivityTypes.Message) {
      const raw = typeof activity.text === 'string' ? activity.text : '';
      let text = stripInvisible(raw).replace(/\s+/g, ' ').trim();
      if (text.length > this.maxChars) {
        const cut = text.slice(0, this.maxChars);
        const lastSpace = cut.lastIndexOf(' ');
        text = lastSpace > this.maxChars / 2 ? cut.slice(0, lastSpace) : cut;
        ctx.turnState.set(TURN_TRUNCATED, true);
      }
      activity.text = text;
    }
    await next();
  }
}
