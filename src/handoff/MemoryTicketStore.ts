import { randomBytes } from 'node:crypto';
import {
  type ClaimOutcome,
  MAX_TICKET_LINES,
  type NewTicket,
  type TeamsThread,
  type Ticket,
  type TicketClaim,
  type TicketLine,
  type TicketStatus,
  type TicketStore,
  type Urgency,
} from './Ticket';

/** Short ids without look-alike characters (no 0/O, 1/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newTicketId(): string {
  return [...randomBytes(6)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Urgent first, then oldest first: the order staff work through the queue. */
export function queueOrder(a: Ticket, b: Ticket): number {
  if (a.urgency !== b.urgency) return a.urgency === 'urgent' ? -1 : 1;
  return a.createdAt.localeCompare(b.createdAt);
}

/** Tickets in memory: for tests and single-process use. */
export class MemoryTicketStore implements TicketStore {
  private readonly tickets = new Map<string, Ticket>();

  async create(ticket: NewTicket): Promise<Ticket> {
    const now = new Date().toISOString();
    const created: Ticket = { ...ticket, id: newTicketId(), status: 'open', createdAt: now, updatedAt: now };
    this.tickets.set(created.id, created);
    return structuredClone(created);
  }

  async get(id: string): Promise<Ticket | undefined> {
    const t = this.tickets.get(id);
    return t && structuredClone(t);
  }

  async list(status?: TicketStatus): Promise<Ticket[]> {
    return [...this.tickets.values()].filter((t) => !status || t.status === status).sort(queueOrder).map((t) => structuredClone(t));
  }

  async append(id: string, line: TicketLine): Promise<Ticket | undefined> {
    return this.update(id, (t) => {
      t.transcript.push(line);
      if (t.transcript.length > MAX_TICKET_LINES) t.transcript.splice(0, t.transcript.length - MAX_TICKET_LINES);
    });
  }

  async setStatus(id: string, status: TicketStatus): Promise<Ticket | undefined> {
    return this.update(id, (t) => (t.status = status));
  }

  async setUrgency(id: string, urgency: Urgency): Promise<Ticket | undefined> {
    return this.update(id, (t) => (t.urgency = urgency));
  }

  async claim(id: string, by: Omit<TicketClaim, 'at'>, takeOver: boolean): Promise<ClaimOutcome> {
    const t = this.tickets.get(id);
    if (!t) return { outcome: 'missing' };
    if (t.status === 'closed') return { outcome: 'closed', ticket: structuredClone(t) };
    if (t.status === 'claimed' && t.claimedBy && t.claimedBy.key !== by.key && !takeOver) return { outcome: 'taken', ticket: structuredClone(t) };
    const changed = t.status === 'open' || t.claimedBy?.key !== by.key;
    const ticket = (await this.update(id, (x) => {
      x.status = 'claimed';
      if (changed) x.claimedBy = { ...by, at: new Date().toISOString() };
    }))!;
    return { outcome: 'claimed', ticket, changed };
  }

  async setTeamsThread(id: string, thread: TeamsThread): Promise<void> {
    await this.update(id, (t) => (t.teams = { ...thread }));
  }

  async findByTeamsConversation(conversationId: string): Promise<Ticket | undefined> {
    const t = [...this.tickets.values()].find((x) => x.teams?.conversationId === conversationId);
    return t && structuredClone(t);
  }

  async eraseUser(userKey: string): Promise<number> {
    let n = 0;
    for (const [id, t] of this.tickets) if (t.userKey === userKey && this.tickets.delete(id)) n++;
    return n;
  }

  private async update(id: string, change: (t: Ticket) => void): Promise<Ticket | undefined> {
    const t = this.tickets.get(id);
    if (!t) return undefined;
    change(t);
    t.updatedAt = new Date().toISOString();
    return structuredClone(t);
  }
}
