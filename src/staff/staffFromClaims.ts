import type { StaffIdentity } from './StaffIdentity';

/** The ID token (and user info) claims this module reads; providers add many more. */
export type SignInClaims = Record<string, unknown> & { sub: string };

/** Who may enter: listed e-mail addresses (lower case) or a value of the `groups` / `roles` claim. */
export interface StaffAllowance {
  emails: readonly string[];
  group?: string;
}

export type SignInDecision = { allowed: true; staff: StaffIdentity } | { allowed: false; /** Absent when the only name known is an address. */ name?: string };

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** The address to check and record: a verified `email`, else Entra's `preferred_username` or `upn` when it is one. */
function emailOf(claims: SignInClaims): string | undefined {
  const email = claims.email_verified === false ? undefined : text(claims.email);
  const fallback = [text(claims.preferred_username), text(claims.upn)].find((v) => v?.includes('@'));
  return (email ?? fallback)?.toLowerCase();
}

/**
 * Turns a signed-in person's claims into a staff identity, if they may use the helpdesk. The key
 * is `aad:<oid>` when Microsoft Entra gives an object id — the same id Teams sends as
 * `aadObjectId`, so one person is one staff member in the console and in the Teams channel.
 */
export function staffFromClaims(claims: SignInClaims, issuer: string, allowance: StaffAllowance): SignInDecision {
  const email = emailOf(claims);
  const name = text(claims.name) ?? [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') ?? '';
  const display = name || text(claims.preferred_username) || email || 'Staff member';
  const inGroup = allowance.group !== undefined && [...list(claims.groups), ...list(claims.roles)].includes(allowance.group);
  const listed = email !== undefined && allowance.emails.includes(email);
  // The refusal page greets them by name, never by an address (no e-mail in HTTP error bodies).
  if (!inGroup && !listed) return display.includes('@') ? { allowed: false } : { allowed: false, name: display };
  const oid = text(claims.oid);
  return {
    allowed: true,
    staff: { key: oid ? `aad:${oid}` : `oidc:${issuer}|${claims.sub}`, name: display, ...(email && { email }), via: 'console' },
  };
}
