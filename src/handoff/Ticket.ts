import type { ConversationReference } from 'botbuilder';
import type { Lang } from '../knowledge/types';

export type TicketStatus = 'open' | 'claimed' | 'closed';
export type Urgency = 'urgent' | 'normal';

/** One line of a ticket's transcript; text is masked (no e-mail addresses or phone numbers). */
export interface TicketLine {
  from: 'user' | 'bot' | 'staff';
  text: string;
  at: string;
  /** For staff lines: who wrote it (a display name) and where (console, teams, api). */
  author?: string;
  via?: string;
}

/** Who holds a claimed ticket. */
export interface TicketClaim {
  /** The staff member's stable key (see `StaffIdentity.key`). */
  key: string;
  name: string;
  at: string;
}

/** The ticket's card in the staff Teams channel and the thread under it. */
export interface TeamsThread {
  conversationId: string;
  activityId: string;
}

/** What a claim attempt found: the ticket is now the claimer's, or someone else's, or closed, or unknown. */
export type ClaimOutcome =
  | { outcome: 'claimed'; ticket: Ticket; /** False when it was already theirs. */ changed: boolean }
  | { outcome: 'taken'; ticket: Ticket }
  | { outcome: 'closed'; ticket: Ticket }
  | { outcome: 'missing' };

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
  /** Set while claimed (and kept once closed, for the record). */
  claimedBy?: TicketClaim;
  teams?: TeamsThread;
  /** Hash of channel + user id, so "forget me" can erase this person's tickets. */
  userKey: string;
  createdAt: string;
  updatedAt: string;
}

export type NewTicket = Omit<Ticket, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'claimedBy' | 'teams'>;

/** Where tickets live. The in-memory store is for tests; the SQL store shares tickets between instances. */
export interface TicketStore {
  create(ticket: NewTicket): Promise<Ticket>;
  get(id: string): Promise<Ticket | undefined>;
  /** Urgent first, then oldest first. */
  list(status?: TicketStatus): Promise<Ticket[]>;
  append(id: string, line: TicketLine): Promise<Ticket | undefined>;
  setStatus(id: string, status: TicketStatus): Promise<Ticket | undefined>;
  setUrgency(id: string, urgency: Urgency): Promise<Ticket | undefined>;
  /**
   * Claims the ticket for `by` in one step, so two staff pressing Claim at once cannot both win:
   * it succeeds when the ticket is open, already theirs, or `takeOver` is set; never on a closed one.
   */
  claim(id: string, by: Omit<TicketClaim, 'at'>, takeOver: boolean): Promise<ClaimOutcome>;
  /** Remembers where the ticket's card was posted in the staff Teams channel. */
  setTeamsThread(id: string, thread: TeamsThread): Promise<void>;
  /** The ticket whose Teams thread this conversation id is, if any. */
  findByTeamsConversation(conversationId: string): Promise<Ticket | undefined>;
  eraseUser(userKey: string): Promise<number>;
}

/** Keeps tickets readable for staff: at most this many transcript lines. */
export const MAX_TICKET_LINES = 200;
