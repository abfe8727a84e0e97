import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TeamsCall {
  method: string;
  path: string;
  body: any;
  /** What the fake answered (for a new thread: its conversation id and the card's activity id). */
  answer: { id: string; activityId?: string };
}

/**
 * A stand-in for the Bot Connector service Teams runs: starting a conversation in a channel
 * answers a thread id (`<channel>;messageid=<n>`) and the card's activity id, as Teams does;
 * every call is recorded.
 */
export async function fakeTeamsConnector() {
  const calls: TeamsCall[] = [];
  let next = 1000;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : undefined;
      const path = decodeURIComponent(req.url ?? '');
      const id = String(next++);
      const answer = path.replace(/\/+$/, '') === '/v3/conversations' && req.method === 'POST' ? { id: `${body.channelData.channel.id};messageid=${id}`, activityId: id } : { id };
      calls.push({ method: req.method ?? '', path, body, answer });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, close: () => server.close() };
}

/** Waits until `check` returns something (the bot posts to Teams after the person's turn). */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, tries = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = await check();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Never happened: ${what}`);
}
