import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { CompiledQuery, type Kysely } from 'kysely';
import type { JsonDocuments } from './JsonDocuments';
import type { Database } from './schema';

/** Reads and upserts of up to this many documents are compiled once and kept. */
const MAX_PRECOMPILED = 4;

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
 * `readJson`/`writeJson` hand documents over as stored JSON text (see `JsonDocuments`).
 */
export class SqlStorage implements Storage, JsonDocuments {
  /**
   * The queries of every turn (read one or two documents, upsert one or two), built once per size:
   * Kysely's query builder costs more than the query itself.
   */
  private readonly reads = new Map<number, CompiledQuery>();
  private readonly upserts = new Map<number, CompiledQuery>();

  constructor(private readonly db: Kysely<Database>) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const row of await this.rows(keys)) items[row.key] = { ...JSON.parse(row.doc), eTag: row.etag };
    return items;
  }

  async readJson(keys: string[]): Promise<Map<string, string>> {
    return new Map((await this.rows(keys)).map((row) => [row.key, row.doc]));
  }

  async writeJson(docs: Map<string, string>): Promise<void> {
    if (docs.size === 0) return;
    const now = new Date().toISOString();
    const values: unknown[] = [];
    for (const [key, json] of docs) values.push(key, json, randomUUID(), now);
    await this.db.executeQuery(CompiledQuery.raw(this.upsertQuery(docs.size).sql, values));
  }

  /**
   * Writes documents. One with a specific eTag is written only if that eTag is still current;
   * the others (eTag `*` or none) are upserted together in one statement.
   */
  async write(changes: StoreItems): Promise<void> {
    const lastWriterWins = new Map<string, string>();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...doc } = (item ?? {}) as { eTag?: string };
      const json = JSON.stringify(doc);
      if (!eTag || eTag === '*') {
        lastWriterWins.set(key, json);
        continue;
      }
      const result = await this.db
        .updateTable('bot_state')
        .set({ doc: json, etag: randomUUID(), updated_at: new Date().toISOString() })
        .where('key', '=', key)
        .where('etag', '=', eTag)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new ETagConflictError(key);
    }
    await this.writeJson(lastWriterWins);
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

  private async rows(keys: string[]): Promise<Array<{ key: string; doc: string; etag: string }>> {
    if (keys.length === 0) return [];
    const query = this.readQuery(keys.length);
    return (await this.db.executeQuery<{ key: string; doc: string; etag: string }>(CompiledQuery.raw(query.sql, keys))).rows;
  }

  /** `select … where key in (?, …)` for `n` keys; parameters: the keys. */
  private readQuery(n: number): CompiledQuery {
    let query = this.reads.get(n);
    if (!query) {
      query = this.db.selectFrom('bot_state').select(['key', 'doc', 'etag']).where('key', 'in', Array(n).fill('')).compile();
      if (n <= MAX_PRECOMPILED) this.reads.set(n, query);
    }
    return query;
  }

  /** An upsert of `n` rows; parameters: key, doc, etag, updated_at of each row in turn. */
  private upsertQuery(n: number): CompiledQuery {
    let query = this.upserts.get(n);
    if (!query) {
      query = this.db
        .insertInto('bot_state')
        .values(Array.from({ length: n }, () => ({ key: '', doc: '', etag: '', updated_at: '' })))
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({ doc: eb.ref('excluded.doc'), etag: eb.ref('excluded.etag'), updated_at: eb.ref('excluded.updated_at') })),
        )
        .compile();
      if (n <= MAX_PRECOMPILED) this.upserts.set(n, query);
    }
    return query;
  }
}
