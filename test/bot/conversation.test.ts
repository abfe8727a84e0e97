import assert from 'node:assert/strict';
import { chatWithBot } from '../support/chat';

describe('talking to the bot', () => {
  it('welcomes a newcomer: automated assistant, what it can do, topics and languages', async () => {
    const user = await chatWithBot();
    await user.join();
    assert.match(user.text, /automated assistant/i);
    assert.match(user.text, /français/);
    assert.ok(user.choices.length >= 3, 'a topic menu is offered');
  });

  it('welcomes a Teams user in their platform language', async () => {
    const user = await chatWithBot({ locale: 'fr-FR' });
    await user.join();
    assert.match(user.text, /assistant automatique/);
    assert.deepEqual([...new Set(user.locales)], ['fr']);
  });

  it('answers in English with the source', async () => {
    const user = await chatWithBot();
    await user.send('how many international migrants are there in the world?');
    assert.match(user.text, /281 million/);
    assert.match(user.text, /iom\.int/);
  });

  it('answers a French question in French, and keeps French for short follow-ups', async () => {
    const user = await chatWithBot();
    await user.send('combien de migrants internationaux y a-t-il dans le monde ?');
    assert.match(user.text, /281 millions/);
    assert.deepEqual([...new Set(user.locales)], ['fr']);
    await user.send('merci');
    assert.match(user.text, /plaisir/);
  });

  it('answers a Spanish question in Spanish', async () => {
    const user = await chatWithBot();
    await user.send('¿cuántos migrantes internos hay?');
    assert.match(user.text, /740 millones/);
  });

  it('switches language when the person names one, and the choice sticks', async () => {
    const user = await chatWithBot();
    await user.send('español');
    assert.match(user.text, /te responderé en español/);
    await user.send('when was the IOM created');
    assert.deepEqual([...new Set(user.locales)], ['es'], 'an explicit choice beats detection');
    assert.match(user.text, /1951/);
  });

  it('never switches language on a one- or two-word message', async () => {
    const user = await chatWithBot();
    await user.send('how many internal migrants are there');
    await user.send('hola');
    assert.deepEqual([...new Set(user.locales)], ['en']);
  });

  it('says what it cannot help with instead of stating an unrelated fact, and offers a person', async () => {
    const user = await chatWithBot();
    await user.send("what's the weather like in Geneva tomorrow?");
    assert.match(user.text, /only (know about|give general information about) migrants' health|outside/);
    assert.doesNotMatch(user.text, /281|740|1951|175/);
    assert.ok(user.choices.includes('Talk to a person'), 'offers a person');
    await user.send('blorf zzkt wibble');
    assert.match(user.text, /don't know/);
    assert.ok(user.choices.length > 0, 'offers the topic menu');
  });

  it('says it cannot see a person\'s own results, offers a person and the general answer on the topic', async () => {
    const user = await chatWithBot();
    await user.send('my chest xray from last tuesday, did it come back clear?');
    assert.match(user.text, /can't see anyone's file, case, results/);
    assert.doesNotMatch(user.text, /Source/, 'no answer is stated as if it were about this person');
    assert.ok(user.choices.includes('Talk to a person'), 'offers a person');
    const general = user.choices.find((c) => /X-ray/i.test(c));
    assert.ok(general, `offers the general answer on X-rays: ${user.choices.join(' | ')}`);
    assert.ok(user.choices.includes('All topics'), 'and the topics, in three choices (WhatsApp buttons)');
    await user.send(general);
    assert.match(user.text, /Source/);
  });

  it('"how are you" gets a friendly word and the topics, not a knowledge-base answer', async () => {
    for (const [locale, hello, reply] of [
      ['en-US', 'how are you doing today?', /always ready/],
      ['fr-FR', 'ça va toi ?', /toujours prêt/],
      ['es-ES', 'hola, ¿cómo estás?', /siempre listo/],
    ] as const) {
      const user = await chatWithBot({ locale });
      await user.send(hello);
      assert.match(user.text, reply);
      assert.doesNotMatch(user.text, /Source|Fuente/);
      assert.ok(user.choices.length >= 3, 'offers the topics');
    }
  });

  it('helps, shows the menu, and says goodbye in the person\'s language', async () => {
    const user = await chatWithBot({ locale: 'es-ES' });
    await user.send('ayuda por favor');
    assert.match(user.text, /pregunta/);
    await user.send('menú');
    assert.ok(user.choices.length >= 3);
    await user.send('adiós');
    assert.match(user.text, /Adiós/);
  });
});

describe('emergencies come first', () => {
  it('"my baby is not breathing" gets the emergency numbers at once', async () => {
    const user = await chatWithBot();
    await user.send('my baby is not breathing');
    assert.match(user.text, /112/);
    assert.match(user.text, /911/);
  });

  it('« mon bébé ne respire plus » gets the emergency numbers in French', async () => {
    const user = await chatWithBot();
    await user.send('mon bébé ne respire plus');
    assert.match(user.text, /Appelez tout de suite le numéro d'urgence/);
    assert.match(user.text, /112/);
  });

  it('an informational question about trafficking is answered, not treated as an emergency', async () => {
    const user = await chatWithBot();
    await user.send('what does IOM do about trafficking?');
    assert.doesNotMatch(user.text, /112/);
  });
});

describe('menus answered with a number, on every channel', () => {
  it('on WhatsApp: no cards, at most 3 buttons, and "1" gives the first topic', async () => {
    const user = await chatWithBot({ channelId: 'whatsapp' });
    await user.join();
    for (const reply of user.replies) {
      assert.equal(reply.attachments, undefined);
      assert.ok((reply.suggestedActions?.actions.length ?? 0) <= 3);
    }
    assert.match(user.text, /8\. About IOM & commitments/);
    await user.send('8');
    assert.match(user.text, /1\. What is IOM\?/);
    await user.send('1');
    assert.match(user.text, /1951/);
  });

  it('"deux" and "dos" pick option 2 of the last menu', async () => {
    const fr = await chatWithBot({ locale: 'fr-FR' });
    await fr.join();
    await fr.send('huit');
    await fr.send('deux');
    assert.match(fr.text, /1951/);
    const es = await chatWithBot({ locale: 'es-ES', channelId: 'sms' });
    await es.join();
    await es.send('ocho');
    await es.send('dos');
    assert.match(es.text, /1951/);
  });

  it('a number with no menu shown is just text', async () => {
    const user = await chatWithBot();
    await user.send('2');
    assert.match(user.text, /don't know/);
  });
});
