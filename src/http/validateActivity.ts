import type { Activity } from 'botbuilder';

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; status: number; reason: string };

const MAX_TEXT_FIELD = 64 * 1024;

/**
 * Checks an inbound Bot Framework activity before the adapter sees it, so malformed input gets
 * a 400 with a short reason instead of the adapter's 500 with its internal message.
 */
export function validateActivity(body: unknown): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, reason: 'The body must be a JSON object (a Bot Framework activity).' };
  }
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type.length === 0 || a.type.length > 64) {
    return { ok: false, status: 400, reason: 'The activity needs a "type".' };
  }
  if (!isObject(a.conversation) || typeof a.conversation.id !== 'string' || !a.conversation.id) {
    return { ok: false, status: 400, reason: 'The activity needs "conversation.id".' };
  }
  if (typeof a.serviceUrl !== 'string' || !isHttpUrl(a.serviceUrl)) {
    return { ok: false, status: 400, reason: 'The activity needs an http(s) "serviceUrl".' };
  }
  if (a.from !== undefined && (!isObject(a.from) || typeof a.from.id !== 'string')) {
    return { ok: false, status: 400, reason: '"from.id" must be a string.' };
  }
  if (a.text !== undefined && a.text !== null && (typeof a.text !== 'string' || a.text.length > MAX_TEXT_FIELD)) {
    return { ok: false, status: 400, reason: '"text" must be a string.' };
  }
  if (a.channelId !== undefined && typeof a.channelId !== 'string') {
    return { ok: false, status: 400, reason: '"channelId" must be a string.' };
  }
  if (a.locale !== undefined && a.locale !== null && typeof a.locale !== 'string') {
    return { ok: false, status: 400, reason: '"locale" must be a string.' };
  }
  if (a.membersAdded !== undefined && !Array.isArray(a.membersAdded)) {
    return { ok: false, status: 400, reason: '"membersAdded" must be a list.' };
  }
  return { ok: true, activity: body as Activity };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** True when replies may be posted to this serviceUrl without Bot Framework credentials (loopback by default). */
export function serviceUrlAllowed(serviceUrl: string, allowlist: readonly string[]): boolean {
  try {
    const host = new URL(serviceUrl).hostname.toLowerCase();
    return allowlist.includes(host) || allowlist.includes(host.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
}
