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
