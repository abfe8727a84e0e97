import { z } from 'zod';
import type { Lang } from '../knowledge/types';

/** A title is one line: it is also the parameter of the WhatsApp template. */
export const MAX_TITLE = 120;
/** Up to two WhatsApp messages; Teams, web chat and e-mail take it whole. */
export const MAX_TEXT = 8000;
/** How far ahead an update may be scheduled. */
export const MAX_SCHEDULE_DAYS = 366;

/** One language's version of an update. */
export interface UpdateText {
  title: string;
  text: string;
}

/** English is required: it is what a subscriber gets when their language has no text. */
export type UpdateTexts = { en: UpdateText } & Partial<Record<Lang, UpdateText>>;

export interface UpdateInput {
  texts: UpdateTexts;
  /** ISO time; absent means now. */
  sendAt?: string;
}

// Control characters other than line breaks and tabs have no place in a message.
const clean = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();

const version = z
  .object({
    title: z.string({ required_error: 'is required' }).transform((s) => clean(s).replace(/\s+/g, ' ')).pipe(z.string().min(1, 'is empty').max(MAX_TITLE, `is longer than ${MAX_TITLE} characters`)),
    text: z.string({ required_error: 'is required' }).transform(clean).pipe(z.string().min(1, 'is empty').max(MAX_TEXT, `is longer than ${MAX_TEXT} characters`)),
  })
  .strict();

const schema = z
  .object({
    texts: z.object({ en: version, fr: version.optional(), es: version.optional() }, { required_error: 'is required' }).strict(),
    sendAt: z.string().datetime({ offset: true, message: 'must be an ISO date and time, e.g. 2026-12-24T09:00:00Z' }).optional(),
  })
  .strict();

export type InputCheck = { ok: true; input: UpdateInput } | { ok: false; error: string };

/**
 * Checks a staff request body: `{ "texts": { "en": { "title", "text" }, "fr"?, "es"? }, "sendAt"? }`.
 * The error names the field and the problem only (never echoes the text).
 */
export function checkUpdateInput(body: unknown, now: Date): InputCheck {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || 'body';
    const reason = issue.code === 'unrecognized_keys' ? `has unknown fields (languages are en, fr, es; fields are title and text)` : issue.message.toLowerCase() === 'required' ? 'is required' : issue.message;
    return { ok: false, error: `${field} ${reason}.` };
  }
  const { texts, sendAt } = parsed.data;
  if (sendAt && Date.parse(sendAt) - now.getTime() > MAX_SCHEDULE_DAYS * 86_400_000) {
    return { ok: false, error: `sendAt is more than ${MAX_SCHEDULE_DAYS} days ahead.` };
  }
  return { ok: true, input: { texts: texts as UpdateTexts, sendAt: sendAt && new Date(sendAt).toISOString() } };
}
