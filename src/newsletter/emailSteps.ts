import type { BotServices } from '../bot/BotServices';
import type { Turn } from '../bot/Turn';
import { errorSummary } from '../log';
import { checkEmail } from './emailAddress';
import { sendConfirmation } from './sendConfirmation';
import { asksSomethingElse, NEWSLETTER_FLOW, personKey, yesNo } from './newsletterFlow';

/** Bump when the e-mail consent notice changes; stored with each subscription. */
export const CONSENT_VERSION = 'newsletter-consent-2026-11';
export const MAX_EMAIL_TRIES = 3;

/**
 * The steps of subscribing by e-mail: ask for the address, check it, ask consent, record (with a
 * double opt-in mail when SMTP is configured). `leave` ends the flow with a message.
 */
export function emailSteps(services: BotServices, leave: (turn: Turn, key: string) => boolean) {
  return {
    /** "By e-mail": ask for the address. */
    chooseEmail(turn: Turn): boolean {
      turn.convo.flow = { name: NEWSLETTER_FLOW, step: 'email', tries: 0 };
      turn.say(turn.t('newsletter.askEmail'));
      return true;
    },

    /**
     * An address (or something meant to be one). A question the knowledge base answers leaves the
     * flow unanswered here (returns false) so it gets its answer.
     */
    takeEmail(turn: Turn): boolean {
      const check = checkEmail(turn.text);
      if (!check.ok) {
        if (asksSomethingElse(turn)) {
          turn.convo.flow = undefined;
          return false;
        }
        const flow = (turn.convo.flow ??= { name: NEWSLETTER_FLOW, step: 'email', tries: 0 });
        flow.step = 'email';
        flow.tries = (flow.tries ?? 0) + 1;
        if (flow.tries >= MAX_EMAIL_TRIES) return leave(turn, 'newsletter.tooManyTries');
        turn.say(`${turn.t(`newsletter.invalid.${check.problem}`)} ${turn.t('newsletter.askEmailAgain')}`);
        return true;
      }
      turn.convo.flow = { name: NEWSLETTER_FLOW, step: 'consent', data: { email: check.email } };
      turn.say({ kind: 'message', text: turn.t('newsletter.consent'), choices: yesNo(turn) });
      return true;
    },

    /** Consent given for e-mail: recorded, and confirmed by mail when double opt-in is on. */
    async confirmEmail(turn: Turn): Promise<boolean> {
      const email = String(turn.convo.flow?.data?.email ?? '');
      turn.convo.flow = undefined;
      const doubleOptIn = Boolean(services.config.SMTP_URL && services.mailer);
      const result = await services.subscriptions!.subscribe({
        email,
        language: turn.lang,
        channel: turn.ctx.activity.channelId ?? 'unknown',
        userKey: personKey(turn),
        consentVersion: CONSENT_VERSION,
        doubleOptIn,
        tokenTtlHours: services.config.CONFIRM_TOKEN_TTL_HOURS,
      });
      if (!result.created) {
        turn.say(turn.t('newsletter.alreadySubscribed'));
        return true;
      }
      if (!doubleOptIn) {
        turn.say(turn.t('newsletter.subscribed'));
        return true;
      }
      try {
        await sendConfirmation(services, result, turn.lang);
        turn.say(turn.t('newsletter.checkInbox'));
      } catch (err) {
        services.logger.warn({ err: errorSummary(err) }, 'confirmation mail not sent');
        turn.say(turn.t('newsletter.mailFailed'));
      }
      return true;
    },
  };
}
