import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../support/browser';
import { fakeConnector } from '../support/fakeConnector';
import { startApp } from '../support/httpApp';

const TOKEN = 'console-token-for-tests';

describe('the staff console in a browser', function () {
  this.timeout(90_000);

  it('signs in with the token, opens a ticket, replies, and the reply reaches the conversation', async function () {
    const browser = await launchChromium();
    if (!browser) return this.skip();
    const server = await startApp({ STAFF_API_TOKEN: TOKEN });
    const connector = await fakeConnector();
    try {
      for (const text of ['what is IOM?', '<img src=x onerror=alert(1)> I need to talk to a person']) {
        await fetch(`${server.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message', deliveryMode: 'expectReplies', channelId: 'emulator', serviceUrl: connector.url,
            conversation: { id: 'browser-ticket' }, from: { id: 'person' }, recipient: { id: 'bot' }, text,
          }),
        });
      }
      const page = await (await browser.newContext({ viewport: { width: 420, height: 900 } })).newPage();
      let alerted = false;
      page.on('dialog', async (d) => {
        alerted = true;
        await d.dismiss();
      });
      await page.goto(`${server.url}/staff`);
      await page.getByLabel('Staff token').fill(TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#queue button').first().click();
      await page.getByText(/what is IOM\?/).first().waitFor();
      await page.getByText(/<img src=x onerror=alert\(1\)>/).first().waitFor();
      await page.getByLabel('Reply to the person').fill('Hello from the helpdesk, how can I help?');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('Sent.').waitFor();
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/staff-console.png', fullPage: true });
      assert.ok(connector.posts.some((p) => /Hello from the helpdesk/.test(JSON.stringify(p.body))), 'the reply was delivered');
      assert.equal(alerted, false, 'user text is shown as text, never run as HTML');
    } finally {
      await browser.close();
      connector.close();
      await server.stop();
    }
  });
});
