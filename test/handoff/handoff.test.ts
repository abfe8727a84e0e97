import assert from 'node:assert/strict';
import { chatWithBot, testServices } from '../support/chat';
import { MemoryTicketStore } from '../../src/handoff/MemoryTicketStore';
import { MemoryUnansweredStore } from '../../src/handoff/UnansweredStore';

const fresh = () => ({ ...testServices(), tickets: new MemoryTicketStore(), unanswered: new MemoryUnansweredStore() });

describe('asking for a person', () => {
  for (const [locale, ask, confirmation] of [
    ['en-US', 'can I talk to a person please', /asked a person from our helpdesk/],
    ['fr-FR', "je voudrais parler à quelqu'un", /service d'assistance de vous répondre/],
    ['es-ES', 'quiero hablar con una persona', /servicio de ayuda que te atienda/],
  ] as const) {
    it(`opens a ticket with the conversation so far (${locale})`, async () => {
      const services = fresh();
      const user = await chatWithBot({ locale, services });
      await user.send(locale.startsWith('en') ? 'how many internal migrants are there' : locale.startsWith('fr') ? 'combien de migrants internes' : 'cuántos migrantes internos hay');
      await user.send(ask);
      assert.match(user.text, confirmation);
      const [ticket] = await services.tickets.list('open');
      assert.ok(ticket, 'a ticket is open');
      assert.equal(ticket.lang, locale.slice(0, 2));
      assert.equal(ticket.urgency, 'normal');
      assert.equal(ticket.topic, 'internal-migrants-number');
      assert.match(ticket.transcript.map((l) => l.text).join('\n'), /migr/);
      assert.match(user.text, new RegExp(ticket.id));
    });
  }

  for (const [locale, question, answer] of [
    ['en-US', 'am I talking to a real human or a bot?', /automated assistant, not a person/],
    ['fr-FR', 'Bonjour, je parle à une vraie personne ou à une machine ?', /assistant automatique, pas une personne/],
    ['es-ES', '¿estoy hablando con una persona real?', /asistente automático, no una persona/],
    ['fr-FR', 't ki toi? un robot ou une vraie personne', /assistant automatique, pas une personne/],
  ] as const) {
    it(`answers "${question}" with what the bot is and how to reach a person, without a ticket (${locale})`, async () => {
      const services = fresh();
      const user = await chatWithBot({ locale, services });
      await user.send(question);
      assert.match(user.text, answer);
      assert.match(user.text, /talk to a person|parler à quelqu'un|hablar con una persona/);
      assert.equal((await services.tickets.list('open')).length, 0);
      await user.send(locale.startsWith('en') ? 'I want a real human' : locale.startsWith('fr') ? 'je veux une vraie personne' : 'quiero una persona real');
      assert.equal((await services.tickets.list('open')).length, 1, 'asking for one opens a ticket');
    });
  }

  it('emits the standard handoff.initiate event with the transcript', async () => {
    const user = await chatWithBot({ services: fresh() });
    await user.send('what is IOM');
    await user.send('talk to a person');
    const initiate = user.sent.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
    assert.ok(initiate, 'a handoff.initiate event was sent');
    const transcript = (initiate.attachments ?? []).find((a) => a.name === 'Transcript');
    assert.match(JSON.stringify(transcript?.content), /what is IOM/);
  });

  it('while a ticket is open, passes messages on and stays quiet except once; "back to the bot" closes it', async () => {
    const services = fresh();
    const user = await chatWithBot({ services });
    await user.send('talk to a person');
    await user.send('my email is ana@example.org, I need help with my papers');
    assert.match(user.text, /passed to our helpdesk/);
    await user.send('what is IOM?');
    assert.equal(user.replies.length, 0, 'the bot does not answer while a person is coming');
    const [ticket] = await services.tickets.list('open');
    const texts = ticket.transcript.map((l) => l.text).join('\n');
    assert.match(texts, /what is IOM\?/);
    assert.match(texts, /\[email\]/);
    assert.doesNotMatch(texts, /ana@example\.org/, 'personal data is masked in the ticket');

    await user.send('back to the bot');
    assert.match(user.text, /closed your request/);
    assert.equal((await services.tickets.get(ticket.id))?.status, 'closed');
    await user.send('what is IOM?');
    assert.match(user.text, /1951/, 'the bot answers again');
  });

  it('danger signs still get the emergency reply while a ticket is open, and the ticket becomes urgent', async () => {
    const services = fresh();
    const user = await chatWithBot({ services });
    await user.send('talk to a person');
    await user.send('my baby is not breathing');
    assert.match(user.text, /112/);
    const [ticket] = await services.tickets.list();
    assert.equal(ticket.urgency, 'urgent');
  });

  it('after an emergency, the offered person is flagged urgent', async () => {
    const services = fresh();
    const user = await chatWithBot({ locale: 'fr-FR', services });
    await user.send('mon bébé ne respire plus');
    assert.ok(user.choices.includes("Parler à quelqu'un maintenant"));
    await user.send("Parler à quelqu'un maintenant");
    const [ticket] = await services.tickets.list();
    assert.equal(ticket.urgency, 'urgent');
    assert.equal(ticket.lang, 'fr');
  });

  it('after two questions in a row it could not answer, the bot offers a person and records the questions', async () => {
    const services = fresh();
    const user = await chatWithBot({ services });
    await user.send('what is the best pizza in Naples');
    assert.ok(!user.choices.includes('Talk to a person'));
    await user.send('call me on +41 22 717 9111 about pizza in Naples');
    assert.ok(user.choices.includes('Talk to a person'), 'a person is offered after two misses');
    const unanswered = await services.unanswered.list();
    assert.equal(unanswered.length, 2);
    assert.doesNotMatch(JSON.stringify(unanswered), /717|9111/);
  });
});

describe('an agent hub answering handoff.status', () => {
  it('tells the person when an agent accepts, and the bot is back when it completes', async () => {
    const services = fresh();
    const user = await chatWithBot({ services });
    await user.send('talk to a person');
    await user.deliver({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } });
    assert.match(user.text, /has joined/);
    await user.deliver({ type: 'event', name: 'handoff.status', value: { state: 'completed' } });
    assert.match(user.text, /has ended/);
    const [ticket] = await services.tickets.list();
    assert.equal(ticket.status, 'closed');
  });
});
