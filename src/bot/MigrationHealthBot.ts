import { ActivityHandler, type BotState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { channelKindOf, type ChannelMapping } from '../channels/channelKind';
import { render } from '../channels/render';
import type { I18n } from '../i18n/i18n';
import type { Lang } from '../knowledge/types';
import { maskPersonalData } from '../privacy/maskPersonalData';
import type { Reply } from '../reply';
import { TRANSCRIPT_MAX_LINES, type ConversationData, type UserProfile } from './state';
import { Turn, type TurnHandler, type Understand } from './Turn';
import { TURN_LANG } from './turnKeys';

export interface BotParts {
  conversationState: BotState;
  userState: BotState;
  i18n: I18n;
  channels: ChannelMapping;
  /** Tried in order for every message; the first that returns true wins. */
  handlers: TurnHandler[];
  /** Tried in order for event activities (e.g. `handoff.status` from an agent hub). */
  eventHandlers: TurnHandler[];
  /** What a message is understood to be (the knowledge base's understanding). */
  understand: Understand;
  /** Says hello to a newcomer (welcome text and topic menu). */
  welcome: (turn: Turn) => void;
}

/**
 * Wiring only: loads state, builds a `Turn`, runs the handlers, renders the neutral replies for
 * the channel and sends them. State is loaded and saved by `StateMiddleware`.
 */
export class MigrationHealthBot extends ActivityHandler {
  readonly conversationData: StatePropertyAccessor<ConversationData>;
  readonly userProfile: StatePropertyAccessor<UserProfile>;

  constructor(private readonly parts: BotParts) {
    super();
    this.conversationData = parts.conversationState.createProperty<ConversationData>('conversation');
    this.userProfile = parts.userState.createProperty<UserProfile>('profile');

    this.onMembersAdded(async (ctx, next) => {
      const newcomers = (ctx.activity.membersAdded ?? []).filter((m) => m.id !== ctx.activity.recipient?.id);
      if (newcomers.length > 0) {
        const turn = await this.turnFor(ctx, '');
        if (!turn.convo.welcomed) {
          turn.convo.welcomed = true;
          parts.welcome(turn);
          await this.send(turn);
        }
      }
      await next();
    });

    this.onEvent(async (ctx, next) => {
      const turn = await this.turnFor(ctx, '');
      for (const handler of parts.eventHandlers) {
        if (await handler.handle(turn)) break;
      }
      await this.send(turn);
      await next();
    });

    this.onMessage(async (ctx, next) => {
      const turn = await this.turnFor(ctx, ctx.activity.text ?? '');
      // Channels retry deliveries: the same activity twice must not subscribe or reply twice.
      if (ctx.activity.id && turn.convo.lastActivityId === ctx.activity.id) return next();
      turn.convo.lastActivityId = ctx.activity.id;
      this.remember(turn.convo, 'user', turn.text);
      for (const handler of parts.handlers) {
        if (await handler.handle(turn)) break;
      }
      await this.send(turn);
      await next();
    });
  }

  /** Builds the per-message view handlers work on. */
  async turnFor(ctx: TurnContext, text: string): Promise<Turn> {
    const lang: Lang = ctx.turnState.get(TURN_LANG) ?? 'en';
    const convo = await this.conversationData.get(ctx, {});
    const user = await this.userProfile.get(ctx, {});
    const kind = channelKindOf(ctx.activity.channelId, this.parts.channels);
    return new Turn(ctx, text.trim(), lang, kind, convo, user, this.parts.i18n, this.parts.understand);
  }

  /** Renders the queued replies for the channel, remembers the last menu, and sends. */
  async send(turn: Turn): Promise<void> {
    // A footer joins the last reply, so the reply's buttons stay on screen (channels show only the last message's).
    const last = turn.replies.at(-1);
    for (const footer of turn.footer.splice(0)) {
      if (last) last.text = `${last.text}\n\n${footer.text}`;
      else turn.replies.push(footer);
    }
    if (turn.replies.length === 0) return;
    const target = { kind: turn.channel, isGroup: Boolean(turn.ctx.activity.conversation?.isGroup) };
    const withMenu = [...turn.replies].reverse().find((r) => r.choices?.length);
    turn.convo.lastMenu = withMenu?.choices?.map((c) => c.value);
    for (const reply of turn.replies) this.remember(turn.convo, 'bot', transcriptText(reply));
    const activities = turn.replies.flatMap((reply) => render(reply, target));
    for (const activity of activities) activity.locale = turn.lang;
    await turn.ctx.sendActivities(activities);
  }

  private remember(convo: ConversationData, from: 'user' | 'bot', text: string): void {
    if (!text) return;
    const transcript = (convo.transcript ??= []);
    transcript.push({ from, text: maskPersonalData(text), at: new Date().toISOString() });
    if (transcript.length > TRANSCRIPT_MAX_LINES) transcript.splice(0, transcript.length - TRANSCRIPT_MAX_LINES);
  }
}

/** Answers are long and come from the knowledge base: the transcript keeps which question was answered. */
function transcriptText(reply: Reply): string {
  if (reply.kind === 'answer' && reply.title) return `[answer] ${reply.title}`;
  return [reply.title, reply.text].filter(Boolean).join(' — ');
}
