import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, UpdateDeliveryTable } from '../storage/schema';
import type { Engine } from '../storage/openDatabase';

/** One outbox row: one recipient of one update. */
export type Delivery = Selectable<UpdateDeliveryTable>;

/** The lanes the worker sends on, each at its own pace. */
export const LANES = ['whatsapp', 'chat', 'email'] as const;
export type Lane = (typeof LANES)[number];

/** What one send attempt came to. `retry` goes back to the queue with backoff, until the attempts run out. */
export type Outcome =
  | { status: 'sent'; via: 'text' | 'template' | 'email'; language: string; tokenHash?: string }
  | { status: 'failed' | 'skipped'; reason: string }
  | { status: 'retry'; reason: string; /** The channel said "too many requests": the lane slows down. */ throttled?: boolean };

export interface OutboxOptions {
  maxAttempts: number;
  retryBaseMs: number;
}

/**
 * On PostgreSQL each send in flight holds a pooled connection (10 in `openDatabase`) for its lock;
 * at most half of them, so turns and the sends' own reads always find one.
 */
export const MAX_HELD_CONNECTIONS = 5;

const keyOf = (d: Delivery) => `${d.update_id}\u0000${d.recipient_kind}\u0000${d.recipient_id}`;

/**
 * The outbox of updates. A row stays `queued` until its send finished, and its outcome is written
 * in the same step:
 * - on PostgreSQL the row is taken with `SELECT … FOR UPDATE SKIP LOCKED` and stays locked, in its
 *   own transaction, while it is sent. Every instance can run workers: none can take a row another
 *   holds, and if an instance dies its locks go with its connections, so its rows are free at once.
 * - on SQLite (one instance) rows in flight are remembered in memory instead; a transaction held
 *   during a send would stop every other write of the bot.
 * A row whose send was cut off before the channel acknowledged it is sent again; one acknowledged
 * just before a crash, in the moment before its outcome is written, would be too (no channel here
 * accepts an idempotency key).
 */
export class Outbox {
  private readonly inFlight = new Set<string>();
  private free = MAX_HELD_CONNECTIONS;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly options: OutboxOptions,
  ) {}

  /** Takes the next due row of `lane`, sends it with `send`, records the outcome. Undefined when none was due. */
  async next(lane: Lane, now: () => Date, send: (d: Delivery) => Promise<Outcome>): Promise<Outcome | undefined> {
    const due = (db: Kysely<Database>) =>
      db.selectFrom('update_deliveries').selectAll().where('lane', '=', lane).where('status', '=', 'queued').where('next_attempt_at', '<=', now().toISOString()).orderBy('next_attempt_at');
    const record = (db: Kysely<Database>, row: Delivery, outcome: Outcome) =>
      db.updateTable('update_deliveries').set(this.settle(row, outcome, now()))
        .where('update_id', '=', row.update_id).where('recipient_kind', '=', row.recipient_kind).where('recipient_id', '=', row.recipient_id).execute();

    if (this.engine === 'postgresql') {
      await this.holdConnection();
      try {
        return await this.db.transaction().execute(async (trx) => {
          const row = await due(trx).limit(1).forUpdate().skipLocked().executeTakeFirst();
          if (!row) return undefined;
          const outcome = await safely(send, row);
          await record(trx, row, outcome);
          return outcome;
        });
      } finally {
        this.releaseConnection();
      }
    }
    const row = (await due(this.db).limit(this.inFlight.size + 1).execute()).find((d) => !this.inFlight.has(keyOf(d)));
    if (!row) return undefined;
    this.inFlight.add(keyOf(row));
    try {
      const outcome = await safely(send, row);
      await record(this.db, row, outcome);
      return outcome;
    } finally {
      this.inFlight.delete(keyOf(row));
    }
  }

  /** Rows still queued (due or waiting for a retry), over all updates. */
  async queued(): Promise<number> {
    const row = await this.db.selectFrom('update_deliveries').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'queued').executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** When the earliest queued row may be tried. */
  async nextAttemptAt(): Promise<string | undefined> {
    const row = await this.db.selectFrom('update_deliveries').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('status', '=', 'queued').executeTakeFirst();
    return (row?.at as string | null) ?? undefined;
  }

  private async holdConnection(): Promise<void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseConnection(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }

  /** The columns an outcome changes. A retry past the last attempt becomes a failure. */
  private settle(row: Delivery, outcome: Outcome, at: Date): Updateable<UpdateDeliveryTable> {
    const attempts = row.attempts + 1;
    const base = { attempts, updated_at: at.toISOString() };
    switch (outcome.status) {
      case 'sent':
        return { ...base, status: 'sent', via: outcome.via, language: outcome.language, token_hash: outcome.tokenHash ?? null, reason: null };
      case 'failed':
      case 'skipped':
        return { ...base, status: outcome.status, reason: outcome.reason };
      case 'retry': {
        if (attempts >= this.options.maxAttempts) return { ...base, status: 'failed', reason: `${outcome.reason} (gave up after ${attempts} attempts)` };
        const wait = this.options.retryBaseMs * 2 ** (attempts - 1);
        return { ...base, reason: outcome.reason, next_attempt_at: new Date(at.getTime() + wait).toISOString() };
      }
    }
  }
}

/** A send that throws is a temporary failure; the deliverer classifies the errors it knows. */
async function safely(send: (d: Delivery) => Promise<Outcome>, row: Delivery): Promise<Outcome> {
  try {
    return await send(row);
  } catch (err) {
    return { status: 'retry', reason: `unexpected error (${err instanceof Error ? err.name : typeof err})` };
  }
}
