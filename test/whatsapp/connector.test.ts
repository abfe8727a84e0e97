import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { MAX_LIST_ROWS, MAX_ROW_DESCRIPTION, MAX_ROW_TITLE } from '../../src/whatsapp/toGraphMessages';

const SECRET = 'app-secret-for-tests';
const PHONE = '+34600111222';
const WA_ID = '34600111222';

/** A local stand-in for the Graph API: records messages, can be told to fail the next calls. */
async function fakeGraph() {
  const sent: Array<{ path: string; auth: string; body: any }> = [];
  let failNext = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(500);
        res.end('{}');
        return;
      }
      sent.push({ path: req.url ?? '', auth: String(req.headers.authorization), body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"messages":[{"id":"wamid.out"}]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v21.0`, sent, failTimes: (n: number) => (failNext = n), close: () => server.close() };
}

let counter = 0;
const webhook = (message: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: 'PNID' }, contacts: [{ wa_id: WA_ID }], messages: [{ from: WA_ID, id: `wamid.${++counter}`, timestamp: '1700000000', ...message }] } }] }],
});

describe('the WhatsApp Cloud API connector', function () {
  this.timeout(30_000);
  let graph: Awaited<ReturnType<typeof fakeGraph>>;
  let app: Awaited<ReturnType<typeof createApp>>;
  let url: string;
  const logs: string[] = [];

  before(async () => {
    graph = await fakeGraph();
    const config = loadConfig({
      LOG_LEVEL: 'info', DATA_DIR: ':memory:', STAFF_API_TOKEN: 'tok',
      WHATSAPP_VERIFY_TOKEN: 'verify-me', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_ACCESS_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: 'PNID', WHATSAPP_GRAPH_URL: graph.url,
    });
    app = await createApp(config, createLogger('info', new Writable({ write: (c, _e, done) => (logs.push(String(c)), done()) })));
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await app.close();
    graph.close();
  });
  beforeEach(() => graph.sent.splice(0));

  const post = async (body: unknown, secret = SECRET) => {
    const raw = JSON.stringify(body);
    const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    const res = await fetch(`${url}/api/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
    await app.whatsapp!.idle();
    return res;
  };
  const texts = () => graph.sent.map((s) => s.body.text?.body ?? s.body.interactive?.body?.text ?? '').join('\n');
  const checkLimits = () => {
    for (const { body } of graph.sent) {
      assert.equal(body.to, WA_ID);
      if (body.type === 'text') assert.ok(body.text.body.length <= 4096);
      if (body.interactive?.type === 'button') {
        assert.ok(body.interactive.action.buttons.length <= 3);
        for (const b of body.interactive.action.buttons) assert.ok(b.reply.title.length <= 20, b.reply.title);
      }
      if (body.interactive?.type === 'list') {
        const rows = body.interactive.action.sections.flatMap((s: { rows: unknown[] }) => s.rows);
        assert.ok(rows.length <= MAX_LIST_ROWS);
        for (const r of rows) {
          assert.ok(r.title.length <= MAX_ROW_TITLE, r.title);
          assert.ok(!r.description || r.description.length <= MAX_ROW_DESCRIPTION);
        }
      }
    }
  };

  it('answers the subscription handshake only with the right verify token', async () => {
    const ok = await fetch(`${url}/api/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), '1158201444');
    assert.equal((await fetch(`${url}/api/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status, 403);
  });

  it('refuses a wrongly signed webhook and sends nothing', async () => {
    const res = await post(webhook({ type: 'text', text: { body: '¿Cuántos migrantes internacionales hay en el mundo?' } }), 'not-the-secret');
    assert.equal(res.status, 401);
    assert.equal(graph.sent.length, 0);
  });

  it('answers a Spanish question with 281 to the sender, within WhatsApp\'s limits', async () => {
    const res = await post(webhook({ type: 'text', text: { body: '¿Cuántos migrantes internacionales hay en el mundo?' } }));
    assert.equal(res.status, 200);
    assert.match(texts(), /281 millones/);
    assert.equal(graph.sent[0].auth, 'Bearer graph-token');
    assert.match(graph.sent[0].path, /\/v21\.0\/PNID\/messages$/);
    checkLimits();
  });

  it('answers a message delivered twice only once', async () => {
    const message = webhook({ type: 'text', text: { body: 'what is IOM' } });
    await post(message);
    const first = graph.sent.length;
    assert.ok(first > 0);
    await post(message);
    assert.equal(graph.sent.length, first);
  });

  it('shows the topic menu as lists, themes then questions, and a tapped row leads to its answer', async () => {
    await post(webhook({ type: 'text', text: { body: 'menu' } }));
    const themes = graph.sent.find((s) => s.body.interactive?.type === 'list');
    assert.ok(themes, 'a list message with the themes');
    checkLimits();
    const theme = themes.body.interactive.action.sections[0].rows.find((r: { title: string }) => r.title === 'About IOM & commitments');
    assert.ok(theme, 'the theme about IOM is a row');
    graph.sent.splice(0);
    await post(webhook({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: theme.id, title: theme.title } } }));
    const questions = graph.sent.find((s) => s.body.interactive?.type === 'list');
    assert.ok(questions, "a list message with the theme's questions");
    checkLimits();
    const row = questions.body.interactive.action.sections[0].rows[0];
    graph.sent.splice(0);
    await post(webhook({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: row.id, title: row.title } } }));
    assert.match(texts(), /1951/);
  });

  it('uses reply buttons for up to 3 options, and a tapped button leads to its answer', async () => {
    await post(webhook({ type: 'text', text: { body: 'how many internal migrants are there' } }));
    const buttons = graph.sent.find((s) => s.body.interactive?.type === 'button');
    assert.ok(buttons, 'related questions as buttons');
    checkLimits();
    const [button] = buttons.body.interactive.action.buttons;
    graph.sent.splice(0);
    await post(webhook({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: button.reply.id, title: button.reply.title } } }));
    assert.ok(texts().length > 0);
    assert.doesNotMatch(texts(), /don't know/);
  });

  it('says it reads text only when sent an image or a voice note', async () => {
    await post(webhook({ type: 'image', image: { id: 'media1' } }));
    assert.match(texts(), /only read text/);
  });

  it('retries a failed send and succeeds', async () => {
    graph.failTimes(2);
    await post(webhook({ type: 'text', text: { body: 'is IOM part of the UN?' } }));
    assert.match(texts(), /United Nations/);
  });

  it('delivers a staff reply within 24 hours, refuses it after, and never logs the phone number', async () => {
    await post(webhook({ type: 'text', text: { body: 'talk to a person' } }));
    const queue = await (await fetch(`${url}/api/staff/handoffs`, { headers: { authorization: 'Bearer tok' } })).json();
    const id = queue.handoffs[0].id;
    const send = () => fetch(`${url}/api/staff/handoffs/${id}/messages`, { method: 'POST', headers: { authorization: 'Bearer tok', 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Hola, soy del servicio de ayuda' }) });
    graph.sent.splice(0);
    assert.equal((await send()).status, 200);
    assert.match(texts(), /soy del servicio de ayuda/);

    const { db } = app.services.subscriptions as unknown as { db: import('kysely').Kysely<import('../../src/storage/schema').Database> };
    await db.updateTable('whatsapp_contacts').set({ last_inbound_at: new Date(Date.now() - 25 * 3600_000).toISOString() }).execute();
    graph.sent.splice(0);
    const late = await send();
    assert.equal(late.status, 409);
    assert.match((await late.json()).error, /24 hours/);
    assert.equal(graph.sent.length, 0);

    assert.ok(logs.length > 0);
    assert.doesNotMatch(logs.join(''), new RegExp(`${WA_ID}|${PHONE.slice(1)}|graph-token`));
  });

  it('splits a long answer into messages of at most 4,096 characters', async () => {
    const { toGraphMessages } = await import('../../src/whatsapp/toGraphMessages');
    const text = 'A sentence about migration and health. '.repeat(200);
    const messages = toGraphMessages({ type: 'message', text }, 'Options');
    assert.equal(messages.length, 2);
    for (const m of messages) assert.ok(((m.text as { body: string }).body).length <= 4096);
  });
});
