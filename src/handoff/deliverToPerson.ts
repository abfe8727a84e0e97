import type { BotServices } from '../bot/BotServices';
import type { BotApp } from '../bot/createBot';
import type { Proactive } from '../bot/Proactive';
import type { ConversationData } from '../bot/state';
import { channelKindOf } from '../channels/channelKind';
import { render } from '../channels/render';
import type { Reply } from '../reply';
import type { Ticket } from './Ticket';

/** Sends a neutral reply into a ticket's conversation; may change that conversation's state in the same turn. */
export type DeliverToPerson = (ticket: Ticket, reply: Reply, change?: (convo: ConversationData) => void) => Promise<void>;

/**
 * Delivery of staff messages to the person, rendered for their channel and in their language,
 * through whichever adapter owns the conversation. Throws `NotDeliverableError`,
 * `SentAsTemplateError` or the channel's own error when the message did not arrive.
 */
export function deliverToPerson(deps: { services: BotServices; app: BotApp; proactive: Proactive }): DeliverToPerson {
  const { services, app, proactive } = deps;
  const channels = { whatsappIds: services.config.WHATSAPP_CHANNEL_IDS, smsIds: services.config.SMS_CHANNEL_IDS };
  return async (ticket, reply, change) => {
    await proactive.continueConversation(ticket.reference, async (ctx) => {
      const kind = channelKindOf(ctx.activity.channelId, channels);
      const activities = render(reply, { kind, isGroup: Boolean(ticket.reference.conversation?.isGroup) });
      for (const a of activities) a.locale = ticket.lang;
      await ctx.sendActivities(activities);
      if (change) change(await app.bot.conversationData.get(ctx, {}));
    });
  };
}
