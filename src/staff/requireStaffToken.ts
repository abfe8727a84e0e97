import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import { isStaffPath, requireStaff } from './StaffGate';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Guards a staff route. Kept for routes written before named sign-in. On a staff path (every
 * /api/staff/ route, /metrics) the staff gate has already checked the token or the console
 * session, and this only asks whether it let the request in; on any other path it checks
 * `Authorization: Bearer <token>` itself, as it always did (404 without a token, 401 when wrong).
 * @deprecated Use `requireStaff(req, res)` on a staff path: it also says who is calling.
 */
export function staffAllowed(token: string | undefined, req: Request, res: Response): boolean {
  if (isStaffPath(req.path())) return requireStaff(req, res) !== undefined;
  if (!token) {
    res.send(404, { error: 'Not found.' });
    return false;
  }
  const presented = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
  if (!timingSafeEqual(digest(presented), digest(token))) {
    res.send(401, { error: 'Unauthorized.' });
    return false;
  }
  return true;
}
