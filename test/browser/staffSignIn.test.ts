import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { fakeConnector } from '../support/fakeConnector';
import { HELPDESK_GROUP, startSignInApp } from '../support/signInApp';

const MARIE = { login: 'marie', name: 'Marie Curie', email: 'marie.curie@iom.test', groups: [HELPDESK_GROUP] };
const EVE = { login: 'eve', name: 'Eve Outsider', email: 'eve@elsewhere.test', groups: ['finance'] };

/** Signs in on the test provider's development login form (any password). */
async function signIn(page: Page, url: string, login: string, path = '/staff'): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.getByRole('link', { name: 'Sign in with your organisation account' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}

describe('named staff sign-in to the console (OIDC) in a browser', function () {
  this.timeout(120_000);
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let server: Awaited<ReturnType<typeof startSignInApp>>;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;

  before(async function () {
    browser = await launchChromium();
    if (!browser) return this.skip();
    server = await startSignInApp([MARIE, EVE]);
    connector = await fakeConnector();
  });
  after(async () => {
    await browser?.close();
    connector?.close();
    await server?.stop();
  });

  const say = (conversation: string, text: string) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', deliveryMode: 'expectReplies', channelId: 'emulator', serviceUrl: connector.url,
        conversation: { id: conversation }, from: { id: `person-${conversation}` }, recipient: { id: 'bot' }, text,
      }),
    });
  const api = (path: string) => fetch(`${server.url}/api/staff${path}`, { headers: { authorization: `Bearer ${server.token}` } }).then((r) => r.json());

  it('signs Marie in, shows a new urgent request without a reload, and records her claim and reply by name', async () => {
    const page = await (await browser!.newContext({ viewport: { width: 900, height: 1000 } })).newPage();
    await signIn(page, server.url, MARIE.login);
    await page.getByText('Signed in as Marie Curie').waitFor();
    await page.getByText('live', { exact: true }).waitFor();
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

    await say('urgent-1', 'my baby is not breathing');
    await say('urgent-1', 'talk to a person now');
    const urgent = page.locator('#queue button.urgent').first();
    await urgent.waitFor();
    assert.match(await urgent.innerText(), /URGENT/);
    await page.waitForFunction(() => document.title.startsWith('(1) '));
    assert.equal(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage), true, 'the page was not reloaded');

    await urgent.click();
    await page.getByText('Nobody has claimed this request yet.').waitFor();
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByText('You have claimed this request.').waitFor();
    await page.getByLabel('Reply to the person').fill('Hello, I am Marie from the helpdesk. Is the baby breathing now?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Sent.').waitFor();
    await page.getByText(/claim — Marie Curie/).waitFor();
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/staff-console-signed-in.png', fullPage: true });

    assert.ok(connector.posts.some((p) => /I am Marie from the helpdesk/.test(JSON.stringify(p.body))), 'the reply reached the person');
    const id = (await api('/handoffs?status=claimed')).handoffs[0].id;
    const ticket = await api(`/handoffs/${id}`);
    assert.equal(ticket.claimedBy, 'Marie Curie');
    assert.equal(ticket.transcript.at(-1).author, 'Marie Curie');
    assert.deepEqual(
      ticket.audit.map((a: { action: string; name: string; email?: string; via: string }) => [a.action, a.name, a.email, a.via]),
      [['claim', 'Marie Curie', MARIE.email, 'console'], ['reply', 'Marie Curie', MARIE.email, 'console']],
    );
  });

  it('opens the request a Teams card links to once Marie has signed in', async () => {
    const { id } = (await api('/handoffs?status=claimed')).handoffs[0];
    const page = await (await browser!.newContext()).newPage();
    await signIn(page, server.url, MARIE.login, `/staff#ticket=${id}`);
    await page.getByRole('heading', { name: `Request ${id}` }).waitFor();
  });

  it('refuses Eve after she signs in: she is not in the helpdesk group', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const refusal = page.waitForResponse((r) => r.url().includes('/staff/auth/callback'));
    await signIn(page, server.url, EVE.login);
    assert.equal((await refusal).status(), 403);
    await page.getByText(/signed in as Eve Outsider, but this account may not use the helpdesk console/).waitFor();
    const session = await context.request.get(`${server.url}/api/staff/session`);
    assert.equal(session.status(), 401, 'no session was opened');
  });
});
