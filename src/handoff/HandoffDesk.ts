import { NotDeliverableError, SentAsTemplateError } from '../bot/Proactive';
import type { I18n } from '../i18n/i18n';
import { errorSummary, type Logger } from '../log';
import type { StaffIdentity } from '../staff/StaffIdentity';
import type { DeliverToPerson } from './deliverToPerson';
import type { StaffAudit } from './StaffAudit';
import type { Ticket, TicketStore } from './Ticket';

/** The longest message staff may send a person (from any surface). */
export const MAX_STAFF_MESSAGE = 2000;

/** Why the desk could not do what staff asked; each surface says it its own way (HTTP status, Teams reply). */
export type DeskProblem = 'missing' | 'closed' | 'taken' | 'undeliverable' | 'template' | 'failed';

export type DeskResult = { ok: true; ticket: Ticket } | { ok: false; problem: DeskProblem; message: string; ticket?: Ticket };

const MISSING: DeskResult = { ok: false, problem: 'missing', message: 'No ticket with this id.' };
const closed = (ticket: Ticket): DeskResult => ({ ok: false, problem: 'closed', message: 'This ticket is closed.', ticket });
const taken = (ticket: Ticket): DeskResult => ({
  ok: false,
  problem: 'taken',
  message: `${ticket.claimedBy?.name ?? 'Someone'} has taken this ticket. Take it over to reply.`,
  ticket,
});

/**
 * What staff do to a ticket — claim, reply, close — the same from the console, the API and the
 * Teams channel: each action is checked (a ticket taken by a colleague stays theirs unless taken
 * over), done, and recorded in the audit with the staff member's name.
 */
export class HandoffDesk {
  constructor(
    private readonly deps: { tickets: TicketStore; audit: StaffAudit; deliver: DeliverToPerson; i18n: I18n; logger: Logger },
  ) {}

  async claim(id: string, staff: StaffIdentity, takeOver = false): Promise<DeskResult> {
    const result = await this.deps.tickets.claim(id, { key: staff.key, name: staff.name }, takeOver);
    if (result.outcome === 'missing') return MISSING;
    if (result.outcome === 'closed') return closed(result.ticket);
    if (result.outcome === 'taken') return taken(result.ticket);
    if (result.changed) await this.deps.audit.record(id, 'claim', staff);
    return { ok: true, ticket: result.ticket };
  }

  /** Delivers a staff message to the person; an open ticket becomes the sender's. Nothing is recorded unless it arrived. */
  async reply(id: string, staff: StaffIdentity, text: string, takeOver = false): Promise<DeskResult> {
    const { tickets, i18n } = this.deps;
    const ticket = await tickets.get(id);
    if (!ticket) return MISSING;
    if (ticket.status === 'closed') return closed(ticket);
    if (ticket.status === 'claimed' && ticket.claimedBy && ticket.claimedBy.key !== staff.key && !takeOver) return taken(ticket);
    try {
      await this.deps.deliver(ticket, { kind: 'staff', title: i18n.t(ticket.lang, 'handoff.staffPrefix'), text });
    } catch (err) {
      return this.undelivered(err, ticket);
    }
    await tickets.append(id, { from: 'staff', text, at: new Date().toISOString(), author: staff.name, via: staff.via });
    const claimed = await this.claim(id, staff, true);
    await this.deps.audit.record(id, 'reply', staff);
    return claimed.ok ? claimed : { ok: true, ticket: (await tickets.get(id)) ?? ticket };
  }

  /** Closes the ticket and tells the person the bot is back (a failure to tell them is logged, the ticket stays closed). */
  async close(id: string, staff: StaffIdentity): Promise<DeskResult> {
    const { tickets, i18n, logger } = this.deps;
    const ticket = await tickets.get(id);
    if (!ticket) return MISSING;
    if (ticket.status === 'closed') return closed(ticket);
    const updated = (await tickets.setStatus(id, 'closed')) ?? ticket;
    await this.deps.audit.record(id, 'close', staff);
    try {
      await this.deps.deliver(ticket, { kind: 'handoff', text: i18n.t(ticket.lang, 'handoff.closedByStaff') }, (convo) => {
        if (convo.ticketId === id) convo.ticketId = undefined;
      });
    } catch (err) {
      logger.warn({ err: errorSummary(err), ticket: id }, 'could not tell the person the ticket was closed');
    }
    return { ok: true, ticket: updated };
  }

  private undelivered(err: unknown, ticket: Ticket): DeskResult {
    if (err instanceof NotDeliverableError) return { ok: false, problem: 'undeliverable', message: err.reason, ticket };
    if (err instanceof SentAsTemplateError) return { ok: false, problem: 'template', message: err.message, ticket };
    this.deps.logger.warn({ err: errorSummary(err), ticket: ticket.id }, 'staff message not delivered');
    return { ok: false, problem: 'failed', message: 'The message could not be delivered to the conversation. Try again later.', ticket };
  }
}
