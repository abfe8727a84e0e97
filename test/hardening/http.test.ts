import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startApp } from '../support/httpApp';

const activity = (extra: Record<string, unknown> = {}) => ({
  type: 'message',
  deliveryMode: 'expectReplies',
  channelId: 'emulator',
  serviceUrl: 'http://localhost:9',
  conversation: { id: `c-${Math.random()}` },
  from: { id: 'u1' },
  recipient: { id: 'bot' },
  text: 'how many internal migrants are there',
  ...extra,
});

/** A fake Bot Framework connector that records what the bot posts to it. */
async function fakeConnector(): Promise<{ url: string; posts: string[]; close: () => void; server: Server }> {
  const posts: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      posts.push(`${req.method} ${req.url} ${body}`);
      // restify patches ServerResponse.writeHead (it no longer returns `this`), hence two calls.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posts, close: () => server.close(), server };
}

describe('/api/messages under bad input', () => {
  let server: Awaited<ReturnType<typeof startApp>>;
  before(async () => {
    server = await startApp();
  });
  after(async () => server.stop());

  const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body as BodyInit });

  for (const [name, body] of [
    ['not JSON', 'hello'],
    ['a JSON list', '[]'],
    ['an empty object', '{}'],
    ['an activity without type', JSON.stringify({ ...activity(), type: undefined })],
    ['broken JSON', '{"type": "message", '],
  ] as const) {
    it(`answers ${name} with a 400 and a short reason, no internals`, async () => {
      const res = await post(body);
      assert.equal(res.status, 400);
      const text = await res.text();
      assert.ok(text.length < 200, text);
      assert.doesNotMatch(text, /at |\/work\/|node_modules|Unexpected token|SyntaxError/);
    });
  }

  it('refuses a 5 MB body with 413', async () => {
    const res = await post(JSON.stringify(activity({ text: 'x'.repeat(5 * 1024 * 1024) })));
    assert.equal(res.status, 413);
  });

  it('refuses any compressed body with 415, even a gzip bomb, and stays up', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const res = await post(bomb, { 'content-encoding': 'gzip' });
    assert.equal(res.status, 415);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  it('answers a 10,000-character message on its first part and never echoes it', async () => {
    const text = 'how many internal migrants are there ' + 'blah '.repeat(2000) + 'SECRET-TAIL';
    const res = await post(JSON.stringify(activity({ text })));
    assert.equal(res.status, 200);
    const body = JSON.stringify(await res.json());
    assert.match(body, /only its beginning/);
    assert.ok(body.length < 5000, 'the reply is short');
    assert.doesNotMatch(body, /SECRET-TAIL|blah blah/);
  });

  it('ignores zero-width and bidi characters inside questions and commands', async () => {
    const res = await post(JSON.stringify(activity({ text: 'fran\u200bçais\u202e' })));
    assert.match(JSON.stringify(await res.json()), /répondrai en français/);
    const res2 = await post(JSON.stringify(activity({ text: 'how many in\u200dternal mig\u2066rants are there' })));
    assert.match(JSON.stringify(await res2.json()), /740 million/);
  });

  it('never reflects markup from the message into the reply', async () => {
    const res = await post(JSON.stringify(activity({ text: '<script>alert(1)</script> [click](javascript:alert(1)) what is IOM' })));
    const body = JSON.stringify(await res.json());
    assert.doesNotMatch(body, /<script>|javascript:/);
  });
});

describe('replies stay on allowed hosts without credentials', () => {
  it('refuses a foreign serviceUrl with a 403 and sends nothing anywhere', async () => {
    const server = await startApp();
    const connector = await fakeConnector();
    try {
      const foreign = activity({ deliveryMode: undefined, serviceUrl: 'https://evil.example/' });
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(foreign) });
      assert.equal(res.status, 403);

      const local = activity({ deliveryMode: undefined, serviceUrl: connector.url });
      const ok = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(local) });
      assert.equal(ok.status, 200);
      assert.equal(connector.posts.length, 1, 'the reply went to the loopback connector, and only there');
      assert.match(connector.posts[0], /\/v3\/conversations\/.+\/activities/);
      assert.match(connector.posts[0], /740 million/);
    } finally {
      connector.close();
      await server.stop();
    }
  });
});

describe('replies go back where each conversation came from', () => {
  it('posts each reply to its own serviceUrl, turn after turn', async () => {
    const server = await startApp();
    const [first, second] = [await fakeConnector(), await fakeConnector()];
    try {
      const send = (serviceUrl: string, conversation: string, text: string) =>
        fetch(`${server.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity({ deliveryMode: undefined, serviceUrl, conversation: { id: conversation }, text })),
        });
      await send(first.url, 'one', 'how many internal migrants are there');
      await send(second.url, 'two', '¿cuántos migrantes internacionales hay?');
      await send(first.url, 'one', 'what is IOM');
      assert.ok(first.posts.length >= 2 && second.posts.length >= 1);
      assert.ok(first.posts.every((p) => p.includes('/v3/conversations/one/')), 'the first connector only got conversation one');
      assert.ok(second.posts.every((p) => p.includes('/v3/conversations/two/')), 'the second connector only got conversation two');
      assert.match(second.posts[0]!, /281/);
      assert.ok(first.posts.some((p) => p.includes('1951')), 'the answer about IOM reached the first connector');
    } finally {
      first.close();
      second.close();
      await server.stop();
    }
  });
});

describe('a hung channel connector', () => {
  it('cannot hold a turn: the send times out, the request is answered, and the bot keeps working', async () => {
    const { createServer } = await import('node:http');
    const hung = createServer(() => undefined); // accepts the reply POST and never answers
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const hungUrl = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
    const server = await startApp({ OUTGOING_TIMEOUT_MS: '300' });
    try {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity({ deliveryMode: undefined, serviceUrl: hungUrl })),
      });
      assert.ok([200, 500].includes(res.status), `the request was answered (${res.status})`);
      const ok = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity()) });
      assert.match(JSON.stringify(await ok.json()), /740 million/);
    } finally {
      hung.closeAllConnections();
      hung.close();
      await server.stop();
    }
  });
});
