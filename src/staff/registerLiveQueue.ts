import type { Response, Server } from 'restify';
import type { TicketEvents } from '../handoff/TicketEvents';
import { requireStaff } from './StaffGate';

/** A comment line now and then keeps proxies and browsers from closing an idle stream. */
const KEEP_ALIVE_MS = 25_000;

/** Open event streams, so shutdown can end them. */
export interface LiveQueue {
  close(): void;
}

/**
 * `GET /api/staff/events`: the live queue as server-sent events. Each `ticket` event says which
 * ticket changed and how (`created`, `line`, `claimed`, `closed`, `urgent`) — never its content;
 * the console then fetches what it shows through the API, with the same checks as any request.
 * Signals from other bot instances arrive through the database (see `PgSignalRelay`).
 */
export function registerLiveQueue(server: Server, events: TicketEvents): LiveQueue {
  const open = new Set<Response>();
  server.get('/api/staff/events', (req, res, next) => {
    if (!requireStaff(req, res)) return next(false);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // A browser that lost the stream reconnects after this many milliseconds, and then refreshes.
    res.write('retry: 2000\n\n');
    const unsubscribe = events.onSignal((signal) => res.write(`event: ticket\ndata: ${JSON.stringify(signal)}\n\n`));
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    open.add(res);
    const stop = () => {
      unsubscribe();
      clearInterval(keepAlive);
      open.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
    return next(false);
  });
  return {
    close() {
      for (const res of open) res.end();
    },
  };
}
