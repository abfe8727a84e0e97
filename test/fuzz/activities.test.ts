import assert from 'node:assert/strict';
import { random as prng } from '../../bench/syntheticKnowledge';
import { startApp } from '../support/httpApp';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const COUNT = 5000;
const QUESTIONS = ['what is IOM', '¿cuántos migrantes hay?', 'menu', '2', 'français', 'aide', 'hola', '\u202eevil\u200b', '<b>x</b>', '😀'.repeat(50)];

describe('fuzz: random and malformed activities', function () {
  this.timeout(180_000);

  it(`${COUNT} requests: the process stays up and every well-formed message gets a reply`, async () => {
    console.log(`      (seed ${SEED}; replay with FUZZ_SEED=${SEED})`);
    const random = prng(SEED);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
    const junk = (depth = 0): unknown => {
      const r = random();
      if (depth > 3 || r < 0.2) return pick([null, true, 0, -1, 1e308, '', 'x'.repeat(Math.floor(random() * 3000)), '\u0000\uffff\ud800', []]);
      if (r < 0.5) return Array.from({ length: Math.floor(random() * 4) }, () => junk(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, (_, i) => [pick(['type', 'text', 'from', 'conversation', 'serviceUrl', 'channelId', `k${i}`, '__proto__', 'constructor']), junk(depth + 1)]));
    };
    const server = await startApp({ RATE_LIMIT_MESSAGES: '1000' });
    let wellFormed = 0;
    try {
      for (let i = 0; i < COUNT; i++) {
        const kind = random();
        let body: string;
        let good = false;
        if (kind < 0.4) {
          good = true;
          body = JSON.stringify({
            type: 'message', deliveryMode: 'expectReplies', channelId: pick(['emulator', 'msteams', 'whatsapp', 'sms', 'weird']),
            serviceUrl: 'http://localhost', conversation: { id: `fuzz-${i}` }, from: { id: `u-${i}` }, recipient: { id: 'bot' },
            text: pick(QUESTIONS), locale: pick([undefined, 'fr-FR', 'es', 'xx-YY', '']),
          });
        } else if (kind < 0.7) {
          body = JSON.stringify({ type: pick(['message', 'event', 'conversationUpdate', 'invoke', 'typing', '']), deliveryMode: 'expectReplies', ...(junk() as object) });
        } else if (kind < 0.85) {
          body = JSON.stringify(junk());
        } else {
          body = Array.from({ length: Math.floor(random() * 200) }, () => String.fromCharCode(Math.floor(random() * 0xffff))).join('');
        }
        const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const text = await res.text();
        assert.ok(res.status < 500, `request ${i} got ${res.status}: ${text.slice(0, 200)}`);
        assert.doesNotMatch(text, /node_modules|\/work\/|    at /, `request ${i} leaked internals`);
        if (good) {
          wellFormed++;
          assert.equal(res.status, 200, `well-formed request ${i}`);
          assert.ok(JSON.parse(text).activities.length >= 1, `well-formed request ${i} got no reply`);
        }
      }
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      console.log(`      (${wellFormed} well-formed messages answered, ${COUNT - wellFormed} malformed refused or ignored)`);
    } finally {
      await server.stop();
    }
  });
});
