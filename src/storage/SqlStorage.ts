import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema';

/** Markers compiled into the prepared queries, replaced by the real values at each call. */
const SLOT = { key: '\u0000key', doc: '\u0000doc', etag: '\u0000etag', updated_at: '\u0000updated_at' } as const;

function fill(query: CompiledQuery, values: Record<string, string>): CompiledQuery {
  return CompiledQuery.raw(query.sql, query.parameters.map((p) => (typeof p === 'string' && p in values ? values[p] : p)));
}

/** Thrown when a write names an eTag that is no longer current (someone else wrote first). */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super('The state document was changed by another writer (eTag mismatch).');
  }
}

/**
 * Bot Framework `Storage` on the SQL database, so conversation and user state survive restarts and
 * are shared between instances. Writes with a specific eTag only succeed if it is still current;
 * `*` or no eTag is last-writer-wins, as Bot Framework state expects. Nothing is cached.
 */
export class SqlStorage implements Storage {
  /** The two queries of every turn, built once: Kysely's query builder costs more than the query itself. */
  private readonly readOne: CompiledQuery;
  private readonly upsert: CompiledQuery;

  constructor(private readonly db: Kysely<Database>) {
    this.readOne = db.selectFrom('bot_state').select(['key', 'doc', 'etag']).where('key', '=', SLOT.key).compile();
    const values = { key: SLOT.key, doc: SLOT.doc, etag: SLOT.etag, updated_at: SLOT.updated_at };
    this.upsert = db
      .insertInto('bot_state')
      .values(values)
      .onConflict((oc) => oc.column('key').doUpdateSet({ doc: SLOT.doc, etag: SLOT.etag, updated_at: SLOT.updated_at }))
      .compile();
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows =
      keys.length === 1
        ? (await this.db.executeQuery<{ key: string; doc: string; etag: string }>(fill(this.readOne, { [SLOT.key]: keys[0] }))).rows
        : await this.db.selectFrom('bot_state').select(['key', 'doc', 'etag']).where('key', 'in', keys).execute();
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...JSON.parse(row.doc), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const now = new Date().toISOString();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...doc } = (item ?? {}) as { eTag?: string };
      const etag = randomUUID();
      const json = JSON.stringify(doc);
      if (eTag && eTag !== '*') {
        const result = await this.db
          .updateTable('bot_state')
          .set({ doc: json, etag, updated_at: now })
          .where('key', '=', key)
          .where('etag', '=', eTag)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new ETagConflictError(key);
      } else {
        await this.db.executeQuery(fill(this.upsert, { [SLOT.key]: key, [SLOT.doc]: json, [SLOT.etag]: etag, [SLOT.updated_at]: now }));
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.deleteFrom('bot_state').where('key', 'in', keys).execute();
  }

  /** Deletes conversation state idle for longer than `days` (user state — language choice — is kept). */
  async purgeIdleConversations(days: number): Promise<number> {
    const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
    const result = await this.db
      .deleteFrom('bot_state')
      .where('key', 'like', '%/conversations/%')
      .where('updated_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
