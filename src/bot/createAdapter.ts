import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type BotState,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config';
import type { I18n } from '../i18n/i18n';
import type { Lang } from '../knowledge/types';
import { errorSummary, hashId, type Logger } from '../log';
import { HttpAdapter } from './HttpAdapter';
import { ReusingAuthentication } from './ReusingAuthentication';
import { TURN_LANG } from './turnKeys';
import { detectLanguage } from '../i18n/detectLanguage';
import { langFromLocale } from '../i18n/languageNames';

/**
 * The Bot Framework adapter. With `MicrosoftAppId` set, every request must carry a valid Bot
 * Framework JWT; without it (local use) any request is accepted — the HTTP layer then limits
 * which serviceUrls may receive replies.
 */
export function createAdapter(config: Readonly<Config>): HttpAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = config.botAuthEnabled
    ? {
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword,
        MicrosoftAppType: config.MicrosoftAppType || 'SingleTenant',
        MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      }
    : {};
  return new HttpAdapter(new ReusingAuthentication(new ConfigurationBotFrameworkAuthentication(options)));
}

/** When the turn failed before the language was negotiated (state unreadable): the message's own language. */
function languageWithoutState(ctx: TurnContext): Lang {
  const detected = detectLanguage(ctx.activity.text ?? '');
  return (detected?.confident ? detected.lang : undefined) ?? langFromLocale(ctx.activity.locale) ?? 'en';
}

/**
 * What happens when a turn throws: one structured log line (no message text), the conversation's
 * state is dropped so the next message starts clean, and the person gets a localised apology.
 */
export function turnErrorHandler(deps: { conversationState: BotState; i18n: I18n; logger: Logger }) {
  return async (ctx: TurnContext, error: Error): Promise<void> => {
    deps.logger.error(
      { err: errorSummary(error), conversation: hashId(ctx.activity.conversation?.id), channel: ctx.activity.channelId },
      'turn failed',
    );
    try {
      await deps.conversationState.delete(ctx);
    } catch (cleanupError) {
      deps.logger.warn({ err: errorSummary(cleanupError) }, 'could not clear conversation state after a failed turn');
    }
    if (ctx.activity.type !== 'message') return;
    const lang: Lang = ctx.turnState.get(TURN_LANG) ?? languageWithoutState(ctx);
    try {
      await ctx.sendActivity({ type: 'message', text: deps.i18n.t(lang, 'errors.apology'), locale: lang });
    } catch (sendError) {
      deps.logger.warn({ err: errorSummary(sendError) }, 'could not send the apology');
    }
  };
}
