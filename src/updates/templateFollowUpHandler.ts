import type { BotServices } from '../bot/BotServices';
import type { Turn, TurnHandler } from '../bot/Turn';
import { personKey } from '../newsletter/newsletterFlow';
import { contentFor, READ_PAYLOAD_PREFIX, updateReplies } from './renderUpdate';

/** Queues an update's replies in this turn, in the person's language. False when it is gone. */
async function show(turn: Turn, services: BotServices, updateId: string): Promise<boolean> {
  const update = await services.updates!.store.get(updateId);
  if (!update) return false;
  for (const reply of updateReplies(contentFor(update.texts, turn.lang, turn.t), turn.t, turn.channel)) turn.say(reply);
  return true;
}

/**
 * On WhatsApp, an update sent outside the 24-hour window went out as a template: its full text
 * follows now that the person tapped "Read" (the template button's payload names the update) or
 * wrote anything back. A tap is answered here; any other message also goes on to be answered.
 */
export function templateFollowUpHandler(services: BotServices): TurnHandler {
  return {
    name: 'update-follow-up',
    async handle(turn) {
      const updates = services.updates;
      if (!updates || turn.channel !== 'whatsapp') return false;
      const payload: unknown = turn.ctx.activity.channelData?.payload;
      const tapped = typeof payload === 'string' && payload.startsWith(READ_PAYLOAD_PREFIX) ? payload.slice(READ_PAYLOAD_PREFIX.length) : undefined;
      const key = personKey(turn);
      const shown = new Set<string>();
      for (const waiting of await updates.followUps.waiting(key)) {
        if ((await updates.followUps.markRead(waiting, new Date())) && (await show(turn, services, waiting.updateId))) shown.add(waiting.updateId);
      }
      if (tapped !== undefined && !shown.has(tapped)) {
        // Tapped again later: the text once more, if it was theirs to read.
        const again = (await updates.followUps.wasSentTo(key, tapped)) && (await show(turn, services, tapped));
        if (!again) turn.say(turn.t('updates.gone'));
      }
      return tapped !== undefined;
    },
  };
}
