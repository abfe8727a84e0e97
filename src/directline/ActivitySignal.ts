import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';

/** Hears that a conversation has new activities. */
export type ActivityListener = (conversationId: string) => void;

/**
 * Tells every instance's open WebSockets that a conversation has new activities. The store calls
 * `notify` inside the transaction that wrote them, so nobody hears before the activities can be read.
 */
export interface ActivitySignal {
  notify(trx: Kysely<Database>, conversationId: string): Promise<void>;
  /** `listener` hears each conversation with new activities; `resync` runs when some may have been missed. */
  subscribe(listener: ActivityListener, resync: () => void): void;
  close(): Promise<void>;
}

/** One process on its own database (embedded SQLite): the signal never leaves the process. */
export class LocalSignal implements ActivitySignal {
  private readonly events = new EventEmitter().setMaxListeners(0);

  async notify(_trx: Kysely<Database>, conversationId: string): Promise<void> {
    // After the current transaction has committed: listeners read what it wrote.
    setImmediate(() => this.events.emit('activity', conversationId));
  }

  subscribe(listener: ActivityListener): void {
    this.events.on('activity', listener);
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
  }
}
