import { sql } from 'kysely';
import type { InsightsDb, UsageCount, UsageVisitorTable } from '../feedback/feedbackTables';
import { USAGE_COUNTS } from '../feedback/feedbackTables';
import { errorSummary, type Logger } from '../log';
import type { DailySalt } from './DailySalt';
import type { Day } from './day';

/** Rows per insert statement (SQLite limits the number of parameters of one statement). */
const ROWS_PER_STATEMENT = 100;

/** What one turn adds to the counts. `person` and `conversation` are one-way keys, hashed again per day. */
export interface TurnUsage {
  day: Day;
  lang: string;
  channel: string;
  counts: Partial<Record<UsageCount, number>>;
  /** Entries given as answers in this turn. */
  entries: string[];
  person?: string;
  conversation?: string;
}

type Counts = Record<UsageCount, number>;
const zero = (): Counts => ({ turns: 0, answers: 0, clarifications: 0, fallbacks: 0, handoffs: 0, emergencies: 0 });

/**
 * Counts usage in memory and writes it in one transaction every few seconds (and before a report is
 * read, and at shutdown), so a turn never waits for these writes. Counts are added to what is stored
 * (`count = count + n`), so several instances can share the database. A failed write keeps the counts
 * for the next one: nothing is lost while the database is briefly away.
 */
export class UsageRecorder {
  private daily = new Map<string, { day: Day; lang: string; channel: string; counts: Counts }>();
  private visitors = new Map<string, { day: Day; lang: string; channel: string; kind: 'person' | 'conversation'; key: string }>();
  private answers = new Map<string, { day: Day; entry: string; lang: string; channel: string; count: number }>();
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: InsightsDb,
    private readonly salt: DailySalt,
    private readonly logger: Logger,
  ) {}

  /** Adds one turn to the counts (no I/O). */
  record(usage: TurnUsage): void {
    const { day, lang, channel } = usage;
    const at = `${day}|${lang}|${channel}`;
    let row = this.daily.get(at);
    if (!row) this.daily.set(at, (row = { day, lang, channel, counts: zero() }));
    for (const name of USAGE_COUNTS) row.counts[name] += usage.counts[name] ?? 0;
    for (const kind of ['person', 'conversation'] as const) {
      const key = usage[kind];
      if (key) this.visitors.set(`${at}|${kind}|${key}`, { day, lang, channel, kind, key });
    }
    for (const entry of usage.entries) {
      const answer = this.answers.get(`${at}|${entry}`);
      if (answer) answer.count += 1;
      else this.answers.set(`${at}|${entry}`, { day, entry, lang, channel, count: 1 });
    }
  }

  /** Writes what was counted so far; resolves once written (or kept for the next try). */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    if (this.daily.size + this.visitors.size + this.answers.size === 0) return;
    const [daily, visitors, answers] = [this.daily, this.visitors, this.answers];
    [this.daily, this.visitors, this.answers] = [new Map(), new Map(), new Map()];
    try {
      const hashed: UsageVisitorTable[] = [];
      for (const v of visitors.values()) hashed.push({ day: v.day, lang: v.lang, channel: v.channel, kind: v.kind, hash: await this.salt.hash(v.day, v.key) });
      await this.db.transaction().execute(async (trx) => {
        for (const rows of chunks([...daily.values()].map((r) => ({ day: r.day, lang: r.lang, channel: r.channel, ...r.counts })))) {
          await trx
            .insertInto('usage_daily')
            .values(rows)
            .onConflict((oc) =>
              oc.columns(['day', 'lang', 'channel']).doUpdateSet(Object.fromEntries(USAGE_COUNTS.map((n) => [n, sql`usage_daily.${sql.ref(n)} + excluded.${sql.ref(n)}`]))),
            )
            .execute();
        }
        for (const rows of chunks(hashed)) {
          await trx.insertInto('usage_visitors').values(rows).onConflict((oc) => oc.doNothing()).execute();
        }
        const answerRows = [...answers.values()].map((a) => ({ day: a.day, entry_id: a.entry, lang: a.lang, channel: a.channel, count: a.count }));
        for (const rows of chunks(answerRows)) {
          await trx
            .insertInto('entry_answers')
            .values(rows)
            .onConflict((oc) => oc.columns(['day', 'entry_id', 'lang', 'channel']).doUpdateSet({ count: sql`entry_answers.count + excluded.count` }))
            .execute();
        }
      });
    } catch (err) {
      this.logger.warn({ err: errorSummary(err) }, 'usage counts not written yet; kept for the next try');
      for (const r of daily.values()) this.record({ day: r.day, lang: r.lang, channel: r.channel, counts: r.counts, entries: [] });
      for (const [key, v] of visitors) this.visitors.set(key, v);
      for (const [key, a] of answers) {
        const now = this.answers.get(key);
        if (now) now.count += a.count;
        else this.answers.set(key, a);
      }
    }
  }
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}
