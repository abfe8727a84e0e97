import type { ClaimOutcome, NewTicket, TeamsThread, Ticket, TicketClaim, TicketLine, TicketStatus, TicketStore, Urgency } from './Ticket';
import type { TicketEvents } from './TicketEvents';

/**
 * A ticket store that reports every change on the live queue's bus, whichever code path made it
 * (a person asking for help, writing, saying "back to the bot", staff in the console or in Teams).
 */
export class LiveTicketStore implements TicketStore {
  constructor(
    private readonly inner: TicketStore,
    private readonly events: TicketEvents,
  ) {}

  async create(ticket: NewTicket): Promise<Ticket> {
    const created = await this.inner.create(ticket);
    this.events.changed({ id: created.id, kind: 'created', ticket: created });
    return created;
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.inner.get(id);
  }

  list(status?: TicketStatus): Promise<Ticket[]> {
    return this.inner.list(status);
  }

  async append(id: string, line: TicketLine): Promise<Ticket | undefined> {
    const ticket = await this.inner.append(id, line);
    if (ticket) this.events.changed({ id, kind: 'line', ticket, line });
    return ticket;
  }

  async setStatus(id: string, status: TicketStatus): Promise<Ticket | undefined> {
    const before = await this.inner.get(id);
    const ticket = await this.inner.setStatus(id, status);
    if (ticket && before?.status !== status && status !== 'open') this.events.changed({ id, kind: status, ticket });
    return ticket;
  }

  async setUrgency(id: string, urgency: Urgency): Promise<Ticket | undefined> {
    const before = await this.inner.get(id);
    const ticket = await this.inner.setUrgency(id, urgency);
    if (ticket && urgency === 'urgent' && before?.urgency !== 'urgent') this.events.changed({ id, kind: 'urgent', ticket });
    return ticket;
  }

  async claim(id: string, by: Omit<TicketClaim, 'at'>, takeOver: boolean): Promise<ClaimOutcome> {
    const result = await this.inner.claim(id, by, takeOver);
    if (result.outcome === 'claimed' && result.changed) this.events.changed({ id, kind: 'claimed', ticket: result.ticket });
    return result;
  }

  setTeamsThread(id: string, thread: TeamsThread): Promise<void> {
    return this.inner.setTeamsThread(id, thread);
  }

  findByTeamsConversation(conversationId: string): Promise<Ticket | undefined> {
    return this.inner.findByTeamsConversation(conversationId);
  }

  eraseUser(userKey: string): Promise<number> {
    return this.inner.eraseUser(userKey);
  }
}
