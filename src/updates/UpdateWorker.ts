import { setMaxListeners } from 'node:events';
import type { Config } from '../config';
import { errorSummary, type Logger } from '../log';
import { type Delivery, type Lane, LANES, type Outbox, type Outcome } from './Outbox';
import { Pacer, sleep } from './Pacer';
import type { UpdateStore } from './UpdateStore';

/** A lane told "too many requests" waits at least this long (or the retry base, if shorter). */
const THROTTLE_PAUSE_MS = 2000;

export interface WorkerDeps {
  store: UpdateStore;
  outbox: Outbox;
  deliver: (d: Delivery) => Promise<Outcome>;
  config: Pick<Config, 'UPDATES_POLL_MS' | 'UPDATES_CONCURRENCY' | 'UPDATES_RETRY_BASE_MS' | 'UPDATES_WHATSAPP_PER_SECOND' | 'UPDATES_CHAT_PER_SECOND' | 'UPDATES_EMAIL_PER_SECOND'>;
  logger: Logger;
  now?: () => Date;
}

/**
 * Sends updates in the background: starts scheduled updates when their time comes, and runs
 * `UPDATES_CONCURRENCY` loops per lane (WhatsApp, chat, e-mail), each taking the next due outbox
 * row at its lane's pace. Idle loops look again every `UPDATES_POLL_MS`, or at once when nudged.
 * Safe on every instance at the same time (see `Outbox`).
 */
export class UpdateWorker {
  private readonly pacers: Record<Lane, Pacer>;
  private readonly now: () => Date;
  private running = false;
  private loops: Promise<void>[] = [];
  private stopping = new AbortController();
  /** Idle loops waiting for their next look; a nudge wakes them all. */
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly deps: WorkerDeps) {
    const c = deps.config;
    this.now = deps.now ?? (() => new Date());
    this.pacers = { whatsapp: new Pacer(c.UPDATES_WHATSAPP_PER_SECOND), chat: new Pacer(c.UPDATES_CHAT_PER_SECOND), email: new Pacer(c.UPDATES_EMAIL_PER_SECOND) };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = new AbortController();
    // Every loop waits on this one signal at times; more than Node's default of 10 is expected.
    setMaxListeners(0, this.stopping.signal);
    this.loops = [this.schedule(), ...LANES.flatMap((lane) => Array.from({ length: this.deps.config.UPDATES_CONCURRENCY }, () => this.send(lane)))];
  }

  /** Wakes idle loops: an update was just queued. */
  nudge(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  /** Stops taking rows; waits for sends in flight (at most `graceMs`; an unfinished row is sent again later). */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopping.abort();
    this.nudge();
    await Promise.race([Promise.allSettled(this.loops), sleep(graceMs)]);
  }

  /** Starts every scheduled update whose time has come (once, whichever instance gets there first). */
  async startDue(): Promise<void> {
    for (const id of await this.deps.store.due(this.now())) {
      const recipients = await this.deps.store.queue(id, this.now());
      if (recipients !== undefined) this.deps.logger.info({ update: id, recipients }, 'update started');
    }
  }

  /**
   * Sends everything queued now, waiting for retries, without the background loops and their pace:
   * for tests and one-off tools. Returns when no row is queued any more.
   */
  async runUntilIdle(): Promise<void> {
    for (;;) {
      await this.startDue();
      let progressed = false;
      await Promise.all(LANES.map(async (lane) => {
        while (await this.deps.outbox.next(lane, this.now, this.deps.deliver)) progressed = true;
      }));
      if ((await this.deps.outbox.queued()) === 0) return;
      if (!progressed) {
        const next = await this.deps.outbox.nextAttemptAt();
        await sleep(Math.min(Math.max(10, (next ? Date.parse(next) : 0) - this.now().getTime()), 1000));
      }
    }
  }

  private async schedule(): Promise<void> {
    while (this.running) {
      try {
        await this.startDue();
      } catch (err) {
        this.deps.logger.warn({ err: errorSummary(err) }, 'could not start due updates');
      }
      await this.idle();
    }
  }

  private async send(lane: Lane): Promise<void> {
    const pacer = this.pacers[lane];
    while (this.running) {
      await pacer.take(this.stopping.signal);
      if (!this.running) break;
      let outcome: Outcome | undefined;
      try {
        outcome = await this.deps.outbox.next(lane, this.now, this.deps.deliver);
      } catch (err) {
        // The database is unreachable: the row (if any) stays queued; try again after a pause.
        this.deps.logger.warn({ err: errorSummary(err), lane }, 'update delivery step failed');
      }
      if (!outcome) await this.idle();
      else if (outcome.status === 'retry' && outcome.throttled) pacer.pause(Math.min(THROTTLE_PAUSE_MS, this.deps.config.UPDATES_RETRY_BASE_MS));
    }
  }

  private idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.deps.config.UPDATES_POLL_MS);
      this.sleepers.add(wake);
    });
  }
}
