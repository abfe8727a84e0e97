import type { BotServices } from '../bot/BotServices';
import type { ActionRunners, Turn, TurnHandler } from '../bot/Turn';
import { TURN_LANG_CHANGED } from '../bot/turnKeys';
import { LANGUAGES } from '../knowledge/types';
import { foldMessage, foldText } from '../text/foldText';
import { asksSomethingElse, NEWSLETTER_FLOW } from './newsletterFlow';
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
 * The newsletter's actions (how people ask for them is in knowledge/{lang}/actions.yaml): subscribe
 * (here in this chat, or by e-mail), unsubscribe, and "forget me".
 */
export function newsletterActions(deps: NewsletterDeps): ActionRunners {
  const steps = newsletterSteps(deps);
  const available = (turn: Turn) => {
    if (!deps.services.subscriptions) turn.say(turn.t('newsletter.unavailable'));
    return Boolean(deps.services.subscriptions);
  };
  return {
    subscribe: (turn) => void steps.start(turn),
    'subscribe-here': (turn) => {
      if (!available(turn)) return;
      turn.convo.newsletterOffered = true;
      turn.say(turn.t('newsletter.introUpdates'));
      steps.chooseHere(turn);
    },
    'subscribe-by-email': (turn) => {
      if (!available(turn)) return;
      turn.convo.newsletterOffered = true;
      turn.say(turn.t('newsletter.introUpdates'));
      steps.chooseEmail(turn);
    },
    unsubscribe: async (turn) => void (await steps.unsubscribe(turn)),
    'forget-me': async (turn) => void (await steps.forget(turn)),
  };
}

/**
 * The sign-up in progress (here or by e-mail? the address, the consent), the answer to the offer of
 * updates, the "Unsubscribe" button under an update, and subscriptions following a change of
 * language. Runs before understanding so an e-mail address or a "yes" is never taken for a
 * question; a question asked in the middle of the flow leaves it and gets its answer.
 */
export function newsletterFlow(deps: NewsletterDeps): TurnHandler {
  const { services } = deps;
  const steps = newsletterSteps(deps);
  const button = (turn: Turn, key: string) => isButton(services, key, turn.text);

  return {
    name: 'newsletter',
    async handle(turn) {
      if (button(turn, 'updates.unsubscribeButton')) return steps.unsubscribe(turn);
      if (turn.ctx.turnState.get(TURN_LANG_CHANGED)) await steps.followLanguage(turn);

      const flow = turn.convo.flow?.name === NEWSLETTER_FLOW ? turn.convo.flow : undefined;
      if (!flow) {
        // The offer after an answer was a yes/no question: a bare "yes" or "no" answers it.
        const offered = turn.convo.offerPending;
        turn.convo.offerPending = false;
        if (offered && turn.action === 'yes') return steps.start(turn);
        if (offered && turn.action === 'no') {
          turn.say(turn.t('newsletter.declined'));
          return true;
        }
        return false;
      }

      const action = turn.text.includes('@') ? undefined : turn.action;
      const consenting = flow.step === 'consent' || flow.step === 'consentChat';
      if (action === 'cancel' || (consenting && action === 'no')) return steps.leave(turn, 'newsletter.nothingStored');
      switch (flow.step) {
        case 'how':
          if (button(turn, 'newsletter.howHere') || action === 'subscribe-here') return steps.chooseHere(turn);
          if (button(turn, 'newsletter.howEmail') || action === 'subscribe-by-email') return steps.chooseEmail(turn);
          // An address typed straight away, or a question: the e-mail step knows both.
          if (turn.text.includes('@') || asksSomethingElse(turn)) return steps.takeEmail(turn);
          return steps.unclearHow(turn);
        case 'email':
          return steps.takeEmail(turn);
        case 'consentChat':
        case 'consent':
          if (action !== 'yes') {
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
    turn.convo.offerPending = true;
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
