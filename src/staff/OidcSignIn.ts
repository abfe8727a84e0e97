import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type * as Oidc from 'openid-client';
import type { Database } from '../storage/schema';
import type { SignInClaims } from './staffFromClaims';

/** A sign-in must come back from the identity provider within this time. */
const LOGIN_TTL_MS = 10 * 60_000;

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

/** The sign-in could not be completed; the message is safe to show (it names no token or claim). */
export class SignInError extends Error {}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** PUBLIC_URL/staff/auth/callback, registered with the identity provider. */
  redirectUri: string;
  timeoutMs: number;
}

/**
 * OpenID Connect authorization code flow with PKCE, through `openid-client`: `start` gives the
 * provider's sign-in URL and a state for the browser's cookie; `finish` checks the callback
 * against that state, exchanges the code once and returns the person's claims. The pending
 * sign-in (PKCE verifier, nonce) waits in the database, so the callback may reach any instance.
 * `openid-client` is an ES module loaded only when sign-in is configured (Node ≥ 20.19 loads it
 * from the compiled CommonJS).
 */
export class OidcSignIn {
  private configuration?: Promise<Oidc.Configuration>;

  constructor(
    private readonly settings: OidcSettings,
    private readonly db: Kysely<Database>,
  ) {}

  async start(): Promise<{ url: string; state: string }> {
    const oidc = await import('openid-client');
    const config = await this.discover();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    const expired = new Date(Date.now() - LOGIN_TTL_MS).toISOString();
    await this.db.deleteFrom('staff_logins').where('created_at', '<', expired).execute();
    await this.db
      .insertInto('staff_logins')
      .values({ state_hash: hash(state), code_verifier: verifier, nonce, created_at: new Date().toISOString() })
      .execute();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /** `query` is the callback's query string; `browserState` the state cookie set by `start`. */
  async finish(query: string, browserState: string | undefined): Promise<SignInClaims> {
    const oidc = await import('openid-client');
    const callback = new URL(`${this.settings.redirectUri}?${query}`);
    const state = callback.searchParams.get('state') ?? '';
    if (!state || state !== browserState) throw new SignInError('This sign-in was not started in this browser, or has expired.');
    const pending = await this.db.selectFrom('staff_logins').selectAll().where('state_hash', '=', hash(state)).executeTakeFirst();
    const used = await this.db.deleteFrom('staff_logins').where('state_hash', '=', hash(state)).executeTakeFirst();
    if (!pending || Number(used.numDeletedRows) !== 1 || Date.now() - Date.parse(pending.created_at) > LOGIN_TTL_MS) {
      throw new SignInError('This sign-in has expired or was already used.');
    }
    const config = await this.discover();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: pending.code_verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
    } catch (err) {
      if (err instanceof oidc.AuthorizationResponseError) throw new SignInError('The identity provider did not sign you in.');
      throw err;
    }
    const claims = { ...tokens.claims() } as SignInClaims;
    // Some providers keep the name and e-mail out of the ID token; the user info endpoint has them.
    if ((!claims.email || !claims.name) && config.serverMetadata().userinfo_endpoint) {
      Object.assign(claims, { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims });
    }
    return claims;
  }

  /** The provider's metadata, fetched once; a failure is forgotten so the next sign-in retries. */
  private discover(): Promise<Oidc.Configuration> {
    this.configuration ??= (async () => {
      const oidc = await import('openid-client');
      const issuer = new URL(this.settings.issuer);
      return oidc.discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
        timeout: Math.ceil(this.settings.timeoutMs / 1000),
        // Config allows http only for a loopback issuer (tests, a provider on this machine).
        execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      });
    })();
    this.configuration.catch(() => (this.configuration = undefined));
    return this.configuration;
  }
}
