import { randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, UpdateTable } from '../storage/schema';
import { WHATSAPP_CHANNEL_ID } from '../whatsapp/WhatsAppConnector';
import type { UpdateInput, UpdateTexts } from './updateInput';

export type UpdateStatus = UpdateTable['status'];

/** An update as stored: texts parsed. */
export interface Update {
  id: string;
  texts: UpdateTexts;
  status: UpdateStatus;
  sendAt: string;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
}

/** What happened to an edit or a cancel: only a scheduled update can change. */
export type ChangeResult = 'changed' | 'started' | 'missing';

const toUpdate = (row: Selectable<UpdateTable>): Update => ({
  id: row.id,
  texts: JSON.parse(row.texts) as UpdateTexts,
  status: row.status,
  sendAt: row.send_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  startedAt: row.started_at,
});

/** A literal in a SELECT list that PostgreSQL can type (a bare parameter there has no type). */
const text = (value: string) => sql<string>`cast(${value} as text)`;

/**
 * Updates staff write, and the moment they start: queueing turns an update into one outbox row per
 * active subscriber (in the chat or by e-mail) in one transaction, so an update is queued entirely
 * or not at all, and only once even when every instance tries at the same time.
 */
export class UpdateStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: UpdateInput, now: Date): Promise<Update> {
    const at = now.toISOString();
    const sendAt = input.sendAt && input.sendAt > at ? input.sendAt : at;
    const row = { id: randomBytes(5).toString('hex'), texts: JSON.stringify(input.texts), status: 'scheduled' as const, send_at: sendAt, created_at: at, updated_at: at, started_at: null };
    await this.db.insertInto('updates').values(row).execute();
    return toUpdate(row);
  }

  async get(id: string): Promise<Update | undefined> {
    const row = await this.db.selectFrom('updates').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUpdate(row);
  }

  /** Newest first. */
  async list(limit = 100): Promise<Update[]> {
    return (await this.db.selectFrom('updates').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()).map(toUpdate);
  }

  /** New texts or time, only while it has not started. */
  async edit(id: string, input: UpdateInput, now: Date): Promise<ChangeResult> {
    const at = now.toISOString();
    const sendAt = input.sendAt && input.sendAt > at ? input.sendAt : at;
    return this.change(id, { texts: JSON.stringify(input.texts), send_at: sendAt, updated_at: at });
  }

  /** Called off, only while it has not started. */
  async cancel(id: string, now: Date): Promise<ChangeResult> {
    return this.change(id, { status: 'cancelled', updated_at: now.toISOString() });
  }

  /** Scheduled updates whose time has come. */
  async due(now: Date): Promise<string[]> {
    const rows = await this.db.selectFrom('updates').select('id').where('status', '=', 'scheduled').where('send_at', '<=', now.toISOString()).orderBy('send_at').execute();
    return rows.map((r) => r.id);
  }

  /**
   * Starts an update: one queued row per active subscriber. Returns how many were queued, or
   * undefined when the update was not scheduled any more (another instance started it, or it was cancelled).
   */
  async queue(id: string, now: Date): Promise<number | undefined> {
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const started = await trx.updateTable('updates').set({ status: 'started', started_at: at, updated_at: at }).where('id', '=', id).where('status', '=', 'scheduled').executeTakeFirst();
      if (Number(started.numUpdatedRows) !== 1) return undefined;
      const columns = ['update_id', 'recipient_kind', 'recipient_id', 'channel', 'lane', 'language', 'status', 'attempts', 'next_attempt_at', 'updated_at'] as const;
      const chat = await trx
        .insertInto('update_deliveries')
        .columns(columns)
        .expression(
          trx
            .selectFrom('chat_subscribers')
            .select([
              text(id).as('update_id'), text('chat').as('recipient_kind'), 'id', 'channel',
              sql<string>`case when channel = ${WHATSAPP_CHANNEL_ID} then 'whatsapp' else 'chat' end`.as('lane'),
              'language', text('queued').as('status'), sql<number>`0`.as('attempts'), text(at).as('next_attempt_at'), text(at).as('updated_at'),
            ])
            .where('status', '=', 'active'),
        )
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      const email = await trx
        .insertInto('update_deliveries')
        .columns(columns)
        .expression(
          trx
            .selectFrom('subscriptions')
            .select([
              text(id).as('update_id'), text('email').as('recipient_kind'), 'id', text('email').as('channel'), text('email').as('lane'),
              'language', text('queued').as('status'), sql<number>`0`.as('attempts'), text(at).as('next_attempt_at'), text(at).as('updated_at'),
            ])
            .where('status', '=', 'active'),
        )
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(chat.numInsertedOrUpdatedRows ?? 0n) + Number(email.numInsertedOrUpdatedRows ?? 0n);
    });
  }

  private async change(id: string, set: Partial<Selectable<UpdateTable>>): Promise<ChangeResult> {
    const result = await this.db.updateTable('updates').set(set).where('id', '=', id).where('status', '=', 'scheduled').executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return 'changed';
    return (await this.get(id)) ? 'started' : 'missing';
  }
}
