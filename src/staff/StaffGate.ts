import { createHash, timingSafeEqual } from 'node:crypto';
import type { Next, Request, RequestHandler, Response } from 'restify';
import { readCookie } from './cookies';
import { type StaffIdentity, tokenHolder } from './StaffIdentity';
import type { StaffSession, StaffSessions } from './StaffSessions';

const digest = (s: string) => createHash('sha256').update(s).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The identity the gate found for each request it let through. */
const admitted = new WeakMap<Request, { staff: StaffIdentity; session?: StaffSession }>();

/** Paths only staff may use: every route under /api/staff/, and the metrics. */
export function isStaffPath(path: string): boolean {
  return path === '/api/staff' || path.startsWith('/api/staff/') || path === '/metrics';
}

export interface StaffGateOptions {
  /** STAFF_API_TOKEN: `Authorization: Bearer …` for automation. */
  token?: string;
  /** Console sessions (cookie); absent when neither sign-in nor the token is configured. */
  sessions?: StaffSessions;
  cookieName: string;
}

/**
 * The one guard in front of every staff path (`server.use`), so a route added under /api/staff/
 * is protected even if it forgets to check. A request is let through with
 * `Authorization: Bearer <STAFF_API_TOKEN>` (compared in constant time), or with a console
 * session cookie — and then, for POST/PUT/PATCH/DELETE, the session's `X-CSRF-Token` header,
 * which other sites cannot send. Otherwise: 401; 403 for a missing CSRF token; 404 when staff
 * access is not configured at all. Routes read who it is with `requireStaff(req, res)`.
 */
export function staffGate(options: StaffGateOptions): RequestHandler {
  const { token, sessions, cookieName } = options;
  const admit = async (req: Request, res: Response): Promise<boolean> => {
    if (!token && !sessions) {
      res.send(404, { error: 'Not found.' });
      return false;
    }
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (bearer !== undefined) {
      if (token && sameSecret(bearer, token)) {
        admitted.set(req, { staff: tokenHolder('api') });
        return true;
      }
      res.send(401, { error: 'Unauthorized.' });
      return false;
    }
    const cookie = readCookie(req, cookieName);
    const session = cookie && sessions ? await sessions.find(cookie) : undefined;
    if (!session) {
      res.send(401, { error: 'Unauthorized.' });
      return false;
    }
    if (UNSAFE.has(req.method ?? '') && !sameSecret(String(req.headers['x-csrf-token'] ?? ''), session.csrfToken)) {
      res.send(403, { error: 'This request needs the X-CSRF-Token header of your session.' });
      return false;
    }
    admitted.set(req, { staff: session.staff, session });
    return true;
  };
  return (req: Request, res: Response, next: Next) => {
    if (!isStaffPath(req.path())) return next();
    admit(req, res).then(
      (ok) => next(ok ? undefined : false),
      (err: unknown) => next(err instanceof Error ? err : new Error('staff check failed')),
    );
  };
}

/**
 * Who is calling this staff route — a named person (console or Teams) or the automation token —
 * as the gate admitted them; answers 401 itself and returns undefined otherwise:
 *
 *     const staff = requireStaff(req, res);
 *     if (!staff) return;
 */
export function requireStaff(req: Request, res: Response): StaffIdentity | undefined {
  const found = admitted.get(req)?.staff;
  if (!found) res.send(401, { error: 'Unauthorized.' });
  return found;
}

/** The console session behind this request, if it came with one (for its CSRF token and sign-out). */
export function sessionOf(req: Request): StaffSession | undefined {
  return admitted.get(req)?.session;
}
