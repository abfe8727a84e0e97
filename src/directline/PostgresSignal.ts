import { type Kysely, sql } from 'kysely';
import { Client } from 'pg';
import { errorSummary, type Logger } from '../log';
import type { Database } from '../storage/schema';
import type { ActivityListener, ActivitySignal } from './ActivitySignal';

const CHANNEL = 'directline_activity';
/** Waits between attempts to get the listening connection back, in milliseconds. */
const RECONNECT_DELAYS = [500, 1000, 2000, 5000, 10_000];

/**
 * Several instances on one PostgreSQL: `NOTIFY` inside the writing transaction (delivered at commit, to
 * every instance), one `LISTEN` connection per instance. When that connection drops it comes back by
 * itself and every open socket is checked once, so nothing said meanwhile is missed.
 */
export class PostgresSignal implements ActivitySignal {
  private client?: Client;
  private closed = false;
  private attempt = 0;
  private timer?: NodeJS.Timeout;
  private readonly listeners: ActivityListener[] = [];
  private readonly resyncs: Array<() => void> = [];

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {}

  /** Starts listening; resolves once listening (or after the first failure, retrying in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  async notify(trx: Kysely<Database>, conversationId: string): Promise<void> {
    await sql`select pg_notify(${CHANNEL}, ${conversationId})`.execute(trx);
  }

  subscribe(listener: ActivityListener, resync: () => void): void {
    this.listeners.push(listener);
    this.resyncs.push(resync);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5000 });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      for (const listener of this.listeners) listener(message.payload);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      this.logger.warn({ err: errorSummary(err) }, 'web chat: cannot listen for new activities yet; retrying');
      this.lost(client);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.attempt > 0) this.logger.info('web chat: listening for new activities again');
    this.attempt = 0;
    for (const resync of this.resyncs) resync();
  }

  private lost(client: Client): void {
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.client === client) this.client = undefined;
    if (this.closed || this.timer) return;
    const delay = RECONNECT_DELAYS[Math.min(this.attempt, RECONNECT_DELAYS.length - 1)];
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, delay).unref();
  }
}
