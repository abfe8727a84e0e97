import type { BotServices } from '../bot/BotServices';
import type { TurnHandler } from '../bot/Turn';
import { sayHelpdeskHours } from './sayHelpdeskHours';

/**
 * Understands the standard `handoff.status` event an agent hub sends back:
 * accepted → the person is told an agent has joined; failed → told no agent could take it (the ticket
 * stays in the staff queue); completed → the ticket is closed and the bot is back.
 */
export function handoffStatusHandler(services: BotServices): TurnHandler {
  return {
    name: 'handoff-status',
    async handle(turn) {
      const activity = turn.ctx.activity;
      if (activity.type !== 'event' || activity.name !== 'handoff.status') return false;
      const state = String((activity.value as { state?: unknown } | undefined)?.state ?? '');
      const id = turn.convo.ticketId;
      if (state === 'accepted') turn.say({ kind: 'handoff', text: turn.t('handoff.status.accepted') });
      else if (state === 'failed') turn.say({ kind: 'handoff', text: turn.t('handoff.status.failed', { hours: sayHelpdeskHours(services.config.HELPDESK_HOURS, turn.lang, turn.t) }) });
      else if (state === 'completed') {
        if (id) await services.tickets.setStatus(id, 'closed');
        turn.convo.ticketId = undefined;
        turn.say({ kind: 'handoff', text: turn.t('handoff.status.completed') });
      } else return false;
      return true;
    },
  };
}
