import type { ConversationReference } from 'botbuilder';
import type { Lang } from '../knowledge/types';

export type TicketStatus = 'open' | 'claimed' | 'closed';
export type Urgency = 'urgent' | 'normal';

/** One line of a ticket's transcript; text is masked (no e-mail addresses or phone numbers). */
export interface TicketLine {
  from: 'user' | 'bot' | 'staff';
  text: string;
  at: string;
}

/** A request for a person, as staff see it. */
export interface Ticket {
  /** Short, readable id (e.g. "K7P2QX"). */
  id: string;
  /** Where to reply later (proactive messages). */
  reference: Partial<ConversationReference>;
  channel: string;
  lang: Lang;
  /** The knowledge-base entry the bot thinks the conversation is about, if any. */
  topic?: string;
  urgency: Urgency;
  status: TicketStatus;
  transcript: TicketLine[];
  /** Hash of channel + user id, so "forget me" can erase this person's tickets. */
  userKey: string;
  createdAt: string;
  updatedAt: string;
}

export type NewTicket = Omit<Ticket, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

/** Where tickets live. The in-memory store is for tests; the SQL store shares tickets between instances. */
export interface TicketStore {
  create(ticket: NewTicket): Promise<Ticket>;
  get(id: string): Promise<Ticket | undefined>;
  /** Urgent first, then oldest first. */
  list(status?: TicketStatus): Promise<Ticket[]>;
  append(id: string, line: TicketLine): Promise<Ticket | undefined>;
  setStatus(id: string, status: TicketStatus): Promise<Ticket | undefined>;
  setUrgency(id: string, urgency: Urgency): Promise<Ticket | undefined>;
  eraseUser(userKey: string): Promise<number>;
}

/** Keeps tickets readable for staff: at most this many transcript lines. */
export const MAX_TICKET_LINES = 200;
