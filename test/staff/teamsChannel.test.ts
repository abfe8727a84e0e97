import assert from 'node:assert/strict';
import { eventually, fakeTeamsConnector, type TeamsCall } from '../support/fakeTeamsConnector';
import { fakeConnector } from '../support/fakeConnector';
import { startApp } from '../support/httpApp';

const CHANNEL = '19:helpdesk0123456789@thread.tacv2';
const TOKEN = 'teams-test-token';
const BOT = { id: '28:migration-health-bot', name: 'Migration Health' };
const ANA = { id: '29:ana', name: 'Ana García', aadObjectId: 'aad-0000-ana' };

const cardOf = (call: TeamsCall) => (call.body.activity ?? call.body).attachments[0].content;

describe('tickets in the staff Teams channel', () => {
  let server: Awaited<ReturnType<typeof startApp>>;
  let teams: Awaited<ReturnType<typeof fakeTeamsConnector>>;
  let person: Awaited<ReturnType<typeof fakeConnector>>;
  before(async () => {
    teams = await fakeTeamsConnector();
    person = await fakeConnector();
    server = await startApp({ STAFF_API_TOKEN: TOKEN, STAFF_TEAMS_CHANNEL_ID: CHANNEL, STAFF_TEAMS_SERVICE_URL: teams.url, PUBLIC_URL: 'https://bot.example.org' });
  });
  after(async () => {
    await server.stop();
    teams.close();
    person.close();
  });

  const say = (conversation: string, text: string) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', deliveryMode: 'expectReplies', channelId: 'emulator', serviceUrl: person.url, locale: 'es-ES',
        conversation: { id: conversation }, from: { id: `person-${conversation}` }, recipient: { id: 'bot' }, text,
      }),
    }).then((r) => r.json());
  /** An activity from Teams in the staff channel, as the Bot Connector delivers it. */
  const fromTeams = (conversationId: string, extra: Record<string, unknown>) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: `act-${Math.random()}`, channelId: 'msteams', serviceUrl: teams.url,
        conversation: { id: conversationId, isGroup: true, conversationType: 'channel' }, from: ANA, recipient: BOT,
        channelData: { channel: { id: CHANNEL }, team: { id: '19:team@thread.tacv2' } }, ...extra,
      }),
    });
  const staff = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/staff${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
  const mention = (text: string) => ({
    text: `<at>${BOT.name}</at> ${text}`,
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
  });

  it('posts the ticket as a card, a Claim takes it in the Teams user\'s name, and a reply in the thread reaches the person', async () => {
    await say('teams-a', '¿cuántos migrantes internos hay?');
    await say('teams-a', 'quiero hablar con una persona');
    const started = await eventually(() => teams.calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations'), 'a card in the channel');
    assert.equal(started.body.channelData.channel.id, CHANNEL);
    const card = cardOf(started);
    const claim = card.actions.find((a: { type: string }) => a.type === 'Action.Submit');
    const ticketId = claim.data.ticketId;
    assert.equal(claim.title, 'Claim');
    assert.match(JSON.stringify(card.body), new RegExp(`Request ${ticketId}`));
    assert.match(JSON.stringify(card.body), /Español \(es\)/);
    assert.match(JSON.stringify(card.body), /cuántos migrantes internos/, 'the last turns are on the card');
    assert.ok(card.actions.some((a: { url?: string }) => a.url === `https://bot.example.org/staff#ticket=${ticketId}`), 'a link to the console');

    const thread = started.answer.id;
    const cardId = started.answer.activityId!;
    assert.equal((await fromTeams(thread, { value: claim.data, replyToId: cardId })).status, 200);
    const claimed = await (await staff(`/handoffs/${ticketId}`)).json();
    assert.equal(claimed.claimedBy, 'Ana García');
    assert.equal(claimed.claimedByYou, false, 'the token holder is someone else');
    const updated = await eventually(() => teams.calls.find((c) => c.method === 'PUT' && c.path === `/v3/conversations/${thread}/activities/${cardId}`), 'the card updated');
    assert.match(JSON.stringify(cardOf(updated)), /Claimed by Ana García/);
    assert.ok(!cardOf(updated).actions.some((a: { type: string }) => a.type === 'Action.Submit'), 'no Claim button once claimed');

    const taken = await staff(`/handoffs/${ticketId}/claim`, { method: 'POST' });
    assert.equal(taken.status, 409);
    assert.equal((await taken.json()).claimedBy, 'Ana García');

    assert.equal((await fromTeams(thread, mention('Hola, soy Ana del servicio de ayuda. ¿En qué país vives?'))).status, 200);
    const delivered = await eventually(() => person.posts.find((p) => /soy Ana del servicio de ayuda/.test(JSON.stringify(p.body))), 'the reply delivered');
    assert.match(delivered.path, /\/v3\/conversations\/teams-a\/activities/);
    assert.doesNotMatch(JSON.stringify(delivered.body), /<at>|Migration Health/, 'the mention is not part of the message');
    const ticket = await (await staff(`/handoffs/${ticketId}`)).json();
    assert.deepEqual([ticket.transcript.at(-1).author, ticket.transcript.at(-1).via], ['Ana García', 'teams']);
    assert.deepEqual(
      ticket.audit.map((a: { action: string; name: string; teamsId?: string; via: string }) => [a.action, a.name, a.teamsId, a.via]),
      [['claim', 'Ana García', ANA.aadObjectId, 'teams'], ['reply', 'Ana García', ANA.aadObjectId, 'teams']],
    );

    await say('teams-a', 'vivo en Ecuador');
    await eventually(() => teams.calls.find((c) => c.path === `/v3/conversations/${thread}/activities` && /Person: vivo en Ecuador/.test(c.body.text)), 'the person\'s message in the thread');

    await fromTeams(thread, mention('close'));
    assert.equal((await (await staff(`/handoffs/${ticketId}`)).json()).status, 'closed');
    await eventually(() => person.posts.some((p) => /ha cerrado esta conversación/.test(JSON.stringify(p.body))), 'the person told, in Spanish');
    await eventually(() => teams.calls.some((c) => c.method === 'PUT' && /"Closed"/.test(JSON.stringify(c.body))), 'the card says closed');
  });

  it('says "urgent" first on the card of an urgent request', async () => {
    const before = teams.calls.length;
    await say('teams-b', 'my baby is not breathing');
    await say('teams-b', 'talk to a person now');
    const started = await eventually(() => teams.calls.slice(before).find((c) => c.path === '/v3/conversations'), 'a card');
    assert.match(cardOf(started).body[0].text, /^URGENT/);
  });

  it('keeps staff talk in the channel away from the migrant-facing bot', async () => {
    const before = person.posts.length + teams.calls.length;
    const res = await fromTeams(CHANNEL, mention('my baby is not breathing, how do I escalate this?'));
    assert.equal(res.status, 200);
    const hint = await eventually(() => teams.calls.find((c) => c.path === `/v3/conversations/${CHANNEL}/activities`), 'an answer in the channel');
    assert.match(hint.body.text, /reply in their request's thread/);
    assert.doesNotMatch(hint.body.text, /112|emergency/i, 'no emergency reply to staff');
    assert.equal(person.posts.length + teams.calls.length, before + 1);
  });
});
