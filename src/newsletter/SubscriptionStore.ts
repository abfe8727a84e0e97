import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SubscriptionTable } from '../storage/schema';
import { ChatSubscriptionStore } from './ChatSubscriptionStore';

export type Subscription = Selectable<SubscriptionTable>;

export interface NewSubscription {
  email: string;
  language: string;
  channel: string;
  userKey: string;
  consentVersion: string;
  /** Pending until the e-mailed link is followed (double opt-in); active at once otherwise. */
  doubleOptIn: boolean;
  tokenTtlHours: number;
}

export interface SubscribeResult {
  /** False when the address was already subscribed (or pending): nothing new, no mail to send. */
  created: boolean;
  subscription: Subscription;
  /** Single-use tokens for the mail's links, only when `created`; stored hashed. */
  confirmToken?: string;
  unsubscribeToken?: string;
}

/** How single-use mail tokens are stored: only their SHA-256, never the token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const hash = hashToken;
const token = () => randomBytes(24).toString('base64url');

/**
 * Newsletter subscriptions in their own table: one row per address, real constraints, no bot state.
 * `chat` holds the subscriptions "here in this chat"; unsubscribing and "forget me" cover both.
 */
export class SubscriptionStore {
  readonly chat: ChatSubscriptionStore;

  constructor(private readonly db: Kysely<Database>) {
    this.chat = new ChatSubscriptionStore(db);
  }

  /** Records consent. The same address twice changes nothing; an unsubscribed address can come back. */
  async subscribe(s: NewSubscription): Promise<SubscribeResult> {
    const now = new Date();
    const existing = await this.byEmail(s.email);
    if (existing && existing.status !== 'unsubscribed') return { created: false, subscription: existing };
    const confirmToken = s.doubleOptIn ? token() : undefined;
    const unsubscribeToken = token();
    const row: Subscription = {
      id: existing?.id ?? randomUUID(),
      email: s.email,
      language: s.language,
      channel: s.channel,
      consent_version: s.consentVersion,
      status: s.doubleOptIn ? 'pending' : 'active',
      user_key: s.userKey,
      confirm_token_hash: confirmToken ? hash(confirmToken) : null,
      token_expires_at: confirmToken ? new Date(now.getTime() + s.tokenTtlHours * 3_600_000).toISOString() : null,
      unsubscribe_token_hash: hash(unsubscribeToken),
      created_at: now.toISOString(),
      confirmed_at: s.doubleOptIn ? null : now.toISOString(),
      unsubscribed_at: null,
    };
    if (existing) {
      await this.db.updateTable('subscriptions').set(row).where('id', '=', existing.id).execute();
    } else {
      const inserted = await this.db.insertInto('subscriptions').values(row).onConflict((oc) => oc.column('email').doNothing()).executeTakeFirst();
      // Another instance (or a re-delivered message) inserted the same address a moment ago.
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return { created: false, subscription: (await this.byEmail(s.email))! };
    }
    return { created: true, subscription: row, confirmToken, unsubscribeToken };
  }

  /** Follows a confirmation link: once, before it expires. */
  async confirm(confirmToken: string): Promise<boolean> {
    const now = new Date().toISOString();
    const result = await this.db
      .updateTable('subscriptions')
      .set({ status: 'active', confirmed_at: now, confirm_token_hash: null, token_expires_at: null })
      .where('confirm_token_hash', '=', hash(confirmToken))
      .where('status', '=', 'pending')
      .where('token_expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** One-click unsubscribe from a mail link: the confirmation mail's, or the one in an update mail. */
  async unsubscribeByToken(unsubscribeToken: string): Promise<boolean> {
    const tokenHash = hash(unsubscribeToken);
    const fromUpdate = await this.db
      .selectFrom('update_deliveries')
      .select('recipient_id')
      .where('token_hash', '=', tokenHash)
      .where('recipient_kind', '=', 'email')
      .executeTakeFirst();
    let query = this.db
      .updateTable('subscriptions')
      .set({ status: 'unsubscribed', unsubscribed_at: new Date().toISOString(), confirm_token_hash: null })
      .where('status', '!=', 'unsubscribed');
    query = fromUpdate ? query.where('id', '=', fromUpdate.recipient_id) : query.where('unsubscribe_token_hash', '=', tokenHash);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** "Unsubscribe" in chat: this person's subscriptions, by e-mail and here. Returns how many were on. */
  async unsubscribeUser(userKey: string): Promise<number> {
    const result = await this.db
      .updateTable('subscriptions')
      .set({ status: 'unsubscribed', unsubscribed_at: new Date().toISOString(), confirm_token_hash: null })
      .where('user_key', '=', userKey)
      .where('status', '!=', 'unsubscribed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) + (await this.chat.unsubscribe(userKey));
  }

  /** "Forget me": removes this person's subscriptions entirely, by e-mail and here. */
  async eraseUser(userKey: string): Promise<number> {
    const result = await this.db.deleteFrom('subscriptions').where('user_key', '=', userKey).executeTakeFirst();
    return Number(result.numDeletedRows) + (await this.chat.erase(userKey));
  }

  /** The person chose another language: the updates they get follow it. */
  async setLanguage(userKey: string, language: string): Promise<void> {
    await this.db.updateTable('subscriptions').set({ language }).where('user_key', '=', userKey).execute();
    await this.chat.setLanguage(userKey, language);
  }

  async get(id: string): Promise<Subscription | undefined> {
    return this.db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(): Promise<Subscription[]> {
    return this.db.selectFrom('subscriptions').selectAll().orderBy('created_at', 'asc').execute();
  }

  private byEmail(email: string): Promise<Subscription | undefined> {
    return this.db.selectFrom('subscriptions').selectAll().where('email', '=', email).executeTakeFirst();
  }
}
