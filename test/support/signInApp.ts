import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { CLIENT_ID, CLIENT_SECRET, freePort, startOidcProvider, type TestAccount } from './oidcProvider';

export const HELPDESK_GROUP = 'helpdesk-staff';

/**
 * The bot with named staff sign-in against a real OIDC provider started for the test: accounts in
 * `HELPDESK_GROUP` (or listed in STAFF_ALLOWED_EMAILS) may enter. Also opens the API to `token`
 * for the test's own checks.
 */
export async function startSignInApp(accounts: TestAccount[], env: Record<string, string> = {}) {
  const provider = await startOidcProvider(accounts);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await createApp(
    loadConfig({
      LOG_LEVEL: 'silent',
      DATA_DIR: ':memory:',
      PUBLIC_URL: url,
      STAFF_OIDC_ISSUER: provider.issuer,
      STAFF_OIDC_CLIENT_ID: CLIENT_ID,
      STAFF_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      STAFF_ALLOWED_GROUP: HELPDESK_GROUP,
      STAFF_API_TOKEN: 'automation-token-for-tests',
      ...env,
    }),
    createLogger('silent'),
  );
  provider.allow(`${url}/staff/auth/callback`);
  await new Promise<void>((resolve) => app.server.listen(port, '127.0.0.1', resolve));
  return {
    app,
    url,
    token: 'automation-token-for-tests',
    stop: async () => {
      await app.close();
      await provider.close();
    },
  };
}
