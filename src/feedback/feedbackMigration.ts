import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';

const count = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

/**
 * Migration `007_feedback`: answer feedback, suggested alternates, per-entry answer counts and daily
 * usage. Portable types only (text, integer), like the other migrations; counts are upserted.
 */
export const feedbackMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('feedback_votes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('vote', 'text', (c) => c.notNull().check(sql`vote in ('up', 'down')`))
      .addColumn('reason', 'text', (c) => c.check(sql`reason in ('not-my-question', 'not-clear', 'out-of-date')`))
      .execute();
    await db.schema.createIndex('feedback_votes_day').on('feedback_votes').columns(['day', 'entry_id']).execute();
    await db.schema
      .createTable('knowledge_suggestions')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', count)
      .addColumn('last_seen', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('entry_answers')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', count)
      .addPrimaryKeyConstraint('entry_answers_pk', ['day', 'entry_id', 'lang', 'channel'])
      .execute();
    let usage = db.schema
      .createTable('usage_daily')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull());
    for (const column of ['turns', 'answers', 'clarifications', 'fallbacks', 'handoffs', 'emergencies']) usage = usage.addColumn(column, 'integer', count);
    await usage.addPrimaryKeyConstraint('usage_daily_pk', ['day', 'lang', 'channel']).execute();
    await db.schema
      .createTable('usage_visitors')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('person', 'conversation')`))
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('usage_visitors_pk', ['day', 'lang', 'channel', 'kind', 'hash'])
      .execute();
    await db.schema
      .createTable('usage_salts')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('salt', 'text', (c) => c.notNull())
      .execute();
  },
};
