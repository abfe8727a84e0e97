import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqlTicketStore } from '../../src/handoff/SqlTicketStore';
import { SqlUnansweredStore } from '../../src/handoff/SqlUnansweredStore';
import { type OpenDatabase, openDatabase } from '../../src/storage/openDatabase';
import { ETagConflictError, SqlStorage } from '../../src/storage/SqlStorage';
import { freshPostgresSchema, requirePostgres } from '../support/databases';
import { sayTo, startApp } from '../support/httpApp';

type Engine = { name: string; open: () => Promise<{ database: OpenDatabase; done: () => Promise<void>; url?: string }> };

const engines: Engine[] = [
  { name: 'SQLite', open: async () => { const database = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: undefined }); return { database, done: () => database.db.destroy() }; } },
  {
    name: 'PostgreSQL',
    open: async () => {
      const schema = await freshPostgresSchema();
      const database = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: schema.url });
      return { database, url: schema.url, done: async () => { await database.db.destroy(); await schema.drop(); } };
    },
  },
];

for (const engine of engines) {
  describe(`storage on ${engine.name}`, function () {
    let opened: Awaited<ReturnType<Engine['open']>>;
    before(async function () {
      if (engine.name === 'PostgreSQL') requirePostgres(this);
      opened = await engine.open();
    });
    after(async () => opened && opened.done());

    it('reads back what it wrote, and deletes', async () => {
      const storage = new SqlStorage(opened.database.db);
      await storage.write({ 'test/users/ana': { language: 'es', eTag: '*' } });
      const read = await storage.read(['test/users/ana', 'test/users/nobody']);
      assert.equal(read['test/users/ana'].language, 'es');
      assert.ok(read['test/users/ana'].eTag);
      assert.equal(read['test/users/nobody'], undefined);
      await storage.delete(['test/users/ana']);
      assert.deepEqual(await storage.read(['test/users/ana']), {});
    });

    it('refuses a write with a stale eTag and keeps the newer document', async () => {
      const storage = new SqlStorage(opened.database.db);
      await storage.write({ 'test/conversations/c1': { step: 1 } });
      const first = (await storage.read(['test/conversations/c1']))['test/conversations/c1'];
      await storage.write({ 'test/conversations/c1': { step: 2, eTag: first.eTag } });
      await assert.rejects(storage.write({ 'test/conversations/c1': { step: 3, eTag: first.eTag } }), ETagConflictError);
      assert.equal((await storage.read(['test/conversations/c1']))['test/conversations/c1'].step, 2);
    });

    it('purges idle conversation state but keeps user state', async () => {
      const storage = new SqlStorage(opened.database.db);
      await storage.write({ 'test/conversations/old': { x: 1 }, 'test/users/old': { language: 'fr' } });
      await opened.database.db.updateTable('bot_state').set({ updated_at: '2000-01-01T00:00:00.000Z' }).execute();
      assert.ok((await storage.purgeIdleConversations(30)) >= 1);
      const left = await storage.read(['test/conversations/old', 'test/users/old']);
      assert.equal(left['test/conversations/old'], undefined);
      assert.equal(left['test/users/old'].language, 'fr');
    });

    it('keeps tickets (urgent first) and counts unanswered questions', async () => {
      const tickets = new SqlTicketStore(opened.database.db, opened.database.engine === 'postgresql');
      const base = { reference: { conversation: { id: 'c' } } as never, channel: 'webchat', lang: 'en' as const, transcript: [], userKey: 'k' };
      const normal = await tickets.create({ ...base, urgency: 'normal' });
      const urgent = await tickets.create({ ...base, urgency: 'urgent' });
      await tickets.append(normal.id, { from: 'user', text: 'hello', at: new Date().toISOString() });
      const queue = await tickets.list('open');
      assert.deepEqual(queue.map((t) => t.id).slice(0, 2), [urgent.id, normal.id]);
      assert.equal((await tickets.get(normal.id))?.transcript[0].text, 'hello');
      assert.equal(await tickets.eraseUser('k'), 2);

      const unanswered = new SqlUnansweredStore(opened.database.db);
      await unanswered.record('Best pizza?', 'en');
      await unanswered.record('best  PIZZA', 'en');
      const [top] = await unanswered.list();
      assert.equal(top.count, 2);
    });
  });
}

describe('several bot instances on one PostgreSQL', function () {
  this.timeout(30_000);
  it('share a person\'s language choice and the helpdesk queue', async function () {
    requirePostgres(this);
    const schema = await freshPostgresSchema();
    const a = await startApp({ DATABASE_URL: schema.url, STAFF_API_TOKEN: 'tok' });
    const b = await startApp({ DATABASE_URL: schema.url, STAFF_API_TOKEN: 'tok' });
    try {
      const say = (server: typeof a, text: string) => sayTo(server.url, text, { conversation: 'shared', from: 'ana' }).then((r) => r.json());
      await say(a, 'español');
      const reply = await say(b, 'hello');
      assert.deepEqual([...new Set(reply.activities.map((x: { locale: string }) => x.locale))], ['es'], 'instance B uses the language chosen on A');
      await say(b, 'talk to a person');
      const queue = await (await fetch(`${a.url}/api/staff/handoffs`, { headers: { authorization: 'Bearer tok' } })).json();
      assert.equal(queue.handoffs.length, 1, 'instance A lists the ticket opened on B');
    } finally {
      await a.stop();
      await b.stop();
      await schema.drop();
    }
  });
});

describe('a restart', () => {
  it('keeps tickets and preferences in the SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-data-'));
    try {
      const say = (server: Awaited<ReturnType<typeof startApp>>, text: string) => sayTo(server.url, text, { conversation: 'r', from: 'ana' }).then((r) => r.json());
      const first = await startApp({ DATA_DIR: dir, STAFF_API_TOKEN: 'tok' });
      await say(first, 'français');
      await say(first, 'parler à quelqu\'un');
      await first.stop();
      const second = await startApp({ DATA_DIR: dir, STAFF_API_TOKEN: 'tok' });
      try {
        const queue = await (await fetch(`${second.url}/api/staff/handoffs`, { headers: { authorization: 'Bearer tok' } })).json();
        assert.equal(queue.handoffs.length, 1);
        const reply = await say(second, 'retour au bot');
        assert.match(JSON.stringify(reply), /fermé votre demande/);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
