import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Guards every `/api/staff/*` route: `Authorization: Bearer <STAFF_API_TOKEN>`, compared in constant
 * time (on SHA-256 digests, so the length of the token leaks nothing either). Without a configured
 * token the staff API is off (404). A wrong or missing token gets a bare 401.
 * Returns true when the request may go on; otherwise it has already answered.
 */
export function staffAllowed(token: string | undefined, req: Request, res: Response): boolean {
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
