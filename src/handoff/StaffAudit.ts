import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StaffIdentity } from '../staff/StaffIdentity';
import type { Database } from '../storage/schema';

export type AuditAction = 'claim' | 'reply' | 'close';

/** One thing a staff member did to a ticket, as staff and auditors see it. */
export interface AuditEntry {
  ticketId: string;
  action: AuditAction;
  name: string;
  email?: string;
  teamsId?: string;
  via: string;
  at: string;
}

/**
 * Who claimed, replied to or closed which ticket, and when: kept in its own table so it outlives
 * changes to the ticket. Staff e-mail addresses live here and in the staff API, never in logs.
 */
export class StaffAudit {
  constructor(private readonly db: Kysely<Database>) {}

  async record(ticketId: string, action: AuditAction, staff: StaffIdentity): Promise<void> {
    await this.db
      .insertInto('staff_audit')
      .values({
        id: randomUUID(),
        ticket_id: ticketId,
        action,
        staff_key: staff.key,
        staff_name: staff.name,
        staff_email: staff.email ?? null,
        staff_teams_id: staff.teamsId ?? null,
        via: staff.via,
        at: new Date().toISOString(),
      })
      .execute();
  }

  /** A ticket's entries, oldest first. */
  async forTicket(ticketId: string): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('staff_audit').selectAll().where('ticket_id', '=', ticketId).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({
      ticketId: r.ticket_id,
      action: r.action,
      name: r.staff_name,
      ...(r.staff_email && { email: r.staff_email }),
      ...(r.staff_teams_id && { teamsId: r.staff_teams_id }),
      via: r.via,
      at: r.at,
    }));
  }
}
