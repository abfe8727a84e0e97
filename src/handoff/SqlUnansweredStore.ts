import { type Kysely, sql } from 'kysely';
import type { Lang } from '../knowledge/types';
import { maskPersonalData } from '../privacy/maskPersonalData';
import type { Database } from '../storage/schema';
import { unansweredKey, type UnansweredQuestion, type UnansweredStore } from './UnansweredStore';

/** Unanswered questions in the shared database, counted atomically across instances. */
export class SqlUnansweredStore implements UnansweredStore {
  constructor(private readonly db: Kysely<Database>) {}

  async record(text: string, lang: Lang): Promise<void> {
    const now = new Date().toISOString();
    const masked = maskPersonalData(text).slice(0, 500);
    await this.db
      .insertInto('unanswered')
      .values({ key: unansweredKey(text, lang), text: masked, lang, count: 1, last_seen: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ count: sql`unanswered.count + 1`, text: masked, last_seen: now }))
      .execute();
  }

  async list(): Promise<UnansweredQuestion[]> {
    const rows = await this.db.selectFrom('unanswered').selectAll().orderBy('count', 'desc').orderBy('last_seen', 'desc').limit(500).execute();
    return rows.map((r) => ({ text: r.text, lang: r.lang as Lang, count: Number(r.count), lastSeen: r.last_seen }));
  }
}
