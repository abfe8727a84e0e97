import type { Kysely } from 'kysely';
import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/BotServices';
import { errorSummary } from '../log';
import { staffAllowed } from '../staff/requireStaffToken';
import type { Database } from '../storage/schema';
import { audience } from './audience';
import { type Counts, countsByUpdate, deliveryReport } from './deliveryReport';
import { previewUpdate } from './previewUpdate';
import { checkUpdateInput } from './updateInput';
import type { Update, UpdateStore } from './UpdateStore';
import type { UpdateWorker } from './UpdateWorker';

export interface UpdateRouteDeps {
  services: BotServices;
  db: Kysely<Database>;
  store: UpdateStore;
  /** Woken when an update is queued, so this instance starts sending at once. */
  worker?: UpdateWorker;
}

/** Where an update stands, as staff read it. */
export function stateOf(update: Update, counts: Counts): 'scheduled' | 'cancelled' | 'sending' | 'finished' {
  if (update.status !== 'started') return update.status;
  return counts.queued > 0 ? 'sending' : 'finished';
}

const summary = (u: Update, counts: Counts) => ({
  id: u.id,
  state: stateOf(u, counts),
  sendAt: u.sendAt,
  createdAt: u.createdAt,
  startedAt: u.startedAt,
  titles: Object.fromEntries(Object.entries(u.texts).map(([lang, v]) => [lang, v?.title])),
  counts,
});

/**
 * The staff API for updates (every route behind the staff guard): write once per language and
 * send now or later (`POST /api/staff/updates`), list, one update with its delivery report, edit
 * or cancel while it has not started, and a preview of how each channel will show it.
 */
export function registerUpdateRoutes(server: Server, deps: UpdateRouteDeps): void {
  const { services, db, store, worker } = deps;
  const { config, logger } = services;
  const guard = (req: Request, res: Response) => staffAllowed(config.STAFF_API_TOKEN, req, res);
  const input = (req: Request, res: Response) => {
    const check = checkUpdateInput(req.body, new Date());
    if (!check.ok) res.send(400, { error: check.error });
    return check.ok ? check.input : undefined;
  };
  const locked = (res: Response, result: 'started' | 'missing') =>
    result === 'missing' ? res.send(404, { error: 'No update with this id.' }) : res.send(409, { error: 'This update has started or was cancelled: it cannot be changed any more.' });

  server.post('/api/staff/updates', async (req, res) => {
    if (!guard(req, res)) return;
    const body = input(req, res);
    if (!body) return;
    const update = await store.create(body, new Date());
    let recipients: number | undefined;
    if (update.sendAt <= new Date().toISOString()) {
      try {
        recipients = await store.queue(update.id, new Date());
        worker?.nudge();
      } catch (err) {
        // Stored as scheduled: the worker of any instance queues it on its next look.
        logger.warn({ err: errorSummary(err), update: update.id }, 'update not queued at once');
      }
    }
    logger.info({ update: update.id, languages: Object.keys(update.texts), scheduled: recipients === undefined, recipients }, 'update created');
    res.send(201, { id: update.id, sendAt: update.sendAt, ...(recipients !== undefined && { recipients }) });
  });

  server.post('/api/staff/updates/preview', async (req, res) => {
    if (!guard(req, res)) return;
    const body = input(req, res);
    if (!body) return;
    const preview = previewUpdate(body.texts, services.i18n, { update: config.WHATSAPP_UPDATE_TEMPLATE, general: config.WHATSAPP_TEMPLATE_NAME });
    res.send(200, { preview, audience: await audience(db) });
  });

  server.get('/api/staff/updates', async (req, res) => {
    if (!guard(req, res)) return;
    const updates = await store.list();
    const counts = await countsByUpdate(db, updates.map((u) => u.id));
    res.send(200, { updates: updates.map((u) => summary(u, counts.get(u.id)!)) });
  });

  server.get('/api/staff/updates/:id', async (req, res) => {
    if (!guard(req, res)) return;
    const update = await store.get(String(req.params.id ?? ''));
    if (!update) return void res.send(404, { error: 'No update with this id.' });
    const report = await deliveryReport(db, update.id);
    res.send(200, { ...summary(update, report.counts), texts: update.texts, report });
  });

  server.put('/api/staff/updates/:id', async (req, res) => {
    if (!guard(req, res)) return;
    const body = input(req, res);
    if (!body) return;
    const result = await store.edit(String(req.params.id ?? ''), body, new Date());
    if (result !== 'changed') return void locked(res, result);
    worker?.nudge();
    res.send(200, { id: req.params.id, edited: true });
  });

  server.post('/api/staff/updates/:id/cancel', async (req, res) => {
    if (!guard(req, res)) return;
    const result = await store.cancel(String(req.params.id ?? ''), new Date());
    if (result !== 'changed') return void locked(res, result);
    logger.info({ update: req.params.id }, 'update cancelled');
    res.send(200, { id: req.params.id, cancelled: true });
  });
}
