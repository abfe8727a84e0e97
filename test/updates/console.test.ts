import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../support/browser';
import { sayTo, startApp } from '../support/httpApp';
import { gatedConnector } from './support/gatedConnector';

const TOKEN = 'console-token-for-updates';

describe('the updates view of the staff console, in a browser', function () {
  this.timeout(90_000);

  it('writes an update in two languages, previews it per channel, sends it, and watches the report fill in', async function () {
    const browser = await launchChromium();
    if (!browser) return this.skip();
    const connector = await gatedConnector();
    const server = await startApp({ STAFF_API_TOKEN: TOKEN, UPDATES_POLL_MS: '50' });
    try {
      const subscribe = async (conversation: string, locale: string, texts: string[]) => {
        for (const text of texts) await sayTo(server.url, text, { conversation, locale, serviceUrl: connector.url });
      };
      await subscribe('ana', 'en-US', ['subscribe', 'Here in this chat', 'Yes, I agree']);
      await subscribe('marie', 'fr-FR', ["m'abonner", 'Ici, dans ce chat', "Oui, j'accepte"]);
      // The channel holds the sends for now: the report must show them queued, then sent, by itself.
      connector.holdAfter(0);

      const page = await (await browser.newContext({ viewport: { width: 420, height: 900 } })).newPage();
      let alerted = false;
      page.on('dialog', async (d) => {
        alerted = true;
        await d.dismiss();
      });
      await page.goto(`${server.url}/staff`);
      await page.getByLabel('Staff token').fill(TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Updates', exact: true }).click();
      await page.getByLabel('Title (English)').fill('Clinic hours <img src=x onerror=alert(1)>');
      await page.getByLabel('Text (English)').fill('The clinic opens at 9 on Monday.');
      await page.getByLabel('Title (French)').fill('Horaires du centre');
      await page.getByLabel('Text (French)').fill('Le centre ouvre à 9 h lundi.');
      assert.equal(await page.getByRole('button', { name: 'Publish update' }).isDisabled(), true, 'no sending before a preview');

      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText('Sent now, it would reach 2 subscribers (emulator 2).').waitFor();
      await page.getByText('Spanish — no text: subscribers get the English one, with a note').waitFor();
      await page.getByText(/Esta novedad solo está disponible en inglés/).first().waitFor();
      await page.getByText(/Le centre ouvre à 9 h lundi/).first().waitFor();
      await page.getByText('WhatsApp, within 24 hours of the person\'s last message').first().waitFor();
      await page.getByText(/Subject: Horaires du centre/).waitFor();

      await page.getByRole('button', { name: 'Publish update' }).click();
      await page.getByText('Sending to 2 subscribers.').waitFor();
      await page.getByText(/^sending · 2 recipients/).waitFor();
      connector.release();
      await page.getByText(/^finished · 2 recipients/).waitFor();
      const rows = await page.locator('#u-report-rows tr').allTextContents();
      assert.ok(rows.includes('All2000'), rows.join(' | '));
      assert.ok(rows.includes('Language: fr1000'), rows.join(' | '));
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/updates-console.png', fullPage: true });

      assert.match(connector.delivered.get('marie')!.join(), /Horaires du centre/);
      assert.match(connector.delivered.get('ana')!.join(), /Clinic hours/);
      assert.equal(alerted, false, 'text is shown as text, never run as HTML');
    } finally {
      await browser.close();
      connector.close();
      await server.stop();
    }
  });
});
