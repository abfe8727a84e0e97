import { createHash, randomBytes } from 'node:crypto';
import type { InsightsDb } from '../feedback/feedbackTables';
import type { Day } from './day';

/** Hex characters kept of a visitor hash: plenty to tell a day's visitors apart. */
const HASH_CHARS = 32;

/**
 * Keyed hashes that count distinct people and conversations per day without a lasting identity:
 * each day has its own random salt in the shared database (so every instance hashes alike), and
 * salts of earlier days are deleted, after which nobody can tell whose a stored hash was.
 */
export class DailySalt {
  private current?: { day: Day; salt: string };

  constructor(
    private readonly db: InsightsDb,
    private readonly today: () => Day,
  ) {}

  /** The visitor hash of `key` (already a one-way key such as `userKey`) for `day`. */
  async hash(day: Day, key: string): Promise<string> {
    const salt = await this.saltFor(day);
    return createHash('sha256').update(salt).update('\u0000').update(key).digest('hex').slice(0, HASH_CHARS);
  }

  /** Deletes the salts of days before today (also done whenever today's salt is made). */
  async forgetPast(): Promise<void> {
    await this.db.deleteFrom('usage_salts').where('day', '<', this.today()).execute();
  }

  private async saltFor(day: Day): Promise<string> {
    if (this.current?.day === day) return this.current.salt;
    const stored = await this.stored(day);
    if (stored) return this.remember(day, stored);
    // A late write for a day whose salt is already gone: a throwaway salt, never stored, so nothing
    // can link it (at worst one person is counted twice that day).
    if (day < this.today()) return randomBytes(16).toString('hex');
    await this.db.insertInto('usage_salts').values({ day, salt: randomBytes(16).toString('hex') }).onConflict((oc) => oc.column('day').doNothing()).execute();
    await this.forgetPast();
    return this.remember(day, (await this.stored(day))!);
  }

  private async stored(day: Day): Promise<string | undefined> {
    return (await this.db.selectFrom('usage_salts').select('salt').where('day', '=', day).executeTakeFirst())?.salt;
  }

  private remember(day: Day, salt: string): string {
    if (day === this.today()) this.current = { day, salt };
    return salt;
  }
}
