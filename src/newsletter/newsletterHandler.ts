import type { BotState } from 'botbuilder';
import type { BotServices } from '../bot/BotServices';
import type { Turn, TurnHandler } from '../bot/Turn';
import { topicMenu } from '../dialogs/topicMenu';
import { matchesIntent } from '../i18n/matchIntent';
import { errorSummary } from '../log';
import { userKey } from '../privacy/userKey';
import type { Choice } from '../reply';
import { checkEmail } from './emailAddress';
import { sendConfirmation } from './sendConfirmation';

export const NEWSLETTER_FLOW = 'newsletter';
/** Bump when the consent notice changes; stored with each subscription. */
export const CONSENT_VERSION = 'newsletter-consent-2026-11';
export const MAX_EMAIL_TRIES = 3;
/** Offer the newsletter once, after this many answers in a conversation. */
export const OFFER_AFTER_ANSWERS = 2;

export interface NewsletterDeps {
  services: BotServices;
  conversationState: BotState;
  userState: BotState;
}

const yesNo = (turn: Turn): Choice[] => [
  { label: turn.t('newsletter.yes'), value: turn.t('newsletter.yes') },
  { label: turn.t('newsletter.no'), value: turn.t('newsletter.no') },
];

/**
 * The newsletter: subscribe (explain → e-mail → consent → record), unsubscribe, and "forget me".
 * Runs before small talk so an e-mail address or a "yes" is never taken for a question; a question
 * asked in the middle of the flow leaves it and gets its answer.
 */
export function newsletterHandler(deps: NewsletterDeps): TurnHandler {
  const { services } = deps;
  const { i18n } = services;
  const intent = (turn: Turn, key: string) => matchesIntent(i18n, `intents.${key}`, turn.text);

  const start = (turn: Turn) => {
    turn.convo.newsletterOffered = true;
    turn.convo.flow = { name: NEWSLETTER_FLOW, step: 'email', tries: 0 };
    turn.say(turn.t('newsletter.intro'));
    turn.say(turn.t('newsletter.askEmail'));
  };
  const leave = (turn: Turn, key: string) => {
    turn.convo.flow = undefined;
    turn.say({ kind: 'message', text: turn.t(key), choices: topicMenu(services.kb, turn.lang) });
  };

  return {
    name: 'newsletter',
    async handle(turn) {
      const key = () => userKey(turn.ctx.activity.channelId, turn.ctx.activity.from?.id);
      if (intent(turn, 'newsletterForget')) {
        await services.subscriptions?.eraseUser(key());
        await services.tickets.eraseUser(key());
        await deps.userState.delete(turn.ctx);
        await deps.conversationState.delete(turn.ctx);
        services.logger.info('person erased on request');
        turn.say(turn.t('newsletter.forgotten'));
        return true;
      }
      if (intent(turn, 'newsletterUnsubscribe')) {
        turn.convo.flow = undefined;
        const count = (await services.subscriptions?.unsubscribeUser(key())) ?? 0;
        turn.say(turn.t(count > 0 ? 'newsletter.unsubscribed' : 'newsletter.notSubscribed'));
        return true;
      }

      const flow = turn.convo.flow?.name === NEWSLETTER_FLOW ? turn.convo.flow : undefined;
      if (!flow) {
        if (intent(turn, 'newsletterSubscribe')) {
          if (!services.subscriptions) turn.say(turn.t('newsletter.unavailable'));
          else start(turn);
          return true;
        }
        if (intent(turn, 'newsletterDecline') && turn.convo.newsletterOffered) {
          turn.say(turn.t('newsletter.declined'));
          return true;
        }
        return false;
      }

      if (intent(turn, 'newsletterCancel') || (flow.step === 'consent' && intent(turn, 'newsletterDecline'))) {
        leave(turn, 'newsletter.nothingStored');
        return true;
      }
      if (flow.step === 'email') {
        const check = checkEmail(turn.text);
        if (!check.ok) {
          // A question the knowledge base answers, instead of an address: leave the flow and answer it.
          if (!turn.text.includes('@') && services.index.search(turn.text, turn.lang).band === 'high') {
            turn.convo.flow = undefined;
            return false;
          }
          flow.tries = (flow.tries ?? 0) + 1;
          if (flow.tries >= MAX_EMAIL_TRIES) {
            leave(turn, 'newsletter.tooManyTries');
            return true;
          }
          turn.say(`${turn.t(`newsletter.invalid.${check.problem}`)} ${turn.t('newsletter.askEmailAgain')}`);
          return true;
        }
        turn.convo.flow = { name: NEWSLETTER_FLOW, step: 'consent', data: { email: check.email } };
        turn.say({ kind: 'message', text: turn.t('newsletter.consent'), choices: yesNo(turn) });
        return true;
      }
      // step 'consent'
      if (!intent(turn, 'newsletterYes')) {
        turn.convo.flow = undefined;
        return false;
      }
      const email = String(flow.data?.email ?? '');
      turn.convo.flow = undefined;
      const doubleOptIn = Boolean(services.config.SMTP_URL && services.mailer);
      const result = await services.subscriptions!.subscribe({
        email,
        language: turn.lang,
        channel: turn.ctx.activity.channelId ?? 'unknown',
        userKey: key(),
        consentVersion: CONSENT_VERSION,
        doubleOptIn,
        tokenTtlHours: services.config.CONFIRM_TOKEN_TTL_HOURS,
      });
      if (!result.created) {
        turn.say(turn.t('newsletter.alreadySubscribed'));
        return true;
      }
      if (doubleOptIn) {
        try {
          await sendConfirmation(services, result, turn.lang);
          turn.say(turn.t('newsletter.checkInbox'));
        } catch (err) {
          services.logger.warn({ err: errorSummary(err) }, 'confirmation mail not sent');
          turn.say(turn.t('newsletter.mailFailed'));
        }
      } else {
        turn.say(turn.t('newsletter.subscribed'));
      }
      return true;
    },
  };
}

/** Answer hook: after the second answer in a conversation, offer the newsletter once. */
export function offerNewsletterOnce(services: BotServices) {
  return (turn: Turn) => {
    turn.convo.answers = (turn.convo.answers ?? 0) + 1;
    if (!services.subscriptions || turn.convo.newsletterOffered || turn.convo.answers < OFFER_AFTER_ANSWERS) return;
    turn.convo.newsletterOffered = true;
    turn.say({
      kind: 'message',
      text: turn.t('newsletter.offer'),
      choices: [
        { label: turn.t('newsletter.offerYes'), value: turn.t('newsletter.offerYes') },
        { label: turn.t('newsletter.no'), value: turn.t('newsletter.no') },
      ],
    });
  };
}
