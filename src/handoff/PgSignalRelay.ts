import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { errorSummary, type Logger } from '../log';
import type { SignalRelay, TicketSignal, TicketSignalKind } from './TicketEvents';

const CHANNEL = 'handoff_events';
const KINDS: readonly TicketSignalKind[] = ['created', 'line', 'claimed', 'closed', 'urgent'];
/** Reconnecting waits grow from 1 s to this, so a database restart is not hammered. */
const MAX_RETRY_MS = 30_000;

/**
 * Ticket signals between bot instances over PostgreSQL `LISTEN`/`NOTIFY`: a notification carries
 * only a ticket id and what happened. One dedicated connection listens and reconnects on its own;
 * a signal missed while it is down is made good by the console's next full refresh.
 */
export class PgSignalRelay implements SignalRelay {
  /** Tells this instance's own notifications apart: it has already emitted them locally. */
  private readonly origin = randomUUID();
  private listener?: Client;
  private closed = false;
  private retryMs = 1000;
  private retry?: NodeJS.Timeout;
  private readonly listeners: Array<(signal: TicketSignal) => void> = [];

  private constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  /** Connects the listening connection (and keeps it connected) before returning. */
  static async start(url: string, logger: Logger): Promise<PgSignalRelay> {
    const relay = new PgSignalRelay(url, logger);
    await relay.connect();
    return relay;
  }

  publish(signal: TicketSignal): void {
    const payload = JSON.stringify({ ...signal, origin: this.origin });
    const client = this.listener;
    if (!client) return;
    // The listening connection can send too: NOTIFY is a plain statement.
    client.query('select pg_notify($1, $2)', [CHANNEL, payload]).catch((err: unknown) => {
      this.logger.warn({ err: errorSummary(err) }, 'ticket signal not sent to other instances');
    });
  }

  onSignal(listener: (signal: TicketSignal) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.listener?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { Client: PgClient } = await import('pg');
    const client = new PgClient({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => this.receive(message.payload));
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch (err) {
      client.end().catch(() => undefined);
      throw err;
    }
    this.listener = client;
    this.retryMs = 1000;
  }

  private lost(client: Client): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    client.end().catch(() => undefined);
    this.logger.warn({ retryInMs: this.retryMs }, 'ticket signal listener lost its database connection');
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.closed) return;
      this.connect().catch(() => {
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
        this.reconnectLater();
      });
    }, this.retryMs);
    this.retry.unref();
  }

  private receive(payload: string | undefined): void {
    let parsed: { id?: unknown; kind?: unknown; origin?: unknown };
    try {
      parsed = JSON.parse(payload ?? '');
    } catch {
      return;
    }
    if (parsed.origin === this.origin || typeof parsed.id !== 'string' || !KINDS.includes(parsed.kind as TicketSignalKind)) return;
    const signal = { id: parsed.id, kind: parsed.kind as TicketSignalKind };
    for (const listener of this.listeners) listener(signal);
  }
}
