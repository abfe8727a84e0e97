/** RFC 5321 limit for a whole address. */
export const MAX_EMAIL_LENGTH = 254;

export type EmailProblem = 'empty' | 'tooLong' | 'spaces' | 'at' | 'domain';
export type EmailCheck = { ok: true; email: string } | { ok: false; problem: EmailProblem };

/**
 * Pragmatic e-mail validation, as a person would expect: one `@`, something before it, a domain with
 * a dot and a top-level domain of letters, no spaces or line breaks, at most 254 characters. The
 * address is kept as typed but lower-cased (one subscription per address). Confirmation by e-mail,
 * when SMTP is configured, is the real check.
 */
export function checkEmail(input: string): EmailCheck {
  const email = input.trim().replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1');
  if (!email) return { ok: false, problem: 'empty' };
  if (email.length > MAX_EMAIL_LENGTH) return { ok: false, problem: 'tooLong' };
  const parts = email.split('@');
  if (parts.length === 1) return { ok: false, problem: 'at' };
  if (/\s/.test(email)) return { ok: false, problem: 'spaces' };
  if (parts.length !== 2 || !parts[0] || /[<>()[\]\\,;:"]/.test(parts[0])) return { ok: false, problem: 'at' };
  const domain = parts[1];
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  const labelOk = (l: string) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(l);
  if (labels.length < 2 || !labels.every(labelOk) || !/^\p{L}{2,}$/u.test(tld)) return { ok: false, problem: 'domain' };
  return { ok: true, email: email.toLowerCase() };
}
