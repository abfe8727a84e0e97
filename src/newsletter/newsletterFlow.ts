import type { Turn } from '../bot/Turn';
import { userKey } from '../privacy/userKey';
import type { Choice } from '../reply';

/** The flow's name in conversation state. */
export const NEWSLETTER_FLOW = 'newsletter';

/** Where a person is in the flow; `consent` is the e-mail consent (its name predates the chat one). */
export type NewsletterStep = 'how' | 'email' | 'consent' | 'consentChat';

/** This person on this channel, hashed: how their subscriptions are found again. */
export const personKey = (turn: Turn): string => userKey(turn.ctx.activity.channelId, turn.ctx.activity.from?.id);

/** The consent buttons (their labels are also what a tap sends back). */
export const yesNo = (turn: Turn): Choice[] => [
  { label: turn.t('newsletter.yes'), value: turn.t('newsletter.yes') },
  { label: turn.t('newsletter.no'), value: turn.t('newsletter.no') },
];

/** "Here in this chat" / "By e-mail" (each at most 20 characters: WhatsApp button titles). */
export const howChoices = (turn: Turn): Choice[] => [
  { label: turn.t('newsletter.howHere'), value: turn.t('newsletter.howHere') },
  { label: turn.t('newsletter.howEmail'), value: turn.t('newsletter.howEmail') },
];

/** Requests that belong to the sign-up itself (answering its questions), not something else. */
const SIGN_UP_ACTIONS: ReadonlySet<string> = new Set(['subscribe', 'subscribe-here', 'subscribe-by-email', 'yes', 'no', 'cancel']);

/**
 * Whether a message in the middle of the sign-up asks something else: a question the bot answers
 * outright, something it refers elsewhere, or another request. Then the flow ends and the message
 * is handled as usual. An address is never something else.
 */
export function asksSomethingElse(turn: Turn): boolean {
  if (turn.text.includes('@')) return false;
  const u = turn.understood;
  if (u.kind === 'action') return !SIGN_UP_ACTIONS.has(u.action);
  return (u.kind === 'answer' || u.kind === 'referral') && u.band === 'high';
}
