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
  chat_subscribers: ChatSubscriberTable;
  updates: UpdateTable;
  update_deliveries: UpdateDeliveryTable;
}
