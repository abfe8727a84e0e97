import type { BotState } from 'botbuilder';
import type { BotServices } from '../bot/BotServices';
import type { Turn } from '../bot/Turn';
import { topicMenu } from '../dialogs/topicMenu';
import { referenceOf } from './ChatSubscriptionStore';
import { emailSteps } from './emailSteps';
import { howChoices, NEWSLETTER_FLOW, personKey, yesNo } from './newsletterFlow';

/** Bump when the in-chat consent notice changes; stored with each subscription "here in this chat". */
export const CHAT_CONSENT_VERSION = 'updates-chat-consent-2026-12';
/** Unclear answers to "here or by e-mail?" before the bot stops asking. */
export const MAX_HOW_TRIES = 2;

export interface NewsletterDeps {
  services: BotServices;
  conversationState: BotState;
  userState: BotState;
}

/**
 * What the newsletter flow does, one small step per function, with no recognition in them: the
 * handler (or any recogniser) decides which step a message calls. Each returns true when it
 * answered the message.
 */
export function newsletterSteps(deps: NewsletterDeps) {
  const { services } = deps;
  const subscriptions = () => services.subscriptions!;

  const leave = (turn: Turn, key: string) => {
    turn.convo.flow = undefined;
    turn.say({ kind: 'message', text: turn.t(key), choices: topicMenu(services.kb, turn.lang) });
    return true;
  };
  const email = emailSteps(services, leave);

  return {
    ...email,
    leave,

    /** "Subscribe": what the updates are, then "here in this chat or by e-mail?". */
    start(turn: Turn): boolean {
      if (!services.subscriptions) {
        turn.say(turn.t('newsletter.unavailable'));
        return true;
      }
      turn.convo.newsletterOffered = true;
      turn.convo.flow = { name: NEWSLETTER_FLOW, step: 'how', tries: 0 };
      turn.say(turn.t('newsletter.introUpdates'));
      turn.say({ kind: 'message', text: turn.t('newsletter.askHow'), choices: howChoices(turn) });
      return true;
    },

    /** "Here in this chat": the consent notice for in-chat updates (in a group, e-mail instead: everyone would get them). */
    chooseHere(turn: Turn): boolean {
      if (turn.ctx.activity.conversation?.isGroup) {
        turn.say(turn.t('newsletter.hereNotInGroups'));
        return email.chooseEmail(turn);
      }
      turn.convo.flow = { name: NEWSLETTER_FLOW, step: 'consentChat' };
      turn.say({ kind: 'message', text: turn.t('newsletter.consentChat'), choices: yesNo(turn) });
      return true;
    },

    /** Neither choice: ask once more with the buttons, then stop. */
    unclearHow(turn: Turn): boolean {
      const flow = turn.convo.flow!;
      flow.tries = (flow.tries ?? 0) + 1;
      if (flow.tries >= MAX_HOW_TRIES) return leave(turn, 'newsletter.nothingStored');
      turn.say({ kind: 'message', text: turn.t('newsletter.askHowAgain'), choices: howChoices(turn) });
      return true;
    },

    /** Consent given for in-chat updates: records channel, hashed id, reference, language, date. */
    async confirmChat(turn: Turn): Promise<boolean> {
      turn.convo.flow = undefined;
      const activity = turn.ctx.activity;
      const { created } = await subscriptions().chat.subscribe({
        userKey: personKey(turn),
        channel: activity.channelId ?? 'unknown',
        language: turn.lang,
        reference: referenceOf(activity),
        consentVersion: CHAT_CONSENT_VERSION,
      });
      services.logger.info({ channel: activity.channelId, lang: turn.lang, created }, 'subscribed to updates in the chat');
      turn.say(turn.t(created ? 'newsletter.subscribedHere' : 'newsletter.alreadyHere'));
      return true;
    },

    /** "Unsubscribe", STOP, or the button under an update: every subscription of this person, in one step. */
    async unsubscribe(turn: Turn): Promise<boolean> {
      turn.convo.flow = undefined;
      const count = (await services.subscriptions?.unsubscribeUser(personKey(turn))) ?? 0;
      turn.say(turn.t(count > 0 ? 'newsletter.unsubscribed' : 'newsletter.notSubscribed'));
      return true;
    },

    /** "Forget me": subscriptions (both kinds), tickets, language choice and conversation state. */
    async forget(turn: Turn): Promise<boolean> {
      await services.subscriptions?.eraseUser(personKey(turn));
      await services.tickets.eraseUser(personKey(turn));
      await deps.userState.delete(turn.ctx);
      await deps.conversationState.delete(turn.ctx);
      services.logger.info('person erased on request');
      turn.say(turn.t('newsletter.forgotten'));
      return true;
    },

    /** The person picked another language: their subscriptions follow (the message itself goes on). */
    async followLanguage(turn: Turn): Promise<void> {
      await services.subscriptions?.setLanguage(personKey(turn), turn.lang);
    },
  };
}

export type NewsletterSteps = ReturnType<typeof newsletterSteps>;
