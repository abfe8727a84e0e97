import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** Bounds that keep an endpoint open to the internet from growing without limit. */
export const TOKEN_TTL_SECONDS = 30 * 60;
export const MAX_CONVERSATIONS = 5000;
export const MAX_ACTIVITIES_PER_CONVERSATION = 500;
export const IDLE_CONVERSATION_MS = 2 * 60 * 60 * 1000;

export interface DirectLineConversation {
  id: string;
  locale?: string;
  /** SHA-256 of the current token; tokens themselves are never stored. */
  tokenHash: string;
  tokenExpires: number;
  /** Everything said in the conversation, in order; the watermark is an index into it. */
  activities: Partial<Activity>[];
  /** Watermark of activities[0], after old ones were dropped. */
  offset: number;
  started: boolean;
  lastActive: number;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * In-memory conversations of the bot's own Direct Line endpoint. Each conversation has its own
 * expiring token; a token opens only its conversation. Idle conversations are dropped.
 */
export class DirectLineStore {
  private readonly conversations = new Map<string, DirectLineConversation>();
  private readonly idByTokenHash = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new conversation and its token. */
  create(locale?: string): { conversation: DirectLineConversation; token: string } {
    this.evict();
    const token = randomBytes(32).toString('base64url');
    const conversation: DirectLineConversation = {
      id: randomUUID(),
      locale,
      tokenHash: hash(token),
      tokenExpires: this.now() + TOKEN_TTL_SECONDS * 1000,
      activities: [],
      offset: 0,
      started: false,
      lastActive: this.now(),
    };
    this.conversations.set(conversation.id, conversation);
    this.idByTokenHash.set(conversation.tokenHash, conversation.id);
    return { conversation, token };
  }

  /** The conversation a token opens, if the token is valid and unexpired. */
  byToken(token: string): DirectLineConversation | undefined {
    const id = this.idByTokenHash.get(hash(token));
    const conversation = id === undefined ? undefined : this.conversations.get(id);
    return conversation && conversation.tokenExpires > this.now() ? conversation : undefined;
  }

  get(id: string): DirectLineConversation | undefined {
    return this.conversations.get(id);
  }

  /** Replaces a conversation's token with a fresh one. */
  refresh(conversation: DirectLineConversation): string {
    const token = randomBytes(32).toString('base64url');
    this.idByTokenHash.delete(conversation.tokenHash);
    conversation.tokenHash = hash(token);
    this.idByTokenHash.set(conversation.tokenHash, conversation.id);
    conversation.tokenExpires = this.now() + TOKEN_TTL_SECONDS * 1000;
    return token;
  }

  /** Appends activities (user's or bot's) and returns their ids. */
  append(conversation: DirectLineConversation, activities: Partial<Activity>[]): string[] {
    conversation.lastActive = this.now();
    const ids = activities.map((activity) => {
      const id = `${conversation.id}|${String(conversation.offset + conversation.activities.length).padStart(7, '0')}`;
      conversation.activities.push({ ...activity, id, conversation: { id: conversation.id } as Activity['conversation'], timestamp: new Date() });
      return id;
    });
    const excess = conversation.activities.length - MAX_ACTIVITIES_PER_CONVERSATION;
    if (excess > 0) {
      conversation.activities.splice(0, excess);
      conversation.offset += excess;
    }
    return ids;
  }

  /** Activities after a watermark, and the new watermark. */
  since(conversation: DirectLineConversation, watermark: number): { activities: Partial<Activity>[]; watermark: number } {
    conversation.lastActive = this.now();
    const start = Math.max(0, watermark - conversation.offset);
    return { activities: conversation.activities.slice(start), watermark: conversation.offset + conversation.activities.length };
  }

  private evict(): void {
    const cutoff = this.now() - IDLE_CONVERSATION_MS;
    for (const c of this.conversations.values()) if (c.lastActive < cutoff) this.drop(c);
    while (this.conversations.size >= MAX_CONVERSATIONS) {
      const oldest = this.conversations.values().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  private drop(conversation: DirectLineConversation): void {
    this.conversations.delete(conversation.id);
    this.idByTokenHash.delete(conversation.tokenHash);
  }
}
