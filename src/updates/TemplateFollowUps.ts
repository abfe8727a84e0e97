import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';

/** An update that reached a person only as a WhatsApp template so far. */
export interface WaitingUpdate {
  updateId: string;
  recipientId: string;
}

/** At most this many waiting updates follow one message (the oldest first; the rest with the next). */
export const MAX_FOLLOW_UPS = 3;

/**
 * Outside WhatsApp's 24-hour window an update goes out as a template; its full text follows when
 * the person taps "Read" or writes back. This finds what is waiting for someone and marks it read,
 * once, even when two instances handle two of their messages at the same moment.
 */
export class TemplateFollowUps {
  constructor(private readonly db: Kysely<Database>) {}

  /** Updates sent to this person (by `userKey`) as a template whose text has not followed yet. */
  async waiting(userKey: string): Promise<WaitingUpdate[]> {
    const rows = await this.db
      .selectFrom('update_deliveries as d')
      .innerJoin('chat_subscribers as s', 's.id', 'd.recipient_id')
      .select(['d.update_id', 'd.recipient_id'])
      .where('s.user_key', '=', userKey)
      .where('s.status', '=', 'active')
      .where('d.recipient_kind', '=', 'chat')
      .where('d.status', '=', 'sent')
      .where('d.via', '=', 'template')
      .where('d.read_at', 'is', null)
      .orderBy('d.updated_at')
      .limit(MAX_FOLLOW_UPS)
      .execute();
    return rows.map((r) => ({ updateId: r.update_id, recipientId: r.recipient_id }));
  }

  /** Claims the follow-up: true only for the first caller. */
  async markRead(w: WaitingUpdate, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('update_deliveries')
      .set({ read_at: at.toISOString() })
      .where('update_id', '=', w.updateId)
      .where('recipient_kind', '=', 'chat')
      .where('recipient_id', '=', w.recipientId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** True when this update was sent to this person (a "Read" tap may come again later). */
  async wasSentTo(userKey: string, updateId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('update_deliveries as d')
      .innerJoin('chat_subscribers as s', 's.id', 'd.recipient_id')
      .select('d.update_id')
      .where('s.user_key', '=', userKey)
      .where('s.status', '=', 'active')
      .where('d.update_id', '=', updateId)
      .where('d.status', '=', 'sent')
      .executeTakeFirst();
    return Boolean(row);
  }
}
