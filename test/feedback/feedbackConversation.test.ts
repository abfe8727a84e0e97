import assert from 'node:assert/strict';
import { WHATSAPP_MAX_BUTTON_TITLE, WHATSAPP_MAX_REPLY_BUTTONS } from '../../src/channels/renderWhatsApp';
import { Metrics } from '../../src/metrics/Metrics';
import { chatWithBot } from '../support/chat';
import { type InsightsFixture, withInsights } from '../support/insights';

const QUESTION = 'How many international migrants are there in the world?';
const ENTRY = 'international-migrants-number';

describe('feedback on answers, as people give it', () => {
  let fixture: InsightsFixture;
  beforeEach(async () => (fixture = await withInsights()));
  afterEach(() => fixture.close());

  it('on the web chat an answer offers 👍/👎 after its follow-ups; 👎 asks once what was wrong, in one tap', async () => {
    const user = await chatWithBot({ services: fixture.services });
    await user.send(QUESTION);
    assert.match(user.text, /281 million/);
    assert.deepEqual(user.choices.slice(-2), ['👍 Helpful', '👎 Not helpful']);
    assert.ok(user.choices.includes('How many internal migrants are there?'), 'the follow-ups stay, before the vote');

    await user.send('👎 Not helpful');
    assert.match(user.text, /What was wrong\?/);
    assert.deepEqual(user.choices, ['Not my question', 'Not clear', 'Out of date']);
    const stats = await fixture.entry(ENTRY);
    assert.equal(stats.unhelpful, 1);
    assert.equal(stats.answered, 1);

    await user.send('Out of date');
    assert.match(user.text, /will look at it/);
    assert.deepEqual(user.choices, ['Talk to a person']);
    assert.equal((await fixture.entry(ENTRY)).reasons['out-of-date'], 1);
    assert.equal((await fixture.entry(ENTRY)).stale, true, 'marked out of date after its last review');

    await user.send('👎');
    assert.doesNotMatch(user.text, /What was wrong/, 'never asked twice about one answer');
    assert.equal((await fixture.entry(ENTRY)).unhelpful, 1, 'the same vote again is not counted twice');
  });

  it('"not my question" offers the entries the question was also close to, and a person', async () => {
    const user = await chatWithBot({ services: fixture.services });
    await user.send(QUESTION);
    await user.send('👎');
    await user.send('not my question');
    assert.match(user.text, /Did you mean one of these\?/);
    assert.ok(user.choices.includes('How many internal migrants are there?'));
    assert.ok(!user.choices.includes('How many international migrants are there?'), 'not the answer that missed');
    assert.equal(user.choices.at(-1), 'Talk to a person');
    await user.send('How many internal migrants are there?');
    assert.match(user.text, /740 million/);
    assert.deepEqual((await fixture.entry(ENTRY)).reasons, { 'not-my-question': 1, 'not-clear': 0, 'out-of-date': 0 });
    const [group] = (await fixture.insights.suggestions.list()).filter((s) => s.entryId === 'internal-migrants-number');
    assert.equal(group?.text, QUESTION, 'the question the tap resolved is a suggested alternate of the entry picked');
  });

  it('👍 thanks the person, brings the follow-ups back, and a change of mind flips the vote', async () => {
    const user = await chatWithBot({ services: fixture.services, locale: 'fr-FR' });
    await user.send('Combien y a-t-il de migrants internationaux dans le monde ?');
    assert.deepEqual(user.choices.slice(-2), ['👍 Utile', '👎 Pas utile']);
    await user.send('👍');
    assert.match(user.text, /Merci/);
    assert.ok(user.choices.includes('Combien y a-t-il de migrants internes ?'), user.choices.join(' | '));
    let stats = await fixture.entry(ENTRY);
    assert.deepEqual([stats.helpful, stats.unhelpful, stats.byLanguage.fr.helpful], [1, 0, 1]);
    await user.send('👎 Pas utile');
    stats = await fixture.entry(ENTRY);
    assert.deepEqual([stats.helpful, stats.unhelpful], [0, 1], 'one person, one vote per answer');
  });

  it('on WhatsApp the vote is typed, so the answer keeps its buttons; the reasons fit 3 buttons of ≤ 20 characters', async () => {
    for (const [locale, question, typed] of [
      ['en-US', QUESTION, '👎🏽'],
      ['fr-FR', 'Combien y a-t-il de migrants internationaux dans le monde ?', '👎'],
      ['es-ES', '¿Cuántos migrantes internacionales hay en el mundo?', '👎'],
    ] as const) {
      const user = await chatWithBot({ services: fixture.services, channelId: 'whatsapp', locale });
      await user.send(question);
      assert.match(user.text, /👍.*👎/, 'the answer says how to vote');
      for (const reply of user.replies) {
        assert.ok((reply.suggestedActions?.actions.length ?? 0) <= WHATSAPP_MAX_REPLY_BUTTONS);
        assert.ok(!(reply.suggestedActions?.actions ?? []).some((a) => /👍|👎/.test(String(a.title))), 'no vote button takes a follow-up\'s place');
      }
      await user.send(typed);
      const actions = user.last?.suggestedActions?.actions ?? [];
      assert.equal(actions.length, 3, `${locale}: the three reasons are reply buttons`);
      for (const a of actions) assert.ok(String(a.title).length <= WHATSAPP_MAX_BUTTON_TITLE, a.title);
      await user.send('2');
      assert.doesNotMatch(user.text, /What was wrong|Qu'est-ce qui|Qué falló/);
    }
    const stats = await fixture.entry(ENTRY);
    assert.equal(stats.unhelpful, 3);
    assert.equal(stats.reasons['not-clear'], 3, '"2" picked the second reason in every language');
    assert.deepEqual([stats.byLanguage.en.unhelpful, stats.byLanguage.fr.unhelpful, stats.byLanguage.es.unhelpful], [1, 1, 1]);
  });

  it('a thumb with no answer to rate is thanked, stores nothing, and is not an unanswered question', async () => {
    const user = await chatWithBot({ services: fixture.services });
    await user.send('👍');
    assert.match(user.text, /Thank you/);
    assert.ok(user.choices.length >= 3, 'offers the topics');
    const unanswered = await fixture.services.unanswered.list();
    assert.ok(!unanswered.some((q) => q.text.includes('👍')));
    assert.equal((await fixture.insights.db.selectFrom('feedback_votes').selectAll().execute()).length, 0);
  });

  it('a reason typed later, when the choices are gone, is read as a question again', async () => {
    const user = await chatWithBot({ services: fixture.services });
    await user.send(QUESTION);
    await user.send('👎');
    await user.send('hello');
    await user.send('not clear');
    assert.equal((await fixture.entry(ENTRY)).reasons['not-clear'], 0);
  });

  it('stores no text and no user id with a vote, and counts it in bot_feedback_total', async () => {
    const metrics = new Metrics();
    const user = await chatWithBot({ services: { ...fixture.services, metrics }, userId: 'person-4711' });
    await user.send(`${QUESTION} call me on +41 22 717 91 11`);
    await user.send('👎');
    await user.send('Not clear');
    const rows = await fixture.insights.db.selectFrom('feedback_votes').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.deepEqual(Object.keys(rows[0]).sort(), ['channel', 'day', 'entry_id', 'id', 'lang', 'reason', 'vote']);
    assert.doesNotMatch(JSON.stringify(rows), /migrants in the world|4711|717/);
    assert.match(await metrics.registry.metrics(), /bot_feedback_total\{vote="down",lang="en"\} 1/);
  });
});
