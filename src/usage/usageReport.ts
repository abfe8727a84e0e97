import { sql } from 'kysely';
import { USAGE_COUNTS, type UsageCount } from '../feedback/feedbackTables';
import type { Insights } from '../feedback/Insights';
import type { DayRange } from './DayRange';

/** One day, language and channel kind of use (`GET /api/staff/usage`). */
export type UsageRow = { day: string; lang: string; channel: string; people: number; conversations: number } & Record<UsageCount, number>;

/** The CSV and API column order. */
export const USAGE_COLUMNS = ['day', 'lang', 'channel', 'turns', 'people', 'conversations', 'answers', 'clarifications', 'fallbacks', 'handoffs', 'emergencies'] as const;

/**
 * Turns, people and conversations (distinct per day, language and channel kind), answers,
 * clarifications, fallbacks, handoffs and emergencies, per day, language and channel kind; days with
 * no use are left out. A person who wrote in two languages on one day is counted once in each.
 */
export async function usageReport(insights: Insights, range: DayRange): Promise<UsageRow[]> {
  await insights.usage.flush();
  const { db } = insights;
  const counts = await db.selectFrom('usage_daily').selectAll().where('day', '>=', range.from).where('day', '<=', range.to).execute();
  const visitors = await db
    .selectFrom('usage_visitors')
    .select(['day', 'lang', 'channel', 'kind', sql<number>`count(*)`.as('n')])
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .groupBy(['day', 'lang', 'channel', 'kind'])
    .execute();
  const rows = new Map<string, UsageRow>();
  const rowFor = (day: string, lang: string, channel: string) => {
    const key = `${day}|${lang}|${channel}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { day, lang, channel, people: 0, conversations: 0, ...Object.fromEntries(USAGE_COUNTS.map((n) => [n, 0])) } as UsageRow));
    return row;
  };
  for (const c of counts) {
    const row = rowFor(c.day, c.lang, c.channel);
    for (const name of USAGE_COUNTS) row[name] += Number(c[name]);
  }
  for (const v of visitors) rowFor(v.day, v.lang, v.channel)[v.kind === 'person' ? 'people' : 'conversations'] += Number(v.n);
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.lang.localeCompare(b.lang) || a.channel.localeCompare(b.channel));
}
