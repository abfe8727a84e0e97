import type { TurnContext } from 'botbuilder';
import type { ChannelKind } from '../channels/channelKind';
import type { I18n, Translate } from '../i18n/i18n';
import type { ActionId, Lang, Understanding } from '../knowledge/types';
import type { Reply } from '../reply';
import type { ConversationData, UserProfile } from './state';

/** What the bot makes of a message (`understand` bound to the knowledge base). */
export type Understand = (text: string, lang: Lang) => Understanding;

/**
 * Everything a handler needs for one incoming message, with no channel knowledge: the cleaned
 * text, the negotiated language, the loaded state, what the message is understood to be (worked out
 * once, when a handler first asks), and a queue of neutral replies. The bot renders and sends the
 * queue once every handler is done.
 */
export class Turn {
  readonly replies: Reply[] = [];
  /** Replies that go after whatever the handlers say (the emergency number when danger signs are weak). */
  readonly footer: Reply[] = [];
  private understanding: Understanding | undefined;
  private language: Lang;
  private translate: Translate;

  constructor(
    readonly ctx: TurnContext,
    readonly text: string,
    lang: Lang,
    readonly channel: ChannelKind,
    readonly convo: ConversationData,
    readonly user: UserProfile,
    private readonly i18n: I18n,
    private readonly understander: Understand,
  ) {
    this.language = lang;
    this.translate = i18n.forLang(lang);
  }

  /** The reply language. */
  get lang(): Lang {
    return this.language;
  }

  /** Translates a key into the reply language. */
  get t(): Translate {
    return this.translate;
  }

  /** What the message is: an answer, an action, a referral, "did you mean", or unknown. */
  get understood(): Understanding {
    return (this.understanding ??= this.understander(this.text, this.language));
  }

  /** The action the message clearly asks for, if any. */
  get action(): ActionId | undefined {
    const u = this.understood;
    return u.kind === 'action' ? u.action : undefined;
  }

  /** Replies from now on in `lang` (the person asked for it), and remembers it as their choice. */
  switchLanguage(lang: Lang): void {
    this.language = lang;
    this.translate = this.i18n.forLang(lang);
    this.user.language = lang;
    this.user.languageChosen = true;
  }

  /** Queues a reply; a bare string is a plain message. */
  say(reply: Reply | string): void {
    this.replies.push(typeof reply === 'string' ? { kind: 'message', text: reply } : reply);
  }
}

/** One step of the message pipeline. Returns true when it handled the message (later handlers are skipped). */
export interface TurnHandler {
  readonly name: string;
  handle(turn: Turn): Promise<boolean> | boolean;
}

/** What the bot does for an action (`knowledge/{lang}/actions.yaml` says how people ask for it). */
export type ActionRunner = (turn: Turn) => Promise<void> | void;
export type ActionRunners = Partial<Record<ActionId, ActionRunner>>;
