import { EventEmitter } from 'node:events';
import type { Ticket, TicketLine } from './Ticket';

/** What happened to a ticket: every console refreshes on these. */
export type TicketSignalKind = 'created' | 'line' | 'claimed' | 'closed' | 'urgent';

/** A change as every bot instance hears of it: the ticket id and what happened, nothing personal. */
export interface TicketSignal {
  id: string;
  kind: TicketSignalKind;
}

/** A change as the instance that made it sees it: the ticket after the change, and the new line if any. */
export interface TicketChange extends TicketSignal {
  ticket: Ticket;
  line?: TicketLine;
}

/** Carries signals to the other bot instances (PostgreSQL `NOTIFY`); absent with one embedded database. */
export interface SignalRelay {
  publish(signal: TicketSignal): void;
  /** Called with each signal another instance published. */
  onSignal(listener: (signal: TicketSignal) => void): void;
  close(): Promise<void>;
}

/**
 * The live queue's event bus. `changed` is heard only by the instance that made the change (so
 * work such as posting to Teams happens once); `signal` by every instance, through the relay.
 */
export class TicketEvents {
  private readonly emitter = new EventEmitter();

  constructor(private readonly relay?: SignalRelay) {
    // Every open console subscribes: the default limit of 10 would warn with a busy helpdesk.
    this.emitter.setMaxListeners(0);
    relay?.onSignal((signal) => this.emitter.emit('signal', signal));
  }

  /** Reports a change made in this instance. Listeners' failures are theirs: they must not throw. */
  changed(change: TicketChange): void {
    this.emitter.emit('change', change);
    const signal = { id: change.id, kind: change.kind };
    this.emitter.emit('signal', signal);
    this.relay?.publish(signal);
  }

  onChange(listener: (change: TicketChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  onSignal(listener: (signal: TicketSignal) => void): () => void {
    this.emitter.on('signal', listener);
    return () => this.emitter.off('signal', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    await this.relay?.close();
  }
}
