import type { BotServices } from '../bot/BotServices';
import type { Turn, TurnHandler } from '../bot/Turn';
import type { AnswerHooks } from '../dialogs/answerHandler';
import { topicMenu } from '../dialogs/topicMenu';
import type { EmergencyHooks } from '../emergency/emergencyHandler';
import { containsIntent, matchesIntent } from '../i18n/matchIntent';
import type { Choice } from '../reply';
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
 * go to the ticket and the bot stays quiet (it says once that a person will reply); "/end" or
 * "back to the bot" closes it. Otherwise, asking for a person opens a ticket.
 */
export function handoffHandler(services: BotServices): TurnHandler {
  const { tickets, i18n, config } = services;
  return {
    name: 'handoff',
    async handle(turn) {
      const openId = turn.convo.ticketId;
      if (openId) {
        const ticket = await tickets.get(openId);
        if (ticket && ticket.status !== 'closed') {
          if (matchesIntent(i18n, 'intents.handoffEnd', turn.text)) {
            await tickets.append(openId, { from: 'user', text: maskPersonalData(turn.text), at: now() });
            await tickets.setStatus(openId, 'closed');
            turn.convo.ticketId = undefined;
            turn.say({ kind: 'handoff', text: turn.t('handoff.endedByUser'), choices: topicMenu(services.kb, turn.lang) });
            return true;
          }
          await tickets.append(openId, { from: 'user', text: maskPersonalData(turn.text), at: now() });
          if (!turn.convo.handoffNoticeGiven) {
            turn.convo.handoffNoticeGiven = true;
            turn.say({ kind: 'handoff', text: turn.t('handoff.waiting', { hours: sayHelpdeskHours(config.HELPDESK_HOURS, turn.lang, turn.t) }) });
          }
          return true;
        }
        turn.convo.ticketId = undefined; // closed by staff meanwhile: back to normal
      }
      // "Am I talking to a real person?" asks what the bot is (the knowledge base answers, and says how
      // to reach a person); "I want a real person" asks for one.
      if (!containsIntent(i18n, 'intents.handoffRequest', turn.text) || containsIntent(i18n, 'intents.askingIfHuman', turn.text)) return false;
      const recentDanger = turn.convo.dangerAt && Date.now() - Date.parse(turn.convo.dangerAt) < URGENT_WINDOW_MS;
      const ticket = await openTicket(turn, services, recentDanger ? 'urgent' : 'normal');
      turn.say({ kind: 'handoff', text: turn.t('handoff.created', { id: ticket.id, hours: sayHelpdeskHours(config.HELPDESK_HOURS, turn.lang, turn.t) }) });
      return true;
    },
  };
}

/** "Talk to a person" as a menu choice, in the person's language. */
export function personChoice(turn: Turn, urgent = false): Choice {
  const label = turn.t(urgent ? 'handoff.urgentChoice' : 'handoff.offerChoice');
  return { label, value: label };
}

/** Emergency hook: remember the danger, flag an open ticket urgent, or offer a person. */
export function handoffEmergencyHooks(services: BotServices): EmergencyHooks {
  return {
    count: (kind) => services.metrics?.emergencies.inc({ kind }),
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
export function handoffAnswerHooks(services: BotServices): AnswerHooks {
  return {
    onUnanswered: (turn) => {
      services.metrics?.fallbacks.inc({ lang: turn.lang });
      return services.unanswered.record(turn.text, turn.lang);
    },
    choicesAfterMiss: (turn) => ((turn.convo.misses ?? 0) >= MISSES_BEFORE_OFFER ? [personChoice(turn)] : []),
  };
}
