import type { Request, Response } from 'restify';
import { requireStaff } from './StaffGate';

/**
 * Guards a staff route. Kept for routes written before named sign-in: the staff gate
 * (`staffGate`, in front of every /api/staff/ path and /metrics) has already checked the token or
 * the console session, so this only asks whether it let the request in.
 * @deprecated Use `requireStaff(req, res)`, which also says who is calling.
 */
export function staffAllowed(_token: string | undefined, req: Request, res: Response): boolean {
  return requireStaff(req, res) !== undefined;
}
