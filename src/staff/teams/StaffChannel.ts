import type { HandoffDesk } from '../../handoff/HandoffDesk';
import { MAX_STAFF_MESSAGE } from '../../handoff/HandoffDesk';
import type { TicketStore } from '../../handoff/Ticket';
import { errorSummary, type Logger } from '../../log';
import type { StaffIdentity } from '../StaffIdentity';
import type { StaffChannelPoster } from './StaffChannelPoster';
import { CLAIM_ACTION } from './ticketCard';

/** The parts of a Teams activity the staff channel reads (botbuilder's `Activity` fits). */
export interface TeamsActivity {
  type?: string;
  channelId?: string;
  text?: string;
  value?: unknown;
  conversation?: { id?: string };
  from?: { id?: string; name?: string; aadObjectId?: string };
  recipient?: { id?: string };
  entities?: Array<{ type?: string; text?: string; mentioned?: { id?: string } }>;
  channelData?: { channel?: { id?: string }; tenant?: { id?: string } };
}

const HINT = 'To answer a person, reply in their request\'s thread and mention me. There: "close" ends the request, "take over" takes it from a colleague.';

/** The text a staff member typed, without the mention of the bot (`<at>Bot</at>`) Teams puts in it. */
export function withoutMention(activity: TeamsActivity): string {
  let text = activity.text ?? '';
  for (const e of activity.entities ?? []) {
    if (e.type === 'mention' && e.mentioned?.id === activity.recipient?.id && e.text) text = text.split(e.text).join(' ');
  }
  return text.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The staff side of Teams: activities from the configured helpdesk channel (and its threads)
 * never reach the migrant-facing bot. Claim on a card claims the ticket in the Teams user's name;
 * a reply in a ticket's thread that mentions the bot goes to the person, like a console reply;
 * "close" closes it. Refusals (taken by a colleague, closed, not delivered) are answered in the thread.
 */
export class StaffChannel {
  constructor(
    private readonly deps: { channelId: string; tenantId?: string; tickets: TicketStore; desk: HandoffDesk; poster: StaffChannelPoster; logger: Logger },
  ) {}

  /** True for a Teams activity in the staff channel or one of its threads. */
  owns(activity: TeamsActivity): boolean {
    if (activity.channelId !== 'msteams') return false;
    const base = (activity.conversation?.id ?? '').split(';')[0];
    const inChannel = base === this.deps.channelId || activity.channelData?.channel?.id === this.deps.channelId;
    // A channel id is only unique within its tenant: with a tenant configured, another tenant's look-alike is not ours.
    return inChannel && (!this.deps.tenantId || !activity.channelData?.tenant?.id || activity.channelData.tenant.id === this.deps.tenantId);
  }

  async handle(activity: TeamsActivity): Promise<void> {
    if (activity.type !== 'message') return;
    const staff = staffOf(activity);
    const conversationId = activity.conversation?.id ?? '';
    const value = (activity.value ?? {}) as { action?: unknown; ticketId?: unknown };
    if (value.action === CLAIM_ACTION && typeof value.ticketId === 'string') {
      const claimed = await this.deps.desk.claim(value.ticketId, staff);
      if (!claimed.ok) await this.say(conversationId, claimed.message);
      return;
    }
    const text = withoutMention(activity);
    const ticket = await this.deps.tickets.findByTeamsConversation(conversationId);
    if (!ticket) return text ? this.say(conversationId, HINT) : undefined;
    const command = text.toLowerCase().replace(/^\//, '');
    let result;
    if (command === 'close') result = await this.deps.desk.close(ticket.id, staff);
    else if (command === 'take over') result = await this.deps.desk.claim(ticket.id, staff, true);
    else if (!text) return;
    else if (text.length > MAX_STAFF_MESSAGE) return this.say(conversationId, `Not sent: a message may have at most ${MAX_STAFF_MESSAGE} characters.`);
    else result = await this.deps.desk.reply(ticket.id, staff, text);
    if (!result.ok) await this.say(conversationId, `Not done: ${result.message}`);
  }

  private async say(conversationId: string, text: string): Promise<void> {
    try {
      await this.deps.poster.post(conversationId, text);
    } catch (err) {
      this.deps.logger.warn({ err: errorSummary(err) }, 'could not answer in the staff Teams channel');
    }
  }
}

/** A Teams user as a staff member: `aad:<object id>`, as the console keys Microsoft Entra users. */
function staffOf(activity: TeamsActivity): StaffIdentity {
  const from = activity.from ?? {};
  const teamsId = from.aadObjectId ?? from.id ?? 'unknown';
  return { key: from.aadObjectId ? `aad:${from.aadObjectId}` : `teams:${teamsId}`, name: from.name?.trim() || 'Teams user', teamsId, via: 'teams' };
}
