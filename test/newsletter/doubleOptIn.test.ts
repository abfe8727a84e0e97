import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { sayTo, startApp } from '../support/httpApp';

/** A real SMTP server on loopback that keeps every message it receives. */
async function localSmtp(): Promise<{ url: string; mails: string[]; close: () => void }> {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => (mails.push(raw), done()));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => server.close() };
}

/** Headers as sent, then the quoted-printable body decoded (headers are not encoded, and a token may contain "=4F"). */
const decodeQuotedPrintable = (raw: string) => {
  const split = raw.indexOf('\r\n\r\n');
  const body = raw.slice(split).replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  return raw.slice(0, split) + body;
};

describe('double opt-in by e-mail', function () {
  this.timeout(30_000);
  let smtp: Awaited<ReturnType<typeof localSmtp>>;
  let server: Awaited<ReturnType<typeof startApp>>;
  before(async () => {
    smtp = await localSmtp();
    server = await startApp({ SMTP_URL: smtp.url, STAFF_API_TOKEN: 'tok', PUBLIC_URL: 'http://bot.invalid' });
  });
  after(async () => {
    await server.stop();
    smtp.close();
  });

  const say = (text: string, conversation = 'optin') => sayTo(server.url, text, { conversation, locale: 'es-ES' }).then((r) => r.json());
  const subscriptions = () => fetch(`${server.url}/api/staff/subscriptions`, { headers: { authorization: 'Bearer tok' } }).then((r) => r.json());

  it('mails a confirmation link in the subscriber\'s language; the link confirms once, and a reused or forged link does nothing', async () => {
    await say('suscribirme al boletín');
    await say('maria@example.org');
    const reply = await say('sí, acepto');
    assert.match(JSON.stringify(reply), /Te he enviado un correo/);
    assert.equal(smtp.mails.length, 1);
    const mail = decodeQuotedPrintable(smtp.mails[0]);
    assert.match(mail, /Subject: =\?UTF-8\?Q\?Confirma_tu_suscripci/);
    assert.match(mail, /Para confirmarlo, abre este enlace/);
    assert.match(mail, /List-Unsubscribe:\s+<http:\/\/bot\.invalid\/newsletter\/unsubscribe\?token=/);
    assert.equal((await subscriptions()).subscriptions[0].status, 'pending');

    const link = /http:\/\/bot\.invalid(\/newsletter\/confirm\?token=[A-Za-z0-9_%-]+)/.exec(mail)?.[1];
    assert.ok(link, 'the mail has a confirmation link');
    const first = await fetch(server.url + link, { headers: { 'accept-language': 'es-ES' } });
    assert.equal(first.status, 200);
    assert.match(await first.text(), /confirmada/);
    assert.equal((await subscriptions()).subscriptions[0].status, 'active');
    const again = await fetch(server.url + link);
    assert.equal(again.status, 400, 'a used link does nothing');
    const forged = await fetch(`${server.url}/newsletter/confirm?token=${'x'.repeat(32)}<script>`);
    assert.equal(forged.status, 400);
    assert.doesNotMatch(await forged.text(), /<script>/);

    await say('suscribirme', 'optin-2');
    await say('MARIA@example.org', 'optin-2');
    await say('sí', 'optin-2');
    assert.equal(smtp.mails.length, 1, 'the same address twice sends no second mail');

    const unsubscribe = /http:\/\/bot\.invalid(\/newsletter\/unsubscribe\?token=[A-Za-z0-9_%-]+)/.exec(mail)?.[1];
    assert.equal((await fetch(server.url + unsubscribe, { method: 'POST' })).status, 200, 'one-click unsubscribe');
    assert.equal((await subscriptions()).subscriptions[0].status, 'unsubscribed');
  });

  it('lets an expired link do nothing', async () => {
    await say('newsletter', 'expired');
    await say('late@example.org', 'expired');
    await say('sí', 'expired');
    const mail = decodeQuotedPrintable(smtp.mails.at(-1)!);
    const link = /http:\/\/bot\.invalid(\/newsletter\/confirm\?token=[A-Za-z0-9_%-]+)/.exec(mail)?.[1];
    const { db } = (server.app.services.subscriptions as unknown as { db: import('kysely').Kysely<import('../../src/storage/schema').Database> });
    await db.updateTable('subscriptions').set({ token_expires_at: '2000-01-01T00:00:00.000Z' }).where('email', '=', 'late@example.org').execute();
    assert.equal((await fetch(server.url + link)).status, 400);
    const row = (await subscriptions()).subscriptions.find((s: { email: string }) => s.email === 'late@example.org');
    assert.equal(row.status, 'pending');
  });
});

describe('the subscriptions export', () => {
  it('needs the staff token, and gives JSON or CSV safe for spreadsheets', async () => {
    const server = await startApp({ STAFF_API_TOKEN: 'tok' });
    try {
      const say = (text: string) => sayTo(server.url, text, { conversation: 'csv' });
      for (const text of ['subscribe', '=cmd@example.org', 'yes']) await say(text);
      assert.equal((await fetch(`${server.url}/api/staff/subscriptions`)).status, 401);
      assert.equal((await fetch(`${server.url}/api/staff/subscriptions`, { headers: { authorization: 'Bearer tik' } })).status, 401);
      const json = await (await fetch(`${server.url}/api/staff/subscriptions`, { headers: { authorization: 'Bearer tok' } })).json();
      assert.deepEqual(Object.keys(json.subscriptions[0]).sort(), ['channel', 'confirmedAt', 'consentVersion', 'createdAt', 'email', 'language', 'status', 'unsubscribedAt']);
      const csv = await (await fetch(`${server.url}/api/staff/subscriptions?format=csv`, { headers: { authorization: 'Bearer tok' } })).text();
      assert.match(csv, /^email,language,status/);
      assert.match(csv, /"'=cmd@example\.org"/, 'a cell starting with = cannot run as a formula');
    } finally {
      await server.stop();
    }
  });
});

describe('a restart with subscriptions', () => {
  it('still lists the subscription, with its language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-sub-'));
    try {
      const say = (server: Awaited<ReturnType<typeof startApp>>, text: string) => sayTo(server.url, text, { conversation: 'rs' });
      const first = await startApp({ DATA_DIR: dir, STAFF_API_TOKEN: 'tok' });
      for (const text of ['español', 'boletín', 'luis@example.org', 'sí']) await say(first, text);
      await first.stop();
      const second = await startApp({ DATA_DIR: dir, STAFF_API_TOKEN: 'tok' });
      try {
        const json = await (await fetch(`${second.url}/api/staff/subscriptions`, { headers: { authorization: 'Bearer tok' } })).json();
        assert.deepEqual(json.subscriptions.map((s: { email: string; language: string; status: string }) => [s.email, s.language, s.status]), [['luis@example.org', 'es', 'active']]);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
