import { sql } from 'kysely';
import type { Lang } from '../knowledge/types';
import { maskPersonalData } from '../privacy/maskPersonalData';
import { foldText } from '../text/foldText';
import type { Day } from '../usage/day';
import type { InsightsDb } from './feedbackTables';

/** Longer questions are cut: an alternate is a phrasing, not a story. */
export const MAX_SUGGESTION_CHARS = 300;

/** A real question that "did you mean" resolved to an entry, with how often it was asked. */
export interface Suggestion {
  entryId: string;
  lang: Lang;
  /** Masked: e-mail addresses and phone numbers are replaced before anything is stored. */
  text: string;
  count: number;
  lastSeen: Day;
}

/**
 * Candidate alternates from real traffic (Azure question answering calls this active learning):
 * the masked question, the entry the person picked, and a count. Askings that read the same after
 * folding (case, accents, punctuation) are one suggestion.
 */
export class SuggestionStore {
  constructor(private readonly db: InsightsDb) {}

  async record(question: string, entryId: string, lang: Lang, day: Day): Promise<void> {
    const text = maskPersonalData(question).trim().slice(0, MAX_SUGGESTION_CHARS);
    const folded = foldText(text);
    if (!folded) return;
    await this.db
      .insertInto('knowledge_suggestions')
      .values({ key: `${entryId}|${lang}|${folded}`, entry_id: entryId, lang, text, count: 1, last_seen: day })
      .onConflict((oc) => oc.column('key').doUpdateSet({ count: sql`knowledge_suggestions.count + 1`, text, last_seen: day }))
      .execute();
  }

  /** Every suggestion, most asked first. */
  async list(): Promise<Suggestion[]> {
    const rows = await this.db.selectFrom('knowledge_suggestions').selectAll().orderBy('count', 'desc').orderBy('last_seen', 'desc').limit(2000).execute();
    return rows.map((r) => ({ entryId: r.entry_id, lang: r.lang as Lang, text: r.text, count: Number(r.count), lastSeen: r.last_seen }));
  }

  /** Deletes suggestions last seen before `day` (retention); returns how many. */
  async purgeBefore(day: Day): Promise<number> {
    const result = await this.db.deleteFrom('knowledge_suggestions').where('last_seen', '<', day).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
