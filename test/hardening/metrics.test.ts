import assert from 'node:assert/strict';
import { sayTo, startApp } from '../support/httpApp';

describe('metrics', () => {
  it('are off by default', async () => {
    const server = await startApp({ STAFF_API_TOKEN: 'tok' });
    try {
      assert.equal((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer tok' } })).status, 404);
    } finally {
      await server.stop();
    }
  });

  it('when enabled, need the staff token and count turns, answers by band and language, fallbacks, handoffs and latency', async () => {
    const server = await startApp({ STAFF_API_TOKEN: 'tok', METRICS_ENABLED: 'true' });
    try {
      const say = (text: string, conversation: string) => sayTo(server.url, text, { conversation });
      await say('¿cuántos migrantes internos hay?', 'm1');
      await say('tell me a joke', 'm2');
      await say('blorf zzkt wibble', 'm4');
      await say('talk to a person', 'm3');
      assert.equal((await fetch(`${server.url}/metrics`)).status, 401);
      const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer tok' } })).text();
      assert.match(text, /bot_turns_total\{channel="webchat",type="message"\} 4/);
      assert.match(text, /bot_answers_total\{outcome="answer",band="high",lang="es"\} 1/);
      assert.match(text, /bot_answers_total\{outcome="referral",band="high",lang="en"\} 1/, 'a joke is referred: not covered');
      assert.match(text, /bot_fallbacks_total\{lang="\w+"\} 1/);
      assert.match(text, /bot_handoffs_total\{urgency="normal"\} 1/);
      assert.match(text, /bot_turn_duration_seconds_count 4/);
      assert.doesNotMatch(text, /joke|migrantes|blorf/);
    } finally {
      await server.stop();
    }
  });
  it('count made-up channel ids and activity types under a few fixed labels, so senders cannot grow memory', async () => {
    const server = await startApp({ STAFF_API_TOKEN: 'tok', METRICS_ENABLED: 'true' });
    try {
      for (let i = 0; i < 5; i++) {
        await fetch(`${server.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: `made-up-${i}`, deliveryMode: 'expectReplies', channelId: `channel-${i}`, serviceUrl: 'http://localhost',
            conversation: { id: `x${i}` }, from: { id: `x${i}` }, recipient: { id: 'bot' },
          }),
        });
      }
      const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer tok' } })).text();
      assert.match(text, /bot_turns_total\{channel="plain",type="other"\} 5/);
      assert.doesNotMatch(text, /channel-\d|made-up/);
    } finally {
      await server.stop();
    }
  });
});
