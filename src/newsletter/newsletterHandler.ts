import type { BotState } from 'botbuilder';
import type { BotServices } from '../bot/BotServices';
import type { ActionRunners, Turn, TurnHandler } from '../bot/Turn';
import { topicMenu } from '../dialogs/topicMenu';
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

/** The newsletter's actions: subscribe (explain → e-mail → consent → record), unsubscribe, and "forget me". */
export function newsletterActions(deps: NewsletterDeps): ActionRunners {
  const { services } = deps;
  const key = (turn: Turn) => userKey(turn.ctx.activity.channelId, turn.ctx.activity.from?.id);
  return {
    subscribe: (turn) => (services.subscriptions ? start(turn) : turn.say(turn.t('newsletter.unavailable'))),
    async unsubscribe(turn) {
      turn.convo.flow = undefined;
      const count = (await services.subscriptions?.unsubscribeUser(key(turn))) ?? 0;
      turn.say(turn.t(count > 0 ? 'newsletter.unsubscribed' : 'newsletter.notSubscribed'));
    },
    async 'forget-me'(turn) {
      await services.subscriptions?.eraseUser(key(turn));
      await services.tickets.eraseUser(key(turn));
      await deps.userState.delete(turn.ctx);
      await deps.conversationState.delete(turn.ctx);
      services.logger.info('person erased on request');
      turn.say(turn.t('newsletter.forgotten'));
    },
  };
}

function start(turn: Turn): void {
  turn.convo.newsletterOffered = true;
  turn.convo.offerPending = false;
  turn.convo.flow = { name: NEWSLETTER_FLOW, step: 'email', tries: 0 };
  turn.say(turn.t('newsletter.intro'));
  turn.say(turn.t('newsletter.askEmail'));
}

/**
 * The sign-up in progress (an e-mail address, then consent), and the answer to the newsletter
 * offer. Runs before understanding so an e-mail address or a "yes" is never taken for a question;
 * a question asked in the middle of the flow leaves it and gets its answer.
 */
export function newsletterFlow(deps: NewsletterDeps): TurnHandler {
  const { services } = deps;
  const key = (turn: Turn) => userKey(turn.ctx.activity.channelId, turn.ctx.activity.from?.id);
  const leave = (turn: Turn, message: string) => {
    turn.convo.flow = undefined;
    turn.say({ kind: 'message', text: turn.t(message), choices: topicMenu(services.kb, turn.lang) });
  };

  return {
    name: 'newsletter',
    async handle(turn) {
      const flow = turn.convo.flow?.name === NEWSLETTER_FLOW ? turn.convo.flow : undefined;
      if (!flow) {
        // The offer after an answer was a yes/no question: a bare "yes" or "no" answers it.
        const offered = turn.convo.offerPending;
        turn.convo.offerPending = false;
        if (offered && turn.action === 'yes' && services.subscriptions) {
          start(turn);
          return true;
        }
        if (offered && turn.action === 'no') {
          turn.say(turn.t('newsletter.declined'));
          return true;
        }
        return false;
      }
      const action = turn.text.includes('@') ? undefined : turn.action;
      if (action === 'cancel' || (flow.step === 'consent' && action === 'no')) {
        leave(turn, 'newsletter.nothingStored');
        return true;
      }
      if (flow.step === 'email') {
        const check = checkEmail(turn.text);
        if (!check.ok) {
          // A question or another request instead of an address: leave the flow and do that.
          const u = turn.text.includes('@') ? undefined : turn.understood;
          const otherRequest = u?.kind === 'action' && u.action !== 'subscribe' && u.action !== 'yes';
          const question = (u?.kind === 'answer' || u?.kind === 'referral') && u.band === 'high';
          if (otherRequest || question) {
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
      if (action !== 'yes') {
        turn.convo.flow = undefined;
        return false;
      }
      const email = String(flow.data?.email ?? '');
      turn.convo.flow = undefined;
      await record(turn, email, key(turn), services);
      return true;
    },
  };
}

/** Records a consented subscription and says what happens next (a confirmation e-mail when SMTP is set). */
async function record(turn: Turn, email: string, userKeyValue: string, services: BotServices): Promise<void> {
  const doubleOptIn = Boolean(services.config.SMTP_URL && services.mailer);
  const result = await services.subscriptions!.subscribe({
    email,
    language: turn.lang,
    channel: turn.ctx.activity.channelId ?? 'unknown',
    userKey: userKeyValue,
    consentVersion: CONSENT_VERSION,
    doubleOptIn,
    tokenTtlHours: services.config.CONFIRM_TOKEN_TTL_HOURS,
  });
  if (!result.created) {
    turn.say(turn.t('newsletter.alreadySubscribed'));
    return;
  }
  if (!doubleOptIn) {
    turn.say(turn.t('newsletter.subscribed'));
    return;
  }
  try {
    await sendConfirmation(services, result, turn.lang);
    turn.say(turn.t('newsletter.checkInbox'));
  } catch (err) {
    services.logger.warn({ err: errorSummary(err) }, 'confirmation mail not sent');
    turn.say(turn.t('newsletter.mailFailed'));
  }
}

/** Answer hook: after the second answer in a conversation, offer the newsletter once. */
export function offerNewsletterOnce(services: BotServices) {
  return (turn: Turn) => {
    turn.convo.answers = (turn.convo.answers ?? 0) + 1;
    if (!services.subscriptions || turn.convo.newsletterOffered || turn.convo.answers < OFFER_AFTER_ANSWERS) return;
    turn.convo.newsletterOffered = true;
    turn.convo.offerPending = true;
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
