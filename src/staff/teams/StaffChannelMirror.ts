import type { Ticket, TicketStore } from '../../handoff/Ticket';
import type { TicketChange, TicketEvents } from '../../handoff/TicketEvents';
import { errorSummary, type Logger } from '../../log';
import type { StaffChannelPoster } from './StaffChannelPoster';
import { ticketCard } from './ticketCard';

/**
 * Keeps the staff Teams channel in step with the tickets this instance changes: a new ticket
 * starts a thread with its card; the person's new messages, and replies sent from the console or
 * the API, are posted in that thread; a claim, a close or new urgency updates the card. Work for
 * one ticket runs in order (the thread exists before anything is posted in it) and never holds
 * up the person's turn; a failure is logged and the next change tries again.
 */
export class StaffChannelMirror {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: { tickets: TicketStore; poster: StaffChannelPoster; consoleUrl?: string; logger: Logger },
  ) {}

  /** Starts following this instance's ticket changes; returns a function that waits for work under way. */
  follow(events: TicketEvents): () => Promise<void> {
    events.onChange((change) => this.enqueue(change));
    return async () => {
      while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
    };
  }

  private enqueue(change: TicketChange): void {
    const previous = this.queues.get(change.id) ?? Promise.resolve();
    const next = previous
      .then(() => this.mirror(change))
      .catch((err: unknown) => this.deps.logger.warn({ err: errorSummary(err), ticket: change.id, change: change.kind }, 'staff Teams channel not updated'))
      .finally(() => {
        if (this.queues.get(change.id) === next) this.queues.delete(change.id);
      });
    this.queues.set(change.id, next);
  }

  private async mirror(change: TicketChange): Promise<void> {
    const { tickets, poster } = this.deps;
    // The ticket as it is now (with its thread, once started), not as it was when the change was queued.
    const ticket = await tickets.get(change.id);
    if (!ticket) return;
    if (change.kind === 'created') {
      if (ticket.teams) return;
      const summary = `${ticket.urgency === 'urgent' ? 'URGENT ' : ''}Request ${ticket.id} (${ticket.lang})`;
      await tickets.setTeamsThread(ticket.id, await poster.startThread(this.card(ticket), summary));
      return;
    }
    if (!ticket.teams) return;
    if (change.kind === 'line' && change.line) {
      const { line } = change;
      if (line.from === 'user') await poster.post(ticket.teams.conversationId, `Person: ${line.text}`);
      else if (line.from === 'staff' && line.via !== 'teams') await poster.post(ticket.teams.conversationId, `${line.author ?? 'Staff'} (${line.via ?? 'console'}): ${line.text}`);
      return;
    }
    await poster.updateCard(ticket.teams, this.card(ticket));
    if (change.kind === 'urgent') await poster.post(ticket.teams.conversationId, 'URGENT: danger signs in this conversation.');
  }

  private card(ticket: Ticket): object {
    return ticketCard(ticket, this.deps.consoleUrl);
  }
}
