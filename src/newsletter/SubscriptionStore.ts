import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, SubscriptionTable } from '../storage/schema';

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

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const token = () => randomBytes(24).toString('base64url');

/** Newsletter subscriptions in their own table: one row per address, real constraints, no bot state. */
export class SubscriptionStore {
  constructor(private readonly db: Kysely<Database>) {}

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

  /** One-click unsubscribe from a mail link. */
  async unsubscribeByToken(unsubscribeToken: string): Promise<boolean> {
    const result = await this.db
      .updateTable('subscriptions')
      .set({ status: 'unsubscribed', unsubscribed_at: new Date().toISOString(), confirm_token_hash: null })
      .where('unsubscribe_token_hash', '=', hash(unsubscribeToken))
      .where('status', '!=', 'unsubscribed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** "Unsubscribe" in chat: this person's subscriptions. Returns how many were active or pending. */
  async unsubscribeUser(userKey: string): Promise<number> {
    const result = await this.db
      .updateTable('subscriptions')
      .set({ status: 'unsubscribed', unsubscribed_at: new Date().toISOString(), confirm_token_hash: null })
      .where('user_key', '=', userKey)
      .where('status', '!=', 'unsubscribed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** "Forget me": removes this person's subscriptions entirely. */
  async eraseUser(userKey: string): Promise<number> {
    const result = await this.db.deleteFrom('subscriptions').where('user_key', '=', userKey).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async list(): Promise<Subscription[]> {
    return this.db.selectFrom('subscriptions').selectAll().orderBy('created_at', 'asc').execute();
  }

  private byEmail(email: string): Promise<Subscription | undefined> {
    return this.db.selectFrom('subscriptions').selectAll().where('email', '=', email).executeTakeFirst();
  }
}
