import assert from 'node:assert/strict';
import { freshPostgresSchema, requirePostgres } from '../support/databases';
import { openEventStream } from '../support/eventStream';
import { startApp } from '../support/httpApp';

const TOKEN = 'live-queue-token';
const auth = { authorization: `Bearer ${TOKEN}` };

const say = (url: string, conversation: string, text: string) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', deliveryMode: 'expectReplies', channelId: 'emulator', serviceUrl: 'http://localhost',
      conversation: { id: conversation }, from: { id: `p-${conversation}` }, recipient: { id: 'bot' }, text,
    }),
  });

describe('the live queue', function () {
  this.timeout(30_000);

  it('streams new requests, the person\'s messages, claims and closes to an open console', async () => {
    const server = await startApp({ STAFF_API_TOKEN: TOKEN });
    const stream = await openEventStream(`${server.url}/api/staff/events`, auth);
    try {
      assert.equal(stream.status, 200);
      assert.match(String(stream.contentType), /text\/event-stream/);
      await say(server.url, 'live-a', 'talk to a person');
      const created = await stream.next((e) => e.data.kind === 'created');
      const { id } = created.data;
      assert.deepEqual(Object.keys(created.data).sort(), ['id', 'kind'], 'an event carries no message text');
      await say(server.url, 'live-a', 'are you there?');
      await stream.next((e) => e.data.id === id && e.data.kind === 'line');
      await fetch(`${server.url}/api/staff/handoffs/${id}/claim`, { method: 'POST', headers: auth });
      await stream.next((e) => e.data.id === id && e.data.kind === 'claimed');
      await say(server.url, 'live-a', 'back to the bot');
      await stream.next((e) => e.data.id === id && e.data.kind === 'closed');
    } finally {
      stream.close();
      await server.stop();
    }
  });

  it('is for staff only', async () => {
    const server = await startApp({ STAFF_API_TOKEN: TOKEN });
    try {
      assert.equal((await openEventStream(`${server.url}/api/staff/events`, {})).status, 401);
      assert.equal((await openEventStream(`${server.url}/api/staff/events`, { authorization: 'Bearer nope' })).status, 401);
    } finally {
      await server.stop();
    }
  });

  it('reaches a console on one bot instance when the request arrives at another (PostgreSQL)', async function () {
    requirePostgres(this);
    const schema = await freshPostgresSchema();
    const a = await startApp({ DATABASE_URL: schema.url, STAFF_API_TOKEN: TOKEN });
    const b = await startApp({ DATABASE_URL: schema.url, STAFF_API_TOKEN: TOKEN });
    const stream = await openEventStream(`${a.url}/api/staff/events`, auth);
    try {
      await say(b.url, 'live-pg', 'my baby is not breathing');
      await say(b.url, 'live-pg', 'talk to a person now');
      const created = await stream.next((e) => e.data.kind === 'created');
      const ticket = await (await fetch(`${a.url}/api/staff/handoffs/${created.data.id}`, { headers: auth })).json();
      assert.equal(ticket.urgency, 'urgent');
      await fetch(`${b.url}/api/staff/handoffs/${ticket.id}/claim`, { method: 'POST', headers: auth });
      await stream.next((e) => e.data.id === ticket.id && e.data.kind === 'claimed');
    } finally {
      stream.close();
      await a.stop();
      await b.stop();
      await schema.drop();
    }
  });
});
