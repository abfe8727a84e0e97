import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { SearchIndex } from '../../src/knowledge/SearchIndex';
import { createLogger } from '../../src/log';
import { chatWithBot, testServices } from '../support/chat';

/** Collects every log line written while the test runs. */
function captureLogs(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('trace', sink), lines };
}

describe('floods', () => {
  it('answers 20 messages in a burst, sends one notice, drops the rest; another conversation is unaffected', async () => {
    const flooder = await chatWithBot();
    let answered = 0;
    let notices = 0;
    let silent = 0;
    for (let i = 0; i < 25; i++) {
      await flooder.send('how many internal migrants are there');
      if (/740 million/.test(flooder.text)) answered++;
      else if (/very quickly/.test(flooder.text)) notices++;
      else if (flooder.replies.length === 0) silent++;
    }
    assert.deepEqual({ answered, notices, silent }, { answered: 20, notices: 1, silent: 4 });

    const neighbour = await chatWithBot();
    await neighbour.send('how many internal migrants are there');
    assert.match(neighbour.text, /740 million/);
  });
});

describe('a turn that fails', () => {
  it('gets a localised apology, logs no text, and the next message works', async () => {
    const { logger, lines } = captureLogs();
    const real = testServices();
    const faulty = Object.create(real.index) as SearchIndex;
    faulty.search = (text, lang) => {
      if (text.includes('paludisme')) throw new Error(`index exploded on "${text}"`);
      return real.index.search(text, lang);
    };
    const user = await chatWithBot({ services: { ...real, index: faulty, logger } });
    await user.send('quel est le lien entre les migrants et le paludisme, mon mail est ana@example.org');
    assert.match(user.text, /Désolé, un problème est survenu/);
    await user.send('combien y a-t-il de migrants internes ?');
    assert.match(user.text, /740 millions/);
    const logs = lines.join('');
    assert.match(logs, /turn failed/);
    assert.doesNotMatch(logs, /paludisme|ana@example\.org|exploded/);
  });
});

describe('logs', () => {
  it('never contain message text, e-mail addresses or phone numbers', async () => {
    const { logger, lines } = captureLogs();
    const user = await chatWithBot({ services: { ...testServices(), logger } });
    await user.send('my email is maria.lopez@example.com and my phone is +41 22 717 9111');
    await user.send('my baby is not breathing');
    for (let i = 0; i < 22; i++) await user.send('flood +41 22 717 9111');
    // Without the timestamps, whose digits may hold "717" by chance.
    const logs = lines.join('').replace(/"time":\d+/g, '');
    assert.doesNotMatch(logs, /maria|example\.com|717|9111|breathing|flood/);
  });
});
