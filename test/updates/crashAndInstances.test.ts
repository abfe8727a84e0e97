import assert from 'node:assert/strict';
import { Client } from 'pg';
import { freshPostgresSchema, requirePostgres } from '../support/databases';
import { gatedConnector } from './support/gatedConnector';
import { type BotProcess, startBotProcess } from './support/processes';
import { staffApi, THREE_LANGUAGES } from './support/staff';

const RECIPIENTS = 500;
const BEFORE_CRASH = 200;
const CONCURRENCY = 2;
const TOKEN = 'staff-token-for-the-crash-test';
const LANGS = ['en', 'fr', 'es'] as const;

const until = async (check: () => Promise<boolean> | boolean) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 50));
};

describe('delivery through a crash, then two instances on one PostgreSQL', function () {
  this.timeout(180_000);
  before(function () {
    requirePostgres(this);
  });

  it(`kills the bot after ${BEFORE_CRASH} of ${RECIPIENTS} sends; two new instances deliver every remaining recipient exactly once`, async () => {
    const schema = await freshPostgresSchema();
    const connector = await gatedConnector();
    const pg = new Client({ connectionString: schema.url });
    const bots: BotProcess[] = [];
    const start = async (name: string) => {
      const url = new URL(schema.url);
      url.searchParams.set('application_name', name);
      const bot = await startBotProcess({
        DATABASE_URL: url.toString(), STAFF_API_TOKEN: TOKEN, UPDATES_POLL_MS: '50', UPDATES_CONCURRENCY: String(CONCURRENCY),
        UPDATES_CHAT_PER_SECOND: '1000', OUTGOING_TIMEOUT_MS: '60000', SHUTDOWN_GRACE_MS: '1000',
      });
      bots.push(bot);
      return bot;
    };
    const count = async (status: string) => Number((await pg.query('select count(*) as n from update_deliveries where status = $1', [status])).rows[0].n);
    try {
      const first = await start('bot-1');
      await pg.connect();
      // 500 people subscribed here in the chat, on a Bot Framework channel, in three languages.
      for (let i = 0; i < RECIPIENTS; i++) {
        const reference = { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: `conv-${i}` }, user: { id: `user-${i}` }, bot: { id: 'bot', name: 'IOM' } };
        await pg.query(
          `insert into chat_subscribers (id, user_key, channel, language, reference, consent_version, status, created_at) values ($1, $2, 'msteams', $3, $4, 'v', 'active', $5)`,
          [`sub-${i}`, `key-${i}`, LANGS[i % 3], JSON.stringify(reference), new Date().toISOString()],
        );
      }

      connector.holdAfter(BEFORE_CRASH);
      const created = await staffApi(() => first.url, TOKEN).send(THREE_LANGUAGES);
      assert.deepEqual([created.status, created.body.recipients], [201, RECIPIENTS]);
      // Every loop is now waiting for an answer that will not come: kill the process mid-send.
      await until(() => connector.waiting() === CONCURRENCY);
      await first.kill('SIGKILL');
      assert.equal(connector.acknowledged(), BEFORE_CRASH);
      assert.equal(await count('sent'), BEFORE_CRASH, 'what was acknowledged was recorded');
      assert.equal(await count('queued'), RECIPIENTS - BEFORE_CRASH, 'the sends cut off are still queued');

      // Two instances start on the same database; both take rows before anything is answered.
      connector.holdAfter(BEFORE_CRASH);
      const [second] = await Promise.all([start('bot-2'), start('bot-3')]);
      await until(async () => {
        const { rows } = await pg.query(`select count(distinct application_name) as n from pg_stat_activity where state = 'idle in transaction' and application_name in ('bot-2', 'bot-3')`);
        return Number(rows[0].n) === 2;
      });
      connector.release();
      await until(async () => (await count('queued')) === 0);

      assert.equal(connector.acknowledged(), RECIPIENTS);
      for (let i = 0; i < RECIPIENTS; i++) {
        const texts = connector.delivered.get(`conv-${i}`) ?? [];
        assert.equal(texts.length, 1, `conv-${i} got ${texts.length} messages`);
        assert.ok(texts[0].includes(THREE_LANGUAGES[LANGS[i % 3]].title), `conv-${i} in ${LANGS[i % 3]}`);
      }
      const report = await staffApi(() => second.url, TOKEN).report(created.body.id);
      assert.equal(report.state, 'finished');
      assert.deepEqual(report.report.counts, { queued: 0, sent: RECIPIENTS, failed: 0, skipped: 0 });
    } catch (err) {
      for (const bot of bots) console.log(bot.output().slice(-2000));
      throw err;
    } finally {
      await Promise.all(bots.map((b) => b.kill('SIGTERM')));
      await pg.end().catch(() => undefined);
      connector.close();
      await schema.drop();
    }
  });
});
