import { ActivityTypes, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { UserProfile } from '../state';
import { TURN_LANG, TURN_LANG_CHANGED } from '../turnKeys';
import type { Lexicon } from '../../i18n/detectLanguage';
import { negotiateLanguage } from '../../i18n/negotiateLanguage';

/**
 * Negotiates the reply language (see `negotiateLanguage`), saves it for the person, and leaves it in
 * `turnState` for the rest of the turn.
 */
export class LocaleMiddleware implements Middleware {
  constructor(
    private readonly profile: StatePropertyAccessor<UserProfile>,
    /** The knowledge base's words by language (`knowledgeLexicon`), for detection. */
    private readonly lexicon?: Lexicon,
  ) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    const profile = await this.profile.get(ctx, {});
    const text = ctx.activity.type === ActivityTypes.Message ? (ctx.activity.text ?? '') : '';
    const { lang, explicit } = negotiateLanguage({ text, saved: profile.language, chosen: profile.languageChosen, locale: ctx.activity.locale, lexicon: this.lexicon });
    if (explicit) {
      profile.languageChosen = true;
      ctx.turnState.set(TURN_LANG_CHANGED, true);
    }
    profile.language = lang;
    ctx.turnState.set(TURN_LANG, lang);
    await next();
  }
}
