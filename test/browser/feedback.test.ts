import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { sayTo, startApp } from '../support/httpApp';

const TOKEN = 'feedback-console-token-for-tests';
const ENTRY = 'international-migrants-number';

describe('feedback and the editors\' views in a browser', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startApp>>;
  before(async function () {
    browser = await launchChromium();
    if (!browser) return this.skip();
    server = await startApp({ STAFF_API_TOKEN: TOKEN });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const stats = async () => {
    const res = await fetch(`${server.url}/api/staff/knowledge/stats`, { headers: { authorization: `Bearer ${TOKEN}` } });
    return (await res.json()).entries.find((e: { id: string }) => e.id === ENTRY);
  };

  it('on the web chat an answer carries 👍/👎, and a 👎 shows up as unhelpful: 1 for that entry', async () => {
    const page = await (await browser!.newContext({ locale: 'en-US', viewport: { width: 390, height: 800 } })).newPage();
    await page.goto(server.url + '/');
    await page.getByText(/automated assistant/).first().waitFor({ timeout: 30_000 });
    const input = page.locator('input[data-id="webchat-sendbox-input"], textarea[data-id="webchat-sendbox-input"]').first();
    await input.fill('How many international migrants are there in the world?');
    await input.press('Enter');
    await page.getByText(/281 million/).first().waitFor({ timeout: 30_000 });
    const suggested = page.getByRole('toolbar', { name: 'Suggested actions' });
    await suggested.getByRole('button', { name: '👍 Helpful' }).waitFor();
    await suggested.getByRole('button', { name: '👎 Not helpful' }).click();
    await page.getByText(/What was wrong\?/).first().waitFor({ timeout: 30_000 });
    assert.equal((await stats()).unhelpful, 1);
    await page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: 'Out of date' }).click();
    await page.getByText(/will look at it/).first().waitFor({ timeout: 30_000 });
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/webchat-feedback.png', fullPage: true });
    assert.equal((await stats()).reasons['out-of-date'], 1);
  });

  it('a staff member sees the least helpful entries first, those never reached, a chart of use, and copies an alternate as YAML', async () => {
    for (const text of ['How many international migrants are there in the world?', '👎', 'Out of date']) await sayTo(server.url, text, { conversation: 'console-0' });
    await sayTo(server.url, 'goals', { conversation: 'console-1' });
    await sayTo(server.url, '2', { conversation: 'console-1' });
    await sayTo(server.url, '¿Cuántos migrantes internos hay?', { conversation: 'console-2', locale: 'es-ES' });
    await sayTo(server.url, '👍', { conversation: 'console-2', locale: 'es-ES' });

    const context = await browser!.newContext({ viewport: { width: 420, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/staff`);
    await page.getByLabel('Staff token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Before signing in, the console asks for a session and is told 401 (that is how it knows to ask): errors count from here.
    await page.getByRole('button', { name: 'Knowledge' }).waitFor();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    await page.getByRole('button', { name: 'Knowledge' }).click();
    const firstRow = page.locator('#knowledge-table tbody tr').first();
    await firstRow.waitFor();
    assert.match(await firstRow.innerText(), /How many international migrants are there\?[\s\S]*100 %/, 'the only 👎 comes first');
    assert.ok((await page.locator('#knowledge-never li').count()) > 10, 'entries never reached are listed');
    assert.match(await page.locator('#knowledge-stale').innerText(), /international-migrants-number/, 'marked out of date since its review');
    await page.getByRole('button', { name: 'Answered' }).click();
    assert.match(await page.locator('#knowledge-table th[aria-sort]').innerText(), /Answered/, 'sortable by another column');

    await page.getByRole('button', { name: 'Copy as YAML' }).first().click();
    await page.getByText(/Copied\./).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^ {6}# knowledge\/en\/migration-health\.yaml:\d+ \(global-health-goals\)[^\n]*\n {6}- goals\n$/);
    await page.screenshot({ path: 'test-artifacts/console-knowledge.png', fullPage: true });

    await page.getByRole('button', { name: 'Usage' }).click();
    await page.locator('#chart-lang canvas').waitFor();
    assert.equal(await page.locator('.view-usage canvas').count(), 3, 'three charts are drawn');
    assert.match(await page.locator('#chart-lang').innerText(), /English[\s\S]*French[\s\S]*Spanish/, 'the legend names the languages');
    assert.match(await page.locator('#usage-totals').innerText(), /\d+\s*Conversations/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `readable in a narrow window (overflow ${overflow}px)`);
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.waitForFunction(() => (document.querySelector('#chart-lang canvas') as HTMLCanvasElement).getBoundingClientRect().width > 600);
    await page.setViewportSize({ width: 420, height: 900 });
    await page.screenshot({ path: 'test-artifacts/console-usage.png', fullPage: true });
    assert.deepEqual(errors, [], 'no script error and nothing blocked by the Content-Security-Policy');
  });
});
