import assert from 'node:assert/strict';
import { DirectLineStore, TOKEN_TTL_SECONDS } from '../../src/directline/DirectLineStore';
import { startApp } from '../support/httpApp';

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
});

describe('DirectLineStore', () => {
  it('lets tokens expire', () => {
    let now = 1_000_000;
    const store = new DirectLineStore(() => now);
    const { token } = store.create();
    assert.ok(store.byToken(token));
    now += TOKEN_TTL_SECONDS * 1000 + 1;
    assert.equal(store.byToken(token), undefined);
  });
});
