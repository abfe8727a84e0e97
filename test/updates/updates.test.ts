import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { sayTo } from '../support/httpApp';
import { decodeMail, fakeGraph, localSmtp, webChatPerson, whatsAppPerson } from './support/channels';
import { staffApi, THREE_LANGUAGES } from './support/staff';

const SECRET = 'whatsapp-app-secret';
const WA_ID = '34600111222';
const TOKEN = 'staff-token-for-updates';

describe('updates where people are', function () {
  this.timeout(60_000);
  let graph: Awaited<ReturnType<typeof fakeGraph>>;
  let smtp: Awaited<ReturnType<typeof localSmtp>>;
  let app: App;
  let url = '';
  const logs: string[] = [];
  const staff = staffApi(() => url, TOKEN);

  before(async () => {
    graph = await fakeGraph();
    smtp = await localSmtp();
    const config = loadConfig({
      LOG_LEVEL: 'info', DATA_DIR: ':memory:', STAFF_API_TOKEN: TOKEN, SMTP_URL: smtp.url, PUBLIC_URL: 'http://bot.invalid', UPDATES_POLL_MS: '20',
      WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_APP_SECRET: SECRET, WHATSAPP_ACCESS_TOKEN: 'graph-token', WHATSAPP_PHONE_NUMBER_ID: 'PNID', WHATSAPP_GRAPH_URL: graph.url,
      WHATSAPP_UPDATE_TEMPLATE: 'iom_update',
    });
    app = await createApp(config, createLogger('info', new Writable({ write: (c, _e, done) => (logs.push(String(c)), done()) })));
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await app.close();
    graph.close();
    smtp.close();
  });

  it('reaches the web chat in English, WhatsApp in Spanish (text in the window, a template outside it) and e-mail in French, once each; not someone who left', async () => {
    // A person in the web chat subscribes here, in English.
    const ana = await webChatPerson(url, 'en-US');
    await ana.say('subscribe');
    await ana.say('Here in this chat');
    assert.match(JSON.stringify(await ana.say('Yes, I agree')), /updates will come to this chat/);

    // Someone else subscribes in the web chat, then changes their mind.
    const ben = await webChatPerson(url, 'en-US');
    for (const text of ['subscribe', 'Here in this chat', 'Yes, I agree']) await ben.say(text);
    assert.match(JSON.stringify(await ben.say('STOP')), /You are unsubscribed/);

    // A person on WhatsApp, in Spanish, taps the buttons the bot shows.
    const wa = whatsAppPerson(() => url, SECRET, WA_ID, () => app.whatsapp!.idle());
    await wa.say('español');
    await wa.say('quiero suscribirme');
    const how = graph.sent.at(-1)!.body.interactive.action.buttons.map((b: { reply: { id: string; title: string } }) => b.reply);
    assert.deepEqual(how.map((b: { title: string }) => b.title), ['Aquí, en este chat', 'Por correo']);
    await wa.tapButton(how[0].id, how[0].title);
    const consent = graph.sent.at(-1)!.body.interactive.action.buttons[0].reply;
    await wa.tapButton(consent.id, consent.title);
    assert.match(JSON.stringify(graph.sent.at(-1)!.body), /llegarán a este chat/);

    // A person subscribes by e-mail, in French, and confirms the address.
    for (const text of ["m'abonner", 'Par e-mail', 'marie@example.org', 'oui']) await sayTo(url, text, { conversation: 'marie', locale: 'fr-FR' });
    const confirm = /http:\/\/bot\.invalid(\/newsletter\/confirm\?token=[\w%-]+)/.exec(decodeMail(smtp.mails.at(-1)!))![1];
    assert.equal((await fetch(url + confirm)).status, 200);

    graph.sent.splice(0);
    smtp.mails.splice(0);
    await ana.fromBot();
    await ben.fromBot();
    const created = await staff.send(THREE_LANGUAGES);
    assert.equal(created.status, 201);
    const report = (await staff.finished(created.body.id)).report;

    const toAna = await ana.fromBot();
    assert.equal(toAna.length, 1, 'the web chat gets it once');
    assert.match(toAna[0].text, /\*\*Measles vaccination this week\*\*/);
    assert.deepEqual(toAna[0].suggestedActions.actions.map((a: { title: string }) => a.title), ['Unsubscribe']);
    assert.deepEqual(await ben.fromBot(), [], 'who unsubscribed gets nothing');

    assert.equal(graph.sent.length, 1, 'WhatsApp gets it once');
    const inWindow = graph.sent[0].body;
    assert.equal(inWindow.to, WA_ID);
    assert.notEqual(inWindow.type, 'template', 'inside the 24-hour window: the text itself');
    assert.match(inWindow.interactive.body.text, /^\*Vacunación contra el sarampión esta semana\*\n\nVacunas gratuitas/);
    assert.deepEqual(inWindow.interactive.action.buttons.map((b: { reply: { title: string } }) => b.reply.title), ['Darme de baja']);

    assert.equal(smtp.mails.length, 1, 'e-mail gets it once');
    const mail = decodeMail(smtp.mails[0]);
    assert.match(mail, /To: marie@example\.org/);
    assert.match(mail, /Content-Language: fr/);
    assert.match(mail, /Vaccins gratuits contre la rougeole/);
    assert.match(mail, /List-Unsubscribe:\s+<http:\/\/bot\.invalid\/newsletter\/unsubscribe\?token=/);

    assert.deepEqual(report.counts, { queued: 0, sent: 3, failed: 0, skipped: 0 });
    assert.deepEqual(Object.fromEntries(Object.entries(report.byChannel).map(([k, v]) => [k, (v as { sent: number }).sent])), { directline: 1, whatsapp: 1, email: 1 });
    assert.deepEqual(Object.fromEntries(Object.entries(report.byLanguage).map(([k, v]) => [k, (v as { sent: number }).sent])), { en: 1, es: 1, fr: 1 });

    // A day later the WhatsApp window has closed: the approved template, with the title, opens the conversation.
    const { db } = app.services.subscriptions as unknown as { db: import('kysely').Kysely<import('../../src/storage/schema').Database> };
    await db.updateTable('whatsapp_contacts').set({ last_inbound_at: new Date(Date.now() - 25 * 3600_000).toISOString() }).execute();
    graph.sent.splice(0);
    const second = await staff.send({ en: { title: 'Clinic closed on Friday', text: 'The Central clinic is closed on Friday for a holiday.' }, es: { title: 'Centro cerrado el viernes', text: 'El centro Central cierra el viernes por fiesta.' } });
    assert.equal((await staff.finished(second.body.id)).report.whatsappTemplates.sent, 1);
    assert.equal(graph.sent.length, 1);
    const { template } = graph.sent[0].body;
    assert.equal(template.name, 'iom_update');
    assert.equal(template.language.code, 'es');
    assert.deepEqual(template.components[0].parameters, [{ type: 'text', text: 'Centro cerrado el viernes' }]);
    const payload = template.components[1].parameters[0].payload;

    // The person taps "Leer": the full text follows, once.
    graph.sent.splice(0);
    await wa.tapTemplateButton('Leer', payload);
    assert.equal(graph.sent.length, 1);
    assert.match(graph.sent[0].body.interactive.body.text, /El centro Central cierra el viernes/);
    assert.deepEqual((await staff.report(second.body.id)).report.whatsappTemplates, { sent: 1, read: 1 });
    graph.sent.splice(0);
    await wa.say('gracias');
    assert.doesNotMatch(JSON.stringify(graph.sent), /El centro Central cierra/, 'not twice');

    // One click on the mail's unsubscribe link ends the e-mail subscription.
    const unsubscribe = /http:\/\/bot\.invalid(\/newsletter\/unsubscribe\?token=[\w%-]+)/.exec(mail)![1];
    assert.equal((await fetch(url + unsubscribe, { method: 'POST' })).status, 200);
    const subscriptions = await staff.call('GET', '/subscriptions');
    assert.equal(subscriptions.body.subscriptions[0].status, 'unsubscribed');

    const all = logs.join('');
    assert.doesNotMatch(all, new RegExp(`${WA_ID}|marie@|Measles|sarampión|rougeole|Centro cerrado`), 'no address, number or text in the logs');
  });
});
