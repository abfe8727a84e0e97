import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Kysely, Selectable } from 'kysely';
import type { Database, DirectLineConversationTable } from '../storage/schema';
import type { ActivitySignal } from './ActivitySignal';

/** The channelId of web chat conversations (in activities, conversation references and tickets). */
export const DIRECT_LINE_CHANNEL_ID = 'directline';

/** Bounds that keep an endpoint open to the internet from growing without limit. */
export const TOKEN_TTL_SECONDS = 30 * 60;
/** A `streamUrl` must be opened this soon; reconnecting asks for a new one. */
export const STREAM_TOKEN_TTL_SECONDS = 120;
export const MAX_ACTIVITIES_PER_CONVERSATION = 500;
/** Activities per answer (poll or socket message); the next watermark fetches the rest. */
export const MAX_ACTIVITIES_PER_PAGE = 100;
/** Reads mark a conversation as in use at most this often: a write per poll would be wasted. */
const TOUCH_EVERY_MS = 30_000;

/** A web chat conversation as the endpoint sees it. */
export interface DirectLineConversation {
  id: string;
  locale?: string;
  started: boolean;
  /** When its current token expires (ms since the epoch). */
  tokenExpires: number;
}

/** Activities after a watermark, and the watermark to ask with next. */
export interface ActivityPage {
  activities: Partial<Activity>[];
  watermark: number;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const iso = (ms: number) => new Date(ms).toISOString();

function fromRow(row: Selectable<DirectLineConversationTable>): DirectLineConversation {
  return { id: row.id, locale: row.locale ?? undefined, started: Number(row.started) === 1, tokenExpires: Date.parse(row.token_expires_at) };
}

/**
 * Web chat conversations, their tokens and what was said, in the shared database: a conversation
 * started on one instance goes on through any other and after a restart. Tokens are kept only as
 * SHA-256 hashes. Each activity gets the conversation's next sequence number; the watermark is that
 * number, so it means the same on every instance.
 */
export class DirectLineStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly signal: ActivitySignal,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new conversation and its token. Capacity is checked before (`ConversationCapacity`). */
  async create(locale?: string): Promise<{ conversation: DirectLineConversation; token: string }> {
    const token = newToken();
    const row = {
      id: randomUUID(),
      token_hash: hash(token),
      token_expires_at: iso(this.now() + TOKEN_TTL_SECONDS * 1000),
      stream_token_hash: null,
      stream_expires_at: null,
      locale: locale ?? null,
      started: 0,
      next_seq: 0,
      created_at: iso(this.now()),
      last_active_at: iso(this.now()),
    };
    await this.db.insertInto('directline_conversations').values(row).execute();
    return { conversation: fromRow(row), token };
  }

  /** The conversation a token opens, if the token is valid and unexpired. */
  async byToken(token: string): Promise<DirectLineConversation | undefined> {
    const row = await this.db
      .selectFrom('directline_conversations')
      .selectAll()
      .where('token_hash', '=', hash(token))
      .where('token_expires_at', '>', iso(this.now()))
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /** Replaces a conversation's token with a fresh one (the old one stops working). */
  async refresh(id: string): Promise<{ token: string; tokenExpires: number }> {
    const token = newToken();
    const tokenExpires = this.now() + TOKEN_TTL_SECONDS * 1000;
    await this.db
      .updateTable('directline_conversations')
      .set({ token_hash: hash(token), token_expires_at: iso(tokenExpires), last_active_at: iso(this.now()) })
      .where('id', '=', id)
      .execute();
    return { token, tokenExpires };
  }

  /** Marks the conversation started; true only for the one caller (on any instance) that did it. */
  async markStarted(id: string): Promise<boolean> {
    const result = await this.db.updateTable('directline_conversations').set({ started: 1 }).where('id', '=', id).where('started', '=', 0).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** A new short-lived token for the conversation's `streamUrl`. */
  async streamToken(id: string): Promise<string> {
    const token = newToken();
    await this.db
      .updateTable('directline_conversations')
      .set({ stream_token_hash: hash(token), stream_expires_at: iso(this.now() + STREAM_TOKEN_TTL_SECONDS * 1000) })
      .where('id', '=', id)
      .execute();
    return token;
  }

  /** The conversation a `streamUrl` token opens, while both it and the conversation's token are valid. */
  async byStreamToken(id: string, token: string): Promise<DirectLineConversation | undefined> {
    const now = iso(this.now());
    const row = await this.db
      .selectFrom('directline_conversations')
      .selectAll()
      .where('id', '=', id)
      .where('stream_token_hash', '=', hash(token))
      .where('stream_expires_at', '>', now)
      .where('token_expires_at', '>', now)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /**
   * Appends activities (the person's or the bot's) and returns their ids; undefined when the
   * conversation no longer exists. Numbering and writing happen in one transaction: the row lock
   * makes concurrent appends on several instances take turns, so numbers are never read out of order.
   */
  async append(id: string, activities: Partial<Activity>[]): Promise<string[] | undefined> {
    if (activities.length === 0) return [];
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('directline_conversations')
        .set((eb) => ({ next_seq: eb('next_seq', '+', activities.length), last_active_at: iso(now) }))
        .where('id', '=', id)
        .returning('next_seq')
        .executeTakeFirst();
      if (!row) return undefined;
      const first = Number(row.next_seq) - activities.length;
      const ids = activities.map((_, i) => activityId(id, first + i));
      const rows = activities.map((activity, i) => ({
        conversation_id: id,
        seq: first + i,
        activity: JSON.stringify({ ...activity, id: ids[i], conversation: { id }, timestamp: iso(now) }),
      }));
      await trx.insertInto('directline_activities').values(rows).execute();
      const keepFrom = first + activities.length - MAX_ACTIVITIES_PER_CONVERSATION;
      if (keepFrom > 0) await trx.deleteFrom('directline_activities').where('conversation_id', '=', id).where('seq', '<', keepFrom).execute();
      await this.signal.notify(trx, id);
      return ids;
    });
  }

  /** Activities from a watermark on; undefined when the conversation no longer exists. */
  async since(id: string, watermark: number): Promise<ActivityPage | undefined> {
    const conversation = await this.db
      .selectFrom('directline_conversations')
      .select(['next_seq', 'last_active_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!conversation) return undefined;
    // A watermark from the future (made up, or from before a restore) would hide everything said next.
    const from = Math.min(Math.max(0, watermark), Number(conversation.next_seq));
    const rows = await this.db
      .selectFrom('directline_activities')
      .select(['seq', 'activity'])
      .where('conversation_id', '=', id)
      .where('seq', '>=', from)
      .orderBy('seq')
      .limit(MAX_ACTIVITIES_PER_PAGE)
      .execute();
    if (Date.parse(conversation.last_active_at) < this.now() - TOUCH_EVERY_MS) await this.touch([id]);
    const last = rows[rows.length - 1];
    return { activities: rows.map((r) => JSON.parse(r.activity)), watermark: last ? Number(last.seq) + 1 : from };
  }

  /** Marks conversations as in use (open sockets); returns those whose token is still valid. */
  async touch(ids: string[]): Promise<Set<string>> {
    const live = new Set<string>();
    const now = iso(this.now());
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .updateTable('directline_conversations')
        .set({ last_active_at: now })
        .where('id', 'in', ids.slice(i, i + 500))
        .where('token_expires_at', '>', now)
        .returning('id')
        .execute();
      for (const row of rows) live.add(row.id);
    }
    return live;
  }
}

/** Activity ids carry the sequence number, zero-padded so they also sort as text. */
function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}
