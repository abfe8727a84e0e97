import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config';
import { errorSummary, hashId, type Logger } from '../log';
import { cookieHeader, readCookie } from './cookies';
import { OidcSignIn, SignInError } from './OidcSignIn';
import { requireStaff, sessionOf } from './StaffGate';
import { tokenHolder } from './StaffIdentity';
import type { StaffSessions } from './StaffSessions';
import { staffFromClaims } from './staffFromClaims';
import { staffPage } from './staffPage';

const LOGIN_COOKIE = 'staff_login';
const digest = (s: string) => createHash('sha256').update(s).digest();

export interface StaffAuthDeps {
  config: Readonly<Config>;
  sessions: StaffSessions;
  /** Present when STAFF_OIDC_* are set. */
  oidc?: OidcSignIn;
  cookieName: string;
  logger: Logger;
}

/** Cookies are Secure when the console is served over HTTPS (PUBLIC_URL says so). */
export function secureCookies(config: Readonly<Config>): boolean {
  return config.PUBLIC_URL?.startsWith('https://') ?? false;
}

/** `__Host-` makes the browser refuse the cookie unless Secure, host-only and for the whole site. */
export function sessionCookieName(config: Readonly<Config>): string {
  return secureCookies(config) ? '__Host-staff_session' : 'staff_session';
}

/**
 * How staff sign in to the console: with the organisation's identity provider (OIDC), or — only
 * when no provider is configured, for local use — with the automation token. Either way the
 * browser then holds an httpOnly session cookie. `GET /api/staff/session` says who is signed in
 * and gives the CSRF token; `DELETE /api/staff/session` signs out.
 */
export function registerStaffAuth(server: Server, deps: StaffAuthDeps): void {
  const { config, sessions, oidc, cookieName, logger } = deps;
  const secure = secureCookies(config);
  const tokenSignIn = !oidc && Boolean(config.STAFF_API_TOKEN);
  const maxAge = config.STAFF_SESSION_MAX_HOURS * 3600;

  const signedIn = async (res: Response, staff: Parameters<StaffSessions['create']>[0]) => {
    const id = await sessions.create(staff);
    res.header('Set-Cookie', [
      cookieHeader(cookieName, id, { path: '/', maxAge, secure }),
      cookieHeader(LOGIN_COOKIE, '', { path: '/staff/auth', maxAge: 0, secure }),
    ]);
  };

  server.get('/staff/auth/methods', async (_req, res) => {
    res.send(200, { oidc: Boolean(oidc), token: tokenSignIn });
  });

  server.get('/staff/auth/login', async (_req: Request, res: Response) => {
    if (!oidc) return staffPage(res, 404, 'Not available', 'Sign-in with an identity provider is not configured.');
    try {
      const { url, state } = await oidc.start();
      res.header('Set-Cookie', cookieHeader(LOGIN_COOKIE, state, { path: '/staff/auth', maxAge: 600, secure }));
      res.header('Location', url);
      res.send(302);
    } catch (err) {
      logger.warn({ err: errorSummary(err) }, 'identity provider unreachable');
      staffPage(res, 502, 'Sign-in is unavailable', 'The identity provider did not answer. Try again in a minute.');
    }
  });

  server.get('/staff/auth/callback', async (req: Request, res: Response) => {
    if (!oidc) return staffPage(res, 404, 'Not available', 'Sign-in with an identity provider is not configured.');
    const query = req.getQuery();
    if (new URLSearchParams(query).has('error')) return staffPage(res, 400, 'Not signed in', 'The identity provider did not sign you in (cancelled or refused).');
    try {
      const claims = await oidc.finish(query, readCookie(req, LOGIN_COOKIE));
      const decision = staffFromClaims(claims, config.STAFF_OIDC_ISSUER!, { emails: config.STAFF_ALLOWED_EMAILS, group: config.STAFF_ALLOWED_GROUP });
      if (!decision.allowed) {
        logger.info('staff sign-in refused: not on the allow-list or in the group');
        return staffPage(res, 403, 'Not allowed', `You are signed in${decision.name ? ` as ${decision.name}` : ''}, but this account may not use the helpdesk console. Ask the helpdesk lead to add you.`);
      }
      await signedIn(res, decision.staff);
      logger.info({ staff: hashId(decision.staff.key) }, 'staff signed in');
      res.header('Location', '/staff');
      res.send(302);
    } catch (err) {
      if (err instanceof SignInError) return staffPage(res, 400, 'Not signed in', err.message);
      logger.warn({ err: errorSummary(err) }, 'staff sign-in failed');
      staffPage(res, 502, 'Sign-in failed', 'The sign-in could not be completed. Try again.');
    }
  });

  server.post('/staff/auth/token', async (req: Request, res: Response) => {
    if (!tokenSignIn) return void res.send(404, { error: 'Not found.' });
    const presented = typeof req.body?.token === 'string' ? req.body.token : '';
    if (!presented) return void res.send(400, { error: 'Send {"token": "..."}.' });
    if (!timingSafeEqual(digest(presented), digest(config.STAFF_API_TOKEN!))) return void res.send(401, { error: 'Unauthorized.' });
    await signedIn(res, tokenHolder('console'));
    res.send(204);
  });

  server.get('/api/staff/session', async (req, res) => {
    const staff = requireStaff(req, res);
    if (!staff) return;
    res.send(200, { name: staff.name, email: staff.email, via: staff.via, csrfToken: sessionOf(req)?.csrfToken });
  });

  server.del('/api/staff/session', async (req, res) => {
    if (!requireStaff(req, res)) return;
    const cookie = readCookie(req, cookieName);
    if (cookie) await sessions.end(cookie);
    res.header('Set-Cookie', cookieHeader(cookieName, '', { path: '/', maxAge: 0, secure }));
    res.send(204);
  });
}
