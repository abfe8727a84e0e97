import assert from 'node:assert/strict';
import { sayTo, startApp } from '../support/httpApp';
import { gatedConnector } from './support/gatedConnector';
import { staffApi, THREE_LANGUAGES } from './support/staff';

const TOKEN = 'staff-token-for-updates';
const HERE = { en: ['subscribe', 'Here in this chat', 'Yes, I agree'], fr: ["m'abonner", 'Ici, dans ce chat', "Oui, j'accepte"], es: ['suscribirme', 'Aquí, en este chat', 'Sí, acepto'] };

describe('the staff API for updates', function () {
  this.timeout(30_000);
  let server: Awaited<ReturnType<typeof startApp>>;
  let connector: Awaited<ReturnType<typeof gatedConnector>>;
  const staff = staffApi(() => server.url, TOKEN);
  const subscribeHere = async (conversation: string, lang: keyof typeof HERE = 'en') => {
    for (const text of HERE[lang]) await sayTo(server.url, text, { conversation, serviceUrl: connector.url, locale: `${lang}-XX` });
  };
  const say = (conversation: string, text: string) => sayTo(server.url, text, { conversation, serviceUrl: connector.url });

  beforeEach(async () => {
    connector = await gatedConnector();
    // The worker does not run by itself here: each test sends when it chooses (runUntilIdle).
    server = await startApp({ STAFF_API_TOKEN: TOKEN, UPDATES_WORKER: 'false', UPDATES_RETRY_BASE_MS: '1' });
  });
  afterEach(async () => {
    await server.stop();
    connector.close();
  });

  it('is for staff only', async () => {
    for (const [method, path] of [['GET', '/updates'], ['POST', '/updates'], ['GET', '/updates/x'], ['PUT', '/updates/x'], ['POST', '/updates/x/cancel'], ['POST', '/updates/preview']]) {
      const res = await fetch(`${server.url}/api/staff${path}`, { method, headers: { authorization: 'Bearer not-the-token', 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      assert.equal(res.status, 401, `${method} ${path}`);
    }
  });

  it('refuses bad input with a short reason that never echoes the text, and stores nothing', async () => {
    const secret = 'Confidential draft about Ana';
    const cases: Array<[unknown, RegExp]> = [
      [{ texts: { fr: { title: secret, text: 'x' } } }, /^texts\.en is required\.$/],
      [{ texts: { en: { title: '   ', text: secret } } }, /^texts\.en\.title is empty\.$/],
      [{ texts: { en: { title: secret.repeat(5), text: 'x' } } }, /^texts\.en\.title is longer than 120 characters\.$/],
      [{ texts: { en: { title: 't', text: secret.repeat(300) } } }, /^texts\.en\.text is longer than 8000 characters\.$/],
      [{ texts: { en: { title: 't', text: 'x' }, de: { title: secret, text: 'x' } } }, /^texts has unknown fields/],
      [{ texts: { en: { title: 't', text: 'x' } }, sendAt: 'next tuesday' }, /^sendAt must be an ISO date and time/],
      [{ texts: { en: { title: 't', text: 'x' } }, sendAt: '2099-01-01T00:00:00Z' }, /^sendAt is more than 366 days ahead\.$/],
      [['not', 'an', 'object'], /^body /],
    ];
    for (const [body, reason] of cases) {
      const res = await staff.call('POST', '/updates', body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
      assert.match(res.body.error, reason);
      assert.doesNotMatch(res.body.error, /Confidential/);
    }
    assert.deepEqual((await staff.call('GET', '/updates')).body.updates, []);
  });

  it('a scheduled update can be edited or cancelled until it starts, never after', async () => {
    await subscribeHere('ana');
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const created = await staff.send({ en: { title: 'Draft', text: 'First wording' } }, later);
    assert.equal(created.status, 201);
    const { id } = created.body;
    await server.app.updates.runUntilIdle();
    assert.equal((await staff.report(id)).state, 'scheduled');
    assert.equal(connector.acknowledged(), 0, 'nothing is sent before its time');

    assert.equal((await staff.call('PUT', `/updates/${id}`, { texts: { en: { title: 'Final', text: 'Second wording' } }, sendAt: later })).status, 200);
    assert.equal((await staff.report(id)).texts.en.text, 'Second wording');

    const cancelled = await staff.send({ en: { title: 'Never', text: 'Called off' } }, later);
    assert.equal((await staff.call('POST', `/updates/${cancelled.body.id}/cancel`)).status, 200);

    // Its time comes (the clock is not waited for: the time is moved).
    await staff.call('PUT', `/updates/${id}`, { texts: { en: { title: 'Final', text: 'Second wording' } }, sendAt: new Date().toISOString() });
    await server.app.updates.runUntilIdle();
    assert.equal((await staff.report(id)).state, 'finished');
    assert.match(connector.delivered.get('ana')!.join(), /Second wording/);
    assert.doesNotMatch(connector.delivered.get('ana')!.join(), /Called off/);

    const edit = await staff.call('PUT', `/updates/${id}`, { texts: { en: { title: 'Changed', text: 'Too late' } } });
    assert.equal(edit.status, 409);
    assert.match(edit.body.error, /cannot be changed/);
    assert.equal((await staff.call('POST', `/updates/${id}/cancel`)).status, 409);
    assert.equal((await staff.report(id)).texts.en.text, 'Second wording');
    assert.equal((await staff.call('GET', '/updates/unknown')).status, 404);
  });

  it('someone who unsubscribes or says "forget me" between queueing and sending gets nothing', async () => {
    for (const conversation of ['stays', 'leaves', 'forgets']) await subscribeHere(conversation);
    const created = await staff.send(THREE_LANGUAGES);
    assert.equal(created.body.recipients, 3);
    assert.deepEqual((await staff.report(created.body.id)).report.counts, { queued: 3, sent: 0, failed: 0, skipped: 0 });
    await say('leaves', 'unsubscribe');
    await say('forgets', 'forget me');
    await server.app.updates.runUntilIdle();

    assert.deepEqual([...connector.delivered.keys()].filter((c) => connector.delivered.get(c)!.some((t) => /Measles/.test(t))), ['stays']);
    const { report } = await staff.report(created.body.id);
    assert.deepEqual(report.counts, { queued: 0, sent: 1, failed: 0, skipped: 2 });
    assert.deepEqual(report.reasons.map((r: { reason: string }) => r.reason).sort(), ['erased on request ("forget me") before it was sent', 'unsubscribed before it was sent']);
  });

  it('a language without a text gets the English one, with a note in that language', async () => {
    await subscribeHere('marie', 'fr');
    await subscribeHere('jose', 'es');
    await staff.send({ en: THREE_LANGUAGES.en, es: THREE_LANGUAGES.es });
    await server.app.updates.runUntilIdle();
    const [toMarie] = connector.delivered.get('marie')!.slice(-1);
    assert.match(toMarie, /Measles vaccination this week/);
    assert.match(toMarie, /Cette actualité n'existe qu'en anglais\./);
    assert.match(toMarie, /Vous recevez ce message car vous êtes abonné/);
    const [toJose] = connector.delivered.get('jose')!.slice(-1);
    assert.match(toJose, /Vacunación contra el sarampión/);
    assert.doesNotMatch(toJose, /inglés/);
  });

  it('retries what the channel could not take yet, and says why what it refused failed', async () => {
    await subscribeHere('busy');
    await subscribeHere('gone');
    connector.fail(500, 429, 403);
    const created = await staff.send(THREE_LANGUAGES);
    await server.app.updates.runUntilIdle();
    const { report } = await staff.report(created.body.id);
    assert.deepEqual(report.counts, { queued: 0, sent: 1, failed: 1, skipped: 0 });
    assert.deepEqual(report.reasons, [{ status: 'failed', reason: 'the conversation no longer accepts messages from the bot (HTTP 403)', count: 1 }]);
    assert.equal([...connector.delivered.values()].flat().filter((t) => /Measles/.test(t)).length, 1, 'sent once, after its retries');
  });

  it('previews the update as each channel will show it, in each language, and who it would reach', async () => {
    await subscribeHere('ana');
    await subscribeHere('marie', 'fr');
    const long = 'A sentence about vaccines and where to find them. '.repeat(120);
    const res = await staff.call('POST', '/updates/preview', { texts: { en: { title: 'Long one', text: long }, fr: THREE_LANGUAGES.fr } });
    assert.equal(res.status, 200);
    const { en, fr, es } = res.body.preview;
    assert.equal(es.fallback, true);
    assert.match(es.webchat[0].text, /Esta novedad solo está disponible en inglés/);
    assert.deepEqual(es.webchat[0].buttons, ['Darme de baja']);
    assert.equal(fr.fallback, false);
    assert.match(fr.email.subject, /Vaccination contre la rougeole/);
    assert.ok(en.whatsapp.length >= 3, 'a long text is split on WhatsApp');
    for (const m of en.whatsapp) assert.ok(m.text.length <= 4096);
    assert.deepEqual(en.whatsapp.at(-1).buttons, ['Unsubscribe'], 'the button comes in a short message of its own');
    assert.deepEqual(fr.whatsapp.map((m: { buttons: string[] }) => m.buttons), [['Se désabonner']]);
    assert.match(en.whatsappTemplate.unavailable, /No template is configured/);
    assert.deepEqual(res.body.audience, { total: 2, byChannel: { emulator: 2 }, byLanguage: { en: 1, fr: 1 } });
    assert.equal((await staff.call('GET', '/updates')).body.updates.length, 0, 'a preview stores nothing');
  });
});
