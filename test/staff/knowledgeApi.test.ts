import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { parse } from 'yaml';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { sayTo } from '../support/httpApp';

const TOKEN = 'knowledge-token-for-tests-0123456789';
const ENTRY = 'international-migrants-number';

describe('the staff knowledge and usage API', () => {
  let app: App;
  let url: string;
  const logs: string[] = [];
  before(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => { logs.push(String(chunk)); done(); } });
    app = await createApp(loadConfig({ DATA_DIR: ':memory:', STAFF_API_TOKEN: TOKEN, LOG_LEVEL: 'trace' }), createLogger('trace', sink));
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(() => app.close());

  const say = (conversation: string, text: string, locale = 'en-US') => sayTo(url, text, { conversation, locale }).then((r) => r.json());
  const staff = (path: string, token = TOKEN) => fetch(`${url}/api/staff${path}`, { headers: { authorization: `Bearer ${token}` } });
  const json = async (path: string) => {
    const res = await staff(path);
    assert.equal(res.status, 200, path);
    return res.json();
  };

  it('a 👎 on the international-migrants answer shows as unhelpful: 1 for that entry; every entry is listed', async () => {
    const reply = await say('api-1', 'How many international migrants are there in the world? Write to ana@example.org');
    assert.match(JSON.stringify(reply), /👎 Not helpful/);
    await say('api-1', '👎 Not helpful');
    await say('api-1', 'Not clear');
    const { entries, from, to } = await json('/knowledge/stats');
    const entry = entries.find((e: { id: string }) => e.id === ENTRY);
    assert.equal(entry.unhelpful, 1);
    assert.equal(entry.answered, 1);
    assert.deepEqual(entry.reasons, { 'not-my-question': 0, 'not-clear': 1, 'out-of-date': 0 });
    assert.deepEqual(entry.byLanguage.en, { answered: 1, helpful: 0, unhelpful: 1 });
    assert.equal(entry.lastAnswered, to);
    assert.match(entry.reviewed, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(typeof entry.stale, 'boolean');
    assert.equal(entries.length, app.services.kb.entries.en.size, 'also the entries never answered');
    assert.ok(entries.some((e: { answered: number; lastAnswered: unknown }) => e.answered === 0 && e.lastAnswered === null));
    assert.ok(from < to);
  });

  it('gives stats, suggestions and usage as CSV that a spreadsheet will not run', async () => {
    await say('api-2', '=goals?');
    await say('api-2', '2');
    const stats = await staff('/knowledge/stats?format=csv');
    assert.match(stats.headers.get('content-type') ?? '', /text\/csv/);
    const lines = (await stats.text()).trim().split('\r\n');
    assert.match(lines[0], /^id,topic,question,answered,helpful,unhelpful,not-my-question,not-clear,out-of-date,answered_en/);
    assert.ok(lines.some((l) => l.startsWith(`${ENTRY},figures,How many international migrants are there?,`)));
    const usage = await (await staff('/usage?format=csv')).text();
    assert.match(usage, /^day,lang,channel,turns,people,conversations,answers,clarifications,fallbacks,handoffs,emergencies\r\n/);
    const suggestions = await (await staff('/knowledge/suggestions?format=csv')).text();
    assert.match(suggestions, /\r\nglobal-health-goals,en,'=goals\?,1,/, 'a formula is written as text');
  });

  it('lists suggestions grouped by entry with counts and a YAML snippet', async () => {
    const { entries } = await json('/knowledge/suggestions');
    const group = entries.find((g: { id: string }) => g.id === 'global-health-goals');
    assert.equal(group.lang, 'en');
    assert.equal(group.count, 1);
    assert.equal(group.suggestions[0].text, '=goals?');
    assert.deepEqual(parse(`alternates:\n${group.yaml}`).alternates, ['=goals?']);
  });

  it('reports usage per day, language and channel', async () => {
    const { days } = await json('/usage');
    const webchat = days.filter((d: { channel: string }) => d.channel === 'webchat');
    assert.equal(webchat.length, 1);
    assert.deepEqual(
      [webchat[0].lang, webchat[0].turns, webchat[0].people, webchat[0].conversations, webchat[0].answers, webchat[0].clarifications],
      ['en', 5, 2, 2, 2, 1],
    );
    assert.deepEqual((await json('/usage?from=2020-01-01&to=2020-01-31')).days, [], 'nothing outside the period');
  });

  it('needs the staff token; bad input gets a 400 with a short reason', async () => {
    for (const path of ['/knowledge/stats', '/knowledge/suggestions', '/usage']) {
      assert.equal((await staff(path, 'wrong')).status, 401, path);
    }
    for (const [path, reason] of [
      ['/knowledge/stats?from=2027-13-01', /YYYY-MM-DD/],
      ['/usage?from=2027-03-10&to=2027-03-01', /after/],
      ['/usage?format=xml', /json or csv/],
      ['/knowledge/suggestions?format=pdf', /json or csv/],
    ] as const) {
      const res = await staff(path);
      assert.equal(res.status, 400, path);
      assert.match((await res.json()).error, reason);
    }
  });

  it('logs no message text, e-mail address or phone number', () => {
    assert.doesNotMatch(logs.join(''), /international migrants|ana@example|=goals|Not clear/);
  });
});
