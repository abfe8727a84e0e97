import { randomUUID } from 'node:crypto';
import type { Activity, ConversationReference } from 'botbuilder';
import type { Kysely, Selectable } from 'kysely';
import type { ChatSubscriberTable, Database } from '../storage/schema';

export type ChatSubscriber = Selectable<ChatSubscriberTable>;

export interface NewChatSubscription {
  userKey: string;
  channel: string;
  language: string;
  reference: Partial<ConversationReference>;
  consentVersion: string;
}

/** Where the bot can write back to the sender of `activity` (as `TurnContext.getConversationReference`). */
export function referenceOf(activity: Partial<Activity>): Partial<ConversationReference> {
  return slimReference({ channelId: activity.channelId, serviceUrl: activity.serviceUrl, locale: activity.locale, conversation: activity.conversation, user: activity.from, bot: activity.recipient });
}

/**
 * What a proactive message needs, and nothing more: no display names, no Entra object ids, no
 * activity id (an update is not a reply to the message that subscribed).
 */
export function slimReference(ref: Partial<ConversationReference>): Partial<ConversationReference> {
  const c = ref.conversation;
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    locale: ref.locale,
    conversation: c && ({ id: c.id, isGroup: c.isGroup, conversationType: c.conversationType, tenantId: c.tenantId } as ConversationReference['conversation']),
    user: ref.user && ({ id: ref.user.id, role: ref.user.role } as ConversationReference['user']),
    bot: ref.bot && ({ id: ref.bot.id, name: ref.bot.name, role: ref.bot.role } as ConversationReference['bot']),
  };
}

/**
 * Subscriptions "here in this chat": one row per person and channel (found by `userKey`), with the
 * conversation reference that lets updates reach them. Unsubscribing clears the reference.
 */
export class ChatSubscriptionStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records consent. Already subscribed: nothing changes (created false). Unsubscribed before: back on. */
  async subscribe(s: NewChatSubscription): Promise<{ created: boolean }> {
    const now = new Date().toISOString();
    const fresh = {
      channel: s.channel,
      language: s.language,
      reference: JSON.stringify(slimReference(s.reference)),
      consent_version: s.consentVersion,
      status: 'active' as const,
      created_at: now,
      unsubscribed_at: null,
    };
    const inserted = await this.db
      .insertInto('chat_subscribers')
      .values({ id: randomUUID(), user_key: s.userKey, ...fresh })
      .onConflict((oc) => oc.column('user_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { created: true };
    const back = await this.db.updateTable('chat_subscribers').set(fresh).where('user_key', '=', s.userKey).where('status', '=', 'unsubscribed').executeTakeFirst();
    return { created: Number(back.numUpdatedRows) === 1 };
  }

  /** Stops updates for this person; the reference is dropped, only the fact and the date stay. */
  async unsubscribe(userKey: string): Promise<number> {
    const result = await this.db
      .updateTable('chat_subscribers')
      .set({ status: 'unsubscribed', unsubscribed_at: new Date().toISOString(), reference: null })
      .where('user_key', '=', userKey)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** "Forget me": the row goes entirely. */
  async erase(userKey: string): Promise<number> {
    const result = await this.db.deleteFrom('chat_subscribers').where('user_key', '=', userKey).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The person chose another language: their updates follow it. */
  async setLanguage(userKey: string, language: string): Promise<void> {
    await this.db.updateTable('chat_subscribers').set({ language }).where('user_key', '=', userKey).execute();
  }

  async get(id: string): Promise<ChatSubscriber | undefined> {
    return this.db.selectFrom('chat_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byUserKey(userKey: string): Promise<ChatSubscriber | undefined> {
    return this.db.selectFrom('chat_subscribers').selectAll().where('user_key', '=', userKey).executeTakeFirst();
  }
}
