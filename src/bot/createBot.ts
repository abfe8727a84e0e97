import type { Middleware, Storage } from 'botbuilder';
import { conversationKey, JsonBotState, userKey } from './JsonBotState';
import { answerHandler } from '../dialogs/answerHandler';
import { emergencyHandler } from '../emergency/emergencyHandler';
import { handoffAnswerHooks, handoffEmergencyHooks, handoffHandler } from '../handoff/handoffHandler';
import { handoffStatusHandler } from '../handoff/handoffStatusHandler';
import { knowledgeLexicon } from '../knowledge/knowledgeLexicon';
import { newsletterHandler, offerNewsletterOnce } from '../newsletter/newsletterHandler';
import { smallTalkHandler, welcome } from '../dialogs/smallTalkHandler';
import { templateFollowUpHandler } from '../updates/templateFollowUpHandler';
import { InputMiddleware } from './middleware/inputMiddleware';
import { LocaleMiddleware } from './middleware/localeMiddleware';
import { MenuChoiceMiddleware } from './middleware/menuChoiceMiddleware';
import { MetricsMiddleware } from './middleware/metricsMiddleware';
import { OutgoingTimeoutMiddleware } from './middleware/outgoingTimeoutMiddleware';
import { RateLimitMiddleware } from './middleware/rateLimitMiddleware';
import { StateMiddleware } from './middleware/stateMiddleware';
import type { BotServices } from './BotServices';
import { MigrationHealthBot } from './MigrationHealthBot';

export interface BotApp {
  bot: MigrationHealthBot;
  /** In the order the adapter must `use` them. */
  middleware: Middleware[];
  conversationState: JsonBotState;
  userState: JsonBotState;
}

/**
 * Assembles the bot: state on the given storage, the middleware chain and the handler order.
 * The message path reads top to bottom here: send timeout → clean input → flood limit → load and save state → menu numbers → language → handlers.
 */
export function createBot(services: BotServices, storage: Storage): BotApp {
  const conversationState = new JsonBotState(storage, conversationKey);
  const userState = new JsonBotState(storage, userKey);
  const channels = { whatsappIds: services.config.WHATSAPP_CHANNEL_IDS, smsIds: services.config.SMS_CHANNEL_IDS };
  const bot = new MigrationHealthBot({
    conversationState,
    userState,
    i18n: services.i18n,
    channels,
    welcome: (turn) => welcome(turn, services),
    handlers: [
      emergencyHandler(handoffEmergencyHooks(services)),
      newsletterHandler({ services, conversationState, userState }),
      templateFollowUpHandler(services),
      handoffHandler(services),
      smallTalkHandler(services),
      answerHandler(services, {
        ...handoffAnswerHooks(services),
        afterAnswer: offerNewsletterOnce(services),
        onOutcome: (turn, outcome) => services.metrics?.answers.inc({ outcome: outcome.kind, band: outcome.band, lang: turn.lang }),
      }),
    ],
    eventHandlers: [handoffStatusHandler(services)],
  });
  const middleware: Middleware[] = [
    ...(services.metrics ? [new MetricsMiddleware(services.metrics, channels)] : []),
    new OutgoingTimeoutMiddleware(services.config.OUTGOING_TIMEOUT_MS),
    new InputMiddleware(services.config.MAX_MESSAGE_CHARS),
    new RateLimitMiddleware(services.config.RATE_LIMIT_MESSAGES, services.config.RATE_LIMIT_WINDOW_SECONDS, services.i18n, services.logger),
    new StateMiddleware(conversationState, userState),
    new MenuChoiceMiddleware(bot.conversationData),
    new LocaleMiddleware(bot.userProfile, knowledgeLexicon(services.kb)),
  ];
  return { bot, middleware, conversationState, userState };
}
