import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { JsonBotState } from '../JsonBotState';

/**
 * Loads conversation and user state for a message in one storage read, and after the turn saves
 * whatever changed in one write (botbuilder's `AutoSaveStateMiddleware` does one query per state
 * each way). Other activities load state lazily, only if a handler asks for it.
 */
export class StateMiddleware implements Middleware {
  private readonly states: JsonBotState[];

  constructor(...states: JsonBotState[]) {
    this.states = states;
  }

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    if (ctx.activity.type === ActivityTypes.Message) await JsonBotState.loadAll(ctx, this.states);
    await next();
    await JsonBotState.saveAll(ctx, this.states);
  }
}
