import { z } from 'zod';

/** Hard limit: an answer must fit one WhatsApp message with room for the source line. */
export const MAX_ANSWER_CHARS = 600;
/** Fewer alternates than this is reported by `kb:check` (not a load error). */
export const MIN_ALTERNATES = 10;

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A fresh copy of a string. A YAML value is a slice of its whole file: it keeps the file in memory,
 * and scanning slices makes V8's code for every string slower (a 10,000-entry index build by a third).
 */
const detach = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

const text = z.string().trim().min(1, 'must not be empty').transform(detach);

/** `reviewed: 2026-11-24` is a string under YAML 1.2, but a YAML 1.1 file may yield a Date. */
const reviewedDate = z
  .union([z.string().regex(ISO_DATE, 'must be a date like 2026-11-24'), z.date()])
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));

export const entrySchema = z
  .object({
    id: z.string().regex(KEBAB_CASE, 'id must be kebab-case (lower-case words joined by "-")'),
    question: text,
    alternates: z.array(text).default([]),
    answer: text.refine((a) => a.length <= MAX_ANSWER_CHARS, (a) => ({
      message: `answer is ${a.length} characters, the maximum is ${MAX_ANSWER_CHARS}`,
    })),
    source: z.string({ required_error: 'source is missing (an IOM page URL)' }).url('source must be a URL'),
    reviewed: reviewedDate,
    personal: z.boolean().default(false),
    tags: z.array(text).default([]),
    related: z.array(z.string()).default([]),
  })
  .strict();

export const topicFileSchema = z
  .object({
    topic: text,
    entries: z.array(entrySchema).min(1, 'a topic file needs at least one entry'),
  })
  .strict();

/** A WhatsApp list row's title holds 24 characters: the longest label a menu or "did you mean" shows. */
export const MAX_LABEL_CHARS = 24;

const label = text.refine((l) => l.length <= MAX_LABEL_CHARS, (l) => ({ message: `"${l}" is ${l.length} characters, the maximum is ${MAX_LABEL_CHARS}` }));
const examples = z.array(text).min(1, 'needs at least one example');

export const actionsFileSchema = z
  .object({
    actions: z.array(z.object({ id: z.string(), label, examples }).strict()).min(1),
  })
  .strict();

export const referralsFileSchema = z
  .object({
    referrals: z
      .array(
        z
          .object({
            id: z.string().regex(KEBAB_CASE, 'id must be kebab-case (lower-case words joined by "-")'),
            label,
            reply: text.refine((a) => a.length <= MAX_ANSWER_CHARS, (a) => ({ message: `reply is ${a.length} characters, the maximum is ${MAX_ANSWER_CHARS}` })),
            examples,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** Lines of words or phrases; each line's first form names the group. */
const groups = z.array(z.array(text).min(2, 'a group needs at least two forms')).default([]);
/** Names: one form is enough (the name as written). */
const nameGroups = z.array(z.array(text).min(1, 'a name needs at least one form')).default([]);

export const lexiconFileSchema = z
  .object({
    same: groups,
    names: nameGroups,
    ours: nameGroups,
    asker: z.array(text).default([]),
  })
  .strict();

export const menuFileSchema = z
  .object({
    themes: z
      .array(
        z
          .object({
            id: z.string().regex(KEBAB_CASE, 'id must be kebab-case'),
            title: z.object({ en: label, fr: label, es: label }).strict(),
            entries: z.array(z.string()).min(1, 'a theme needs at least one entry'),
          })
          .strict(),
      )
      .min(1, 'the menu needs at least one theme'),
  })
  .strict();

export type TopicFile = z.infer<typeof topicFileSchema>;
export type EntryInput = z.infer<typeof entrySchema>;
export type LexiconFile = z.infer<typeof lexiconFileSchema>;
