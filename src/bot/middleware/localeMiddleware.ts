import { ActivityTypes, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { UserProfile } from '../state';
import { TURN_LANG, TURN_LANG_CHANGED } from '../turnKeys';
import { detectLanguage } from '../../i18n/detectLanguage';
import { langFromLocale, languageNamedBy } from '../../i18n/languageNames';
import type { Lang } from '../../knowledge/types';

/**
 * Negotiates the reply language, in this order:
 * an explicit choice (the message names a language) → a confident detection on a message of
 * 3+ words, unless the person chose explicitly → the saved language → `activity.locale` → English.
 * The result is saved for the person and left in `turnState` for the rest of the turn.
 */
export class LocaleMiddleware implements Middleware {
  constructor(private readonly profile: StatePropertyAccessor<UserProfile>) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    const profile = await this.profile.get(ctx, {});
    const text = ctx.activity.type === ActivityTypes.Message ? (ctx.activity.text ?? '') : '';
    const named = languageNamedBy(text);
    let lang: Lang;
    if (named) {
      lang = named;
      profile.languageChosen = true;
      ctx.turnState.set(TURN_LANG_CHANGED, true);
    } else {
      const detected = text ? detectLanguage(text) : undefined;
      const useDetection = detected?.confident && !profile.languageChosen;
      lang = (useDetection ? detected.lang : undefined) ?? profile.language ?? langFromLocale(ctx.activity.locale) ?? 'en';
    }
    profile.language = lang;
    ctx.turnState.set(TURN_LANG, lang);
    await next();
  }
}
