import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { userKey } from '../../src/privacy/userKey';
import { addDays } from '../../src/usage/day';
import { chatWithBot } from '../support/chat';
import { TODAY, type InsightsFixture, withInsights } from '../support/insights';

const row = (rows: Awaited<ReturnType<InsightsFixture['usage']>>, lang: string, channel: string) => rows.find((r) => r.lang === lang && r.channel === channel);

describe('usage counts', () => {
  let fixture: InsightsFixture;
  beforeEach(async () => (fixture = await withInsights(30)));
  afterEach(() => fixture.close());

  it('counts turns, people, conversations and what each turn led to, per day, language and channel', async () => {
    const ana = await chatWithBot({ services: fixture.services, userId: 'ana' });
    await ana.send('how many international migrants are there in the world?');
    await ana.send('goals');
    await ana.send('blorf zzkt wibble');
    await ana.send('I want to talk to a person');
    const anaAgain = await chatWithBot({ services: fixture.services, userId: 'ana' });
    await anaAgain.send('what is IOM?');
    const bruno = await chatWithBot({ services: fixture.services, channelId: 'whatsapp', locale: 'fr-FR' });
    await bruno.send('Combien y a-t-il de migrants internationaux dans le monde ?');
    await bruno.send('mon bébé ne respire plus');

    const rows = await fixture.usage();
    assert.deepEqual(row(rows, 'en', 'webchat'), {
      day: TODAY, lang: 'en', channel: 'webchat', turns: 5, people: 1, conversations: 2,
      answers: 2, clarifications: 1, fallbacks: 1, handoffs: 1, emergencies: 0,
    });
    assert.deepEqual(row(rows, 'fr', 'whatsapp'), {
      day: TODAY, lang: 'fr', channel: 'whatsapp', turns: 2, people: 1, conversations: 1,
      answers: 1, clarifications: 0, fallbacks: 0, handoffs: 0, emergencies: 1,
    });
    assert.equal(rows.length, 2);
    assert.equal((await fixture.entry('international-migrants-number')).answered, 2);
    assert.equal((await fixture.entry('international-migrants-number')).lastAnswered, TODAY);
  });

  it('keeps people as day-keyed hashes that nobody can link once the day is over', async () => {
    const ana = await chatWithBot({ services: fixture.services, userId: 'ana' });
    await ana.send('what is IOM?');
    await fixture.usage();
    const hashes = async (day: string) =>
      (await fixture.insights.db.selectFrom('usage_visitors').select('hash').where('kind', '=', 'person').where('day', '=', day).execute()).map((r) => r.hash);
    const [first] = await hashes(TODAY);
    assert.ok(first && first !== userKey('test', 'ana').slice(0, first.length), 'not the plain one-way key, which anyone with the id could recompute');

    fixture.setToday(addDays(TODAY, 1));
    await ana.send('what is IOM?');
    await fixture.usage();
    const [next] = await hashes(addDays(TODAY, 1));
    assert.notEqual(next, first, 'the same person has another hash the next day');
    const salts = await fixture.insights.db.selectFrom('usage_salts').select('day').execute();
    assert.deepEqual(salts.map((s) => s.day), [addDays(TODAY, 1)], "yesterday's salt is gone");
  });

  it('"forget me" leaves the counts: they hold no identity', async () => {
    const ana = await chatWithBot({ services: fixture.services, userId: 'ana' });
    await ana.send('how many international migrants are there in the world?');
    await ana.send('👎');
    await ana.send('forget me');
    assert.match(ana.text, /deleted|erased|forgotten/i);
    const stats = await fixture.entry('international-migrants-number');
    assert.deepEqual([stats.answered, stats.unhelpful], [1, 1]);
    assert.equal(row(await fixture.usage(), 'en', 'webchat')?.turns, 3);
  });

  it('deletes votes, suggestions and counts older than the retention period', async () => {
    const ana = await chatWithBot({ services: fixture.services });
    await ana.send('how many international migrants are there in the world?');
    await ana.send('👍');
    await ana.send('goals');
    await ana.send('1');
    await fixture.usage();
    fixture.setToday(addDays(TODAY, 30));
    await fixture.insights.purge();
    assert.equal((await fixture.insights.suggestions.list()).length, 1, 'kept for 30 days');
    fixture.setToday(addDays(TODAY, 31));
    await fixture.insights.purge();
    for (const table of ['feedback_votes', 'knowledge_suggestions', 'entry_answers', 'usage_daily', 'usage_visitors'] as const) {
      const { n } = (await fixture.insights.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow());
      assert.equal(Number(n), 0, `${table} is empty after retention`);
    }
  });

  it('keeps counts that could not be written and writes them on the next try', async () => {
    const ana = await chatWithBot({ services: fixture.services });
    await ana.send('what is IOM?');
    await sql`alter table usage_daily rename to usage_daily_away`.execute(fixture.insights.db);
    await fixture.insights.usage.flush();
    await sql`alter table usage_daily_away rename to usage_daily`.execute(fixture.insights.db);
    await ana.send('what is IOM?');
    assert.equal(row(await fixture.usage(), 'en', 'webchat')?.turns, 2);
  });
});
