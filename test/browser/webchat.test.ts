import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { launchChromium } from '../support/browser';

/** The real app on loopback; `port` to come back on the same address after a restart. */
async function serve(env: Record<string, string> = {}, port = 0) {
  const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: ':memory:', ...env }), createLogger('silent'));
  await new Promise<void>((resolve) => app.server.listen(port, '127.0.0.1', resolve));
  const bound = (app.server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${bound}`, port: bound, stop: () => app.close() };
}

/** What the page does on the wire: frames over its sockets, polls, token requests, anything leaving the machine. */
function watch(page: Page) {
  const seen = { frames: [] as string[], polls: 0, tokens: 0, outside: [] as string[] };
  page.on('websocket', (ws) => ws.on('framereceived', (f) => seen.frames.push(String(f.payload))));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname.endsWith('/activities')) seen.polls += 1;
    if (url.pathname.endsWith('/tokens/generate')) seen.tokens += 1;
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) seen.outside.push(r.url());
  });
  return seen;
}

const sendBox = (page: Page) => page.locator('input[data-id="webchat-sendbox-input"], textarea[data-id="webchat-sendbox-input"]').first();

async function ask(page: Page, text: string, answer: RegExp): Promise<void> {
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
  await page.getByText(answer).first().waitFor({ timeout: 30_000 });
}

describe('the web chat page in a browser', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  before(async function () {
    browser = await launchChromium();
    if (!browser) this.skip();
  });
  after(async () => browser?.close());

  it('answers a French question in French over the WebSocket, and a suggested action gets its answer', async () => {
    const server = await serve();
    try {
      const context = await browser!.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(server.url + '/');
      await page.getByText(/assistant automatique/).first().waitFor({ timeout: 30_000 });
      await ask(page, 'Combien y a-t-il de migrants internationaux dans le monde ?', /281 millions/);
      await page.getByRole('button', { name: /migrants internes/ }).first().click();
      await page.getByText(/740 millions/).first().waitFor({ timeout: 30_000 });

      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/webchat.png', fullPage: true });
      assert.ok(seen.frames.some((f) => /281 millions/.test(f)), 'the answer came over the WebSocket');
      assert.equal(seen.polls, 0, 'no polling while the socket works');
      assert.deepEqual(seen.outside, [], 'no request leaves the machine');
      await context.close();
    } finally {
      await server.stop();
    }
  });

  it('follows a language asked for in words: the reply and the page\'s language buttons switch, in the same conversation', async () => {
    const server = await serve();
    try {
      const context = await browser!.newContext({ locale: 'en-US', viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(server.url + '/');
      await page.getByText(/automated assistant/).first().waitFor({ timeout: 30_000 });
      assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
      await ask(page, 'could you please answer me in Spanish?', /responderé en español/);
      await page.waitForFunction(() => document.documentElement.lang === 'es', undefined, { timeout: 10_000 });
      assert.equal(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed'), 'true');
      assert.equal(seen.tokens, 1, 'the same conversation goes on (no new token)');
      await ask(page, '¿Cuántos migrantes internos hay?', /740 millones/);
      await context.close();
    } finally {
      await server.stop();
    }
  });

  it('falls back to polling when the network drops WebSockets', async () => {
    const server = await serve();
    try {
      const context = await browser!.newContext({ locale: 'es-ES' });
      const page = await context.newPage();
      // What some proxies do: the socket opens, then closes before anything arrives.
      await page.routeWebSocket(/\/stream/, (ws) => ws.close());
      const seen = watch(page);
      await page.goto(server.url + '/');
      await page.getByText(/asistente automático/).first().waitFor({ timeout: 30_000 });
      await ask(page, '¿Cuántos migrantes internos hay?', /740 millones/);
      assert.ok(seen.polls > 0, 'the page polled');
      await context.close();
    } finally {
      await server.stop();
    }
  });

  it('goes on after the bot restarts: the page reconnects with the same conversation and gets answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-webchat-page-'));
    const first = await serve({ DATA_DIR: dir });
    let second: Awaited<ReturnType<typeof serve>> | undefined;
    try {
      const context = await browser!.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(first.url + '/');
      await ask(page, 'What is IOM?', /1951/);
      const welcome = page.locator('.webchat__render-markdown').getByText(/automated assistant/);
      assert.equal(await welcome.count(), 1);

      await first.stop();
      second = await serve({ DATA_DIR: dir }, first.port);
      // Web Chat waits 3–15 s before reconnecting a dropped socket.
      await page.waitForEvent('websocket', { timeout: 30_000 });
      await ask(page, 'How many internal migrants are there?', /740 million/);
      assert.equal(seen.tokens, 1, 'no new conversation was needed');
      assert.equal(await welcome.count(), 1, 'nothing said before is shown twice');
      await context.close();
    } finally {
      await second?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so, in the person\'s language, when too many chats were started from their connection', async () => {
    const server = await serve({ DIRECTLINE_CONVERSATIONS_PER_ADDRESS: '1' });
    try {
      const context = await browser!.newContext({ locale: 'fr-FR' });
      const first = await context.newPage();
      await first.goto(server.url + '/');
      await first.getByText(/assistant automatique/).first().waitFor({ timeout: 30_000 });
      const second = await context.newPage();
      await second.goto(server.url + '/');
      await second.getByRole('status').getByText(/Trop de conversations ont été ouvertes depuis votre connexion/).waitFor({ timeout: 30_000 });
      await context.close();
    } finally {
      await server.stop();
    }
  });
});
