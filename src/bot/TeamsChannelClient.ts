import type { Activity, ConversationParameters } from 'botbuilder';
import type { Config } from '../config';
import type { TeamsThread } from '../handoff/Ticket';
import type { StaffChannelPoster } from '../staff/teams/StaffChannelPoster';
import type { HttpAdapter } from './HttpAdapter';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * Posts to the staff Teams channel (`STAFF_TEAMS_CHANNEL_ID` at `STAFF_TEAMS_SERVICE_URL`)
 * through the Bot Connector API, with the bot's credentials. Each call gives up after
 * `OUTGOING_TIMEOUT_MS`, like every outgoing call of the bot.
 */
export class TeamsChannelClient implements StaffChannelPoster {
  private readonly channelId: string;
  private readonly serviceUrl: string;

  constructor(
    private readonly adapter: HttpAdapter,
    private readonly config: Readonly<Config>,
  ) {
    this.channelId = config.STAFF_TEAMS_CHANNEL_ID!;
    this.serviceUrl = config.STAFF_TEAMS_SERVICE_URL!;
  }

  async startThread(card: object, summary: string): Promise<TeamsThread> {
    const parameters = {
      isGroup: true,
      channelData: { channel: { id: this.channelId }, ...(this.config.MicrosoftAppTenantId && { tenant: { id: this.config.MicrosoftAppTenantId } }) },
      activity: this.cardActivity(card, summary),
    } as ConversationParameters; // Teams takes the bot from the credentials: no `bot` account here.
    const created = await (await this.client()).conversations.createConversation(parameters, this.options());
    const activityId = created.activityId || (created.id.split(';messageid=')[1] ?? '');
    // Teams answers with the thread's id ("19:…@thread.tacv2;messageid=…"); build it if a connector does not.
    const conversationId = created.id.includes(';messageid=') ? created.id : `${this.channelId};messageid=${activityId}`;
    return { conversationId, activityId };
  }

  async post(conversationId: string, text: string): Promise<void> {
    await (await this.client()).conversations.sendToConversation(conversationId, { type: 'message', text, textFormat: 'plain' }, this.options());
  }

  async updateCard(thread: TeamsThread, card: object): Promise<void> {
    const activity = { ...this.cardActivity(card), id: thread.activityId };
    await (await this.client()).conversations.updateActivity(thread.conversationId, thread.activityId, activity, this.options());
  }

  private cardActivity(card: object, summary?: string): Partial<Activity> {
    return { type: 'message', ...(summary && { summary }), attachments: [{ contentType: ADAPTIVE_CARD, content: card }] } as Partial<Activity>;
  }

  private client() {
    return this.adapter.connectorFor(this.serviceUrl, this.config.MicrosoftAppId ?? '');
  }

  private options() {
    return { timeout: this.config.OUTGOING_TIMEOUT_MS };
  }
}
