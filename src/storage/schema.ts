/** Bot Framework state documents (conversation and user state). */
export interface BotStateTable {
  key: string;
  doc: string;
  etag: string;
  updated_at: string;
}

/** Newsletter subscriptions: one row per (lower-cased) e-mail address. */
export interface SubscriptionTable {
  id: string;
  email: string;
  language: string;
  channel: string;
  consent_version: string;
  status: 'pending' | 'active' | 'unsubscribed';
  user_key: string;
  confirm_token_hash: string | null;
  token_expires_at: string | null;
  unsubscribe_token_hash: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

/** Handoff tickets; reference and transcript are JSON text. */
export interface TicketTable {
  id: string;
  reference: string;
  channel: string;
  lang: string;
  topic: string | null;
  urgency: 'urgent' | 'normal';
  status: 'open' | 'claimed' | 'closed';
  transcript: string;
  user_key: string;
  created_at: string;
  updated_at: string;
  /** Who holds the ticket (a staff key, see `StaffIdentity`) and since when. */
  claimed_by_key: string | null;
  claimed_by_name: string | null;
  claimed_at: string | null;
  /** The ticket's thread in the staff Teams channel and its card, once posted. */
  teams_conversation_id: string | null;
  teams_activity_id: string | null;
}

/** Questions the bot could not answer, grouped by normalised text. */
export interface UnansweredTable {
  key: string;
  text: string;
  lang: string;
  count: number;
  last_seen: string;
}

/** Inbound WhatsApp message ids already processed (each is handled once) and contacts' last message time. */
export interface WhatsAppMessageTable {
  message_id: string;
  received_at: string;
}

export interface WhatsAppContactTable {
  wa_key: string;
  last_inbound_at: string;
}

/** Web chat conversations of the bot's own Direct Line endpoint; tokens only as SHA-256 hashes. */
export interface DirectLineConversationTable {
  id: string;
  token_hash: string;
  token_expires_at: string;
  /** The short-lived token of the conversation's current `streamUrl`. */
  stream_token_hash: string | null;
  stream_expires_at: string | null;
  locale: string | null;
  /** 1 once the conversation was started (the bot said hello). */
  started: number;
  /** The watermark: sequence number the next activity gets. */
  next_seq: number;
  created_at: string;
  last_active_at: string;
}

/** What was said in a web chat conversation (JSON), numbered per conversation. */
export interface DirectLineActivityTable {
  conversation_id: string;
  seq: number;
  activity: string;
}

/** A signed-in staff member's console session; only a hash of the cookie value is kept. */
export interface StaffSessionTable {
  id_hash: string;
  staff_key: string;
  name: string;
  email: string | null;
  via: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

/** A sign-in under way (between the redirect to the identity provider and its callback). */
export interface StaffLoginTable {
  state_hash: string;
  code_verifier: string;
  nonce: string;
  created_at: string;
}

/** Who claimed, replied to or closed which ticket, and when. */
export interface StaffAuditTable {
  id: string;
  ticket_id: string;
  action: 'claim' | 'reply' | 'close';
  staff_key: string;
  staff_name: string;
  staff_email: string | null;
  staff_teams_id: string | null;
  via: string;
  at: string;
}

/** People who get updates in the chat itself (not by e-mail); the reference is cleared on unsubscribe. */
export interface ChatSubscriberTable {
  id: string;
  /** Hash of channel + user id (`userKey`), one row per person and channel. */
  user_key: string;
  channel: string;
  language: string;
  /** JSON of the slimmed conversation reference, needed to write to the person. */
  reference: string | null;
  consent_version: string;
  status: 'active' | 'unsubscribed';
  created_at: string;
  unsubscribed_at: string | null;
}

/** An update staff wrote once per language; `texts` is JSON `{ en: { title, text }, fr?, es? }`. */
export interface UpdateTable {
  id: string;
  texts: string;
  status: 'scheduled' | 'started' | 'cancelled';
  send_at: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
}

/** The outbox: one row per recipient of an update. */
export interface UpdateDeliveryTable {
  update_id: string;
  recipient_kind: 'chat' | 'email';
  /** `chat_subscribers.id` or `subscriptions.id`. */
  recipient_id: string;
  channel: string;
  /** Which pace the row is sent at: `whatsapp`, `chat` or `email`. */
  lane: string;
  language: string;
  status: 'queued' | 'sent' | 'failed' | 'skipped';
  /** How it went out: `text`, `template` (WhatsApp, outside the 24-hour window) or `email`. */
  via: string | null;
  attempts: number;
  next_attempt_at: string;
  reason: string | null;
  /** SHA-256 of the one-click unsubscribe token in the e-mail sent. */
  token_hash: string | null;
  /** When the full text followed a WhatsApp template (the person tapped or wrote back). */
  read_at: string | null;
  updated_at: string;
}

/** Every table, for `Kysely<Database>`. Add a table here and a migration in `migrations.ts`. */
export interface Database {
  bot_state: BotStateTable;
  subscriptions: SubscriptionTable;
  tickets: TicketTable;
  unanswered: UnansweredTable;
  whatsapp_messages: WhatsAppMessageTable;
  whatsapp_contacts: WhatsAppContactTable;
  directline_conversations: DirectLineConversationTable;
  directline_activities: DirectLineActivityTable;
  staff_sessions: StaffSessionTable;
  staff_logins: StaffLoginTable;
  staff_audit: StaffAuditTable;
  chat_subscribers: ChatSubscriberTable;
  updates: UpdateTable;
  update_deliveries: UpdateDeliveryTable;
}
