import type { Activity } from 'botbuilder';

const MAX_TEXT = 8000;
/** What one posted activity may take in the database once serialised (Web Chat's are well under 2 KB). */
export const MAX_ACTIVITY_BYTES = 16 * 1024;

/** A person's activity ready to store and run, or the reason it was refused (for a 400). */
export type ParsedActivity = { activity: Partial<Activity> } | { error: string };

/**
 * Turns a posted body into the person's activity: only the fields the bot reads, `from` forced to a
 * user, sizes bounded. Nothing the client sends can pose as the bot or another conversation.
 */
export function parseUserActivity(body: unknown, conversationId: string): ParsedActivity {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: 'The body must be an activity with a "type".' };
  const b = body as Record<string, unknown>;
  if (typeof b.type !== 'string' || b.type === '') return { error: 'The body must be an activity with a "type".' };
  if (b.text !== undefined && (typeof b.text !== 'string' || b.text.length > MAX_TEXT)) {
    return { error: '"text" must be a string of at most 8,000 characters.' };
  }
  const fromId = b.from && typeof b.from === 'object' ? (b.from as { id?: unknown }).id : undefined;
  const activity: Partial<Activity> = {
    type: b.type === 'message' ? 'message' : b.type.slice(0, 40),
    text: b.text as string | undefined,
    value: b.value,
    locale: typeof b.locale === 'string' ? b.locale.slice(0, 20) : undefined,
    channelData: b.channelData,
    from: { id: typeof fromId === 'string' ? fromId.slice(0, 100) : `dl-${conversationId}`, role: 'user', name: 'You' },
  };
  if (Buffer.byteLength(JSON.stringify(activity)) > MAX_ACTIVITY_BYTES) {
    return { error: 'The activity is too large (at most 16 KB without attachments).' };
  }
  return { activity };
}
