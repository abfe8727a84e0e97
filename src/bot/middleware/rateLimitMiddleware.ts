import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { detectLanguage } from '../../i18n/detectLanguage';
import type { I18n } from '../../i18n/i18n';
import { langFromLocale } from '../../i18n/languageNames';
import { hashId, type Logger } from '../../log';

/**
 * A per-conversation flood limit. Past it the person gets one polite notice; further messages are
 * dropped — no handler runs, no state is written — until the window passes. Other conversations
 * are unaffected. Counting is per process: behind a load balancer each instance counts its own.
 */
export class RateLimitMiddleware implements Middleware {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly points: number,
    windowSeconds: number,
    private readonly i18n: I18n,
    private readonly logger: Logger,
  ) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  }

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    if (ctx.activity.type !== ActivityTypes.Message) return next();
    const key = ctx.activity.conversation?.id ?? 'unknown';
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      if (rejection.consumedPoints === this.points + 1) {
        this.logger.warn({ conversation: hashId(key) }, 'rate limit reached');
        const detected = detectLanguage(ctx.activity.text ?? '');
        const lang = (detected?.confident ? detected.lang : undefined) ?? langFromLocale(ctx.activity.locale) ?? 'en';
        await ctx.sendActivity({ type: ActivityTypes.Message, text: this.i18n.t(lang, 'safety.slowDown'), locale: lang });
      }
      return;
    }
    await next();
  }
}
