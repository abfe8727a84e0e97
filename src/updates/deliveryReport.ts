import { type Kysely, sql } from 'kysely';
import type { Database, UpdateDeliveryTable } from '../storage/schema';

export type DeliveryStatus = UpdateDeliveryTable['status'];
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['queued', 'sent', 'failed', 'skipped'];

export type Counts = Record<DeliveryStatus, number>;

/** How an update's delivery stands: by status, by channel, by language, and why some did not go. */
export interface DeliveryReport {
  total: number;
  counts: Counts;
  /** Queued rows that already failed once and wait for their next attempt. */
  retrying: number;
  byChannel: Record<string, Counts>;
  byLanguage: Record<string, Counts>;
  /** WhatsApp outside the 24-hour window: templates sent, and how many people then got the full text. */
  whatsappTemplates: { sent: number; read: number };
  /** Failed and skipped rows grouped by reason (reasons are fixed sentences, never personal data). */
  reasons: Array<{ status: DeliveryStatus; reason: string; count: number }>;
}

const zero = (): Counts => ({ queued: 0, sent: 0, failed: 0, skipped: 0 });

/** Counts of one update's outbox rows, read in two grouped queries. */
export async function deliveryReport(db: Kysely<Database>, updateId: string): Promise<DeliveryReport> {
  const groups = await db
    .selectFrom('update_deliveries')
    .select(['channel', 'language', 'status', 'via'])
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('read_at').as('read'), sql<string>`sum(case when attempts > 0 then 1 else 0 end)`.as('retried')])
    .where('update_id', '=', updateId)
    .groupBy(['channel', 'language', 'status', 'via'])
    .execute();
  const report: DeliveryReport = { total: 0, counts: zero(), retrying: 0, byChannel: {}, byLanguage: {}, whatsappTemplates: { sent: 0, read: 0 }, reasons: [] };
  for (const g of groups) {
    const n = Number(g.n);
    report.total += n;
    report.counts[g.status] += n;
    (report.byChannel[g.channel] ??= zero())[g.status] += n;
    (report.byLanguage[g.language] ??= zero())[g.status] += n;
    if (g.status === 'queued') report.retrying += Number(g.retried ?? 0);
    if (g.status === 'sent' && g.via === 'template') {
      report.whatsappTemplates.sent += n;
      report.whatsappTemplates.read += Number(g.read);
    }
  }
  const reasons = await db
    .selectFrom('update_deliveries')
    .select(['status', 'reason'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('update_id', '=', updateId)
    .where('status', 'in', ['failed', 'skipped'])
    .groupBy(['status', 'reason'])
    .execute();
  report.reasons = reasons.map((r) => ({ status: r.status, reason: r.reason ?? '', count: Number(r.n) }));
  return report;
}

/** Counts by status for several updates at once (the list view). */
export async function countsByUpdate(db: Kysely<Database>, updateIds: string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>(updateIds.map((id) => [id, zero()]));
  if (updateIds.length === 0) return out;
  const rows = await db
    .selectFrom('update_deliveries')
    .select(['update_id', 'status'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('update_id', 'in', updateIds)
    .groupBy(['update_id', 'status'])
    .execute();
  for (const r of rows) out.get(r.update_id)![r.status] += Number(r.n);
  return out;
}
