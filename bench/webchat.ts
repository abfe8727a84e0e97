import { performance } from 'node:perf_hooks';
import { freshPostgresSchema, TEST_DATABASE_URL } from '../test/support/databases';
import { startApp } from '../test/support/httpApp';
import { directLineCall, WebChatUser } from '../test/directline/webChatClient';

const FLOOD = 6000;
const PARALLEL = 16;
/** Under the per-conversation flood limit (20 messages in 10 s), past which the bot stops answering. */
const REPLIES = 15;

/** Requests per second of `count` token requests, `PARALLEL` at a time, and how they were answered. */
async function flood(url: string, count: number, headersOf: (i: number) => Record<string, string>) {
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const res = await directLineCall(url, '/tokens/generate', undefined, {}, headersOf(next++));
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { perSecond: Math.round(count / ((performance.now() - started) / 1000)), statuses };
}

/** Median and worst time from posting a question to its answer arriving over `read`'s socket. */
async function replyLatency(post: WebChatUser, read: WebChatUser) {
  const times: number[] = [];
  for (let i = 0; i < REPLIES; i++) {
    const started = performance.now();
    const streamedBefore = read.streamed.length;
    await post.say('What is IOM?');
    for (;;) {
      if (performance.now() - started > 10_000) throw new Error('no answer within 10 s');
      if (read.streamed.slice(streamedBefore).some((a) => a.from?.role === 'bot')) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `median ${times[times.length >> 1].toFixed(1)} ms, worst ${times[times.length - 1].toFixed(1)} ms`;
}

const address = (i: number) => ({ 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });

/** `npm run bench`, web chat part: floods of token requests, and how fast a reply reaches the page. */
export async function runWebChatBench(): Promise<void> {
  console.log('\nWeb chat (Direct Line endpoint, embedded SQLite in memory, loopback)');
  const server = await startApp({ TRUSTED_PROXIES: '127.0.0.1' });
  try {
    const refused = await flood(server.url, FLOOD, () => ({}));
    console.log(`  ${FLOOD} token requests from one address: ${refused.perSecond}/s, answers ${JSON.stringify(refused.statuses)}`);
    const admitted = await flood(server.url, FLOOD, address);
    console.log(`  ${FLOOD} token requests from ${FLOOD} addresses (cap 5,000): ${admitted.perSecond}/s, answers ${JSON.stringify(admitted.statuses)}`);
  } finally {
    await server.stop();
  }
  const quiet = await startApp();
  try {
    const ana = await WebChatUser.start(quiet.url);
    await ana.listen();
    console.log(`  question → answer over the WebSocket: ${await replyLatency(ana, ana)}`);
    // Polling adds up to Web Chat's polling interval (1 s on the page) to the turn itself.
    ana.hangUp();
  } finally {
    await quiet.stop();
  }
  if (!TEST_DATABASE_URL) return console.log('  (two instances on PostgreSQL: set TEST_DATABASE_URL to measure)');
  const schema = await freshPostgresSchema();
  const a = await startApp({ DATABASE_URL: schema.url });
  const b = await startApp({ DATABASE_URL: schema.url });
  try {
    const onA = await WebChatUser.start(a.url);
    await onA.listen();
    const throughB = await WebChatUser.start(a.url);
    Object.assign(throughB, { base: b.url, token: onA.token, conversationId: onA.conversationId });
    console.log(`  two instances on PostgreSQL, posted through B, answer over A's socket: ${await replyLatency(throughB, onA)}`);
    onA.hangUp();
  } finally {
    await a.stop();
    await b.stop();
    await schema.drop();
  }
}
