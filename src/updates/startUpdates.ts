import type { Kysely } from 'kysely';
import type { Server } from 'restify';
import type { BotServices } from '../bot/BotServices';
import type { Proactive } from '../bot/Proactive';
import type { Engine } from '../storage/openDatabase';
import type { Database } from '../storage/schema';
import type { WhatsAppConnector } from '../whatsapp/WhatsAppConnector';
import { updateDeliverer } from './deliverUpdate';
import { Outbox } from './Outbox';
import { registerUpdateRoutes } from './registerUpdateRoutes';
import { TemplateFollowUps } from './TemplateFollowUps';
import { UpdateStore } from './UpdateStore';
import { UpdateWorker } from './UpdateWorker';

/** What the bot itself needs of updates (see `BotServices.updates`). */
export function updateServices(db: Kysely<Database>): NonNullable<BotServices['updates']> {
  return { store: new UpdateStore(db), followUps: new TemplateFollowUps(db) };
}

export interface StartUpdatesDeps {
  server: Server;
  services: BotServices;
  db: Kysely<Database>;
  engine: Engine;
  proactive: Proactive;
  whatsapp?: WhatsAppConnector;
}

/**
 * Registers the staff routes for updates and builds the delivery worker; the worker runs in the
 * background unless `UPDATES_WORKER=false` (then `runUntilIdle()` sends on demand).
 */
export function startUpdates(deps: StartUpdatesDeps): UpdateWorker {
  const { services, db, engine } = deps;
  const { config, logger } = services;
  const store = services.updates?.store ?? new UpdateStore(db);
  const outbox = new Outbox(db, engine, { maxAttempts: config.UPDATES_MAX_ATTEMPTS, retryBaseMs: config.UPDATES_RETRY_BASE_MS });
  const deliver = updateDeliverer({ services, store, proactive: deps.proactive, whatsapp: deps.whatsapp });
  const worker = new UpdateWorker({ store, outbox, deliver, config, logger });
  registerUpdateRoutes(deps.server, { services, db, store, worker });
  if (config.UPDATES_WORKER) worker.start();
  return worker;
}
