import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sayTo, startApp } from '../support/httpApp';
import { gatedConnector } from './support/gatedConnector';
import { staffApi, THREE_LANGUAGES } from './support/staff';

const TOKEN = 'staff-token-for-restarts';

describe('updates across a restart (embedded SQLite)', function () {
  this.timeout(30_000);

  it('an update queued before the bot stopped is sent once after it starts again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-updates-'));
    const connector = await gatedConnector();
    try {
      // This instance queues but does not send (its worker is off), then stops.
      const first = await startApp({ DATA_DIR: dir, STAFF_API_TOKEN: TOKEN, UPDATES_WORKER: 'false' });
      for (const conversation of ['ana', 'luis']) {
        for (const text of ['subscribe', 'Here in this chat', 'Yes, I agree']) await sayTo(first.url, text, { conversation, serviceUrl: connector.url });
      }
      const created = await staffApi(() => first.url, TOKEN).send(THREE_LANGUAGES);
      assert.equal(created.body.recipients, 2);
      await first.stop();
      assert.equal(connector.acknowledged(), 0);

      const second = await startApp({ DATA_DIR: dir, STAFF_API_TOKEN: TOKEN, UPDATES_POLL_MS: '20' });
      try {
        const update = await staffApi(() => second.url, TOKEN).finished(created.body.id);
        assert.deepEqual(update.report.counts, { queued: 0, sent: 2, failed: 0, skipped: 0 });
        assert.deepEqual([...connector.delivered.entries()].map(([c, texts]) => [c, texts.length]).sort(), [['ana', 1], ['luis', 1]]);
      } finally {
        await second.stop();
      }
    } finally {
      connector.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
