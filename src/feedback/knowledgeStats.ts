import { sql } from 'kysely';
import { type KnowledgeBase, type KnowledgeEntry, type Lang, LANGUAGES } from '../knowledge/types';
import { addDays, type Day } from '../usage/day';
import type { DayRange } from '../usage/DayRange';
import { REASONS, type Reason } from './feedbackTables';
import type { Insights } from './Insights';

/** Answers and votes of one entry in one language. */
export interface LanguageStats {
  answered: number;
  helpful: number;
  unhelpful: number;
}

/** One entry's use and helpfulness over a range of days (`GET /api/staff/knowledge/stats`). */
export interface EntryStats {
  id: string;
  topic: string;
  /** The English question (another language's when English has none), for people to read. */
  question: string;
  answered: number;
  helpful: number;
  unhelpful: number;
  reasons: Record<Reason, number>;
  byLanguage: Record<Lang, LanguageStats>;
  /** The last day it was given as an answer, up to the end of the range (within retention); null if never. */
  lastAnswered: Day | null;
  /** The oldest review date among its languages. */
  reviewed: Day;
  /** Reviewed longer ago than the stale limit, or marked "out of date" by someone after its review. */
  stale: boolean;
}

const int = (value: unknown) => Number(value ?? 0);

/** Every entry of the knowledge base, also those never answered, in the knowledge base's order. */
export async function knowledgeStats(insights: Insights, kb: KnowledgeBase, range: DayRange, staleDays: number): Promise<EntryStats[]> {
  await insights.usage.flush();
  const { db } = insights;
  const answered = await db
    .selectFrom('entry_answers')
    .select(['entry_id', 'lang', sql<number>`sum(count)`.as('n')])
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .groupBy(['entry_id', 'lang'])
    .execute();
  const last = await db.selectFrom('entry_answers').select(['entry_id', sql<string>`max(day)`.as('day')]).where('day', '<=', range.to).groupBy('entry_id').execute();
  const votes = await db
    .selectFrom('feedback_votes')
    .select(['entry_id', 'lang', 'vote', 'reason', sql<number>`count(*)`.as('n')])
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .groupBy(['entry_id', 'lang', 'vote', 'reason'])
    .execute();
  const outOfDate = await db
    .selectFrom('feedback_votes')
    .select(['entry_id', sql<string>`max(day)`.as('day')])
    .where('reason', '=', 'out-of-date')
    .where('day', '<=', range.to)
    .groupBy('entry_id')
    .execute();

  const lastDay = new Map(last.map((r) => [r.entry_id, r.day]));
  const lastOutOfDay = new Map(outOfDate.map((r) => [r.entry_id, r.day]));
  const stats = new Map<string, EntryStats>();
  for (const entries of entriesById(kb)) {
    const reviewed = entries.map((e) => e.reviewed).sort()[0];
    const lastOutOfDate = lastOutOfDay.get(entries[0].id);
    stats.set(entries[0].id, {
      id: entries[0].id,
      topic: entries[0].topic,
      question: entries[0].question,
      answered: 0,
      helpful: 0,
      unhelpful: 0,
      reasons: Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<Reason, number>,
      byLanguage: Object.fromEntries(LANGUAGES.map((l) => [l, { answered: 0, helpful: 0, unhelpful: 0 }])) as Record<Lang, LanguageStats>,
      lastAnswered: lastDay.get(entries[0].id) ?? null,
      reviewed,
      stale: reviewed < addDays(range.today, -staleDays) || (lastOutOfDate !== undefined && lastOutOfDate >= reviewed),
    });
  }
  for (const row of answered) {
    const entry = stats.get(row.entry_id);
    if (!entry) continue;
    entry.answered += int(row.n);
    const lang = entry.byLanguage[row.lang as Lang];
    if (lang) lang.answered += int(row.n);
  }
  for (const row of votes) {
    const entry = stats.get(row.entry_id);
    if (!entry) continue;
    const key = row.vote === 'up' ? 'helpful' : 'unhelpful';
    entry[key] += int(row.n);
    const lang = entry.byLanguage[row.lang as Lang];
    if (lang) lang[key] += int(row.n);
    if (row.reason) entry.reasons[row.reason] += int(row.n);
  }
  return [...stats.values()];
}

/** Each id's entries, the English one first; ids in the order the files list them. */
function entriesById(kb: KnowledgeBase): KnowledgeEntry[][] {
  const ids = [...new Set(LANGUAGES.flatMap((lang) => [...kb.entries[lang].keys()]))];
  return ids.map((id) => LANGUAGES.map((lang) => kb.entries[lang].get(id)).filter((e): e is KnowledgeEntry => e !== undefined));
}
