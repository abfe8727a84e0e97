import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { startApp } from '../support/httpApp';
import { directLineCall, WebChatUser } from './webChatClient';

const FLOOD = 6000;

/** Sends `count` anonymous token requests, `parallel` at a time; counts answers by status. */
async function flood(url: string, count: number, headersOf: (i: number) => Record<string, string> = () => ({})) {
  const statuses = new Map<number, number>();
  const retryAfter = new Set<string | null>();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await directLineCall(url, '/tokens/generate', undefined, {}, headersOf(i));
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status !== 200) retryAfter.add(res.headers.get('retry-after'));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { statuses, retryAfter };
}

describe('a flood of new web chat conversations', function () {
  this.timeout(180_000);

  it(`from one address: ${FLOOD} token requests are refused with 429 past the limit, and a live conversation still answers`, async () => {
    const server = await startApp();
    try {
      const ana = await WebChatUser.start(server.url, 'en-US');
      await ana.listen();
      const { statuses, retryAfter } = await flood(server.url, FLOOD);
      assert.equal(statuses.get(200), 29, 'the 30 per address (Ana took one) are given, no more');
      assert.equal(statuses.get(429), FLOOD - 29);
      assert.ok([...retryAfter].every((s) => Number(s) > 0 && Number(s) <= 600), 'each refusal says when to come back');

      assert.equal(await ana.say('What is IOM?'), 200);
      await ana.streamedReply(/1951/);
      ana.watermark = 0;
      await ana.polled(/1951/, 2000);
    } finally {
      await server.stop();
    }
  });

  it(`from ${FLOOD} addresses behind the load balancer: past capacity 503, and the open conversations go on`, async () => {
    const server = await startApp({ TRUSTED_PROXIES: '127.0.0.1', DIRECTLINE_MAX_CONVERSATIONS: '2000' });
    try {
      const ana = await WebChatUser.start(server.url, 'fr-FR', { 'x-forwarded-for': '198.51.100.1' });
      await ana.listen();
      const address = (i: number) => ({ 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });
      const { statuses, retryAfter } = await flood(server.url, FLOOD, address);
      // Exactly up to capacity, unless the flood outlasts the minute after which unused tokens make room.
      assert.ok((statuses.get(200) ?? 0) >= 1999, 'conversations are given up to capacity');
      assert.ok((statuses.get(503) ?? 0) >= 3000, 'then refused');
      assert.equal((statuses.get(200) ?? 0) + (statuses.get(503) ?? 0), FLOOD);
      assert.deepEqual([...retryAfter], ['30']);

      assert.equal(await ana.say('Combien y a-t-il de migrants internationaux dans le monde ?'), 200);
      await ana.streamedReply(/281 millions/);
      const refused = await directLineCall(server.url, '/tokens/generate', undefined, {}, { 'x-forwarded-for': '198.51.100.2' });
      assert.equal(refused.status, 503, 'a newcomer is told the chat is busy, clearly');
      assert.match((await refused.json()).error.message, /busy/);
    } finally {
      await server.stop();
    }
  });

  it('logs that the limit was reached once, without the address, tokens or what people wrote', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } });
    const config = loadConfig({ LOG_LEVEL: 'trace', DATA_DIR: ':memory:', TRUSTED_PROXIES: '127.0.0.1', DIRECTLINE_CONVERSATIONS_PER_ADDRESS: '2' });
    const app = await createApp(config, createLogger('trace', sink));
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const ana = await WebChatUser.start(url, 'en-US', { 'x-forwarded-for': '203.0.113.77' });
      await ana.say('my email is ana@example.org, what is IOM?');
      const { statuses } = await flood(url, 50, () => ({ 'x-forwarded-for': '203.0.113.77' }));
      assert.equal(statuses.get(429), 49);
      const logs = lines.join('');
      assert.equal(logs.match(/web chat rate limit reached/g)?.length, 1);
      assert.doesNotMatch(logs, /203\.0\.113|ana@example|what is IOM/);
      assert.ok(!logs.includes(ana.token) && !logs.includes(ana.token.slice(0, 12)), 'no token');
    } finally {
      await app.close();
    }
  });
});
