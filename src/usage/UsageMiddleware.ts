import { type Activity, ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { TURN_LANG } from '../bot/turnKeys';
import { channelKindOf, type ChannelMapping } from '../channels/channelKind';
import { userKey } from '../privacy/userKey';
import { type Day } from './day';
import type { UsageRecorder } from './UsageRecorder';
import { countInTurn, TURN_USAGE, type TurnTally } from './usageTally';

/** The standard event `openTicket` sends when a conversation is handed to a person. */
const HANDOFF_INITIATE = 'handoff.initiate';

/**
 * Counts each message turn for the usage report: the language it was answered in, the channel kind,
 * one-way keys of the person and the conversation (hashed again with the day's salt when written),
 * and what hooks marked on the way (answers, clarifications, fallbacks, emergencies). A handoff is
 * seen as the `handoff.initiate` event leaving the turn. Placed after the flood limit, so dropped
 * messages are not counted.
 */
export class UsageMiddleware implements Middleware {
  constructor(
    private readonly recorder: UsageRecorder,
    private readonly channels: ChannelMapping,
    private readonly today: () => Day,
  ) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    if (ctx.activity.type !== ActivityTypes.Message) return next();
    const tally: TurnTally = { counts: { turns: 1 }, entries: [] };
    ctx.turnState.set(TURN_USAGE, tally);
    ctx.onSendActivities(async (context, activities: Partial<Activity>[], send) => {
      for (const a of activities) if (a.type === ActivityTypes.Event && a.name === HANDOFF_INITIATE) countInTurn(context, 'handoffs');
      return send();
    });
    try {
      await next();
    } finally {
      const { channelId, from, conversation } = ctx.activity;
      this.recorder.record({
        day: this.today(),
        lang: ctx.turnState.get(TURN_LANG) ?? 'en',
        channel: channelKindOf(channelId, this.channels),
        counts: tally.counts,
        entries: tally.entries,
        person: from?.id ? userKey(channelId, from.id) : undefined,
        conversation: conversation?.id ? userKey(channelId, `conversation\u0000${conversation.id}`) : undefined,
      });
    }
  }
}
