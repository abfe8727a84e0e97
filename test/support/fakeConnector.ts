import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for a Bot Framework channel connector: records every activity the bot posts.
 * Setting `answer.status` to an error (404: the conversation is gone) refuses posts, unrecorded.
 */
export async function fakeConnector(): Promise<{ url: string; posts: Array<{ path: string; body: any }>; close: () => void; server: Server; answer: { status: number } }> {
  const posts: Array<{ path: string; body: any }> = [];
  const answer = { status: 200 };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (answer.status >= 400) {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ error: { code: 'ConversationNotFound', message: 'Conversation not found.' } }));
      }
      posts.push({ path: req.url ?? '', body: raw ? JSON.parse(raw) : undefined });
      // restify patches ServerResponse.writeHead (it no longer returns `this`), hence two calls.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: String(posts.length) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts, close: () => server.close(), server, answer };
}
