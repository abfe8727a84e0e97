import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';

/** Who an update sent now would reach: active subscribers by channel and by language. */
export interface Audience {
  total: number;
  byChannel: Record<string, number>;
  byLanguage: Record<string, number>;
}

/** Counts active chat subscribers and confirmed e-mail subscriptions (channel `email`). */
export async function audience(db: Kysely<Database>): Promise<Audience> {
  const chat = await db
    .selectFrom('chat_subscribers')
    .select(['channel', 'language'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'active')
    .groupBy(['channel', 'language'])
    .execute();
  const email = await db
    .selectFrom('subscriptions')
    .select(['language'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'active')
    .groupBy('language')
    .execute();
  const out: Audience = { total: 0, byChannel: {}, byLanguage: {} };
  for (const g of [...chat, ...email.map((e) => ({ ...e, channel: 'email' }))]) {
    const n = Number(g.n);
    out.total += n;
    out.byChannel[g.channel] = (out.byChannel[g.channel] ?? 0) + n;
    out.byLanguage[g.language] = (out.byLanguage[g.language] ?? 0) + n;
  }
  return out;
}
