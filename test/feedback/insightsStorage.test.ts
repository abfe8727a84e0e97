import assert from 'node:assert/strict';
import { Insights } from '../../src/feedback/Insights';
import { knowledgeStats } from '../../src/feedback/knowledgeStats';
import { createLogger } from '../../src/log';
import { type OpenDatabase, openDatabase } from '../../src/storage/openDatabase';
import { usageReport } from '../../src/usage/usageReport';
import { testServices } from '../support/chat';
import { freshPostgresSchema, requirePostgres } from '../support/databases';
import { TODAY } from '../support/insights';

type Opened = { databases: OpenDatabase[]; done: () => Promise<void> };
const engines: Array<{ name: string; open: () => Promise<Opened> }> = [
  {
    name: 'SQLite',
    open: async () => {
      const database = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: undefined });
      return { databases: [database, database], done: () => database.db.destroy() };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const schema = await freshPostgresSchema();
      const databases = [await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: schema.url }), await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: schema.url })];
      return { databases, done: async () => { for (const d of databases) await d.db.destroy(); await schema.drop(); } };
    },
  },
];

for (const engine of engines) {
  describe(`feedback and usage on ${engine.name}, two bot instances`, function () {
    let opened: Opened;
    let instances: Insights[];
    before(async function () {
      if (engine.name === 'PostgreSQL') requirePostgres(this);
      opened = await engine.open();
      instances = opened.databases.map((d) => new Insights(d.db, { retentionDays: 365, logger: createLogger('silent'), now: () => new Date(`${TODAY}T09:00:00Z`) }));
    });
    after(async () => opened && opened.done());

    const range = { from: TODAY, to: TODAY, today: TODAY };

    it('adds both instances\' counts, and counts a person seen by both once', async () => {
      for (const insights of instances) {
        insights.usage.record({ day: TODAY, lang: 'es', channel: 'whatsapp', counts: { turns: 2, answers: 1 }, entries: ['global-partners'], person: 'same-person', conversation: 'same-conversation' });
      }
      await Promise.all(instances.map((i) => i.usage.flush()));
      const [row] = await usageReport(instances[0], range);
      assert.deepEqual([row.turns, row.answers, row.people, row.conversations], [4, 2, 1, 1]);
    });

    it('stores votes with their reasons and counts suggestions from both instances', async () => {
      const [a, b] = instances;
      const id = await a.feedback.add({ day: TODAY, entryId: 'global-partners', lang: 'es', channel: 'whatsapp', vote: 'down' });
      await b.feedback.giveReason(id, 'not-my-question');
      await b.feedback.add({ day: TODAY, entryId: 'global-partners', lang: 'fr', channel: 'teams', vote: 'up' });
      await a.suggestions.record('socios globales', 'global-partners', 'es', TODAY);
      await b.suggestions.record('Socios globales!', 'global-partners', 'es', TODAY);
      const stats = (await knowledgeStats(b, testServices().kb, range, 365)).find((e) => e.id === 'global-partners')!;
      assert.deepEqual([stats.answered, stats.helpful, stats.unhelpful, stats.reasons['not-my-question']], [2, 1, 1, 1]);
      assert.deepEqual(stats.byLanguage.es, { answered: 2, helpful: 0, unhelpful: 1 });
      const [suggestion] = await a.suggestions.list();
      assert.equal(suggestion.count, 2);
    });
  });
}
