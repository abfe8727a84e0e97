import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

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
  constructor(private readonly db: Kysely<Database>) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.db.selectFrom('bot_state').select(['key', 'doc', 'etag']).where('key', 'in', keys).execute();
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
        await this.db
          .insertInto('bot_state')
          .values({ key, doc: json, etag, updated_at: now })
          .onConflict((oc) => oc.column('key').doUpdateSet({ doc: json, etag, updated_at: now }))
          .execute();
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
