import type { Server } from 'restify';
import type { BotServices } from './bot/BotServices';
import { createAdapter } from './bot/createAdapter';
import { Proactive } from './bot/Proactive';
import { wireAdapter } from './bot/wireAdapter';
import { type BotApp, createBot } from './bot/createBot';
import type { Config } from './config';
import { InFlight } from './http/InFlight';
import { registerDirectLine } from './directline/registerDirectLine';
import { SqlTicketStore } from './handoff/SqlTicketStore';
import { SqlUnansweredStore } from './handoff/SqlUnansweredStore';
import { registerMessagesRoute } from './http/messagesRoute';
import { registerMetricsRoute } from './metrics/registerMetricsRoute';
import { registerNewsletterRoutes } from './newsletter/registerNewsletterRoutes';
import { SubscriptionStore } from './newsletter/SubscriptionStore';
import { registerStaffConsole } from './staff/registerStaffConsole';
import { registerStaffRoutes } from './staff/registerStaffRoutes';
import { startUpdates, updateServices } from './updates/startUpdates';
import type { UpdateWorker } from './updates/UpdateWorker';
import { registerWebChatPage } from './web/registerWebChatPage';
import { registerWhatsApp } from './whatsapp/registerWhatsApp';
import type { WhatsAppConnector } from './whatsapp/WhatsAppConnector';
import { createI18n } from './i18n/i18n';
import { loadKnowledge } from './knowledge/loadKnowledge';
import { SearchIndex } from './knowledge/SearchIndex';
import { errorSummary, type Logger } from './log';
import { createServer, type Readiness } from './server';
import { openDatabase } from './storage/openDatabase';
import { SqlStorage } from './storage/SqlStorage';

/** Idle conversation state is purged at start and then this often. */
const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

export interface App {
  server: Server;
  readiness: Readiness;
  inFlight: InFlight;
  services: BotServices;
  bot: BotApp;
  /** The built-in WhatsApp Cloud API connector, when configured. */
  whatsapp?: WhatsAppConnector;
  /** Sends to a conversation later (staff replies), on whichever adapter owns its channel. */
  proactive: Proactive;
  /** Sends updates to subscribers from the outbox. */
  updates: UpdateWorker;
  /** Stops accepting work, waits for in-flight turns (up to the grace period), closes resources. */
  close(): Promise<void>;
}

/**
 * Builds every service and route from a config, without listening: `src/index.ts` listens,
 * tests call this directly. Throws (with file and line) when the knowledge base is broken.
 */
export async function createApp(config: Readonly<Config>, logger: Logger): Promise<App> {
  const kb = loadKnowledge(config.KNOWLEDGE_DIR);
  const index = SearchIndex.build(kb);
  const i18n = createI18n(config.LOCALES_DIR);
  const { db, engine } = await openDatabase(config);
  const storage = new SqlStorage(db);
  const services: BotServices = {
    config,
    kb,
    index,
    i18n,
    logger,
    tickets: new SqlTicketStore(db, engine === 'postgresql'),
    unanswered: new SqlUnansweredStore(db),
    subscriptions: new SubscriptionStore(db),
    updates: updateServices(db),
    // Loaded only when configured: each library costs memory in every process (prom-client, nodemailer).
    metrics: config.METRICS_ENABLED ? new (await import('./metrics/Metrics')).Metrics() : undefined,
    mailer: config.SMTP_URL ? new (await import('./mail/Mailer')).Mailer(config.SMTP_URL, config.MAIL_FROM, config.OUTGOING_TIMEOUT_MS) : undefined,
  };
  const purge = () =>
    storage.purgeIdleConversations(config.CONVERSATION_TTL_DAYS).catch((err) => logger.warn({ err: errorSummary(err) }, 'state purge failed'));
  await purge();
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS).unref();
  const bot = createBot(services, storage);

  const adapter = wireAdapter(createAdapter(config), bot, services);
  const proactive = new Proactive(adapter, config);

  const readiness: Readiness = { ready: false };
  const inFlight = new InFlight();
  const server = createServer(config, readiness, logger);
  registerMessagesRoute(server, { config, adapter, bot: bot.bot, logger, inFlight });
  registerDirectLine(server, { app: bot, services, proactive, inFlight });
  registerWebChatPage(server);
  registerStaffRoutes(server, { services, app: bot, proactive });
  registerStaffConsole(server);
  registerNewsletterRoutes(server, services, services.subscriptions!);
  if (services.metrics) registerMetricsRoute(server, config, services.metrics);
  const whatsapp = config.whatsappEnabled ? registerWhatsApp(server, { app: bot, services, db, proactive, inFlight }) : undefined;
  const updates = startUpdates({ server, services, db, engine, proactive, whatsapp });
  readiness.ready = true;

  return {
    server,
    readiness,
    inFlight,
    services,
    bot,
    proactive,
    whatsapp,
    updates,
    async close() {
      readiness.ready = false;
      await inFlight.drained(config.SHUTDOWN_GRACE_MS);
      await updates.stop(config.SHUTDOWN_GRACE_MS);
      clearInterval(purgeTimer);
      server.close();
      services.mailer?.close();
      await db.destroy();
    },
  };
}
