import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { checkEmail } from '../../src/newsletter/emailAddress';
import { createLogger } from '../../src/log';
import { SubscriptionStore } from '../../src/newsletter/SubscriptionStore';
import { openDatabase } from '../../src/storage/openDatabase';
import { chatWithBot, testServices } from '../support/chat';

async function withStore() {
  const { db } = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: undefined });
  const subscriptions = new SubscriptionStore(db);
  return { services: { ...testServices(), subscriptions }, subscriptions };
}

describe('checkEmail', () => {
  for (const good of ['ana@example.org', ' Ana.Perez+news@Example.ORG ', 'jose@correo.es', 'ünï@exämple.de']) {
    it(`accepts ${good.trim()}`, () => assert.equal(checkEmail(good).ok, true));
  }
  for (const [bad, problem] of [
    ['ana example.org', 'at'], ['ana@@example.org', 'at'], ['@example.org', 'at'], ['ana@example', 'domain'],
    ['ana@example.c0m', 'domain'], ['ana@exa mple.org', 'spaces'], ['ana@example.org\nbcc:x@y.z', 'spaces'], [`${'a'.repeat(250)}@x.org`, 'tooLong'],
  ] as const) {
    it(`refuses ${JSON.stringify(bad).slice(0, 40)} (${problem})`, () => assert.deepEqual(checkEmail(bad), { ok: false, problem }));
  }
});

describe('subscribing in chat', () => {
  it('in English: an invalid address first, then a valid one, consent, recorded once', async () => {
    const { services, subscriptions } = await withStore();
    const user = await chatWithBot({ services });
    await user.send('subscribe');
    assert.match(user.text, /latest news and stories about migration/);
    assert.deepEqual(user.choices, ['Here in this chat', 'By e-mail']);
    await user.send('By e-mail');
    assert.match(user.text, /What e-mail address/);
    await user.send('ana at example dot org');
    assert.match(user.text, /exactly one @/);
    await user.send('Ana.Perez@Example.org');
    assert.match(user.text, /your e-mail address, your language and today's date/);
    assert.ok(user.choices.includes('Yes, I agree'));
    await user.send('Yes, I agree');
    assert.match(user.text, /you are subscribed/);
    const [row] = await subscriptions.list();
    assert.deepEqual([row.email, row.language, row.status, row.channel], ['ana.perez@example.org', 'en', 'active', 'test']);
    assert.ok(row.consent_version);

    await user.send('newsletter');
    await user.send('ana.perez@example.org');
    await user.send('yes');
    assert.match(user.text, /already subscribed/);
    assert.equal((await subscriptions.list()).length, 1);
  });

  it('in French: three wrong addresses end the flow and nothing is stored', async () => {
    const { services, subscriptions } = await withStore();
    const user = await chatWithBot({ locale: 'fr-FR', services });
    await user.send("m'abonner");
    await user.send('pas@bon');
    assert.match(user.text, /domaine/);
    await user.send('encore faux');
    await user.send('x@');
    assert.match(user.text, /Rien n'a été enregistré/);
    assert.equal((await subscriptions.list()).length, 0);
  });

  it('in Spanish: "cancelar" leaves, declining stores nothing, and the bot keeps answering', async () => {
    const { services, subscriptions } = await withStore();
    const user = await chatWithBot({ locale: 'es-ES', services });
    await user.send('suscribirme al boletín');
    await user.send('cancelar');
    assert.match(user.text, /no he guardado nada/);
    await user.send('boletín');
    await user.send('jose@correo.es');
    await user.send('No, gracias');
    assert.match(user.text, /no he guardado nada/);
    assert.equal((await subscriptions.list()).length, 0);
    await user.send('¿cuántos migrantes internos hay?');
    assert.match(user.text, /740 millones/);
  });

  it('unsubscribes in one step, in Spanish, repeatably; STOP and ARRÊT work too', async () => {
    const { services, subscriptions } = await withStore();
    const user = await chatWithBot({ locale: 'es-ES', services });
    await user.send('suscribirme');
    await user.send('jose@correo.es');
    await user.send('sí');
    await user.send('darme de baja');
    assert.match(user.text, /Te has dado de baja/);
    assert.equal((await subscriptions.list())[0].status, 'unsubscribed');
    await user.send('BAJA');
    assert.match(user.text, /No hay ninguna suscripción/);
    for (const word of ['STOP', 'ARRÊT']) {
      await user.send(word);
      assert.ok(user.replies.length > 0, word);
    }
  });

  it('"forget me" erases the subscription, the language choice and the conversation', async () => {
    const { services, subscriptions } = await withStore();
    const user = await chatWithBot({ services });
    await user.send('français');
    await user.send('newsletter');
    await user.send('ana@example.org');
    await user.send('oui');
    assert.equal((await subscriptions.list()).length, 1);
    await user.send('oubliez-moi');
    assert.match(user.text, /j'ai effacé votre abonnement/);
    assert.equal((await subscriptions.list()).length, 0);
    await user.send('hello');
    assert.deepEqual([...new Set(user.locales)], ['en'], 'the language choice is gone');
  });

  it('a question asked instead of an address leaves the flow and is answered', async () => {
    const user = await chatWithBot((await withStore()));
    await user.send('subscribe');
    await user.send('how many internal migrants are there?');
    assert.match(user.text, /740 million/);
  });

  it('is offered once after answers, never again after a no', async () => {
    const user = await chatWithBot((await withStore()));
    await user.send('what is IOM?');
    assert.doesNotMatch(user.text, /receive IOM's migration updates/);
    await user.send('how many internal migrants are there?');
    assert.match(user.text, /Would you like to receive IOM's migration updates, here in this chat or by e-mail\?/);
    await user.send('No, thanks');
    assert.match(user.text, /No problem/);
    await user.send('what are the four priorities?');
    await user.send('is IOM part of the UN?');
    assert.doesNotMatch(user.text, /Would you like to receive/);
  });

  it('the same activity delivered twice is handled once', async () => {
    const { services, subscriptions } = await withStore();
    const user = await chatWithBot({ services });
    await user.send('subscribe');
    await user.send('twice@example.org');
    await user.send('yes', { id: 'activity-42' });
    await user.send('yes', { id: 'activity-42' });
    assert.equal(user.replies.length, 0);
    assert.equal((await subscriptions.list()).length, 1);
  });

  it('never writes the address to the logs', async () => {
    const lines: string[] = [];
    const logger = createLogger('trace', new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
    const { services } = await withStore();
    const user = await chatWithBot({ services: { ...services, logger } });
    for (const text of ['subscribe', 'secret.person@example.org', 'yes', 'unsubscribe', 'forget me']) await user.send(text);
    assert.ok(lines.length > 0, 'something was logged');
    assert.doesNotMatch(lines.join(''), /secret\.person|example\.org/);
  });
});
