import assert from 'node:assert/strict';
import { startApp } from '../support/httpApp';
import WebSocket from 'ws';
import { WebChatUser } from './webChatClient';

describe('the Direct Line endpoint', () => {
  let server: Awaited<ReturnType<typeof startApp>>;
  before(async () => {
    server = await startApp();
  });
  after(async () => server.stop());

  const call = (path: string, token?: string, body?: unknown) =>
    fetch(server.url + '/v3/directline' + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function newConversation(locale = 'es-ES') {
    const session = await (await call('/tokens/generate', undefined, { locale })).json();
    assert.equal((await call('/conversations', session.token, {})).status, 201);
    return session as { conversationId: string; token: string };
  }

  it('starts a conversation with a welcome, takes a question and returns the answer after the watermark', async () => {
    const { conversationId: id, token } = await newConversation();
    const first = await (await call(`/conversations/${id}/activities`, token)).json();
    assert.match(JSON.stringify(first.activities), /asistente automático/);

    const posted = await call(`/conversations/${id}/activities`, token, { type: 'message', text: '¿Cuántos migrantes internos hay?', from: { id: 'me' } });
    assert.equal(posted.status, 200);
    const page = await (await call(`/conversations/${id}/activities?watermark=${first.watermark}`, token)).json();
    const texts = page.activities.map((a: { text?: string }) => a.text ?? '');
    assert.equal(texts[0], '¿Cuántos migrantes internos hay?', 'the person sees their own message');
    assert.match(texts.join('\n'), /740 millones/);
  });

  it('refuses a missing token, another conversation\'s token, and a bad activity', async () => {
    const a = await newConversation();
    const b = await newConversation();
    assert.equal((await call(`/conversations/${a.conversationId}/activities`)).status, 401);
    assert.equal((await call(`/conversations/${a.conversationId}/activities`, b.token)).status, 403);
    assert.equal((await call(`/conversations/${a.conversationId}/activities`, 'made-up')).status, 401);
    const bad = await call(`/conversations/${a.conversationId}/activities`, a.token, ['not', 'an', 'activity']);
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error.message, /activity/);
  });

  it('refreshes a token, and the old one stops working', async () => {
    const { conversationId: id, token } = await newConversation();
    const refreshed = await (await call('/tokens/refresh', token, {})).json();
    assert.notEqual(refreshed.token, token);
    assert.equal((await call(`/conversations/${id}/activities`, token)).status, 401);
    assert.equal((await call(`/conversations/${id}/activities`, refreshed.token)).status, 200);
  });

  it('refuses an oversized activity with a short reason, and the conversation goes on', async () => {
    const ana = await WebChatUser.start(server.url, 'en-US');
    const big = await ana.call(`/conversations/${ana.conversationId}/activities`, { type: 'message', text: 'hi', channelData: { pad: 'x'.repeat(20_000) } });
    assert.equal(big.status, 400);
    assert.deepEqual(Object.keys((await big.json()).error), ['code', 'message']);
    assert.equal(await ana.say('What is IOM?'), 200);
    await ana.polled(/1951/);
  });

  it('streams the welcome and the answer over the WebSocket of the streamUrl', async () => {
    const ana = await WebChatUser.start(server.url, 'fr-FR');
    assert.match(ana.streamUrl ?? '', /^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/[^/]+\/stream\?/);
    await ana.listen();
    await ana.streamedReply(/assistant automatique/);
    await ana.say('Combien y a-t-il de migrants internationaux dans le monde ?');
    await ana.streamedReply(/281 millions/);
    assert.ok(ana.streamed.some((a) => a.text === 'Combien y a-t-il de migrants internationaux dans le monde ?'), 'the person sees their own message');
    ana.hangUp();
  });

  it('after a dropped socket, reconnects from its watermark and gets only what is new', async () => {
    const ana = await WebChatUser.start(server.url, 'es-ES');
    await ana.listen();
    await ana.streamedReply(/asistente automático/);
    ana.hangUp();
    const seen = ana.streamed.length;
    assert.equal(await ana.reconnect(), 200);
    await ana.listen();
    await ana.say('¿Cuántos migrantes internos hay?');
    await ana.streamedReply(/740 millones/);
    assert.doesNotMatch(ana.streamed.slice(seen).map((a) => a.text).join('\n'), /asistente automático/, 'the welcome is not sent twice');
    ana.hangUp();
  });

  it('refuses a stream opened with a made-up or another conversation\'s streamUrl token', async () => {
    const ana = await WebChatUser.start(server.url);
    const ben = await WebChatUser.start(server.url);
    const forged = new URL(ana.streamUrl ?? '');
    forged.searchParams.set('t', new URL(ben.streamUrl ?? '').searchParams.get('t') ?? '');
    ana.streamUrl = forged.toString();
    await assert.rejects(ana.listen(), /stream answered 401/);
    ana.streamUrl = `${server.url.replace('http', 'ws')}/v3/directline/conversations/${ana.conversationId}/stream?t=made-up`;
    await assert.rejects(ana.listen(), /stream answered 401/);
  });

  it('answers a WebSocket on an unknown path with 404 instead of leaving it hanging, and a malformed one with 400', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/somewhere-else`);
    const status = await new Promise((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      socket.once('error', () => resolve('error'));
    });
    assert.equal(status, 404);
    const malformed = new WebSocket(`${server.url.replace('http', 'ws')}/v3/directline/conversations/%E0%A4%A/stream?t=x`);
    const refused = await new Promise((resolve) => {
      malformed.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      malformed.once('error', () => resolve('error'));
    });
    assert.equal(refused, 400, 'a malformed id is refused, and the server lives on');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });
});

describe('the Direct Line endpoint with DIRECTLINE_WEBSOCKET=false', () => {
  it('offers no streamUrl, and the conversation works by polling', async () => {
    const server = await startApp({ DIRECTLINE_WEBSOCKET: 'false' });
    try {
      const ana = await WebChatUser.start(server.url, 'en-US');
      assert.equal(ana.streamUrl, undefined);
      assert.equal(await ana.say('What is IOM?'), 200);
      await ana.polled(/1951/);
    } finally {
      await server.stop();
    }
  });
});
