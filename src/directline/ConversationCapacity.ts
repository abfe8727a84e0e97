import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import { DIRECT_LINE_CHANNEL_ID } from './DirectLineStore';

/** The settings behind `DIRECTLINE_MAX_CONVERSATIONS`, `…_ACTIVE_MINUTES`, `…_IDLE_MINUTES` and `CONVERSATION_TTL_DAYS`. */
export interface CapacityOptions {
  /** Conversations kept at once, all instances together. */
  max: number;
  /** A conversation used more recently than this is never expired to make room. */
  activeMs: number;
  /** Conversations unused this long are purged. */
  idleMs: number;
  /** A conversation with an open helpdesk ticket is kept until unused this long. */
  ticketHoldMs: number;
}

/** Once full, new conversations are refused for this long without asking the database again. */
const FULL_RECHECK_MS = 5000;
/** How long a refused page is asked to wait before trying again (seconds). */
export const FULL_RETRY_AFTER_SECONDS = 30;
/** A conversation neither started nor written to this long after its token was made was abandoned (the page starts at once). */
const UNSTARTED_GRACE_MS = 60_000;
const EXPIRE_BATCH = 100;
const PURGE_BATCH = 1000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * How many web chat conversations the database keeps, and which go. A new conversation is admitted
 * under the cap, or when conversations idle for longer than `activeMs` (or tokens never used to start
 * one, after a minute) can be expired to make room;
 * otherwise it is refused. A conversation used recently, or with an open or claimed helpdesk ticket,
 * is never expired to make room, so a flood of new conversations cannot end anyone's chat.
 */
export class ConversationCapacity {
  private fullUntil = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: CapacityOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when one more conversation may start. */
  async admit(): Promise<boolean> {
    if (this.now() < this.fullUntil) return false;
    const row = await this.db.selectFrom('directline_conversations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    if (Number(row.n) < this.options.max) return true;
    if ((await this.expire(this.options.activeMs, EXPIRE_BATCH, true)) > 0) return true;
    this.fullUntil = this.now() + FULL_RECHECK_MS;
    return false;
  }

  /**
   * Deletes conversations unused for `idleMs`, with what was said in them; one with an open ticket
   * stays until unused for `ticketHoldMs` (staff replies must still reach it). Returns how many went.
   */
  async purgeIdle(): Promise<number> {
    let total = 0;
    for (const [idleMs, keepHeld] of [[this.options.idleMs, true], [this.options.ticketHoldMs, false]] as const) {
      let removed: number;
      do {
        removed = await this.expire(idleMs, PURGE_BATCH, keepHeld);
        total += removed;
      } while (removed === PURGE_BATCH);
    }
    if (total > 0) this.fullUntil = 0;
    return total;
  }

  /** Deletes up to `limit` conversations unused for `idleMs` (or never used at all), oldest first. */
  private async expire(idleMs: number, limit: number, keepHeld: boolean): Promise<number> {
    const cutoff = iso(this.now() - idleMs);
    const abandoned = iso(this.now() - Math.min(idleMs, UNSTARTED_GRACE_MS));
    const idle = (eb: ExpressionBuilder<Database, 'directline_conversations'>) =>
      eb.or([eb('last_active_at', '<', cutoff), eb.and([eb('started', '=', 0), eb('next_seq', '=', 0), eb('last_active_at', '<', abandoned)])]);
    const held = keepHeld ? await this.heldByTickets() : new Set<string>();
    const candidates = await this.db
      .selectFrom('directline_conversations')
      .select('id')
      .where(idle)
      .orderBy('last_active_at')
      .limit(limit + held.size)
      .execute();
    const ids = candidates.map((c) => c.id).filter((id) => !held.has(id)).slice(0, limit);
    if (ids.length === 0) return 0;
    return this.db.transaction().execute(async (trx) => {
      // Checked again in the delete: a conversation used meanwhile (on any instance) stays.
      const gone = await trx.deleteFrom('directline_conversations').where('id', 'in', ids).where(idle).returning('id').execute();
      if (gone.length > 0) await trx.deleteFrom('directline_activities').where('conversation_id', 'in', gone.map((g) => g.id)).execute();
      return gone.length;
    });
  }

  /** Web chat conversations with a helpdesk ticket that is open or claimed. */
  private async heldByTickets(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('tickets').select('reference').where('channel', '=', DIRECT_LINE_CHANNEL_ID).where('status', '<>', 'closed').execute();
    const ids = new Set<string>();
    for (const row of rows) {
      try {
        const id = (JSON.parse(row.reference) as { conversation?: { id?: unknown } }).conversation?.id;
        if (typeof id === 'string') ids.add(id);
      } catch {
        // A reference that is not JSON holds no web chat conversation.
      }
    }
    return ids;
  }
}
