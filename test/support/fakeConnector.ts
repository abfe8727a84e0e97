import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local stand-in for a Bot Framework channel connector: records every activity the bot posts. */
export async function fakeConnector(): Promise<{ url: string; posts: Array<{ path: string; body: any }>; close: () => void; server: Server }> {
  const posts: Array<{ path: string; body: any }> = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body: raw ? JSON.parse(raw) : undefined });
      // restify patches ServerResponse.writeHead (it no longer returns `this`), hence two calls.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: String(posts.length) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts, close: () => server.close(), server };
}
