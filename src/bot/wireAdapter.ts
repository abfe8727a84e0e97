import type { BotAdapter } from 'botbuilder';
import type { BotServices } from './BotServices';
import { turnErrorHandler } from './createAdapter';
import type { BotApp } from './createBot';

/** Gives any adapter (HTTP, Direct Line, WhatsApp) the bot's middleware chain and error handler. */
export function wireAdapter<T extends BotAdapter>(adapter: T, app: BotApp, services: BotServices): T {
  for (const middleware of app.middleware) adapter.use(middleware);
  adapter.onTurnError = turnErrorHandler({ conversationState: app.conversationState, i18n: services.i18n, logger: services.logger });
  return adapter;
}
