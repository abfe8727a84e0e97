import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { feedbackMigration } from '../feedback/feedbackMigration';

/**
 * The schema, as an ordered list of migrations that run at start on SQLite and PostgreSQL alike
 * (only portable types: text, integer). Never edit a migration that has shipped: add the next one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '001_bot_state': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('bot_state')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('bot_state_updated_at').on('bot_state').column('updated_at').execute();
    },
  },
  '002_subscriptions': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('consent_version', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'active', 'unsubscribed')`))
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('confirm_token_hash', 'text')
        .addColumn('token_expires_at', 'text')
        .addColumn('unsubscribe_token_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('unsubscribed_at', 'text')
        .execute();
      await db.schema.createIndex('subscriptions_user_key').on('subscriptions').column('user_key').execute();
    },
  },
  '003_handoff': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('tickets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('topic', 'text')
        .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('urgent', 'normal')`))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'claimed', 'closed')`))
        .addColumn('transcript', 'text', (c) => c.notNull())
        .addColumn('user_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tickets_status').on('tickets').columns(['status', 'urgency', 'created_at']).execute();
      await db.schema
        .createTable('unanswered')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '004_whatsapp': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('whatsapp_messages')
        .addColumn('message_id', 'text', (c) => c.primaryKey())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('whatsapp_contacts')
        .addColumn('wa_key', 'text', (c) => c.primaryKey())
        .addColumn('last_inbound_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '005_directline': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('directline_conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('token_expires_at', 'text', (c) => c.notNull())
        .addColumn('stream_token_hash', 'text')
        .addColumn('stream_expires_at', 'text')
        .addColumn('locale', 'text')
        .addColumn('started', 'integer', (c) => c.notNull())
        .addColumn('next_seq', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_active_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('directline_conversations_last_active').on('directline_conversations').column('last_active_at').execute();
      await db.schema
        .createTable('directline_activities')
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('activity', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('directline_activities_pk', ['conversation_id', 'seq'])
        .execute();
    },
  },
  '006_staff_sessions': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('staff_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('staff_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('staff_sessions_last_seen').on('staff_sessions').column('last_seen_at').execute();
      await db.schema
        .createTable('staff_logins')
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '006b_staff_audit': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('staff_audit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('claim', 'reply', 'close')`))
        .addColumn('staff_key', 'text', (c) => c.notNull())
        .addColumn('staff_name', 'text', (c) => c.notNull())
        .addColumn('staff_email', 'text')
        .addColumn('staff_teams_id', 'text')
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('staff_audit_ticket').on('staff_audit').columns(['ticket_id', 'at']).execute();
      // SQLite adds one column per statement.
      for (const column of ['claimed_by_key', 'claimed_by_name', 'claimed_at', 'teams_conversation_id', 'teams_activity_id']) {
        await db.schema.alterTable('tickets').addColumn(column, 'text').execute();
      }
      await db.schema.createIndex('tickets_teams_conversation').on('tickets').column('teams_conversation_id').execute();
    },
  },
  '007_feedback': feedbackMigration,
  '008_updates': {
    async up(db: Kysely<any>) {
      // People who get updates in the chat itself; the reference is what a proactive message needs.
      await db.schema
        .createTable('chat_subscribers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_key', 'text', (c) => c.notNull().unique())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('reference', 'text')
        .addColumn('consent_version', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'unsubscribed')`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('unsubscribed_at', 'text')
        .execute();
      await db.schema
        .createTable('updates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('texts', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled', 'started', 'cancelled')`))
        .addColumn('send_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .execute();
      await db.schema.createIndex('updates_due').on('updates').columns(['status', 'send_at']).execute();
    },
  },
  '008b_update_deliveries': {
    async up(db: Kysely<any>) {
      // The outbox: one row per recipient of an update, sent by the worker on any instance.
      await db.schema
        .createTable('update_deliveries')
        .addColumn('update_id', 'text', (c) => c.notNull())
        .addColumn('recipient_kind', 'text', (c) => c.notNull().check(sql`recipient_kind in ('chat', 'email')`))
        .addColumn('recipient_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('lane', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'sent', 'failed', 'skipped')`))
        .addColumn('via', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('token_hash', 'text')
        .addColumn('read_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('update_deliveries_pk', ['update_id', 'recipient_kind', 'recipient_id'])
        .execute();
      await db.schema.createIndex('update_deliveries_due').on('update_deliveries').columns(['lane', 'status', 'next_attempt_at']).execute();
      await db.schema.createIndex('update_deliveries_recipient').on('update_deliveries').column('recipient_id').execute();
      await db.schema.createIndex('update_deliveries_token').on('update_deliveries').column('token_hash').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date. Kysely's migrator takes a lock, so several instances may start at once. */
export async function migrate(db: Kysely<any>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Database migration failed');
}
