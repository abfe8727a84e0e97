import type { BotServices } from '../bot/BotServices';
import type { Turn, TurnHandler } from '../bot/Turn';
import { TURN_LANG_CHANGED } from '../bot/turnKeys';
import { matchesIntent } from '../i18n/matchIntent';
import { LANGUAGES } from '../knowledge/types';
import { foldMessage, foldText } from '../text/foldText';
import { NEWSLETTER_FLOW } from './newsletterFlow';
import { type NewsletterDeps, newsletterSteps } from './newsletterSteps';

export { NEWSLETTER_FLOW } from './newsletterFlow';
export { CONSENT_VERSION, MAX_EMAIL_TRIES } from './emailSteps';
export type { NewsletterDeps } from './newsletterSteps';
/** Offer the newsletter once, after this many answers in a conversation. */
export const OFFER_AFTER_ANSWERS = 2;

/** True when the message is exactly the label of one of the bot's own buttons (in any language). */
function isButton(services: BotServices, key: string, text: string): boolean {
  const folded = foldMessage(text);
  return folded !== '' && LANGUAGES.some((lang) => foldText(services.i18n.t(lang, key)) === folded);
}

/**
 * The newsletter and updates: subscribe (here in this chat, or by e-mail), unsubscribe, "forget me".
 * This is the one place that recognises what the person asks; `newsletterSteps` does it. Runs
 * before small talk so an e-mail address or a "yes" is never taken for a question; a question
 * asked in the middle of the flow leaves it and gets its answer.
 */
export function newsletterHandler(deps: NewsletterDeps): TurnHandler {
  const { services } = deps;
  const steps = newsletterSteps(deps);
  const intent = (turn: Turn, key: string) => matchesIntent(services.i18n, `intents.${key}`, turn.text);
  const button = (turn: Turn, key: string) => isButton(services, key, turn.text);

  return {
    name: 'newsletter',
    async handle(turn) {
      if (intent(turn, 'newsletterForget')) return steps.forget(turn);
      if (button(turn, 'updates.unsubscribeButton') || intent(turn, 'newsletterUnsubscribe')) return steps.unsubscribe(turn);
      if (turn.ctx.turnState.get(TURN_LANG_CHANGED)) await steps.followLanguage(turn);

      const flow = turn.convo.flow?.name === NEWSLETTER_FLOW ? turn.convo.flow : undefined;
      if (!flow) {
        if (intent(turn, 'newsletterSubscribe')) return steps.start(turn);
        if (intent(turn, 'newsletterDecline') && turn.convo.newsletterOffered) {
          turn.say(turn.t('newsletter.declined'));
          return true;
        }
        return false;
      }

      const consenting = flow.step === 'consent' || flow.step === 'consentChat';
      if (intent(turn, 'newsletterCancel') || (consenting && intent(turn, 'newsletterDecline'))) return steps.leave(turn, 'newsletter.nothingStored');
      switch (flow.step) {
        case 'how':
          if (button(turn, 'newsletter.howHere') || intent(turn, 'newsletterHere')) return steps.chooseHere(turn);
          if (button(turn, 'newsletter.howEmail') || intent(turn, 'newsletterByEmail')) return steps.chooseEmail(turn);
          // An address typed straight away, or a question: the e-mail step knows both.
          if (turn.text.includes('@') || services.index.search(turn.text, turn.lang).band === 'high') return steps.takeEmail(turn);
          return steps.unclearHow(turn);
        case 'email':
          return steps.takeEmail(turn);
        case 'consentChat':
        case 'consent':
          if (!intent(turn, 'newsletterYes')) {
            // Anything but yes or no: the flow ends and the message is handled as usual.
            turn.convo.flow = undefined;
            return false;
          }
          return flow.step === 'consentChat' ? steps.confirmChat(turn) : steps.confirmEmail(turn);
        default:
          turn.convo.flow = undefined;
          return false;
      }
    },
  };
}

/** Answer hook: after the second answer in a conversation, offer the updates once. */
export function offerNewsletterOnce(services: BotServices) {
  return (turn: Turn) => {
    turn.convo.answers = (turn.convo.answers ?? 0) + 1;
    if (!services.subscriptions || turn.convo.newsletterOffered || turn.convo.answers < OFFER_AFTER_ANSWERS) return;
    turn.convo.newsletterOffered = true;
    turn.say({
      kind: 'message',
      text: turn.t('newsletter.offerUpdates'),
      choices: [
        { label: turn.t('newsletter.offerYes'), value: turn.t('newsletter.offerYes') },
        { label: turn.t('newsletter.no'), value: turn.t('newsletter.no') },
      ],
    });
  };
}
