import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/storage/openDatabase';
import { StaffSessions } from '../../src/staff/StaffSessions';
import { staffFromClaims } from '../../src/staff/staffFromClaims';
import { startApp } from '../support/httpApp';

const TOKEN = 'access-token-0123456789';

/** The cookie a response sets, as a browser would send it back. */
const cookieFrom = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('staff_session='))!.split(';')[0]!;

describe('staff access', () => {
  let server: Awaited<ReturnType<typeof startApp>>;
  before(async () => {
    server = await startApp({ STAFF_API_TOKEN: TOKEN });
  });
  after(() => server.stop());

  const signInWithToken = (token: string) =>
    fetch(`${server.url}/staff/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });

  it('opens a console session with the token when no identity provider is set: httpOnly, SameSite, not readable by scripts', async () => {
    assert.deepEqual(await (await fetch(`${server.url}/staff/auth/methods`)).json(), { oidc: false, token: true });
    assert.equal((await signInWithToken('wrong')).status, 401);
    assert.equal((await signInWithToken('')).status, 400);
    const res = await signInWithToken(TOKEN);
    assert.equal(res.status, 204);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('staff_session='))!;
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    assert.doesNotMatch(setCookie, new RegExp(TOKEN), 'the cookie is not the token');
    const me = await (await fetch(`${server.url}/api/staff/session`, { headers: { cookie: cookieFrom(res) } })).json();
    assert.equal(me.name, 'Staff token');
    assert.ok(me.csrfToken);
  });

  it('refuses a POST with the session cookie alone (another site could send it), and takes it with the CSRF token', async () => {
    const cookie = cookieFrom(await signInWithToken(TOKEN));
    const { csrfToken } = await (await fetch(`${server.url}/api/staff/session`, { headers: { cookie } })).json();
    const post = (headers: Record<string, string>) => fetch(`${server.url}/api/staff/handoffs/NOPE42/claim`, { method: 'POST', headers: { cookie, ...headers } });
    const refused = await post({});
    assert.equal(refused.status, 403);
    assert.match((await refused.json()).error, /X-CSRF-Token/);
    assert.equal((await post({ 'x-csrf-token': 'guess' })).status, 403);
    assert.equal((await post({ 'x-csrf-token': csrfToken })).status, 404, 'let through (the ticket does not exist)');
  });

  it('signs out: the same cookie then opens nothing', async () => {
    const cookie = cookieFrom(await signInWithToken(TOKEN));
    const { csrfToken } = await (await fetch(`${server.url}/api/staff/session`, { headers: { cookie } })).json();
    const out = await fetch(`${server.url}/api/staff/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
    assert.equal(out.status, 204);
    assert.match(out.headers.getSetCookie().join('\n'), /staff_session=;.*Max-Age=0/);
    assert.equal((await fetch(`${server.url}/api/staff/handoffs`, { headers: { cookie } })).status, 401);
  });

  it('guards every staff path, even one a route forgot to check', async () => {
    for (const path of ['/api/staff/handoffs', '/api/staff/unanswered', '/api/staff/subscriptions', '/api/staff/events', '/api/staff/session']) {
      assert.equal((await fetch(`${server.url}${path}`)).status, 401, path);
      assert.equal((await fetch(`${server.url}${path}`, { headers: { cookie: 'staff_session=forged' } })).status, 401, path);
    }
  });

  it('ends a session left unused past the idle limit', async () => {
    const { db } = await openDatabase({ DATA_DIR: ':memory:', DATABASE_URL: undefined });
    const sessions = new StaffSessions(db, { idleMinutes: 30, maxHours: 12 });
    const cookie = await sessions.create({ key: 'aad:1', name: 'Marie Curie', email: 'marie@iom.test', via: 'console' });
    assert.equal((await sessions.find(cookie))?.staff.name, 'Marie Curie');
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    await db.updateTable('staff_sessions').set({ last_seen_at: longAgo }).execute();
    assert.equal(await sessions.find(cookie), undefined);
    await db.destroy();
  });
});

describe('who may enter after signing in', () => {
  const allowance = { emails: ['marie.curie@iom.int'], group: 'helpdesk' };

  it('lets in a listed address (any case) or a member of the group, keyed like Teams for Entra users', () => {
    const listed = staffFromClaims({ sub: 's1', name: 'Marie Curie', email: 'Marie.Curie@IOM.int' }, 'https://idp', allowance);
    assert.deepEqual(listed, { allowed: true, staff: { key: 'oidc:https://idp|s1', name: 'Marie Curie', email: 'marie.curie@iom.int', via: 'console' } });
    const member = staffFromClaims({ sub: 's2', name: 'Ana García', preferred_username: 'ana@iom.int', oid: 'aad-ana', groups: ['helpdesk'] }, 'https://idp', allowance);
    assert.equal(member.allowed && member.staff.key, 'aad:aad-ana');
    assert.equal(member.allowed && member.staff.email, 'ana@iom.int');
    const role = staffFromClaims({ sub: 's3', name: 'Role Holder', roles: ['helpdesk'] }, 'https://idp', allowance);
    assert.equal(role.allowed, true);
  });

  it('refuses everyone else, and an address the provider says is unverified', () => {
    assert.deepEqual(staffFromClaims({ sub: 's4', name: 'Eve', email: 'eve@elsewhere.org', groups: ['finance'] }, 'https://idp', allowance), { allowed: false, name: 'Eve' });
    assert.equal(staffFromClaims({ sub: 's5', name: 'Mallory', email: 'marie.curie@iom.int', email_verified: false }, 'https://idp', allowance).allowed, false);
    const nameless = staffFromClaims({ sub: 's6', preferred_username: 'someone@elsewhere.org' }, 'https://idp', allowance);
    assert.deepEqual(nameless, { allowed: false }, 'a refusal never shows an e-mail address');
  });
});

describe('staff settings', () => {
  const oidc = { STAFF_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', STAFF_OIDC_CLIENT_ID: 'id', STAFF_OIDC_CLIENT_SECRET: 'secret-value' };

  it('refuses sign-in settings that cannot work, naming them and never echoing the secret', () => {
    const problem = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (err) {
        assert.doesNotMatch((err as Error).message, /secret-value/);
        return (err as Error).message;
      }
    };
    assert.match(problem({ STAFF_OIDC_ISSUER: oidc.STAFF_OIDC_ISSUER }), /go together/);
    assert.match(problem({ ...oidc, STAFF_ALLOWED_GROUP: 'g' }), /needs PUBLIC_URL/);
    assert.match(problem({ ...oidc, PUBLIC_URL: 'https://bot.example.org' }), /STAFF_ALLOWED_EMAILS or STAFF_ALLOWED_GROUP/);
    assert.match(problem({ ...oidc, STAFF_OIDC_ISSUER: 'http://idp.example.org', PUBLIC_URL: 'https://bot.example.org', STAFF_ALLOWED_GROUP: 'g' }), /https URL/);
    assert.equal(problem({ ...oidc, PUBLIC_URL: 'https://bot.example.org', STAFF_ALLOWED_GROUP: 'g' }), '');
    assert.match(problem({ STAFF_TEAMS_CHANNEL_ID: '19:x@thread.tacv2' }), /go together/);
    assert.match(problem({ STAFF_TEAMS_CHANNEL_ID: '19:x@thread.tacv2', STAFF_TEAMS_SERVICE_URL: 'https://smba.trafficmanager.net/emea/' }), /needs Bot Framework credentials/);
    assert.match(problem({ HELPDESK_HOURS: 'Monday–Friday, 09:00–17:00 CET' }), /HELPDESK_HOURS/);
  });
});
