import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server } from 'restify';
import { type WebSocket, WebSocketServer } from 'ws';
import { errorSummary, type Logger } from '../log';
import type { ActivitySignal } from './ActivitySignal';
import { type DirectLineStore, MAX_ACTIVITIES_PER_PAGE } from './DirectLineStore';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]{1,100})\/stream$/;
/** Pings find dead connections; open sockets also keep their conversation in use. */
const HEARTBEAT_MS = 30_000;
/** A page reconnecting leaves its old socket behind for a moment; more than this per conversation is abuse. */
const MAX_SOCKETS_PER_CONVERSATION = 3;
/** A client that reads slower than this much pending output is dropped (it reconnects with its watermark). */
const MAX_BUFFERED_BYTES = 1 << 20;

interface Client {
  ws: WebSocket;
  conversationId: string;
  watermark: number;
  alive: boolean;
  busy: boolean;
  again: boolean;
}

/**
 * The WebSocket behind each conversation's `streamUrl`: pushes new activities as Direct Line does,
 * `{"activities": […], "watermark": "N"}`. It hears of new activities through the `ActivitySignal`,
 * so a reply written by any instance reaches a socket open on any other.
 */
export class ActivityStream {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  private readonly clients = new Map<string, Set<Client>>();
  private readonly heartbeat: NodeJS.Timeout;
  private closing = false;

  constructor(
    private readonly server: Server,
    private readonly store: DirectLineStore,
    signal: ActivitySignal,
    private readonly logger: Logger,
  ) {
    signal.subscribe((id) => this.clients.get(id)?.forEach((c) => void this.pump(c)), () => this.resync());
    // restify re-emits the HTTP server's upgrade requests on itself.
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.onUpgrade(req, socket, head));
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS).unref();
  }

  /** Closes every socket as "going away": pages reconnect, to another instance if this one is gone. */
  close(): void {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const set of this.clients.values()) for (const c of set) c.ws.close(1001, 'server restarting');
    this.wss.close();
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    let url: URL;
    let id: string;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) {
        // Someone else may serve WebSockets on other paths; if nobody does, say so instead of hanging.
        if (url.pathname.startsWith('/v3/directline/') || this.server.listenerCount('upgrade') === 1) refuse(socket, 404, 'Not Found');
        return;
      }
      id = decodeURIComponent(match[1]);
    } catch {
      // A malformed URL must not become an exception thrown out of the server's event handler.
      return refuse(socket, 400, 'Bad Request');
    }
    if (this.closing) return refuse(socket, 503, 'Service Unavailable');
    const watermark = Number.parseInt(url.searchParams.get('watermark') ?? '0', 10);
    this.store.byStreamToken(id, url.searchParams.get('t') ?? '').then(
      (conversation) => {
        if (!conversation) return refuse(socket, 401, 'Unauthorized');
        this.wss.handleUpgrade(req, socket, head, (ws) => this.add(ws, id, Number.isFinite(watermark) ? watermark : 0));
      },
      (err) => {
        this.logger.warn({ err: errorSummary(err) }, 'web chat stream could not open');
        refuse(socket, 503, 'Service Unavailable');
      },
    );
  }

  private add(ws: WebSocket, conversationId: string, watermark: number): void {
    const client: Client = { ws, conversationId, watermark, alive: true, busy: false, again: false };
    let set = this.clients.get(conversationId);
    if (!set) this.clients.set(conversationId, (set = new Set()));
    // Terminated, not closed: a client that never answers the close would keep it for 30 s.
    if (set.size >= MAX_SOCKETS_PER_CONVERSATION) set.values().next().value?.ws.terminate();
    set.add(client);
    ws.on('pong', () => (client.alive = true));
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      set.delete(client);
      if (set.size === 0 && this.clients.get(conversationId) === set) this.clients.delete(conversationId);
    });
    void this.pump(client);
  }

  /** Sends what the client has not seen yet; one read at a time per socket, again if signalled meanwhile. */
  private async pump(client: Client): Promise<void> {
    if (client.busy) {
      client.again = true;
      return;
    }
    client.busy = true;
    try {
      do {
        client.again = false;
        const page = await this.store.since(client.conversationId, client.watermark);
        if (client.ws.readyState !== client.ws.OPEN) return;
        if (!page) return client.ws.close(1000, 'conversation ended');
        if (page.activities.length === 0) continue;
        if (client.ws.bufferedAmount > MAX_BUFFERED_BYTES) return client.ws.terminate();
        client.ws.send(JSON.stringify({ activities: page.activities, watermark: String(page.watermark) }));
        client.watermark = page.watermark;
        if (page.activities.length >= MAX_ACTIVITIES_PER_PAGE) client.again = true;
      } while (client.again);
    } catch (err) {
      this.logger.warn({ err: errorSummary(err) }, 'web chat stream could not read activities');
    } finally {
      client.busy = false;
    }
  }

  private resync(): void {
    for (const set of this.clients.values()) for (const c of set) void this.pump(c);
  }

  /** Drops sockets that stopped answering pings, keeps the others' conversations in use, closes expired ones. */
  private async beat(): Promise<void> {
    for (const set of this.clients.values()) {
      for (const c of set) {
        if (!c.alive) c.ws.terminate();
        c.alive = false;
        if (c.ws.readyState === c.ws.OPEN) c.ws.ping();
      }
    }
    const ids = [...this.clients.keys()];
    if (ids.length === 0) return;
    try {
      const live = await this.store.touch(ids);
      for (const id of ids) if (!live.has(id)) this.clients.get(id)?.forEach((c) => c.ws.close(1000, 'token expired'));
    } catch (err) {
      this.logger.warn({ err: errorSummary(err) }, 'web chat streams could not be marked in use');
    }
  }
}

/** Answers an upgrade request with a bare HTTP status and hangs up. */
function refuse(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
