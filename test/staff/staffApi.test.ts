import assert from 'node:assert/strict';
import { fakeConnector } from '../support/fakeConnector';
import { startApp } from '../support/httpApp';

const TOKEN = 'staff-secret-token-0123456789';

describe('the staff API', () => {
  let server: Awaited<ReturnType<typeof startApp>>;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  before(async () => {
    server = await startApp({ STAFF_API_TOKEN: TOKEN });
    connector = await fakeConnector();
  });
  after(async () => {
    connector.close();
    await server.stop();
  });

  const say = (conversation: string, text: string, locale = 'en-US') =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', deliveryMode: 'expectReplies', channelId: 'emulator', serviceUrl: connector.url, locale,
        conversation: { id: conversation }, from: { id: `person-${conversation}` }, recipient: { id: 'bot' }, text,
      }),
    }).then((r) => r.json());
  const staff = (path: string, init: RequestInit = {}, token = TOKEN) =>
    fetch(`${server.url}/api/staff${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });

  it('refuses requests without the token, with a near-miss token, and says nothing else', async () => {
    for (const token of ['', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase()]) {
      const res = await staff('/handoffs', {}, token);
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { error: 'Unauthorized.' });
    }
  });

  it('lists a person\'s request with the earlier question, delivers a staff reply into their conversation, and closes', async () => {
    await say('conv-a', 'how many internal migrants are there?');
    await say('conv-a', 'I want to talk to a person');
    const queue = await (await staff('/handoffs?status=open')).json();
    const listed = queue.handoffs.find((t: { topic?: string }) => t.topic === 'internal-migrants-number');
    assert.ok(listed, 'the ticket is in the queue');
    assert.equal(listed.reference, undefined, 'the conversation reference stays inside the bot');

    const ticket = await (await staff(`/handoffs/${listed.id}`)).json();
    assert.match(ticket.transcript.map((l: { text: string }) => l.text).join('\n'), /internal migrants/);

    const sent = await staff(`/handoffs/${listed.id}/messages`, { method: 'POST', body: JSON.stringify({ text: 'Hello, I am Marie from the helpdesk. <b>How</b> can I help?' }) });
    assert.equal(sent.status, 200);
    const delivered = connector.posts.find((p) => JSON.stringify(p.body).includes('Marie from the helpdesk'));
    assert.ok(delivered, 'the reply reached the person\'s conversation');
    assert.match(delivered.path, /\/v3\/conversations\/conv-a\/activities/);
    assert.doesNotMatch(delivered.body.text, /<b>How<\/b>/, 'staff text is not turned into markup');

    const after = await (await staff(`/handoffs/${listed.id}`)).json();
    assert.equal(after.status, 'claimed');
    assert.equal(after.transcript.at(-1).from, 'staff');

    const closed = await staff(`/handoffs/${listed.id}/close`, { method: 'POST' });
    assert.equal(closed.status, 200);
    assert.ok(connector.posts.some((p) => /closed this conversation/.test(JSON.stringify(p.body))));
    const reply = await say('conv-a', 'what is IOM?');
    assert.match(JSON.stringify(reply), /1951/, 'the bot answers again after staff closed the ticket');
  });

  it('says so when a reply could not reach the person, and records nothing as sent', async () => {
    await say('conv-gone', 'how many member states does IOM have?');
    await say('conv-gone', 'talk to a person');
    const queue = await (await staff('/handoffs?status=open')).json();
    const ticket = queue.handoffs.find((t: { topic?: string }) => t.topic === 'iom-member-states');
    assert.ok(ticket, 'the ticket is in the queue');

    connector.answer.status = 404; // the person's conversation is gone
    try {
      const sent = await staff(`/handoffs/${ticket.id}/messages`, { method: 'POST', body: JSON.stringify({ text: 'Hello, this is Omar from the helpdesk.' }) });
      assert.equal(sent.status, 502);
      assert.match((await sent.json()).error, /could not be delivered/);
    } finally {
      connector.answer.status = 200;
    }
    const after = await (await staff(`/handoffs/${ticket.id}`)).json();
    assert.equal(after.status, 'open', 'still waiting for someone to reach them');
    assert.ok(!after.transcript.some((l: { from: string }) => l.from === 'staff'), 'no staff line recorded as said');

    const retried = await staff(`/handoffs/${ticket.id}/messages`, { method: 'POST', body: JSON.stringify({ text: 'Hello again, this is Omar.' }) });
    assert.equal(retried.status, 200, 'once the channel answers, the same reply goes through');
  });

  it('puts urgent requests first, then the oldest', async () => {
    await say('conv-b', 'talk to a person');
    await say('conv-c', 'my baby is not breathing');
    await say('conv-c', 'talk to a person now');
    const queue = await (await staff('/handoffs?status=open')).json();
    assert.equal(queue.handoffs[0].urgency, 'urgent');
    assert.ok(queue.handoffs.slice(1).every((t: { urgency: string }) => t.urgency === 'normal'));
  });

  it('answers 404 for an unknown ticket and 400 for bad input', async () => {
    assert.equal((await staff('/handoffs/NOPE42')).status, 404);
    assert.equal((await staff('/handoffs?status=lost')).status, 400);
    const queue = await (await staff('/handoffs?status=open')).json();
    const id = queue.handoffs[0].id;
    assert.equal((await staff(`/handoffs/${id}/messages`, { method: 'POST', body: JSON.stringify({ text: '' }) })).status, 400);
    assert.equal((await staff(`/handoffs/${id}/messages`, { method: 'POST', body: JSON.stringify({ text: 'x'.repeat(2001) }) })).status, 400);
  });

  it('lists unanswered questions grouped, with personal data masked', async () => {
    await say('conv-d', 'where can I buy a cheap bicycle? call me at +41 22 717 9111');
    await say('conv-e', 'Where can I buy a cheap bicycle? Call me at +41 22 717 9111!');
    const { unanswered } = await (await staff('/unanswered')).json();
    const bike = unanswered.find((q: { text: string }) => /bicycle/i.test(q.text));
    assert.equal(bike.count, 2);
    assert.doesNotMatch(bike.text, /717/);
  });
});

describe('the staff API without a configured token', () => {
  it('is off', async () => {
    const server = await startApp();
    try {
      assert.equal((await fetch(`${server.url}/api/staff/handoffs`, { headers: { authorization: 'Bearer anything' } })).status, 404);
    } finally {
      await server.stop();
    }
  });
});
