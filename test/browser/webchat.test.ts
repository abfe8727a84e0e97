import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../support/browser';
import { startApp } from '../support/httpApp';

describe('the web chat page in a browser', function () {
  this.timeout(90_000);

  it('answers a French question in French, and a suggested action gets its answer', async function () {
    const browser = await launchChromium();
    if (!browser) return this.skip();
    const server = await startApp();
    const outside: string[] = [];
    try {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      page.on('request', (r) => {
        const host = new URL(r.url()).hostname;
        if (!['127.0.0.1', 'localhost'].includes(host) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
      });
      await page.goto(server.url + '/');
      await page.getByText(/assistant automatique/).first().waitFor({ timeout: 30_000 });

      const input = page.locator('input[data-id="webchat-sendbox-input"], textarea[data-id="webchat-sendbox-input"]').first();
      await input.fill('Combien y a-t-il de migrants internationaux dans le monde ?');
      await input.press('Enter');
      await page.getByText(/281 millions/).first().waitFor({ timeout: 30_000 });

      await page.getByRole('button', { name: /migrants internes/ }).first().click();
      await page.getByText(/740 millions/).first().waitFor({ timeout: 30_000 });

      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/webchat.png', fullPage: true });
      assert.deepEqual(outside, [], 'no request leaves the machine');
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
