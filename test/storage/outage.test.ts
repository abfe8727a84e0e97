import assert from 'node:assert/strict';
import { createServer, type Server, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { freshPostgresSchema, requirePostgres, TEST_DATABASE_URL } from '../support/databases';
import { sayTo, startApp } from '../support/httpApp';

/** A TCP proxy in front of PostgreSQL that the test can cut and restore, like a database restart. */
async function cuttableProxy(target: URL): Promise<{ port: number; cut: () => Promise<void>; restore: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  await start();
  return {
    port,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server!.close(() => resolve());
      }),
    restore: start,
  };
}

describe('PostgreSQL briefly unreachable', function () {
  this.timeout(60_000);

  it('turns fail with the apology, nothing is half-written, and the bot recovers by itself', async function () {
    requirePostgres(this);
    const schema = await freshPostgresSchema();
    const proxy = await cuttableProxy(new URL(TEST_DATABASE_URL!));
    const viaProxy = new URL(schema.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const server = await startApp({ DATABASE_URL: viaProxy.toString(), STAFF_API_TOKEN: 'tok' });
    const say = (text: string, conversation = 'outage') =>
      sayTo(server.url, text, { conversation, from: 'p' }).then(async (r) => ({ status: r.status, body: JSON.stringify(await r.json()) }));
    try {
      assert.match((await say('español')).body, /español/);
      await proxy.cut();
      const during = await say('quiero hablar con una persona');
      assert.equal(during.status, 200);
      assert.match(during.body, /algo ha fallado/, `the person gets the apology in their language: ${during.body.slice(0, 300)}`);
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'the process stays up');

      await proxy.restore();
      let recovered = '';
      for (let i = 0; i < 20 && !/740 millones/.test(recovered); i++) {
        recovered = (await say('¿cuántos migrantes internos hay?')).body;
        if (!/740 millones/.test(recovered)) await new Promise((r) => setTimeout(r, 250));
      }
      assert.match(recovered, /740 millones/, 'answers again once the database is back');
      const queue = await (await fetch(`${server.url}/api/staff/handoffs`, { headers: { authorization: 'Bearer tok' } })).json();
      assert.equal(queue.handoffs.length, 0, 'the request made during the outage left no half-written ticket');
    } finally {
      await server.stop();
      await proxy.cut().catch(() => undefined);
      await schema.drop();
    }
  });
});
