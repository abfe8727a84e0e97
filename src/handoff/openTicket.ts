import { EventFactory, TurnContext, type Activity } from 'botbuilder';
import type { BotServices } from '../bot/BotServices';
import type { Turn } from '../bot/Turn';
import { maskPersonalData } from '../privacy/maskPersonalData';
import { userKey } from '../privacy/userKey';
import type { Ticket, Urgency } from './Ticket';

/** How many recent lines of the conversation a new ticket carries (10 turns). */
export const TICKET_TRANSCRIPT_LINES = 20;
/** A topic guess must be about as sure as an answer would be. */
const TOPIC_MIN_SCORE = 0.33;

/**
 * Opens a ticket for this conversation (or returns the open one), and emits the standard
 * `handoff.initiate` event with the transcript so an agent hub on the channel can take over.
 */
export async function openTicket(turn: Turn, services: BotServices, urgency: Urgency): Promise<Ticket> {
  const { tickets } = services;
  const existing = turn.convo.ticketId ? await tickets.get(turn.convo.ticketId) : undefined;
  if (existing && existing.status !== 'closed') {
    return urgency === 'urgent' && existing.urgency !== 'urgent' ? ((await tickets.setUrgency(existing.id, 'urgent')) ?? existing) : existing;
  }
  const lines = (turn.convo.transcript ?? []).slice(-TICKET_TRANSCRIPT_LINES).map((l) => ({ ...l, text: maskPersonalData(l.text) }));
  const ticket = await tickets.create({
    reference: TurnContext.getConversationReference(turn.ctx.activity),
    channel: turn.ctx.activity.channelId ?? 'unknown',
    lang: turn.lang,
    // The last user line is the request for a person itself: the topic is in what came before.
    topic: guessTopic(lines.filter((l) => l.from === 'user').slice(0, -1).map((l) => l.text), turn, services),
    urgency,
    transcript: lines,
    userKey: userKey(turn.ctx.activity.channelId, turn.ctx.activity.from?.id),
  });
  turn.convo.ticketId = ticket.id;
  turn.convo.handoffNoticeGiven = false;
  services.metrics?.handoffs.inc({ urgency });
  services.logger.info({ ticket: ticket.id, urgency, channel: ticket.channel, lang: ticket.lang }, 'handoff ticket opened');

  const transcript = lines.map(
    (l) => ({ type: 'message', text: l.text, timestamp: new Date(l.at), from: { id: l.from, name: l.from, role: l.from === 'user' ? 'user' : 'bot' } }) as Partial<Activity>,
  );
  const initiate = EventFactory.createHandoffInitiation(turn.ctx, { ticketId: ticket.id, urgency, language: turn.lang, topic: ticket.topic }, { activities: transcript as Activity[] });
  await turn.ctx.sendActivity(initiate);
  return ticket;
}

/** The knowledge-base entry the most recent user messages are closest to, if any is reasonably close. */
function guessTopic(userLines: string[], turn: Turn, services: BotServices): string | undefined {
  for (const text of [...userLines].reverse()) {
    // A topic is something asked about (an answer, or a referral such as visas), not a request.
    const best = services.index.search(text, turn.lang).candidates.find((c) => c.kind !== 'action');
    if (best && best.score >= TOPIC_MIN_SCORE) return best.id;
  }
  return undefined;
}
