import assert from 'node:assert/strict';
import { LocalSignal } from '../../src/directline/ActivitySignal';
import { ConversationCapacity } from '../../src/directline/ConversationCapacity';
import { DirectLineStore, MAX_ACTIVITIES_PER_CONVERSATION, TOKEN_TTL_SECONDS } from '../../src/directline/DirectLineStore';
import { SqlTicketStore } from '../../src/handoff/SqlTicketStore';
import { type OpenDatabase, openDatabase } from '../../src/storage/openDatabase';
import { freshPostgresSchema, requirePostgres } from '../support/databases';

type Opened = { database: OpenDatabase; done: () => Promise<void> };
const engines: Array<{ name: string; open: (ctx: Mocha.Context) => Promise<Opened> }> = [
  {
    name: 'SQLite',
    open: async () => {
      const database = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: undefined });
      return { database, done: () => database.db.destroy() };
    },
  },
  {
    name: 'PostgreSQL',
    open: async (ctx) => {
      requirePostgres(ctx);
      const schema = await freshPostgresSchema();
      const database = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: schema.url });
      return { database, done: async () => { await database.db.destroy(); await schema.drop(); } };
    },
  },
];

const MINUTE = 60_000;

for (const engine of engines) {
  describe(`web chat conversations on ${engine.name}`, function () {
    this.timeout(30_000);
    let opened: Opened | undefined;
    let now = Date.parse('2030-01-01T00:00:00Z');
    const clock = () => now;
    let store: DirectLineStore;
    const capacity = (max: number) =>
      new ConversationCapacity(opened!.database.db, { max, activeMs: 10 * MINUTE, idleMs: 120 * MINUTE, ticketHoldMs: 30 * 24 * 60 * MINUTE }, clock);

    beforeEach(async function () {
      opened = await engine.open(this);
      store = new DirectLineStore(opened.database.db, new LocalSignal(), clock);
    });
    afterEach(async () => opened?.done());

    it('lets a token expire, and a refreshed token replaces the old one', async () => {
      const { conversation, token } = await store.create('fr-FR');
      assert.equal((await store.byToken(token))?.locale, 'fr-FR');
      const fresh = await store.refresh(conversation.id);
      assert.equal(await store.byToken(token), undefined, 'the old token stops working');
      now += TOKEN_TTL_SECONDS * 1000 - 1;
      assert.equal((await store.byToken(fresh.token))?.id, conversation.id);
      now += 2;
      assert.equal(await store.byToken(fresh.token), undefined);
    });

    it('numbers activities so a watermark picks up exactly where it left off', async () => {
      const { conversation } = await store.create();
      await store.append(conversation.id, [{ type: 'message', text: 'one' }, { type: 'message', text: 'two' }]);
      const first = await store.since(conversation.id, 0);
      assert.deepEqual(first?.activities.map((a) => a.text), ['one', 'two']);
      assert.equal(first?.watermark, 2);
      await store.append(conversation.id, [{ type: 'message', text: 'three' }]);
      const next = await store.since(conversation.id, first!.watermark);
      assert.deepEqual(next?.activities.map((a) => a.text), ['three']);
      const future = await store.since(conversation.id, 999);
      assert.equal(future?.activities.length, 0, 'a made-up watermark from the future shows nothing…');
      await store.append(conversation.id, [{ type: 'message', text: 'four' }]);
      assert.deepEqual((await store.since(conversation.id, future!.watermark))?.activities.map((a) => a.text), ['four'], '…and its answer does not hide what comes next');
    });

    it(`keeps the last ${MAX_ACTIVITIES_PER_CONVERSATION} activities of a conversation`, async () => {
      const { conversation } = await store.create();
      const batch = Array.from({ length: 50 }, (_, i) => ({ type: 'message', text: String(i) }));
      for (let i = 0; i < 11; i++) await store.append(conversation.id, batch);
      const page = await store.since(conversation.id, 0);
      assert.equal(page?.activities[0].text, '0', 'the oldest kept is number 50');
      assert.equal(page?.activities[0].id?.endsWith('|0000050'), true);
      const count = await opened!.database.db.selectFrom('directline_activities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), MAX_ACTIVITIES_PER_CONVERSATION);
    });

    it('when full, expires idle conversations to make room, but never a recent one or one waiting for the helpdesk', async () => {
      const limit = capacity(3);
      const waiting = (await store.create()).conversation;
      const idle = (await store.create()).conversation;
      await new SqlTicketStore(opened!.database.db, engine.name === 'PostgreSQL').create({
        reference: { channelId: 'directline', conversation: { id: waiting.id } } as never,
        channel: 'directline', lang: 'en', urgency: 'urgent', transcript: [], userKey: 'k',
      });
      now += 11 * MINUTE;
      const recent = (await store.create()).conversation;
      assert.equal(await limit.admit(), true, 'room is made by expiring the idle conversation');
      assert.equal(await store.since(idle.id, 0), undefined);
      await store.create();
      assert.equal(await limit.admit(), false, 'nothing else may go: the rest are recent or waiting for a person');
      assert.ok(await store.since(waiting.id, 0));
      assert.ok(await store.since(recent.id, 0));
    });

    it('when full, a token never used to start its conversation makes room after a minute', async () => {
      const limit = capacity(2);
      const person = (await store.create()).conversation;
      await store.markStarted(person.id);
      const abandoned = (await store.create()).conversation;
      now += 30_000;
      assert.equal(await limit.admit(), false, 'a page may still be starting it');
      now += 5 * MINUTE;
      assert.equal(await limit.admit(), true);
      assert.equal(await store.since(abandoned.id, 0), undefined);
      assert.ok(await store.since(person.id, 0), 'the started conversation, used 5 minutes ago, stays');
    });

    it('purges conversations unused for the idle time, with what was said, unless a ticket is open', async () => {
      const gone = (await store.create()).conversation;
      const used = (await store.create()).conversation;
      const waiting = (await store.create()).conversation;
      for (const c of [gone, used, waiting]) await store.append(c.id, [{ type: 'message', text: 'hello' }]);
      await new SqlTicketStore(opened!.database.db, engine.name === 'PostgreSQL').create({
        reference: { channelId: 'directline', conversation: { id: waiting.id } } as never,
        channel: 'directline', lang: 'en', urgency: 'normal', transcript: [], userKey: 'k',
      });
      now += 100 * MINUTE;
      await store.append(used.id, [{ type: 'message', text: 'still here' }]);
      now += 30 * MINUTE;
      assert.equal(await capacity(100).purgeIdle(), 1);
      assert.equal(await store.since(gone.id, 0), undefined);
      assert.equal((await store.since(used.id, 0))?.activities.length, 2);
      assert.ok(await store.since(waiting.id, 0), 'a conversation waiting for the helpdesk stays');
      const left = await opened!.database.db.selectFrom('directline_activities').select('conversation_id').execute();
      assert.ok(!left.some((r) => r.conversation_id === gone.id), 'nothing said in a purged conversation is left behind');
      now += 31 * 24 * 60 * MINUTE;
      assert.equal(await capacity(100).purgeIdle(), 2, 'past CONVERSATION_TTL_DAYS even a conversation with an open ticket goes');
    });
  });
}
