import assert from 'node:assert/strict';
import { SubscriptionStore } from '../../src/newsletter/SubscriptionStore';
import { openDatabase } from '../../src/storage/openDatabase';
import { chatWithBot, testServices } from '../support/chat';

async function withStore() {
  const { db } = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: undefined });
  const subscriptions = new SubscriptionStore(db);
  return { services: { ...testServices(), subscriptions }, subscriptions, db };
}

describe('subscribing here in this chat', () => {
  it('in English: asks how, shows what is kept, records the chat without any e-mail, once', async () => {
    const { services, db } = await withStore();
    const user = await chatWithBot({ services });
    await user.send('subscribe');
    assert.match(user.text, /here in this chat or by e-mail/);
    assert.deepEqual(user.choices, ['Here in this chat', 'By e-mail']);
    await user.send('Here in this chat');
    assert.match(user.text, /I keep the channel .*, the address of this chat .*, your language and today's date/);
    assert.match(user.text, /STOP/);
    assert.match(user.text, /"forget me" erases everything/);
    assert.deepEqual(user.choices, ['Yes, I agree', 'No, thanks']);
    await user.send('Yes, I agree');
    assert.match(user.text, /updates will come to this chat/);

    const rows = await db.selectFrom('chat_subscribers').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0].channel, rows[0].language, rows[0].status], ['test', 'en', 'active']);
    const reference = JSON.parse(rows[0].reference!);
    assert.equal(reference.serviceUrl, 'http://localhost/test');
    assert.ok(reference.conversation.id, 'where to write');
    assert.equal(reference.user.name, undefined, 'no display name is kept');
    assert.equal((await db.selectFrom('subscriptions').selectAll().execute()).length, 0, 'no e-mail needed');

    await user.send('newsletter');
    await user.send('here');
    await user.send('yes');
    assert.match(user.text, /You already get IOM's updates in this chat/);
    assert.equal((await db.selectFrom('chat_subscribers').selectAll().execute()).length, 1);
  });

  it('in Spanish, in the person\'s own words; BAJA stops it in one step and drops the chat address', async () => {
    const { services, db } = await withStore();
    const user = await chatWithBot({ locale: 'es-ES', services });
    await user.send('quiero suscribirme');
    assert.deepEqual(user.choices, ['Aquí, en este chat', 'Por correo']);
    await user.send('aquí');
    assert.match(user.text, /conservo el canal/);
    await user.send('sí');
    assert.match(user.text, /llegarán a este chat/);
    assert.equal((await db.selectFrom('chat_subscribers').select('language').executeTakeFirstOrThrow()).language, 'es');

    await user.send('BAJA');
    assert.match(user.text, /Te has dado de baja/);
    const row = await db.selectFrom('chat_subscribers').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'unsubscribed');
    assert.equal(row.reference, null);
    await user.send('BAJA');
    assert.match(user.text, /No hay ninguna suscripción/);
  });

  it('in French, "non" to the notice stores nothing', async () => {
    const { services, db } = await withStore();
    const user = await chatWithBot({ locale: 'fr-FR', services });
    await user.send("m'abonner");
    await user.send('Ici, dans ce chat');
    assert.match(user.text, /je conserve le canal/);
    await user.send('non');
    assert.match(user.text, /je n'ai rien enregistré/);
    assert.equal((await db.selectFrom('chat_subscribers').selectAll().execute()).length, 0);
  });

  it('"not sure" to the notice is no consent: nothing is stored', async () => {
    const { services, db } = await withStore();
    const user = await chatWithBot({ services });
    await user.send('subscribe');
    await user.send('Here in this chat');
    await user.send('not sure');
    assert.equal((await db.selectFrom('chat_subscribers').selectAll().execute()).length, 0);
    assert.doesNotMatch(user.text, /subscribed|You will get/i);
  });

  it('the "Unsubscribe" button under an update stops it, in any of the three languages', async () => {
    for (const label of ['Unsubscribe', 'Se désabonner', 'Darme de baja']) {
      const { services, db } = await withStore();
      const user = await chatWithBot({ services });
      for (const text of ['subscribe', 'Here in this chat', 'Yes, I agree']) await user.send(text);
      await user.send(label);
      assert.equal((await db.selectFrom('chat_subscribers').select('status').executeTakeFirstOrThrow()).status, 'unsubscribed', label);
    }
  });

  it('an address typed instead of choosing goes straight to the e-mail consent', async () => {
    const { services, subscriptions } = await withStore();
    const user = await chatWithBot({ services });
    await user.send('subscribe');
    await user.send('ana@example.org');
    assert.match(user.text, /your e-mail address, your language and today's date/);
    await user.send('yes');
    assert.equal((await subscriptions.list())[0].email, 'ana@example.org');
  });

  it('two unclear answers to "how?" end the flow with nothing stored', async () => {
    const { services, db } = await withStore();
    const user = await chatWithBot({ services });
    await user.send('subscribe');
    await user.send('maybe tomorrow');
    assert.match(user.text, /Please choose "Here in this chat" or "By e-mail"/);
    await user.send('hmm');
    assert.match(user.text, /I did not store anything/);
    assert.equal((await db.selectFrom('chat_subscribers').selectAll().execute()).length, 0);
  });

  it('updates follow the language the person switches to', async () => {
    const { services, db } = await withStore();
    const user = await chatWithBot({ services });
    for (const text of ['subscribe', 'Here in this chat', 'Yes, I agree', 'español']) await user.send(text);
    assert.equal((await db.selectFrom('chat_subscribers').select('language').executeTakeFirstOrThrow()).language, 'es');
  });

  it('"forget me" erases the subscription here and the one by e-mail', async () => {
    const { services, db } = await withStore();
    const user = await chatWithBot({ services });
    for (const text of ['subscribe', 'Here in this chat', 'Yes, I agree', 'subscribe', 'By e-mail', 'ana@example.org', 'yes']) await user.send(text);
    assert.equal((await db.selectFrom('chat_subscribers').selectAll().execute()).length, 1);
    assert.equal((await db.selectFrom('subscriptions').selectAll().execute()).length, 1);
    await user.send('forget me');
    assert.equal((await db.selectFrom('chat_subscribers').selectAll().execute()).length, 0);
    assert.equal((await db.selectFrom('subscriptions').selectAll().execute()).length, 0);
  });

  it('in a group conversation, offers e-mail instead: everyone would get the updates', async () => {
    const { services, db } = await withStore();
    const user = await chatWithBot({ services, isGroup: true });
    await user.send('subscribe');
    await user.send('Here in this chat');
    assert.match(user.text, /In a group conversation, updates would reach everyone here/);
    assert.match(user.text, /What e-mail address/);
    assert.equal((await db.selectFrom('chat_subscribers').selectAll().execute()).length, 0);
  });
});
