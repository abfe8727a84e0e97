import type { Middleware, Storage } from 'botbuilder';
import { conversationKey, JsonBotState, userKey } from './JsonBotState';
import { conversationBasics, languageActions, smallTalkActions, welcome } from '../dialogs/smallTalkActions';
import { topicMenuHandler } from '../dialogs/topicMenu';
import { type UnderstandHooks, understandHandler } from '../dialogs/understandHandler';
import { emergencyHandler } from '../emergency/emergencyHandler';
import { handoffActions, handoffAnswerHooks, handoffEmergencyHooks, handoffGate } from '../handoff/handoffHandler';
import { handoffStatusHandler } from '../handoff/handoffStatusHandler';
import { knowledgeLexicon } from '../knowledge/knowledgeLexicon';
import { understand } from '../knowledge/understand';
import { newsletterActions, newsletterFlow, offerNewsletterOnce } from '../newsletter/newsletterHandler';
import { feedbackHandler } from '../feedback/feedbackHandler';
import { withFeedbackHooks } from '../feedback/withFeedbackHooks';
import { countEmergencies } from '../usage/countEmergencies';
import { UsageMiddleware } from '../usage/UsageMiddleware';
import { templateFollowUpHandler } from '../updates/templateFollowUpHandler';
import { newsletterSteps } from '../newsletter/newsletterSteps';
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
 * The message path reads top to bottom here: send timeout → clean input → flood limit → load and
 * save state → menu numbers → language → handlers: danger first, then a flow in progress (a
 * sign-up, an open helpdesk request), then what the message is understood to be.
 */
export function createBot(services: BotServices, storage: Storage): BotApp {
  const conversationState = new JsonBotState(storage, conversationKey);
  const userState = new JsonBotState(storage, userKey);
  const channels = { whatsappIds: services.config.WHATSAPP_CHANNEL_IDS, smsIds: services.config.SMS_CHANNEL_IDS };
  const newsletter = { services, conversationState, userState };
  const hooks: UnderstandHooks = withFeedbackHooks(services, {
    ...handoffAnswerHooks(services),
    afterAnswer: offerNewsletterOnce(services),
    onOutcome: (turn, outcome) => services.metrics?.answers.inc({ outcome: outcome.kind, band: outcome.band, lang: turn.lang }),
  });
  const actions = {
    ...smallTalkActions(services, hooks),
    // Subscriptions follow the person's language.
    ...languageActions(services, (turn) => newsletterSteps(newsletter).followLanguage(turn)),
    ...newsletterActions(newsletter),
    ...handoffActions(services),
  };
  const bot = new MigrationHealthBot({
    conversationState,
    userState,
    i18n: services.i18n,
    channels,
    understand: (text, lang) => understand(text, lang, services.kb, services.index),
    welcome: (turn) => welcome(turn, services),
    handlers: [
      emergencyHandler(services.danger, services.emergencyNumbers, countEmergencies(handoffEmergencyHooks(services))),
      newsletterFlow(newsletter),
      templateFollowUpHandler(services),
      handoffGate(services),
      conversationBasics(services),
      feedbackHandler(services),
      topicMenuHandler(services.kb, services.i18n),
      understandHandler(services, actions, hooks),
    ],
    eventHandlers: [handoffStatusHandler(services)],
  });
  const middleware: Middleware[] = [
    ...(services.metrics ? [new MetricsMiddleware(services.metrics, channels)] : []),
    new OutgoingTimeoutMiddleware(services.config.OUTGOING_TIMEOUT_MS),
    new InputMiddleware(services.config.MAX_MESSAGE_CHARS),
    new RateLimitMiddleware(services.config.RATE_LIMIT_MESSAGES, services.config.RATE_LIMIT_WINDOW_SECONDS, services.i18n, services.logger),
    ...(services.insights ? [new UsageMiddleware(services.insights.usage, channels, () => services.insights!.today())] : []),
    new StateMiddleware(conversationState, userState),
    new MenuChoiceMiddleware(bot.conversationData),
    new LocaleMiddleware(bot.userProfile, knowledgeLexicon(services.kb)),
  ];
  return { bot, middleware, conversationState, userState };
}
