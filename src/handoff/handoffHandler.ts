import type { BotServices } from '../bot/BotServices';
import type { ActionRunners, Turn, TurnHandler } from '../bot/Turn';
import type { UnderstandHooks } from '../dialogs/understandHandler';
import { personChoice } from '../dialogs/replies';
import { topicMenu } from '../dialogs/topicMenu';
import type { EmergencyHooks } from '../emergency/emergencyHandler';
import { maskPersonalData } from '../privacy/maskPersonalData';
import { openTicket } from './openTicket';
import { sayHelpdeskHours } from './sayHelpdeskHours';

/** A person asked for within this time after danger signs is flagged urgent. */
const URGENT_WINDOW_MS = 30 * 60 * 1000;
/** After this many questions in a row the bot could not answer, it offers a person. */
export const MISSES_BEFORE_OFFER = 2;

const now = () => new Date().toISOString();

/**
 * The handoff gate, right after the emergency check: while a ticket is open the person's messages
 * go to the ticket and the bot stays quiet (it says once that a person will reply); asking to go
 * back to the bot closes it.
 */
export function handoffGate(services: BotServices): TurnHandler {
  const { tickets, config } = services;
  return {
    name: 'handoff',
    async handle(turn) {
      const openId = turn.convo.ticketId;
      if (!openId) return false;
      const ticket = await tickets.get(openId);
      if (!ticket || ticket.status === 'closed') {
        turn.convo.ticketId = undefined; // closed by staff meanwhile: back to normal
        return false;
      }
      // Leaving the newsletter or erasing one's data is for the bot to do, helpdesk or not.
      if (turn.action === 'unsubscribe' || turn.action === 'forget-me') return false;
      await tickets.append(openId, { from: 'user', text: maskPersonalData(turn.text), at: now() });
      if (turn.action === 'back-to-bot') {
        await closeByUser(turn, services, openId);
        return true;
      }
      if (!turn.convo.handoffNoticeGiven) {
        turn.convo.handoffNoticeGiven = true;
        turn.say({ kind: 'handoff', text: turn.t('handoff.waiting', { hours: sayHelpdeskHours(config.HELPDESK_HOURS, turn.lang, turn.t) }) });
      }
      return true;
    },
  };
}

/** Asking for a person opens a ticket (urgent soon after danger signs); "back to the bot" with none open is a no-op. */
export function handoffActions(services: BotServices): ActionRunners {
  return {
    async 'talk-to-person'(turn) {
      const recentDanger = turn.convo.dangerAt && Date.now() - Date.parse(turn.convo.dangerAt) < URGENT_WINDOW_MS;
      const ticket = await openTicket(turn, services, recentDanger ? 'urgent' : 'normal');
      turn.say({ kind: 'handoff', text: turn.t('handoff.created', { id: ticket.id, hours: sayHelpdeskHours(services.config.HELPDESK_HOURS, turn.lang, turn.t) }) });
    },
    'back-to-bot': (turn) => turn.say({ kind: 'message', text: turn.t('handoff.noneOpen'), choices: topicMenu(services.kb, turn.lang) }),
  };
}

async function closeByUser(turn: Turn, services: BotServices, id: string): Promise<void> {
  await services.tickets.setStatus(id, 'closed');
  turn.convo.ticketId = undefined;
  turn.say({ kind: 'handoff', text: turn.t('handoff.endedByUser'), choices: topicMenu(services.kb, turn.lang) });
}

/** Emergency hook: remember the danger, flag an open ticket urgent, or offer a person. */
export function handoffEmergencyHooks(services: BotServices): EmergencyHooks {
  return {
    count: (kind, lang) => services.metrics?.emergencies.inc({ kind, lang }),
    countSafetyNet: (lang) => services.metrics?.safetyNets.inc({ lang }),
    async onDanger(turn) {
      turn.convo.dangerAt = now();
      const openId = turn.convo.ticketId;
      if (openId && (await services.tickets.get(openId))?.status !== 'closed') {
        await services.tickets.append(openId, { from: 'user', text: maskPersonalData(turn.text), at: now() });
        await services.tickets.setUrgency(openId, 'urgent');
        return [];
      }
      return [personChoice(turn, true)];
    },
  };
}

/** Answer hooks: record what the bot could not answer; after two misses in a row, offer a person. */
export function handoffAnswerHooks(services: BotServices): UnderstandHooks {
  return {
    onUnanswered: (turn) => {
      services.metrics?.fallbacks.inc({ lang: turn.lang });
      return services.unanswered.record(turn.text, turn.lang);
    },
    choicesAfterMiss: (turn) => ((turn.convo.misses ?? 0) >= MISSES_BEFORE_OFFER ? [personChoice(turn)] : []),
  };
}
