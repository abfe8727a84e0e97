import type { Kysely } from 'kysely';
import { errorSummary, type Logger } from '../log';
import type { Database } from '../storage/schema';
import { DailySalt } from '../usage/DailySalt';
import { addDays, type Day, dayOf } from '../usage/day';
import { UsageRecorder } from '../usage/UsageRecorder';
import { FeedbackStore } from './FeedbackStore';
import type { InsightsDb, InsightTables } from './feedbackTables';
import { SuggestionStore } from './SuggestionStore';

/** Usage counts are written this often (and before every report, and at shutdown). */
export const USAGE_WRITE_EVERY_MS = 5000;
/** Rows past retention are deleted at start and then this often. */
const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

/** How long to keep what is learnt, where to log, and the clock. */
export interface InsightsOptions {
  retentionDays: number;
  logger: Logger;
  /** The clock (tests move it to check retention). */
  now?: () => Date;
}

/**
 * What the bot learns from use: votes on answers, suggested alternates and usage counts, on the
 * shared database, kept `FEEDBACK_RETENTION_DAYS`. Counts only, apart from masked suggestions.
 */
export class Insights {
  readonly db: InsightsDb;
  readonly feedback: FeedbackStore;
  readonly suggestions: SuggestionStore;
  readonly usage: UsageRecorder;
  private readonly salt: DailySalt;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly now: () => Date;

  constructor(
    db: Kysely<Database>,
    private readonly options: InsightsOptions,
  ) {
    this.db = db.withTables<InsightTables>() as unknown as InsightsDb;
    this.now = options.now ?? (() => new Date());
    this.feedback = new FeedbackStore(this.db);
    this.suggestions = new SuggestionStore(this.db);
    this.salt = new DailySalt(this.db, () => this.today());
    this.usage = new UsageRecorder(this.db, this.salt, options.logger);
  }

  /** Today in UTC, the day everything counted now is filed under. */
  today(): Day {
    return dayOf(this.now());
  }

  /** Purges once, then writes usage and purges on timers that never keep the process alive. */
  async start(): Promise<void> {
    await this.purge();
    this.timers.push(setInterval(() => void this.usage.flush(), USAGE_WRITE_EVERY_MS).unref());
    this.timers.push(setInterval(() => void this.purge(), PURGE_EVERY_MS).unref());
  }

  /** Deletes what is older than the retention period, and the visitor salts of past days. */
  async purge(): Promise<void> {
    const before = addDays(this.today(), -this.options.retentionDays);
    try {
      const votes = await this.feedback.purgeBefore(before);
      const suggestions = await this.suggestions.purgeBefore(before);
      let counts = 0;
      for (const table of ['entry_answers', 'usage_daily', 'usage_visitors'] as const) {
        counts += Number((await this.db.deleteFrom(table).where('day', '<', before).executeTakeFirst()).numDeletedRows);
      }
      await this.salt.forgetPast();
      if (votes + suggestions + counts > 0) this.options.logger.info({ votes, suggestions, counts, before }, 'feedback and usage past retention deleted');
    } catch (err) {
      this.options.logger.warn({ err: errorSummary(err) }, 'feedback retention purge failed; retried later');
    }
  }

  /** Stops the timers and writes the last counts (before the database closes). */
  async close(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await this.usage.flush();
  }
}
