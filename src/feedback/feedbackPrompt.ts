import type { Translate } from '../i18n/i18n';
import type { Choice, FeedbackPrompt } from '../reply';
import { REASONS } from './feedbackTables';

const choice = (label: string): Choice => ({ label, value: label });

/** "Was this helpful? 👍 / 👎" in the person's language, for an answer reply. */
export function feedbackPrompt(t: Translate): FeedbackPrompt {
  return { up: choice(t('feedback.up')), down: choice(t('feedback.down')), hint: t('feedback.hint') };
}

/** The one-tap reasons after 👎, in the person's language. Three, so they fit WhatsApp's reply buttons. */
export function reasonChoices(t: Translate): Choice[] {
  return REASONS.map((reason) => choice(t(`feedback.reason.${reason}`)));
}
