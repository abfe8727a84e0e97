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
  '007_feedback': feedbackMigration,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date. Kysely's migrator takes a lock, so several instances may start at once. */
export async function migrate(db: Kysely<any>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Database migration failed');
}
