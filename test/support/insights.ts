import type { BotServices } from '../../src/bot/BotServices';
import { Insights } from '../../src/feedback/Insights';
import { knowledgeStats, type EntryStats } from '../../src/feedback/knowledgeStats';
import { createLogger } from '../../src/log';
import { openDatabase } from '../../src/storage/openDatabase';
import { addDays } from '../../src/usage/day';
import { usageReport, type UsageRow } from '../../src/usage/usageReport';
import { testServices } from './chat';

/** A fixed clock, so stored days never depend on when the tests run. */
export const TODAY = '2027-03-15';

export interface InsightsFixture {
  services: BotServices;
  insights: Insights;
  /** Moves the clock (retention, day boundaries). */
  setToday(day: string): void;
  /** The stats of one entry over the last 30 days. */
  entry(id: string): Promise<EntryStats>;
  usage(): Promise<UsageRow[]>;
  close(): Promise<void>;
}

/** The real bot services plus feedback and usage on a fresh in-memory SQLite database. */
export async function withInsights(retentionDays = 365): Promise<InsightsFixture> {
  const { db } = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: undefined });
  let today = TODAY;
  const insights = new Insights(db, { retentionDays, logger: createLogger('silent'), now: () => new Date(`${today}T12:00:00Z`) });
  const services: BotServices = { ...testServices(), insights };
  const range = () => ({ from: addDays(today, -29), to: today, today });
  return {
    services,
    insights,
    setToday: (day) => (today = day),
    entry: async (id) => (await knowledgeStats(insights, services.kb, range(), services.config.KNOWLEDGE_STALE_DAYS)).find((e) => e.id === id)!,
    usage: () => usageReport(insights, range()),
    close: async () => {
      await insights.close();
      await db.destroy();
    },
  };
}
