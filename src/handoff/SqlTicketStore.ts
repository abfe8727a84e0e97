import type { Kysely, Selectable } from 'kysely';
import type { Lang } from '../knowledge/types';
import type { Database, TicketTable } from '../storage/schema';
import { newTicketId } from './MemoryTicketStore';
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
    ...(row.claimed_by_key && { claimedBy: { key: row.claimed_by_key, name: row.claimed_by_name ?? '', at: row.claimed_at ?? row.updated_at } }),
    ...(row.teams_conversation_id && { teams: { conversationId: row.teams_conversation_id, activityId: row.teams_activity_id ?? '' } }),
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
      claimed_by_key: null,
      claimed_by_name: null,
      claimed_at: null,
      teams_conversation_id: null,
      teams_activity_id: null,
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

  async claim(id: string, by: Omit<TicketClaim, 'at'>, takeOver: boolean): Promise<ClaimOutcome> {
    const now = new Date().toISOString();
    // Whether this person already held it (not from the times: two claims may fall in one millisecond).
    const before = await this.get(id);
    const heldAlready = before?.status === 'claimed' && before.claimedBy?.key === by.key;
    // One conditional UPDATE: of two staff claiming at once, exactly one changes the row.
    const result = await this.db
      .updateTable('tickets')
      .set((eb) => ({
        status: 'claimed',
        // A repeated claim by the same person keeps the time they first took it.
        claimed_at: eb.case().when(eb.and([eb('claimed_by_key', '=', by.key), eb('status', '=', 'claimed')])).then(eb.ref('claimed_at')).else(now).end(),
        claimed_by_key: by.key,
        claimed_by_name: by.name,
        updated_at: now,
      }))
      .where('id', '=', id)
      .where('status', '!=', 'closed')
      .$if(!takeOver, (q) => q.where((eb) => eb.or([eb('status', '=', 'open'), eb('claimed_by_key', 'is', null), eb('claimed_by_key', '=', by.key)])))
      .executeTakeFirst();
    const ticket = await this.get(id);
    if (!ticket) return { outcome: 'missing' };
    if (Number(result.numUpdatedRows) === 1) return { outcome: 'claimed', ticket, changed: !heldAlready };
    return { outcome: ticket.status === 'closed' ? 'closed' : 'taken', ticket };
  }

  async setTeamsThread(id: string, thread: TeamsThread): Promise<void> {
    await this.db
      .updateTable('tickets')
      .set({ teams_conversation_id: thread.conversationId, teams_activity_id: thread.activityId })
      .where('id', '=', id)
      .execute();
  }

  async findByTeamsConversation(conversationId: string): Promise<Ticket | undefined> {
    const row = await this.db.selectFrom('tickets').selectAll().where('teams_conversation_id', '=', conversationId).executeTakeFirst();
    return row && fromRow(row);
  }

  async eraseUser(userKey: string): Promise<number> {
    const result = await this.db.deleteFrom('tickets').where('user_key', '=', userKey).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
