import { generateKeyPairSync } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/** A person the test identity provider knows; they sign in by typing `login` (any password). */
export interface TestAccount {
  login: string;
  name: string;
  email: string;
  groups?: string[];
  /** Microsoft Entra's object id claim, to check the console keys people like Teams does. */
  oid?: string;
}

export const CLIENT_ID = 'helpdesk-console';
export const CLIENT_SECRET = 'test-client-secret-0123456789abcdef';

/** A free loopback port (listen on 0, read it, close): the bot's PUBLIC_URL must be known before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on a loopback port, with its development login
 * form (login + password). Call `allow(redirectUri)` once the bot's callback URL is known; the bot
 * discovers the provider only at the first sign-in.
 */
export async function startOidcProvider(accounts: TestAccount[]) {
  let handler: RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  return {
    issuer,
    allow(redirectUri: string) {
      const configuration: Configuration = {
        clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
        jwks: { keys: [{ ...key, kid: 'test-key', use: 'sig', alg: 'RS256' }] as never },
        cookies: { keys: ['test-cookie-key'] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups', 'oid'] },
        // Claims in the ID token itself, as Microsoft Entra puts them.
        conformIdTokenClaims: false,
        pkce: { required: () => true },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
        findAccount: async (_ctx: KoaContextWithOIDC, id: string) => {
          const account = accounts.find((a) => a.login === id);
          if (!account) return undefined;
          return {
            accountId: id,
            claims: async () => ({ sub: id, name: account.name, email: account.email, email_verified: true, groups: account.groups ?? [], ...(account.oid && { oid: account.oid }) }),
          };
        },
        // A first-party client: no consent screen.
        loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
          const { Grant } = ctx.oidc.provider;
          const existing = ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
          if (existing) return Grant.find(existing);
          const grant = new Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
          grant.addOIDCScope('openid profile email');
          await grant.save();
          return grant;
        },
      };
      handler = new Provider(issuer, configuration).callback();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
