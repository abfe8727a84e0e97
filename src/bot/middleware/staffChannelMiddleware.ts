import type { Middleware, TurnContext } from 'botbuilder';
import type { StaffChannel } from '../../staff/teams/StaffChannel';

/**
 * Takes the helpdesk's own Teams channel out of the migrant-facing bot: activities there (claims,
 * staff replies) go to `StaffChannel` and never reach state, the emergency check or the handlers.
 * First in the HTTP adapter's chain, the only adapter Teams reaches.
 */
export class StaffChannelMiddleware implements Middleware {
  constructor(private readonly channel: StaffChannel) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!this.channel.owns(ctx.activity)) return next();
    await this.channel.handle(ctx.activity);
  }
}
