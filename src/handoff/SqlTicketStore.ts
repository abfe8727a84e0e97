import type { Kysely, Selectable } from 'kysely';
import type { Lang } from '../knowledge/types';
import type { Database, TicketTable } from '../storage/schema';
import { newTicketId } from './MemoryTicketStore';
import { MAX_TICKET_LINES, type NewTicket, type Ticket, type TicketLine, type TicketStatus, type TicketStore, type Urgency } from './Ticket';

function fromRow(row: Selectable<TicketTable>): Ticket {
  return {
    id: row.id,
    reference: JSON.parse(row.reference),
    channel: row.channel,
    lang: row.lang as Lang,
    topic: row.topic ?? undefined,
    urgency: row.urgency,
    status: row.status,
    transcript: JSON.parse(row.transcript),
    userKey: row.user_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Tickets in the shared database, so every bot instance and the staff console see the same queue. */
export class SqlTicketStore implements TicketStore {
  /** `lockRows`: PostgreSQL needs `FOR UPDATE` so two instances appending at once lose nothing; SQLite serialises writers anyway. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly lockRows: boolean,
  ) {}

  async create(ticket: NewTicket): Promise<Ticket> {
    const now = new Date().toISOString();
    const row = {
      id: newTicketId(),
      reference: JSON.stringify(ticket.reference),
      channel: ticket.channel,
      lang: ticket.lang,
      topic: ticket.topic ?? null,
      urgency: ticket.urgency,
      status: 'open' as const,
      transcript: JSON.stringify(ticket.transcript),
      user_key: ticket.userKey,
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('tickets').values(row).execute();
    return fromRow(row);
  }

  async get(id: string): Promise<Ticket | undefined> {
    const row = await this.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  async list(status?: TicketStatus): Promise<Ticket[]> {
    let query = this.db.selectFrom('tickets').selectAll();
    if (status) query = query.where('status', '=', status);
    // 'normal' sorts after 'urgent'
    const rows = await query.orderBy('urgency', 'desc').orderBy('created_at', 'asc').limit(500).execute();
    return rows.map(fromRow);
  }

  async append(id: string, line: TicketLine): Promise<Ticket | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const select = trx.selectFrom('tickets').selectAll().where('id', '=', id);
      const row = await (this.lockRows ? select.forUpdate() : select).executeTakeFirst();
      if (!row) return undefined;
      const transcript: TicketLine[] = JSON.parse(row.transcript);
      transcript.push(line);
      if (transcript.length > MAX_TICKET_LINES) transcript.splice(0, transcript.length - MAX_TICKET_LINES);
      const updated = { ...row, transcript: JSON.stringify(transcript), updated_at: new Date().toISOString() };
      await trx.updateTable('tickets').set({ transcript: updated.transcript, updated_at: updated.updated_at }).where('id', '=', id).execute();
      return fromRow(updated);
    });
  }

  async setStatus(id: string, status: TicketStatus): Promise<Ticket | undefined> {
    await this.db.updateTable('tickets').set({ status, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    return this.get(id);
  }

  async setUrgency(id: string, urgency: Urgency): Promise<Ticket | undefined> {
    await this.db.updateTable('tickets').set({ urgency, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    return this.get(id);
  }

  async eraseUser(userKey: string): Promise<number> {
    const result = await this.db.deleteFrom('tickets').where('user_key', '=', userKey).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
