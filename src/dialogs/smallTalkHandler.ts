import type { BotServices } from '../bot/BotServices';
import type { Turn, TurnHandler } from '../bot/Turn';
import { TURN_LANG_CHANGED, TURN_TRUNCATED } from '../bot/turnKeys';
import { matchesIntent } from '../i18n/matchIntent';
import { topicMenu } from './topicMenu';

/** The welcome: who the bot is (automated), what it can do, a topic menu and the language choice. */
export function welcome(turn: Turn, services: BotServices): void {
  turn.say({ kind: 'message', text: turn.t('welcome.intro') });
  turn.say({ kind: 'message', text: turn.t('welcome.pickTopic'), choices: topicMenu(services.kb, turn.lang) });
}

/**
 * Conversation basics before matching: language changed, help, menu, hello, how are you, thanks, bye,
 * "none of these". Also notes when a long message was cut.
 */
export function smallTalkHandler(services: BotServices): TurnHandler {
  return {
    name: 'small-talk',
    handle(turn) {
      const { i18n } = services;
      if (turn.ctx.turnState.get(TURN_TRUNCATED)) turn.say(turn.t('input.truncated'));
      if (turn.ctx.turnState.get(TURN_LANG_CHANGED)) {
        turn.say({ kind: 'message', text: turn.t('language.changed'), choices: topicMenu(services.kb, turn.lang) });
        return true;
      }
      if (!turn.text) {
        turn.say(turn.t('input.empty'));
        return true;
      }
      if (matchesIntent(i18n, 'intents.help', turn.text)) {
        turn.say({ kind: 'message', text: turn.t('help.text'), choices: topicMenu(services.kb, turn.lang) });
        return true;
      }
      if (matchesIntent(i18n, 'intents.menu', turn.text)) {
        turn.say({ kind: 'message', text: turn.t('welcome.pickTopic'), choices: topicMenu(services.kb, turn.lang) });
        return true;
      }
      if (matchesIntent(i18n, 'intents.greeting', turn.text)) {
        welcome(turn, services);
        return true;
      }
      if (matchesIntent(i18n, 'intents.howAreYou', turn.text)) {
        turn.say({ kind: 'message', text: turn.t('smallTalk.howAreYou'), choices: topicMenu(services.kb, turn.lang) });
        return true;
      }
      if (matchesIntent(i18n, 'intents.thanks', turn.text)) {
        turn.say(turn.t('smallTalk.thanks'));
        return true;
      }
      if (matchesIntent(i18n, 'intents.bye', turn.text)) {
        turn.say(turn.t('smallTalk.bye'));
        return true;
      }
      return false;
    },
  };
}
