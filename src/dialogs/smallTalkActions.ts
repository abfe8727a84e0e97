import type { BotServices } from '../bot/BotServices';
import type { ActionRunners, Turn } from '../bot/Turn';
import { TURN_LANG_CHANGED, TURN_TRUNCATED } from '../bot/turnKeys';
import type { TurnHandler } from '../bot/Turn';
import type { Lang } from '../knowledge/types';
import type { UnderstandHooks } from './understandHandler';
import { sayNotKnown } from './understandHandler';
import { topicMenu } from './topicMenu';

/** The welcome: who the bot is (automated), what it can do, a topic menu and the language choice. */
export function welcome(turn: Turn, services: BotServices): void {
  turn.say({ kind: 'message', text: turn.t('welcome.intro') });
  turn.say({ kind: 'message', text: turn.t('welcome.pickTopic'), choices: topicMenu(services.kb, turn.lang) });
}

/**
 * Before anything is understood: a note when a long message was cut, the confirmation when the
 * message was a language's name (a language button), and a word when there is no text at all.
 */
export function conversationBasics(services: BotServices): TurnHandler {
  return {
    name: 'basics',
    handle(turn) {
      if (turn.ctx.turnState.get(TURN_TRUNCATED)) turn.say(turn.t('input.truncated'));
      if (turn.ctx.turnState.get(TURN_LANG_CHANGED)) {
        turn.say({ kind: 'message', text: turn.t('language.changed'), choices: topicMenu(services.kb, turn.lang) });
        return true;
      }
      if (!turn.text) {
        turn.say(turn.t('input.empty'));
        return true;
      }
      return false;
    },
  };
}

/** Help, menu, hello, how are you, thanks, bye, "none of these", and yes/no/cancel with nothing to answer. */
export function smallTalkActions(services: BotServices, hooks: UnderstandHooks): ActionRunners {
  const withTopics = (key: string) => (turn: Turn) => turn.say({ kind: 'message', text: turn.t(key), choices: topicMenu(services.kb, turn.lang) });
  return {
    help: withTopics('help.text'),
    'topic-menu': withTopics('welcome.pickTopic'),
    greeting: (turn) => welcome(turn, services),
    'how-are-you': withTopics('smallTalk.howAreYou'),
    thanks: (turn) => turn.say(turn.t('smallTalk.thanks')),
    bye: (turn) => turn.say(turn.t('smallTalk.bye')),
    'none-of-these': (turn) => sayNotKnown(turn, services, hooks),
    cancel: withTopics('smallTalk.nothingToCancel'),
    yes: withTopics('smallTalk.ok'),
    no: withTopics('smallTalk.ok'),
  };
}

/** "Reply in French", « écris-moi en espagnol »: the reply language changes, and the confirmation comes in it. */
export function languageActions(services: BotServices, onSwitch?: (turn: Turn) => Promise<void> | void): ActionRunners {
  const to = (lang: Lang) => async (turn: Turn) => {
    turn.switchLanguage(lang);
    await onSwitch?.(turn);
    turn.say({ kind: 'message', text: turn.t('language.changed'), choices: topicMenu(services.kb, turn.lang) });
  };
  return { 'switch-to-english': to('en'), 'switch-to-french': to('fr'), 'switch-to-spanish': to('es') };
}
