import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../support/httpApp';
import { WebChatUser } from './webChatClient';

describe('web chat across a restart on the same SQLite file', function () {
  this.timeout(60_000);

  it('an open conversation goes on with the same token, over a new socket, without repeating itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-webchat-'));
    let second: Awaited<ReturnType<typeof startApp>> | undefined;
    try {
      const first = await startApp({ DATA_DIR: dir });
      const ana = await WebChatUser.start(first.url, 'es-ES');
      await ana.listen();
      await ana.say('español');
      await ana.say('¿Cuántos migrantes internos hay?');
      await ana.streamedReply(/740 millones/);
      const token = ana.token;
      const closed = ana.closed();
      await first.stop();
      assert.equal(await closed, 1001, 'the socket is closed as "going away", so the page reconnects');

      second = await startApp({ DATA_DIR: dir });
      ana.base = second.url;
      assert.equal(await ana.reconnect(), 200, 'the token from before the restart still opens the conversation');
      await ana.listen();
      const before = ana.streamed.length;
      await ana.say('¿Y cuántos migrantes internacionales?');
      await ana.streamedReply(/281 millones/);
      assert.equal(ana.token, token);
      assert.doesNotMatch(ana.streamed.slice(before).map((a) => a.text ?? '').join('\n'), /740 millones/, 'nothing said before is sent again');
      ana.hangUp();
    } finally {
      await second?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
